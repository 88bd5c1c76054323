// SQLite's ContactTag and ContactNameWord become WITHOUT ROWID tables (one B-tree each instead of a
// rowid table and its key's index): the rows already there survive, keys and cascades hold.
// PostgreSQL's migration of the same name does nothing.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/applyMigrations.js";
import { openDatabase } from "../../src/db/client.js";
import { repoRoot, testDialect } from "../support/createTestDatabase.js";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const migrationsDir = join(repoRoot, "prisma/migrations");
const migration = readdirSync(migrationsDir).find((name) => name.endsWith("_tags_and_name_words_without_rowid"))!;

it.skipIf(testDialect === "postgresql")("keeps every tag and name word, and the keys and cascades, in WITHOUT ROWID tables", async () => {
  const dir = mkdtempSync(join(tmpdir(), "relawan-wr-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = await openDatabase(`file:${join(dir, "m.db")}`);
  cleanup.push(() => db.$disconnect());
  const before = join(dir, "migrations");
  cpSync(migrationsDir, before, { recursive: true });
  for (const name of readdirSync(before)) if (name >= migration && name !== "migration_lock.toml") rmSync(join(before, name), { recursive: true });
  await applyMigrations(db, before);
  await db.$executeRaw`INSERT INTO "Contact" ("id", "name", "language") VALUES ('siti', 'Siti Aminah', 'id'), ('budi', 'Budi', 'id')`;
  await db.$executeRaw`INSERT INTO "ContactTag" ("contactId", "tag") VALUES ('siti', 'saksi'), ('siti', 'posko-a'), ('budi', 'saksi')`;
  await db.$executeRaw`INSERT INTO "ContactNameWord" ("word", "contactId") VALUES ('siti', 'siti'), ('aminah', 'siti'), ('budi', 'budi')`;

  expect((await applyMigrations(db, migrationsDir)).applied[0]).toBe(migration);
  const withoutRowid = await db.$queryRawUnsafe<{ name: string; wr: bigint }[]>(`SELECT "name", "wr" FROM pragma_table_list WHERE "name" IN ('ContactTag', 'ContactNameWord') ORDER BY "name"`);
  expect(withoutRowid.map((t) => [t.name, Number(t.wr)])).toEqual([["ContactNameWord", 1], ["ContactTag", 1]]);
  expect(await db.contactTag.findMany({ orderBy: [{ contactId: "asc" }, { tag: "asc" }] })).toEqual([
    { contactId: "budi", tag: "saksi" },
    { contactId: "siti", tag: "posko-a" },
    { contactId: "siti", tag: "saksi" },
  ]);
  expect(await db.contactNameWord.findMany({ where: { word: { startsWith: "am" } } })).toEqual([{ word: "aminah", contactId: "siti" }]);
  await expect(db.$executeRaw`INSERT INTO "ContactTag" ("contactId", "tag") VALUES ('siti', 'saksi')`).rejects.toThrow(/UNIQUE/);
  await expect(db.$executeRaw`INSERT INTO "ContactNameWord" ("word", "contactId") VALUES ('x', 'nobody')`).rejects.toThrow(/FOREIGN KEY/);
  await db.contact.delete({ where: { id: "siti" } });
  expect(await db.contactTag.count()).toBe(1);
  expect(await db.contactNameWord.findMany()).toEqual([{ word: "budi", contactId: "budi" }]);
  const indexes = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" IN ('ContactTag', 'ContactNameWord') AND "sql" IS NOT NULL ORDER BY "name"`);
  expect(indexes.map((i) => i.name)).toEqual(["ContactNameWord_contactId_idx", "ContactTag_tag_idx"]);
});
