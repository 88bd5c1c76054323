// GET /orang/:id (coordinators and admins): one person, with the phone masked for a coordinator.
import { readPersonProfile } from "../../domain/people/readPersonProfile.js";
import { hasPermission } from "../../domain/staff/hasPermission.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";

export const showPersonPage: DashboardPage = {
  method: "GET",
  url: "/orang/:id",
  permission: "people",
  async handle(context) {
    const { deps, t, language, staff } = context;
    const { id } = context.request.params as { id: string };
    const person = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await readPersonProfile(deps.db, id, staff!.role) : undefined;
    if (!person) return showMessage(context, 404, "noPerson");
    if (person.regionCode && person.regionCode.length > 8) await deps.regions.loadVillages();
    const region = (code: string | null) => (code ? (deps.regions.describe(code) ?? code) : "");
    const when = (at: Date | null) => (at ? formatLocalTime(at, language, deps.timeZone) : "");
    return context.render(
      "pages/showPersonPage",
      { person, region, when, canErase: hasPermission(staff!.role, "people.erase") },
      { title: person.name ?? t("dashboard:account.unnamed") },
    );
  },
};
