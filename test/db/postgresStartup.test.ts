// `DATABASE_URL=postgresql://... npm start`: the bot migrates an empty PostgreSQL database at
// start-up and runs on it, as it does on a fresh SQLite file (test/startup.test.ts).
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { createPostgresDatabase, repoRoot, testDialect } from "../support/createTestDatabase.js";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function start(env: Record<string, string>, input: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/relawan.js", "start"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe.skipIf(testDialect !== "postgresql")("start-up on PostgreSQL", () => {
  it("creates and migrates the database, opens the terminal chat, and keeps the conversation for the next start", async () => {
    const created = await createPostgresDatabase();
    cleanup.push(() => created.remove());
    // Like `prisma migrate deploy`, start-up creates a database the server does not have yet.
    await created.remove();

    const first = await start({ DATABASE_URL: created.url }, "2\n1\n/quit\n");
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("asisten otomatis (bot) dari Tim Relawan Nusa Bakti (DEMO)");
    expect(first.stdout).toContain("May Nusa Bakti Volunteer Team (DEMO) send you campaign updates");

    const second = await start({ DATABASE_URL: created.url }, "1\n/quit\n");
    expect(second.status).toBe(0);
    // The person chose English and was asked for consent last time; the answer lands there now.
    expect(second.stdout).not.toContain("Pilih bahasa / Choose your language");
    expect(second.stdout).toContain("About Nusa Bakti (a fictional candidate)");

    const db = await openDatabase(created.url);
    cleanup.push(() => db.$disconnect());
    const migrations = await db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS "n" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL`;
    expect(Number(migrations[0]!.n)).toBeGreaterThan(0);
    expect(await db.consentRecord.count({ where: { purpose: "updates", granted: true } })).toBe(1);
  }, 120_000);
});
