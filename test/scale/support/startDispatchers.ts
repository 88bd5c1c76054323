// Dispatcher processes exactly as an operator runs them: `npx relawan start --role dispatcher`,
// configured only through the environment. Their JSON log lines are kept, so a test
// can count what they said (429 pauses, Redis away, loop failures).
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "../../support/createTestDatabase.js";

export interface DispatcherSettings {
  databaseUrl: string;
  redisUrl: string;
  /** A BotFather-shaped token: its numeric part names the bot's pace in Redis. */
  token: string;
  apiRoot: string;
  /** Telegram's limit: 30 at most, or above 30 as a paid-broadcast rate. */
  perSecond: number;
  leaseSeconds?: number;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface DispatcherProcess {
  index: number;
  child: ChildProcess;
  /** What its dispatcher writes into Delivery.claimedBy. */
  workerId: string;
  logs: LogLine[];
  /** Lines that were not JSON (stack traces, tsx warnings). */
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface Dispatchers {
  processes: DispatcherProcess[];
  /** Log lines of every process with this message. */
  said(msg: string | RegExp): LogLine[];
  /** SIGTERM to the ones still running, SIGKILL after 15 s; resolves when all have exited. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

export async function startDispatchers(count: number, settings: DispatcherSettings): Promise<Dispatchers> {
  // One after another: processes starting at the same moment on one database can collide in
  // storeCampaignContent (unique key on ContentPage) and exit; a start-up race in src/, reported.
  const processes: DispatcherProcess[] = [];
  try {
    for (let index = 0; index < count; index++) processes.push(await startOne(index, settings));
  } catch (err) {
    await Promise.all(processes.map(stopOne));
    throw err;
  }
  return {
    processes,
    said: (msg) => processes.flatMap((p) => p.logs.filter((line) => (typeof msg === "string" ? line.msg === msg : msg.test(line.msg)))),
    async stop() {
      await Promise.all(processes.map(stopOne));
    },
  };
}

function environment(settings: DispatcherSettings): NodeJS.ProcessEnv {
  const paid = settings.perSecond > 30;
  return {
    ...process.env,
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    TELEGRAM_BOT_TOKEN: settings.token,
    TELEGRAM_API_ROOT: settings.apiRoot,
    TELEGRAM_WEBHOOK_URL: "",
    TELEGRAM_RATE_PER_SECOND: paid ? "30" : String(settings.perSecond),
    TELEGRAM_PAID_BROADCAST: paid ? "true" : "false",
    TELEGRAM_PAID_RATE_PER_SECOND: String(settings.perSecond),
    TELEGRAM_PER_CHAT_PER_SECOND: "1",
    DELIVERY_LEASE_SECONDS: String(settings.leaseSeconds ?? 60),
    QUIET_HOURS: "off",
    CAMPAIGN_BLACKOUT: "",
    WHATSAPP_ENABLED: "false",
    WHATSAPP_CLOUD_TOKEN: "",
    WHATSAPP_CLOUD_PHONE_NUMBER_ID: "",
    WHATSAPP_CLOUD_APP_SECRET: "",
    WHATSAPP_CLOUD_VERIFY_TOKEN: "",
    ADMIN_TELEGRAM_IDS: "",
    OPS_PORT: "",
    CONTENT_DIR: join(repoRoot, "campaign"),
    LOG_LEVEL: "info",
    RELAWAN_ROLE: "dispatcher",
  };
}

async function startOne(index: number, settings: DispatcherSettings): Promise<DispatcherProcess> {
  const child = spawn(process.execPath, [join(repoRoot, "bin/relawan.js"), "start", "--role", "dispatcher"], {
    cwd: repoRoot,
    env: environment(settings),
    stdio: ["ignore", "pipe", "pipe"],
  });
  // A test worker that dies (a timeout, Ctrl-C) must not leave dispatchers sending.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  const logs: LogLine[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      process.off("exit", orphanGuard);
      resolve({ code, signal });
    }),
  );
  const running = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dispatcher ${index} not running after ${READY_TIMEOUT_MS} ms:\n${stderr}`)), READY_TIMEOUT_MS);
    let id: string | undefined;
    createInterface({ input: child.stdout! }).on("line", (text) => {
      const line = parseLine(text);
      if (!line) {
        stderr += `${text}\n`;
        return;
      }
      logs.push(line);
      if (line.msg === "dispatcher started") id = String(line.workerId);
      if (line.msg === "Relawan is running" && id) {
        clearTimeout(timer);
        resolve(id);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`dispatcher ${index} exited (${code ?? signal}) before it was running:\n${stderr}`));
    });
  });
  let workerId: string;
  try {
    workerId = await running;
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  return { index, child, workerId, logs, stderr: () => stderr, exited };
}

async function stopOne(p: DispatcherProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill("SIGTERM");
  const timer = setTimeout(() => p.child.kill("SIGKILL"), 15_000);
  await p.exited;
  clearTimeout(timer);
}

function parseLine(text: string): LogLine | undefined {
  if (!text.startsWith("{")) return undefined;
  try {
    return JSON.parse(text) as LogLine;
  } catch {
    return undefined;
  }
}
