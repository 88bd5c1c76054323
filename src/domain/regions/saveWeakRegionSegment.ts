import type { Db } from "../../db/client.js";
import { normalizeSegmentName } from "../segments/normalizeSegmentName.js";
import { saveSegment } from "../segments/saveSegment.js";

export type WeakRegionSegmentOutcome = { status: "created"; id: string; name: string } | { status: "name_taken" } | { status: "bad_name" };

/**
 * Keeps the contacts of some regions (the weak ones) as a new segment, ready for a recruitment
 * broadcast or a task; audited as every segment creation is (segment.create).
 */
export async function saveWeakRegionSegment(db: Db, save: { name: string; regionCodes: string[]; actor: string; at: Date }): Promise<WeakRegionSegmentOutcome> {
  const name = normalizeSegmentName(save.name);
  if (name === undefined) return { status: "bad_name" };
  const outcome = await saveSegment(db, { name, definition: { regionCodes: save.regionCodes }, actor: save.actor, at: save.at });
  if (outcome.status === "name_taken") return { status: "name_taken" };
  if (outcome.status !== "created") throw new Error(`a new segment came back ${outcome.status}`);
  return { status: "created", id: outcome.id, name };
}
