import { Prisma, type Database } from "../db/client.js";
import { dialectOf } from "../db/dialect.js";
import { jsonRows } from "../db/jsonRows.js";
import { queryDirect } from "../db/queryDirect.js";
import { quoteIdentifier } from "../db/quoteIdentifier.js";
import type { DeliveryReceipt } from "./types.js";

export interface ReceiptsRecorded {
  /** Receipts whose message is a delivery of ours (repeats and ones too late to move it included). */
  known: number;
  /** Receipts naming a message no delivery has: replies to someone who wrote, or an erased person's. */
  unknown: number;
}

/**
 * Records what the platform said about messages it had accepted, found by (channel, platformMessageId):
 * one lookup and at most three updates however many receipts there are. Receipts come late, twice
 * and out of order, so what a delivery ends as depends on which receipts came, never on their order
 * or how they were batched: delivered and read keep the first time given (read implies delivered);
 * `failed` turns a sent delivery into failed unless a receipt says it arrived, and such a receipt,
 * should it come after the failure, outweighs it. A failed delivery keeps its sentAt: that is how
 * reports tell a failure after acceptance from a refusal at sending.
 */
export async function recordDeliveryReceipts(db: Database, channel: string, receipts: readonly DeliveryReceipt[], now: Date): Promise<ReceiptsRecorded> {
  if (receipts.length === 0) return { known: 0, unknown: 0 };
  const ids = [...new Set(receipts.map((r) => r.platformMessageId))];
  // The channel rides in every row given, and statuses are compared as expressions: SQLite then walks
  // the rows given and looks each up by (channel, platformMessageId), instead of scanning every
  // delivery of the channel (or of the status) for each of them.
  const rowsOf = (columns: string[], rows: readonly (readonly (string | null)[])[]) =>
    jsonRows(db, ["channel", "id", ...columns], rows.map((row) => [channel, ...row]));
  const match = Prisma.sql`"Delivery"."channel" = v."channel" AND "Delivery"."platformMessageId" = v."id"`;
  const found = await queryDirect<{ platformMessageId: string }>(db, Prisma.sql`
    SELECT "Delivery"."platformMessageId" FROM ${rowsOf([], ids.map((id) => [id]))} AS v, "Delivery" WHERE ${match}`);
  const known = new Set(found.map((row) => row.platformMessageId));
  const ours = receipts.filter((r) => known.has(r.platformMessageId));
  const recorded = { known: ours.length, unknown: receipts.length - ours.length };
  if (ours.length === 0) return recorded;

  const time = (column: string) => (dialectOf(db) === "postgresql" ? Prisma.sql`CAST(v.${Prisma.raw(quoteIdentifier(column))} AS TIMESTAMP(3))` : Prisma.raw(`v.${quoteIdentifier(column)}`));
  const stamp = (at: Date) => at.toISOString().replace("Z", "+00:00");

  // Per message, the earliest time each receipt gives; a read is a delivery too.
  const seen = new Map<string, { delivered?: Date; read?: Date }>();
  for (const r of ours) {
    if (r.event !== "delivered" && r.event !== "read") continue;
    const times = seen.get(r.platformMessageId) ?? {};
    if (!times.delivered || r.at < times.delivered) times.delivered = r.at;
    if (r.event === "read" && (!times.read || r.at < times.read)) times.read = r.at;
    seen.set(r.platformMessageId, times);
  }
  if (seen.size > 0) {
    const rows = [...seen].map(([id, t]) => [id, stamp(t.delivered!), t.read ? stamp(t.read) : null]);
    await queryDirect(db, Prisma.sql`
      UPDATE "Delivery" SET "deliveredAt" = COALESCE("Delivery"."deliveredAt", ${time("deliveredAt")}),
        "readAt" = COALESCE("Delivery"."readAt", ${time("readAt")}),
        "status" = 'sent', "reason" = CASE WHEN "Delivery"."status" = 'failed' THEN NULL ELSE "Delivery"."reason" END, "updatedAt" = ${now}
      FROM ${rowsOf(["deliveredAt", "readAt"], rows)} AS v
      WHERE ${match} AND "Delivery"."status" || '' IN ('sent', 'failed')
        AND ("Delivery"."deliveredAt" IS NULL OR ("Delivery"."readAt" IS NULL AND v."readAt" IS NOT NULL) OR "Delivery"."status" || '' = 'failed')`);
  }

  // After the receipts above: a message that arrived does not fail, whatever order the webhook listed them in.
  const failures = new Map<string, string>();
  for (const r of ours) if (r.event === "failed" && !failures.has(r.platformMessageId)) failures.set(r.platformMessageId, r.reason);
  if (failures.size > 0) {
    await queryDirect(db, Prisma.sql`
      UPDATE "Delivery" SET "status" = 'failed', "reason" = v."reason", "updatedAt" = ${now}
      FROM ${rowsOf(["reason"], [...failures])} AS v
      WHERE ${match} AND "Delivery"."status" || '' = 'sent' AND "Delivery"."deliveredAt" IS NULL AND "Delivery"."readAt" IS NULL`);
  }

  // The channel sent another message in its place (the template after a late 131047): the delivery names that one now.
  const replaced = ours.flatMap((r) => (r.event === "replaced" ? [[r.platformMessageId, r.by, r.sentAs] as const] : []));
  if (replaced.length > 0) {
    await queryDirect(db, Prisma.sql`
      UPDATE "Delivery" SET "platformMessageId" = v."by", "sentAs" = v."sentAs", "updatedAt" = ${now}
      FROM ${rowsOf(["by", "sentAs"], replaced)} AS v
      WHERE ${match} AND "Delivery"."status" || '' = 'sent'`);
  }
  return recorded;
}
