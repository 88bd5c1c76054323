import type { CountryCode } from "libphonenumber-js";
import type { Database, Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { normalizePhone } from "../contacts/normalizePhone.js";
import { whatsappIdOf } from "../contacts/whatsappIdOf.js";

export interface EnsureAdminsResult {
  /** Contacts created for admins who never wrote to the bot. */
  created: number;
  promoted: number;
  unchanged: number;
  /** Entries that are not Telegram user ids (digits only). */
  invalid: string[];
  /** ADMIN_PHONES entries that are not phone numbers. */
  invalidPhones: string[];
  /** The contact id of the person at the terminal (terminal mode): the demo's dashboard link signs them in. */
  terminalAdmin?: string;
}

export interface EnsureAdminsOptions {
  language?: string;
  at?: Date;
  /** ADMIN_PHONES: phone numbers in any usual spelling, read with `defaultCountry` (DEFAULT_COUNTRY). */
  phones?: string[];
  defaultCountry?: CountryCode;
  /** The terminal chat's person (terminal mode): the demo's operator, an admin so every staff command can be tried. */
  terminal?: string;
}

/** How one configured admin is found, and what is created when nobody is. */
interface AdminEntry {
  source: "ADMIN_TELEGRAM_IDS" | "ADMIN_PHONES" | "terminal";
  find(tx: Db): Promise<{ id: string; role: string | null } | null>;
  create: { phone?: string; identity?: { channel: string; externalId: string } };
}

const contactSelect = { id: true, role: true } as const;

/**
 * At start-up the contacts behind these Telegram user ids and phone numbers (and, in terminal
 * mode, the person at the terminal) are admins, so a fresh installation always has someone who
 * can grant roles. Admins granted in the chat are left alone. A phone admin who never wrote is
 * created with that phone: writing from WhatsApp with it, they are that contact.
 */
export async function ensureAdmins(db: Database, telegramIds: string[], options: EnsureAdminsOptions = {}): Promise<EnsureAdminsResult> {
  const at = options.at ?? new Date();
  const result: EnsureAdminsResult = { created: 0, promoted: 0, unchanged: 0, invalid: [], invalidPhones: [] };
  const entries: AdminEntry[] = [];
  for (const raw of telegramIds) {
    const externalId = raw.trim();
    if (externalId === "") continue;
    if (!/^\d{1,20}$/.test(externalId)) result.invalid.push(externalId);
    else entries.push(identityEntry("ADMIN_TELEGRAM_IDS", "telegram", externalId));
  }
  for (const raw of options.phones ?? []) {
    if (raw.trim() === "") continue;
    const phone = normalizePhone(raw, options.defaultCountry ?? "ID");
    if (phone.status === "invalid") {
      result.invalidPhones.push(raw.trim());
      continue;
    }
    entries.push({
      source: "ADMIN_PHONES",
      find: async (tx) =>
        (await tx.contact.findUnique({ where: { phone: phone.e164 }, select: contactSelect })) ??
        // A WhatsApp sender who never gave a phone is known by their WhatsApp id.
        (await tx.channelIdentity.findUnique({ where: { channel_externalId: { channel: "whatsapp", externalId: whatsappIdOf(phone.e164) } }, select: { contact: { select: contactSelect } } }))?.contact ??
        null,
      create: { phone: phone.e164 },
    });
  }
  if (options.terminal) entries.push(identityEntry("terminal", "console", options.terminal));

  for (const entry of entries) {
    await db.$transaction(async (tx) => {
      const found = await entry.find(tx);
      if (found?.role === "admin") {
        result.unchanged++;
        if (entry.source === "terminal") result.terminalAdmin = found.id;
        return;
      }
      let contactId: string;
      if (found) {
        contactId = found.id;
        await tx.contact.update({ where: { id: contactId }, data: { role: "admin" } });
        result.promoted++;
      } else {
        const { phone, identity } = entry.create;
        const contact = await tx.contact.create({
          data: {
            role: "admin",
            createdAt: at,
            lastActiveAt: at,
            ...(phone ? { phone } : {}),
            ...(options.language ? { language: options.language } : {}),
            ...(identity ? { identities: { create: { ...identity, createdAt: at } } } : {}),
          },
        });
        contactId = contact.id;
        result.created++;
      }
      if (entry.source === "terminal") result.terminalAdmin = contactId;
      await recordAudit(tx, { actor: "config", action: "role.grant", target: contactId, details: { role: "admin", previous: found?.role ?? null, source: entry.source }, at });
    });
  }
  return result;
}

function identityEntry(source: AdminEntry["source"], channel: string, externalId: string): AdminEntry {
  return {
    source,
    find: async (tx) => (await tx.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId } }, select: { contact: { select: contactSelect } } }))?.contact ?? null,
    create: { identity: { channel, externalId } },
  };
}
