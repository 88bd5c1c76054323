import type { Db } from "../../db/client.js";
import type { FaqEntryContent } from "../content/contentSchema.js";
import { inboxFaqPrefix } from "./inboxFaqId.js";

/** The FAQ entries staff saved from inbox replies, for the matcher built at start-up. */
export async function readSavedFaqEntries(db: Db): Promise<FaqEntryContent[]> {
  const rows = await db.faqEntry.findMany({ where: { id: { startsWith: inboxFaqPrefix } }, orderBy: [{ id: "asc" }, { language: "asc" }] });
  const entries = new Map<string, FaqEntryContent & { answer: Record<string, string> }>();
  for (const row of rows) {
    const entry = entries.get(row.id) ?? { id: row.id, question: {}, variants: {}, answer: {} };
    entry.question[row.language] = row.question;
    entry.answer[row.language] = row.answer;
    entry.variants[row.language] = parseVariants(row.variants);
    entries.set(row.id, entry);
  }
  return [...entries.values()];
}

function parseVariants(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
