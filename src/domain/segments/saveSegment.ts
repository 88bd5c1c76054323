import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { findSegment } from "./findSegment.js";
import type { SegmentDefinition } from "./segmentDefinition.js";

export interface SegmentSave {
  name: string;
  definition: SegmentDefinition;
  /** The segment being changed; absent for a new one. */
  id?: string;
  actor: string;
  at: Date;
}

export type SegmentSaveOutcome =
  | { status: "created"; id: string }
  | { status: "updated"; id: string }
  | { status: "name_taken" }
  | { status: "not_found" };

export async function saveSegment(db: Db, save: SegmentSave): Promise<SegmentSaveOutcome> {
  const sameName = await findSegment(db, save.name);
  if (sameName && sameName.id !== save.id) return { status: "name_taken" };
  const definition = JSON.stringify(save.definition);
  if (save.id) {
    const existing = await db.segment.findUnique({ where: { id: save.id } });
    if (!existing) return { status: "not_found" };
    await db.segment.update({ where: { id: save.id }, data: { name: save.name, definition, updatedAt: save.at } });
    await recordAudit(db, {
      actor: save.actor,
      action: "segment.update",
      target: save.name,
      details: { id: save.id, previousName: existing.name, previous: JSON.parse(existing.definition), definition: save.definition },
      at: save.at,
    });
    return { status: "updated", id: save.id };
  }
  const created = await db.segment.create({ data: { name: save.name, definition, createdBy: save.actor, createdAt: save.at, updatedAt: save.at } });
  await recordAudit(db, { actor: save.actor, action: "segment.create", target: save.name, details: { id: created.id, definition: save.definition }, at: save.at });
  return { status: "created", id: created.id };
}
