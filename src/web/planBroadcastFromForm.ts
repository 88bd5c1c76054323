// The broadcast form read into the plan the chat's wizard and the CLI make (parseImageUrl,
// parseSendTime), then checked by checkNewBroadcast with recipients required; or what to fix, in
// the reader's language. Nothing is written here.
import { checkNewBroadcast, type BroadcastPlan, type BroadcastPlanCheck } from "../domain/broadcasts/checkNewBroadcast.js";
import { parseImageUrl } from "../domain/broadcasts/parseImageUrl.js";
import { parseSendTime } from "../domain/broadcasts/parseSendTime.js";
import { indonesianZoneNames } from "../domain/time/indonesianZones.js";
import { formatLocalTime } from "../domain/time/formatLocalTime.js";
import type { PageContext } from "./dashboardTypes.js";
import type { BroadcastForm } from "./readBroadcastForm.js";

export type FormPlan =
  | { status: "ok"; plan: BroadcastPlan; check: Extract<BroadcastPlanCheck, { status: "ok" }>; zone: string }
  | { status: "problems"; problems: string[] };

export type BroadcastRefusal = Exclude<BroadcastPlanCheck, { status: "ok" }>;

export async function planBroadcastFromForm(context: PageContext, form: BroadcastForm, options: { operational?: boolean } = {}): Promise<FormPlan> {
  const { deps, t } = context;
  const now = deps.clock();
  const problems: string[] = [];
  const texts = Object.fromEntries(Object.entries(form.texts).filter(([, text]) => text.trim() !== ""));
  let imageUrl: string | undefined;
  if (form.image.trim() !== "") {
    const image = parseImageUrl(form.image);
    if (image.status === "ok") imageUrl = image.url;
    else problems.push(t("broadcast.badImage"));
  }
  if (form.segmentId === "") problems.push(t("dashboard:compose.problem.noSegment"));
  const zone = indonesianZoneNames[form.zone] ?? deps.timeZone;
  let scheduledAt: Date | undefined;
  if (form.when === "nanti") {
    const when = form.zone in indonesianZoneNames ? parseSendTime(`${form.date} ${form.time}`, now, zone) : ({ status: "invalid" } as const);
    if (when.status === "ok") scheduledAt = when.at;
    else if (when.status === "past") problems.push(t("dashboard:compose.problem.past", { when: formatLocalTime(when.at, context.language, zone) }));
    else problems.push(t("dashboard:compose.problem.badTime"));
  }
  if (problems.length > 0) return { status: "problems", problems };
  const plan: BroadcastPlan = {
    texts,
    defaultLanguage: deps.translator.defaultLanguage,
    imageUrl,
    segmentId: form.segmentId,
    scheduledAt,
    operational: options.operational ?? form.operational,
    now,
    blackout: deps.blackout,
    requireRecipients: true,
  };
  const check = await checkNewBroadcast(deps.db, plan);
  if (check.status !== "ok") return { status: "problems", problems: [describeBroadcastRefusal(context, check, scheduledAt ?? now, zone)] };
  return { status: "ok", plan, check, zone };
}

/** Why the domain refused a broadcast, as the page says it. */
export function describeBroadcastRefusal(context: PageContext, refusal: BroadcastRefusal, at: Date, zone: string): string {
  const { t, language } = context;
  const languageName = (code: string) => context.deps.translator.forLanguage(code)("language.name");
  switch (refusal.status) {
    case "invalid":
      if (refusal.problem === "image_url") return t("broadcast.badImage");
      if (refusal.problem === "text_missing") return t("dashboard:compose.problem.textMissing", { language: languageName(refusal.language) });
      return t(`dashboard:compose.problem.${refusal.problem === "text_too_long" ? "textTooLong" : "captionTooLong"}`, { language: languageName(refusal.language), max: refusal.max });
    case "past":
      return t("dashboard:compose.problem.past", { when: formatLocalTime(at, language, zone) });
    case "segment_not_found":
      return t("dashboard:compose.problem.segmentNotFound");
    case "operational_not_allowed":
      return t("dashboard:compose.problem.operationalNotAllowed");
    case "quiet_period":
      return t("dashboard:compose.problem.quietPeriod", { when: formatLocalTime(at, language, zone) });
    case "nobody":
      return t("broadcast.nobody", { name: refusal.segment.name });
  }
}
