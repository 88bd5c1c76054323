// Prisma CLI configuration for PostgreSQL: `npx prisma <command> --config prisma/postgresql/prisma.config.ts`.
// Paths are relative to this folder. generate and migrate status work offline through the pg
// adapter; migrate deploy through it fails (prisma/orm#27403), so Relawan applies these
// migrations itself at start-up (src/db/applyMigrations.ts), recording them as Prisma does.
// On a machine that can fetch Prisma's native schema engine, PRISMA_CLASSIC_ENGINE=1 makes
// `migrate deploy` use it instead.
import { config as loadDotenv } from "dotenv";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

loadDotenv({ quiet: true });
// generate needs no database; the other commands need DATABASE_URL=postgresql://...
const url = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "postgresql://postgres@127.0.0.1:5432/relawan";
process.env.DATABASE_URL = url;
const paths = { schema: "schema.prisma", migrations: { path: "migrations" } };

export default process.env.PRISMA_CLASSIC_ENGINE === "1"
  ? defineConfig({ ...paths, engine: "classic", datasource: { url } })
  : defineConfig({
      ...paths,
      engine: "js",
      experimental: { adapter: true },
      async adapter() {
        return new PrismaPg({ connectionString: url });
      },
    });
