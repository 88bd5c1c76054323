// GET /audit (admins, as /audit in the chat): the log of staff actions, filtered by who, what and when.
import { actorLabel, describeAction } from "../../conversation/flows/staffAudit.js";
import { personLabel } from "../../conversation/flows/staffFormat.js";
import { listAuditActions } from "../../domain/audit/listAuditActions.js";
import { readAuditLog, type AuditFilter } from "../../domain/audit/readAuditLog.js";
import { listStaff } from "../../domain/staff/listStaff.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import { localDayRange } from "../../domain/time/localDayRange.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { readCursor, writeCursor } from "../pageCursor.js";
import { showMessage } from "../servePage.js";

const PAGE_SIZE = 50;

export const showAuditPage: DashboardPage = {
  method: "GET",
  url: "/audit",
  permission: "audit",
  nav: "audit",
  async handle(context) {
    const { deps, t, language } = context;
    const query = context.request.query as Record<string, unknown>;
    const text = (name: string) => (typeof query[name] === "string" ? (query[name] as string).trim().slice(0, 200) : "");
    const chosen = { actor: text("aktor"), action: text("aksi"), from: text("dari"), to: text("sampai") };
    const [actions, { staff }] = await Promise.all([listAuditActions(deps.db), listStaff(deps.db)]);
    const actors = [
      ...staff.map((member) => ({ value: member.id, label: `${personLabel(t, member)} (${t(`staff.role.${member.role}`)})` })),
      { value: "cli", label: t("audit.actor.cli") },
      { value: "config", label: t("audit.actor.config") },
    ];
    const filter: AuditFilter = {};
    if (chosen.actor) filter.actor = chosen.actor;
    if (chosen.action) filter.action = chosen.action;
    const from = chosen.from ? localDayRange(chosen.from, deps.timeZone) : undefined;
    const to = chosen.to ? localDayRange(chosen.to, deps.timeZone) : undefined;
    if (from) filter.from = from.start;
    if (to) filter.to = to.end;
    const cursor = text("sebelum") ? readCursor(text("sebelum")) : undefined;
    if (cursor) filter.before = cursor;
    // A filter the page did not offer (a hand-edited address) is said plainly, not silently dropped.
    const unknown =
      (chosen.actor !== "" && !actors.some((a) => a.value === chosen.actor) && !/^c[a-z0-9]{20,30}$/.test(chosen.actor)) ||
      (chosen.action !== "" && !actions.includes(chosen.action)) ||
      (chosen.from !== "" && !from) ||
      (chosen.to !== "" && !to) ||
      (text("sebelum") !== "" && !cursor);
    if (unknown) return showMessage(context, 400, "badFilter");

    const entries = await readAuditLog(deps.db, PAGE_SIZE + 1, filter);
    const shown = entries.slice(0, PAGE_SIZE);
    const last = shown.at(-1);
    const next = new URLSearchParams({ aktor: chosen.actor, aksi: chosen.action, dari: chosen.from, sampai: chosen.to, sebelum: last ? writeCursor(last) : "" });
    const more = entries.length > PAGE_SIZE ? `/audit?${next.toString()}` : undefined;
    const rows = shown.map((entry) => ({
      time: formatLocalTime(entry.at, language, deps.timeZone),
      actor: actorLabel(t, entry),
      action: entry.action,
      description: describeAction(t, entry),
    }));
    return context.render("pages/showAuditPage", { rows, actors, actions, chosen, more }, { title: t("dashboard:audit.title") });
  },
};
