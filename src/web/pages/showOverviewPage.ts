// GET /: the campaign today, from the same counts and the same charts as /stats.
import { buildFunnelChart } from "../../charts/buildFunnelChart.js";
import { buildGrowthChart } from "../../charts/buildGrowthChart.js";
import { readBroadcastFunnel } from "../../domain/stats/readBroadcastFunnel.js";
import { readContactGrowth } from "../../domain/stats/readContactGrowth.js";
import { readTodayFigures } from "../../domain/stats/readTodayFigures.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { drawChart } from "../drawChart.js";
import { rememberFigures } from "../rememberFigures.js";

export const showOverviewPage: DashboardPage = {
  method: "GET",
  url: "/",
  permission: "stats",
  nav: "overview",
  async handle(context) {
    const { deps, t, language } = context;
    const remembered = await rememberFigures(deps, "overview", async () => {
      const now = deps.clock();
      const [figures, growth, funnel] = await Promise.all([
        readTodayFigures(deps.db, { now, activeDays: deps.activeVolunteerDays }),
        readContactGrowth(deps.db, { now, timeZone: deps.timeZone }),
        readBroadcastFunnel(deps.db),
      ]);
      return { figures, growth, funnel };
    });
    const { figures, growth, funnel } = remembered.value;
    const number = new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB");
    const n = (value: number) => number.format(value);
    const cards = (Object.keys(figures) as (keyof typeof figures)[]).map((key) => ({ key, label: t(`dashboard:overview.figure.${key}`, { days: deps.activeVolunteerDays }), value: n(figures[key]) }));
    const sent = Object.values(funnel).reduce((sum, value) => sum + value, 0);
    const charts = [
      {
        name: "growth",
        title: t("stats:chart.growth.title"),
        svg: await drawChart(buildGrowthChart(growth, t, deps.timeZone), language),
        // What the picture shows, in words, for screen readers and for anyone who cannot read a chart.
        summary: [t("stats:contacts", { total: n(growth.contacts), recent: n(growth.contactsLast7Days) }), t("stats:volunteers", { total: n(growth.volunteers), recent: n(growth.volunteersLast7Days) })],
      },
      {
        name: "funnel",
        title: t("stats:chart.funnel.title"),
        svg: await drawChart(buildFunnelChart(funnel, t), language),
        summary: [sent > 0 ? t("stats:broadcasts", Object.fromEntries(Object.entries(funnel).map(([k, v]) => [k, n(v)]))) : t("stats:broadcastsNone")],
      },
    ];
    const readAt = new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-GB", { timeStyle: "short", timeZone: deps.timeZone }).format(remembered.readAt);
    return context.render("pages/showOverviewPage", { cards, charts, readAt }, { title: t("dashboard:overview.title") });
  },
};
