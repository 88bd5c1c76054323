import type { Db } from "../../db/client.js";
import { checkCanvassCounts } from "./checkCanvassCounts.js";
import { findEditableCanvassReport, type EditableCanvassReport } from "./findEditableCanvassReport.js";
import { toIssueRows } from "./toIssueRows.js";
import type { CanvassCounts, CanvassCountsProblem, CanvassIssueInput } from "./canvassTypes.js";

export interface CanvassCorrection {
  volunteerId: string;
  reportId: number;
  regionCode: string;
  counts: CanvassCounts;
  issues: readonly CanvassIssueInput[];
  photo?: string | null;
  at: Date;
}

export type CorrectCanvassOutcome =
  | { status: "corrected"; id: number }
  | Exclude<EditableCanvassReport, { status: "found" }>
  | ({ status: "invalid" } & CanvassCountsProblem);

/** Replaces a report's place, counts, issues and photo: by its author, within 24 hours of sending it. */
export async function correctCanvassReport(db: Db, correction: CanvassCorrection, maxHouseholds: number): Promise<CorrectCanvassOutcome> {
  const editable = await findEditableCanvassReport(db, correction.volunteerId, correction.at, correction.reportId);
  if (editable.status !== "found") return editable;
  const problem = checkCanvassCounts(correction.counts, maxHouseholds);
  if (problem) return { status: "invalid", ...problem };
  await db.canvassIssue.deleteMany({ where: { reportId: correction.reportId } });
  await db.canvassReport.update({
    where: { id: correction.reportId },
    data: {
      ...correction.counts,
      regionCode: correction.regionCode,
      photo: correction.photo ?? null,
      updatedAt: correction.at,
      issues: { create: toIssueRows(correction.issues) },
    },
  });
  return { status: "corrected", id: correction.reportId };
}
