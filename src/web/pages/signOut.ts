// POST /keluar: ends this browser's session (/dasbor keluar in the chat ends them all).
import { signOutOfDashboard } from "../../domain/dashboard/signOutOfDashboard.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";
import { clearSessionCookie, SESSION_COOKIE } from "../sessionCookie.js";

export const signOut: DashboardPage = {
  method: "POST",
  url: "/keluar",
  permission: "dashboard",
  async handle(context) {
    const { deps, staff } = context;
    const token = context.request.cookies[SESSION_COOKIE] ?? "";
    await signOutOfDashboard(deps.db, { contactId: staff!.id, actor: staff!.id, at: deps.clock(), scope: { kind: "browser", sessionToken: token } });
    clearSessionCookie(context.reply, deps.url.startsWith("https:"));
    return showMessage(context, 200, "signedOutNow");
  },
};
