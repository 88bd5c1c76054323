// `relawan content check`: no database, the content folder only.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { repoRoot } from "../support/createTestApp.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOfDemo(): string {
  const dir = mkdtempSync(join(tmpdir(), "relawan-content-cli-"));
  dirs.push(dir);
  cpSync(join(repoRoot, "campaign"), dir, { recursive: true });
  return dir;
}

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { env, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe("relawan content check", () => {
  it("passes the demo campaign", async () => {
    const result = await cli(["content", "check", "--dir", join(repoRoot, "campaign"), "--lang", "en"]);
    expect(result).toEqual({ code: 0, stdout: `${join(repoRoot, "campaign")}: 22 FAQ entries, 7 programmes, languages id, en; no warnings.\n`, stderr: "" });
    const indonesian = await cli(["content", "check", "--dir", join(repoRoot, "campaign")]);
    expect(indonesian.stdout).toBe(`${join(repoRoot, "campaign")}: 22 entri FAQ, 7 program, bahasa id, en; tidak ada peringatan.\n`);
  });

  it("says its warnings and errors in DEFAULT_LANGUAGE or --lang, one warning as one", async () => {
    const dir = copyOfDemo();
    const faq = join(dir, "faq.yaml");
    writeFileSync(faq, readFileSync(faq, "utf8").replace("  page: mission\n", "  answer:\n    id: Misi kami ada enam.\n    en: Our mission has five parts.\n"));
    const indonesian = await cli(["content", "check"], { CONTENT_DIR: dir });
    expect(indonesian.stdout).toContain("Peringatan konten: faq.yaml: misi (id) menjawab hal yang dijawab halaman mission di campaign.yaml, tetapi menyebut \"6\"");
    expect(indonesian.stdout).toContain("; 1 peringatan.\n");
    expect(indonesian.stdout).not.toMatch(/warning|answers/);
    const english = await cli(["content", "check"], { CONTENT_DIR: dir, DEFAULT_LANGUAGE: "en" });
    expect(english.stdout).toContain("Content warning: faq.yaml: misi (id) answers what");
    expect(english.stdout).toContain("; 1 warning.\n");

    writeFileSync(join(dir, "campaign.yaml"), readFileSync(join(dir, "campaign.yaml"), "utf8").replace("languages: [id, en]", "languages: id"));
    const broken = await cli(["content", "check"], { CONTENT_DIR: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^Kesalahan konten: .*campaign\.yaml: campaign\.languages: Input tidak valid: diharapkan array, diterima string\n$/);
    const brokenEnglish = await cli(["content", "check", "--lang", "en"], { CONTENT_DIR: dir });
    expect(brokenEnglish.stderr).toMatch(/^Content error: .*campaign\.yaml: campaign\.languages: Invalid input: expected array, received string\n$/);
  });

  it("warns about an FAQ that disagrees with its page, reading CONTENT_DIR, and says it for machines too", async () => {
    const dir = copyOfDemo();
    const faq = join(dir, "faq.yaml");
    writeFileSync(faq, readFileSync(faq, "utf8").replace("  page: mission\n", "  answer:\n    id: Misi kami ada enam.\n    en: We have six missions.\n"));
    const human = await cli(["content", "check"], { CONTENT_DIR: dir, DEFAULT_LANGUAGE: "en" });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Content warning: faq.yaml: misi (id) answers what campaign.yaml\'s mission page answers, but says "6"');
    expect(human.stdout).toContain("; 2 warnings.\n");
    const machine = await cli(["content", "check", "--json"], { CONTENT_DIR: dir });
    expect(JSON.parse(machine.stdout)).toMatchObject({ status: "ok", warnings: [{ kind: "differs_from_page" }, { kind: "differs_from_page" }] });
  });

  it("fails with the errors start-up would stop on", async () => {
    const dir = copyOfDemo();
    writeFileSync(join(dir, "faq.yaml"), readFileSync(join(dir, "faq.yaml"), "utf8").replace("page: vision", "page: visi"));
    const result = await cli(["content", "check", "--dir", dir, "--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Content error: ');
    expect(result.stderr).toContain('.page: profile, vision, mission or programme:<id>');
  });
});
