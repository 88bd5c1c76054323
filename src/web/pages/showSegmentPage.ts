// GET /segmen/<id>: a saved segment in its form, to change, rename or (admins) delete; with fields in
// the query, the form as being changed (the live count's redraw).
import { findSegmentById } from "../../domain/segments/findSegmentById.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { readSegmentForm } from "../readSegmentForm.js";
import { segmentFormValues } from "../segmentFormValues.js";
import { showMessage } from "../servePage.js";
import { renderSegmentForm } from "./renderSegmentForm.js";

export const showSegmentPage: DashboardPage = {
  method: "GET",
  url: "/segmen/:id",
  permission: "segments",
  async handle(context) {
    const { id } = context.request.params as { id: string };
    const segment = await findSegmentById(context.deps.db, id);
    if (!segment) return showMessage(context, 404, "segmentNotFound");
    const query = (context.request.query ?? {}) as Record<string, unknown>;
    const saved = { id: segment.id, name: segment.name };
    if ("nama" in query) return renderSegmentForm(context, { saved, form: readSegmentForm(query) });
    const values = segmentFormValues(segment.name, segment.definition, context.deps.timeZone);
    const notice = query.disimpan === "1" ? { kind: "saved" as const, text: context.t("segment.saved", { name: segment.name }) } : undefined;
    return renderSegmentForm(context, { saved, form: readSegmentForm(values), notice });
  },
};
