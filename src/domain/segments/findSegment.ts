import type { Db } from "../../db/client.js";
import { listSegments, type SavedSegment } from "./listSegments.js";

/** By name, ignoring case and extra spaces ("relawan  bandung" finds "Relawan Bandung"). */
export async function findSegment(db: Db, name: string): Promise<SavedSegment | undefined> {
  const wanted = name.trim().replace(/\s+/g, " ").toLowerCase();
  // Segments are a handful of rows; comparing here keeps the lookup the same on SQLite and PostgreSQL.
  return (await listSegments(db)).find((segment) => segment.name.toLowerCase() === wanted);
}
