// /segments, /segment show <name>, /segment delete <name>.
import { countSegment } from "../../domain/segments/countSegment.js";
import { deleteSegment } from "../../domain/segments/deleteSegment.js";
import { findSegment } from "../../domain/segments/findSegment.js";
import { listSegments } from "../../domain/segments/listSegments.js";
import { sampleSegment } from "../../domain/segments/sampleSegment.js";
import { maskName } from "../../domain/staff/maskName.js";
import { maskPhone } from "../../domain/staff/maskPhone.js";
import type { Turn } from "../turn.js";
import { describeCount, describeSegment } from "./segmentDescription.js";
import { staffReply } from "./staffAccess.js";

export async function listSegmentsCommand(turn: Turn): Promise<void> {
  const t = turn.t;
  const segments = await listSegments(turn.tx);
  if (segments.length === 0) return staffReply(turn, t("segment.none"));
  const lines: string[] = [];
  for (const segment of segments) {
    const count = await countSegment(turn.tx, segment.definition);
    lines.push(t("segment.listLine", { name: segment.name, count: count.total, total: count.total, sendable: count.sendable }));
  }
  lines.push(t("segment.listFooter"));
  staffReply(turn, lines.join("\n"), t("segment.listTitle"));
}

export async function showSegmentCommand(turn: Turn, name: string): Promise<void> {
  const t = turn.t;
  if (!name) return staffReply(turn, t("segment.usage"));
  const segment = await findSegment(turn.tx, name);
  if (!segment) return staffReply(turn, t("segment.notFound", { name: name.slice(0, 60) }));
  const count = await countSegment(turn.tx, segment.definition);
  const sample = await sampleSegment(turn.tx, segment.definition, 5);
  const lines = [describeSegment(turn, segment.definition), "", describeCount(turn, count)];
  if (sample.length > 0) {
    lines.push("", t("segment.examples"));
    // Staff check a filter with these; they never need the full name or number for that.
    for (const person of sample) {
      const shown = [maskName(person.name), maskPhone(person.phone)].filter(Boolean).join(" · ") || t("staff.unnamed");
      lines.push(`• ${shown} (${person.language})`);
    }
  }
  staffReply(turn, lines.join("\n"), segment.name);
}

export async function deleteSegmentCommand(turn: Turn, name: string): Promise<void> {
  const t = turn.t;
  if (!name) return staffReply(turn, t("segment.usage"));
  const outcome = await deleteSegment(turn.tx, { name, actor: turn.contact.id, at: turn.now });
  if (outcome.status === "not_found") return staffReply(turn, t("segment.notFound", { name: name.slice(0, 60) }));
  if (outcome.status === "in_use") return staffReply(turn, t("segment.inUse", { name, count: outcome.broadcasts }));
  staffReply(turn, t("segment.deleted", { name: outcome.name }));
}
