import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";

// Young generation (V8's new space) this thread may reach before it is held there.
const heldAtBytes = 16 * 1024 * 1024;

/**
 * Stops this thread's young generation growing once it has reached 16 MB: an import allocates fast
 * and keeps little, and V8 would let it grow to 32 MB, RSS the import never needs (held at 8 MB, its
 * collections took about half of this thread's CPU, for 25 MB less peak RSS). Below 16 MB it
 * may still grow (held smaller, a test process or the bot would collect more often for good).
 * V8 reads --semi-space-growth-factor at each growth, process-wide, and puts it back to 2
 * whenever it creates a heap (Heap::ConfigureHeap), so a worker thread's start undoes a hold
 * made before it (bin/relawan.js's, in `relawan import`): an import checks again once its reading
 * thread is online and at each message from it (about 1,500 a million rows), where a timer hardly
 * runs. Without it, a million-row import's writing thread kept 8 MB in some runs and grew to 16 MB
 * in others: 1,065 collections instead of 2,150, peak RSS 253 MB instead of 237-247
 * (docs/benchmarks-history.md). In the bot, a chat import leaves the hold in place.
 */
export function holdYoungGeneration(): void {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0;
  if (young >= heldAtBytes) setFlagsFromString("--semi-space-growth-factor=1");
}
