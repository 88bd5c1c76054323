// Contact.reach is what a segment's count and a broadcast's recipients read for "can a message
// reach one of their chat accounts" (sendableWhereSql). It is kept by the database on every write
// of ChannelIdentity: this walks every path that creates, blocks, unblocks, moves or erases an
// identity and, after each, checks every contact's reach against the definition it stands for
// (an identity with no unreachableAt: reachable; identities but all reported: blocked; none).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eraseContact } from "../../../src/domain/contacts/eraseContact.js";
import { findOrCreateContact } from "../../../src/domain/contacts/findOrCreateContact.js";
import { markIdentityUnreachable } from "../../../src/domain/contacts/markIdentityUnreachable.js";
import { mergeContacts } from "../../../src/domain/contacts/mergeContacts.js";
import { countSegment } from "../../../src/domain/segments/countSegment.js";
import { ensureAdmins } from "../../../src/domain/staff/ensureAdmins.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { createCsvFolder, importFile } from "../imports/support.js";

let store: TestDatabase;
let folder: ReturnType<typeof createCsvFolder>;
beforeEach(async () => {
  store = await createTestDatabase();
  folder = createCsvFolder();
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

const at = new Date("2026-11-26T03:00:00Z");
const seen = new Set<string>();

/** Every contact's kept reach against the definition from their identities; returns reach by id. */
async function expectReachKept(): Promise<Map<string, string>> {
  const rows = await store.db.$queryRaw<{ id: string; reach: string; expected: string }[]>`
    SELECT c."id", c."reach", CASE
      WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = c."id" AND i."unreachableAt" IS NULL) THEN 'reachable'
      WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = c."id") THEN 'blocked'
      ELSE 'no_account' END AS "expected"
    FROM "Contact" c ORDER BY c."id"`;
  expect(rows.map((r) => [r.id, r.reach])).toEqual(rows.map((r) => [r.id, r.expected]));
  for (const row of rows) seen.add(row.reach);
  return new Map(rows.map((r) => [r.id, r.reach]));
}

async function reachOf(contactId: string): Promise<string> {
  return (await expectReachKept()).get(contactId) ?? "erased";
}

describe("Contact.reach, kept by every writer of ChannelIdentity", () => {
  it("follows sign-up, a second app, blocking, writing again, admins from the config, merges, imports, erasure and raw SQL", async () => {
    // First contact on Telegram, then the same person's WhatsApp (their number was shared on Telegram).
    const ayu = (await findOrCreateContact(store.db, { channel: "telegram", externalId: "101" }, { language: "id", at })).contact;
    expect(await reachOf(ayu.id)).toBe("reachable");
    await store.db.contact.update({ where: { id: ayu.id }, data: { phone: "+6281100000001" } });
    await findOrCreateContact(store.db, { channel: "whatsapp", externalId: "6281100000001" }, { language: "id", at, senderPhone: "+6281100000001" });
    expect(await store.db.channelIdentity.count({ where: { contactId: ayu.id } })).toBe(2);

    // The delivery path marks an identity the platform refused; reachable while another one is not.
    await markIdentityUnreachable(store.db, "telegram", "101", at);
    expect(await reachOf(ayu.id)).toBe("reachable");
    await markIdentityUnreachable(store.db, "whatsapp", "6281100000001", at);
    expect(await reachOf(ayu.id)).toBe("blocked");
    // Writing again (say, after unblocking the bot) makes that identity reachable again.
    await findOrCreateContact(store.db, { channel: "telegram", externalId: "101" }, { language: "id", at });
    expect(await reachOf(ayu.id)).toBe("reachable");
    await markIdentityUnreachable(store.db, "telegram", "101", at);
    expect(await reachOf(ayu.id)).toBe("blocked");

    // Admins from the configuration: by Telegram id (an identity), by phone (none yet).
    await ensureAdmins(store.db, ["900"], { at, phones: ["081299990000"] });
    const byTelegram = await store.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "telegram", externalId: "900" } } });
    expect(await reachOf(byTelegram.contactId)).toBe("reachable");
    const byPhone = await store.db.contact.findUniqueOrThrow({ where: { phone: "+6281299990000" } });
    expect(await reachOf(byPhone.id)).toBe("no_account");

    // A merge moves the identities: the kept contact takes the merged one's reach with them.
    const budi = (await findOrCreateContact(store.db, { channel: "telegram", externalId: "102" }, { language: "id", at })).contact;
    await mergeContacts(store.db, byPhone.id, budi.id);
    expect(await reachOf(byPhone.id)).toBe("reachable");
    expect(await reachOf(budi.id)).toBe("erased");
    // A blocked contact merged into one without any identity makes it blocked, not reachable.
    const citra = (await findOrCreateContact(store.db, { channel: "telegram", externalId: "103" }, { language: "id", at })).contact;
    await markIdentityUnreachable(store.db, "telegram", "103", at);
    const dedi = await store.db.contact.create({ data: { name: "Dedi", createdAt: at, lastActiveAt: at } });
    expect(await reachOf(dedi.id)).toBe("no_account");
    await mergeContacts(store.db, dedi.id, citra.id);
    expect(await reachOf(dedi.id)).toBe("blocked");

    // The importer: new people with a phone (a WhatsApp identity) or a Telegram id, one without
    // either, and a phone that is already someone's WhatsApp identity (left as it is: nothing new).
    // Ika's number is the WhatsApp account of someone whose contact has no phone: Ika gets no identity.
    const joko = await store.db.contact.create({ data: { name: "Joko", createdAt: at, lastActiveAt: at, identities: { create: { channel: "whatsapp", externalId: "6281311110009" } } } });
    const path = folder.write(
      "kontak.csv",
      ["nama,telepon,telegram_id", "Eka,081311110001,", "Fajar,,777001", "Gita,081311110003,777003", "Hadi,081299990000,", "Ika,081311110009,"].join("\n") + "\n",
    );
    const outcome = await importFile(store.db, path, { errorsPath: null });
    expect(outcome.status).toBe("done");
    const imported = await store.db.contact.findMany({ where: { name: { in: ["Eka", "Fajar", "Gita"] } }, orderBy: { name: "asc" } });
    expect(imported).toHaveLength(3);
    for (const person of imported) expect(await reachOf(person.id)).toBe("reachable");
    const ika = await store.db.contact.findFirstOrThrow({ where: { name: "Ika" } });
    expect(await reachOf(ika.id)).toBe("no_account");
    expect(await reachOf(joko.id)).toBe("reachable");
    // A contact with no account at all, created the way the importer writes a row without a phone: none.
    await store.db.$executeRaw`INSERT INTO "Contact" ("id", "language", "optedOut", "createdAt", "lastActiveAt") VALUES ('raw-1', 'id', FALSE, ${at}, ${at})`;
    expect(await reachOf("raw-1")).toBe("no_account");

    // Raw SQL writers: insert, block, move to another contact, delete.
    await store.db.$executeRaw`INSERT INTO "ChannelIdentity" ("id", "contactId", "channel", "externalId", "unreachableAt", "createdAt") VALUES ('raw-i', 'raw-1', 'telegram', '555', ${at}, ${at})`;
    expect(await reachOf("raw-1")).toBe("blocked");
    await store.db.$executeRaw`UPDATE "ChannelIdentity" SET "unreachableAt" = NULL WHERE "id" = 'raw-i'`;
    expect(await reachOf("raw-1")).toBe("reachable");
    await store.db.$executeRaw`UPDATE "ChannelIdentity" SET "contactId" = ${dedi.id} WHERE "id" = 'raw-i'`;
    expect(await reachOf("raw-1")).toBe("no_account");
    expect(await reachOf(dedi.id)).toBe("reachable");
    await store.db.$executeRaw`DELETE FROM "ChannelIdentity" WHERE "id" = 'raw-i'`;
    expect(await reachOf(dedi.id)).toBe("blocked");

    // Erasure deletes the contact and, by cascade, their identities: the others stay as they were.
    await eraseContact(store.db, ayu.id, at, "telegram", "v1");
    expect(await reachOf(ayu.id)).toBe("erased");
    await expectReachKept();
    expect([...seen].sort()).toEqual(["blocked", "no_account", "reachable"]);

    // What the count reads is that fact: the reasons add up to everyone, by the same definition.
    const count = await countSegment(store.db, {});
    const reaches = await expectReachKept();
    expect(count.total).toBe(reaches.size);
    expect(count.unreachable.opted_out + count.unreachable.no_consent + count.unreachable.no_account + count.unreachable.blocked + count.sendable).toBe(reaches.size);
  });
});
