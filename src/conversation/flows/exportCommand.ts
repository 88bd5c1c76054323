// /export contacts|volunteers|deliveries [segment] (admins): the CSV comes back as a document.
// It is written after the turn's transaction has committed (a "deferred" effect), page by page,
// and who exported what is in the audit log.
import { Writable } from "node:stream";
import { exportCsv } from "../../domain/exports/exportCsv.js";
import { exportKinds, type ExportKind } from "../../domain/exports/exportKinds.js";
import { findSegment } from "../../domain/segments/findSegment.js";
import type { SavedSegment } from "../../domain/segments/listSegments.js";
import { formatIsoDate } from "../../domain/time/formatIsoDate.js";
import type { EngineDeps } from "../engineDeps.js";
import type { Turn } from "../turn.js";
import type { Reply } from "../types.js";
import { staffReply } from "./staffAccess.js";

// Telegram lets bots send files up to 50 MB.
const maxBytes = 50 * 1024 * 1024;
const kindAliases: Record<string, ExportKind> = { kontak: "contacts", relawan: "volunteers", pengiriman: "deliveries" };

export async function exportCommand(turn: Turn, sub: string, rest: string): Promise<void> {
  const t = turn.t;
  const kind = (exportKinds as readonly string[]).includes(sub) ? (sub as ExportKind) : kindAliases[sub];
  if (!kind) return staffReply(turn, t("importexport:export.usage"));
  if (turn.message.channel !== "telegram") return staffReply(turn, t("importexport:export.noDocuments"));
  const segment = rest ? await findSegment(turn.tx, rest) : undefined;
  if (rest && !segment) return staffReply(turn, t("importexport:export.segmentNotFound", { name: rest.slice(0, 60) }));
  turn.idle();
  const actor = turn.contact.id;
  const language = turn.language;
  turn.effects.push({ type: "deferred", run: () => runExport(turn.deps, { kind, segment, actor, language }) });
}

async function runExport(deps: EngineDeps, job: { kind: ExportKind; segment?: SavedSegment; actor: string; language: string }): Promise<Reply[]> {
  const t = deps.translator.forLanguage(job.language);
  const now = deps.clock();
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      chunks.push(chunk);
      done(size > maxBytes ? new RangeError("too_large") : null);
    },
  });
  let rows: number;
  try {
    ({ rows } = await exportCsv(deps.db, { kind: job.kind, segment: job.segment, output: collect, bom: true, actor: job.actor, destination: "chat", now, timeZone: deps.timeZone }));
  } catch (error) {
    if (error instanceof RangeError && error.message === "too_large") return [{ text: t("importexport:export.tooLarge", { mb: maxBytes / 1024 / 1024 }) }];
    throw error;
  }
  const kindLabel = t(`importexport:export.kind.${job.kind}`);
  const text = job.segment
    ? t("importexport:export.captionSegment", { kind: kindLabel, segment: job.segment.name, rows, count: rows })
    : t("importexport:export.caption", { kind: kindLabel, rows, count: rows });
  return [{ text, document: { fileName: `${job.kind}-${formatIsoDate(now, deps.timeZone)}.csv`, mimeType: "text/csv", bytes: Buffer.concat(chunks) } }];
}
