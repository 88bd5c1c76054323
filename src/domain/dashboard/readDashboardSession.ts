import type { Db } from "../../db/client.js";
import { hasPermission } from "../staff/hasPermission.js";
import { hashToken } from "./hashToken.js";

export interface DashboardStaff {
  id: string;
  name: string | null;
  role: string;
  language: string;
}

export type SessionOutcome =
  | { status: "signed_in"; staff: DashboardStaff; expiresAt: Date }
  | { status: "signed_out" }
  /** The person lost the staff role since signing in: their sessions are gone now. */
  | { status: "revoked" };

/**
 * The staff member behind a session cookie, with the role read from the contact on every request
 * (as the chat does on every message), so a revoked role stops working at the next page.
 */
export async function readDashboardSession(db: Db, token: string | undefined, at: Date): Promise<SessionOutcome> {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "signed_out" };
  const session = await db.dashboardSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, contact: { select: { id: true, name: true, role: true, language: true } } },
  });
  if (!session) return { status: "signed_out" };
  if (session.expiresAt <= at) {
    await db.dashboardSession.deleteMany({ where: { id: session.id } });
    return { status: "signed_out" };
  }
  const { contact } = session;
  if (!contact.role || !hasPermission(contact.role, "dashboard")) {
    await db.dashboardSession.deleteMany({ where: { contactId: contact.id } });
    return { status: "revoked" };
  }
  return { status: "signed_in", staff: { id: contact.id, name: contact.name, role: contact.role, language: contact.language }, expiresAt: session.expiresAt };
}
