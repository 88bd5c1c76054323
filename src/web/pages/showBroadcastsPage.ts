// GET /siaran (coordinators and admins, as /broadcast status in the chat): the latest broadcasts,
// newest first, with their status, segment, planned time in the campaign's zone and how far each
// has got; the list redraws itself as they move (live topic "broadcasts").
import { broadcastRef } from "../../domain/broadcasts/broadcastRef.js";
import { readBroadcastStatus } from "../../domain/broadcasts/readBroadcastStatus.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { broadcastsTopic } from "../live/liveTopics.js";
import { readLiveMarker } from "../live/readLiveMarker.js";

/** As many as the live topic watches (readBroadcastsMarker), so every row shown redraws. */
export const BROADCASTS_LISTED = 20;

const settledStatuses = ["sent", "failed", "skipped", "uncertain"];

export const showBroadcastsPage: DashboardPage = {
  method: "GET",
  url: "/siaran",
  permission: "broadcasts",
  nav: "broadcasts",
  async handle(context) {
    const { deps, t, language } = context;
    // Read before the list: a change in between changes the marker, and the page redraws.
    const marker = await readLiveMarker(broadcastsTopic, deps.db);
    const broadcasts = await readBroadcastStatus(deps.db, { limit: BROADCASTS_LISTED });
    const rows = broadcasts.map((b) => {
      const count = (status: string) => b.counts[status] ?? 0;
      const settled = settledStatuses.reduce((n, status) => n + count(status), 0);
      const preview = (b.texts[deps.translator.defaultLanguage] ?? Object.values(b.texts)[0] ?? "").replace(/\s+/g, " ");
      return {
        id: b.id,
        ref: broadcastRef(b.id),
        status: b.status,
        state: t(`broadcast.state.${b.status}`, { defaultValue: b.status }),
        operational: b.operational,
        segment: b.segment,
        planned: formatLocalTime(b.scheduledAt, language, deps.timeZone),
        preview: preview.length > 80 ? `${preview.slice(0, 80)}…` : preview,
        total: b.total,
        percent: b.total > 0 ? Math.floor((settled / b.total) * 100) : 0,
        figures: t("dashboard:broadcasts.figures", { sent: count("sent"), failed: count("failed"), skipped: count("skipped"), uncertain: count("uncertain"), waiting: b.total - settled, total: b.total }),
      };
    });
    return context.render("pages/showBroadcastsPage", { rows, marker, listed: BROADCASTS_LISTED }, { title: t("dashboard:broadcasts.title") });
  },
};
