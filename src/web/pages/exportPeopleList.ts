// GET /orang/ekspor.csv and /orang/ekspor.xlsx (admins, as /export in the chat): the People page's
// filtered list as a file, streamed; audited with the filter.
import { PassThrough } from "node:stream";
import { exportPeople } from "../../domain/people/exportPeople.js";
import type { DashboardPage, PageContext } from "../dashboardTypes.js";
import { peopleFilterSettings, readPeopleQuery } from "../peopleQuery.js";
import { showMessage } from "../servePage.js";

const types = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

function exportAs(format: "csv" | "xlsx"): DashboardPage {
  return {
    method: "GET",
    url: `/orang/ekspor.${format}`,
    permission: "export",
    async handle(context: PageContext) {
      const { deps, staff } = context;
      const query = readPeopleQuery(context.request.query);
      if (query.status !== "ok" || query.after !== "") return showMessage(context, 400, "badFilter");
      const settings = peopleFilterSettings(deps);
      const output = new PassThrough();
      exportPeople(deps.db, { filter: query.filter, format, output, actor: staff!.id, destination: "dashboard", settings, timeZone: deps.timeZone }).catch((error: unknown) => {
        deps.logger.error({ err: error }, "people export failed");
        output.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const day = settings.now.toISOString().slice(0, 10);
      return context.reply
        .type(types[format])
        .header("content-disposition", `attachment; filename="relawan-orang-${day}.${format}"`)
        .header("cache-control", "no-store")
        .send(output);
    },
  };
}

export const exportPeopleCsv = exportAs("csv");
export const exportPeopleXlsx = exportAs("xlsx");
