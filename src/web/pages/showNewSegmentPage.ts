// GET /segmen/baru: the segment form, empty or with the fields in the query (the live count's redraw).
import type { DashboardPage } from "../dashboardTypes.js";
import { readSegmentForm } from "../readSegmentForm.js";
import { renderSegmentForm } from "./renderSegmentForm.js";

export const showNewSegmentPage: DashboardPage = {
  method: "GET",
  url: "/segmen/baru",
  permission: "segments",
  handle: (context) => renderSegmentForm(context, { form: readSegmentForm(context.request.query) }),
};
