// The start of every turn: someone known is touched and read, someone new is created with their
// identity (on PostgreSQL in one statement), and a WhatsApp sender whose number is known is that person.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { runTransaction } from "../../../src/db/runTransaction.js";
import { findOrCreateContact } from "../../../src/domain/contacts/findOrCreateContact.js";
import { readContactForTurn } from "../../../src/domain/contacts/readContactForTurn.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";

let store: TestDatabase;
let db: Database;
beforeEach(async () => {
  store = await createTestDatabase();
  db = store.db;
});
afterEach(async () => store.close());

const options = { timeout: 10_000, maxWait: 10_000 };
const at = new Date("2026-12-07T10:00:00.000Z");
const later = new Date("2026-12-07T11:30:00.000Z");

describe("findOrCreateContact", () => {
  it("creates someone new with their identity, inside a turn's transaction, and hands back what a fresh read finds", async () => {
    const found = await runTransaction(db, (tx) => findOrCreateContact(tx, { channel: "telegram", externalId: "42" }, { language: "id", at }), options);
    expect(found.isNew).toBe(true);
    expect(found.contact).toEqual(await readContactForTurn(db, found.contact.id));
    expect(found.contact).toMatchObject({ language: "id", phone: null, createdAt: at, lastActiveAt: at, volunteer: null, conversation: null });
    expect(await db.channelIdentity.findMany({ select: { contactId: true, channel: true, externalId: true, lastInboundAt: true } })).toEqual([
      { contactId: found.contact.id, channel: "telegram", externalId: "42", lastInboundAt: at },
    ]);
  });

  it("keeps a WhatsApp sender's number, and finds them again by it from another channel's identity", async () => {
    const first = await runTransaction(db, (tx) => findOrCreateContact(tx, { channel: "whatsapp", externalId: "6281234567890" }, { language: "en", at, senderPhone: "+6281234567890" }), options);
    expect(first.contact).toMatchObject({ phone: "+6281234567890", language: "en" });
    const again = await runTransaction(db, (tx) => findOrCreateContact(tx, { channel: "telegram", externalId: "77" }, { language: "id", at: later, senderPhone: "+6281234567890" }), options);
    expect(again).toMatchObject({ isNew: false, contact: { id: first.contact.id, lastActiveAt: later } });
    expect(await db.channelIdentity.count({ where: { contactId: first.contact.id } })).toBe(2);
    expect(await db.contact.count()).toBe(1);
  });

  it("touches someone known: active again, reachable again, and read with their state", async () => {
    const created = await findOrCreateContact(db, { channel: "telegram", externalId: "42" }, { language: "id", at });
    await db.channelIdentity.updateMany({ data: { unreachableAt: at } });
    await db.conversationState.create({ data: { contactId: created.contact.id, flow: "menu", step: "main", data: "{}" } });
    const known = await runTransaction(db, (tx) => findOrCreateContact(tx, { channel: "telegram", externalId: "42" }, { language: "en", at: later }), options);
    expect(known).toMatchObject({ isNew: false, contact: { id: created.contact.id, language: "id", lastActiveAt: later, conversation: { flow: "menu", step: "main" } } });
    expect(await db.channelIdentity.findFirstOrThrow()).toMatchObject({ unreachableAt: null, lastInboundAt: later });
  });
});
