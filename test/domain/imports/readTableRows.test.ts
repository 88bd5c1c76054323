// A CSV's rows come from readTableRows in file order with their lines, the rows csv-parse could not
// read among them where they are, however many reads the file takes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTableRows, type TableRow } from "../../../src/domain/imports/readTableRows.js";
import { createCsvFolder } from "./support.js";

let folder: ReturnType<typeof createCsvFolder>;
beforeEach(() => (folder = createCsvFolder()));
afterEach(() => folder.remove());

async function allRows(path: string): Promise<TableRow[]> {
  const table = await readTableRows(path);
  if (table.status !== "ok") throw new Error(`refused: ${JSON.stringify(table)}`);
  const rows: TableRow[] = [];
  for await (const run of table.rows) rows.push(...run);
  return rows;
}

describe("the rows of a CSV file", () => {
  it("come in file order across many reads: a broken quote where it is, a cell's line breaks counted, an unclosed quote after the last good row", async () => {
    const lines = ["nama,telepon"];
    for (let i = 2; i <= 12_000; i++) {
      if (i === 3_000) lines.push('"Siti\nNurhaliza",081234567890');
      else if (i === 7_000) lines.push('Bu"di,0812');
      else if (i !== 3_001) lines.push(`Relawan ${i},0812${10_000_000 + i}`);
    }
    lines.push('"never closed,0812');
    lines.push("Relawan 12002,081299999999");
    const rows = await allRows(folder.write("kontak.csv", `${lines.join("\n")}\n`));

    const good = rows.filter((row) => row.status === "ok");
    expect(good).toHaveLength(11_998);
    expect(good.every((row, i) => i === 0 || row.line > good[i - 1]!.line)).toBe(true);
    expect(good.find((row) => row.cells[0] === "Siti\nNurhaliza")?.line).toBe(3_000);
    expect(good.at(-1)).toEqual({ line: 12_000, status: "ok", cells: ["Relawan 12000", "081210012000"] });
    const broken = rows.flatMap((row, index) => (row.status === "broken" ? [{ index, line: row.line, unclosed: row.unclosed }] : []));
    expect(broken.map(({ line, unclosed }) => ({ line, unclosed }))).toEqual([
      { line: 7_000, unclosed: false },
      { line: 12_001, unclosed: true },
    ]);
    // Between the rows before and after it.
    expect(rows[broken[0]!.index - 1]).toMatchObject({ line: 6_999 });
    expect(rows[broken[0]!.index + 1]).toMatchObject({ line: 7_001 });
    expect(broken[1]!.index).toBe(rows.length - 1);
  });
});
