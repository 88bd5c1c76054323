// The one place that asks which SQL a database speaks. Raw SQL is written to run on both
// SQLite and PostgreSQL; only what cannot be branches here.
import type { Db } from "./client.js";

export type Dialect = "sqlite" | "postgresql";

/** The dialect of a client or of a transaction opened on one. */
export function dialectOf(db: Db): Dialect {
  // Every Prisma client (and the transaction clients it hands out) carries the provider it was
  // generated for; there is no public accessor.
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`Unknown database provider: ${String(provider)}`);
}
