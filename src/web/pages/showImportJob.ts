// GET /impor/:job (the admin who uploaded it): the dry run's progress and then its report with the
// "import" button, the import's progress bar, and the final report. Redrawn live (topic "imports").
import { describeFileProblem } from "../../domain/imports/describeFileProblem.js";
import { formatImportReport } from "../../domain/imports/formatImportReport.js";
import type { ImportReport } from "../../domain/imports/types.js";
import { formatTargetImportReport } from "../../domain/targets/formatTargetImportReport.js";
import type { TargetImportReport } from "../../domain/targets/targetTypes.js";
import type { DashboardPage, PageContext } from "../dashboardTypes.js";
import { findImportJob, type ImportJob } from "../importJobs.js";
import { readLiveMarker } from "../live/readLiveMarker.js";
import { importsTopic } from "../live/liveTopics.js";
import { showMessage } from "../servePage.js";

export const showImportJob: DashboardPage = {
  method: "GET",
  url: "/impor/:job",
  permission: "import",
  handle: (context) => renderImportJob(context),
};

export async function renderImportJob(context: PageContext, notice?: { status: number; text: string }) {
  const { t, deps, staff } = context;
  const { job: id } = context.request.params as { job: string };
  const job = findImportJob(id, staff!.id);
  if (!job) return showMessage(context, 404, "noImportJob");
  const marker = await readLiveMarker(importsTopic, deps.db);
  const percent = job.progress.total > 0 ? Math.min(100, Math.round((job.progress.rows / job.progress.total) * 100)) : 0;
  const dryRun = job.dryRun ? reportText(context, job, job.dryRun) : undefined;
  const report = job.report ? reportText(context, job, job.report) : undefined;
  const problem = job.problem ? describeFileProblem(t, job.problem, job.fileName) : undefined;
  return context.render(
    "pages/showImportJob",
    { job: { id: job.id, phase: job.phase, fileName: job.fileName, kind: job.kind, progress: job.progress }, percent, dryRun, report, problem, notice, marker },
    { status: notice?.status ?? 200, title: t("dashboard:import.title") },
  );
}

function reportText(context: PageContext, job: ImportJob, report: ImportReport | TargetImportReport): string {
  const { t, deps } = context;
  return job.kind === "contacts" ? formatImportReport(t, report as ImportReport, { languages: deps.translator.languages }) : formatTargetImportReport(t, report as TargetImportReport);
}
