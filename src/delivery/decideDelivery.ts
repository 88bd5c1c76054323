import { findBlackoutEnd } from "./findBlackoutEnd.js";
import type { DeliveryContact, DeliveryIdentity } from "./loadDeliveryContext.js";
import type { BlackoutRange } from "./parseBlackout.js";
import { pickIdentity } from "./pickIdentity.js";
import { quietHoursEnd, type QuietHours } from "./quietHours.js";
import { timeZoneOfRegion } from "./timeZoneOfRegion.js";

export interface DeliveryRules {
  /** null: no quiet hours. */
  quietHours: QuietHours | null;
  /** Where a contact with no (Indonesian) region lives, for quiet hours. */
  defaultTimeZone: string;
  blackout: readonly BlackoutRange[];
  /** Channels that have a sender. */
  channels: ReadonlySet<string>;
}

export type DeliveryDecision =
  | { action: "send"; identity: DeliveryIdentity }
  | { action: "skip"; reason: "cancelled" | "no_broadcast" | "no_contact" | "opted_out" | "no_consent" | "no_channel" | "unreachable" }
  /** The broadcast is paused (or not started): back to the queue untouched. */
  | { action: "release" }
  /** Not now: back to the queue until `until`, the reason kept for the progress report. */
  | { action: "wait"; until: Date; reason: "quiet_hours" | "blackout" };

/**
 * Whether a claimed delivery goes now, and where. Checked when a batch is claimed and again
 * right before the platform call, so a STOP, a pause or a cancel in between is honoured.
 */
export function decideDelivery(
  broadcast: { status: string; operational: boolean } | undefined,
  contact: DeliveryContact | undefined,
  now: Date,
  rules: DeliveryRules,
): DeliveryDecision {
  if (!broadcast) return { action: "skip", reason: "no_broadcast" };
  if (broadcast.status === "cancelled") return { action: "skip", reason: "cancelled" };
  if (broadcast.status !== "sending") return { action: "release" };
  // The person asked for their data to be deleted after the row was written.
  if (!contact) return { action: "skip", reason: "no_contact" };
  if (contact.optedOut) return { action: "skip", reason: "opted_out" };
  // Volunteers' operational messages rest on the volunteer_tasks consent, everything else on "updates".
  const consented = broadcast.operational ? contact.tasksConsent === true : contact.updatesConsent === true;
  if (!consented) return { action: "skip", reason: "no_consent" };
  if (!broadcast.operational) {
    const blackoutEnd = findBlackoutEnd(rules.blackout, now);
    if (blackoutEnd) return { action: "wait", until: blackoutEnd, reason: "blackout" };
  }
  if (rules.quietHours) {
    const opens = quietHoursEnd(now, timeZoneOfRegion(contact.regionCode, rules.defaultTimeZone), rules.quietHours);
    if (opens) return { action: "wait", until: opens, reason: "quiet_hours" };
  }
  const picked = pickIdentity(contact.identities, rules.channels);
  if (picked.status === "none") return { action: "skip", reason: picked.reason };
  return { action: "send", identity: picked.identity };
}
