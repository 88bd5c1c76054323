// POST /impor/:job/mulai (the admin who uploaded it): imports the checked file for real. A form sent
// twice, or after the import started, imports nothing more: the page says so (409).
import type { DashboardPage } from "../dashboardTypes.js";
import { confirmImportJob, findImportJob } from "../importJobs.js";
import { showMessage } from "../servePage.js";
import { renderImportJob } from "./showImportJob.js";

export const confirmImport: DashboardPage = {
  method: "POST",
  url: "/impor/:job/mulai",
  permission: "import",
  async handle(context) {
    const { deps, staff, t } = context;
    const { job: id } = context.request.params as { job: string };
    const job = findImportJob(id, staff!.id);
    if (!job) return showMessage(context, 404, "noImportJob");
    if (!confirmImportJob(deps, job)) return renderImportJob(context, { status: 409, text: t("dashboard:import.alreadyStarted") });
    return context.reply.redirect(`/impor/${job.id}`, 303);
  },
};
