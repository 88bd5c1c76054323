// The segment form (new or saved), with what its filters select right now: the count, who cannot be
// reached and why, and five masked examples; or what to fix. Its own GET with the fields redraws it
// as they change (dashboard.js, data-refresh), so the count follows the form.
import { describeSegmentFilters } from "../../conversation/flows/segmentDescription.js";
import { buildSegmentDefinition, type SegmentFieldProblem } from "../../domain/segments/buildSegmentDefinition.js";
import { countSegment } from "../../domain/segments/countSegment.js";
import { describeSegmentCount } from "../../domain/segments/describeSegmentCount.js";
import { sampleSegment } from "../../domain/segments/sampleSegment.js";
import { segmentChannels, segmentRoles } from "../../domain/segments/segmentDefinition.js";
import { hasPermission } from "../../domain/staff/hasPermission.js";
import { maskName } from "../../domain/staff/maskName.js";
import { maskPhone } from "../../domain/staff/maskPhone.js";
import type { PageContext } from "../dashboardTypes.js";
import { segmentFormNames, type SegmentForm } from "../readSegmentForm.js";
import { segmentWords } from "../segmentWords.js";

export interface SegmentFormPage {
  /** The saved segment being edited; absent for a new one. */
  saved?: { id: string; name: string };
  form: Pick<SegmentForm, "fields" | "values">;
  notice?: { kind: "saved" | "problem"; text: string };
  /** Problems found on saving besides the filters' (the name). */
  problems?: string[];
  status?: number;
}

export async function renderSegmentForm(context: PageContext, page: SegmentFormPage): Promise<ReturnType<PageContext["render"]>> {
  const { deps, t, staff, language } = context;
  const built = await buildSegmentDefinition(deps.db, deps.regions, page.form.fields, { timeZone: deps.timeZone, now: deps.clock() });
  const problems = [...(page.problems ?? []), ...(built.status === "invalid" ? built.problems.map((problem) => describeProblem(context, problem)) : [])];
  let result: { filters: string[]; count: string; total: number; sendable: number; examples: string[] } | undefined;
  if (built.status === "ok") {
    const count = await countSegment(deps.db, built.definition);
    const sample = count.total === 0 ? [] : await sampleSegment(deps.db, built.definition, 5);
    result = {
      filters: describeSegmentFilters(segmentWords(context), built.definition).split("\n"),
      count: describeSegmentCount(t, count),
      total: count.total,
      sendable: count.sendable,
      // Staff check a filter with these; they never need the full name or number for that (as /segment show).
      examples: sample.map((person) => `${[maskName(person.name), maskPhone(person.phone)].filter(Boolean).join(" · ") || t("staff.unnamed")} (${person.language})`),
    };
  }
  const action = page.saved ? `/segmen/${page.saved.id}` : "/segmen/baru";
  return context.render(
    "pages/renderSegmentForm",
    {
      saved: page.saved,
      action,
      values: page.form.values,
      names: segmentFormNames,
      notice: page.notice,
      problems,
      result,
      roles: segmentRoles,
      channels: segmentChannels.filter((channel) => channel !== "console"),
      languages: deps.translator.languages.map((code) => ({ code, name: deps.translator.forLanguage(code)("language.name") })),
      interests: (deps.campaign?.interests ?? []).map((interest) => ({ id: interest.id, label: interest.label[language] ?? interest.label[deps.translator.defaultLanguage] ?? interest.id })),
      mayDelete: page.saved !== undefined && hasPermission(staff!.role, "segments.delete"),
    },
    { status: page.status ?? 200, title: page.saved ? page.saved.name : t("dashboard:segments.newTitle") },
  );
}

function describeProblem(context: PageContext, problem: SegmentFieldProblem): string {
  const { t } = context;
  const field = t(`dashboard:segments.field.${problem.field}`);
  switch (problem.problem) {
    case "bad_tags":
      return `${field}: ${t("segment.badTags")}`;
    case "region_not_found":
      return `${field}: ${t("dashboard:segments.problem.regionNotFound", { value: problem.value })}`;
    case "region_ambiguous":
      return `${field}: ${t("dashboard:segments.problem.regionAmbiguous", { value: problem.value, matches: problem.matches.map((m) => `${m.code} ${m.label}`).join("; ") })}`;
    case "referral_not_found":
      return `${field}: ${t("segment.referralNotFound", { code: problem.value })}`;
    case "bad_date":
      return `${field}: ${t("dashboard:segments.problem.badDate", { value: problem.value })}`;
    default:
      return `${field}: ${t("dashboard:segments.problem.invalid")}`;
  }
}
