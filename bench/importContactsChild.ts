// Run in its own process by importContacts.ts: `relawan import` on the CSV, then the figures as JSON.
import { runCli } from "../src/cli/runCli.js";

const [url = "", csv = ""] = process.argv.slice(2);
let output = "";
const started = performance.now();
const cpuBefore = process.cpuUsage();
const code = await runCli(["import", csv, "--json", "--lang", "en"], {
  env: { ...process.env, DATABASE_URL: url },
  stdout: { write: (text: string) => (output += text) },
  // Progress lines (one per 100,000 rows) go to the parent's stderr as they come.
  stderr: process.stderr,
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(`${JSON.stringify({ code, report: JSON.parse(output || "{}"), seconds, cpuSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
