import { createImportId } from "./createImportId.js";
import { BulkRows, type BulkCell, type BulkColumn as ColumnSpec, type BulkWriter } from "../../db/openBulkWriter.js";
import { postgresArrayLiteral } from "../../db/postgresTextArray.js";
import { keepsSearchWordsOnContact, searchWordsOf } from "../contacts/contactSearchWords.js";
import { keepsTagsOnContact } from "../contacts/contactTags.js";
import { nameSearchWords } from "../contacts/nameSearchWords.js";
import { whatsappIdOf } from "../contacts/whatsappIdOf.js";
import type { ImportRow, InvalidRow } from "./types.js";

export interface BatchSettings {
  defaultLanguage: string;
  now: Date;
  /**
   * A dry run: nothing is written. The map carries, from batch to batch, who each phone
   * ("p:+62…") and Telegram id ("t:…") an earlier batch would have created, so a later row
   * of the same person counts as merged, as in the real import.
   */
  dryRun?: Map<string, string>;
  /**
   * Given the ids of the people already in the database that the rows found, before anything is
   * written; throwing there writes nothing. Writers working at once (writeImportBatchInParallel)
   * wait there for each other and throw when two of them found one person, then give the caller's
   * claim everyone they found; overlapping batches (overlapImportBatches) check it against the batch
   * before.
   */
  claim?: (contactIds: readonly string[]) => Promise<void>;
}

export interface BatchResult {
  created: number;
  merged: number;
  invalid: InvalidRow[];
  consentRecorded: number;
  consentNotApplied: number;
  optedOut: number;
}

/** One person as this batch will leave them: an existing contact, or one this batch creates. */
interface Slot {
  contactId: string;
  existing?: ExistingContact;
  name: string | null;
  phone: string | null;
  regionCode: string | null;
  language: string;
  /** The language came from the file, not from the default. */
  languageGiven: boolean;
  tags: Set<string>;
  telegramIds: string[];
  consents: { source: string; at: Date; dated: boolean }[];
  declined: boolean;
  optOut: boolean;
}

interface ExistingContact {
  id: string;
  name: string | null;
  phone: string | null;
  regionCode: string | null;
  language: string;
  optedOut: boolean;
  updatesConsent: boolean | null;
  /** PostgreSQL: their tags (Contact.tagList), so only new ones make a change to write. SQLite: null. */
  tagList: string[] | null;
  /** Their "updates" answers so far: the latest one decides, and a repeat is not written twice. */
  updatesHistory: { granted: boolean; source: string; recordedAt: Date }[];
}

// The wording lived outside Relawan (a paper form, another system); the consent source says where.
const consentText = { key: "import.updates", version: "external" } as const;

/**
 * Writes one batch of valid rows in set-based statements: a few lookups for the phones and
 * Telegram ids it mentions, then multi-row INSERTs. A row matching an existing contact (by
 * phone or Telegram id) or an earlier row is merged into it: tags are added, consent history is
 * appended, blanks are filled, nothing is overwritten or removed. A STOP is never undone.
 * Call it inside a transaction of the writer.
 */
export async function writeImportBatch(tx: BulkWriter, rows: readonly ImportRow[], settings: BatchSettings): Promise<BatchResult> {
  const result: BatchResult = { created: 0, merged: 0, invalid: [], consentRecorded: 0, consentNotApplied: 0, optedOut: 0 };
  const existing = await loadExisting(tx, rows);
  await settings.claim?.([...existing.contacts.keys()]);
  if (settings.dryRun) addEarlierRows(existing, rows, settings);
  const byPhone = new Map<string, Slot>();
  const byTelegram = new Map<string, Slot>();
  const slots: Slot[] = [];
  const byId = new Map<string, Slot>();
  for (const contact of existing.contacts.values()) {
    const slot: Slot = {
      contactId: contact.id,
      existing: contact,
      name: contact.name,
      phone: contact.phone,
      regionCode: contact.regionCode,
      language: contact.language,
      languageGiven: true,
      tags: new Set(),
      telegramIds: [],
      consents: [],
      declined: false,
      optOut: false,
    };
    slots.push(slot);
    byId.set(contact.id, slot);
    if (contact.phone) byPhone.set(contact.phone, slot);
  }
  for (const [externalId, contactId] of existing.telegram) {
    const slot = byId.get(contactId);
    if (slot) byTelegram.set(externalId, slot);
  }

  for (const row of rows) {
    const samePhone = row.phone ? byPhone.get(row.phone) : undefined;
    const sameTelegram = row.telegramId ? byTelegram.get(row.telegramId) : undefined;
    // Two people in the database that the row says are one: a typo is likelier than a merge
    // nobody asked for, and a merge cannot be undone. The row is reported instead.
    if (samePhone && sameTelegram && samePhone !== sameTelegram) {
      result.invalid.push({ line: row.line, problem: { code: "conflict" } });
      continue;
    }
    let slot = samePhone ?? sameTelegram;
    if (slot) {
      result.merged++;
      slot.name ??= row.name ?? null;
      slot.regionCode ??= row.regionCode ?? null;
      if (!slot.languageGiven && row.language) {
        slot.language = row.language;
        slot.languageGiven = true;
      }
      if (!slot.phone && row.phone) {
        slot.phone = row.phone;
        byPhone.set(row.phone, slot);
      }
    } else {
      result.created++;
      slot = {
        contactId: createImportId(),
        name: row.name ?? null,
        phone: row.phone ?? null,
        regionCode: row.regionCode ?? null,
        language: row.language ?? settings.defaultLanguage,
        languageGiven: row.language !== undefined,
        tags: new Set(),
        telegramIds: [],
        consents: [],
        declined: false,
        optOut: false,
      };
      slots.push(slot);
      if (row.phone) byPhone.set(row.phone, slot);
    }
    if (row.telegramId && !sameTelegram) {
      slot.telegramIds.push(row.telegramId);
      byTelegram.set(row.telegramId, slot);
    }
    for (const tag of row.tags) slot.tags.add(tag);
    if (row.consent) slot.consents.push(row.consent);
    slot.declined ||= row.declined;
    slot.optOut ||= row.optedOut;
  }

  await writeSlots(tx, slots, existing.takenNumbers, settings, result);
  if (settings.dryRun) {
    for (const slot of slots) {
      if (slot.phone) settings.dryRun.set(`p:${slot.phone}`, slot.contactId);
      for (const id of slot.telegramIds) settings.dryRun.set(`t:${id}`, slot.contactId);
    }
  }
  return result;
}

/** In a dry run, the people earlier batches would have created stand in as if they were in the database. */
function addEarlierRows(existing: Awaited<ReturnType<typeof loadExisting>>, rows: readonly ImportRow[], settings: BatchSettings): void {
  const earlier = settings.dryRun!;
  const known = new Set([...existing.contacts.values()].flatMap((c) => (c.phone ? [c.phone] : [])));
  for (const row of rows) {
    const byPhone = row.phone && !known.has(row.phone) ? earlier.get(`p:${row.phone}`) : undefined;
    if (byPhone && !existing.contacts.has(byPhone)) existing.contacts.set(byPhone, standIn(byPhone, settings));
    if (byPhone) existing.contacts.get(byPhone)!.phone = row.phone!;
    const byTelegram = row.telegramId && !existing.telegram.has(row.telegramId) ? earlier.get(`t:${row.telegramId}`) : undefined;
    if (byTelegram) {
      if (!existing.contacts.has(byTelegram)) existing.contacts.set(byTelegram, standIn(byTelegram, settings));
      existing.telegram.set(row.telegramId!, byTelegram);
    }
  }
}

function standIn(id: string, settings: BatchSettings): ExistingContact {
  return { id, name: null, phone: null, regionCode: null, language: settings.defaultLanguage, optedOut: false, updatesConsent: null, tagList: null, updatesHistory: [] };
}

async function loadExisting(tx: BulkWriter, rows: readonly ImportRow[]) {
  const phones = [...new Set(rows.flatMap((r) => (r.phone ? [r.phone] : [])))];
  const telegramIds = [...new Set(rows.flatMap((r) => (r.telegramId ? [r.telegramId] : [])))];
  const identities = await tx.selectIn<{ contactId: string; externalId: string }>(
    `SELECT "contactId", "externalId" FROM "ChannelIdentity" WHERE "channel" = 'telegram' AND "externalId" IN (:keys)`,
    telegramIds,
  );
  const selectContacts = `SELECT "id", "name", "phone", "regionCode", "language", "optedOut", "updatesConsent", ${keepsTagsOnContact(tx.dialect) ? `"tagList"` : `NULL AS "tagList"`} FROM "Contact"`;
  const byPhone = await tx.selectIn<ContactRow>(`${selectContacts} WHERE "phone" IN (:keys)`, phones, contactTypes);
  const loaded = new Set(byPhone.map((c) => c.id));
  const missing = [...new Set(identities.map((i) => i.contactId))].filter((id) => !loaded.has(id));
  const found = missing.length === 0 ? byPhone : [...byPhone, ...(await tx.selectIn<ContactRow>(`${selectContacts} WHERE "id" IN (:keys)`, missing, contactTypes))];
  // The numbers someone new may have that are already a WhatsApp identity (someone else's, or of a
  // contact whose phone is another), which stays with its owner (writeSlots).
  const known = new Set(byPhone.map((c) => c.phone));
  const taken = await tx.selectIn<{ externalId: string }>(
    `SELECT "externalId" FROM "ChannelIdentity" WHERE "channel" = 'whatsapp' AND "externalId" IN (:keys)`,
    phones.filter((phone) => !known.has(phone)).map(whatsappIdOf),
  );
  const history = await tx.selectIn<{ contactId: string; granted: boolean; source: string; recordedAt: Date }>(
    `SELECT "contactId", "granted", "source", "recordedAt" FROM "ConsentRecord" WHERE "purpose" = 'updates' AND "contactId" IN (:keys)`,
    found.map((c) => c.id),
    { granted: "boolean", recordedAt: "timestamp" },
  );
  const contacts = new Map<string, ExistingContact>(found.map((c) => [c.id, { ...c, updatesHistory: [] }]));
  for (const record of history) contacts.get(record.contactId)?.updatesHistory.push(record);
  return { contacts, telegram: new Map(identities.map((i) => [i.externalId, i.contactId])), takenNumbers: new Set(taken.map((i) => i.externalId)) };
}

type ContactRow = Omit<ExistingContact, "updatesHistory">;
const contactTypes = { optedOut: "boolean", updatesConsent: "boolean" } as const;

async function writeSlots(tx: BulkWriter, slots: Slot[], takenNumbers: ReadonlySet<string>, settings: BatchSettings, result: BatchResult): Promise<void> {
  const { now } = settings;
  // PostgreSQL keeps the name search's words on the contact's own row, SQLite as ContactNameWord rows.
  const wordsOnContact = keepsSearchWordsOnContact(tx.dialect);
  const wordsColumn: ColumnSpec[] = wordsOnContact ? [["searchWords", "text"]] : [];
  // Tags likewise: Contact.tagList on PostgreSQL (an update adds to it), ContactTag rows on SQLite.
  const tagsOnContact = keepsTagsOnContact(tx.dialect);
  const tagsColumn: ColumnSpec[] = tagsOnContact ? [["tagList", "textArray"]] : [];
  const newContactColumns = [...contactColumns, ...wordsColumn, ...tagsColumn];
  const contactUpdateColumns = [...updateColumns, ...wordsColumn, ...tagsColumn];
  const newContacts = new BulkRows(newContactColumns.length);
  // Of the people this batch creates (a number already taken was left out), and of those it merges into (their conflicts are expected).
  const identities = new BulkRows(identityColumns.length);
  const mergedIdentities = new BulkRows(identityColumns.length);
  // Tags and name search words likewise: only a merge can meet rows already there, so only its
  // rows are inserted with ON CONFLICT (PostgreSQL checks the index ahead of each such row).
  const tags = new BulkRows(tagColumns.length);
  const mergedTags = new BulkRows(tagColumns.length);
  // The name search's words of every name this batch writes (a merge only fills a blank name).
  const nameWords = new BulkRows(nameWordColumns.length);
  const mergedNameWords = new BulkRows(nameWordColumns.length);
  const grants = new BulkRows(grantColumns.length);
  const withdrawals = new BulkRows(withdrawalColumns.length);
  const updates = new BulkRows(contactUpdateColumns.length);
  for (const slot of slots) {
    const before = slot.existing;
    const stopped = Boolean(before?.optedOut);
    const newlyStopped = slot.optOut && !stopped;
    const fresh = freshConsents(slot, before);
    if (stopped || slot.optOut) {
      result.consentNotApplied += fresh.length;
    } else {
      for (const consent of fresh) grants.add(createImportId(), slot.contactId, slot.language, consent.source, consent.at);
      result.consentRecorded += fresh.length;
    }
    if (newlyStopped) {
      // Someone the file says said STOP: recorded like any withdrawal, so a later merge keeps it.
      withdrawals.add(createImportId(), slot.contactId, slot.language);
      result.optedOut++;
    }
    const identitiesOf = before ? mergedIdentities : identities;
    for (const externalId of slot.telegramIds) identitiesOf.add(createImportId(), slot.contactId, "telegram", externalId);
    // A phone number is a WhatsApp account: whether a broadcast may go there is the consent's
    // question, and how (paced, or a template outside the 24-hour window) the outbox's. A number
    // that already has its WhatsApp identity (this person's, or anyone's) is left as it is.
    const number = slot.phone ? whatsappIdOf(slot.phone) : undefined;
    const addsNumber = number !== undefined && (before !== undefined || !takenNumbers.has(number));
    if (addsNumber) identitiesOf.add(createImportId(), slot.contactId, "whatsapp", number);
    // On the contact: a new person's tags, and those someone already there does not have yet.
    const newTags = tagsOnContact ? [...slot.tags].filter((tag) => !before?.tagList?.includes(tag)) : [];
    if (!tagsOnContact) for (const tag of slot.tags) (before ? mergedTags : tags).add(slot.contactId, tag);
    const tagList: BulkCell[] = tagsOnContact ? [newTags.length > 0 ? postgresArrayLiteral(newTags) : null] : [];

    const consentNow = consentAfterImport(slot, fresh);
    const nameChanged = slot.name !== (before?.name ?? null);
    if (nameChanged && !wordsOnContact) for (const word of nameSearchWords(slot.name)) (before ? mergedNameWords : nameWords).add(word, slot.contactId);
    const searchWords: BulkCell[] = wordsOnContact ? [searchWordsOf(slot.name)] : [];
    if (!before) {
      // Reach as the identities below leave it, so their triggers have nothing to change: someone new
      // left without any identity (their number someone else's) has no account.
      newContacts.add(slot.contactId, slot.name, slot.phone, slot.language, slot.regionCode, slot.optOut, consentNow, addsNumber || slot.telegramIds.length > 0 ? "reachable" : "no_account", ...searchWords, ...tagList);
      continue;
    }
    const changed = nameChanged || slot.phone !== before.phone || slot.regionCode !== before.regionCode || newlyStopped || consentNow !== before.updatesConsent || newTags.length > 0;
    if (changed) updates.add(slot.contactId, slot.name, slot.phone, slot.regionCode, stopped || slot.optOut, consentNow, ...searchWords, ...tagList);
  }
  if (settings.dryRun) return;
  await tx.update("Contact", contactUpdateColumns, updates);
  const consentConstants = [
    ["purpose", "text", "updates"],
    ["textVersion", "text", consentText.version],
    ["channel", "text", "import"],
  ] as const;
  await tx.insert(
    {
      table: "Contact",
      columns: newContactColumns,
      constants: [
        ["createdAt", "timestamp", now],
        ["lastActiveAt", "timestamp", now],
      ],
    },
    newContacts,
  );
  const identityInsert = { table: "ChannelIdentity", columns: identityColumns, constants: [["createdAt", "timestamp", now]] } as const;
  // Someone new's identities were looked up: one taken since (by another session) fails the batch,
  // which is then written again (writeImportBatchInParallel) and finds it. Their contacts were
  // written just above with the reach these identities give them.
  await tx.insert({ ...identityInsert, reachWritten: true }, identities);
  await tx.insert({ ...identityInsert, onConflictDoNothing: ["channel", "externalId"] }, mergedIdentities);
  await tx.insert({ table: "ContactTag", columns: tagColumns }, tags);
  await tx.insert({ table: "ContactTag", columns: tagColumns, onConflictDoNothing: true }, mergedTags);
  await tx.insert({ table: "ContactNameWord", columns: nameWordColumns }, nameWords);
  await tx.insert({ table: "ContactNameWord", columns: nameWordColumns, onConflictDoNothing: true }, mergedNameWords);
  await tx.insert(
    { table: "ConsentRecord", columns: grantColumns, constants: [...consentConstants, ["granted", "boolean", true], ["textKey", "text", consentText.key]] },
    grants,
  );
  await tx.insert(
    {
      table: "ConsentRecord",
      columns: withdrawalColumns,
      constants: [...consentConstants, ["granted", "boolean", false], ["textKey", "text", "import.optOut"], ["source", "text", "import"], ["recordedAt", "timestamp", now]],
    },
    withdrawals,
  );
}

const updateColumns: ColumnSpec[] = [
  ["id", "text"],
  ["name", "text"],
  ["phone", "text"],
  ["regionCode", "text"],
  ["optedOut", "boolean"],
  ["updatesConsent", "boolean"],
];
const contactColumns: ColumnSpec[] = [
  ["id", "text"],
  ["name", "text"],
  ["phone", "text"],
  ["language", "text"],
  ["regionCode", "text"],
  ["optedOut", "boolean"],
  ["updatesConsent", "boolean"],
  ["reach", "text"],
];
const identityColumns: ColumnSpec[] = [
  ["id", "text"],
  ["contactId", "text"],
  ["channel", "text"],
  ["externalId", "text"],
];
const tagColumns: ColumnSpec[] = [
  ["contactId", "text"],
  ["tag", "text"],
];
const nameWordColumns: ColumnSpec[] = [
  ["word", "text"],
  ["contactId", "text"],
];
const grantColumns: ColumnSpec[] = [
  ["id", "text"],
  ["contactId", "text"],
  ["language", "text"],
  ["source", "text"],
  ["recordedAt", "timestamp"],
];
const withdrawalColumns: ColumnSpec[] = [
  ["id", "text"],
  ["contactId", "text"],
  ["language", "text"],
];

/**
 * The file's consents minus those already on record, so importing twice adds nothing: a dated
 * one is on record with the same source and time; an undated one (dated the day it was first
 * imported) with the same source at any time.
 */
function freshConsents(slot: Slot, before: ExistingContact | undefined): { source: string; at: Date }[] {
  // Someone new with one consent or none (most rows): nothing to compare it with. (The rest in a
  // function of its own, or the Sets its filter captures are made on every call.)
  return !before && slot.consents.length < 2 ? slot.consents : unrecordedConsents(slot, before);
}

function unrecordedConsents(slot: Slot, before: ExistingContact | undefined): { source: string; at: Date }[] {
  const granted = (before?.updatesHistory ?? []).filter((r) => r.granted);
  const seen = new Set(granted.map((r) => `${r.source}|${r.recordedAt.getTime()}`));
  const sources = new Set(granted.map((r) => r.source));
  return slot.consents.filter((consent) => {
    if (!consent.dated && sources.has(consent.source)) return false;
    const key = `${consent.source}|${consent.at.getTime()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    sources.add(consent.source);
    return true;
  });
}

/**
 * Contact.updatesConsent after the import. STOP (before or in this file) means no. Otherwise an
 * imported yes counts only if it is at least as recent as the person's own latest answer: a
 * "no" they gave the bot after signing the paper form still stands.
 */
function consentAfterImport(slot: Slot, fresh: { at: Date }[]): boolean | null {
  const before = slot.existing;
  if (before?.optedOut) return before.updatesConsent;
  if (slot.optOut) return false;
  // A "no" in the file only speaks for someone new; an existing person's own answers stand.
  if (fresh.length === 0) return before ? before.updatesConsent : slot.declined ? false : null;
  let latestImported = -Infinity;
  for (const consent of fresh) latestImported = Math.max(latestImported, consent.at.getTime());
  let latestOwn = -Infinity;
  for (const record of before?.updatesHistory ?? []) latestOwn = Math.max(latestOwn, record.recordedAt.getTime());
  return latestImported >= latestOwn ? true : (before?.updatesConsent ?? null);
}

