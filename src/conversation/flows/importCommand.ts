// /import (admins): the bot asks for a CSV or .xlsx document, then imports it with the same code as
// `relawan import` and answers with the report. The download and the import run after the
// turn's transaction has committed (a "deferred" effect), so a large file never holds the database.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeFileProblem } from "../../domain/imports/describeFileProblem.js";
import { describeRowProblem } from "../../domain/imports/describeRowProblem.js";
import { formatImportReport } from "../../domain/imports/formatImportReport.js";
import { importContacts } from "../../domain/imports/importContacts.js";
import { downloadDocument } from "../downloadDocument.js";
import type { EngineDeps } from "../engineDeps.js";
import type { Turn, TurnInput } from "../turn.js";
import type { InboundDocument, Reply } from "../types.js";
import { ensureStaffPermission, staffReply } from "./staffAccess.js";

const flow = "import";
// Telegram lets bots download files up to 20 MB.
const maxBytes = 20 * 1024 * 1024;
// More invalid rows than fit in a chat message come as a file beside the report.
const listedInvalid = 15;
const tableTypes = new Set([
  "text/csv",
  "text/plain",
  "text/comma-separated-values",
  "text/tab-separated-values",
  "application/csv",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/octet-stream",
]);

export function startImport(turn: Turn): void {
  const t = turn.t;
  if (turn.message.channel !== "telegram") return staffReply(turn, t("importexport:import.noDocuments"));
  turn.go(flow, "document", {});
  turn.say({ text: t("importexport:import.prompt", { mb: maxBytes / 1024 / 1024 }) });
}

export async function handleImportStep(turn: Turn, input: TurnInput): Promise<void> {
  if (!(await ensureStaffPermission(turn, "import", "import"))) return;
  const t = turn.t;
  const document = turn.message.document;
  // Anything but a file leaves the step waiting; /batal ends it like every other flow.
  if (input.kind !== "media" || !document) return turn.say({ text: t("importexport:import.notDocument") });
  const fileName = document.fileName ?? "import.csv";
  if (document.size !== undefined && document.size > maxBytes) {
    return turn.say({ text: t("importexport:import.tooLarge", { size: (document.size / 1024 / 1024).toFixed(1), mb: maxBytes / 1024 / 1024 }) });
  }
  if (!looksLikeTable(document, fileName)) return turn.say({ text: t("importexport:import.notCsv", { file: fileName }) });
  turn.idle();
  const actor = turn.contact.id;
  const language = turn.language;
  turn.effects.push({ type: "deferred", run: () => runImport(turn.deps, { document, fileName, actor, language }) });
}

function looksLikeTable(document: InboundDocument, fileName: string): boolean {
  if (/\.(csv|txt|tsv|xlsx|xls)$/i.test(fileName)) return true;
  return document.mimeType === undefined || tableTypes.has(document.mimeType.toLowerCase());
}

async function runImport(deps: EngineDeps, job: { document: InboundDocument; fileName: string; actor: string; language: string }): Promise<Reply[]> {
  const t = deps.translator.forLanguage(job.language);
  const languages = deps.translator.languages;
  const dir = await mkdtemp(join(tmpdir(), "relawan-import-"));
  try {
    const path = join(dir, "import");
    const downloaded = await downloadDocument(job.document, path, maxBytes);
    if (downloaded === "too_large") return [{ text: t("importexport:import.refused", { reason: describeFileProblem(t, { code: "too_large", maxBytes }, job.fileName) }) }];
    if (downloaded === "failed") return [{ text: t("importexport:import.downloadFailed") }];
    const errorsPath = join(dir, "errors.csv");
    const outcome = await importContacts(deps.db, {
      path,
      fileName: job.fileName,
      errorsPath,
      actor: job.actor,
      now: deps.clock(),
      defaultCountry: deps.defaultCountry,
      defaultLanguage: deps.translator.defaultLanguage,
      languages,
      timeZone: deps.timeZone,
      maxBytes,
      listedInvalid,
      describeProblem: (problem) => describeRowProblem(t, problem, languages),
    });
    if (outcome.status === "refused") return [{ text: t("importexport:import.refused", { reason: describeFileProblem(t, outcome.problem, job.fileName) }) }];
    const { report } = outcome;
    const attach = report.invalid > report.invalidRows.length && report.errorsPath !== undefined;
    const text = formatImportReport(t, report, { languages, errorsLine: attach ? t("importexport:report.errorsAttached") : undefined });
    const reply: Reply = { title: t("importexport:report.title", { file: job.fileName }), text };
    if (attach && report.errorsPath) {
      reply.document = { fileName: `${job.fileName.replace(/\.[^.]*$/, "")}.errors.csv`, mimeType: "text/csv", bytes: await readFile(report.errorsPath) };
    }
    return [reply];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
