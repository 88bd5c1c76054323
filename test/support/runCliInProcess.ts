// The `relawan` command run in-process on a test database, with what it wrote to each stream.
import { runCli } from "../../src/cli/runCli.js";

export async function runCliInProcess(args: string[], options: { databaseUrl: string; now: Date; env?: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env: { DATABASE_URL: options.databaseUrl, ...options.env },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    clock: () => options.now,
  });
  return { code, stdout, stderr };
}
