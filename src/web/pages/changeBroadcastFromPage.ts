// POST /siaran/:id/jeda, /lanjutkan, /batalkan (coordinators and admins, as /broadcast pause,
// resume and cancel in the chat and the CLI): changeBroadcastStatus, audited with the staff member
// as the actor. A button pressed again (a replayed form, or one another staff member beat) changes
// nothing and the page says what the broadcast is now.
import type { BroadcastControl } from "../../domain/broadcasts/changeBroadcastStatus.js";
import { changeBroadcastStatus } from "../../domain/broadcasts/changeBroadcastStatus.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";
import { broadcastControlPaths, readBroadcastParam, renderBroadcastPage } from "./showBroadcastPage.js";

function changeBroadcastFromPage(action: BroadcastControl): DashboardPage {
  return {
    method: "POST",
    url: `/siaran/:id/${broadcastControlPaths[action]}`,
    permission: "broadcasts",
    async handle(context) {
      const { deps, staff, t } = context;
      const ref = readBroadcastParam(context);
      if (!ref) return showMessage(context, 404, "noBroadcast");
      const outcome = await deps.db.$transaction((tx) => changeBroadcastStatus(tx, { action, ref, actor: staff!.id, now: deps.clock(), blackout: deps.blackout }));
      switch (outcome.status) {
        case "not_found":
          return showMessage(context, 404, "noBroadcast");
        case "invalid_transition":
          return renderBroadcastPage(context, { status: 409, kind: "problem", text: t(`dashboard:broadcast.cannot.${action}`, { state: t(`broadcast.state.${outcome.current}`, { defaultValue: outcome.current }) }) });
        case "quiet_period":
          return renderBroadcastPage(context, { status: 409, kind: "problem", text: t("broadcast.quietPeriod") });
        case "changed":
          return context.reply.redirect(`/siaran/${outcome.id}?diubah=${action}`, 303);
      }
    },
  };
}

export const pauseBroadcastFromPage = changeBroadcastFromPage("pause");
export const resumeBroadcastFromPage = changeBroadcastFromPage("resume");
export const cancelBroadcastFromPage = changeBroadcastFromPage("cancel");
