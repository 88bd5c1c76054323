// Every task sentence the code asks for exists (locales.test.ts checks bot.json keys and id/en parity).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLocaleResources } from "../../src/conversation/createTranslator.js";
import { taskProgressStates } from "../../src/domain/tasks/readTaskStatus.js";
import { repoRoot } from "../support/createTestApp.js";

describe("tasks locale", () => {
  const tasks = readLocaleResources(join(repoRoot, "locales")).id!.tasks!;
  const exists = (key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tasks) !== undefined;
  // A counted sentence exists as its plural forms (key_other; key_one in English), as i18next reads it.
  const has = (key: string) => exists(key) || exists(`${key}_other`);

  it("has every literal tasks: key used in the code", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
    const used = new Set<string>();
    for (const file of walk(join(repoRoot, "src"))) {
      for (const match of readFileSync(file, "utf8").matchAll(/"tasks:([a-zA-Z]+(?:\.[a-zA-Z]+)+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(60);
    expect([...used].filter((key) => !has(key)).sort()).toEqual([]);
  });

  it("has the keys the code builds from parts", () => {
    const built = [
      ...["accept", "decline", "done"].flatMap((a) => [`button.${a}Task`, `answer.which.${a}`]),
      ...["photo", "link", "text"].map((k) => `proof.recorded.${k}`),
      ...taskProgressStates.map((s) => `staff.progress.${s}`),
      ...["open", "closed"].map((s) => `state.${s}`),
      ...["offered", "accepted", "done", "declined", "closed", "overdue", "missed"].map((s) => `mine.state.${s}`),
    ];
    expect(built.filter((key) => !has(key))).toEqual([]);
  });
});
