// The privacy rule of canvass reports: counts per area only. No canvass table may hold a voter's
// name, number or address, or anything that ties a political leaning to a person; the one person a
// report names is its author, a volunteer. Checked on the migrated database itself (SQLite, and
// PostgreSQL with npm run test:pg) and on the schema, so a new column or relation fails here first.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, repoRoot, testDialect, type TestDatabase } from "../../support/createTestDatabase.js";

const canvassTables = ["CanvassReport", "CanvassIssue"];

// Every column, and why it is allowed. A new column must be added here, on purpose.
const allowedColumns: Record<string, Record<string, string>> = {
  CanvassReport: {
    id: "the report's number",
    volunteerId: "the author: a Volunteer, never a voter",
    regionCode: "the area",
    households: "a count",
    supporters: "a count",
    undecided: "a count",
    leaningElsewhere: "a count",
    notHome: "a count",
    photo: "a platform file reference the volunteer sent",
    createdAt: "when",
    updatedAt: "when",
    withdrawnAt: "when",
  },
  CanvassIssue: {
    id: "the row's number",
    reportId: "the report",
    programmeId: "a programme of the campaign",
    text: "the volunteer's words about an issue",
  },
};
const leaningColumns = ["supporters", "undecided", "leaningElsewhere", "notHome"];

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function columnsOf(table: string): Promise<Array<{ name: string; type: string }>> {
  if (testDialect === "postgresql") {
    return t.db.$queryRaw`SELECT column_name::text AS "name", data_type::text AS "type" FROM information_schema.columns WHERE table_name::text = ${table} ORDER BY ordinal_position`;
  }
  return t.db.$queryRawUnsafe(`SELECT name, type FROM pragma_table_info('${table}')`);
}

async function foreignKeysOf(table: string): Promise<Array<{ column: string; target: string }>> {
  if (testDialect === "postgresql") {
    return t.db.$queryRaw`
      SELECT kcu.column_name::text AS "column", ccu.table_name::text AS "target"
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name::text = ${table}`;
  }
  return t.db.$queryRawUnsafe(`SELECT "from" AS "column", "table" AS "target" FROM pragma_foreign_key_list('${table}')`);
}

describe("canvass privacy", () => {
  it.each(canvassTables)("%s has only the allowed columns", async (table) => {
    const names = (await columnsOf(table)).map((c) => c.name).sort();
    expect(names).toEqual(Object.keys(allowedColumns[table] ?? {}).sort());
  });

  it("names nobody but its author, a volunteer: no column points at a contact", async () => {
    expect(await foreignKeysOf("CanvassReport")).toEqual([{ column: "volunteerId", target: "Volunteer" }]);
    expect(await foreignKeysOf("CanvassIssue")).toEqual([{ column: "reportId", target: "CanvassReport" }]);
    for (const table of canvassTables) {
      const names = (await columnsOf(table)).map((c) => c.name.toLowerCase());
      for (const personal of ["contactid", "phone", "name", "address", "alamat", "nik", "voterid", "externalid"]) expect(names).not.toContain(personal);
    }
  });

  it("keeps leanings as whole counts of households, never a per-person value", async () => {
    const types = Object.fromEntries((await columnsOf("CanvassReport")).map((c) => [c.name, c.type.toLowerCase()]));
    for (const column of ["households", ...leaningColumns]) expect(types[column]).toMatch(/^int/);
  });

  it("is referenced by no other table, so no join can tie a report's leanings to a contact", () => {
    const schema = readFileSync(join(repoRoot, "prisma", "schema.prisma"), "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => ({ name: name ?? "", body: body ?? "" }));
    const referencing = models
      .filter((model) => !canvassTables.includes(model.name) && /^\s+\w+\s+(?:CanvassReport|CanvassIssue)\b/m.test(model.body))
      .map((model) => model.name)
      .sort();
    // Volunteer lists its reports: the author side.
    expect(referencing).toEqual(["Volunteer"]);
  });
});
