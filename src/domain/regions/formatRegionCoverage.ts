import type { CoverageFigures, RegionCoverage, RegionCoverageRow } from "./coverageTypes.js";

type Translate = (key: string, vars?: Record<string, unknown>) => string;

const ns = "mapping:coverage.";

/**
 * Coverage as chat or terminal text: the region's totals, then one line per child with data
 * (in the directory's order), then how many have none. `maxChildren` keeps a chat message short.
 */
export function formatRegionCoverage(t: Translate, language: string, coverage: RegionCoverage, options: { maxChildren?: number } = {}): string {
  const f = createFigureFormat(language);
  const { region } = coverage;
  const levelName = region.level === "country" ? "" : ` (${t(`mapping:level.${region.level}`)})`;
  const lines = [t(`${ns}title`, { region: `${region.name}${levelName}` }), ...describeTotals(t, f, region, coverage.activeDays)];
  const withData = coverage.children.filter((child) => child.hasData);
  if (coverage.children.length > 0) {
    const plural = t(`mapping:levelPlural.${coverage.children[0]!.level}`);
    lines.push("", t(`${ns}childrenTitle`, { level: plural, count: coverage.children.length }));
    const shown = withData.slice(0, options.maxChildren ?? withData.length);
    for (const child of shown) lines.push(`• ${describeChild(t, f, child)}`);
    if (shown.length < withData.length) lines.push(t(`${ns}more`, { count: withData.length - shown.length }));
    if (withData.length < coverage.children.length) lines.push(t(`${ns}noData`, { count: coverage.children.length - withData.length, level: plural }));
  }
  const { unplaced } = coverage;
  if (unplaced.contacts > 0) {
    lines.push(t(region.level === "country" ? `${ns}unplacedCountry` : `${ns}unplaced`, { contacts: f.n(unplaced.contacts), volunteers: f.n(unplaced.volunteers) }));
  }
  return lines.join("\n");
}

/** One child on one line: volunteers against their target first, since that is what staff act on. */
export function describeChild(t: Translate, f: FigureFormat, child: RegionCoverageRow): string {
  return t(`${ns}child`, {
    name: child.name,
    volunteers: f.n(child.volunteers),
    target: f.maybe(child.targets.targetVolunteers),
    coverage: f.percent(child.volunteerCoverage),
    active: f.n(child.activeVolunteers),
    contacts: f.n(child.contacts),
    supporters: f.n(child.supporters),
    targetSupporters: f.maybe(child.targets.targetSupporters),
  });
}

function describeTotals(t: Translate, f: FigureFormat, region: CoverageFigures, activeDays: number): string[] {
  const { targets, canvass } = region;
  const lines = [
    t(`${ns}people`, { contacts: f.n(region.contacts), subscribers: f.n(region.subscribers), volunteers: f.n(region.volunteers), active: f.n(region.activeVolunteers), days: activeDays }),
    t(`${ns}targets`, {
      voters: f.maybe(targets.registeredVoters),
      tps: f.maybe(targets.pollingStations),
      volunteers: f.maybe(targets.targetVolunteers),
      supporters: f.maybe(targets.targetSupporters),
    }),
    t(`${ns}ratios`, {
      perTps: region.volunteersPerTps === null ? "–" : f.decimal(region.volunteersPerTps),
      coverage: f.percent(region.volunteerCoverage),
      supporters: f.n(region.supporters),
      supporterCoverage: f.percent(region.supporterCoverage),
    }),
  ];
  if (canvass.reports > 0) {
    lines.push(t(`${ns}canvass`, { reports: f.n(canvass.reports), households: f.n(canvass.households), support: f.n(canvass.supporters), share: f.percent(canvass.supportShare) }));
  }
  return lines;
}

export interface FigureFormat {
  n(value: number): string;
  /** "–" for a figure nobody knows. */
  maybe(value: number | null): string;
  percent(fraction: number | null): string;
  decimal(value: number): string;
}

export function createFigureFormat(language: string): FigureFormat {
  const locale = language === "id" ? "id-ID" : "en-GB";
  const whole = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return {
    n: (value) => whole.format(value),
    maybe: (value) => (value === null ? "–" : whole.format(value)),
    percent: (fraction) => (fraction === null ? "–" : percent.format(fraction)),
    decimal: (value) => decimal.format(value),
  };
}
