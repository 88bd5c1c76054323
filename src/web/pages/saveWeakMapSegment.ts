// POST /map/segment (staff who may make segments, as the chat's "save these regions" button): the
// contacts of the regions on the map below a threshold of their target volunteers, kept as a new
// segment through the same domain functions as /wilayahlemah and `relawan regions weak --save-segment`.
import { findMapRegion } from "../../domain/maps/findMapRegion.js";
import { parseMapFigure } from "../../domain/maps/mapFigures.js";
import { findWeakRegions } from "../../domain/regions/findWeakRegions.js";
import { parseCoverageThreshold } from "../../domain/regions/parseCoverageThreshold.js";
import { saveWeakRegionSegment } from "../../domain/regions/saveWeakRegionSegment.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";
import { renderMapPage } from "./showMapPage.js";

export const saveWeakMapSegment: DashboardPage = {
  method: "POST",
  url: "/map/segment",
  permission: "segments",
  async handle(context) {
    const { deps, t } = context;
    const body = (context.request.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string).trim().slice(0, 200) : "");
    const figure = parseMapFigure(text("figure") || "coverage");
    if (figure === undefined) return showMessage(context, 400, "unknownFigure");
    const found = text("region") === "" ? { status: "country" as const } : await findMapRegion(deps.regions, text("region"));
    if (found.status !== "country" && found.status !== "found") return showMessage(context, 404, "unknownRegion");
    const regionCode = found.status === "found" ? found.region.code : null;
    const form = { threshold: text("threshold"), name: text("name") };
    const answer = (kind: "saved" | "problem", message: string, status = 200) => renderMapPage(context, { figure, regionCode, form, notice: { kind, text: message }, status });

    const thresholdPercent = parseCoverageThreshold(form.threshold);
    if (thresholdPercent === undefined) return answer("problem", t("mapping:weak.badThreshold", { value: form.threshold.slice(0, 20) }), 400);
    const scopeName = regionCode === null ? "Indonesia" : (deps.regions.get(regionCode)?.name ?? regionCode);
    if (regionCode !== null && deps.regions.get(regionCode)?.level === "district") await deps.regions.loadVillages();
    const weak = await findWeakRegions(deps.db, deps.regions, { regionCode, thresholdPercent, activeDays: deps.activeVolunteerDays, now: deps.clock() });
    if (weak.status === "level_not_below") return answer("problem", t("mapping:weak.levelNotBelow", { level: t(`mapping:level.${weak.level}`), region: scopeName }), 400);
    if (weak.status !== "ok") return showMessage(context, 404, "unknownRegion");
    const threshold = `${thresholdPercent}%`;
    const level = t(`mapping:levelPlural.${weak.level}`);
    if (weak.judged === 0) return answer("problem", t("mapping:weak.noTargets", { level, region: scopeName }));
    if (weak.weak.length === 0) return answer("problem", t("mapping:weak.none", { level, region: scopeName, threshold }));
    const saved = await saveWeakRegionSegment(deps.db, { name: form.name, regionCodes: weak.weak.map((row) => row.code), actor: context.staff!.id, at: deps.clock() });
    if (saved.status === "name_taken") return answer("problem", t("mapping:weak.nameTaken", { name: form.name.slice(0, 60) }), 409);
    if (saved.status === "bad_name") return answer("problem", t("mapping:weak.badName"), 400);
    return answer("saved", t("mapping:weak.saved", { name: saved.name, count: weak.weak.length }));
  },
};
