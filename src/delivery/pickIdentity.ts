import type { DeliveryIdentity } from "./loadDeliveryContext.js";

export type PickedIdentity = { status: "picked"; identity: DeliveryIdentity } | { status: "none"; reason: "no_channel" | "unreachable" };

/**
 * Where to reach a person: the identity they wrote from most recently, among those not marked
 * unreachable, on a channel we can send on. "no_channel": nothing on a channel we have;
 * "unreachable": we have the channel but they blocked us there.
 */
export function pickIdentity(identities: readonly DeliveryIdentity[], channels: ReadonlySet<string>): PickedIdentity {
  const usable = identities.filter((i) => channels.has(i.channel));
  if (usable.length === 0) return { status: "none", reason: "no_channel" };
  const reachable = usable.filter((i) => i.unreachableAt === null);
  if (reachable.length === 0) return { status: "none", reason: "unreachable" };
  const activity = (i: DeliveryIdentity) => i.lastInboundAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const [best] = [...reachable].sort((a, b) => activity(b) - activity(a) || b.createdAt.getTime() - a.createdAt.getTime());
  return { status: "picked", identity: best! };
}
