// The lookups' keys go to PostgreSQL as the very array literal pg would make of them, or as the
// array itself when a value needs pg's escaping.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { postgresArrayLiteral, postgresTextArray } from "../../src/db/postgresTextArray.js";

// How pg turns a query parameter into text (an array into its literal).
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils.js") as { prepareValue(value: unknown): unknown };

describe("postgresTextArray", () => {
  it("is pg's own literal for plain values", () => {
    const keys = ["+6281210000000", "628121", "", "NULL", "a,b", "{x}", "Sïti Ñur", "two words"];
    const literal = postgresTextArray(keys);
    expect(typeof literal).toBe("string");
    expect(literal).toBe(prepareValue(keys));
    expect(postgresTextArray([])).toBe(prepareValue([]));
  });

  it("leaves a value with a quote or a backslash to pg", () => {
    for (const odd of ['say "hi"', "back\\slash"]) expect(postgresTextArray(["plain", odd])).toEqual(["plain", odd]);
  });
});

describe("postgresArrayLiteral", () => {
  it("is pg's own literal, values with a quote or a backslash escaped as pg escapes them", () => {
    for (const values of [["saksi", "posko a", "region:32.73", "", "NULL", "{x}", "a,b", "Sïti"], ['say "hi"', "back\\slash", "plain"], []]) {
      expect(postgresArrayLiteral(values)).toBe(prepareValue(values));
    }
  });
});
