// GET /siaran/:id (coordinators and admins, as /broadcast status <id> in the chat): one broadcast,
// its progress (sent, failed, skipped, held, uncertain, rate and ETA: readBroadcastProgress, as the
// chat's progress message reads it) redrawn live (topic "broadcasts"), the pause, resume and cancel
// buttons its status allows, and once it is finished the chat's final report by reason.
import { createProgressFormatter } from "../../conversation/createProgressFormatter.js";
import type { BroadcastControl } from "../../domain/broadcasts/changeBroadcastStatus.js";
import { broadcastRef } from "../../domain/broadcasts/broadcastRef.js";
import { findBroadcast } from "../../domain/broadcasts/findBroadcast.js";
import { parseBroadcastTexts } from "../../domain/broadcasts/parseBroadcastTexts.js";
import { formatDuration } from "../../domain/time/formatDuration.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { DashboardPage, PageContext } from "../dashboardTypes.js";
import { broadcastsTopic } from "../live/liveTopics.js";
import { readLiveMarker } from "../live/readLiveMarker.js";
import { readBroadcastPageProgress } from "../readBroadcastPageProgress.js";
import { showMessage } from "../servePage.js";

/** The last part of each action's address (changeBroadcastFromPage). */
export const broadcastControlPaths: Record<BroadcastControl, string> = { pause: "jeda", resume: "lanjutkan", cancel: "batalkan" };

/** The buttons each status offers: the transitions changeBroadcastStatus allows. */
const controlsFor: Record<string, BroadcastControl[]> = {
  sending: ["pause", "cancel"],
  scheduled: ["pause", "cancel"],
  paused: ["resume", "cancel"],
  draft: ["cancel"],
};

export const showBroadcastPage: DashboardPage = {
  method: "GET",
  url: "/siaran/:id",
  permission: "broadcasts",
  handle(context) {
    // After a button: what it did, from the address the action redirected to.
    const { diubah, dikirimulang } = (context.request.query ?? {}) as Record<string, unknown>;
    if (typeof diubah === "string" && diubah in broadcastControlPaths) return renderBroadcastPage(context, { status: 200, kind: "saved", text: context.t(`dashboard:broadcast.changed.${diubah}`) });
    if (typeof dikirimulang === "string" && /^\d{1,9}$/.test(dikirimulang)) return renderBroadcastPage(context, { status: 200, kind: "saved", text: context.t("dashboard:broadcast.resend.requeued", { count: Number(dikirimulang) }) });
    return renderBroadcastPage(context);
  },
};

/** The broadcast's page; `notice` says what just happened (a button pressed twice...), with its status. */
export async function renderBroadcastPage(context: PageContext, notice?: { status: number; text: string; kind: "saved" | "problem" }) {
  const { deps, t, language } = context;
  const ref = readBroadcastParam(context);
  // Read before the figures: a change in between changes the marker, and the page redraws.
  const marker = await readLiveMarker(broadcastsTopic, deps.db);
  const broadcast = ref ? await findBroadcast(deps.db, ref) : undefined;
  if (!broadcast) return showMessage(context, 404, "noBroadcast");
  const now = deps.clock();
  const progress = await readBroadcastPageProgress(deps.db, broadcast.id, now);
  if (!progress) return showMessage(context, 404, "noBroadcast");
  const when = (at: Date | null | undefined) => (at ? formatLocalTime(at, language, deps.timeZone) : undefined);
  const finished = progress.status === "completed" || progress.status === "cancelled";
  const sending = progress.status === "sending";
  const texts = parseBroadcastTexts(broadcast.texts);
  const shown = {
    id: broadcast.id,
    ref: broadcastRef(broadcast.id),
    status: progress.status,
    state: t(`broadcast.state.${progress.status}`, { defaultValue: progress.status }),
    segment: broadcast.segment.name,
    operational: broadcast.operational,
    planned: when(broadcast.scheduledAt),
    started: when(broadcast.startedAt),
    ended: when(broadcast.completedAt),
    imageUrl: broadcast.imageUrl,
    // Before it starts, its texts, image, segment and time can still be changed (showBroadcastEditPage).
    editable: progress.status === "scheduled" && broadcast.scheduledAt.getTime() > now.getTime(),
    texts: Object.entries(texts).map(([lng, text]) => ({ language: t(`dashboard:language.${lng}`, { defaultValue: lng }), text })),
  };
  const figures = {
    percent: progress.total > 0 ? Math.floor((progress.settled / progress.total) * 100) : 0,
    cards: [
      ["sent", progress.sent],
      ["failed", progress.failed],
      ["skipped", progress.skipped],
      ["held", progress.held],
      ["uncertain", progress.uncertain],
      ["waiting", progress.remaining - progress.held],
      // Only where the channel reports receipts (the Cloud API): Telegram's messages are not shown as unread.
      ...(progress.receipts ? [["delivered", progress.receipts.delivered], ["read", progress.receipts.read]] : []),
    ].map(([key, value]) => ({ key, value, label: t(`dashboard:broadcast.figure.${key}`) })),
    settled: progress.settled,
    total: progress.total,
    rate: sending && progress.ratePerSecond !== undefined ? progress.ratePerSecond.toFixed(1) : undefined,
    eta: sending && progress.etaSeconds !== undefined ? formatDuration(progress.etaSeconds) : undefined,
    held: Object.entries(progress.heldByReason).map(([reason, n]) => `${t(`progress.reason.${reason}`, { defaultValue: reason })}: ${n}`),
    failedAfterAcceptance: Object.entries(progress.failedAfterAcceptanceByReason).map(([reason, n]) => `${t(`progress.reason.${reason}`, { defaultValue: reason })}: ${n}`),
  };
  const report = finished ? createProgressFormatter(t)(progress, "final") : undefined;
  const resend = progress.status === "completed" && progress.uncertain > 0;
  return context.render(
    "pages/showBroadcastPage",
    { broadcast: shown, figures, controls: (controlsFor[progress.status] ?? []).map((action) => ({ action, path: broadcastControlPaths[action] })), report, resend, notice, marker },
    { status: notice?.status ?? 200, title: t("dashboard:broadcast.title", { ref: shown.ref }) },
  );
}

/** The id in the address: a broadcast's id or its short ref, nothing else looked up. */
export function readBroadcastParam(context: PageContext): string | undefined {
  const { id } = context.request.params as { id: string };
  return /^[a-z0-9]{6,40}$/.test(id) ? id : undefined;
}
