import type { Db } from "../../db/client.js";
import { checkCanvassCounts } from "./checkCanvassCounts.js";
import { toIssueRows } from "./toIssueRows.js";
import type { CanvassCounts, CanvassCountsProblem, CanvassIssueInput } from "./canvassTypes.js";

export interface NewCanvassReport {
  /** Volunteer.id of the author: a volunteer, never a voter. */
  volunteerId: string;
  regionCode: string;
  counts: CanvassCounts;
  issues: readonly CanvassIssueInput[];
  /** "<channel>:<platform file id>", never the bytes. */
  photo?: string | null;
  at: Date;
}

export type RecordCanvassOutcome = { status: "recorded"; id: number } | ({ status: "invalid" } & CanvassCountsProblem);

/** Checks the counts again (a caller other than the chat may send anything) and writes the report and its issues. */
export async function recordCanvassReport(db: Db, report: NewCanvassReport, maxHouseholds: number): Promise<RecordCanvassOutcome> {
  const problem = checkCanvassCounts(report.counts, maxHouseholds);
  if (problem) return { status: "invalid", ...problem };
  const { households, supporters, undecided, leaningElsewhere, notHome } = report.counts;
  const created = await db.canvassReport.create({
    data: {
      volunteerId: report.volunteerId,
      regionCode: report.regionCode,
      households,
      supporters,
      undecided,
      leaningElsewhere,
      notHome,
      photo: report.photo ?? null,
      createdAt: report.at,
      updatedAt: report.at,
      issues: { create: toIssueRows(report.issues) },
    },
    select: { id: true },
  });
  return { status: "recorded", id: created.id };
}
