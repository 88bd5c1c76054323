// A batch of checked rows crosses from the import's reading thread to its writing one as columns.
import { describe, expect, it } from "vitest";
import { collectRowColumns, toRowColumns } from "../../../src/domain/imports/collectRowColumns.js";
import { fromRowColumns, rowColumnBuffers } from "../../../src/domain/imports/importRowColumns.js";
import type { ImportRow } from "../../../src/domain/imports/types.js";

describe("rows as columns", () => {
  it("come back as the same rows: every field, none invented, tags in their rows, consent with its date", () => {
    const rows: ImportRow[] = [
      { line: 2, name: "Budi", phone: "+6281234567890", telegramId: "777001", regionCode: "32.73.01.1001", language: "en", tags: ["posko-a", "saksi"], consent: { source: "formulir posko", at: new Date("2026-03-01T00:00:00Z"), dated: true }, declined: false, optedOut: false },
      { line: 3, phone: "+6281311112222", tags: [], declined: true, optedOut: true },
      { line: 5, telegramId: "42", tags: ["donatur"], consent: { source: "import", at: new Date("2026-11-26T03:00:00Z"), dated: false }, declined: false, optedOut: true },
      { line: 1_048_577, name: "", tags: ["a", "b", "c"], declined: false, optedOut: false },
      { line: 1_048_578, name: "Siti 👩‍🌾 \u0000 Ñoño", regionCode: "", tags: ["", "🗳️"], declined: false, optedOut: false },
    ];
    const back = fromRowColumns(structuredClone(toRowColumns(rows)));
    expect(back).toEqual(rows);
    // Absent fields stay absent (toEqual would accept `name: undefined`).
    expect(back.map((row) => Object.keys(row).sort())).toEqual(rows.map((row) => Object.keys(row).sort()));
  });

  it("hand over their typed arrays instead of copying them", () => {
    const columns = toRowColumns([{ line: 2, tags: ["x"], declined: false, optedOut: false }]);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(columns, rowColumnBuffers(columns));
    port1.close();
    port2.close();
    expect(columns.line.length).toBe(0);
    expect(columns.flags.length).toBe(0);
    expect(columns.text.length).toBe(0);
  });

  it("collected row by row: past the expected size, across many writes of text, batch after batch", () => {
    const row = (i: number): ImportRow => ({
      line: i + 2,
      ...(i % 3 === 0 ? {} : { name: `Relawan ${i} ${"é🗳️".repeat(i % 5)}` }),
      ...(i % 4 === 0 ? {} : { phone: `+62812${10_000_000 + i}` }),
      tags: Array.from({ length: i % 4 }, (_, t) => `tag-${t}-${"x".repeat(i % 50)}`),
      ...(i % 2 === 0 ? { consent: { source: "formulir", at: new Date(1_700_000_000_000 + i), dated: i % 6 === 0 } } : {}),
      declined: i % 5 === 0,
      optedOut: i % 7 === 0,
    });
    const first = Array.from({ length: 300 }, (_, i) => row(i));
    const second = Array.from({ length: 70 }, (_, i) => row(300 + i));
    const collector = collectRowColumns(10);
    for (const each of first) collector.add(each);
    expect(collector.size).toBe(300);
    const firstColumns = collector.take();
    expect(collector.size).toBe(0);
    for (const each of second) collector.add(each);
    const secondColumns = collector.take();
    expect(fromRowColumns(structuredClone(firstColumns))).toEqual(first);
    expect(fromRowColumns(structuredClone(secondColumns))).toEqual(second);
    expect(fromRowColumns(collector.take())).toEqual([]);
  });
});
