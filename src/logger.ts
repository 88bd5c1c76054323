import { pino, type Logger } from "pino";

export type { Logger };

/** JSON logs for machines; pretty when a person is watching the terminal. */
export function createLogger(level: string, options: { pretty: boolean; file?: string }): Logger {
  if (options.file) return pino({ level }, pino.destination({ dest: options.file, mkdir: true, sync: false }));
  if (options.pretty) {
    return pino({ level, transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss" } } });
  }
  return pino({ level });
}
