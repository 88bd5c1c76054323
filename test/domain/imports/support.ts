// Writes a CSV (text or raw bytes) into a throwaway folder and imports it with fixed settings.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTranslator, readLocaleResources } from "../../../src/conversation/createTranslator.js";
import type { Database } from "../../../src/db/client.js";
import { describeRowProblem } from "../../../src/domain/imports/describeRowProblem.js";
import { importContacts, type ImportSettings } from "../../../src/domain/imports/importContacts.js";
import { repoRoot } from "../../support/createTestDatabase.js";

export const importNow = new Date("2026-11-26T03:00:00Z");
export const en = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id").forLanguage("en");

export function createCsvFolder() {
  const dir = mkdtempSync(join(tmpdir(), "relawan-import-test-"));
  return {
    dir,
    write(name: string, content: string | Buffer): string {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    read: (path: string) => readFileSync(path, "utf8"),
    readBytes: (path: string) => readFileSync(path),
    exists: (path: string) => existsSync(path),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function importFile(db: Database, path: string, overrides: Partial<ImportSettings> = {}) {
  return importContacts(db, {
    path,
    actor: "cli",
    now: importNow,
    defaultCountry: "ID",
    defaultLanguage: "id",
    languages: ["id", "en"],
    timeZone: "Asia/Jakarta",
    describeProblem: (problem) => describeRowProblem(en, problem, ["id", "en"]),
    ...overrides,
  });
}
