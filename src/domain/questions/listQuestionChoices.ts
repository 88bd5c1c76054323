import type { Db } from "../../db/client.js";

export interface QuestionChoiceLine {
  id: number;
  text: string;
  language: string;
  channel: string;
  /** The FAQ ids offered, best first. */
  options: string[];
  /** The FAQ id picked. */
  chosen: string;
  chosenAt: Date;
}

/**
 * The picks waiting for staff, oldest first: each is a wording the matcher was unsure of and the
 * person resolved. Staff keep it as a variant of the FAQ picked (addChoiceAsVariant) or dismiss it.
 */
export async function listQuestionChoices(db: Db, limit: number): Promise<{ total: number; items: QuestionChoiceLine[] }> {
  const where = { status: "chosen" };
  const total = await db.questionChoice.count({ where });
  const rows = limit > 0 ? await db.questionChoice.findMany({ where, orderBy: [{ chosenAt: "asc" }, { id: "asc" }], take: limit }) : [];
  const items = rows.map((row) => ({
    id: row.id,
    text: row.text,
    language: row.language,
    channel: row.channel,
    options: parseOptions(row.options),
    chosen: row.chosen ?? "",
    chosenAt: row.chosenAt ?? row.createdAt,
  }));
  return { total, items };
}

export function parseOptions(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
