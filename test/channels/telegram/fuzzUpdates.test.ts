// Issue 14, point 1: random and truncated Telegram updates, well-formed ones among them, through the
// real Telegram adapter over HTTP (webhook, 100 at a time) into the real engine and database.
// 10,000 updates: no error-level log line, no unhandled rejection, every well-formed turn answered,
// nothing written for the malformed ones, and the database consistent afterwards.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";
import { startTelegramHarness, WEBHOOK_SECRET, type TelegramHarness } from "./startTelegramHarness.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const BATCH = 100;
const BASE_DATE = 1767225600; // 2026-01-01T00:00:00Z
// People who send well-formed updates, and people whose updates are all broken: nothing may be stored for the second.
const GOOD_PEOPLE = 400;
const GOOD_BASE = 5_000_000_000;
const BROKEN_BASE = 7_000_000_000;

type Shape = "text" | "callback" | "ownContact" | "otherContact" | "sticker" | "photo" | "group" | "kicked" | "unblocked" | "pinned";
/** Shapes that reach the engine as a turn, so the person must get an answer. */
const TURNS: ReadonlySet<Shape> = new Set(["text", "callback", "ownContact", "otherContact", "sticker", "photo"]);

const DELETE = Symbol("delete");
type Bad = unknown;
const notString: Bad[] = [42, 1.5, null, true, { text: "halo" }, ["halo"], DELETE];
const notInt: Bad[] = ["5123", 1.5, null, -0.5, { id: 1 }, [], DELETE, 2 ** 60];
const notObject: Bad[] = [null, "x", 7, [], DELETE];

// Required fields per shape, each with values that must make the update unreadable.
const breakable: Record<Shape, Record<string, Bad[]>> = {
  text: { message: [null, "halo", 5, []], "message.from": [DELETE, null, "Siti"], "message.text": notString.filter((v) => v !== DELETE), "message.chat": notObject, "message.chat.id": notInt, "message.date": [...notInt, -1, 9e12], "message.message_id": notInt, "message.from.id": notInt, "message.from.first_name": notString },
  callback: { callback_query: [null, "x", 5], "callback_query.from": [DELETE, null, 5], "callback_query.id": [5, null, "", DELETE], "callback_query.data": [5, null, { a: 1 }], "callback_query.message.chat": notObject, "callback_query.message.chat.id": notInt },
  ownContact: { "message.contact.phone_number": [6281234567890, null, DELETE], "message.contact": [null, "x", 5] },
  otherContact: { "message.contact.user_id": ["1", 1.5, null] },
  sticker: { "message.sticker": [null, "sticker", 5] },
  photo: { "message.photo": [null, "x", { file_id: "a" }], "message.photo.0.file_id": [5, null, ""], "message.photo.0.width": ["1", null] },
  group: { "message.chat.type": [5, null, DELETE] },
  kicked: { my_chat_member: [null, 5], "my_chat_member.new_chat_member": notObject, "my_chat_member.chat": notObject, "my_chat_member.date": notInt },
  unblocked: { "my_chat_member.new_chat_member.status": [5, null, DELETE] },
  pinned: { "message.chat.id": notInt },
};

const words = ["halo", "1", "2", "3", "ya", "tidak", "/start", "/start ABC123", "/menu", "/help", "/tanya", "/relawan", "/datasaya", "/ubahdata", "/bahasa", "/tugas", "/peringkat", "/ajak", "/tim", "/stats", "/inbox", "/foo", "/batal", "STOP", "MULAI", "gmn cara jd relawan?", "kapan debat kandidat", "Siti Aminah", "081234567890", "kota bandung", "lewati", "\u202Eevil\u202C", "🙂".repeat(30)];
const choiceIds = ["lang:id", "lang:en", "consent:yes", "consent:no", "menu:ask", "menu:volunteer", "menu:mydata", "menu:handoff", "privacy:yes", "name:suggested", "x", "menu:nonsense", "programme:does-not-exist"];

const textArb = fc.oneof(
  { arbitrary: fc.constantFrom(...words), weight: 8 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 6 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 60 }), weight: 4 },
  // Around Telegram's 4,096: a few, since each costs a full FAQ match.
  { arbitrary: fc.string({ minLength: 4090, maxLength: 4200, unit: "grapheme-ascii" }), weight: 1 },
);
const nameArb = fc.oneof(fc.constantFrom("Siti", "Budi", "محمد عبد الرحمن الحسيني الكبير", "王小明张三李四", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀"), fc.string({ minLength: 1, maxLength: 64, unit: "binary" }));

const shapeArb = fc.constantFrom<Shape>("text", "text", "text", "callback", "callback", "ownContact", "otherContact", "sticker", "photo", "group", "kicked", "unblocked", "pinned");
const goodArb = fc.record({ kind: fc.constant("good" as const), shape: shapeArb, person: fc.nat(GOOD_PEOPLE - 1), text: textArb, name: nameArb, data: fc.oneof(fc.constantFrom(...choiceIds), fc.string({ minLength: 1, maxLength: 64 })) });
const brokenArb = fc
  .record({ shape: shapeArb, person: fc.nat(GOOD_PEOPLE - 1), text: textArb, name: nameArb, data: fc.constantFrom(...choiceIds), pick: fc.nat(), value: fc.nat() })
  .map((b) => {
    const paths = Object.keys(breakable[b.shape]);
    const path = paths[b.pick % paths.length]!;
    const values = breakable[b.shape][path]!;
    return { ...b, kind: "broken" as const, path, bad: values[b.value % values.length] };
  });
// Anything at all under the keys an update may carry.
const noiseArb = fc.record({
  kind: fc.constant("noise" as const),
  body: fc.dictionary(fc.constantFrom("message", "callback_query", "my_chat_member", "edited_message", "channel_post", "update_id"), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
});
const truncatedArb = fc.record({ kind: fc.constant("truncated" as const), shape: shapeArb, person: fc.nat(GOOD_PEOPLE - 1), text: textArb, name: nameArb, data: fc.constantFrom(...choiceIds), cut: fc.nat() });
// A quarter well-formed: each of those is a database transaction, the rest cost next to nothing.
const itemArb = fc.oneof({ arbitrary: goodArb, weight: 5 }, { arbitrary: brokenArb, weight: 9 }, { arbitrary: noiseArb, weight: 4 }, { arbitrary: truncatedArb, weight: 2 });
type Item = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;

let app: TestApp;
let harness: TelegramHarness;
let nextUpdateId = 1;
let nextMessageId = 1;
let nextCallbackId = 1;
const datesByPerson = new Map<number, number>();
/** Well-formed turns posted, by chat, and their message ids (what InboundReceipt must hold exactly). */
const expectedTurns = new Map<number, number>();
const expectedReceipts = new Set<string>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

function build(shape: Shape, userId: number, text: string, name: string, data: string): Record<string, unknown> & { update_id: number } {
  const user = { id: userId, is_bot: false, first_name: name, language_code: "id" };
  const chat = { id: userId, type: "private", first_name: name };
  // Far enough apart per person that the flood guard never decides whether a turn is answered.
  const date = (datesByPerson.get(userId) ?? BASE_DATE) + 30;
  datesByPerson.set(userId, date);
  const message = (fields: Record<string, unknown>) => ({ message_id: nextMessageId++, from: user, chat, date, ...fields });
  const update_id = nextUpdateId++;
  switch (shape) {
    case "text":
      return { update_id, message: message({ text }) };
    case "callback":
      return { update_id, callback_query: { id: `cb${nextCallbackId++}`, from: user, chat_instance: "1", data, message: { message_id: 1, date, chat, text: "Pilih:" } } };
    case "ownContact":
      return { update_id, message: message({ contact: { phone_number: "6281234567890", first_name: name, user_id: userId } }) };
    case "otherContact":
      return { update_id, message: message({ contact: { phone_number: "6289876543210", first_name: "Joko", user_id: 42 } }) };
    case "sticker":
      return { update_id, message: message({ sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }) };
    case "photo":
      return { update_id, message: message({ photo: [{ file_id: "p1", file_unique_id: "p1", width: 90, height: 90 }, { file_id: "p2", file_unique_id: "p2", width: 800, height: 600 }], caption: text.slice(0, 100) }) };
    case "group":
      return { update_id, message: { ...message({ text }), chat: { id: -1001987654321, title: "Grup", type: "supergroup" } } };
    case "pinned":
      return { update_id, message: message({ pinned_message: { message_id: 1, chat, date, text: "x" } }) };
    case "kicked":
    case "unblocked": {
      const bot = { id: 7000000001, is_bot: true, first_name: "Relawan" };
      const status = shape === "kicked" ? "kicked" : "member";
      return { update_id, my_chat_member: { chat, from: user, date, old_chat_member: { user: bot, status: "member" }, new_chat_member: { user: bot, status } } };
    }
  }
}

function breakAt(update: Record<string, unknown>, path: string, bad: unknown): void {
  const keys = path.split(".");
  let target: Record<string, unknown> = update;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (bad === DELETE) delete target[last];
  else target[last] = bad;
}

async function post(body: string): Promise<number> {
  const res = await fetch(`${harness.webhookBase}/telegram/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

async function send(item: Item): Promise<void> {
  if (item.kind === "noise") {
    const status = await post(JSON.stringify(item.body));
    expect([200, 400]).toContain(status);
    return;
  }
  const userId = (item.kind === "broken" ? BROKEN_BASE : GOOD_BASE) + item.person;
  const update = build(item.shape, userId, item.text, item.name, item.data);
  if (item.kind === "truncated") {
    const json = JSON.stringify(update);
    // Cut somewhere inside: never valid JSON, so the webhook answers 400 and nothing runs.
    expect(await post(json.slice(0, 1 + (item.cut % (json.length - 1))))).toBe(400);
    return;
  }
  if (item.kind === "broken") breakAt(update, item.path, item.bad);
  expect(await post(JSON.stringify(update))).toBe(200);
  if (item.kind !== "good" || !TURNS.has(item.shape)) return;
  expectedTurns.set(userId, (expectedTurns.get(userId) ?? 0) + 1);
  const message = update.message as { message_id: number } | undefined;
  const query = update.callback_query as { id: string } | undefined;
  expectedReceipts.add(message ? `m:${userId}:${message.message_id}` : `c:${query!.id}`);
}

describe("Telegram webhook, fuzzed with 10,000 updates", () => {
  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    // The flood guard's silence is a designed non-answer (tested on its own); here every well-formed turn must be answered.
    app = await createTestApp({ flood: { limit: 1_000_000, windowMs: 1000 } });
    harness = await startTelegramHarness({ engine: app.engine, webhook: true });
  });
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await harness?.stop();
    await app?.close();
  });

  it("never logs an error, answers every well-formed turn, and stores nothing for the rest", async () => {
    const errors = () => harness.logs.filter((l) => Number(l.level) >= 50);
    await fc.assert(
      fc.asyncProperty(fc.array(itemArb, { minLength: BATCH, maxLength: BATCH }), async (items) => {
        await Promise.all(items.map(send));
        expect(errors()).toEqual([]);
        expect(unhandled).toEqual([]);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );

    // The replies go out after the 200; stop() waits for every chat's queue.
    await harness.stop();
    const answers = new Map<number, number>();
    for (const call of harness.api.calls("sendMessage")) answers.set(Number(call.body.chat_id), (answers.get(Number(call.body.chat_id)) ?? 0) + 1);
    const unanswered = [...expectedTurns].filter(([chat, turns]) => (answers.get(chat) ?? 0) < turns);
    expect(unanswered).toEqual([]);
    expect(errors()).toEqual([]);
    expect(unhandled).toEqual([]);

    const db = app.db;
    // Exactly the well-formed turns left a receipt: none for a broken update, none for a rolled-back turn.
    const receipts = await db.inboundReceipt.findMany({ where: { channel: "telegram" }, select: { messageId: true } });
    expect(new Set(receipts.map((r) => r.messageId))).toEqual(expectedReceipts);
    const brokenIdentities = await db.channelIdentity.count({ where: { channel: "telegram", externalId: { startsWith: String(BROKEN_BASE).slice(0, 4) } } });
    expect(brokenIdentities).toBe(0);
    const orphans = await db.$queryRaw<{ n: bigint | number }[]>`
      SELECT (SELECT COUNT(*) FROM "ConversationState" s LEFT JOIN "Contact" c ON c."id" = s."contactId" WHERE c."id" IS NULL)
           + (SELECT COUNT(*) FROM "ChannelIdentity" i LEFT JOIN "Contact" c ON c."id" = i."contactId" WHERE c."id" IS NULL) AS "n"`;
    expect(Number(orphans[0]?.n)).toBe(0);
    // Everyone who took a turn has a contact and a conversation state (unless they erased their data).
    const withState = await db.contact.count({ where: { conversation: { isNot: null } } });
    expect(withState).toBeGreaterThan(0);
  }, 240_000);
});
