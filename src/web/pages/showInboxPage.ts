// GET /inbox (coordinators and admins, as /inbox in the chat): the questions waiting, oldest first,
// with the person's language and app; the list redraws itself when someone writes (live topic "inbox").
import { describeInboxPerson } from "../../domain/inbox/describeInboxPerson.js";
import { listOpenInbox } from "../../domain/inbox/listOpenInbox.js";
import { cleanTextForStaff } from "../../domain/text/cleanTextForStaff.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { inboxTopic } from "../live/liveTopics.js";
import { readLiveMarker } from "../live/readLiveMarker.js";

const pageSize = 50;
const previewLength = 200;

export const showInboxPage: DashboardPage = {
  method: "GET",
  url: "/inbox",
  permission: "inbox",
  nav: "inbox",
  async handle(context) {
    const { deps, t, language } = context;
    // Read before the list: a question arriving in between changes the marker, and the page redraws.
    const marker = await readLiveMarker(inboxTopic, deps.db);
    const { total, items } = await listOpenInbox(deps.db, pageSize);
    const lines = items.map((item) => ({
      id: item.id,
      kind: t(`inbox:kind.${item.kind}`, { defaultValue: item.kind }),
      received: formatLocalTime(item.createdAt, language, deps.timeZone),
      language: t(`dashboard:language.${item.language}`, { defaultValue: item.language }),
      channel: t(`segment.channel.${item.channel}`, { defaultValue: item.channel }),
      person: describeInboxPerson(item.contact) ?? t("staff.unnamed"),
      text: preview(item.text),
    }));
    return context.render("pages/showInboxPage", { total, lines, more: total - lines.length, marker }, { title: t("dashboard:inbox.title") });
  },
};

function preview(text: string): string {
  const flat = cleanTextForStaff(text).replace(/\s+/g, " ").trim();
  return flat.length > previewLength ? `${flat.slice(0, previewLength)}…` : flat;
}
