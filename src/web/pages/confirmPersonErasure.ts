// GET /orang/:id/hapus (admins): asks before a person's deletion request is carried out.
import { readPersonProfile } from "../../domain/people/readPersonProfile.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";

export const confirmPersonErasure: DashboardPage = {
  method: "GET",
  url: "/orang/:id/hapus",
  permission: "people.erase",
  async handle(context) {
    const { deps, t, staff } = context;
    const { id } = context.request.params as { id: string };
    const person = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await readPersonProfile(deps.db, id, staff!.role) : undefined;
    if (!person) return showMessage(context, 404, "noPerson");
    return context.render("pages/confirmPersonErasure", { person }, { title: t("dashboard:person.erase.confirmTitle") });
  },
};
