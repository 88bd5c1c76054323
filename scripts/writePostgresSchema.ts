// npm run db:pg-schema (and postinstall): writes prisma/postgresql/schema.prisma from
// prisma/schema.prisma, so PostgreSQL uses the same data model; see toPostgresSchema.ts.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { toPostgresSchema } from "./toPostgresSchema.js";

const root = resolve(import.meta.dirname, "..");
const target = join(root, "prisma", "postgresql", "schema.prisma");
mkdirSync(join(root, "prisma", "postgresql"), { recursive: true });
writeFileSync(target, toPostgresSchema(readFileSync(join(root, "prisma", "schema.prisma"), "utf8")));
