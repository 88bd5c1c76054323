import type { Db } from "../../db/client.js";

/** Everything Relawan stores about one person, for /datasaya (UU PDP right of access). */
export async function readPersonalData(db: Db, contactId: string) {
  return db.contact.findUniqueOrThrow({
    where: { id: contactId },
    include: {
      identities: { orderBy: { createdAt: "asc" } },
      tags: { orderBy: { tag: "asc" } },
      consents: { orderBy: { recordedAt: "asc" } },
      volunteer: true,
      questions: { orderBy: { createdAt: "asc" } },
      inboxItems: { orderBy: { id: "asc" } },
    },
  });
}

export type PersonalData = Awaited<ReturnType<typeof readPersonalData>>;
