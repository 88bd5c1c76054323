import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../../support/createTestDatabase.js";

export interface DispatcherProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote to stderr: its warnings and errors. */
  stderr(): string;
}

/** Starts runDispatcherProcess.ts and resolves once it is dispatching. */
export async function spawnDispatcher(env: Record<string, string>): Promise<DispatcherProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "test/delivery/support/runDispatcherProcess.ts")], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready")) resolve();
    });
    void exited.then(({ code, signal }) => reject(new Error(`dispatcher process exited (${code ?? signal}) before it was ready:\n${err}`)));
  });
  return { child, exited, stderr: () => err };
}
