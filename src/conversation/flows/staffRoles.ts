// /staff add <user> <role>, /staff remove <user> <role>, /staff list (admins only).
import { findContactByHandle } from "../../domain/staff/findContactByHandle.js";
import { grantRole } from "../../domain/staff/grantRole.js";
import { listStaff } from "../../domain/staff/listStaff.js";
import { maskPhone } from "../../domain/staff/maskPhone.js";
import { parseStaffRole, staffRoles } from "../../domain/staff/parseStaffRole.js";
import { revokeRole } from "../../domain/staff/revokeRole.js";
import type { Turn } from "../turn.js";
import { staffReply } from "./staffAccess.js";
import { personLabel } from "./staffFormat.js";

export async function staffRoleCommand(turn: Turn, sub: string, rest: string): Promise<void> {
  const t = turn.t;
  if (sub === "list" || sub === "daftar") return showStaffList(turn);
  const adding = sub === "add" || sub === "tambah";
  const removing = sub === "remove" || sub === "hapus";
  // The role is the last word; the user before it may be a phone number with spaces.
  const space = rest.lastIndexOf(" ");
  if ((!adding && !removing) || space < 0) return staffReply(turn, t("staff.usage"));
  const handle = rest.slice(0, space).trim();
  const roleText = rest.slice(space + 1);
  const role = parseStaffRole(roleText);
  if (!role) return staffReply(turn, t("staff.unknownRole", { role: roleText.slice(0, 30), roles: staffRoles.join(", ") }));
  const found = await findContactByHandle(turn.tx, handle, turn.deps.defaultCountry);
  if (found.status === "not_found") return staffReply(turn, t("staff.notFound", { user: handle.slice(0, 40) }));
  const who = personLabel(t, found.contact);
  const change = { contactId: found.contact.id, role, actor: turn.contact.id, at: turn.now };
  if (adding) {
    const outcome = await grantRole(turn.tx, change);
    return staffReply(turn, t(outcome.status === "granted" ? "staff.granted" : "staff.alreadyHas", { who, role: t(`staff.role.${role}`) }));
  }
  const outcome = await revokeRole(turn.tx, change);
  if (outcome.status === "last_admin") return staffReply(turn, t("staff.lastAdmin"));
  if (outcome.status === "not_held") {
    return staffReply(turn, t("staff.notHeld", { who, role: t(`staff.role.${role}`), current: t(`staff.role.${outcome.current ?? "voter"}`) }));
  }
  // Refresh what this turn knows about the sender, who may have just revoked their own role.
  if (found.contact.id === turn.contact.id) turn.contact = { ...turn.contact, role: outcome.role };
  staffReply(turn, t("staff.revoked", { who, role: t(`staff.role.${role}`), now: t(`staff.role.${outcome.role ?? "voter"}`) }));
}

async function showStaffList(turn: Turn): Promise<void> {
  const t = turn.t;
  const { staff, volunteers } = await listStaff(turn.tx);
  const lines = staff.map((member) => {
    const contact = [maskPhone(member.phone), member.telegramId ? `Telegram ${member.telegramId}` : undefined].filter(Boolean).join(", ");
    return `• ${personLabel(t, member)} — ${t(`staff.role.${member.role}`)}${contact ? ` (${contact})` : ""}`;
  });
  lines.push(t("staff.volunteerCount", { count: volunteers }));
  staffReply(turn, lines.join("\n"), t("staff.listTitle"));
}
