// POST /segmen/<id>/hapus: admins only ("segments.delete", as /segment delete in the chat; a
// coordinator gets the 403 page). deleteSegment keeps a segment a broadcast went to, and says so.
import { deleteSegment } from "../../domain/segments/deleteSegment.js";
import { findSegmentById } from "../../domain/segments/findSegmentById.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { readSegmentForm } from "../readSegmentForm.js";
import { segmentFormValues } from "../segmentFormValues.js";
import { showMessage } from "../servePage.js";
import { renderSegmentForm } from "./renderSegmentForm.js";

export const deleteSegmentFromForm: DashboardPage = {
  method: "POST",
  url: "/segmen/:id/hapus",
  permission: "segments.delete",
  async handle(context) {
    const { deps, t } = context;
    const { id } = context.request.params as { id: string };
    const segment = await findSegmentById(deps.db, id);
    if (!segment) return showMessage(context, 404, "segmentNotFound");
    const outcome = await deps.db.$transaction((tx) => deleteSegment(tx, { name: segment.name, actor: context.staff!.id, at: deps.clock() }));
    if (outcome.status === "not_found") return showMessage(context, 404, "segmentNotFound");
    if (outcome.status === "in_use") {
      const form = readSegmentForm(segmentFormValues(segment.name, segment.definition, deps.timeZone));
      return renderSegmentForm(context, { saved: { id: segment.id, name: segment.name }, form, notice: { kind: "problem", text: t("segment.inUse", { name: segment.name, count: outcome.broadcasts }) }, status: 409 });
    }
    return context.reply.redirect(`/segmen?dihapus=${encodeURIComponent(outcome.name)}`, 303);
  },
};
