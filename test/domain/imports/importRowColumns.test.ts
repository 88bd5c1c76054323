// A batch of checked rows crosses from the import's reading thread to its writing one as columns.
import { describe, expect, it } from "vitest";
import { fromRowColumns, rowColumnBuffers, toRowColumns } from "../../../src/domain/imports/importRowColumns.js";
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
  });
});
