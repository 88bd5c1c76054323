import { Prisma, type Database } from "../../db/client.js";
import { readTagsOfContacts } from "../contacts/contactTags.js";
import { formatIsoTime } from "../time/formatIsoTime.js";
import type { ExportKind } from "./exportKinds.js";

// Under the 999 parameters Prisma allows per SQLite query: each page's ids are bound one by one.
const pageSize = 500;

export interface ExportRowOptions {
  /** A condition over "Contact" c, from segmentWhereSql. */
  segment?: Prisma.Sql;
  /** Times are written in this zone, with its offset. */
  timeZone: string;
}

/**
 * The rows of an export, a page at a time in id order (keyset pagination: page 2,000 costs what
 * page 1 does), filtered in the database by the segment. Only one page is in memory at a time.
 */
export async function* readExportRows(db: Database, kind: ExportKind, options: ExportRowOptions): AsyncGenerator<string[][]> {
  const { segment, timeZone } = options;
  let after = "";
  for (;;) {
    const ids = (await db.$queryRaw<{ id: string }[]>(pageSql(kind, segment, after))).map((row) => row.id);
    if (ids.length === 0) return;
    yield kind === "deliveries" ? await deliveryRows(db, ids, timeZone) : await contactRows(db, ids, kind === "volunteers", timeZone);
    after = ids[ids.length - 1]!;
    if (ids.length < pageSize) return;
  }
}

function pageSql(kind: ExportKind, segment: Prisma.Sql | undefined, after: string): Prisma.Sql {
  if (kind === "deliveries") {
    // With a segment, only deliveries to its contacts; without, also those whose contact was erased.
    const toSegment = segment ? Prisma.sql`AND c."id" IS NOT NULL AND ${segment}` : Prisma.empty;
    return Prisma.sql`
      SELECT d."id" FROM "Delivery" d LEFT JOIN "Contact" c ON c."id" = d."contactId"
      WHERE d."id" > ${after} ${toSegment} ORDER BY d."id" LIMIT ${pageSize}`;
  }
  const volunteersOnly = kind === "volunteers" ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Volunteer" ev WHERE ev."contactId" = c."id")` : Prisma.empty;
  return Prisma.sql`
    SELECT c."id" FROM "Contact" c
    WHERE c."id" > ${after} ${volunteersOnly} AND ${segment ?? Prisma.sql`1 = 1`} ORDER BY c."id" LIMIT ${pageSize}`;
}

async function contactRows(db: Database, ids: string[], withVolunteer: boolean, timeZone: string): Promise<string[][]> {
  const contacts = await db.contact.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    include: {
      identities: { where: { channel: { in: ["telegram", "whatsapp"] } }, orderBy: { createdAt: "asc" }, select: { channel: true, externalId: true } },
      consents: { where: { purpose: "updates" }, orderBy: [{ recordedAt: "desc" }, { id: "desc" }], take: 1, select: { granted: true, recordedAt: true, source: true } },
      volunteer: withVolunteer,
    },
  });
  const tags = await readTagsOfContacts(db, ids);
  const time = (at: Date | undefined) => (at ? formatIsoTime(at, timeZone) : "");
  return contacts.map((c) => {
    const accounts = (channel: string) => c.identities.filter((i) => i.channel === channel).map((i) => i.externalId).join("; ");
    // When and where the yes came from, so a re-import keeps the consent's own date and source.
    const consent = c.updatesConsent === true && c.consents[0]?.granted ? c.consents[0] : undefined;
    const row = [
      c.id,
      c.name ?? "",
      c.phone ?? "",
      accounts("telegram"),
      accounts("whatsapp"),
      c.regionCode ?? "",
      c.language,
      (tags.get(c.id) ?? []).join("; "),
      c.updatesConsent === null ? "" : yesNo(c.updatesConsent),
      consent ? dateOrTime(consent.recordedAt, timeZone) : "",
      consent?.source ?? "",
      yesNo(c.optedOut),
      time(c.createdAt),
    ];
    if (!withVolunteer) return row;
    const volunteer = c.volunteer;
    return [...row, volunteer?.referralCode ?? "", interestList(volunteer?.interests), volunteer?.availability ?? "", time(volunteer?.createdAt)];
  });
}

async function deliveryRows(db: Database, ids: string[], timeZone: string): Promise<string[][]> {
  const deliveries = await db.delivery.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  return deliveries.map((d) => [
    d.id,
    d.kind,
    d.broadcastId ?? "",
    d.taskId === null ? "" : String(d.taskId),
    d.contactId ?? "",
    d.channel ?? "",
    d.status,
    d.reason ?? "",
    String(d.attempts),
    d.sentAt ? formatIsoTime(d.sentAt, timeZone) : "",
  ]);
}

/**
 * A consent date given without a time (a paper form's "2026-11-01") was stored as that day's
 * midnight in the campaign's zone: it goes back out as the date. Any other instant keeps its time.
 */
function dateOrTime(at: Date, timeZone: string): string {
  const iso = formatIsoTime(at, timeZone);
  return iso.slice(10, 19) === "T00:00:00" && iso[19] !== "." ? iso.slice(0, 10) : iso;
}

function yesNo(value: boolean): string {
  return value ? "yes" : "no";
}

function interestList(json: string | undefined): string {
  if (!json) return "";
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String).join("; ") : "";
  } catch {
    return "";
  }
}
