// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and
// prisma/postgresql/migrations/<timestamp>_<name>/migration.sql (PostgreSQL) from the difference
// between the schema at git HEAD (or MIGRATION_BASE, e.g. main after a rebase) and the working schema. `prisma migrate dev` needs a shadow
// database and a native engine; this needs neither (offline-safe).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { toPostgresSchema } from "./toPostgresSchema.js";

const root = resolve(import.meta.dirname, "..");
const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("Usage: npm run db:new-migration -- <name>   (lowercase letters, digits and _ only)\n");
  process.exit(2);
}

// A branch whose migration was written before main gained others regenerates it against main.
const base = process.env.MIGRATION_BASE?.trim() || "HEAD";
const scratch = mkdtempSync(join(tmpdir(), "relawan-migration-"));
try {
  let previous: string | undefined;
  try {
    previous = execFileSync("git", ["show", `${base}:prisma/schema.prisma`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    previous = undefined;
  }
  const current = readFileSync(join(root, "prisma", "schema.prisma"), "utf8");
  // The PostgreSQL schema follows the working one; keep the committed copy in step too.
  writeFileSync(join(root, "prisma", "postgresql", "schema.prisma"), toPostgresSchema(current));
  const dialects = [
    { folder: join("prisma", "migrations"), from: previous, to: current },
    { folder: join("prisma", "postgresql", "migrations"), from: previous === undefined ? undefined : toPostgresSchema(previous), to: toPostgresSchema(current) },
  ].map((dialect, i) => ({ ...dialect, sql: diffSchemas(dialect.from, dialect.to, join(scratch, String(i))) }));

  if (!dialects.some((dialect) => /\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/i.test(dialect.sql))) {
    process.stdout.write(`prisma/schema.prisma has no changes against ${base}; no migration written.\n`);
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const dialect of dialects) {
    const dir = join(dialect.folder, `${stamp}_${name}`);
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, "migration.sql"), dialect.sql);
    process.stdout.write(`Wrote ${join(dir, "migration.sql")}.\n`);
  }
  process.stdout.write("Review both, then commit them with the schema.\n");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** `prisma migrate diff` between two data models (or from nothing), as SQL for their provider. */
function diffSchemas(from: string | undefined, to: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "to.prisma"), to);
  let fromArgs = ["--from-empty"];
  if (from !== undefined) {
    writeFileSync(join(dir, "from.prisma"), from);
    fromArgs = ["--from-schema-datamodel", join(dir, "from.prisma")];
  }
  return execFileSync("npx", ["prisma", "migrate", "diff", ...fromArgs, "--to-schema-datamodel", join(dir, "to.prisma"), "--script"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/relawan.db" },
  });
}
