import { cleanTextForStaff } from "../text/cleanTextForStaff.js";

/** "Siti Aminah" -> "S*** A***": enough for staff to recognise a row, not to identify a stranger. */
export function maskName(name: string | null | undefined): string | undefined {
  const words = cleanTextForStaff(name ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return words.map((word) => `${Array.from(word)[0] ?? ""}***`).join(" ");
}
