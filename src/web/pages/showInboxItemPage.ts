// GET /inbox/:id (coordinators and admins, as /inbox <id> in the chat): one question in full, and
// the forms to reply (also saving the reply as an FAQ) or to close it without a reply.
import { describeInboxPerson } from "../../domain/inbox/describeInboxPerson.js";
import { findInboxItem } from "../../domain/inbox/findInboxItem.js";
import { maxInboxReplyLength } from "../../domain/inbox/composeInboxReply.js";
import { cleanTextForStaff } from "../../domain/text/cleanTextForStaff.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { DashboardPage, PageContext } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";

export const showInboxItemPage: DashboardPage = {
  method: "GET",
  url: "/inbox/:id",
  permission: "inbox",
  handle: (context) => renderInboxItem(context, parseInboxId(context)),
};

/** The item's page; `notice` says what just happened (answered by someone else, a reply too long), with its status. */
export async function renderInboxItem(context: PageContext, id: number | undefined, notice?: { status: number; text: string; draft?: string }) {
  const { deps, t, language } = context;
  const item = id === undefined ? null : await findInboxItem(deps.db, id);
  if (!item) return showMessage(context, 404, "noInboxItem");
  const when = (at: Date | null) => (at ? formatLocalTime(at, language, deps.timeZone) : "");
  const shown = {
    id: item.id,
    open: item.status === "open",
    status: t(`inbox:status.${item.status}`, { defaultValue: item.status }),
    kind: t(`inbox:kind.${item.kind}`, { defaultValue: item.kind }),
    received: when(item.createdAt),
    language: t(`dashboard:language.${item.language}`, { defaultValue: item.language }),
    channel: t(`segment.channel.${item.channel}`, { defaultValue: item.channel }),
    person: describeInboxPerson(item.contact) ?? t("staff.unnamed"),
    optedOut: item.contact.optedOut,
    text: cleanTextForStaff(item.text),
    answer: item.answer,
    answeredAt: when(item.answeredAt),
  };
  return context.render("pages/showInboxItemPage", { item: shown, notice, maxLength: maxInboxReplyLength }, { status: notice?.status ?? 200, title: `#${item.id}` });
}

export function parseInboxId(context: PageContext): number | undefined {
  const { id } = context.request.params as { id: string };
  return /^\d{1,9}$/.test(id) ? Number(id) : undefined;
}
