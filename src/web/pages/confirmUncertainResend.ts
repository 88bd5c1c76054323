// GET /siaran/:id/kirim-ulang (coordinators and admins, as /broadcast resend-uncertain <id> without
// "ya"): how many deliveries of a finished broadcast are uncertain, the warning that some of those
// people may get it twice, and the button that sends them again (resendUncertainFromPage).
import { broadcastRef } from "../../domain/broadcasts/broadcastRef.js";
import { resendUncertainDeliveries, type ResendUncertainOutcome } from "../../domain/broadcasts/resendUncertainDeliveries.js";
import type { DashboardPage, PageContext } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";
import { readBroadcastParam, renderBroadcastPage } from "./showBroadcastPage.js";

export const confirmUncertainResend: DashboardPage = {
  method: "GET",
  url: "/siaran/:id/kirim-ulang",
  permission: "broadcasts",
  async handle(context) {
    const { deps, staff, t } = context;
    const ref = readBroadcastParam(context);
    if (!ref) return showMessage(context, 404, "noBroadcast");
    // Unconfirmed, it only counts: nothing is written.
    const outcome = await resendUncertainDeliveries(deps.db, { ref, actor: staff!.id, now: deps.clock(), blackout: deps.blackout, confirmed: false });
    // "requeued" only comes from a confirmed call: here it would mean nothing was asked.
    if (outcome.status === "requeued") return context.reply.redirect(`/siaran/${outcome.id}`, 303);
    if (outcome.status !== "confirm") return answerResendRefusal(context, outcome);
    const shown = { id: outcome.id, ref: broadcastRef(outcome.id), count: outcome.count };
    return context.render("pages/confirmUncertainResend", { broadcast: shown }, { title: t("dashboard:broadcast.resend.title", { ref: shown.ref }) });
  },
};

/** Every outcome but "confirm" and "requeued": the broadcast's page saying why nothing was sent (409), or 404. */
export function answerResendRefusal(context: PageContext, outcome: Exclude<ResendUncertainOutcome, { status: "confirm" | "requeued" }>) {
  const { t } = context;
  switch (outcome.status) {
    case "not_found":
      return showMessage(context, 404, "noBroadcast");
    case "not_finished":
      return renderBroadcastPage(context, { status: 409, kind: "problem", text: t("dashboard:broadcast.resend.notFinished", { state: t(`broadcast.state.${outcome.current}`, { defaultValue: outcome.current }) }) });
    case "none_uncertain":
      return renderBroadcastPage(context, { status: 409, kind: "problem", text: t("dashboard:broadcast.resend.none") });
    case "quiet_period":
      return renderBroadcastPage(context, { status: 409, kind: "problem", text: t("broadcast.quietPeriod") });
  }
}
