// The one module that reads, writes and filters people's tags, on SQLite and (npm run test:pg) PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prisma, type Database } from "../../../src/db/client.js";
import { addContactTags, hasAnyTagSql, readContactTags, readTagsOfContacts, removeContactTags, replaceTagsWithPrefixes, taggedContactIdsSql } from "../../../src/domain/contacts/contactTags.js";
import { runTransaction } from "../../../src/db/runTransaction.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../../support/createTestDatabase.js";

let store: TestDatabase;
let db: Database;
beforeEach(async () => {
  store = await createTestDatabase();
  db = store.db;
  for (const id of ["c1", "c2", "c3"]) await db.contact.create({ data: { id } });
});
afterEach(async () => store.close());

async function idsWhere(condition: Prisma.Sql): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c."id" FROM "Contact" c WHERE ${condition} ORDER BY c."id"`);
  return rows.map((row) => row.id);
}

describe("a person's tags", () => {
  it("are read in order, added once however often they are given, and taken off", async () => {
    await addContactTags(db, "c1", ["saksi", "posko-a", "saksi"]);
    await addContactTags(db, "c1", ["posko-a", "region:32"]);
    expect(await readContactTags(db, "c1")).toEqual(["posko-a", "region:32", "saksi"]);
    await removeContactTags(db, "c1", ["saksi", "not-there"]);
    expect(await readContactTags(db, "c1")).toEqual(["posko-a", "region:32"]);
    await addContactTags(db, "c1", []);
    await removeContactTags(db, "c1", []);
    expect(await readContactTags(db, "c2")).toEqual([]);
  });

  it("of some kinds are replaced by the wanted ones, every other tag kept, the row left unwritten when nothing changes", async () => {
    await addContactTags(db, "c1", ["lang:en", "region:32", "saksi", "a_b:x", "role:volunteer"]);
    await replaceTagsWithPrefixes(db, "c1", ["lang:", "region:", "a%b:"], ["lang:id", "region:32", "region:3273"]);
    // "a_b:x" is no "a%b:" tag: the prefixes are text, not patterns. "role:" was not among them.
    expect(await readContactTags(db, "c1")).toEqual(["a_b:x", "lang:id", "region:32", "region:3273", "role:volunteer", "saksi"]);
    await replaceTagsWithPrefixes(db, "c1", ["lang:"], []);
    expect(await readContactTags(db, "c1")).toEqual(["a_b:x", "region:32", "region:3273", "role:volunteer", "saksi"]);
    await replaceTagsWithPrefixes(db, "c2", ["lang:"], ["lang:id", "lang:id"]);
    expect(await readContactTags(db, "c2")).toEqual(["lang:id"]);
    if (testDialect === "postgresql") {
      // The row's version (xmin) stays when the tags are already as wanted: no new row, no index entries.
      const version = async () => (await db.$queryRaw<{ v: string }[]>`SELECT xmin::text AS "v" FROM "Contact" WHERE "id" = 'c1'`)[0]!.v;
      const before = await version();
      await replaceTagsWithPrefixes(db, "c1", ["region:", "role:"], ["region:3273", "region:32", "role:volunteer"]);
      expect(await version()).toBe(before);
      await replaceTagsWithPrefixes(db, "c1", ["role:"], []);
      expect(await version()).not.toBe(before);
    }
  });

  it("are written and read inside a conversation turn's transaction as outside it", async () => {
    await runTransaction(
      db,
      async (tx) => {
        await addContactTags(tx, "c2", ["lang:id", "role:volunteer"]);
        await removeContactTags(tx, "c2", ["lang:id"]);
        expect(await readContactTags(tx, "c2")).toEqual(["role:volunteer"]);
      },
      { timeout: 5000, maxWait: 5000 },
    );
    expect(await readContactTags(db, "c2")).toEqual(["role:volunteer"]);
  });

  it("of many people are read at once, each in order, someone without tags left out", async () => {
    await addContactTags(db, "c1", ["b", "a"]);
    await addContactTags(db, "c3", ["c"]);
    const tags = await readTagsOfContacts(db, ["c1", "c2", "c3"]);
    expect([...tags.entries()].sort()).toEqual([
      ["c1", ["a", "b"]],
      ["c3", ["c"]],
    ]);
    expect((await readTagsOfContacts(db, [])).size).toBe(0);
  });

  it("find the people with any of them, as a subquery and as a condition per person", async () => {
    await addContactTags(db, "c1", ["saksi"]);
    await addContactTags(db, "c2", ["posko-a", "saksi"]);
    await addContactTags(db, "c3", ["posko-b"]);
    expect(await idsWhere(Prisma.sql`c."id" IN (${taggedContactIdsSql(testDialect, ["saksi"])})`)).toEqual(["c1", "c2"]);
    expect(await idsWhere(Prisma.sql`c."id" IN (${taggedContactIdsSql(testDialect, ["posko-a", "posko-b"])})`)).toEqual(["c2", "c3"]);
    expect(await idsWhere(hasAnyTagSql(testDialect, "c", ["posko-b", "nobody"]))).toEqual(["c3"]);
    expect(await idsWhere(hasAnyTagSql(testDialect, "c", ["nobody"]))).toEqual([]);
    // Someone never tagged, and someone whose last tag was taken off, have none of them.
    await db.contact.create({ data: { id: "c4" } });
    await removeContactTags(db, "c3", ["posko-b"]);
    expect(await idsWhere(Prisma.sql`NOT ${hasAnyTagSql(testDialect, "c", ["saksi"])}`)).toEqual(["c3", "c4"]);
    expect(await idsWhere(Prisma.sql`c."id" IN (${taggedContactIdsSql(testDialect, ["posko-b"])})`)).toEqual([]);
  });

  it("go with the person", async () => {
    await addContactTags(db, "c1", ["saksi"]);
    await db.contact.delete({ where: { id: "c1" } });
    expect(await readContactTags(db, "c1")).toEqual([]);
    expect((await readTagsOfContacts(db, ["c1"])).size).toBe(0);
  });
});
