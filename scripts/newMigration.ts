// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference
// between the schema at git HEAD and the working schema. `prisma migrate dev`
// needs a shadow database and a native engine; this needs neither (offline-safe).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("Usage: npm run db:new-migration -- <name>   (lowercase letters, digits and _ only)\n");
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), "relawan-migration-"));
try {
  let from: string[];
  try {
    const previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    writeFileSync(join(scratch, "schema.prisma"), previous);
    from = ["--from-schema-datamodel", join(scratch, "schema.prisma")];
  } catch {
    from = ["--from-empty"];
  }
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/relawan.db" } },
  );
  if (!/\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/i.test(sql)) {
    process.stdout.write("prisma/schema.prisma has no changes against git HEAD; no migration written.\n");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join(root, "prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  process.stdout.write(`Wrote ${join("prisma", "migrations", `${stamp}_${name}`, "migration.sql")}. Review it, then commit it with the schema.\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
