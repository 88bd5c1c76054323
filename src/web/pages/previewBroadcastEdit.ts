// POST /siaran/:id/ubah: the changed form checked as saving it would check it, then the preview
// with "Save changes"; or the form again with what to fix. Nothing is written.
import type { DashboardPage } from "../dashboardTypes.js";
import { findEditableBroadcast } from "../findEditableBroadcast.js";
import { planBroadcastFromForm } from "../planBroadcastFromForm.js";
import { readBroadcastForm } from "../readBroadcastForm.js";
import { renderBroadcastForm } from "./renderBroadcastForm.js";
import { renderBroadcastPreview } from "./renderBroadcastPreview.js";

export const previewBroadcastEdit: DashboardPage = {
  method: "POST",
  url: "/siaran/:id/ubah",
  permission: "broadcasts",
  async handle(context) {
    const found = await findEditableBroadcast(context);
    if (found.status !== "ok") return found.reply;
    const body = (context.request.body ?? {}) as Record<string, unknown>;
    const form = { ...readBroadcastForm(body, context.deps.translator.languages), operational: found.broadcast.operational };
    if (body.kembali === "1") return renderBroadcastForm(context, { form, editing: found.editing });
    const planned = await planBroadcastFromForm(context, form, { operational: found.broadcast.operational });
    if (planned.status !== "ok") return renderBroadcastForm(context, { form, editing: found.editing, problems: planned.problems, status: 400 });
    return renderBroadcastPreview(context, form, planned, found.editing);
  },
};
