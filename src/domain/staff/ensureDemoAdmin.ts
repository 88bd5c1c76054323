import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";

/** The demo admin's chat account: a terminal identity no real person writes from. */
const DEMO_ADMIN = { channel: "console", externalId: "demo-admin" } as const;

/**
 * The terminal-chat demo's admin, who signs in to the dashboard through the link `npm start`
 * prints (the person at the terminal chats as a voter). Made once; returns its contact id.
 */
export async function ensureDemoAdmin(db: Db, options: { name: string; language: string; at: Date }): Promise<string> {
  const identity = await db.channelIdentity.findUnique({ where: { channel_externalId: DEMO_ADMIN }, select: { contactId: true, contact: { select: { role: true } } } });
  if (identity?.contact.role === "admin") return identity.contactId;
  if (identity) {
    await db.contact.update({ where: { id: identity.contactId }, data: { role: "admin" } });
    await recordAudit(db, { actor: "config", action: "role.grant", target: identity.contactId, details: { role: "admin", previous: identity.contact.role, source: "demo" }, at: options.at });
    return identity.contactId;
  }
  const contact = await db.contact.create({
    data: { name: options.name, role: "admin", language: options.language, createdAt: options.at, lastActiveAt: options.at, identities: { create: { ...DEMO_ADMIN, createdAt: options.at } } },
  });
  await recordAudit(db, { actor: "config", action: "role.grant", target: contact.id, details: { role: "admin", previous: null, source: "demo" }, at: options.at });
  return contact.id;
}
