import type { Database } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";

export interface EnsureAdminsResult {
  /** Contacts created for admins who never wrote to the bot. */
  created: number;
  promoted: number;
  unchanged: number;
  /** Entries that are not Telegram user ids (digits only). */
  invalid: string[];
}

/**
 * At start-up the contacts behind these Telegram user ids are admins, so a fresh installation
 * always has someone who can grant roles. Admins granted in the chat are left alone.
 */
export async function ensureAdmins(
  db: Database,
  telegramIds: string[],
  options: { language?: string; at?: Date } = {},
): Promise<EnsureAdminsResult> {
  const at = options.at ?? new Date();
  const result: EnsureAdminsResult = { created: 0, promoted: 0, unchanged: 0, invalid: [] };
  for (const raw of telegramIds) {
    const externalId = raw.trim();
    if (externalId === "") continue;
    if (!/^\d{1,20}$/.test(externalId)) {
      result.invalid.push(externalId);
      continue;
    }
    await db.$transaction(async (tx) => {
      const identity = await tx.channelIdentity.findUnique({
        where: { channel_externalId: { channel: "telegram", externalId } },
        select: { contact: { select: { id: true, role: true } } },
      });
      if (identity?.contact.role === "admin") {
        result.unchanged++;
        return;
      }
      let contactId: string;
      if (identity) {
        contactId = identity.contact.id;
        await tx.contact.update({ where: { id: contactId }, data: { role: "admin" } });
        result.promoted++;
      } else {
        const contact = await tx.contact.create({
          data: { role: "admin", createdAt: at, lastActiveAt: at, ...(options.language ? { language: options.language } : {}), identities: { create: { channel: "telegram", externalId, createdAt: at } } },
        });
        contactId = contact.id;
        result.created++;
      }
      await recordAudit(tx, { actor: "config", action: "role.grant", target: contactId, details: { role: "admin", previous: identity?.contact.role ?? null, source: "ADMIN_TELEGRAM_IDS" }, at });
    });
  }
  return result;
}
