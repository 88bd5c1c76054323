// POST /orang/:id/hapus (admins, after the confirmation page): the person's deletion request,
// with the same effect as their own /hapusdata, audited with the admin.
import { erasePersonForStaff } from "../../domain/people/erasePersonForStaff.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";

export const erasePerson: DashboardPage = {
  method: "POST",
  url: "/orang/:id/hapus",
  permission: "people.erase",
  async handle(context) {
    const { deps, t, staff } = context;
    const { id } = context.request.params as { id: string };
    const form = (context.request.body ?? {}) as Record<string, unknown>;
    // Only from the confirmation page's button.
    if (form.yakin !== "ya") return context.reply.redirect(`/orang/${encodeURIComponent(id)}/hapus`, 303);
    const outcome = await erasePersonForStaff(deps.db, { contactId: id, actor: staff!.id, channel: "dashboard", at: deps.clock(), textVersion: deps.consentTextVersion }, deps.faq);
    if (outcome.status === "no_person") return showMessage(context, 404, "noPerson");
    return context.render("pages/showMessagePage", { heading: t("dashboard:person.erase.done"), text: t("dashboard:person.erase.doneText") }, { title: t("dashboard:person.erase.done") });
  },
};
