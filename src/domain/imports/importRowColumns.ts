import type { ImportRow } from "./types.js";

/**
 * A batch of checked rows as it crosses from the reading thread to the writing one: numbers in
 * typed arrays and every text field in one run of UTF-8 bytes, all handed over, not copied.
 * Copying 2,000 row objects between threads took about 6-8 ms of the writing thread's time per
 * batch, columns of strings about 1 ms; the writing thread makes the batch's strings only when it
 * takes the batch, so a batch waiting its turn is not copied by each young-generation collection.
 */
export interface ImportRowColumns {
  line: Float64Array;
  /** Each row's name, phone, Telegram id, region code, language, consent source and tags, one after the other, as UTF-8. */
  text: Uint8Array;
  /** The length of each of those fields as a string (UTF-16 units); `absentField` for a field the row does not have. */
  textLengths: Uint32Array;
  /** How many tags each row has. */
  tagCount: Uint16Array;
  /** Milliseconds; NaN without consent. */
  consentAt: Float64Array;
  /** `rowFlags`: declined, opted out, the consent's date came from the file. */
  flags: Uint8Array;
}

export const rowFlags = { declined: 1, optedOut: 2, dated: 4 } as const;
export const absentField = 0xffffffff;

/** The typed arrays' memory, handed over to the other thread instead of copied. */
export function rowColumnBuffers(columns: ImportRowColumns): ArrayBuffer[] {
  return [columns.line, columns.text, columns.textLengths, columns.tagCount, columns.consentAt, columns.flags].map((array) => array.buffer as ArrayBuffer);
}

export function fromRowColumns(columns: ImportRowColumns): ImportRow[] {
  const { textLengths, flags: allFlags } = columns;
  // One string for the batch; its fields are slices of it.
  const text = Buffer.from(columns.text.buffer, columns.text.byteOffset, columns.text.byteLength).toString("utf8");
  let at = 0;
  let field = 0;
  const next = (): string | undefined => {
    const length = textLengths[field++]!;
    if (length === absentField) return undefined;
    at += length;
    return text.slice(at - length, at);
  };
  const rows: ImportRow[] = new Array<ImportRow>(columns.line.length);
  for (let i = 0; i < rows.length; i++) {
    const flags = allFlags[i]!;
    const row: ImportRow = { line: columns.line[i]!, tags: [], declined: (flags & rowFlags.declined) !== 0, optedOut: (flags & rowFlags.optedOut) !== 0 };
    const name = next();
    const phone = next();
    const telegramId = next();
    const regionCode = next();
    const language = next();
    const source = next();
    for (let tag = 0; tag < columns.tagCount[i]!; tag++) row.tags.push(next()!);
    if (name !== undefined) row.name = name;
    if (phone !== undefined) row.phone = phone;
    if (telegramId !== undefined) row.telegramId = telegramId;
    if (regionCode !== undefined) row.regionCode = regionCode;
    if (language !== undefined) row.language = language;
    if (source !== undefined) row.consent = { source, at: new Date(columns.consentAt[i]!), dated: (flags & rowFlags.dated) !== 0 };
    rows[i] = row;
  }
  return rows;
}
