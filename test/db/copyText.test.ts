// COPY's text format as the PostgreSQL bulk writer sends it, byte for byte: escapes before and
// after characters outside ASCII, nulls, booleans, times, constants, and rows past the first guess
// of the buffer's size. (openPostgresBulkWriter.test.ts checks that PostgreSQL reads it back.)
import { describe, expect, it } from "vitest";
import { copyText } from "../../src/db/copyText.js";
import { BulkRows } from "../../src/db/openBulkWriter.js";

describe("copyText", () => {
  it("writes each cell as COPY's text format reads it", () => {
    const rows = new BulkRows(3);
    rows.add("back\\slash\ttab", null, true);
    rows.add("new\nline\rreturn", "Sïti \\ Nur\tfa", false);
    rows.add("\\N", "👍\n", null);
    rows.add("", "Ñ", new Date("2026-12-01T10:00:00.123Z"));
    const text = copyText(rows, ["en", null, new Date("2026-01-02T03:04:05.006Z"), false]).toString("utf8");
    const end = "\ten\t\\N\t2026-01-02T03:04:05.006Z\tf\n";
    expect(text).toBe(
      `back\\\\slash\\ttab\t\\N\tt${end}` +
        `new\\nline\\rreturn\tSïti \\\\ Nur\\tfa\tf${end}` +
        `\\\\N\t👍\\n\t\\N${end}` +
        `\tÑ\t2026-12-01T10:00:00.123Z${end}`,
    );
  });

  it("grows past its first guess of the size, for long and many cells", () => {
    const rows = new BulkRows(2);
    const long = "x".repeat(5000);
    const longUnicode = "é\t".repeat(3000);
    const expected: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const name = i === 10 ? long : i === 20 ? longUnicode : `Relawan ${i}`;
      rows.add(`c${i}`, name);
      expected.push(`c${i}\t${name.replaceAll("\t", "\\t")}\n`);
    }
    expect(copyText(rows, []).toString("utf8")).toBe(expected.join(""));
  });
});
