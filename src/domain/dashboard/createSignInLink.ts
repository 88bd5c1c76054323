import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { hasPermission } from "../staff/hasPermission.js";
import { createToken, hashToken } from "./hashToken.js";

/** A link works for 10 minutes: long enough to open it, short enough that a forwarded one goes stale. */
export const SIGN_IN_LINK_MINUTES = 10;

export interface SignInLinkRequest {
  contactId: string;
  /** Where staff open the dashboard (DASHBOARD_URL). */
  baseUrl: string;
  /** The staff member's contact id in the chat, "cli" on the command line. */
  actor: string;
  at: Date;
}

export type SignInLinkOutcome = { status: "created"; url: string; expiresAt: Date } | { status: "not_allowed"; role: string | null };

/** A one-time sign-in link bound to one staff member; voters and volunteers get none. */
export async function createSignInLink(db: Db, request: SignInLinkRequest): Promise<SignInLinkOutcome> {
  const contact = await db.contact.findUniqueOrThrow({ where: { id: request.contactId }, select: { role: true } });
  if (!hasPermission(contact.role, "dashboard")) return { status: "not_allowed", role: contact.role };
  const token = createToken();
  const expiresAt = new Date(request.at.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  await db.dashboardLink.create({ data: { tokenHash: hashToken(token), contactId: request.contactId, createdAt: request.at, expiresAt } });
  await recordAudit(db, { actor: request.actor, action: "dashboard.link", target: request.contactId, at: request.at });
  return { status: "created", url: signInUrl(request.baseUrl, token), expiresAt };
}

function signInUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/masuk?token=${token}`;
}
