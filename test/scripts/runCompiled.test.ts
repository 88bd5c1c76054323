// The launcher behind `npm start` and `relawan`, on a small project of its own: it runs the
// compiled copy, compiles an edited source again before running it (never stale code), and falls
// back to tsx, which names the mistake, when a source does not compile.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDist } from "../../scripts/buildDist.js";
import { repoRoot } from "../support/createTestApp.js";

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), "relawan-launch-"));
  for (const dir of ["bin", "scripts", "src/cli", "src/web"]) mkdirSync(join(project, dir), { recursive: true });
  for (const file of ["bin/relawan.js", "scripts/buildDist.js", "scripts/runCompiled.js", "tsconfig.json", "package.json"]) copyFileSync(join(repoRoot, file), join(project, file));
  symlinkSync(join(repoRoot, "node_modules"), join(project, "node_modules"));
  writeSource("src/cli/main.ts", `import { greeting } from "./greeting.js";\nconsole.log(greeting("one"));\n`);
  writeSource("src/cli/greeting.ts", `export const greeting = (n: string): string => \`version \${n}\`;\n`);
  writeSource("src/web/page.eta", "<p>hello</p>\n");
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

function writeSource(path: string, text: string): void {
  writeFileSync(join(project, path), text);
}

function relawan() {
  return spawnSync(process.execPath, ["bin/relawan.js"], { cwd: project, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" }, encoding: "utf8", timeout: 60_000 });
}

describe("bin/relawan.js", () => {
  it("compiles src/ into dist/ on first use and runs the compiled copy", () => {
    const run = relawan();
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("version one\n");
    expect(existsSync(join(project, "dist/cli/main.js"))).toBe(true);
    // Files that are not TypeScript (a template beside its page) are copied as they are.
    expect(readFileSync(join(project, "dist/web/page.eta"), "utf8")).toBe("<p>hello</p>\n");
  });

  it("runs an edit made after the build, never the stale copy", () => {
    expect(relawan().stdout).toBe("version one\n");
    writeSource("src/cli/main.ts", `import { greeting } from "./greeting.js";\nconsole.log(greeting("two"));\n`);
    expect(relawan().stdout).toBe("version two\n");
    expect(readFileSync(join(project, "dist/cli/main.js"), "utf8")).toContain('"two"');
  });

  it("falls back to tsx when a source does not compile, which names the file", () => {
    expect(relawan().stdout).toBe("version one\n");
    writeSource("src/cli/greeting.ts", "export const greeting = (n: string => ;\n");
    const run = relawan();
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("greeting.ts");
  });
});

describe("buildDist", () => {
  it("redoes only what changed, and removes the output of a deleted source", async () => {
    expect(await buildDist(project)).toEqual({ status: "built", compiled: 2, copied: 1, removed: 0 });
    expect(await buildDist(project)).toEqual({ status: "fresh" });
    writeSource("src/cli/greeting.ts", `export const greeting = (n: string): string => \`release \${n}\`;\n`);
    expect(await buildDist(project)).toEqual({ status: "built", compiled: 1, copied: 0, removed: 0 });
    unlinkSync(join(project, "src/web/page.eta"));
    expect(await buildDist(project)).toEqual({ status: "built", compiled: 0, copied: 0, removed: 1 });
    expect(existsSync(join(project, "dist/web/page.eta"))).toBe(false);
    expect(await buildDist(project)).toEqual({ status: "fresh" });
  });
});
