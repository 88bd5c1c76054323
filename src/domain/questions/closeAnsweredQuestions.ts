import type { Db } from "../../db/client.js";

/**
 * A question the team has answered with a new FAQ entry is no longer a gap in the FAQ: it and
 * every open copy of the same words (case and spaces aside, as the stats group them) leave the
 * unanswered list. Returns how many did.
 */
export async function closeAnsweredQuestions(db: Db, text: string): Promise<number> {
  return db.$executeRaw`
    UPDATE "UnansweredQuestion" SET "status" = 'answered'
    WHERE "status" = 'open' AND LOWER(TRIM("text")) = LOWER(TRIM(${text}))`;
}
