// Every request to a page: who is signed in (read from the database each time), the role check
// the chat makes for the same thing, then the page; and the pages that say what went wrong.
import type { FastifyReply, FastifyRequest } from "fastify";
import { recordAudit } from "../domain/audit/recordAudit.js";
import { readDashboardSession, type DashboardStaff } from "../domain/dashboard/readDashboardSession.js";
import { checkStaffPermission, type PermissionCheck } from "../domain/staff/checkStaffPermission.js";
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
  const check = checkStaffPermission(staff.role, page.permission);
  if (check.status === "not_allowed") {
    // As in the chat: the attempt is logged; the page says who may do this instead.
    await recordAudit(db, { actor: staff.id, action: "denied", target: `${page.method} ${page.url}`, details: { role: staff.role, channel: "dashboard" }, at: now });
    return showRefusal(context, check);
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

/** 403 for a refusal from the domain: what this action is, which roles may do it, and the reader's own role. */
export function showRefusal(context: PageContext, refusal: Extract<PermissionCheck, { status: "not_allowed" }>): FastifyReply {
  const { t, language } = context;
  const roles = new Intl.ListFormat(language, { type: "conjunction" }).format(refusal.allowedRoles.map((role) => t(`dashboard:roles.${role}`)));
  const text = t("dashboard:problem.forbidden.text", {
    action: t(`dashboard:permission.${refusal.permission.replace(".", "_")}`),
    roles,
    role: refusal.role ? t(`staff.role.${refusal.role}`) : t("staff.role.voter"),
  });
  const title = t("dashboard:problem.forbidden.title");
  return context.render("pages/showMessagePage", { heading: title, text }, { status: 403, title });
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
