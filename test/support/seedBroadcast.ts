// A broadcast made the way the chat's wizard and the CLI make it (createBroadcast), to people who
// said yes to updates on Telegram, written straight into the database so dozens take no time.
import type { Database } from "../../src/db/client.js";
import { createBroadcast } from "../../src/domain/broadcasts/createBroadcast.js";
import { addContactTags } from "../../src/domain/contacts/contactTags.js";

let seeded = 0;

/** `people` consenting Telegram contacts (chat ids from `firstChatId`) and a segment of just them. */
export async function seedTelegramAudience(db: Database, people: number, firstChatId = 610_000): Promise<{ segmentId: string; chatIds: string[] }> {
  const tag = `audience-${++seeded}-${firstChatId}`;
  const chatIds: string[] = [];
  for (let i = 0; i < people; i++) {
    const chatId = String(firstChatId + i);
    chatIds.push(chatId);
    const contact = await db.contact.create({
      data: {
        name: `Pemilih ${chatId}`,
        language: "id",
        updatesConsent: true,
        identities: { create: { channel: "telegram", externalId: chatId } },
      },
    });
    await addContactTags(db, contact.id, [tag]);
  }
  const segment = await db.segment.create({ data: { name: tag, definition: JSON.stringify({ tagsAll: [tag] }), createdBy: "test" } });
  return { segmentId: segment.id, chatIds };
}

export async function seedBroadcast(db: Database, input: { segmentId: string; now: Date; text?: string; scheduledAt?: Date; createdBy?: string }): Promise<string> {
  const outcome = await createBroadcast(db, {
    texts: { id: input.text ?? "Halo dari tim kampanye!" },
    defaultLanguage: "id",
    segmentId: input.segmentId,
    operational: false,
    now: input.now,
    createdBy: input.createdBy ?? "test",
    ...(input.scheduledAt ? { scheduledAt: input.scheduledAt } : {}),
  });
  if (outcome.status !== "created") throw new Error(`broadcast not created: ${JSON.stringify(outcome)}`);
  return outcome.id;
}
