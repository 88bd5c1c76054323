// GET /siaran/baru (staff who may send broadcasts, as /broadcast in the chat): the empty broadcast
// form; ?segmen=<id> picks a segment (a link from a segment's page, for instance).
import type { DashboardPage } from "../dashboardTypes.js";
import { readBroadcastForm } from "../readBroadcastForm.js";
import { emptyBroadcastForm, renderBroadcastForm } from "./renderBroadcastForm.js";

export const showComposeBroadcastPage: DashboardPage = {
  method: "GET",
  url: "/siaran/baru",
  permission: "broadcasts",
  handle(context) {
    const languages = context.deps.translator.languages;
    const segmentId = readBroadcastForm(context.request.query, languages).segmentId;
    return renderBroadcastForm(context, { form: { ...emptyBroadcastForm(languages), segmentId } });
  },
};
