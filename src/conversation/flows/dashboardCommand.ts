// /dasbor (/dashboard): a one-time sign-in link to the staff dashboard; /dasbor keluar signs out
// of it everywhere. The role was checked by staffCommands.ts ("dashboard"), as for every staff command.
import { createSignInLink, SIGN_IN_LINK_MINUTES } from "../../domain/dashboard/createSignInLink.js";
import { signOutOfDashboard } from "../../domain/dashboard/signOutOfDashboard.js";
import type { Turn } from "../turn.js";
import { staffReply } from "./staffAccess.js";

export async function dashboardCommand(turn: Turn, sub: string): Promise<void> {
  const t = turn.t;
  if (sub === "keluar" || sub === "logout" || sub === "signout") {
    const { sessions } = await signOutOfDashboard(turn.tx, { contactId: turn.contact.id, actor: turn.contact.id, at: turn.now, scope: { kind: "everywhere" } });
    return staffReply(turn, t("dashboard:chat.signedOut", { count: sessions }));
  }
  if (sub !== "") return staffReply(turn, t("dashboard:chat.usage"));
  const url = turn.deps.dashboardUrl;
  if (!url) return staffReply(turn, t("dashboard:chat.off"));
  const outcome = await createSignInLink(turn.tx, { contactId: turn.contact.id, baseUrl: url, actor: turn.contact.id, at: turn.now });
  // The role was checked before this ran; a change in the same instant still gets no link.
  if (outcome.status !== "created") return staffReply(turn, t("dashboard:chat.usage"));
  staffReply(turn, t("dashboard:chat.link", { url: outcome.url, minutes: SIGN_IN_LINK_MINUTES }));
}
