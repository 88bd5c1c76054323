// The scheduled broadcast an edit page is about, or the page saying why it cannot be changed:
// 404 when there is none, 409 once it has started (editScheduledBroadcast refuses the same).
import { broadcastRef } from "../domain/broadcasts/broadcastRef.js";
import { findBroadcast, type FoundBroadcast } from "../domain/broadcasts/findBroadcast.js";
import type { PageContext } from "./dashboardTypes.js";
import { readBroadcastParam } from "./pages/showBroadcastPage.js";
import { showMessage } from "./servePage.js";

export type EditableBroadcast = { status: "ok"; broadcast: FoundBroadcast; editing: { id: string; ref: string } } | { status: "answered"; reply: ReturnType<PageContext["render"]> };

export async function findEditableBroadcast(context: PageContext): Promise<EditableBroadcast> {
  const ref = readBroadcastParam(context);
  const broadcast = ref ? await findBroadcast(context.deps.db, ref) : undefined;
  if (!broadcast) return { status: "answered", reply: showMessage(context, 404, "noBroadcast") };
  const editing = { id: broadcast.id, ref: broadcastRef(broadcast.id) };
  const due = broadcast.scheduledAt.getTime() <= context.deps.clock().getTime();
  if (broadcast.status !== "scheduled" || due) return { status: "answered", reply: showStarted(context, editing, broadcast.status === "scheduled" ? "sending" : broadcast.status) };
  return { status: "ok", broadcast, editing };
}

/** 409: this broadcast has started (or is no longer scheduled), with the way to its page. */
export function showStarted(context: PageContext, editing: { id: string; ref: string }, current: string): ReturnType<PageContext["render"]> {
  const { t } = context;
  const heading = t("dashboard:compose.editTitle", { ref: editing.ref });
  const text = t("dashboard:compose.problem.started", { ref: editing.ref, state: t(`broadcast.state.${current}`, { defaultValue: current }) });
  return context.render("pages/showMessagePage", { heading, text, link: { url: `/siaran/${editing.id}`, label: t("dashboard:broadcast.title", { ref: editing.ref }) } }, { status: 409, title: heading });
}
