import type { Db } from "../../db/client.js";
import { findEditableCanvassReport, type EditableCanvassReport } from "./findEditableCanvassReport.js";

export type WithdrawCanvassOutcome = { status: "withdrawn_now"; id: number } | Exclude<EditableCanvassReport, { status: "found" }>;

/** Takes a report out of every figure and the author's points: by its author, within 24 hours of sending it. */
export async function withdrawCanvassReport(db: Db, volunteerId: string, at: Date, reportId?: number): Promise<WithdrawCanvassOutcome> {
  const editable = await findEditableCanvassReport(db, volunteerId, at, reportId);
  if (editable.status !== "found") return editable;
  await db.canvassReport.update({ where: { id: editable.report.id }, data: { withdrawnAt: at, updatedAt: at } });
  return { status: "withdrawn_now", id: editable.report.id };
}
