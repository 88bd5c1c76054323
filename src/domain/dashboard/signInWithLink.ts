import type { Database } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { hasPermission } from "../staff/hasPermission.js";
import { createToken, hashToken } from "./hashToken.js";

export interface SignInRequest {
  token: string;
  at: Date;
  sessionHours: number;
}

export type SignInOutcome =
  | { status: "signed_in"; sessionToken: string; contactId: string; expiresAt: Date }
  /** No such link (mistyped, tampered with, or its person was deleted). */
  | { status: "unknown" }
  | { status: "used" }
  | { status: "expired" }
  /** The person is no longer staff. */
  | { status: "not_allowed" };

/** Trades a one-time link for a session; the link is spent in the same transaction, so two tabs cannot both use it. */
export async function signInWithLink(db: Database, request: SignInRequest): Promise<SignInOutcome> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(request.token)) return { status: "unknown" };
  const tokenHash = hashToken(request.token);
  return db.$transaction(async (tx) => {
    const link = await tx.dashboardLink.findUnique({ where: { tokenHash }, select: { id: true, usedAt: true, expiresAt: true, contact: { select: { id: true, role: true } } } });
    if (!link) return { status: "unknown" } as const;
    if (link.usedAt) return { status: "used" } as const;
    if (link.expiresAt <= request.at) return { status: "expired" } as const;
    const spent = await tx.dashboardLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: request.at } });
    if (spent.count === 0) return { status: "used" } as const;
    if (!hasPermission(link.contact.role, "dashboard")) {
      await recordAudit(tx, { actor: link.contact.id, action: "denied", target: "dashboard.signin", details: { role: link.contact.role }, at: request.at });
      return { status: "not_allowed" } as const;
    }
    const sessionToken = createToken();
    const expiresAt = new Date(request.at.getTime() + request.sessionHours * 3_600_000);
    await tx.dashboardSession.create({ data: { tokenHash: hashToken(sessionToken), contactId: link.contact.id, createdAt: request.at, expiresAt } });
    await recordAudit(tx, { actor: link.contact.id, action: "dashboard.signin", at: request.at });
    return { status: "signed_in", sessionToken, contactId: link.contact.id, expiresAt } as const;
  });
}
