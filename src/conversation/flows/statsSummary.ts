// The numbers of /stats as text, in the reader's language: the chat's summary and the CLI's output.
import type { CampaignStats } from "../../domain/stats/types.js";
import type { Translate } from "../createTranslator.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";

const PROVINCES_SHOWN = 5;
const QUESTION_CHARS = 80;

export function formatStatsSummary(stats: CampaignStats, t: Translate, language: string, options: { chartsHint?: boolean } = {}): string {
  const number = new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB");
  const n = (value: number) => number.format(value);
  const { growth, broadcasts, tasks } = stats;
  const lines = [
    t("stats:asOf", { time: formatLocalTime(stats.at, language, stats.timeZone) }),
    "",
    t("stats:contacts", { total: n(growth.contacts), recent: n(growth.contactsLast7Days) }),
    t("stats:volunteers", { total: n(growth.volunteers), recent: n(growth.volunteersLast7Days) }),
  ];

  const provinces = stats.volunteersByProvince.slice(0, PROVINCES_SHOWN).map((p) =>
    t("stats:provinceItem", { name: p.name ?? (p.code === null ? t("stats:noRegion") : p.code), count: n(p.volunteers) }),
  );
  lines.push(provinces.length > 0 ? t("stats:provinces", { list: provinces.join(" · ") }) : t("stats:provincesNone"));

  const sent = Object.values(broadcasts).reduce((sum, value) => sum + value, 0);
  lines.push(
    sent > 0
      ? t("stats:broadcasts", {
          delivered: n(broadcasts.delivered),
          queued: n(broadcasts.queued),
          failed: n(broadcasts.failed),
          blocked: n(broadcasts.blocked),
          skipped: n(broadcasts.skipped),
          uncertain: n(broadcasts.uncertain),
        })
      : t("stats:broadcastsNone"),
  );
  lines.push(
    tasks.tasks > 0
      ? t("stats:tasks", {
          tasks: n(tasks.tasks),
          open: n(tasks.openTasks),
          done: n(tasks.totals.done),
          accepted: n(tasks.totals.accepted),
          overdue: n(tasks.totals.overdue),
          offered: n(tasks.totals.offered),
          declined: n(tasks.totals.declined),
        })
      : t("stats:tasksNone"),
  );

  lines.push("");
  if (stats.questions.length === 0) lines.push(t("stats:questionsNone"));
  else {
    lines.push(t("stats:questionsTitle"));
    stats.questions.forEach((q, i) => lines.push(t("stats:questionLine", { rank: i + 1, text: shorten(q.text), count: n(q.count) })));
  }
  if (stats.junkMessages > 0) lines.push(t("stats:junkMessages", { count: n(stats.junkMessages) }));
  if (options.chartsHint) lines.push("", t("stats:chartsFollow"));
  return lines.join("\n");
}

function shorten(text: string): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= QUESTION_CHARS ? chars.join("") : `${chars.slice(0, QUESTION_CHARS - 1).join("").trimEnd()}…`;
}
