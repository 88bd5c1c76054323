import { Prisma } from "./client.js";

/** A write refused by a unique index: on PostgreSQL, the loser of two transactions racing to insert the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
