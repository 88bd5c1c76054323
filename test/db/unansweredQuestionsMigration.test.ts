// Issue 14.6: unanswered questions were written twice (UnansweredQuestion and InboxItem). The
// migration that keeps only InboxItem moves every question that had no inbox twin, loses none,
// and copies none twice. Runs on SQLite, and on PostgreSQL in `npm run test:pg`.
import { afterEach, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/applyMigrations.js";
import { testDialect } from "../support/createTestDatabase.js";
import { databaseBefore, migrationsDir, type Cleanup } from "../support/migrationDatabases.js";

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

it("moves the questions that were only in UnansweredQuestion into the inbox, and drops the table", async () => {
  const { db, migration: merge } = await databaseBefore("unanswered_questions_in_inbox", cleanup);

  const at = (iso: string) => new Date(iso);
  await db.$executeRaw`INSERT INTO "Contact" ("id", "language", "lastActiveAt") VALUES ('siti', 'id', ${at("2026-11-20T00:00:00Z")}), ('budi', 'en', ${at("2026-11-20T00:00:00Z")})`;
  // Siti's question was in both tables and has been answered: it stays one answered item.
  await db.$executeRaw`INSERT INTO "InboxItem" ("contactId", "kind", "text", "language", "channel", "status", "createdAt", "answer")
    VALUES ('siti', 'question', 'Kapan debat?', 'id', 'telegram', 'answered', ${at("2026-11-21T01:00:00Z")}, 'Tanggal 5.')`;
  await db.$executeRaw`INSERT INTO "UnansweredQuestion" ("id", "contactId", "text", "language", "channel", "status", "createdAt")
    VALUES ('q1', 'siti', 'Kapan debat?', 'id', 'telegram', 'open', ${at("2026-11-21T01:00:00Z")})`;
  // Budi's sixth open question never reached the inbox; a question of a contact who is gone has no one to answer.
  await db.$executeRaw`INSERT INTO "UnansweredQuestion" ("id", "contactId", "text", "language", "channel", "status", "createdAt")
    VALUES ('q2', 'budi', 'Where is the rally?', 'en', 'whatsapp', 'open', ${at("2026-11-21T02:00:00Z")}),
           ('q3', NULL, 'siapa saya', 'id', 'console', 'open', ${at("2026-11-21T03:00:00Z")})`;

  const applied = await applyMigrations(db, migrationsDir);
  expect(applied.applied[0]).toBe(merge);
  const items = await db.inboxItem.findMany({ orderBy: { id: "asc" }, select: { contactId: true, kind: true, text: true, language: true, channel: true, status: true, createdAt: true } });
  expect(items).toEqual([
    { contactId: "siti", kind: "question", text: "Kapan debat?", language: "id", channel: "telegram", status: "answered", createdAt: at("2026-11-21T01:00:00Z") },
    { contactId: "budi", kind: "question", text: "Where is the rally?", language: "en", channel: "whatsapp", status: "open", createdAt: at("2026-11-21T02:00:00Z") },
  ]);
  const tables = await db.$queryRawUnsafe<unknown[]>(
    testDialect === "postgresql" ? `SELECT 1 FROM information_schema.tables WHERE table_name = 'UnansweredQuestion'` : `SELECT 1 FROM sqlite_master WHERE name = 'UnansweredQuestion'`,
  );
  expect(tables).toEqual([]);
});
