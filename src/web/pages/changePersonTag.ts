// POST /orang/:id/tag (coordinators and admins): adds (ubah=tambah) or removes (ubah=hapus) one tag, audited.
import { changePersonTag as changeTag } from "../../domain/people/changePersonTag.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";

export const changePersonTag: DashboardPage = {
  method: "POST",
  url: "/orang/:id/tag",
  permission: "people",
  async handle(context) {
    const { deps, staff } = context;
    const { id } = context.request.params as { id: string };
    const form = (context.request.body ?? {}) as Record<string, unknown>;
    const change = form.ubah === "tambah" ? "add" : form.ubah === "hapus" ? "remove" : undefined;
    if (!change || typeof form.tag !== "string") return showMessage(context, 400, "badRequest");
    const outcome = await changeTag(deps.db, { contactId: id, tag: form.tag, change, actor: staff!.id, channel: "dashboard", at: deps.clock() });
    if (outcome.status === "no_person") return showMessage(context, 404, "noPerson");
    if (outcome.status === "bad_tag") return showMessage(context, 400, "badTag");
    return context.reply.redirect(`/orang/${encodeURIComponent(id)}`, 303);
  },
};
