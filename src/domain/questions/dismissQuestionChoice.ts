import type { Db } from "../../db/client.js";

export type DismissOutcome = { status: "dismissed" } | { status: "not_found" } | { status: "not_chosen" } | { status: "already_reviewed"; current: string };

/** Takes a pick off the staff list without keeping its words (a pick made by mistake, a wording too odd to teach). */
export async function dismissQuestionChoice(db: Db, action: { id: number; by: string; at: Date }): Promise<DismissOutcome> {
  const choice = await db.questionChoice.findUnique({ where: { id: action.id }, select: { status: true } });
  if (!choice) return { status: "not_found" };
  if (choice.status === "offered" || choice.status === "forwarded") return { status: "not_chosen" };
  const changed = await db.questionChoice.updateMany({ where: { id: action.id, status: "chosen" }, data: { status: "dismissed", reviewedAt: action.at, reviewedBy: action.by } });
  return changed.count === 1 ? { status: "dismissed" } : { status: "already_reviewed", current: choice.status };
}
