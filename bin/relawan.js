#!/usr/bin/env node
// `npx relawan ...` (and `npm start`, which is `relawan start`): the CLI, compiled into dist/ at
// install and again whenever src/ has changed since (see scripts/runCompiled.js).
import { clearInterval, setInterval } from "node:timers";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runCompiled } from "../scripts/runCompiled.js";

// An import allocates fast and keeps little, and V8 lets its young generation grow to 32 MB (two
// 16 MB halves), RSS the import never needs: once it reaches 16 MB it grows no further (the flag
// is read at each growth; --max-semi-space-size would be read only at start-up). A million-row
// import held at 8 MB (and its reading thread at 2 MB halves) peaked about 25 MB lower, but young
// collections then took about half of each thread's CPU (docs/benchmarks-history.md). Checked until then
// only: once the import's reading thread has started (which puts the flag back), the import holds
// it itself (holdYoungGeneration), since this timer hardly runs while batches keep coming.
if (process.argv[2] === "import") {
  const timer = setInterval(() => {
    if ((getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0) < 16 * 1024 * 1024) return;
    setFlagsFromString("--semi-space-growth-factor=1");
    clearInterval(timer);
  }, 20).unref();
}

await runCompiled("cli/main");
