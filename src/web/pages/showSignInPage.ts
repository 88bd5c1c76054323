// GET /masuk?token=…: the page a sign-in link opens. It only shows a button: the link is spent by
// the POST, so a chat app that fetches the link for a preview does not use it up.
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";

export const showSignInPage: DashboardPage = {
  method: "GET",
  url: "/masuk",
  permission: null,
  async handle(context) {
    const token = (context.request.query as { token?: unknown }).token;
    if (typeof token !== "string" || token === "") return showMessage(context, 401, "signedOut");
    context.reply.header("x-robots-tag", "noindex");
    return context.render("pages/showSignInPage", { token: token.slice(0, 200) }, { title: context.t("dashboard:signIn.title") });
  },
};
