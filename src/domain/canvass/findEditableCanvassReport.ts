import type { Db } from "../../db/client.js";
import { canvassEditWindowMs, type CanvassReportView } from "./canvassTypes.js";

export type EditableCanvassReport =
  | { status: "found"; report: CanvassReportView }
  | { status: "not_found" }
  | { status: "not_author" }
  | { status: "withdrawn" }
  | { status: "too_late"; report: CanvassReportView };

/**
 * A report its author may still correct or withdraw: theirs, not withdrawn, sent less than 24 hours
 * ago. Without an id, the author's latest report.
 */
export async function findEditableCanvassReport(db: Db, volunteerId: string, now: Date, reportId?: number): Promise<EditableCanvassReport> {
  const row =
    reportId === undefined
      ? await db.canvassReport.findFirst({ where: { volunteerId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { issues: { orderBy: { id: "asc" } } } })
      : await db.canvassReport.findUnique({ where: { id: reportId }, include: { issues: { orderBy: { id: "asc" } } } });
  if (!row) return { status: "not_found" };
  // Someone else's report is "not found" to the chat too; the status lets a caller tell the difference.
  if (row.volunteerId !== volunteerId) return { status: "not_author" };
  if (row.withdrawnAt) return { status: "withdrawn" };
  const report: CanvassReportView = {
    id: row.id,
    regionCode: row.regionCode,
    households: row.households,
    supporters: row.supporters,
    undecided: row.undecided,
    leaningElsewhere: row.leaningElsewhere,
    notHome: row.notHome,
    photo: row.photo,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    withdrawnAt: row.withdrawnAt,
    issues: row.issues.map((issue) => (issue.programmeId ? { programmeId: issue.programmeId } : { text: issue.text ?? "" })),
  };
  if (now.getTime() - row.createdAt.getTime() >= canvassEditWindowMs) return { status: "too_late", report };
  return { status: "found", report };
}
