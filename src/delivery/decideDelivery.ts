import { findBlackoutEnd } from "../domain/blackout/findBlackoutEnd.js";
import type { DeliveryContact, DeliveryIdentity } from "./loadDeliveryContext.js";
import type { BlackoutRange } from "../domain/blackout/parseBlackout.js";
import { decideMessageForm } from "./decideMessageForm.js";
import { pickIdentity } from "./pickIdentity.js";
import { quietHoursEnd, type QuietHours } from "../domain/schedule/quietHoursEnd.js";
import { timeZoneOfRegion } from "../domain/schedule/timeZoneOfRegion.js";
import type { FreeFormWindow, MessageForm, WindowSkipReason } from "./types.js";

export interface DeliveryRules {
  /** null: no quiet hours. */
  quietHours: QuietHours | null;
  /** Where a contact with no (Indonesian) region lives, for quiet hours. */
  defaultTimeZone: string;
  blackout: readonly BlackoutRange[];
  /** Channels that have a sender in this process. */
  channels: ReadonlySet<string>;
  /**
   * Channels that other processes of the deployment send on and this one cannot (a WhatsApp Web
   * session lives in one process): a person best reached there is handed over, not skipped.
   */
  elsewhere?: ReadonlySet<string>;
  /** Channels here that take free-form messages only within a window (the WhatsApp Cloud API's 24 hours). */
  windows?: ReadonlyMap<string, FreeFormWindow>;
}

/** What a delivery belongs to (a broadcast, a task, a staff reply), as far as the rules care. */
export interface DeliverySource {
  /** "sending": may go; "cancelled" / "closed": skip; anything else (paused, scheduled): back to the queue. */
  status: string;
  /** The consent it rests on; "reply" answers the person's own question and needs only that they have not said STOP. */
  consent: "updates" | "volunteer_tasks" | "reply";
  /** Volunteers' operational messages and replies may go out during an election quiet period. */
  blackoutExempt: boolean;
  /** Bulk messages wait out the night; a reply to someone's own question does not. */
  quietHours: boolean;
}

export type DeliveryDecision =
  /** `form`: on a channel with a free-form window, whether it goes as text or as the approved template. */
  | { action: "send"; identity: DeliveryIdentity; form?: MessageForm }
  | {
      action: "skip";
      reason: "cancelled" | "task_closed" | "no_broadcast" | "no_contact" | "opted_out" | "no_consent" | "no_channel" | "unreachable" | WindowSkipReason;
    }
  /** The broadcast is paused (or not started): back to the queue untouched. */
  | { action: "release" }
  /** Not now: back to the queue until `until`, the reason kept for the progress report. */
  | { action: "wait"; until: Date; reason: "quiet_hours" | "blackout" }
  /** Best sent by another process (see DeliveryRules.elsewhere): back to the queue, marked for that channel. */
  | { action: "handoff"; channel: string };

const NOWHERE: ReadonlySet<string> = new Set();

/**
 * Whether a claimed delivery goes now, and where. Checked when a batch is claimed and again
 * right before the platform call, so a STOP, a pause or a cancel in between is honoured.
 */
export function decideDelivery(source: DeliverySource | undefined, contact: DeliveryContact | undefined, now: Date, rules: DeliveryRules): DeliveryDecision {
  if (!source) return { action: "skip", reason: "no_broadcast" };
  if (source.status === "cancelled") return { action: "skip", reason: "cancelled" };
  if (source.status === "closed") return { action: "skip", reason: "task_closed" };
  if (source.status !== "sending") return { action: "release" };
  // The person asked for their data to be deleted after the row was written.
  if (!contact) return { action: "skip", reason: "no_contact" };
  if (contact.optedOut) return { action: "skip", reason: "opted_out" };
  const consented =
    source.consent === "reply" || (source.consent === "volunteer_tasks" ? contact.tasksConsent === true : contact.updatesConsent === true);
  if (!consented) return { action: "skip", reason: "no_consent" };
  if (!source.blackoutExempt) {
    const blackoutEnd = findBlackoutEnd(rules.blackout, now);
    if (blackoutEnd) return { action: "wait", until: blackoutEnd, reason: "blackout" };
  }
  if (rules.quietHours && source.quietHours) {
    const opens = quietHoursEnd(now, timeZoneOfRegion(contact.regionCode, rules.defaultTimeZone), rules.quietHours);
    if (opens) return { action: "wait", until: opens, reason: "quiet_hours" };
  }
  const elsewhere = rules.elsewhere ?? NOWHERE;
  const picked = pickIdentity(contact.identities, elsewhere.size ? new Set([...rules.channels, ...elsewhere]) : rules.channels);
  if (picked.status === "none") return { action: "skip", reason: picked.reason };
  if (!rules.channels.has(picked.identity.channel)) return { action: "handoff", channel: picked.identity.channel };
  const window = rules.windows?.get(picked.identity.channel);
  if (!window) return { action: "send", identity: picked.identity };
  const form = decideMessageForm(picked.identity.lastInboundAt, contact.language, now, window);
  if ("skip" in form) return { action: "skip", reason: form.skip };
  return { action: "send", identity: picked.identity, form };
}
