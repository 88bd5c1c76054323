import type { Db } from "../../db/client.js";
import { parseSegmentDefinition } from "./parseSegmentDefinition.js";
import type { SavedSegment } from "./listSegments.js";

/** A saved segment by its id (the dashboard's addresses carry it); undefined when there is none. */
export async function findSegmentById(db: Db, id: string): Promise<SavedSegment | undefined> {
  const row = id.length <= 40 ? await db.segment.findUnique({ where: { id } }) : null;
  return row ? { ...row, definition: parseSegmentDefinition(row.definition) } : undefined;
}
