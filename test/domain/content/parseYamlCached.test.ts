// YAML remembered as JSON under the text's hash: the same data as YAML.parse, errors as YAML.parse's.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseYamlCached } from "../../../src/domain/content/parseYamlCached.js";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relawan-yaml-cache-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("parseYamlCached", () => {
  it("returns what YAML.parse returns, from the remembered JSON the second time", () => {
    const text = "name:\n  id: Tim Relawan\n  en: Volunteer Team\nlist: [1, two, null, true]\n";
    expect(parseYamlCached(text, dir)).toEqual(parse(text));
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^[0-9a-f]{64}\.json$/);
    // The second read comes from the file: prove it by changing what the file says.
    writeFileSync(join(dir, file!), JSON.stringify({ from: "cache" }));
    expect(parseYamlCached(text, dir)).toEqual({ from: "cache" });
    // Other text, another entry.
    expect(parseYamlCached("a: 1\n", dir)).toEqual({ a: 1 });
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it("throws YAML's own error for broken text, with its line, and keeps data JSON cannot hold unremembered", () => {
    expect(() => parseYamlCached("a: [1, 2\nb: 3\n", dir)).toThrow(expect.objectContaining({ name: "YAMLParseError", linePos: expect.any(Array) }));
    expect(parseYamlCached("big: .inf\n", dir)).toEqual({ big: Infinity });
    expect(readdirSync(dir)).toHaveLength(0);
  });
});
