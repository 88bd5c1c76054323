// GET /orang (coordinators and admins): contacts and volunteers, searched and filtered, a page at a time.
import { listPeople } from "../../domain/people/listPeople.js";
import { peopleActivities, peopleConsents, peopleRoles } from "../../domain/people/parsePeopleFilter.js";
import { hasPermission } from "../../domain/staff/hasPermission.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { peopleFilterSettings, peopleQueryString, readPeopleQuery } from "../peopleQuery.js";
import { showMessage } from "../servePage.js";

const PAGE_SIZE = 50;

export const showPeoplePage: DashboardPage = {
  method: "GET",
  url: "/orang",
  permission: "people",
  nav: "people",
  async handle(context) {
    const { deps, t, staff } = context;
    const query = readPeopleQuery(context.request.query);
    if (query.status !== "ok") return showMessage(context, 400, "badFilter");
    const page = await listPeople(deps.db, { filter: query.filter, after: query.after, limit: PAGE_SIZE, viewerRole: staff!.role, settings: peopleFilterSettings(deps) });
    if (page.status !== "ok") return showMessage(context, 400, "badCursor");
    const rows = page.people.map((person) => ({
      ...person,
      region: person.regionCode ? (deps.regions.describe(person.regionCode) ?? person.regionCode) : "",
      roleLabel: t(`dashboard:people.role.${person.role}`),
      consentLabel: t(`dashboard:people.consent.${person.consent}`),
    }));
    const more = page.next ? `/orang${peopleQueryString(query.chosen, { setelah: page.next })}` : undefined;
    const exports = hasPermission(staff!.role, "export")
      ? { csv: `/orang/ekspor.csv${peopleQueryString(query.chosen)}`, xlsx: `/orang/ekspor.xlsx${peopleQueryString(query.chosen)}` }
      : undefined;
    return context.render(
      "pages/showPeoplePage",
      { rows, chosen: query.chosen, roles: peopleRoles, consents: peopleConsents, activities: peopleActivities, activeDays: deps.activeVolunteerDays, more, exports, first: query.after !== "" ? `/orang${peopleQueryString(query.chosen)}` : undefined },
      { title: t("dashboard:people.title") },
    );
  },
};
