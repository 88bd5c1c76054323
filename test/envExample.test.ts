import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { configSchema, parseConfig } from "../src/config.js";
import { repoRoot } from "./support/createTestApp.js";

describe(".env.example", () => {
  const text = readFileSync(join(repoRoot, ".env.example"), "utf8");
  const example = parse(text);

  it("lists every setting Relawan reads, each with a comment, and nothing else", () => {
    const schemaKeys = Object.keys(configSchema.shape ?? {}).sort();
    expect(schemaKeys.length).toBeGreaterThan(5);
    expect(Object.keys(example).sort()).toEqual(schemaKeys);
    const lines = text.split("\n");
    for (const key of schemaKeys) {
      const at = lines.findIndex((l) => l.startsWith(`${key}=`));
      expect(lines[at - 1]?.startsWith("#") || lines[at - 2]?.startsWith("#"), `${key} has a comment above it`).toBe(true);
    }
  });

  it("is itself a valid configuration", () => {
    expect(parseConfig(example).status).toBe("ok");
  });
});
