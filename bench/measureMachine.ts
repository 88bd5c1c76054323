// How busy the machine was, printed around `npm run bench`: on a shared virtual machine the same
// code can take twice as long from one hour to the next, and a figure read without this line
// cannot tell Relawan's speed from its neighbours' load.
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";

export interface MachineReading {
  /** Seconds a fixed arithmetic loop took (about 0.3 s on a quiet 2-core development VM). */
  loopSeconds: number;
  /** /proc/stat's aggregate CPU ticks: [steal, total]. Absent off Linux. */
  ticks?: [number, number];
}

export function readMachine(): MachineReading {
  const started = performance.now();
  let x = 0;
  for (let i = 0; i < 3e8; i++) x += i % 7;
  const loopSeconds = (performance.now() - started) / 1000;
  // Keeps the loop from being optimised away.
  if (x < 0) throw new Error("unreachable");
  return { loopSeconds, ...readTicks() };
}

export function describeMachine(when: string, reading: MachineReading, since?: MachineReading): string {
  const load = loadavg().map((l) => l.toFixed(1)).join(" ");
  let line = `machine (${when}): a fixed CPU loop took ${reading.loopSeconds.toFixed(2)} s; load ${load}`;
  if (since?.ticks && reading.ticks) {
    const steal = reading.ticks[0] - since.ticks[0];
    const total = reading.ticks[1] - since.ticks[1];
    if (total > 0) line += `; CPU time taken by the hypervisor since the start: ${((100 * steal) / total).toFixed(1)}%`;
  }
  return line;
}

function readTicks(): { ticks?: [number, number] } {
  if (!existsSync("/proc/stat")) return {};
  const fields = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0);
  return { ticks: [fields[7] ?? 0, total] };
}
