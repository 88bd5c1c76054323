// POST /siaran/:id/ubah/simpan: saves the changes the preview showed through editScheduledBroadcast
// (the same checks as a new broadcast, audited as broadcast.edit with the staff member), then the
// broadcast's page. Started in the meantime: 409 and nothing changed; refused: the form as typed.
import { editScheduledBroadcast } from "../../domain/broadcasts/editScheduledBroadcast.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { findEditableBroadcast, showStarted } from "../findEditableBroadcast.js";
import { describeBroadcastRefusal, planBroadcastFromForm } from "../planBroadcastFromForm.js";
import { readBroadcastForm } from "../readBroadcastForm.js";
import { showMessage } from "../servePage.js";
import { renderBroadcastForm } from "./renderBroadcastForm.js";

export const saveBroadcastEdit: DashboardPage = {
  method: "POST",
  url: "/siaran/:id/ubah/simpan",
  permission: "broadcasts",
  async handle(context) {
    const { deps, staff } = context;
    const found = await findEditableBroadcast(context);
    if (found.status !== "ok") return found.reply;
    const { broadcast, editing } = found;
    const form = { ...readBroadcastForm(context.request.body, deps.translator.languages), operational: broadcast.operational };
    const planned = await planBroadcastFromForm(context, form, { operational: broadcast.operational });
    if (planned.status !== "ok") return renderBroadcastForm(context, { form, editing, problems: planned.problems, status: 400 });
    const { operational: _operational, ...plan } = planned.plan;
    const outcome = await deps.db.$transaction((tx) => editScheduledBroadcast(tx, { ...plan, id: broadcast.id, actor: staff!.id }));
    switch (outcome.status) {
      case "changed":
        return context.reply.redirect(`/siaran/${broadcast.id}`, 303);
      case "not_found":
        return showMessage(context, 404, "noBroadcast");
      case "started":
        return showStarted(context, editing, outcome.current);
      default:
        return renderBroadcastForm(context, { form, editing, problems: [describeBroadcastRefusal(context, outcome, plan.scheduledAt ?? plan.now, planned.zone)], status: 409 });
    }
  },
};
