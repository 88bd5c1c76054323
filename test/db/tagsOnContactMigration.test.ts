// People's tags move onto Contact.tagList on PostgreSQL (migration contact_tags_on_contact): every
// tag of everyone, none twice, and the rows emptied; SQLite keeps its rows as they are. Runs on
// SQLite, and on PostgreSQL in `npm run test:pg`.
import { afterEach, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/applyMigrations.js";
import { hasAnyTagSql, readContactTags } from "../../src/domain/contacts/contactTags.js";
import { Prisma } from "../../src/db/client.js";
import { testDialect } from "../support/createTestDatabase.js";
import { databaseBefore, migrationsDir, type Cleanup } from "../support/migrationDatabases.js";

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

it("keeps every person's tags, found as before, whichever database keeps them", async () => {
  const { db, migration: move } = await databaseBefore("contact_tags_on_contact", cleanup);
  await db.$executeRaw`INSERT INTO "Contact" ("id", "language", "lastActiveAt") VALUES ('siti', 'id', ${new Date()}), ('budi', 'id', ${new Date()}), ('ani', 'id', ${new Date()})`;
  await db.$executeRaw`INSERT INTO "ContactTag" ("contactId", "tag") VALUES ('siti', 'saksi'), ('siti', 'region:32'), ('siti', 'posko "a"'), ('budi', 'saksi')`;

  const applied = await applyMigrations(db, migrationsDir);
  expect(applied.applied[0]).toBe(move);
  expect(await readContactTags(db, "siti")).toEqual(['posko "a"', "region:32", "saksi"]);
  expect(await readContactTags(db, "budi")).toEqual(["saksi"]);
  expect(await readContactTags(db, "ani")).toEqual([]);
  const withSaksi = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c."id" FROM "Contact" c WHERE ${hasAnyTagSql(testDialect, "c", ["saksi"])} ORDER BY c."id"`);
  expect(withSaksi.map((c) => c.id)).toEqual(["budi", "siti"]);
  expect(await db.contactTag.count()).toBe(testDialect === "postgresql" ? 0 : 4);
});
