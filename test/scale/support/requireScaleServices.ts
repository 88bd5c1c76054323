// The scale tests need the real PostgreSQL and Redis. Without them they skip loudly on a
// developer's machine, and fail in CI (CI=true), like test/support/requireService.ts.
import { postgresBaseUrl } from "../../support/createTestDatabase.js";
import { requireService } from "../../support/requireService.js";
import { redisBaseUrl } from "./startScaleRun.js";

export async function requireScaleServices(): Promise<boolean> {
  const postgres = new URL(postgresBaseUrl);
  const redis = new URL(redisBaseUrl);
  return (
    (await requireService("PostgreSQL", postgres.hostname, Number(postgres.port || 5432))) &&
    (await requireService("Redis", redis.hostname, Number(redis.port || 6379)))
  );
}
