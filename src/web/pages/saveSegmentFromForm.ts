// POST /segmen/baru and POST /segmen/<id>: the form's filters checked as the chat's wizard and
// `relawan segment create` check them (buildSegmentDefinition), the name by normalizeSegmentName,
// then saveSegment (audited as segment.create / segment.update with the staff member). A form sent
// twice makes one segment: the second finds the name taken (409) and creates nothing.
import { buildSegmentDefinition } from "../../domain/segments/buildSegmentDefinition.js";
import { findSegmentById } from "../../domain/segments/findSegmentById.js";
import { normalizeSegmentName } from "../../domain/segments/normalizeSegmentName.js";
import { saveSegment } from "../../domain/segments/saveSegment.js";
import type { DashboardPage, PageContext } from "../dashboardTypes.js";
import { readSegmentForm } from "../readSegmentForm.js";
import { showMessage } from "../servePage.js";
import { renderSegmentForm } from "./renderSegmentForm.js";

export const saveNewSegment: DashboardPage = { method: "POST", url: "/segmen/baru", permission: "segments", handle: (context) => save(context, undefined) };

export const saveChangedSegment: DashboardPage = {
  method: "POST",
  url: "/segmen/:id",
  permission: "segments",
  async handle(context) {
    const { id } = context.request.params as { id: string };
    const segment = await findSegmentById(context.deps.db, id);
    if (!segment) return showMessage(context, 404, "segmentNotFound");
    return save(context, { id: segment.id, name: segment.name });
  },
};

async function save(context: PageContext, saved: { id: string; name: string } | undefined) {
  const { deps, t } = context;
  const form = readSegmentForm(context.request.body);
  const again = (problem: string, status: number) => renderSegmentForm(context, { saved, form, problems: [problem], status });
  const name = normalizeSegmentName(form.name);
  if (!name) return again(t("segment.badName"), 400);
  const built = await buildSegmentDefinition(deps.db, deps.regions, form.fields, { timeZone: deps.timeZone, now: deps.clock() });
  if (built.status !== "ok") return renderSegmentForm(context, { saved, form, status: 400 });
  const outcome = await deps.db.$transaction((tx) => saveSegment(tx, { name, definition: built.definition, id: saved?.id, actor: context.staff!.id, at: deps.clock() }));
  if (outcome.status === "name_taken") return again(t("dashboard:segments.problem.nameTaken", { name }), 409);
  if (outcome.status === "not_found") return showMessage(context, 404, "segmentNotFound");
  return context.reply.redirect(`/segmen/${outcome.id}?disimpan=1`, 303);
}
