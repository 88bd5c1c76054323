// POST /impor (admins): takes the uploaded file and starts its dry run, then shows the job's page.
// Region targets need the chat's /target permission as well, checked by the domain's table.
import { describeFileProblem } from "../../domain/imports/describeFileProblem.js";
import { checkStaffPermission } from "../../domain/staff/checkStaffPermission.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { startImportJob } from "../importJobs.js";
import { maxUploadBytes, uploadedFile } from "../importUploads.js";
import { showRefusal } from "../servePage.js";
import { renderImportForm } from "./showImportPage.js";

export const uploadImportFile: DashboardPage = {
  method: "POST",
  url: "/impor",
  permission: "import",
  async handle(context) {
    const { deps, staff, t, language } = context;
    const form = (context.request.body ?? {}) as Record<string, unknown>;
    const kind = form.jenis === "contacts" || form.jenis === "targets" ? form.jenis : undefined;
    const file = uploadedFile(form.berkas);
    if (!kind || !file) return renderImportForm(context, { status: 400, text: t("dashboard:import.noFile") });
    if (kind === "targets") {
      const check = checkStaffPermission(staff!.role, "targets");
      if (check.status === "not_allowed") return showRefusal(context, check);
    }
    if (file.truncated) return renderImportForm(context, { status: 413, text: describeFileProblem(t, { code: "too_large", maxBytes: maxUploadBytes }, file.fileName) });
    const job = await startImportJob(deps, file, { kind, actor: staff!.id, language });
    return context.reply.redirect(`/impor/${job.id}`, 303);
  },
};
