import type { SegmentWords } from "../conversation/flows/segmentDescription.js";
import { formatLocalDate } from "../domain/time/formatLocalDate.js";
import type { PageContext } from "./dashboardTypes.js";

/** The chat's words for a segment's filters, in the page's language. */
export function segmentWords(context: PageContext): SegmentWords {
  const { deps, t, language } = context;
  return {
    t,
    describeRegion: (code) => deps.regions.describe(code),
    languageName: (other) => deps.translator.forLanguage(other)("language.name"),
    interestLabel: (id) => {
      const label = (deps.campaign?.interests ?? []).find((interest) => interest.id === id)?.label;
      return label ? (label[language] ?? label[deps.translator.defaultLanguage] ?? id) : id;
    },
    formatDay: (iso) => formatLocalDate(new Date(iso), language, deps.timeZone),
  };
}
