import type { Db } from "../../db/client.js";

/** The variants staff kept from picks, for the matcher built at start-up. */
export async function readFaqVariants(db: Db): Promise<Array<{ faqId: string; language: string; text: string }>> {
  return db.faqVariant.findMany({ select: { faqId: true, language: true, text: true }, orderBy: { id: "asc" } });
}
