// POST /inbox/:id/balas (coordinators and admins, as /reply in the chat): the reply goes back on the
// person's own app through the outbox, signed by the campaign team; faq=ya also keeps it as an FAQ,
// which the running bot learns at once (and every other process at its next check). Whoever answers
// second is told it was answered, and nothing more is sent.
import { answerInboxItem } from "../../domain/inbox/answerInboxItem.js";
import { composeInboxReply, maxInboxReplyLength } from "../../domain/inbox/composeInboxReply.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";
import { parseInboxId, renderInboxItem } from "./showInboxItemPage.js";

export const answerInboxQuestion: DashboardPage = {
  method: "POST",
  url: "/inbox/:id/balas",
  permission: "inbox",
  async handle(context) {
    const { deps, staff, t, language } = context;
    const id = parseInboxId(context);
    const form = (context.request.body ?? {}) as Record<string, unknown>;
    const text = typeof form.jawaban === "string" ? form.jawaban.trim() : "";
    if (id === undefined) return showMessage(context, 404, "noInboxItem");
    if (text === "") return renderInboxItem(context, id, { status: 400, text: t("dashboard:inbox.emptyReply") });
    if (text.length > maxInboxReplyLength) return renderInboxItem(context, id, { status: 400, text: t("inbox:replyTooLong", { length: text.length, max: maxInboxReplyLength }), draft: text });
    const at = deps.clock();
    const outcome = await deps.db.$transaction((tx) =>
      answerInboxItem(tx, {
        id,
        answer: text,
        by: staff!.id,
        at,
        saveAsFaq: form.faq === "ya",
        compose: (to) => composeInboxReply(deps.translator, deps.campaign?.campaign.name ?? {}, to, text),
      }),
    );
    if (outcome.status === "not_found") return showMessage(context, 404, "noInboxItem");
    if (outcome.status === "not_open") {
      const when = outcome.answeredAt ? formatLocalTime(outcome.answeredAt, language, deps.timeZone) : "";
      const key = outcome.current === "closed" ? "inbox:alreadyClosed" : "inbox:alreadyAnswered";
      return renderInboxItem(context, id, { status: 409, text: t(key, { id, when }), draft: text });
    }
    // After the commit: this process's bot answers with it now, as after /reply <id> faq.
    if (outcome.faq) deps.faq?.add(outcome.faq);
    return context.reply.redirect(`/inbox/${id}`, 303);
  },
};
