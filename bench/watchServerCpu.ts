import { readFileSync } from "node:fs";
import type { BenchDatabase } from "./benchDatabase.js";

/**
 * The CPU time the PostgreSQL server processes serving a bench database spend from now until
 * stop(): its backends, seen every 200 ms (one that starts and ends between two looks is missed).
 * Undefined on SQLite, or where /proc cannot be read.
 */
export function watchServerCpu(store: BenchDatabase) {
  const seen = new Map<number, { first: number; last: number }>();
  let running = store.dialect === "postgresql";
  const watching = (async () => {
    while (running) {
      const backends = await store.db.$queryRaw<{ pid: number }[]>`SELECT "pid" FROM pg_stat_activity WHERE "datname" = current_database() AND "pid" <> pg_backend_pid()`;
      for (const { pid } of backends) {
        const cpu = processCpuSeconds(pid);
        if (cpu === undefined) continue;
        const known = seen.get(pid);
        if (known) known.last = cpu;
        else seen.set(pid, { first: cpu, last: cpu });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    stop: () => (running = false),
    async seconds() {
      await watching;
      return seen.size === 0 ? undefined : [...seen.values()].reduce((sum, { first, last }) => sum + last - first, 0);
    },
  };
}

function processCpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
