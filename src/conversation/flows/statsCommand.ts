// /stats (coordinators and admins): the campaign's numbers as text, then each chart as a picture.
import { prepareStatsCharts } from "../../charts/prepareStatsCharts.js";
import { readCampaignStats } from "../../domain/stats/readCampaignStats.js";
import type { Turn } from "../turn.js";
import { staffReply } from "./staffAccess.js";
import { formatStatsSummary } from "./statsSummary.js";

export async function showStats(turn: Turn): Promise<void> {
  // A few aggregate queries inside the turn's transaction; the charts are drawn later, by the
  // channel, when it sends them (ReplyImage.png), so no drawing happens while the turn holds the database.
  const stats = await readCampaignStats(turn.tx, {
    now: turn.now,
    timeZone: turn.deps.timeZone,
    provinceName: (code) => turn.deps.regions.describe(code),
  });
  staffReply(turn, formatStatsSummary(stats, turn.t, turn.language, { chartsHint: true }), turn.t("stats:title"));
  for (const chart of prepareStatsCharts(stats, turn.t, turn.language)) {
    turn.say({ text: chart.title, image: { fileName: chart.fileName, width: chart.width, height: chart.height, png: chart.png } });
  }
}
