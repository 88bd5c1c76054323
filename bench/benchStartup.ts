// How long a newcomer waits: `relawan --help` until the help is printed, and `npm start` until the
// terminal chat's first prompt, from spawning the process (wall time, median of several runs).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDist } from "../scripts/buildDist.js";
import { root } from "./benchDatabase.js";

export interface StartupFigures {
  helpMs: number;
  firstPromptMs: number;
  npmFirstPromptMs: number;
}

export async function benchStartup(runs: number): Promise<StartupFigures> {
  const dir = mkdtempSync(join(tmpdir(), "relawan-bench-startup-"));
  // A .env in the repository must not turn the terminal chat into a Telegram bot here.
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: `file:${join(dir, "relawan.db")}`, TELEGRAM_BOT_TOKEN: "", WHATSAPP_ENABLED: "", WHATSAPP_CLOUD_TOKEN: "", LOG_LEVEL: "warn" };
  try {
    await buildDist();
    const help = await repeat(runs, () => timeUntil(process.execPath, ["bin/relawan.js", "--help"], env, undefined));
    // The first start migrates the fresh database; the figures are for the starts after it.
    const fresh = await timeUntil(process.execPath, ["bin/relawan.js", "start"], env, "\n> ");
    const prompt = await repeat(runs, () => timeUntil(process.execPath, ["bin/relawan.js", "start"], env, "\n> "));
    const npm = await repeat(runs, () => timeUntil("npm", ["start", "--silent"], env, "\n> "));
    // A developer's edit: the next run compiles that one file first.
    const edited = join(root, "src", "cli", "runCli.ts");
    const now = new Date();
    utimesSync(edited, now, now);
    const afterEdit = await timeUntil(process.execPath, ["bin/relawan.js", "--help"], env, undefined);
    console.log(`startup: relawan --help ${describe(help)}; after editing one source file ${Math.round(afterEdit)} ms (it is compiled first)`);
    console.log(`startup: terminal chat's first prompt, node bin/relawan.js start ${describe(prompt)} (first start on a fresh database, migrating it: ${Math.round(fresh)} ms); npm start ${describe(npm)}`);
    return { helpMs: median(help), firstPromptMs: median(prompt), npmFirstPromptMs: median(npm) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function repeat(runs: number, measure: () => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await measure());
  return times;
}

/** Milliseconds from spawning until `marker` appears on stdout (or, without one, until the process exits). */
function timeUntil(command: string, args: string[], env: Record<string, string>, marker: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let at: number | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (marker !== undefined && at === undefined && out.includes(marker)) {
        at = performance.now() - started;
        child.stdin.end("/quit\n");
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${err.trim()}`));
      else if (marker === undefined) resolve(performance.now() - started);
      else if (at === undefined) reject(new Error(`${command} ${args.join(" ")} never printed ${JSON.stringify(marker)}`));
      else resolve(at);
    });
    if (marker === undefined) child.stdin.end();
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function describe(values: number[]): string {
  return `median ${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))} ms, ${values.length} runs)`;
}
