import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { hashToken } from "./hashToken.js";

export interface SignOut {
  contactId: string;
  /** Who asked: the person themselves (the dashboard's sign-out, /dasbor keluar) or "cli". */
  actor: string;
  at: Date;
  /** "browser": the sign-out button (this session only); "everywhere": every browser and every unused link. */
  scope: { kind: "browser"; sessionToken: string } | { kind: "everywhere" };
}

/** Ends dashboard sessions, audited; returns how many browsers were signed out. */
export async function signOutOfDashboard(db: Db, request: SignOut): Promise<{ sessions: number }> {
  const where =
    request.scope.kind === "browser" ? { contactId: request.contactId, tokenHash: hashToken(request.scope.sessionToken) } : { contactId: request.contactId };
  const ended = await db.dashboardSession.deleteMany({ where });
  if (request.scope.kind === "everywhere") await db.dashboardLink.deleteMany({ where: { contactId: request.contactId, usedAt: null } });
  await recordAudit(db, { actor: request.actor, action: "dashboard.signout", target: request.contactId, details: { scope: request.scope.kind, sessions: ended.count }, at: request.at });
  return { sessions: ended.count };
}
