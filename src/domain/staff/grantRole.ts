import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { hasPermission } from "./hasPermission.js";
import type { StaffRole } from "./parseStaffRole.js";

export interface RoleChange {
  contactId: string;
  role: StaffRole;
  actor: string;
  at: Date;
}

export type GrantOutcome = { status: "granted"; previous: string | null } | { status: "unchanged" };

/** A contact has one role; granting replaces it (a volunteer made coordinator is a coordinator). */
export async function grantRole(db: Db, change: RoleChange): Promise<GrantOutcome> {
  const contact = await db.contact.findUniqueOrThrow({ where: { id: change.contactId }, select: { role: true } });
  if (contact.role === change.role) return { status: "unchanged" };
  await db.contact.update({ where: { id: change.contactId }, data: { role: change.role } });
  // A coordinator made a volunteer is signed out of the dashboard at once, not at their next page.
  if (!hasPermission(change.role, "dashboard")) await db.dashboardSession.deleteMany({ where: { contactId: change.contactId } });
  await recordAudit(db, {
    actor: change.actor,
    action: "role.grant",
    target: change.contactId,
    details: { role: change.role, previous: contact.role },
    at: change.at,
  });
  return { status: "granted", previous: contact.role };
}
