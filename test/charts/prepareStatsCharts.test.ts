// Every /stats chart drawn for real (vega -> SVG -> resvg): valid PNGs of the fixed size, in both languages.
import { join } from "node:path";
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { chartLocale } from "../../src/charts/chartLocale.js";
import { chartSize } from "../../src/charts/chartSize.js";
import { prepareStatsCharts } from "../../src/charts/prepareStatsCharts.js";
import { renderChart } from "../../src/charts/renderChart.js";
import { createTranslator, readLocaleResources } from "../../src/conversation/createTranslator.js";
import type { CampaignStats } from "../../src/domain/stats/types.js";
import { repoRoot } from "../support/createTestDatabase.js";
import { pngSize } from "./pngSize.js";

const translator = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id");

const empty: CampaignStats = {
  at: new Date("2026-11-26T03:00:00Z"),
  timeZone: "Asia/Jakarta",
  growth: { contacts: 0, volunteers: 0, contactsLast7Days: 0, volunteersLast7Days: 0, points: [], stepDays: 1 },
  volunteersByProvince: [],
  broadcasts: { queued: 0, delivered: 0, failed: 0, blocked: 0, skipped: 0, uncertain: 0 },
  tasks: { tasks: 0, openTasks: 0, totals: { done: 0, accepted: 0, overdue: 0, offered: 0, declined: 0 }, recent: [] },
  questions: [],
  junkMessages: 0,
};

// A big campaign: every province, long labels, a year of days, more tasks than the chart shows.
const full: CampaignStats = {
  ...empty,
  growth: {
    contacts: 120_000,
    volunteers: 9_500,
    contactsLast7Days: 4_000,
    volunteersLast7Days: 300,
    stepDays: 7,
    points: Array.from({ length: 55 }, (_, i) => ({ day: new Date(Date.UTC(2025, 11, 1 + 7 * i)).toISOString().slice(0, 10), contacts: i * 2_200, volunteers: i * 170 })),
  },
  volunteersByProvince: [
    ...Array.from({ length: 38 }, (_, i) => ({ code: String(11 + i), name: i === 0 ? "Kepulauan Bangka Belitung" : `Provinsi ${i}`, volunteers: 1_000 - i * 20 })),
    { code: "99", name: null, volunteers: 3 },
    { code: null, name: null, volunteers: 42 },
  ],
  broadcasts: { queued: 1_200, delivered: 85_000, failed: 310, blocked: 2_100, skipped: 4_400, uncertain: 12 },
  tasks: {
    tasks: 12,
    openTasks: 5,
    totals: { done: 400, accepted: 120, overdue: 30, offered: 200, declined: 50 },
    recent: Array.from({ length: 8 }, (_, i) => ({
      id: 12 - i,
      title: i === 0 ? "Membagikan selebaran program kesehatan gratis di seluruh pasar tradisional kecamatan" : `Tugas ${12 - i}`,
      deadline: new Date("2026-12-01T00:00:00Z"),
      status: "open",
      counts: { done: 10 * i, accepted: 5, overdue: i % 3, offered: 12 - i, declined: 2 },
    })),
  },
  questions: Array.from({ length: 10 }, (_, i) => ({
    text: i === 0 ? "Apakah benar kandidat akan membangun jalan tol dari ujung kabupaten sampai ke pelabuhan baru? 🤔" : `Pertanyaan ke-${i + 1}?`,
    count: 50 - i * 4,
  })),
};

/** The chart's SVG as vega writes it in Indonesian, before rasterising: its text can be read. */
async function drawSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec;
  compiled.config = { ...compiled.config, locale: chartLocale("id") };
  const view = new View(parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

describe("prepareStatsCharts", () => {
  for (const language of ["id", "en"]) {
    it(`draws all five charts as ${chartSize.width}x${chartSize.height} PNGs from a big campaign (${language})`, async () => {
      const charts = prepareStatsCharts(full, translator.forLanguage(language), language);
      expect(charts.map((c) => c.fileName)).toEqual([
        "contacts-over-time.png",
        "volunteers-by-province.png",
        "broadcast-delivery.png",
        "task-completion.png",
        "unanswered-questions.png",
      ]);
      for (const chart of charts) {
        const warnings: string[] = [];
        const png = await renderChart(chart.spec, language, { onWarning: (w) => warnings.push(w) });
        expect(pngSize(png), chart.name).toEqual({ width: 800, height: 450 });
        expect(warnings, chart.name).toEqual([]);
        expect(JSON.stringify(chart.spec), chart.name).not.toContain(translator.forLanguage(language)("stats:noData"));
      }
    });

    it(`says "no data yet" on every chart of an empty campaign, still at the fixed size (${language})`, async () => {
      const noData = translator.forLanguage(language)("stats:noData");
      for (const chart of prepareStatsCharts(empty, translator.forLanguage(language), language)) {
        expect(pngSize(await chart.png()), chart.name).toEqual({ width: chartSize.width, height: chartSize.height });
        expect(JSON.stringify(chart.spec), chart.name).toContain(noData);
      }
    });
  }

  it("titles the charts in the staff member's language", () => {
    const titles = (language: string) => prepareStatsCharts(empty, translator.forLanguage(language), language).map((c) => c.title);
    expect(titles("id")[0]).toBe("Kontak dan relawan dari waktu ke waktu");
    expect(titles("en")[0]).toBe("Contacts and volunteers over time");
    expect(titles("en")).not.toEqual(titles("id"));
  });

  it("keeps the province chart to a dozen bars, the rest summed as others", () => {
    const [, provinces] = prepareStatsCharts(full, translator.forLanguage("id"), "id");
    const bars = (provinces!.spec as { data: { values: Array<{ label: string; value: number }> } }).data.values;
    expect(bars).toHaveLength(12);
    expect(bars[0]).toEqual({ label: "Kepulauan Bangka Belitung", value: 1_000 });
    const total = full.volunteersByProvince.reduce((sum, p) => sum + p.volunteers, 0);
    expect(bars.reduce((sum, bar) => sum + bar.value, 0)).toBe(total);
    expect(bars.at(-1)?.label).toBe("Lainnya");
  });

  it("labels each day of a young campaign once on the growth chart's time axis", async () => {
    for (const days of [1, 2, 3, 9]) {
      const points = Array.from({ length: days }, (_, i) => ({ day: new Date(Date.UTC(2026, 10, 26 + i)).toISOString().slice(0, 10), contacts: 5 + i, volunteers: i }));
      const young = { ...empty, growth: { ...empty.growth, contacts: 5, volunteers: 1, points } };
      const [growth] = prepareStatsCharts(young, translator.forLanguage("id"), "id");
      const labels = [...(await drawSvg(growth!.spec)).matchAll(/<text[^>]*>(\d\d [A-Z][a-z]{2})<\/text>/g)].map((m) => m[1]);
      const expected = points.map((p) => `${p.day.slice(8)} ${p.day.slice(5, 7) === "11" ? "Nov" : "Des"}`);
      expect(labels, `${days} days`).toEqual(expected);
    }
  });

  it("wraps the unanswered questions' labels at spaces instead of cutting them short", async () => {
    const three = { ...full, questions: full.questions.slice(0, 3) };
    const svg = async (stats: CampaignStats) => (await drawSvg(prepareStatsCharts(stats, translator.forLanguage("id"), "id")[4]!.spec)).replace(/<tspan[^>]*>/g, "<tspan>");
    // Three questions: four lines each, the whole question shown.
    expect(await svg(three)).toContain("<tspan>1. Apakah benar kandidat</tspan><tspan>akan membangun jalan tol</tspan><tspan>dari ujung kabupaten sampai</tspan><tspan>ke pelabuhan baru? 🤔</tspan>");
    // Ten: two lines each, "…" after the last whole word that fits.
    expect(await svg(full)).toContain("<tspan>1. Apakah benar kandidat</tspan><tspan>akan membangun jalan tol…</tspan>");
  });

  it("gives volunteers their own axis on the growth chart, so their growth is not a flat line at zero", async () => {
    const [growth] = prepareStatsCharts(full, translator.forLanguage("en"), "en");
    const spec = growth!.spec as { resolve: unknown; layer: Array<{ encoding: { y: { title: string; axis: { orient: string } } } }> };
    expect(spec.resolve).toEqual({ scale: { y: "independent" } });
    expect(spec.layer.map((l) => [l.encoding.y.title, l.encoding.y.axis.orient])).toEqual([
      ["Contacts", "left"],
      ["Volunteers", "right"],
    ]);
    // The right axis runs to the volunteers' own maximum (54 × 170 = 9,180), not the contacts' 118,800.
    const text = await drawSvg(growth!.spec);
    expect(text).toContain(">120.000<");
    expect(text).toContain(">2.000<");
  });

  it("draws a chart once, however often it is asked for", async () => {
    const [growth] = prepareStatsCharts(full, translator.forLanguage("id"), "id");
    const first = await growth!.png();
    expect(await growth!.png()).toBe(first);
  });

  it("refuses bytes that are not a PNG", () => {
    expect(() => pngSize(new TextEncoder().encode("<svg></svg> and some more bytes"))).toThrow(/signature/);
  });
});
