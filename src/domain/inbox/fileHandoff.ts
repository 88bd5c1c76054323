import type { Db } from "../../db/client.js";
import { cleanTextForStaff } from "../text/cleanTextForStaff.js";
import { simplify } from "../text/simplify.js";

// An open request holds at most this much text; a person can say more once the team replies.
export const maxHandoffLength = 4000;

export type HandoffOutcome =
  /** A new request in the inbox. */
  | { status: "filed"; id: number }
  /** Added to the person's open request, which keeps its place in the queue. */
  | { status: "added"; id: number }
  /** Their open request is full; nothing was added. */
  | { status: "full"; id: number };

/**
 * "Talk to a person": one open request per person, so repeating it never floods the inbox, and
 * words already in it are not added again. Kept in the form staff may see (cleanTextForStaff).
 */
export async function fileHandoff(db: Db, handoff: { contactId: string; text: string; language: string; channel: string; at: Date }): Promise<HandoffOutcome> {
  const request = { ...handoff, text: cleanTextForStaff(handoff.text) };
  const open = await db.inboxItem.findFirst({
    where: { contactId: request.contactId, kind: "handoff", status: "open" },
    orderBy: { id: "asc" },
    select: { id: true, text: true },
  });
  if (open) {
    const said = simplify(request.text);
    if (open.text.split("\n\n").some((part) => simplify(part) === said)) return { status: "added", id: open.id };
    const text = `${open.text}\n\n${request.text}`;
    if (text.length > maxHandoffLength) return { status: "full", id: open.id };
    await db.inboxItem.update({ where: { id: open.id }, data: { text, language: request.language, channel: request.channel } });
    return { status: "added", id: open.id };
  }
  const row = await db.inboxItem.create({
    data: { contactId: request.contactId, kind: "handoff", text: request.text, language: request.language, channel: request.channel, createdAt: request.at },
    select: { id: true },
  });
  return { status: "filed", id: row.id };
}
