// Who may run a staff command. The role is read from the contact on every call, never from
// conversation state, so a revoked role stops working at the next message. Without the role a
// command looks exactly like one the bot does not know, and the attempt is logged.
import { recordAudit } from "../../domain/audit/recordAudit.js";
import { hasPermission, type StaffPermission } from "../../domain/staff/hasPermission.js";
import type { StaffCommandName } from "../detectKeyword.js";
import type { Turn } from "../turn.js";
import { showMenu } from "./mainMenu.js";

/** The one answer to a command the bot does not know, or one the person may not use. */
export function answerUnknownCommand(turn: Turn, command: string): void {
  showMenu(turn, turn.t("input.unknownCommand", { command: `/${command}` }));
}

export async function denyStaffCommand(turn: Turn, command: StaffCommandName, sub: string): Promise<void> {
  await recordAudit(turn.tx, {
    actor: turn.contact.id,
    action: "denied",
    target: `/${command}`,
    // The sub-command only: the rest may be someone's phone number.
    details: { subcommand: sub.slice(0, 20), role: turn.contact.role, channel: turn.message.channel },
    at: turn.now,
  });
  answerUnknownCommand(turn, command);
}

/** Re-checked at every step of a staff wizard: a role revoked mid-wizard ends it. */
export async function ensureStaffPermission(turn: Turn, command: StaffCommandName, permission: StaffPermission): Promise<boolean> {
  if (hasPermission(turn.contact.role, permission)) return true;
  await denyStaffCommand(turn, command, turn.step);
  return false;
}

/** Staff answers carry no voter menu; the conversation returns to idle. */
export function staffReply(turn: Turn, text: string, title?: string): void {
  turn.idle();
  turn.say(title ? { title, text } : { text });
}
