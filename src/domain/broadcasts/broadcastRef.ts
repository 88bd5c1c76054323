/** The short handle staff see and type ("#k3x9qa"): the random tail of the id, unlike its time-based head. */
export function broadcastRef(id: string): string {
  return id.slice(-6);
}
