// Routes /staff, /audit, /segment(s) and /broadcast after checking the sender's role.
import { hasPermission, type StaffPermission } from "../../domain/staff/hasPermission.js";
import type { StaffCommandName } from "../detectKeyword.js";
import type { Turn } from "../turn.js";
import { controlBroadcast, resendUncertainCommand, showBroadcastStatus } from "./broadcastCommands.js";
import { inboxCommand, replyCommand } from "./inboxCommands.js";
import { startBroadcastWizard } from "./broadcastWizard.js";
import { deleteSegmentCommand, listSegmentsCommand, showSegmentCommand } from "./segmentCommands.js";
import { startSegmentWizard } from "./segmentWizard.js";
import { denyStaffCommand, staffReply } from "./staffAccess.js";
import { showAuditLog } from "./staffAudit.js";
import { splitArgs } from "./staffFormat.js";
import { staffRoleCommand } from "./staffRoles.js";
import { showStats } from "./statsCommand.js";
import { handleTaskCommand } from "./taskCommands.js";
import { exportCommand } from "./exportCommand.js";
import { startImport } from "./importCommand.js";
import { startTargetImport } from "./targetCommand.js";
import { showMap } from "./mapCommand.js";
import { showCoverageCommand } from "./coverageCommand.js";
import { showWeakRegionsCommand } from "./weakRegionsCommand.js";
import { showCanvassSummary } from "./canvassSummaryCommand.js";
import { dashboardCommand } from "./dashboardCommand.js";

export async function handleStaffCommand(turn: Turn, command: StaffCommandName, args: string): Promise<void> {
  const [sub, rest] = splitArgs(args);
  if (!hasPermission(turn.contact.role, permissionFor(command, sub))) return denyStaffCommand(turn, command, sub);
  switch (command) {
    case "stats":
      return showStats(turn);
    case "staff":
      return staffRoleCommand(turn, sub, rest);
    case "audit":
      return showAuditLog(turn);
    case "segments":
      return listSegmentsCommand(turn);
    case "segment":
      if (sub === "new" || sub === "baru") return startSegmentWizard(turn);
      if (sub === "edit" || sub === "ubah") return startSegmentWizard(turn, rest);
      if (sub === "show" || sub === "lihat") return showSegmentCommand(turn, rest);
      if (sub === "delete" || sub === "hapus") return deleteSegmentCommand(turn, rest);
      if (sub === "list" || sub === "") return listSegmentsCommand(turn);
      return staffReply(turn, turn.t("segment.usage"));
    case "broadcast":
      if (sub === "" || sub === "new" || sub === "baru") return startBroadcastWizard(turn);
      if (sub === "status") return showBroadcastStatus(turn, rest);
      if (sub === "pause" || sub === "resume" || sub === "cancel") return controlBroadcast(turn, sub, rest);
      if (sub === "resend-uncertain" || sub === "kirim-ulang") return resendUncertainCommand(turn, rest);
      return staffReply(turn, turn.t("broadcast.usage"));
    case "inbox":
      return inboxCommand(turn, sub, rest);
    case "reply":
      return replyCommand(turn, args);
    case "task":
      return handleTaskCommand(turn, sub, rest);
    case "import":
      return startImport(turn);
    case "export":
      return exportCommand(turn, sub, rest);
    case "target":
      return startTargetImport(turn);
    case "peta":
    case "map":
      return showMap(turn, args);
    case "isu":
      return showCanvassSummary(turn, args);
    case "dasbor":
    case "dashboard":
      return dashboardCommand(turn, sub);
    case "cakupan":
    case "coverage":
      return showCoverageCommand(turn, args);
    case "wilayahlemah":
    case "weakregions":
      return showWeakRegionsCommand(turn, args);
  }
}

function permissionFor(command: StaffCommandName, sub: string): StaffPermission {
  switch (command) {
    case "stats":
    case "peta":
    case "map":
      return "stats";
    case "staff":
      return "roles";
    case "audit":
      return "audit";
    case "segments":
      return "segments";
    case "segment":
      return sub === "delete" || sub === "hapus" ? "segments.delete" : "segments";
    case "broadcast":
      return "broadcasts";
    case "inbox":
    case "reply":
      return "inbox";
    case "task":
      return "tasks";
    case "import":
      return "import";
    case "export":
      return "export";
    case "target":
      return "targets";
    case "isu":
    case "cakupan":
    case "coverage":
    case "wilayahlemah":
    case "weakregions":
      return "map";
    case "dasbor":
    case "dashboard":
      return "dashboard";
  }
}
