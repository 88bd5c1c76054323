// /staff add <user> <role>, /staff remove <user> <role>, /staff list (admins only), and the same
// from the command line (relawan staff ...): one rule and the same words for both.
import type { CountryCode } from "libphonenumber-js";
import type { Db } from "../../db/client.js";
import { findContactByHandle } from "../../domain/staff/findContactByHandle.js";
import { grantRole } from "../../domain/staff/grantRole.js";
import { listStaff } from "../../domain/staff/listStaff.js";
import { maskPhone } from "../../domain/staff/maskPhone.js";
import { parseStaffRole, staffRoles } from "../../domain/staff/parseStaffRole.js";
import { revokeRole } from "../../domain/staff/revokeRole.js";
import type { Translate } from "../createTranslator.js";
import type { Turn } from "../turn.js";
import { staffReply } from "./staffAccess.js";
import { personLabel } from "./staffFormat.js";

export interface StaffRoleChange {
  adding: boolean;
  /** Telegram user id, phone number or referral code. */
  handle: string;
  roleText: string;
  /** Who does it, for the audit log: a contact id, or "cli". */
  actor: string;
  at: Date;
  defaultCountry: CountryCode;
}

export type StaffRoleOutcome = {
  /** "done": the role changed; "unchanged": it already was so; "refused": bad input or not possible. */
  status: "done" | "unchanged" | "refused";
  text: string;
  /** The contact whose role changed, and their role now. */
  contactId?: string;
  role?: string | null;
};

export async function staffRoleCommand(turn: Turn, sub: string, rest: string): Promise<void> {
  const t = turn.t;
  if (sub === "list" || sub === "daftar") return staffReply(turn, await describeStaffList(turn.tx, t), t("staff.listTitle"));
  const adding = sub === "add" || sub === "tambah";
  const removing = sub === "remove" || sub === "hapus";
  // The role is the last word; the user before it may be a phone number with spaces.
  const space = rest.lastIndexOf(" ");
  if ((!adding && !removing) || space < 0) return staffReply(turn, t("staff.usage"));
  const outcome = await changeStaffRole(turn.tx, t, {
    adding,
    handle: rest.slice(0, space).trim(),
    roleText: rest.slice(space + 1),
    actor: turn.contact.id,
    at: turn.now,
    defaultCountry: turn.deps.defaultCountry,
  });
  // Refresh what this turn knows about the sender, who may have just revoked their own role.
  if (outcome.status === "done" && outcome.contactId === turn.contact.id) turn.contact = { ...turn.contact, role: outcome.role ?? null };
  staffReply(turn, outcome.text);
}

/** Grants or takes away a role, audited as `actor`, and says what happened in `t`'s language. */
export async function changeStaffRole(db: Db, t: Translate, change: StaffRoleChange): Promise<StaffRoleOutcome> {
  const role = parseStaffRole(change.roleText);
  if (!role) return { status: "refused", text: t("staff.unknownRole", { role: change.roleText.slice(0, 30), roles: staffRoles.join(", ") }) };
  const found = await findContactByHandle(db, change.handle, change.defaultCountry);
  if (found.status === "not_found") return { status: "refused", text: t("staff.notFound", { user: change.handle.slice(0, 40) }) };
  const who = personLabel(t, found.contact);
  const roleName = t(`staff.role.${role}`);
  const request = { contactId: found.contact.id, role, actor: change.actor, at: change.at };
  if (change.adding) {
    const outcome = await grantRole(db, request);
    if (outcome.status === "unchanged") return { status: "unchanged", text: t("staff.alreadyHas", { who, role: roleName }) };
    return { status: "done", text: t("staff.granted", { who, role: roleName }), contactId: found.contact.id, role };
  }
  const outcome = await revokeRole(db, request);
  if (outcome.status === "last_admin") return { status: "refused", text: t("staff.lastAdmin") };
  if (outcome.status === "not_held") {
    return { status: "unchanged", text: t("staff.notHeld", { who, role: roleName, current: t(`staff.role.${outcome.current ?? "voter"}`) }) };
  }
  return { status: "done", text: t("staff.revoked", { who, role: roleName, now: t(`staff.role.${outcome.role ?? "voter"}`) }), contactId: found.contact.id, role: outcome.role };
}

/** Admins and coordinators, one a line, phones masked, and how many volunteers there are. */
export async function describeStaffList(db: Db, t: Translate): Promise<string> {
  const { staff, volunteers } = await listStaff(db);
  const lines = staff.map((member) => {
    const contact = [maskPhone(member.phone), member.telegramId ? `Telegram ${member.telegramId}` : undefined].filter(Boolean).join(", ");
    return `• ${personLabel(t, member)} — ${t(`staff.role.${member.role}`)}${contact ? ` (${contact})` : ""}`;
  });
  lines.push(t("staff.volunteerCount", { count: volunteers }));
  return lines.join("\n");
}
