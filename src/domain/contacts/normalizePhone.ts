import { ParseError, parsePhoneNumberWithError, validatePhoneNumberLength } from "libphonenumber-js/max";
import type { CountryCode, PhoneNumber, PhoneNumberType } from "libphonenumber-js/max";
import { readNationalMobile } from "./readNationalMobile.js";

export type PhoneInvalidReason =
  | "empty"
  | "not_a_number"
  | "unknown_country"
  | "wrong_length"
  /** Right length, but no such number range exists in that country. */
  | "invalid_number"
  | "not_mobile";

export type NormalizedPhone = { status: "ok"; e164: string } | { status: "invalid"; reason: PhoneInvalidReason };

// A WhatsApp id is the full international number without "+"; other ids (@g.us groups, @lid) are not phone numbers.
const WHATSAPP_USER_ID = /^\s*(\d{5,20})(?::\d+)?@(?:c\.us|s\.whatsapp\.net)\s*$/i;

// Volunteers must be reachable by chat, so pure fixed lines are refused; FIXED_LINE_OR_MOBILE stays because some plans (US, CA) cannot tell them apart.
const REACHABLE_TYPES: ReadonlySet<PhoneNumberType> = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE"]);

/**
 * Turns what a person typed (or a WhatsApp id) into E.164. `defaultCountry` only applies to numbers
 * written without "+country"; with ID, "0812…", "62812…" and "812…" are all understood.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode): NormalizedPhone {
  if (input.trim() === "") return invalid("empty");

  let text = input;
  if (input.includes("@")) {
    const whatsappId = WHATSAPP_USER_ID.exec(input);
    if (!whatsappId) return invalid("not_a_number");
    text = `+${whatsappId[1]}`;
  }

  // "0812…": libphonenumber's answer without its cost, for the form most lists use.
  const mobile = readNationalMobile(text, defaultCountry);
  if (mobile !== undefined) return { status: "ok", e164: mobile };

  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text, defaultCountry);
  } catch (error) {
    if (error instanceof ParseError) return invalid(reasonForParseError(error.message));
    throw error;
  }

  // A number with a type is valid (libphonenumber's isValid() is that same type test), so the
  // type's regular expressions run once per number instead of twice (about 4% of an import's CPU).
  const type = phone.getType();
  if (type === undefined && !phone.isValid()) {
    // The length check runs on the parsed E.164 so that it judges the same digits isValid() just rejected.
    return invalid(validatePhoneNumberLength(phone.number) === undefined ? "invalid_number" : "wrong_length");
  }
  if (type === undefined || !REACHABLE_TYPES.has(type)) return invalid("not_mobile");
  return { status: "ok", e164: phone.number };
}

function reasonForParseError(code: string): PhoneInvalidReason {
  if (code === "TOO_SHORT" || code === "TOO_LONG") return "wrong_length";
  if (code === "INVALID_COUNTRY") return "unknown_country";
  return "not_a_number";
}

function invalid(reason: PhoneInvalidReason): NormalizedPhone {
  return { status: "invalid", reason };
}
