// /audit (admins only): the latest 20 staff actions and refused attempts, readable in the chat.
import { readAuditLog, type AuditLine } from "../../domain/audit/readAuditLog.js";
import { broadcastRef } from "../../domain/broadcasts/broadcastRef.js";
import type { Translate } from "../createTranslator.js";
import type { Turn } from "../turn.js";
import { staffReply } from "./staffAccess.js";
import { formatStaffTime, personLabel } from "./staffFormat.js";

export async function showAuditLog(turn: Turn): Promise<void> {
  const t = turn.t;
  const entries = await readAuditLog(turn.tx, 20);
  if (entries.length === 0) return staffReply(turn, t("audit.empty"), t("audit.title"));
  const lines = entries.map((entry) => `• ${formatStaffTime(entry.at, turn.language, turn.deps.timeZone)} — ${actorLabel(t, entry)}: ${describeAction(t, entry)}`);
  staffReply(turn, lines.join("\n"), t("audit.title"));
}

/** Who did it, as staff read it: a name or masked number, the command line, the settings. */
export function actorLabel(t: Translate, entry: AuditLine): string {
  if (entry.actor === "cli") return t("audit.actor.cli");
  if (entry.actor === "config") return t("audit.actor.config");
  return entry.actorContact ? personLabel(t, entry.actorContact) : t("audit.actor.erased");
}

/** Imports and exports record whether they ran to the end. */
function unfinished(t: Translate, details: Record<string, unknown>): string {
  return details.complete === false ? t("audit.action.unfinished") : "";
}

/** One audit entry's action in the reader's language: the chat's /audit and the dashboard's log. */
export function describeAction(t: Translate, entry: AuditLine): string {
  const details = entry.details;
  const target = entry.target ?? "";
  switch (entry.action) {
    case "denied":
      return t("audit.action.denied", { command: target });
    case "role.grant":
    case "role.revoke": {
      const who = entry.targetContact ? personLabel(t, entry.targetContact) : t("audit.actor.erased");
      const role = t(`staff.role.${String(details.role ?? "voter")}`);
      return t(entry.action === "role.grant" ? "audit.action.grant" : "audit.action.revoke", { who, role });
    }
    case "segment.create":
      return t("audit.action.segmentCreate", { name: target });
    case "segment.update":
      return t("audit.action.segmentUpdate", { name: target });
    case "segment.delete":
      return t("audit.action.segmentDelete", { name: target });
    case "broadcast.create":
      return t("audit.action.broadcastCreate", { ref: broadcastRef(target), segment: String(details.segment ?? ""), recipients: Number(details.recipients ?? 0), count: Number(details.recipients ?? 0) });
    case "broadcast.send":
      return t("audit.action.broadcastSend", { ref: broadcastRef(target), recipients: Number(details.recipients ?? 0), count: Number(details.recipients ?? 0) });
    case "broadcast.pause":
      return t("audit.action.broadcastPause", { ref: broadcastRef(target) });
    case "broadcast.resume":
      return t("audit.action.broadcastResume", { ref: broadcastRef(target) });
    case "broadcast.cancel":
      return t("audit.action.broadcastCancel", { ref: broadcastRef(target) });
    case "task.create":
      return t("audit.action.taskCreate", { id: target, title: String(details.title ?? ""), segment: String(details.segment ?? "") });
    case "task.close":
      return t("audit.action.taskClose", { id: target, title: String(details.title ?? "") });
    case "inbox.reply":
      return details.faq ? t("audit.action.inboxReplyFaq", { id: target, faq: String(details.faq) }) : t("audit.action.inboxReply", { id: target });
    case "inbox.close":
      return t("audit.action.inboxClose", { id: target });
    case "faq.variant":
      return t("audit.action.faqVariant", { id: target, faq: String(details.faq) });
    case "import":
      return t("audit.action.import", {
        file: target,
        created: Number(details.created ?? 0),
        merged: Number(details.merged ?? 0),
        invalid: Number(details.invalid ?? 0),
        unfinished: unfinished(t, details),
      });
    case "export":
      return t("audit.action.export", {
        kind: target,
        rows: Number(details.rows ?? 0),
        count: Number(details.rows ?? 0),
        segment: details.segment ? t("audit.action.exportSegment", { name: String(details.segment) }) : "",
        unfinished: unfinished(t, details),
      });
    case "dashboard.link":
      return t("audit.action.dashboardLink", { who: entry.targetContact ? personLabel(t, entry.targetContact) : t("audit.actor.erased") });
    case "dashboard.signin":
      return t("audit.action.dashboardSignIn");
    case "dashboard.signout":
      return t("audit.action.dashboardSignOut", { count: Number(details.sessions ?? 0) });
    case "db.copy":
      return t("audit.action.dbCopy", { from: String(details.from ?? ""), rows: Number(details.rows ?? 0), count: Number(details.rows ?? 0) });
    default:
      return `${entry.action}${target ? ` ${target}` : ""}`;
  }
}
