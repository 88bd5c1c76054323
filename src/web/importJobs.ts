// Imports started from the dashboard: the uploaded file is checked with a dry run (the same importer
// as the CLI and the chat, writing nothing), then imported when the admin confirms, with progress
// for the page's bar. Held in this process's memory (the page that started one is served by it);
// a job and its file are dropped an hour after its last step.
import { randomBytes } from "node:crypto";
import { mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FileProblem } from "../domain/imports/types.js";
import type { ImportReport } from "../domain/imports/types.js";
import { importContacts } from "../domain/imports/importContacts.js";
import { describeRowProblem } from "../domain/imports/describeRowProblem.js";
import { importTargets } from "../domain/targets/importTargets.js";
import { describeTargetProblem } from "../domain/targets/describeTargetProblem.js";
import type { TargetImportReport } from "../domain/targets/targetTypes.js";
import type { DashboardDeps } from "./dashboardTypes.js";
import type { UploadedFile } from "./importUploads.js";

export type ImportKind = "contacts" | "targets";

export interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  /** Contact id of the admin who uploaded it: only they see and confirm it. */
  actor: string;
  language: string;
  phase: "checking" | "checked" | "importing" | "done" | "refused" | "failed";
  progress: { rows: number; total: number };
  dryRun?: ImportReport | TargetImportReport;
  report?: ImportReport | TargetImportReport;
  problem?: FileProblem;
  path: string;
  folder: string;
  touched: number;
}

const jobs = new Map<string, ImportJob>();
const keepMs = 60 * 60 * 1000;
const listedInvalid = 50;

/** Takes the uploaded file over and starts its dry run; the page follows the job by its id. */
export async function startImportJob(deps: DashboardDeps, upload: UploadedFile, job: { kind: ImportKind; actor: string; language: string }): Promise<ImportJob> {
  forgetOldJobs(deps.clock().getTime());
  const folder = await mkdtemp(join(tmpdir(), "relawan-import-"));
  const path = join(folder, "file");
  await rename(upload.path, path);
  const started: ImportJob = { id: randomBytes(12).toString("base64url"), ...job, fileName: upload.fileName, phase: "checking", progress: { rows: 0, total: 0 }, path, folder, touched: deps.clock().getTime() };
  jobs.set(started.id, started);
  void run(deps, started, true);
  return started;
}

/** The job, for the admin who started it only. */
export function findImportJob(id: string, actor: string): ImportJob | undefined {
  const job = jobs.get(id);
  return job && job.actor === actor ? job : undefined;
}

/** Imports a checked job for real; false when it is not waiting for that (already started, done or refused). */
export function confirmImportJob(deps: DashboardDeps, job: ImportJob): boolean {
  if (job.phase !== "checked") return false;
  job.phase = "importing";
  job.progress = { rows: 0, total: job.progress.total };
  void run(deps, job, false);
  return true;
}

async function run(deps: DashboardDeps, job: ImportJob, dryRun: boolean): Promise<void> {
  const t = deps.translator.forLanguage(job.language);
  const languages = deps.translator.languages;
  const common = {
    path: job.path,
    fileName: job.fileName,
    errorsPath: null,
    actor: job.actor,
    now: deps.clock(),
    listedInvalid,
    dryRun,
    onProgress: (progress: { rows: number; total: number }) => (job.progress = progress),
  };
  try {
    const outcome =
      job.kind === "contacts"
        ? await importContacts(deps.db, {
            ...common,
            defaultCountry: deps.defaultCountry ?? "ID",
            defaultLanguage: deps.translator.defaultLanguage,
            languages,
            timeZone: deps.timeZone,
            describeProblem: (problem) => describeRowProblem(t, problem, languages),
          })
        : await importTargets(deps.db, { ...common, describeProblem: (problem) => describeTargetProblem(t, problem) });
    if (outcome.status === "refused") {
      job.problem = outcome.problem;
      job.phase = "refused";
    } else if (dryRun) {
      job.dryRun = outcome.report;
      job.progress = { rows: outcome.report.rowsRead, total: outcome.report.rowsRead };
      job.phase = "checked";
    } else {
      job.report = outcome.report;
      job.progress = { rows: outcome.report.rowsRead, total: outcome.report.rowsRead };
      job.phase = "done";
    }
  } catch (error) {
    deps.logger.error({ err: error, kind: job.kind }, "dashboard import failed");
    job.phase = "failed";
  }
  job.touched = deps.clock().getTime();
  if (job.phase !== "checked") await rm(job.folder, { recursive: true, force: true });
}

/** Changes whenever any job here moves (a phase, a thousand more rows): the live topic "imports". */
export function readImportJobsMarker(): string {
  return [...jobs.values()].map((job) => `${job.id}:${job.phase}:${job.progress.rows}`).join(",");
}

function forgetOldJobs(now: number): void {
  for (const job of jobs.values()) {
    if (job.phase === "checking" || job.phase === "importing" || now - job.touched < keepMs) continue;
    jobs.delete(job.id);
    void rm(job.folder, { recursive: true, force: true });
  }
}
