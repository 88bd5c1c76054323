import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { RoleChange } from "./grantRole.js";

export type RevokeOutcome =
  | { status: "revoked"; role: string | null }
  | { status: "not_held"; current: string | null }
  /** Nobody would be left to grant roles. */
  | { status: "last_admin" };

/** Takes a role away; a registered volunteer stays a volunteer, anyone else becomes a voter. */
export async function revokeRole(db: Db, change: RoleChange): Promise<RevokeOutcome> {
  const contact = await db.contact.findUniqueOrThrow({ where: { id: change.contactId }, select: { role: true, volunteer: { select: { id: true } } } });
  if (contact.role !== change.role) return { status: "not_held", current: contact.role };
  if (change.role === "admin" && (await db.contact.count({ where: { role: "admin" } })) <= 1) return { status: "last_admin" };
  const role = change.role !== "volunteer" && contact.volunteer ? "volunteer" : null;
  await db.contact.update({ where: { id: change.contactId }, data: { role } });
  // Nobody left without a staff role keeps a dashboard session or an unused sign-in link.
  await db.dashboardSession.deleteMany({ where: { contactId: change.contactId } });
  await db.dashboardLink.deleteMany({ where: { contactId: change.contactId, usedAt: null } });
  await recordAudit(db, {
    actor: change.actor,
    action: "role.revoke",
    target: change.contactId,
    details: { role: change.role, now: role },
    at: change.at,
  });
  return { status: "revoked", role };
}
