import { randomBytes } from "node:crypto";

// Random once per process: with the time and a counter it keeps ids of two importers apart.
const processPart = randomBytes(5).toString("hex");
let last = 0;
let counter = 0;
// "i" and the time, made once per millisecond (an import makes about 60 ids in each).
let timePart = "";

/**
 * Ids for rows the import writes with raw SQL, where Prisma's cuid() is not there to make them.
 * Like cuids they start with the time, so a million new contacts are appended to the primary-key
 * and contact-id indexes instead of landing on random pages of them.
 */
export function createImportId(): string {
  // Never backwards, even if the system clock is set back: the counter keeps ids unique.
  const now = Math.max(Date.now(), last);
  if (now === last && timePart !== "") counter++;
  else {
    counter = 0;
    timePart = `i${now.toString(36).padStart(9, "0")}`;
  }
  last = now;
  return timePart + counter.toString(36).padStart(4, "0") + processPart;
}
