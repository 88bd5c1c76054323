// How staff screens show times and people: times in the campaign's zone, people by name or
// with their number masked, never a full phone number on a staff member's screen.
import { maskPhone } from "../../domain/staff/maskPhone.js";
import type { Translate } from "../createTranslator.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import { cleanTextForStaff } from "../../domain/text/cleanTextForStaff.js";

export function formatStaffTime(date: Date, language: string, timeZone: string): string {
  return formatLocalTime(date, language, timeZone);
}

/** Name, else masked phone, else the chat account ("telegram 9001"), else "(no name)". */
export function personLabel(t: Translate, person: { name: string | null; phone: string | null; account?: string | null }): string {
  return (person.name === null ? null : cleanTextForStaff(person.name)) ?? maskPhone(person.phone) ?? person.account ?? t("staff.unnamed");
}

/** "add 0812 3456 7890 coordinator" -> ["add", "0812 3456 7890 coordinator"] */
export function splitArgs(args: string): [string, string] {
  const trimmed = args.trim();
  const space = trimmed.search(/\s/);
  return space < 0 ? [trimmed.toLowerCase(), ""] : [trimmed.slice(0, space).toLowerCase(), trimmed.slice(space + 1).trim()];
}
