// GET /segmen (staff who may make segments, as /segments in the chat): every saved segment with its
// filters in words and its count now, and the way to a new one.
import { describeSegmentFilters } from "../../conversation/flows/segmentDescription.js";
import { countSegment } from "../../domain/segments/countSegment.js";
import { describeSegmentCount } from "../../domain/segments/describeSegmentCount.js";
import { listSegments } from "../../domain/segments/listSegments.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { segmentWords } from "../segmentWords.js";

export const showSegmentsPage: DashboardPage = {
  method: "GET",
  url: "/segmen",
  permission: "segments",
  nav: "segments",
  async handle(context) {
    const { deps, t } = context;
    const words = segmentWords(context);
    const rows = [];
    for (const segment of await listSegments(deps.db)) {
      const count = await countSegment(deps.db, segment.definition);
      rows.push({ id: segment.id, name: segment.name, filters: describeSegmentFilters(words, segment.definition).split("\n"), count: describeSegmentCount(t, count) });
    }
    const query = (context.request.query ?? {}) as Record<string, unknown>;
    const deleted = typeof query.dihapus === "string" ? query.dihapus.slice(0, 60) : undefined;
    return context.render("pages/showSegmentsPage", { rows, deleted }, { title: t("dashboard:segments.title") });
  },
};
