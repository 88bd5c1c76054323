// POST /siaran/:id/kirim-ulang with yakin=ya (coordinators and admins, after the confirmation page;
// as /broadcast resend-uncertain <id> ya): resendUncertainDeliveries, audited with the staff member.
// A replayed form finds the broadcast sending again, or nothing uncertain left: nothing is queued twice.
import { resendUncertainDeliveries } from "../../domain/broadcasts/resendUncertainDeliveries.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";
import { answerResendRefusal } from "./confirmUncertainResend.js";
import { readBroadcastParam } from "./showBroadcastPage.js";

export const resendUncertainFromPage: DashboardPage = {
  method: "POST",
  url: "/siaran/:id/kirim-ulang",
  permission: "broadcasts",
  async handle(context) {
    const { deps, staff } = context;
    const ref = readBroadcastParam(context);
    if (!ref) return showMessage(context, 404, "noBroadcast");
    const form = (context.request.body ?? {}) as Record<string, unknown>;
    // Only from the confirmation page's button, which says some may get it twice.
    if (form.yakin !== "ya") return context.reply.redirect(`/siaran/${ref}/kirim-ulang`, 303);
    const outcome = await deps.db.$transaction((tx) => resendUncertainDeliveries(tx, { ref, actor: staff!.id, now: deps.clock(), blackout: deps.blackout, confirmed: true }));
    if (outcome.status === "requeued") return context.reply.redirect(`/siaran/${outcome.id}?dikirimulang=${outcome.count}`, 303);
    if (outcome.status === "confirm") return context.reply.redirect(`/siaran/${outcome.id}/kirim-ulang`, 303);
    return answerResendRefusal(context, outcome);
  },
};
