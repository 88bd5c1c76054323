// /broadcast status [id], /broadcast pause|resume|cancel [id], /broadcast resend-uncertain <id> [ya].
import { broadcastRef } from "../../domain/broadcasts/broadcastRef.js";
import { changeBroadcastStatus, type BroadcastControl } from "../../domain/broadcasts/changeBroadcastStatus.js";
import { readBroadcastStatus } from "../../domain/broadcasts/readBroadcastStatus.js";
import { resendUncertainDeliveries } from "../../domain/broadcasts/resendUncertainDeliveries.js";
import type { Turn } from "../turn.js";
import { staffReply } from "./staffAccess.js";
import { formatStaffTime } from "./staffFormat.js";

export async function showBroadcastStatus(turn: Turn, ref: string): Promise<void> {
  const t = turn.t;
  const broadcasts = await readBroadcastStatus(turn.tx, { ref: ref || undefined, limit: 5 });
  if (broadcasts.length === 0) return staffReply(turn, t(ref ? "broadcast.notFound" : "broadcast.noneYet", { ref }));
  const blocks = broadcasts.map((b) => {
    const counts = Object.entries(b.counts).map(([status, n]) => `${t(`broadcast.delivery.${status}`, { defaultValue: status })} ${n}`);
    const preview = (b.texts[turn.deps.translator.defaultLanguage] ?? Object.values(b.texts)[0] ?? "").replace(/\s+/g, " ");
    return [
      `#${broadcastRef(b.id)} · ${t(`broadcast.state.${b.status}`, { defaultValue: b.status })} · ${b.segment}${b.operational ? ` · ${t("broadcast.operationalTag")}` : ""}`,
      t("broadcast.statusTime", { when: formatStaffTime(b.scheduledAt, turn.language, turn.deps.timeZone) }),
      counts.length > 0 ? counts.join(" · ") : t("broadcast.noDeliveries"),
      ...(b.receipts ? [t("broadcast.receipts", { ...b.receipts })] : []),
      `“${preview.length > 60 ? `${preview.slice(0, 60)}…` : preview}”`,
    ].join("\n");
  });
  staffReply(turn, blocks.join("\n\n"), t("broadcast.statusTitle"));
}

export async function controlBroadcast(turn: Turn, action: BroadcastControl, ref: string): Promise<void> {
  const t = turn.t;
  const outcome = await changeBroadcastStatus(turn.tx, { action, ref: ref || undefined, actor: turn.contact.id, now: turn.now, blackout: turn.deps.blackout });
  switch (outcome.status) {
    case "not_found":
      return staffReply(turn, t(ref ? "broadcast.notFound" : `broadcast.nothingTo.${action}`, { ref }));
    case "invalid_transition":
      return staffReply(turn, t("broadcast.cannotChange", { ref: broadcastRef(outcome.id), state: t(`broadcast.state.${outcome.current}`, { defaultValue: outcome.current }) }));
    case "quiet_period":
      return staffReply(turn, t("broadcast.quietPeriod"));
    case "changed":
      return staffReply(turn, t(`broadcast.changed.${action}`, { ref: broadcastRef(outcome.id), state: t(`broadcast.state.${outcome.to}`) }));
  }
}

/**
 * /broadcast resend-uncertain <id>: says how many deliveries of a finished broadcast are uncertain
 * and that some of those people may get it twice; /broadcast resend-uncertain <id> ya sends them again.
 */
export async function resendUncertainCommand(turn: Turn, args: string): Promise<void> {
  const t = turn.t;
  const [ref = "", answer = ""] = args.trim().split(/\s+/);
  if (!ref) return staffReply(turn, t("broadcast.resend.usage"));
  const confirmed = ["ya", "yes", "y"].includes(answer.toLowerCase());
  const outcome = await resendUncertainDeliveries(turn.tx, { ref, actor: turn.contact.id, now: turn.now, blackout: turn.deps.blackout, confirmed });
  switch (outcome.status) {
    case "not_found":
      return staffReply(turn, t("broadcast.notFound", { ref }));
    case "not_finished":
      return staffReply(turn, t("broadcast.resend.notFinished", { ref: broadcastRef(outcome.id), state: t(`broadcast.state.${outcome.current}`, { defaultValue: outcome.current }) }));
    case "quiet_period":
      return staffReply(turn, t("broadcast.quietPeriod"));
    case "none_uncertain":
      return staffReply(turn, t("broadcast.resend.none", { ref: broadcastRef(outcome.id) }));
    case "confirm":
      return staffReply(turn, t("broadcast.resend.confirm", { ref: broadcastRef(outcome.id), count: outcome.count }));
    case "requeued":
      return staffReply(turn, t("broadcast.resend.requeued", { ref: broadcastRef(outcome.id), count: outcome.count }));
  }
}
