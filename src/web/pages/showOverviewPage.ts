// GET /: the campaign today, from the same counts as /stats.
import { readTodayFigures } from "../../domain/stats/readTodayFigures.js";
import type { DashboardPage } from "../dashboardTypes.js";

export const showOverviewPage: DashboardPage = {
  method: "GET",
  url: "/",
  permission: "stats",
  nav: "overview",
  async handle(context) {
    const { deps, t, language } = context;
    const figures = await readTodayFigures(deps.db, { now: deps.clock(), activeDays: deps.activeVolunteerDays });
    const number = new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB");
    const cards = (Object.keys(figures) as (keyof typeof figures)[]).map((key) => ({ key, label: t(`dashboard:overview.figure.${key}`), value: number.format(figures[key]) }));
    return context.render("pages/showOverviewPage", { cards }, { title: t("dashboard:overview.title") });
  },
};
