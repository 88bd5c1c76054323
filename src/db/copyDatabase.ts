// `relawan db copy`: every row of one Relawan database into an empty PostgreSQL one. Rows go
// through the Prisma delegates (findMany on the source, createMany on the target) so each side
// converts its own types (SQLite's ISO-text dates and 0/1 booleans become TIMESTAMP and
// BOOLEAN), in keyset pages so memory stays flat whatever the size of the campaign.
import { applyMigrations } from "./applyMigrations.js";
import type { Database, Db } from "./client.js";
import { dialectOf } from "./dialect.js";
import { listModelsInCopyOrder } from "./listModelsInCopyOrder.js";
import { quoteIdentifier } from "./quoteIdentifier.js";
import { referencesKeptByTriggers } from "./referencesKeptByTriggers.js";
import { refreshPlannerStatistics } from "./refreshPlannerStatistics.js";

export interface TableCount {
  model: string;
  table: string;
  source: number;
  target: number;
}

export type CopyResult =
  | { status: "copied"; tables: TableCount[]; rows: number; migrationsApplied: string[] }
  /** The target already holds rows (tables named "schema.table"); nothing was written. */
  | { status: "target_not_empty"; tables: string[] }
  /** The source has tables with rows that no model describes; copying would silently drop them. */
  | { status: "unknown_tables"; tables: string[] }
  /** A table's count differed after the copy (the source changed meanwhile); rolled back. */
  | { status: "count_mismatch"; tables: TableCount[] };

export interface CopyOptions {
  /** Rows per page, lowered per table so one insert stays well under PostgreSQL's 65,535 parameters. */
  batchSize?: number;
  onProgress?: (progress: { model: string; copied: number; total: number }) => void;
}

interface ModelInfo {
  model: string;
  delegate: string;
  table: string;
  fields: { name: string; column: string }[];
}

interface PlannedTable extends ModelInfo {
  primaryKey: string[];
  deferred: string[];
  serialColumns: string[];
}

type Row = Record<string, unknown>;
interface Delegate {
  findMany(args: object): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  updateMany(args: { where: Row; data: Row }): Promise<{ count: number }>;
  count(): Promise<number>;
}

const parameterBudget = 30_000;
// One transaction for the whole copy: a failure or a count mismatch leaves the target empty, so
// the command can simply be run again. Generous, since a million contacts take minutes.
const transactionTimeout = 12 * 60 * 60_000;

class CountMismatch extends Error {
  constructor(readonly tables: TableCount[]) {
    super("row counts differ");
  }
}

/** Migrates the (empty) PostgreSQL `target`, copies every model of `source` into it in one transaction, and checks the counts. */
export async function copyDatabase(source: Database, target: Database, options: CopyOptions = {}): Promise<CopyResult> {
  if (dialectOf(target) !== "postgresql") throw new Error("The target of a database copy must be PostgreSQL.");
  if (source === target) throw new Error("The source and the target of a database copy are the same client.");
  const models = readModels(source);

  const unknown = await listUnknownTables(source, models);
  if (unknown.length > 0) return { status: "unknown_tables", tables: unknown };
  // Checked before migrating, so a refused target is not touched at all.
  const filled = await listFilledTables(target);
  if (filled.length > 0) return { status: "target_not_empty", tables: filled };

  const migrations = await applyMigrations(target);
  const plan = await planCopy(target, models);
  // Prisma builds each createMany in JS; past ~1,000 rows a page only costs memory (measured: 1,000 rows ~0.7 GB peak RSS, 5,000 ~1.6 GB, same speed).
  const batchSize = options.batchSize ?? 1_000;
  try {
    const tables = await target.$transaction(
      async (tx) => {
        for (const table of plan) await copyTable(source, tx, table, pageSizeOf(table, batchSize), options.onProgress);
        for (const table of plan.filter((t) => t.deferred.length > 0)) await fillDeferred(source, tx, table, pageSizeOf(table, batchSize));
        for (const table of plan) for (const column of table.serialColumns) await resetSequence(tx, table.table, column);
        const counts: TableCount[] = [];
        for (const table of plan) {
          counts.push({ model: table.model, table: table.table, source: await delegateOf(source, table).count(), target: await delegateOf(tx, table).count() });
        }
        if (counts.some((c) => c.source !== c.target)) throw new CountMismatch(counts);
        await moveOntoContacts(tx);
        return counts;
      },
      { timeout: transactionTimeout, maxWait: 60_000 },
    );
    // A freshly filled database has no statistics yet; the bot's first big query should not guess.
    await refreshPlannerStatistics(target, plan.map((table) => table.table));
    return { status: "copied", tables, rows: tables.reduce((sum, t) => sum + t.target, 0), migrationsApplied: migrations.applied };
  } catch (error) {
    if (error instanceof CountMismatch) return { status: "count_mismatch", tables: error.tables };
    throw error;
  }
}

// The generator Relawan uses ("prisma-client") exports no Prisma.dmmf; the client carries a
// runtime data model with every model, its table and its scalar fields, though not its keys.
// Those come from the migrated target's catalog in planCopy.
function readModels(db: Database): ModelInfo[] {
  type RuntimeModel = { dbName: string | null; fields: { name: string; kind: string; dbName?: string | null }[] };
  const runtime = (db as unknown as { _runtimeDataModel?: { models: Record<string, RuntimeModel> } })._runtimeDataModel;
  if (!runtime) throw new Error("This Prisma client exposes no runtime data model; copyDatabase needs it to list the models.");
  return Object.entries(runtime.models).map(([model, m]) => ({
    model,
    delegate: model.charAt(0).toLowerCase() + model.slice(1),
    table: m.dbName ?? model,
    fields: m.fields.filter((f) => f.kind === "scalar" || f.kind === "enum").map((f) => ({ name: f.name, column: f.dbName ?? f.name })),
  }));
}

async function listUnknownTables(source: Database, models: ModelInfo[]): Promise<string[]> {
  const known = new Set([...models.map((m) => m.table), "_prisma_migrations"]);
  const rows =
    dialectOf(source) === "sqlite"
      ? await source.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'`)
      : await source.$queryRawUnsafe<{ name: string }[]>(
          `SELECT c.relname::text AS "name" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()`,
        );
  const unknown: string[] = [];
  for (const { name } of rows.filter((r) => !known.has(r.name))) {
    if (await hasRows(source, quoteIdentifier(name))) unknown.push(name);
  }
  return unknown;
}

/** Every table in every schema of the target that holds a row, apart from the migration history. */
async function listFilledTables(target: Database): Promise<string[]> {
  const tables = await target.$queryRawUnsafe<{ schema: string; name: string }[]>(
    `SELECT n.nspname::text AS "schema", c.relname::text AS "name" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND c.relname <> '_prisma_migrations'
     ORDER BY 1, 2`,
  );
  const filled: string[] = [];
  for (const { schema, name } of tables) {
    if (await hasRows(target, `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`)) filled.push(`${schema}.${name}`);
  }
  return filled;
}

async function hasRows(db: Database, qualifiedTable: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM ${qualifiedTable} LIMIT 1`);
  return rows.length > 0;
}

/** Primary keys, foreign keys (and the references kept by triggers) and serial columns as the migrations created them on the target. */
async function planCopy(target: Database, models: ModelInfo[]): Promise<PlannedTable[]> {
  const keys = await target.$queryRawUnsafe<{ table: string; kind: string; columns: string; references: string | null; nullable: boolean }[]>(
    `SELECT t.relname::text AS "table", k.contype::text AS "kind", r.relname::text AS "references",
            string_agg(a.attname::text, ',' ORDER BY u.ord) AS "columns", bool_and(NOT a.attnotnull) AS "nullable"
     FROM pg_constraint k
     JOIN pg_class t ON t.oid = k.conrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     LEFT JOIN pg_class r ON r.oid = k.confrelid
     CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.attnum
     WHERE k.contype IN ('p', 'f') AND n.nspname = current_schema()
     GROUP BY k.oid, t.relname, k.contype, r.relname`,
  );
  keys.push(...referencesKeptByTriggers.map((r) => ({ table: r.table, kind: "f", columns: r.column, references: r.references, nullable: r.nullable })));
  const serials = await target.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
     WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
  );
  const byTable = new Map(models.map((m) => [m.table, m]));
  const fieldOf = (m: ModelInfo, column: string) => {
    const field = m.fields.find((f) => f.column === column);
    if (!field) throw new Error(`Column ${m.table}.${column} on the target has no field in the ${m.model} model.`);
    return field.name;
  };
  const order = listModelsInCopyOrder(
    models.map((m) => ({
      model: m.model,
      references: keys
        .filter((k) => k.kind === "f" && k.table === m.table && byTable.has(k.references ?? ""))
        .map((k) => ({ fields: k.columns.split(",").map((c) => fieldOf(m, c)), model: byTable.get(k.references!)!.model, nullable: k.nullable })),
    })),
  );
  return order.map(({ model, deferred }) => {
    const m = models.find((candidate) => candidate.model === model)!;
    const primary = keys.find((k) => k.kind === "p" && k.table === m.table);
    // Keyset paging needs a total order; every Relawan model has an @id or @@id.
    if (!primary) throw new Error(`Table ${m.table} has no primary key on the target; it cannot be copied page by page.`);
    return {
      ...m,
      primaryKey: primary.columns.split(",").map((c) => fieldOf(m, c)),
      deferred,
      serialColumns: serials.filter((s) => s.table === m.table).map((s) => s.column),
    };
  });
}

function pageSizeOf(table: PlannedTable, batchSize: number): number {
  return Math.max(1, Math.min(batchSize, Math.floor(parameterBudget / table.fields.length)));
}

async function copyTable(source: Db, target: Db, table: PlannedTable, pageSize: number, onProgress: CopyOptions["onProgress"]): Promise<void> {
  const from = delegateOf(source, table);
  const to = delegateOf(target, table);
  const total = await from.count();
  const nulls = Object.fromEntries(table.deferred.map((f) => [f, null]));
  const read = (last: Row | undefined) =>
    // Prisma's promises are lazy: Promise.resolve starts the query now.
    Promise.resolve(from.findMany({ where: last ? after(table.primaryKey, last) : undefined, orderBy: table.primaryKey.map((f) => ({ [f]: "asc" })), take: pageSize }));
  let copied = 0;
  onProgress?.({ model: table.model, copied, total });
  let page = await read(undefined);
  while (page.length > 0) {
    // Read the next page from the source while PostgreSQL stores this one.
    const next = page.length === pageSize ? read(page.at(-1)) : Promise.resolve([]);
    next.catch(() => undefined);
    await to.createMany({ data: table.deferred.length > 0 ? page.map((row) => ({ ...row, ...nulls })) : page });
    copied += page.length;
    onProgress?.({ model: table.model, copied, total: Math.max(total, copied) });
    page = await next;
  }
}

/** Second pass for references that had to wait (a contact referred by a contact copied later). */
async function fillDeferred(source: Db, target: Db, table: PlannedTable, pageSize: number): Promise<void> {
  const from = delegateOf(source, table);
  const to = delegateOf(target, table);
  const select = Object.fromEntries([...table.primaryKey, ...table.deferred].map((f) => [f, true]));
  const pick = (row: Row, fields: string[]) => Object.fromEntries(fields.map((f) => [f, row[f]]));
  let last: Row | undefined;
  for (;;) {
    const anySet = { OR: table.deferred.map((f) => ({ [f]: { not: null } })) };
    const page = await from.findMany({
      where: last ? { AND: [after(table.primaryKey, last), anySet] } : anySet,
      select,
      orderBy: table.primaryKey.map((f) => ({ [f]: "asc" })),
      take: pageSize,
    });
    for (const row of page) await to.updateMany({ where: pick(row, table.primaryKey), data: pick(row, table.deferred) });
    if (page.length < pageSize) return;
    last = page.at(-1);
  }
}

/** Rows whose key sorts after `last`: (a, b) > (x, y) is a > x OR (a = x AND b > y). */
function after(primaryKey: string[], last: Row): Row {
  const branches = primaryKey.map((field, i) => ({ ...Object.fromEntries(primaryKey.slice(0, i).map((f) => [f, last[f]])), [field]: { gt: last[field] } }));
  if (branches.length === 1) return branches[0]!;
  // The leading range lets the database walk the primary key index instead of scanning.
  const first = primaryKey[0]!;
  return { [first]: { gte: last[first] }, OR: branches };
}

// Rows were inserted with their ids, so the sequences still stand at 1; the next task or inbox
// item would collide with a copied one.
async function resetSequence(tx: Db, table: string, column: string): Promise<void> {
  const literal = quoteIdentifier(table).replaceAll("'", "''");
  await tx.$queryRawUnsafe(
    `SELECT setval(pg_get_serial_sequence('${literal}', '${column.replaceAll("'", "''")}'), COALESCE(MAX(${quoteIdentifier(column)}), 1), MAX(${quoteIdentifier(column)}) IS NOT NULL) FROM ${quoteIdentifier(table)}`,
  );
}

function delegateOf(db: Db, table: ModelInfo): Delegate {
  return (db as unknown as Record<string, Delegate>)[table.delegate]!;
}

/**
 * The name search's words and people's tags came as SQLite keeps them, ContactNameWord and
 * ContactTag rows; PostgreSQL keeps them on the contact (Contact.searchWords, contactSearchWords.ts;
 * Contact.tagList, contactTags.ts). As migrations contact_name_words_on_contact and
 * contact_tags_on_contact moved them.
 */
async function moveOntoContacts(tx: Db): Promise<void> {
  await tx.$executeRaw`UPDATE "Contact" c SET "searchWords" = w."words" FROM (SELECT "contactId", string_agg("word", ' ' ORDER BY "word") AS "words" FROM "ContactNameWord" GROUP BY "contactId") w WHERE c."id" = w."contactId"`;
  await tx.$executeRaw`DELETE FROM "ContactNameWord"`;
  await tx.$executeRaw`UPDATE "Contact" c SET "tagList" = t."tags" FROM (SELECT "contactId", array_agg("tag" ORDER BY "tag") AS "tags" FROM "ContactTag" GROUP BY "contactId") t WHERE c."id" = t."contactId"`;
  await tx.$executeRaw`DELETE FROM "ContactTag"`;
}
