import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import { Prisma } from "../../db/client.js";
import type { Dialect } from "../../db/dialect.js";
import { contactsWithWordsSql, keepsSearchWordsOnContact } from "../contacts/contactSearchWords.js";
import { nameSearchWords } from "../contacts/nameSearchWords.js";
import { normalizePhone } from "../contacts/normalizePhone.js";
import { looksLikeReferralCode } from "../volunteers/createReferralCode.js";

/** A shorter number ("0812") would match a good share of the campaign: it is not searched as a phone. */
const minPhoneDigits = 8;

/**
 * The people a search finds, as `c."id" IN (…)` over `"Contact" c`: contacts with a word of their
 * name beginning with each word searched (where each database keeps the words: contactSearchWords),
 * a phone beginning with the number typed (written as the campaign writes numbers: "0812-3456" with
 * ID is +6281234 56…), or the volunteer with that referral code. Each part reads an index, never
 * every contact; the same SQL for SQLite and PostgreSQL but for the words.
 */
export function peopleSearchSql(search: string, defaultCountry: CountryCode, dialect: Dialect): Prisma.Sql {
  const found: Prisma.Sql[] = [];
  const words = nameSearchWords(search);
  if (words.length > 0 && keepsSearchWordsOnContact(dialect)) found.push(contactsWithWordsSql(words));
  else if (words.length > 0) {
    found.push(Prisma.join(words.map((word) => Prisma.sql`SELECT w."contactId" FROM "ContactNameWord" w WHERE ${startsWith(Prisma.sql`w."word"`, word)}`), " INTERSECT "));
  }
  const phone = phonePrefix(search, defaultCountry);
  if (phone !== undefined) found.push(Prisma.sql`SELECT p."id" FROM "Contact" p WHERE ${startsWith(Prisma.sql`p."phone"`, phone)}`);
  const code = search.trim().toUpperCase();
  if (looksLikeReferralCode(code)) found.push(Prisma.sql`SELECT v."contactId" FROM "Volunteer" v WHERE v."referralCode" = ${code}`);
  // Nothing to look for (only punctuation): nobody.
  if (found.length === 0) return Prisma.sql`1 = 0`;
  return Prisma.sql`c."id" IN (${Prisma.join(found, " UNION ")})`;
}

/**
 * The E.164 beginning of a typed number: a whole number as normalizePhone reads it, otherwise its
 * digits after the country code ("0812…", "62812…", "812…" and "+62812…" alike). undefined when
 * the text is not a number or too short to search.
 */
export function phonePrefix(search: string, defaultCountry: CountryCode): string | undefined {
  if (!/^\+?[\d\s().-]+$/.test(search.trim())) return undefined;
  const whole = normalizePhone(search, defaultCountry);
  if (whole.status === "ok") return whole.e164;
  const digits = search.replace(/\D/g, "");
  const country = getCountryCallingCode(defaultCountry);
  let international: string;
  if (search.trim().startsWith("+")) international = digits;
  else if (digits.startsWith("0")) international = `${country}${digits.replace(/^0+/, "")}`;
  else if (digits.startsWith(country)) international = digits;
  else international = `${country}${digits}`;
  return international.length >= minPhoneDigits ? `+${international}` : undefined;
}

/**
 * `column` begins with `prefix` (letters, digits and "+" only): a range along the column's index,
 * checked by LIKE. The range's end carries past "z" and "9" ("bz" -> "c", "+6289" -> "+629") so
 * it holds under PostgreSQL's language collations too, not only byte order.
 */
function startsWith(column: Prisma.Sql, prefix: string): Prisma.Sql {
  const stem = [...prefix.replace(/[z9]+$/u, "")];
  const last = stem.pop();
  const end = last === undefined || !/[\p{L}\p{N}]/u.test(last) ? undefined : `${stem.join("")}${String.fromCodePoint(last.codePointAt(0)! + 1)}`;
  const below = end === undefined ? Prisma.empty : Prisma.sql` AND ${column} < ${end}`;
  return Prisma.sql`(${column} >= ${prefix}${below} AND ${column} LIKE ${`${prefix}%`})`;
}
