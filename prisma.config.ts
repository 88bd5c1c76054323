// Prisma CLI configuration. The JS schema engine + driver adapter keep every
// CLI command we use offline (no native engine download); see README#database.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { config as loadDotenv } from "dotenv";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

loadDotenv({ quiet: true });
// The CLI needs DATABASE_URL set even though the adapter does the connecting.
process.env.DATABASE_URL ??= "file:./data/relawan.db";
const url = process.env.DATABASE_URL;
// better-sqlite3 cannot create the folder; on a fresh clone ./data does not exist yet.
if (url.startsWith("file:")) mkdirSync(dirname(url.slice("file:".length)), { recursive: true });

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
