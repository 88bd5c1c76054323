import type { Command } from "commander";
import type { Database } from "../db/client.js";
import { isPostgresUrl } from "../db/databaseUrl.js";
import type { CopyResult, TableCount } from "../db/copyDatabase.js";
import type { Translate } from "../conversation/createTranslator.js";
import { cliTranslate, languageOption } from "./cliLanguage.js";
import type { CliIo, CliOutcome, RunWithContext } from "./runCli.js";

interface CopyOptions {
  to: string;
  batchSize: string;
  lang?: string;
  json?: boolean;
}

/** `relawan db copy --to postgresql://...`: moves a campaign from SQLite (or another PostgreSQL) to an empty PostgreSQL database. */
export function registerDbCommands(program: Command, run: RunWithContext, io: CliIo): void {
  const db = program.command("db").description("database maintenance: copy the campaign to PostgreSQL");
  db.command("copy")
    .description(
      "copy every row of the current database (DATABASE_URL) into an empty PostgreSQL database, migrating it first, then check " +
        "that every table has the same number of rows on both sides. Stop the bot first: a database that is being written to " +
        "does not copy consistently (a changed row count rolls the copy back). Afterwards point DATABASE_URL at the target.",
    )
    .requiredOption("--to <url>", "the target, postgresql://user:password@host:5432/name (created if missing; must hold no rows)")
    .option("--batch-size <rows>", "rows read and written at a time", "1000")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((options: CopyOptions) =>
      run(Boolean(options.json), async ({ db: source, config }, now): Promise<CliOutcome> => {
        // Loaded when the command runs, so `relawan --help` stays quick (see runCli.ts).
        const { openDatabase } = await import("../db/client.js");
        const { copyDatabase } = await import("../db/copyDatabase.js");
        const { dialectOf } = await import("../db/dialect.js");
        const { recordAudit } = await import("../domain/audit/recordAudit.js");
        const { t } = await cliTranslate(config, options.lang);
        const shown = hidePassword(options.to);
        if (!isPostgresUrl(options.to) || !URL.canParse(options.to)) {
          return refuse(t("cli.db.badUrl", { url: shown }), "bad_target_url");
        }
        if (isSameDatabase(config.DATABASE_URL, options.to)) {
          return refuse(t("cli.db.sameDatabase"), "same_database");
        }
        const batchSize = Number(options.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) return refuse(t("cli.batchSize"), "bad_batch_size");

        let target: Database;
        try {
          target = await openDatabase(options.to);
          await target.$queryRawUnsafe("SELECT 1");
        } catch (error) {
          return refuse(t("cli.db.cannotOpen", { url: shown, reason: error instanceof Error ? error.message : String(error) }), "target_unreachable");
        }
        try {
          const progress = createProgress(io.stderr as CliIo["stderr"] & { isTTY?: boolean }, t);
          const started = performance.now();
          const result = await copyDatabase(source, target, { batchSize, onProgress: progress.update }).finally(progress.stop);
          if (result.status !== "copied") return describeRefusal(t, result, shown);
          const seconds = Math.round((performance.now() - started) / 100) / 10;
          // Written after the counts were compared, so it is the one row the source does not have.
          await recordAudit(target, {
            actor: "cli",
            action: "db.copy",
            details: { from: dialectOf(source), rows: result.rows, tables: Object.fromEntries(result.tables.map((t) => [t.model, t.target])) },
            at: now,
          });
          const copied = t("cli.db.copied", { count: result.rows, rows: result.rows, from: dialectOf(source), to: shown, seconds });
          const text = [copied, "", formatCounts(t, result.tables), "", t("cli.db.allSame")].join("\n");
          return { code: 0, text, json: { status: "copied", target: shown, rows: result.rows, seconds, tables: result.tables, migrationsApplied: result.migrationsApplied } };
        } finally {
          await target.$disconnect();
        }
      }),
    );
}

function describeRefusal(t: Translate, result: Exclude<CopyResult, { status: "copied" }>, shown: string): CliOutcome {
  switch (result.status) {
    case "target_not_empty":
      return refuse(t("cli.db.notEmpty", { url: shown, tables: result.tables.join(", ") }), result.status, { tables: result.tables });
    case "unknown_tables":
      return refuse(t("cli.db.unknownTables", { tables: result.tables.join(", ") }), result.status, { tables: result.tables });
    case "count_mismatch": {
      const differing = result.tables.filter((c) => c.source !== c.target).map((c) => t("cli.db.countMismatchTable", { table: c.table, source: c.source, target: c.target }));
      return refuse(t("cli.db.countMismatch", { tables: differing.join("; ") }), result.status, { tables: result.tables });
    }
  }
}

function refuse(error: string, code: string, extra: Record<string, unknown> = {}): CliOutcome {
  return { code: 1, error, json: { error: code, message: error, ...extra } };
}

function formatCounts(t: Translate, tables: TableCount[]): string {
  const width = Math.max(5, ...tables.map((c) => c.table.length));
  const numbers = Math.max(6, ...tables.map((c) => String(c.source).length));
  const line = (name: string, a: string, b: string) => `${name.padEnd(width)}  ${a.padStart(numbers)}  ${b.padStart(numbers)}`;
  return [line(t("cli.db.table"), t("cli.db.source"), t("cli.db.target")), ...tables.map((c) => line(c.table, String(c.source), String(c.target)))].join("\n");
}

/** Same server and database name; user, password and options do not make it another database. */
function isSameDatabase(current: string, target: string): boolean {
  if (!isPostgresUrl(current) || !URL.canParse(current)) return false;
  const key = (url: URL) => {
    const host = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname.toLowerCase()) ? "localhost" : url.hostname.toLowerCase();
    return `${host}:${url.port || "5432"}/${decodeURIComponent(url.pathname.replace(/^\//, "")) || decodeURIComponent(url.username)}`;
  };
  return key(new URL(current)) === key(new URL(target));
}

function hidePassword(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

// One line per table on a terminal, rewritten in place; nothing in a log, where the summary says it all.
function createProgress(stderr: { write(text: string): unknown; isTTY?: boolean }, t: Translate) {
  let shown = false;
  return {
    update: ({ model, copied, total }: { model: string; copied: number; total: number }) => {
      if (!stderr.isTTY) return;
      stderr.write(`\r\x1b[2K${t("cli.db.progress", { table: model, copied, total })}`);
      shown = true;
    },
    stop: () => {
      if (shown) stderr.write("\r\x1b[2K");
    },
  };
}
