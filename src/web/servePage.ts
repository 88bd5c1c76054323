// Every request to a page: who is signed in (read from the database each time), the role check
// the chat makes for the same thing, then the page; and the pages that say what went wrong.
import type { FastifyReply, FastifyRequest } from "fastify";
import { recordAudit } from "../domain/audit/recordAudit.js";
import { readDashboardSession, type DashboardStaff } from "../domain/dashboard/readDashboardSession.js";
import { hasPermission } from "../domain/staff/hasPermission.js";
import type { RenderTemplate } from "./createPageRenderer.js";
import type { DashboardDeps, DashboardPage, PageContext } from "./dashboardTypes.js";
import type { LiveHub } from "./live/createLiveHub.js";
import { clearSessionCookie, LANGUAGE_COOKIE, SESSION_COOKIE } from "./sessionCookie.js";

export interface Site {
  deps: DashboardDeps;
  render: RenderTemplate;
  pages: readonly DashboardPage[];
  secure: boolean;
  live: LiveHub;
}

export async function servePage(site: Site, page: DashboardPage, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { db, clock } = site.deps;
  const now = clock();
  const session = await readDashboardSession(db, request.cookies[SESSION_COOKIE], now);
  const staff = session.status === "signed_in" ? session.staff : undefined;
  const context = createContext(site, request, reply, staff);
  if (page.permission === null) return page.handle(context);
  if (!staff) {
    if (request.cookies[SESSION_COOKIE]) clearSessionCookie(reply, site.secure);
    return showMessage(context, 401, session.status === "revoked" ? "revoked" : "signedOut");
  }
  if (!hasPermission(staff.role, page.permission)) {
    // As in the chat: the attempt is logged, and the page says only that it is not for this role.
    await recordAudit(db, { actor: staff.id, action: "denied", target: `${page.method} ${page.url}`, details: { role: staff.role, channel: "dashboard" }, at: now });
    return showMessage(context, 403, "forbidden");
  }
  return page.handle(context);
}

/** Any error fastify or a page raised, as a page in the reader's language; unexpected ones are logged. */
export function showProblem(site: Site, request: FastifyRequest, reply: FastifyReply, error: { statusCode?: number; code?: string }): FastifyReply {
  const status = error.statusCode ?? 500;
  const context = createContext(site, request, reply, undefined);
  if (typeof error.code === "string" && error.code.startsWith("FST_CSRF")) return showMessage(context, 403, "csrf");
  if (status === 404) return showMessage(context, 404, "notFound");
  if (status === 429) return showMessage(context, 429, "tooMany");
  if (status >= 400 && status < 500) return showMessage(context, status, "badRequest");
  site.deps.logger.error({ err: error, url: request.url.slice(0, 200), method: request.method }, "dashboard request failed");
  return showMessage(context, 500, "failed");
}

/** A page with a heading and a sentence saying what to do: dashboard:problem.<kind>.title / .text. */
export function showMessage(context: PageContext, status: number, kind: string): FastifyReply {
  const { t } = context;
  return context.render("pages/showMessagePage", { heading: t(`dashboard:problem.${kind}.title`), text: t(`dashboard:problem.${kind}.text`) }, { status, title: t(`dashboard:problem.${kind}.title`) });
}

function createContext(site: Site, request: FastifyRequest, reply: FastifyReply, staff: DashboardStaff | undefined): PageContext {
  const { translator } = site.deps;
  const chosen = request.cookies[LANGUAGE_COOKIE];
  const language = chosen && translator.languages.includes(chosen) ? chosen : (staff?.language ?? translator.defaultLanguage);
  const t = translator.forLanguage(language);
  const csrfToken = reply.generateCsrf();
  const path = request.url.length <= 300 ? request.url : "/";
  const nav = staff
    ? site.pages
        .filter((p) => p.nav && p.permission && hasPermission(staff.role, p.permission))
        .map((p) => ({ url: p.url, label: t(`dashboard:nav.${p.nav}`), current: request.routeOptions.url === p.url }))
    : [];
  const common = { t, language, languages: translator.languages, staff, csrfToken, path, nav };
  return {
    request,
    reply,
    deps: site.deps,
    staff,
    language,
    t,
    csrfToken,
    live: site.live,
    render(template, data, options = {}) {
      const body = site.render(template, { ...common, ...data });
      const html = site.render("layout", { ...common, body, title: options.title ?? t("dashboard:title") });
      return reply
        .code(options.status ?? 200)
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(html);
    },
  };
}
