// GET /bahasa/en?kembali=/audit: the language of the pages in this browser (the chat keeps its own).
import type { DashboardPage } from "../dashboardTypes.js";
import { safeReturnPath } from "../safeReturnPath.js";
import { LANGUAGE_COOKIE } from "../sessionCookie.js";

export const switchLanguage: DashboardPage = {
  method: "GET",
  url: "/bahasa/:language",
  permission: null,
  async handle(context) {
    const { language } = context.request.params as { language: string };
    const back = safeReturnPath((context.request.query as { kembali?: unknown }).kembali);
    if (context.deps.translator.languages.includes(language)) {
      context.reply.setCookie(LANGUAGE_COOKIE, language, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 86_400 });
    }
    return context.reply.redirect(back, 303);
  },
};
