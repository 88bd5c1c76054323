// PostgreSQL's own migrations (prisma/postgresql): the same data model as SQLite's, applied at
// start-up by our code because Prisma's migrate cannot run through the pg adapter (prisma/orm#27403).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, splitStatements } from "../../src/db/applyMigrations.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { referencesKeptByTriggers } from "../../src/db/referencesKeptByTriggers.js";
import { toPostgresSchema } from "../../scripts/toPostgresSchema.js";
import { createPostgresDatabase, repoRoot, testDialect } from "../support/createTestDatabase.js";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function migrationNames(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("the PostgreSQL schema and migrations", () => {
  it("prisma/postgresql/schema.prisma is prisma/schema.prisma with the provider swapped (npm run db:pg-schema)", () => {
    const committed = readFileSync(join(repoRoot, "prisma/postgresql/schema.prisma"), "utf8");
    expect(committed).toBe(toPostgresSchema(readFileSync(join(repoRoot, "prisma/schema.prisma"), "utf8")));
    expect(committed).toContain('provider = "postgresql"');
  });

  it("has one migration for every SQLite migration, with the same name (npm run db:new-migration writes both)", () => {
    expect(migrationNames("prisma/postgresql/migrations")).toEqual(migrationNames("prisma/migrations"));
    expect(readFileSync(join(repoRoot, "prisma/postgresql/migrations/migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });
});

async function emptyDatabase(): Promise<Database> {
  return (await emptyDatabaseAt()).db;
}

async function emptyDatabaseAt(): Promise<{ db: Database; url: string }> {
  const created = await createPostgresDatabase();
  const db = await openDatabase(created.url);
  cleanup.push(() => created.remove(), () => db.$disconnect());
  return { db, url: created.url };
}

// What the migrations add that Prisma's data model cannot say: the key columns that compare
// bytewise (migration key_columns_collate_c), as "table.column".
const bytewiseColumns = new Set([
  "Contact.id", "Contact.phone", "Contact.referredByCode",
  "ContactNameWord.word", "ContactNameWord.contactId",
  "ChannelIdentity.id", "ChannelIdentity.contactId", "ChannelIdentity.channel", "ChannelIdentity.externalId",
  "ContactTag.contactId", "ContactTag.tag",
  "ConsentRecord.id", "ConsentRecord.contactId",
  "Volunteer.contactId", "Volunteer.referralCode",
  "ConversationState.contactId", "Delivery.contactId", "TaskAssignment.contactId", "InboxItem.contactId",
  "QuestionChoice.contactId", "DashboardLink.contactId", "DashboardSession.contactId",
]);

// ... and the GIN index that finds the name search's words (migration contact_name_words_on_contact).
const searchWordsIndex = {
  tablename: "Contact",
  indexname: "Contact_searchWords_idx",
  indexdef: `CREATE INDEX "Contact_searchWords_idx" ON public."Contact" USING gin (array_to_tsvector(string_to_array("searchWords", ' '::text)))`,
};

// ... and the GIN index that finds people's tags (migration contact_tags_on_contact).
const tagListIndex = {
  tablename: "Contact",
  indexname: "Contact_tagList_idx",
  indexdef: `CREATE INDEX "Contact_tagList_idx" ON public."Contact" USING gin ("tagList")`,
};

// ... and two of Delivery's indexes holding only the rows they can find (migration delivery_partial_indexes).
const partialIndexes: Record<string, string> = {
  Delivery_taskId_contactId_kind_key: `CREATE UNIQUE INDEX "Delivery_taskId_contactId_kind_key" ON public."Delivery" USING btree ("taskId", "contactId", kind) WHERE ("taskId" IS NOT NULL)`,
  Delivery_channel_platformMessageId_idx: `CREATE INDEX "Delivery_channel_platformMessageId_idx" ON public."Delivery" USING btree (channel, "platformMessageId") WHERE ("platformMessageId" IS NOT NULL)`,
};

// ... and without the foreign keys whose references triggers keep (migration delivery_parents_checked_per_statement).
const keptByTriggers = new Set(referencesKeptByTriggers.map((r) => `${r.table}_${r.column}_fkey`));

/** The data model's schema with the migrations' additions above. */
function withMigrationsAdditions(schema: { columns: Record<string, unknown>[]; indexes: Record<string, unknown>[]; constraints: Record<string, unknown>[] }): unknown {
  const columns = schema.columns.map((column) =>
    bytewiseColumns.has(`${String(column.table_name)}.${String(column.column_name)}`) ? { ...column, collation_name: "C" } : column,
  );
  const indexes = schema.indexes.map((index) => {
    const partial = partialIndexes[String(index.indexname)];
    return partial === undefined ? index : { ...index, indexdef: partial };
  });
  const constraints = schema.constraints.filter((constraint) => !keptByTriggers.has(String(constraint.conname)));
  return { ...schema, columns, indexes: byIndexName([...indexes, searchWordsIndex, tagListIndex]), constraints };
}

const byIndexName = (indexes: Record<string, unknown>[]) => [...indexes].sort((a, b) => (String(a.indexname) < String(b.indexname) ? -1 : 1));

// A structural description of the public schema, independent of column order (casts as below).
async function describeSchema(db: Database): Promise<unknown> {
  const columns = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT table_name::text, column_name::text, data_type::text, character_maximum_length::int, datetime_precision::int, is_nullable::text, column_default::text, collation_name::text
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, column_name`;
  const indexes = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT tablename::text, indexname::text, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`;
  const constraints = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT conrelid::regclass::text AS "table", conname::text, pg_get_constraintdef(oid) AS "definition"
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY conname`;
  return { columns, indexes: byIndexName(indexes), constraints };
}

describe.skipIf(testDialect !== "postgresql")("PostgreSQL migrations at start-up", () => {
  it("build exactly the schema Prisma derives from the data model", async () => {
    const migrated = await emptyDatabase();
    await applyMigrations(migrated);
    const fromModel = await emptyDatabase();
    const script = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgresql/schema.prisma", "--script"],
      { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    for (const statement of splitStatements(script)) await fromModel.$executeRawUnsafe(statement);
    const fromModelSchema = (await describeSchema(fromModel)) as { columns: Record<string, unknown>[]; indexes: Record<string, unknown>[]; constraints: Record<string, unknown>[] };
    expect(fromModelSchema.columns.length).toBeGreaterThan(50);
    const expected = withMigrationsAdditions(fromModelSchema) as { columns: Record<string, unknown>[]; indexes: Record<string, unknown>[]; constraints: unknown[] };
    // Every listed column exists (a renamed one would silently leave the list).
    expect(expected.columns.filter((column) => column.collation_name === "C")).toHaveLength(bytewiseColumns.size);
    // ... and every listed index (a renamed one would silently leave the list).
    const partial = expected.indexes.filter((index) => String(index.indexdef).includes(" WHERE "));
    expect(partial.map((index) => index.indexname)).toEqual(Object.keys(partialIndexes).sort());
    // ... and every foreign key that triggers replace.
    expect(fromModelSchema.constraints.length - expected.constraints.length).toBe(keptByTriggers.size);
    expect(await describeSchema(migrated)).toEqual(expected);
  });

  it("create _prisma_migrations with the column types Prisma's schema engine uses", async () => {
    const db = await emptyDatabase();
    await applyMigrations(db);
    // information_schema's own types (sql_identifier, cardinal_number) need casts for the pg adapter.
    const columns = await db.$queryRaw<{ column_name: string; data_type: string; character_maximum_length: number | null; is_nullable: string }[]>`
      SELECT column_name::text, data_type::text, character_maximum_length::int, is_nullable::text FROM information_schema.columns
      WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`;
    expect(columns.map((c) => [c.column_name, c.data_type, c.character_maximum_length, c.is_nullable])).toEqual([
      ["id", "character varying", 36, "NO"],
      ["checksum", "character varying", 64, "NO"],
      ["finished_at", "timestamp with time zone", null, "YES"],
      ["migration_name", "character varying", 255, "NO"],
      ["logs", "text", null, "YES"],
      ["rolled_back_at", "timestamp with time zone", null, "YES"],
      ["started_at", "timestamp with time zone", null, "NO"],
      ["applied_steps_count", "integer", null, "NO"],
    ]);
    const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null; applied_steps_count: number }[]>`
      SELECT "migration_name", "finished_at", "applied_steps_count" FROM "_prisma_migrations" ORDER BY "migration_name"`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames("prisma/postgresql/migrations"));
    expect(rows.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1)).toBe(true);
  });

  it("apply once when several processes start at the same time", async () => {
    const { db: first, url } = await emptyDatabaseAt();
    const others: Database[] = [];
    for (let i = 0; i < 2; i++) {
      const other = await openDatabase(url);
      cleanup.push(() => other.$disconnect());
      others.push(other);
    }
    const reports = await Promise.all([first, ...others].map((db) => applyMigrations(db)));
    const total = migrationNames("prisma/postgresql/migrations").length;
    expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 0, total]);
    const rows = await first.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS "n" FROM "_prisma_migrations"`;
    expect(Number(rows[0]!.n)).toBe(total);
  });
});
