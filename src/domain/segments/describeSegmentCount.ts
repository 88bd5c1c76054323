import type { Translate } from "../imports/types.js";
import type { SegmentCount } from "./countSegment.js";
import type { UnreachableReason } from "./sendableWhereSql.js";

const reasons: readonly UnreachableReason[] = ["no_consent", "opted_out", "no_account", "blocked"];

/**
 * "6 contacts: 5 can receive broadcasts; 1 without consent": the count and why the others cannot
 * be reached, in the reader's language; the chat and the CLI both say it this way.
 */
export function describeSegmentCount(t: Translate, count: SegmentCount): string {
  const parts = [t("segment.reach.summary", { count: count.total, total: count.total, sendable: count.sendable })];
  for (const reason of reasons) {
    const people = count.unreachable[reason];
    if (people > 0) parts.push(t(`segment.reach.${reason}`, { count: people }));
  }
  return parts.join("; ");
}
