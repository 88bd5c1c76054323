import type { CountryCode } from "libphonenumber-js";
import type { Db } from "../../db/client.js";
import { normalizePhone } from "../contacts/normalizePhone.js";
import { whatsappIdOf } from "../contacts/whatsappIdOf.js";
import { looksLikeReferralCode } from "../volunteers/createReferralCode.js";

export interface HandleContact {
  id: string;
  name: string | null;
  phone: string | null;
  role: string | null;
}

export type HandleLookup = { status: "found"; contact: HandleContact; via: "telegram" | "phone" | "referral" } | { status: "not_found" };

const select = { id: true, name: true, phone: true, role: true } as const;

/**
 * The person staff mean by "<user>": a referral code, a Telegram user id, or a phone number in
 * any usual spelling. A bare number is tried as a Telegram id first, since phones rarely lack
 * their leading 0 or +62.
 */
export async function findContactByHandle(db: Db, handle: string, defaultCountry: CountryCode): Promise<HandleLookup> {
  const text = handle.trim();
  if (text === "") return { status: "not_found" };
  const code = text.toUpperCase();
  if (looksLikeReferralCode(code)) {
    const volunteer = await db.volunteer.findUnique({ where: { referralCode: code }, select: { contact: { select } } });
    if (volunteer) return { status: "found", contact: volunteer.contact, via: "referral" };
  }
  if (/^\d{4,15}$/.test(text)) {
    const identity = await db.channelIdentity.findUnique({
      where: { channel_externalId: { channel: "telegram", externalId: text } },
      select: { contact: { select } },
    });
    if (identity) return { status: "found", contact: identity.contact, via: "telegram" };
  }
  const phone = normalizePhone(text, defaultCountry);
  if (phone.status === "ok") {
    const contact = await db.contact.findUnique({ where: { phone: phone.e164 }, select });
    if (contact) return { status: "found", contact, via: "phone" };
    // A WhatsApp sender who never gave a phone is still known by their WhatsApp id.
    const identity = await db.channelIdentity.findUnique({
      where: { channel_externalId: { channel: "whatsapp", externalId: whatsappIdOf(phone.e164) } },
      select: { contact: { select } },
    });
    if (identity) return { status: "found", contact: identity.contact, via: "phone" };
  }
  return { status: "not_found" };
}
