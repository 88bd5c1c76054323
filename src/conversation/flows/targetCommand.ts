// /target (admins): the bot asks for a CSV or .xlsx of per-region targets, then loads it with the
// same code as `relawan targets import` and answers with the report. Download and import run
// after the turn's transaction has committed (a "deferred" effect), like /import.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeFileProblem } from "../../domain/imports/describeFileProblem.js";
import { describeTargetProblem } from "../../domain/targets/describeTargetProblem.js";
import { formatTargetImportReport } from "../../domain/targets/formatTargetImportReport.js";
import { importTargets } from "../../domain/targets/importTargets.js";
import { downloadDocument } from "../downloadDocument.js";
import type { EngineDeps } from "../engineDeps.js";
import type { Turn, TurnInput } from "../turn.js";
import type { InboundDocument, Reply } from "../types.js";
import { ensureStaffPermission, staffReply } from "./staffAccess.js";

const flow = "targets";
// Telegram lets bots download files up to 20 MB.
const maxBytes = 20 * 1024 * 1024;
// More invalid rows than fit in a chat message come as a file beside the report.
const listedInvalid = 15;

export function startTargetImport(turn: Turn): void {
  const t = turn.t;
  if (turn.message.channel !== "telegram") return staffReply(turn, t("mapping:targets.noDocuments"));
  turn.go(flow, "document", {});
  turn.say({ text: t("mapping:targets.prompt", { mb: maxBytes / 1024 / 1024 }) });
}

export async function handleTargetImportStep(turn: Turn, input: TurnInput): Promise<void> {
  if (!(await ensureStaffPermission(turn, "target", "targets"))) return;
  const t = turn.t;
  const document = turn.message.document;
  // Anything but a file leaves the step waiting; /batal ends it like every other flow.
  if (input.kind !== "media" || !document) return turn.say({ text: t("mapping:targets.notDocument") });
  const fileName = document.fileName ?? "target.csv";
  if (document.size !== undefined && document.size > maxBytes) {
    return turn.say({ text: t("importexport:import.tooLarge", { size: (document.size / 1024 / 1024).toFixed(1), mb: maxBytes / 1024 / 1024 }) });
  }
  if (!/\.(csv|txt|tsv|xlsx|xls)$/i.test(fileName) && document.mimeType !== undefined && !/csv|text|excel|spreadsheet|octet-stream/i.test(document.mimeType)) {
    return turn.say({ text: t("mapping:targets.notTable", { file: fileName }) });
  }
  turn.idle();
  const job = { document, fileName, actor: turn.contact.id, language: turn.language };
  turn.effects.push({ type: "deferred", run: () => runTargetImport(turn.deps, job) });
}

async function runTargetImport(deps: EngineDeps, job: { document: InboundDocument; fileName: string; actor: string; language: string }): Promise<Reply[]> {
  const t = deps.translator.forLanguage(job.language);
  const dir = await mkdtemp(join(tmpdir(), "relawan-targets-"));
  try {
    const path = join(dir, "targets");
    const downloaded = await downloadDocument(job.document, path, maxBytes);
    if (downloaded === "too_large") return [{ text: t("mapping:targets.refused", { reason: describeFileProblem(t, { code: "too_large", maxBytes }, job.fileName) }) }];
    if (downloaded === "failed") return [{ text: t("importexport:import.downloadFailed") }];
    const errorsPath = join(dir, "errors.csv");
    const outcome = await importTargets(deps.db, {
      path,
      fileName: job.fileName,
      errorsPath,
      actor: job.actor,
      now: deps.clock(),
      maxBytes,
      listedInvalid,
      describeProblem: (problem) => describeTargetProblem(t, problem),
    });
    if (outcome.status === "refused") return [{ text: t("mapping:targets.refused", { reason: describeFileProblem(t, outcome.problem, job.fileName) }) }];
    const { report } = outcome;
    const attach = report.invalid > report.invalidRows.length && report.errorsPath !== undefined;
    const text = formatTargetImportReport(t, report, { errorsLine: attach ? t("importexport:report.errorsAttached") : undefined });
    const reply: Reply = { title: t("mapping:targets.report.title", { file: job.fileName }), text };
    if (attach && report.errorsPath) {
      reply.document = { fileName: `${job.fileName.replace(/\.[^.]*$/, "")}.errors.csv`, mimeType: "text/csv", bytes: await readFile(report.errorsPath) };
    }
    return [reply];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
