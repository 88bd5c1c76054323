// POST /inbox/:id/tutup (coordinators and admins, as /inbox close in the chat): off the open list without a reply.
import { closeInboxItem } from "../../domain/inbox/closeInboxItem.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";
import { parseInboxId, renderInboxItem } from "./showInboxItemPage.js";

export const closeInboxQuestion: DashboardPage = {
  method: "POST",
  url: "/inbox/:id/tutup",
  permission: "inbox",
  async handle(context) {
    const { deps, staff, t, language } = context;
    const id = parseInboxId(context);
    if (id === undefined) return showMessage(context, 404, "noInboxItem");
    const outcome = await deps.db.$transaction((tx) => closeInboxItem(tx, { id, by: staff!.id, at: deps.clock() }));
    if (outcome.status === "not_found") return showMessage(context, 404, "noInboxItem");
    if (outcome.status === "not_open") {
      const when = outcome.answeredAt ? formatLocalTime(outcome.answeredAt, language, deps.timeZone) : "";
      return renderInboxItem(context, id, { status: 409, text: t(outcome.current === "closed" ? "inbox:alreadyClosed" : "inbox:alreadyAnswered", { id, when }) });
    }
    return context.reply.redirect("/inbox", 303);
  },
};
