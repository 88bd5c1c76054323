import { Prisma } from "./client.js";

/**
 * A write refused by a unique index: on PostgreSQL, the loser of two transactions racing to insert
 * the same key. Prisma's error, or the driver's under the bulk writer (SQLSTATE 23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  return error instanceof Error && (error as Error & { code?: unknown }).code === "23505";
}
