import type { Db } from "../../db/client.js";
import { parseSegmentDefinition } from "./parseSegmentDefinition.js";
import type { SegmentDefinition } from "./segmentDefinition.js";

export interface SavedSegment {
  id: string;
  name: string;
  definition: SegmentDefinition;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function listSegments(db: Db): Promise<SavedSegment[]> {
  const rows = await db.segment.findMany({ orderBy: { name: "asc" } });
  return rows.map((row) => ({ ...row, definition: parseSegmentDefinition(row.definition) }));
}
