import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client.js";

/** One message the bot starts to one person, outside a broadcast. */
export interface QueuedMessage {
  contactId: string;
  kind: "task_offer" | "task_reminder" | "inbox_reply";
  /** In the recipient's language, saying how to answer by typing (buttons are an extra). */
  text: string;
  /** Buttons where the platform has them; each id comes back as an inbound choice (at most 64 bytes). */
  choices?: { id: string; label: string }[];
  imageUrl?: string | null;
  /** "volunteer_tasks" for task messages; "reply" for an answer to the person's own question. */
  purpose: "updates" | "volunteer_tasks" | "reply";
  taskId?: number;
  notBefore?: Date;
}

type Writer = Pick<Database, "$executeRaw">;

/**
 * Writes the message to the outbox; the dispatcher sends it with the same limits, consent checks
 * and crash safety as a broadcast. A task message is written at most once per (task, person, kind):
 * false means it was already there. Call it inside the transaction that records why it is sent.
 */
export async function queueMessage(db: Writer, message: QueuedMessage, now: Date): Promise<boolean> {
  const choices = message.choices?.length ? JSON.stringify(message.choices) : null;
  const added = await db.$executeRaw`
    INSERT INTO "Delivery" ("id", "kind", "taskId", "contactId", "text", "choices", "imageUrl", "purpose", "status", "attempts", "notBefore", "createdAt", "updatedAt")
    VALUES (${`m_${randomUUID()}`}, ${message.kind}, ${message.taskId ?? null}, ${message.contactId}, ${message.text}, ${choices},
      ${message.imageUrl ?? null}, ${message.purpose}, 'queued', 0, ${message.notBefore ?? now}, ${now}, ${now})
    ON CONFLICT DO NOTHING`;
  return added === 1;
}
