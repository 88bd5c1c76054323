import type { ImportRow } from "./types.js";

/**
 * A batch of checked rows as it crosses from the reading thread to the writing one: numbers in
 * typed arrays, handed over, and every text field in one string. Copying 2,000 row objects between
 * threads took about 6-8 ms of the writing thread's time per batch, columns of strings about 1 ms;
 * one string is copied at once, and the writing thread makes the batch's strings only when it
 * takes the batch, so a batch waiting its turn is not copied by each young-generation collection.
 */
export interface ImportRowColumns {
  line: Float64Array;
  /** Each row's name, phone, Telegram id, region code, language, consent source and tags, one after the other. */
  text: string;
  /** The length of each of those fields in `text`; `absent` for a field the row does not have. */
  textLengths: Uint32Array;
  /** How many tags each row has. */
  tagCount: Uint16Array;
  /** Milliseconds; NaN without consent. */
  consentAt: Float64Array;
  /** 1 declined, 2 opted out, 4 the consent's date came from the file. */
  flags: Uint8Array;
}

const declined = 1;
const optedOut = 2;
const dated = 4;
const absent = 0xffffffff;

export function toRowColumns(rows: readonly ImportRow[]): ImportRowColumns {
  const texts: string[] = [];
  const lengths: number[] = [];
  const add = (text: string | undefined) => {
    if (text !== undefined) texts.push(text);
    lengths.push(text === undefined ? absent : text.length);
  };
  const columns = {
    line: new Float64Array(rows.length),
    tagCount: new Uint16Array(rows.length),
    consentAt: new Float64Array(rows.length),
    flags: new Uint8Array(rows.length),
  };
  rows.forEach((row, i) => {
    columns.line[i] = row.line;
    add(row.name);
    add(row.phone);
    add(row.telegramId);
    add(row.regionCode);
    add(row.language);
    add(row.consent?.source);
    for (const tag of row.tags) add(tag);
    columns.tagCount[i] = row.tags.length;
    columns.consentAt[i] = row.consent ? row.consent.at.getTime() : NaN;
    columns.flags[i] = (row.declined ? declined : 0) | (row.optedOut ? optedOut : 0) | (row.consent?.dated ? dated : 0);
  });
  return { ...columns, text: texts.join(""), textLengths: Uint32Array.from(lengths) };
}

/** The typed arrays' memory, handed over to the other thread instead of copied. */
export function rowColumnBuffers(columns: ImportRowColumns): ArrayBuffer[] {
  return [columns.line, columns.textLengths, columns.tagCount, columns.consentAt, columns.flags].map((array) => array.buffer as ArrayBuffer);
}

export function fromRowColumns(columns: ImportRowColumns): ImportRow[] {
  const { text, textLengths } = columns;
  let at = 0;
  let field = 0;
  const next = (): string | undefined => {
    const length = textLengths[field++]!;
    if (length === absent) return undefined;
    at += length;
    return text.slice(at - length, at);
  };
  const rows: ImportRow[] = new Array<ImportRow>(columns.line.length);
  for (let i = 0; i < rows.length; i++) {
    const flags = columns.flags[i]!;
    const row: ImportRow = { line: columns.line[i]!, tags: [], declined: (flags & declined) !== 0, optedOut: (flags & optedOut) !== 0 };
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
    if (source !== undefined) row.consent = { source, at: new Date(columns.consentAt[i]!), dated: (flags & dated) !== 0 };
    rows[i] = row;
  }
  return rows;
}
