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
      // A key, or the block of keys it stands in, has a comment right above it.
      let at = lines.findIndex((l) => l.startsWith(`${key}=`));
      while (at > 0 && /^[A-Z_]+=/.test(lines[at - 1] ?? "")) at--;
      expect(lines[at - 1]?.startsWith("#"), `${key} has a comment above it`).toBe(true);
    }
  });

  it("is itself a valid configuration", () => {
    expect(parseConfig(example).status).toBe("ok");
  });
});
