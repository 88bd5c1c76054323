const yes = new Set(["yes", "ya", "y", "iya", "true", "1", "setuju", "bersedia", "ok", "✓", "v"]);
const no = new Set(["", "no", "tidak", "tdk", "n", "false", "0", "belum", "nggak", "gak", "-"]);

/** A spreadsheet's yes/no cell in Indonesian or English; undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (yes.has(word)) return true;
  if (no.has(word)) return false;
  return undefined;
}
