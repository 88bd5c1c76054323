import type { Db } from "../../db/client.js";

/** Where a person is in a flow, kept between turns (and across restarts). `data` is the flow's answers as JSON. */
export async function saveConversationState(db: Db, contactId: string, state: { flow: string; step: string; data: string }): Promise<void> {
  await db.conversationState.upsert({ where: { contactId }, create: { contactId, ...state }, update: state });
}
