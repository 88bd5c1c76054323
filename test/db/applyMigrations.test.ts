// Runs on the database under test: SQLite by default, PostgreSQL in `npm run test:pg`.
import { execFileSync } from "node:child_process";
import { cpSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, splitStatements } from "../../src/db/applyMigrations.js";
import { repoRoot, testDialect } from "../support/createTestDatabase.js";
import { freshDatabase as freshMigrationDatabase, migrationsDir, type Cleanup } from "../support/migrationDatabases.js";

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const otherMigrationsDir = join(repoRoot, testDialect === "postgresql" ? "prisma/migrations" : "prisma/postgresql/migrations");
const prismaConfig = testDialect === "postgresql" ? ["--config", "prisma/postgresql/prisma.config.ts"] : [];

const freshDatabase = () => freshMigrationDatabase(cleanup);

describe("applyMigrations", () => {
  it("applies every migration once, and a second run applies nothing", async () => {
    const { db } = await freshDatabase();
    const first = await applyMigrations(db);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await applyMigrations(db);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    expect(await db.contact.count()).toBe(0);
  });

  it("records migrations the way Prisma does, so `prisma migrate status` agrees", async () => {
    const { db, url } = await freshDatabase();
    await applyMigrations(db);
    const output = execFileSync("npx", ["prisma", "migrate", "status", ...prismaConfig], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    expect(output).toContain("Database schema is up to date!");
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    const { db, dir } = await freshDatabase();
    const migrations = join(dir, "migrations");
    cpSync(migrationsDir, migrations, { recursive: true });
    const applied = await applyMigrations(db, migrations);
    appendFileSync(join(migrations, applied.applied[0]!, "migration.sql"), "\n-- edited\n");
    await expect(applyMigrations(db, migrations)).rejects.toThrow(/was changed after it was applied/);
  });

  it("refuses the other database's migrations", async () => {
    const { db } = await freshDatabase();
    await expect(applyMigrations(db, otherMigrationsDir)).rejects.toThrow(/migrations, but the database is/);
  });

  it("splits Prisma's SQL into statements, dropping comment lines", () => {
    expect(splitStatements("-- CreateTable\nCREATE TABLE a (x INT);\n\n-- CreateIndex\nCREATE INDEX i ON a(x);\n")).toEqual([
      "CREATE TABLE a (x INT)",
      "CREATE INDEX i ON a(x)",
    ]);
  });
});
