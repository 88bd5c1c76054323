import { openSync } from "node:fs";
import { dirname } from "node:path";
import { pino, type Logger } from "pino";
import { makeFolder } from "./makeFolder.js";

export type { Logger };

/** JSON logs for machines; pretty when a person is watching the terminal. */
export function createLogger(level: string, options: { pretty: boolean; file?: string }): Logger {
  if (options.file) {
    // Opened here rather than in the background: a folder that cannot be written throws now, where
    // start-up can say so in one line, and an exit right after start finds the log ready to flush.
    makeFolder(dirname(options.file));
    return pino({ level }, pino.destination({ fd: openSync(options.file, "a"), sync: false }));
  }
  if (options.pretty) {
    return pino({ level, transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss" } } });
  }
  return pino({ level });
}
