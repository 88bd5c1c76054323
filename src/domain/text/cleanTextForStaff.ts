// Bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what follows
// them: "\u202Eevil" reads as "live" and can make a question look like a reply, or a name like
// another. C0 and C1 controls (except line feed and tab, which keep a message's shape) are
// invisible or break a staff member's screen and a spreadsheet.
const unsafe = /[\u202A-\u202E\u2066-\u2069]|(?![\n\t])\p{Cc}/gu;

/**
 * A person's words as staff may see them (inbox, "Maksud Anda…?" picks, /stats questions, names,
 * exports): without bidi controls and control characters. "\r\n" becomes "\n".
 */
export function cleanTextForStaff(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(unsafe, "");
}
