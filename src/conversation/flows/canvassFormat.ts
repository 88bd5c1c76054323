// How a canvass report reads in the chat: the volunteer's draft, and what a counts problem means.
import { canvassParts, type CanvassCounts, type CanvassCountsProblem, type CanvassIssueInput } from "../../domain/canvass/canvassTypes.js";
import type { StateData, Turn } from "../turn.js";

export function describeCanvassDraft(turn: Turn, place: string, counts: CanvassCounts, issues: readonly CanvassIssueInput[], hasPhoto: boolean): string {
  const t = turn.t;
  const answered = canvassParts.reduce((sum, part) => sum + counts[part], 0);
  const lines = [
    t("canvass:draft.title"),
    t("canvass:draft.place", { place: turn.deps.regions.describe(place) ?? place }),
    t("canvass:draft.households", { count: counts.households }),
    ...canvassParts.map((part) => t(`canvass:draft.${part}`, { count: counts[part] })),
  ];
  if (answered < counts.households) lines.push(t("canvass:draft.unanswered", { count: counts.households - answered }));
  lines.push(t("canvass:draft.issues", { issues: issues.length > 0 ? issues.map((issue) => issueLabel(turn, issue)).join("; ") : t("canvass:draft.noIssues") }));
  lines.push(t(hasPhoto ? "canvass:draft.photo" : "canvass:draft.noPhoto"));
  return lines.join("\n");
}

/** A programme by its title in the reader's language; free text as the volunteer wrote it. */
export function issueLabel(turn: Turn, issue: CanvassIssueInput | { programmeId: string } | { text: string }): string {
  if ("programmeId" in issue) {
    const programme = turn.deps.campaign.programmes.find((p) => p.id === issue.programmeId);
    return programme ? turn.pick(programme.title) : issue.programmeId;
  }
  return `"${issue.text}"`;
}

export function describeCountsProblem(turn: Turn, problem: CanvassCountsProblem): string {
  switch (problem.problem) {
    case "no_households":
      return turn.t("canvass:problem.households.none");
    case "too_many_households":
      return turn.t("canvass:problem.households.too_large", { max: problem.max });
    case "part_above_households":
      return turn.t("canvass:problem.part.above_households", { part: turn.t(`canvass:part.${problem.part}`) });
    case "parts_above_households":
      return turn.t("canvass:problem.part.sum_above_households", { total: problem.total });
    case "not_whole":
      return turn.t("canvass:problem.part.not_a_number");
  }
}

/** The issues kept in the draft, whatever the stored JSON holds. */
export function readDraftIssues(data: StateData): CanvassIssueInput[] {
  const raw = Array.isArray(data.issues) ? (data.issues as unknown[]) : [];
  return raw.flatMap((item): CanvassIssueInput[] => {
    if (!item || typeof item !== "object") return [];
    const issue = item as Record<string, unknown>;
    if (typeof issue.programmeId === "string") return [{ programmeId: issue.programmeId }];
    if (typeof issue.text === "string" && issue.text) return [{ text: issue.text }];
    return [];
  });
}
