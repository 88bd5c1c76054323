// POST /siaran/baru: the form checked as creating it would check it (checkNewBroadcast), then the
// preview with the confirm button; or the form again with what to fix (400). Nothing is written.
// "Change something" on the preview posts here with kembali=1: the form again, as typed.
import type { DashboardPage } from "../dashboardTypes.js";
import { planBroadcastFromForm } from "../planBroadcastFromForm.js";
import { readBroadcastForm } from "../readBroadcastForm.js";
import { renderBroadcastForm } from "./renderBroadcastForm.js";
import { renderBroadcastPreview } from "./renderBroadcastPreview.js";

export const previewNewBroadcast: DashboardPage = {
  method: "POST",
  url: "/siaran/baru",
  permission: "broadcasts",
  async handle(context) {
    const body = (context.request.body ?? {}) as Record<string, unknown>;
    const form = readBroadcastForm(body, context.deps.translator.languages);
    if (body.kembali === "1") return renderBroadcastForm(context, { form });
    const planned = await planBroadcastFromForm(context, form);
    if (planned.status !== "ok") return renderBroadcastForm(context, { form, problems: planned.problems, status: 400 });
    return renderBroadcastPreview(context, form, planned);
  },
};
