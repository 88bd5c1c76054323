import type { Db } from "../../db/client.js";
import { maskPhone } from "../staff/maskPhone.js";

export interface AuditPerson {
  name: string | null;
  phone: string | null;
  /** First chat account, "telegram 9001", for staff who never gave a name or number. */
  account: string | null;
}

export interface AuditLine {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  /** The contact behind the actor id, when it is one (null for "cli" or an erased contact). */
  actorContact: AuditPerson | null;
  /** The contact behind the target, for role changes (null otherwise or when erased). */
  targetContact: AuditPerson | null;
}

export interface AuditFilter {
  /** A contact id, "cli" or "config". */
  actor?: string;
  action?: string;
  /** From this instant (included) ... */
  from?: Date;
  /** ... to this one (excluded). */
  to?: Date;
  /** The next page: entries older than this one (keyset, so a page costs the same deep in the log). */
  before?: { at: Date; id: string };
}

/** The latest entries, newest first, with the people they name looked up for display. */
export async function readAuditLog(db: Db, limit = 20, filter: AuditFilter = {}): Promise<AuditLine[]> {
  const at = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  const entries = await db.auditEntry.findMany({
    where: {
      ...(filter.actor ? { actor: filter.actor } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.from || filter.to ? { at } : {}),
      ...(filter.before ? { OR: [{ at: { lt: filter.before.at } }, { at: filter.before.at, id: { lt: filter.before.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
  const ids = [...new Set(entries.flatMap((e) => [e.actor, ...(e.target ? [e.target] : [])]))];
  const contacts = await db.contact.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, phone: true, identities: { select: { channel: true, externalId: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const byId = new Map(contacts.map((c) => [c.id, { name: c.name, phone: c.phone, account: accountLabel(c.identities[0]) }]));
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actor,
    action: e.action,
    target: e.target,
    details: parseDetails(e.details),
    actorContact: byId.get(e.actor) ?? null,
    targetContact: e.target ? (byId.get(e.target) ?? null) : null,
  }));
}

// A WhatsApp id is the phone number itself, so it is masked like one.
function accountLabel(identity: { channel: string; externalId: string } | undefined): string | null {
  if (!identity) return null;
  return `${identity.channel} ${identity.channel === "whatsapp" ? maskPhone(`+${identity.externalId}`) : identity.externalId}`;
}

function parseDetails(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
