// Two processes on one SQLite file (the running bot and a `relawan` command in a second shell):
// a transaction that reads first and writes after must be able to write, whatever the other wrote.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, repoRoot, testDialect, type TestDatabase } from "../support/createTestDatabase.js";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

/** Another process inserts a contact without waiting for a lock (busy_timeout 0): "written", or what SQLite said. */
function writeFromAnotherProcess(file: string): Promise<string> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1], { timeout: 0 });
    try {
      db.prepare("INSERT INTO \\"Contact\\" (\\"id\\", \\"language\\", \\"name\\", \\"createdAt\\", \\"lastActiveAt\\") VALUES ('other', 'id', 'other', 0, 0)").run();
      console.log("written");
    } catch (error) {
      console.log(error.code);
    }`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["-e", script, file], { cwd: repoRoot }, (error, stdout) => (error ? reject(error) : resolve(stdout.trim()))),
  );
}

describe.skipIf(testDialect !== "sqlite")("a SQLite transaction beside another process", () => {
  it("holds the write lock from its start, so what it read stays what it may write over", async () => {
    database = await createTestDatabase();
    const { db, url } = database;
    const file = fileURLToPath(new URL(url.replace(/^file:/, "file://")));
    let other = "";
    await db.$transaction(async (tx) => {
      await tx.contact.count();
      // Before: the other process wrote here, and this transaction's write below failed with
      // SQLITE_BUSY_SNAPSHOT ("database is locked"), at once and whatever busy_timeout said.
      other = await writeFromAnotherProcess(file);
      await tx.contact.create({ data: { language: "id", name: "mine" } });
    });
    expect(other).toBe("SQLITE_BUSY");
    expect((await db.contact.findMany({ select: { name: true } })).map((c) => c.name)).toEqual(["mine"]);
    // Once the transaction is over, the other process writes as before.
    expect(await writeFromAnotherProcess(file)).toBe("written");
  });
});
