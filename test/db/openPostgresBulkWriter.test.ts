// The PostgreSQL bulk writer sends rows that need no ON CONFLICT by COPY: every cell lands as it
// was given (COPY's escapes, nulls, booleans, times, constants), a unique key broken by one row fails
// the transaction as an INSERT would, and the writer goes on working after it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BulkRows, openBulkWriter, type BulkWriter } from "../../src/db/openBulkWriter.js";
import { postgresArrayLiteral } from "../../src/db/postgresTextArray.js";
import { readContactTags } from "../../src/domain/contacts/contactTags.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/createTestDatabase.js";

let store: TestDatabase;
let writer: BulkWriter;
beforeEach(async () => {
  store = await createTestDatabase();
  writer = await openBulkWriter(store.db);
});
afterEach(async () => {
  await writer.close();
  await store.close();
});

const contactColumns = [
  ["id", "text"],
  ["name", "text"],
  ["regionCode", "text"],
  ["optedOut", "boolean"],
  ["updatesConsent", "boolean"],
] as const;

describe.runIf(testDialect === "postgresql")("the PostgreSQL bulk writer", () => {
  it("writes an array column by COPY as given, and an update adds to what the row holds, each value once", async () => {
    const columns = [
      ["id", "text"],
      ["tagList", "textArray"],
    ] as const;
    const odd = ['posko "a"', "back\\slash", "tab\there", "a,b"];
    const contacts = new BulkRows(2);
    contacts.add("c1", postgresArrayLiteral(["saksi", ...odd]));
    contacts.add("c2", null);
    contacts.add("c3", postgresArrayLiteral(["saksi"]));
    await writer.transaction(() => writer.insert({ table: "Contact", columns, constants: [["language", "text", "id"]] }, contacts));
    expect(await readContactTags(store.db, "c1")).toEqual([...odd, "saksi"].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
    expect(await readContactTags(store.db, "c2")).toEqual([]);
    const more = new BulkRows(2);
    more.add("c1", postgresArrayLiteral(["saksi", "baru"]));
    more.add("c2", postgresArrayLiteral(["baru"]));
    more.add("c3", null);
    await writer.transaction(() => writer.update("Contact", columns, more));
    expect((await readContactTags(store.db, "c1")).length).toBe(odd.length + 2);
    expect(await readContactTags(store.db, "c1")).toContain("baru");
    expect(await readContactTags(store.db, "c2")).toEqual(["baru"]);
    expect(await readContactTags(store.db, "c3")).toEqual(["saksi"]);
  });

  it("writes rows without ON CONFLICT by COPY, each cell as given", async () => {
    // Which statement wrote the contacts: a trigger of this test records it.
    await store.db.$executeRawUnsafe(`CREATE TABLE "seen" ("query" text)`);
    await store.db.$executeRawUnsafe(`CREATE FUNCTION "note_query"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "seen" VALUES (current_query()); RETURN NULL; END $$`);
    await store.db.$executeRawUnsafe(`CREATE TRIGGER "note_query" AFTER INSERT ON "Contact" FOR EACH STATEMENT EXECUTE FUNCTION "note_query"()`);
    const at = new Date("2026-12-01T10:00:00.123Z");
    const names = ["back\\slash", "Sïti\tÑur \\ 👍\n", "tab\there", "new\nline", "carriage\rreturn", "\\N", "all \\\t\n\r at once", "", "Siti"];
    const contacts = new BulkRows(contactColumns.length);
    names.forEach((name, i) => contacts.add(`c${i}`, name, i % 2 === 0 ? null : "32.73", i % 3 === 0, i % 4 === 0 ? null : i % 4 === 1));
    contacts.add("c-null", null, null, false, null);
    const written = await writer.transaction(() =>
      writer.insert({ table: "Contact", columns: contactColumns, constants: [["createdAt", "timestamp", at], ["language", "text", "en"], ["referredByCode", "text", null]] }, contacts),
    );
    expect(written).toBe(names.length + 1);
    const stored = await store.db.contact.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, regionCode: true, optedOut: true, updatesConsent: true, createdAt: true, language: true, referredByCode: true } });
    expect(stored).toEqual([
      { id: "c-null", name: null, regionCode: null, optedOut: false, updatesConsent: null, createdAt: at, language: "en", referredByCode: null },
      ...names.map((name, i) => ({ id: `c${i}`, name, regionCode: i % 2 === 0 ? null : "32.73", optedOut: i % 3 === 0, updatesConsent: i % 4 === 0 ? null : i % 4 === 1, createdAt: at, language: "en", referredByCode: null })),
    ]);
    const seen = await store.db.$queryRawUnsafe<{ query: string }[]>(`SELECT "query" FROM "seen"`);
    expect(seen.map(({ query }) => query.split(" ")[0])).toEqual(["COPY"]);
  });

  it("fails the transaction on a broken unique key, writing nothing, and writes the next one", async () => {
    const tags = new BulkRows(2);
    for (let i = 0; i < 5_000; i++) tags.add("c1", `tag-${i}`);
    tags.add("c1", "tag-4000");
    const contact = new BulkRows(2);
    contact.add("c1", "Budi");
    const insertBoth = async () => {
      await writer.insert({ table: "Contact", columns: [["id", "text"], ["name", "text"]] }, contact);
      return writer.insert({ table: "ContactTag", columns: [["contactId", "text"], ["tag", "text"]] }, tags);
    };
    await expect(writer.transaction(insertBoth)).rejects.toThrow(/duplicate key/);
    expect(await store.db.contact.count()).toBe(0);
    tags.columns[1]![5_000] = "tag-5000";
    expect(await writer.transaction(insertBoth)).toBe(5_001);
    expect(await store.db.contactTag.count()).toBe(5_001);
  });

  it("skips the reach trigger for identities inserted with reachWritten, and for that statement alone", async () => {
    // Contacts written as no_account on purpose, so the trigger's work, or its absence, shows.
    const contacts = new BulkRows(2);
    for (const id of ["skipped", "checked", "after"]) contacts.add(id, "no_account");
    const identity = (contactId: string, externalId: string) => {
      const rows = new BulkRows(4);
      rows.add(`i-${contactId}`, contactId, "telegram", externalId);
      return rows;
    };
    const identities = { table: "ChannelIdentity", columns: [["id", "text"], ["contactId", "text"], ["channel", "text"], ["externalId", "text"]] } as const;
    await writer.transaction(async () => {
      await writer.insert({ table: "Contact", columns: [["id", "text"], ["reach", "text"]] }, contacts);
      await writer.insert({ ...identities, reachWritten: true }, identity("skipped", "1"));
      await writer.insert(identities, identity("checked", "2"));
    });
    await writer.transaction(() => writer.insert({ ...identities, onConflictDoNothing: true }, identity("after", "3")));
    const reach = await store.db.contact.findMany({ orderBy: { id: "asc" }, select: { id: true, reach: true } });
    expect(reach).toEqual([
      { id: "after", reach: "reachable" },
      { id: "checked", reach: "reachable" },
      { id: "skipped", reach: "no_account" },
    ]);
  });
});
