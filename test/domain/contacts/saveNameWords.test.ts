// The name search's words follow every write of a name: sign-up, /ubahdata, an import, a merge,
// and an erasure takes them away. Checked through the People search itself.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { dialectOf } from "../../../src/db/dialect.js";
import { eraseContact } from "../../../src/domain/contacts/eraseContact.js";
import { mergeContacts } from "../../../src/domain/contacts/mergeContacts.js";
import { nameSearchWords } from "../../../src/domain/contacts/nameSearchWords.js";
import { saveNameWords } from "../../../src/domain/contacts/saveNameWords.js";
import { updateContactDetails } from "../../../src/domain/contacts/updateContactDetails.js";
import { listPeople } from "../../../src/domain/people/listPeople.js";
import { registerVolunteer } from "../../../src/domain/volunteers/registerVolunteer.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { createCsvFolder, importFile, importNow } from "../imports/support.js";

let store: TestDatabase;
let db: Database;
beforeEach(async () => {
  store = await createTestDatabase();
  db = store.db;
});
afterEach(async () => store.close());

async function found(search: string): Promise<string[]> {
  const page = await listPeople(db, { filter: { search }, limit: 50, viewerRole: "admin", settings: { defaultCountry: "ID", activeDays: 30, now: importNow } });
  if (page.status !== "ok") throw new Error(page.status);
  return page.people.map((p) => p.name ?? "");
}

describe("nameSearchWords", () => {
  it("folds case and accents, splits at anything but letters and digits, keeps each word once", () => {
    expect(nameSearchWords("  Siti Nur-Aminah, S.Pd ")).toEqual(["siti", "nur", "aminah", "s", "pd"]);
    expect(nameSearchWords("JOSÉ josé Ñoño")).toEqual(["jose", "nono"]);
    expect(nameSearchWords("=HYPERLINK(\"http://evil\")")).toEqual(["hyperlink", "http", "evil"]);
    expect(nameSearchWords("x".repeat(100))).toEqual(["x".repeat(32)]);
    expect(nameSearchWords(null)).toEqual([]);
    expect(nameSearchWords("%_ \u0000")).toEqual([]);
  });

  it("reads an ASCII name as the Unicode folding does", () => {
    const folded = (text: string) => {
      const words = text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
      return [...new Set(words.map((word) => [...word].slice(0, 32).join("")))].slice(0, 12);
    };
    const asciiName = fc.string({ unit: fc.oneof(fc.constantFrom("a", "Z", "0", "9", " ", "-", ".", ","), fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code))), maxLength: 120 });
    fc.assert(
      fc.property(asciiName, (name) => {
        expect(nameSearchWords(name)).toEqual(folded(name));
      }),
      { numRuns: 5_000 },
    );
    expect(nameSearchWords(`Budi ${"A".repeat(40)} budi 7 ${"x y ".repeat(10)}`)).toEqual(folded(`Budi ${"A".repeat(40)} budi 7 ${"x y ".repeat(10)}`));
  });
});

describe("the name search's words", () => {
  it("follow sign-up, /ubahdata, merge and erasure", async () => {
    const contact = await db.contact.create({ data: { language: "id" } });
    await registerVolunteer(db, { contactId: contact.id, name: "Budi Santoso", phone: "+6281234567890", regionCode: "32.73", interests: [], availability: "weekend", role: null, at: importNow });
    expect(await found("santoso")).toEqual(["Budi Santoso"]);

    await updateContactDetails(db, contact.id, { name: "Bambang Wijaya" });
    expect(await found("santoso")).toEqual([]);
    expect(await found("bambang wij")).toEqual(["Bambang Wijaya"]);
    // Details without a name leave the words alone.
    await updateContactDetails(db, contact.id, { regionCode: "32.71" });
    expect(await found("bambang")).toEqual(["Bambang Wijaya"]);

    // The same person on another channel, merged in: the kept contact had no name, the merged one's stays searchable.
    const other = await db.contact.create({ data: { language: "id" } });
    await mergeContacts(db, other.id, contact.id);
    expect(await found("wijaya")).toEqual(["Bambang Wijaya"]);
    expect(await db.contactNameWord.count({ where: { contactId: contact.id } })).toBe(0);

    await eraseContact(db, other.id, importNow, "telegram", "v1");
    expect(await found("wijaya")).toEqual([]);
    expect(await db.contactNameWord.count()).toBe(0);
  });

  it("are kept on the contact on PostgreSQL and as ContactNameWord rows on SQLite (contactSearchWords)", async () => {
    const contact = await db.contact.create({ data: { language: "id", name: "Siti Nur-Aminah" } });
    await saveNameWords(db, contact.id, "Siti Nur-Aminah");
    const onContact = (await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).searchWords;
    const rows = (await db.contactNameWord.findMany({ where: { contactId: contact.id } })).map((w) => w.word).sort();
    if (dialectOf(db) === "postgresql") expect([onContact, rows]).toEqual(["siti nur aminah", []]);
    else expect([onContact, rows]).toEqual([null, ["aminah", "nur", "siti"]]);
    await saveNameWords(db, contact.id, null);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).searchWords).toBeNull();
    expect(await db.contactNameWord.count()).toBe(0);
  });

  it("follow an import: new contacts, and a blank name an existing contact gets from the file", async () => {
    await db.contact.create({ data: { phone: "+6281311112222" } });
    const folder = createCsvFolder();
    try {
      const path = folder.write("kontak.csv", "nama,telepon\nSiti Aminah,081311112222\nDewi Lestari,081344445555\n");
      const outcome = await importFile(db, path);
      expect(outcome.status).toBe("done");
    } finally {
      folder.remove();
    }
    expect(await found("aminah")).toEqual(["Siti Aminah"]);
    expect(await found("dewi les")).toEqual(["Dewi Lestari"]);
  });
});
