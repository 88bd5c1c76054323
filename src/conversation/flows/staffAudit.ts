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

function actorLabel(t: Translate, entry: AuditLine): string {
  if (entry.actor === "cli") return t("audit.actor.cli");
  if (entry.actor === "config") return t("audit.actor.config");
  return entry.actorContact ? personLabel(t, entry.actorContact) : t("audit.actor.erased");
}

function describeAction(t: Translate, entry: AuditLine): string {
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
      return t("audit.action.broadcastCreate", { ref: broadcastRef(target), segment: String(details.segment ?? ""), recipients: Number(details.recipients ?? 0) });
    case "broadcast.send":
      return t("audit.action.broadcastSend", { ref: broadcastRef(target), recipients: Number(details.recipients ?? 0) });
    case "broadcast.pause":
      return t("audit.action.broadcastPause", { ref: broadcastRef(target) });
    case "broadcast.resume":
      return t("audit.action.broadcastResume", { ref: broadcastRef(target) });
    case "broadcast.cancel":
      return t("audit.action.broadcastCancel", { ref: broadcastRef(target) });
    default:
      return `${entry.action}${target ? ` ${target}` : ""}`;
  }
}
