import { existsSync } from "node:fs";

/** Debian's Chromium, which the browser tests drive through playwright-core (.ci/run installs it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * For the dashboard's browser tests: true when Chromium is installed. Without it they skip with a
 * loud reason; in CI (CI=true) its absence is a failure.
 */
export function requireChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const reason = `no Chromium at ${CHROMIUM_PATH}`;
  if (process.env.CI === "true") throw new Error(`${reason}; CI must run the browser tests (apt-get install -y chromium)`);
  console.warn(`\n*** SKIPPING browser tests: ${reason}. Install it (apt-get install -y chromium) to run them (CI requires them). ***\n`);
  return false;
}
