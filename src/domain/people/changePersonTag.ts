import type { Database } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { addContactTags, readContactTags, removeContactTags } from "../contacts/contactTags.js";
import { derivedTagPrefixes } from "../contacts/syncContactTags.js";
import { segmentDefinitionSchema } from "../segments/segmentDefinition.js";

export interface PersonTagChange {
  contactId: string;
  tag: string;
  change: "add" | "remove";
  /** The staff member's contact id, or "cli". */
  actor: string;
  channel: string;
  at: Date;
}

export type PersonTagOutcome =
  | { status: "added" | "removed" | "unchanged" }
  /** Empty, too long, or one Relawan derives itself (role:, region:, interest:, lang:). */
  | { status: "bad_tag" }
  | { status: "no_person" };

/**
 * A staff member adds a tag to a person or takes one off, audited with the actor. Tags Relawan
 * derives from the person's answers are not staff's to change (syncContactTags would undo it).
 */
export async function changePersonTag(db: Database, request: PersonTagChange): Promise<PersonTagOutcome> {
  const tag = request.tag.trim();
  if (!segmentDefinitionSchema.safeParse({ tagsAll: [tag] }).success || derivedTagPrefixes.some((p) => tag.startsWith(p))) return { status: "bad_tag" };
  return db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({ where: { id: request.contactId }, select: { id: true } });
    if (!contact) return { status: "no_person" } as const;
    const has = (await readContactTags(tx, contact.id)).includes(tag);
    if (request.change === "add" ? has : !has) return { status: "unchanged" } as const;
    if (request.change === "add") await addContactTags(tx, contact.id, [tag]);
    else await removeContactTags(tx, contact.id, [tag]);
    await recordAudit(tx, { actor: request.actor, action: `tag.${request.change}`, target: contact.id, details: { tag, channel: request.channel }, at: request.at });
    return { status: request.change === "add" ? "added" : "removed" } as const;
  });
}
