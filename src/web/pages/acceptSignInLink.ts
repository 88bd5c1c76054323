// POST /masuk: trades the one-time link for a session cookie, or says why it cannot.
import { signInWithLink } from "../../domain/dashboard/signInWithLink.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";
import { setSessionCookie } from "../sessionCookie.js";

export const acceptSignInLink: DashboardPage = {
  method: "POST",
  url: "/masuk",
  permission: null,
  rateLimited: true,
  async handle(context) {
    const { deps } = context;
    const token = (context.request.body as { token?: unknown } | undefined)?.token;
    const outcome = await signInWithLink(deps.db, { token: typeof token === "string" ? token : "", at: deps.clock(), sessionHours: deps.sessionHours });
    if (outcome.status !== "signed_in") return showMessage(context, outcome.status === "not_allowed" ? 403 : 401, `link.${outcome.status}`);
    setSessionCookie(context.reply, outcome.sessionToken, { expires: outcome.expiresAt, secure: deps.url.startsWith("https:") });
    return context.reply.redirect("/", 303);
  },
};
