// GET /impor (admins, as /import and /target in the chat): upload a CSV or .xlsx of contacts or of
// region targets; the next page shows the dry run before anything is written.
import type { DashboardPage, PageContext } from "../dashboardTypes.js";
import { maxUploadBytes } from "../importUploads.js";

export const showImportPage: DashboardPage = {
  method: "GET",
  url: "/impor",
  permission: "import",
  nav: "import",
  handle: async (context) => renderImportForm(context),
};

export function renderImportForm(context: PageContext, notice?: { status: number; text: string }) {
  const { t } = context;
  return context.render("pages/showImportPage", { notice, mb: maxUploadBytes / 1024 / 1024 }, { status: notice?.status ?? 200, title: t("dashboard:import.title") });
}
