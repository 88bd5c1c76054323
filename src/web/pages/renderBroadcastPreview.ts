// The step between the form and the broadcast: exactly what each language's recipients will get
// (previewBroadcast, the dispatcher's own rendering, so footer and STOP hint included), how many it
// reaches and why the others not, when it goes and when each time zone gets it (WIB, WITA, WIT), and the one button that
// makes it. The form's fields ride along hidden, with a one-time key for a new broadcast.
import { randomUUID } from "node:crypto";
import { previewBroadcast } from "../../domain/broadcasts/previewBroadcast.js";
import { describeZoneArrivals } from "../../domain/broadcasts/describeZoneArrivals.js";
import { describeSegmentCount } from "../../domain/segments/describeSegmentCount.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import { dashboardQuietHours } from "../dashboardQuietHours.js";
import type { PageContext } from "../dashboardTypes.js";
import { describeSendingRules } from "../describeSendingRules.js";
import type { FormPlan } from "../planBroadcastFromForm.js";
import type { BroadcastForm } from "../readBroadcastForm.js";

export function renderBroadcastPreview(
  context: PageContext,
  form: BroadcastForm,
  planned: Extract<FormPlan, { status: "ok" }>,
  editing?: { id: string; ref: string },
): ReturnType<PageContext["render"]> {
  const { deps, t, language } = context;
  const { translator } = deps;
  const { plan, check } = planned;
  const previews = previewBroadcast({ texts: plan.texts, imageUrl: plan.imageUrl }, { translator, campaignName: deps.campaign?.campaign.name ?? {} }).map((preview) => ({
    heading: t("broadcast.previewTitle", { language: translator.forLanguage(preview.language)("language.name") }),
    text: preview.message.text,
    imageUrl: preview.message.imageUrl,
  }));
  const later = plan.scheduledAt !== undefined;
  const sending = later
    ? t("broadcast.summaryAt", { when: formatLocalTime(check.scheduledAt, language, planned.zone) })
    : t("broadcast.summaryNow");
  // Per zone: whether that moment is in the recipients' quiet hours or the election quiet period, and when they get it.
  const arrivals = describeZoneArrivals(t, language, later ? check.scheduledAt : deps.clock(), {
    quietHours: dashboardQuietHours(deps),
    blackout: deps.blackout ?? [],
    defaultTimeZone: deps.timeZone,
    blackoutExempt: plan.operational,
  });
  // A new broadcast's confirm carries a fresh key: the same form sent twice finds the first one.
  const fields = { ...form, key: editing ? "" : randomUUID() };
  const title = editing ? t("dashboard:compose.editTitle", { ref: editing.ref }) : t("dashboard:compose.previewTitle");
  return context.render(
    "pages/renderBroadcastPreview",
    {
      title,
      editing,
      previews,
      segment: t("broadcast.summarySegment", { name: check.segment.name, count: check.count?.sendable ?? 0 }),
      count: check.count ? describeSegmentCount(t, check.count) : "",
      sending,
      arrivals,
      operational: plan.operational,
      fields,
      action: editing ? `/siaran/${editing.id}/ubah` : "/siaran/baru",
      confirmAction: editing ? `/siaran/${editing.id}/ubah/simpan` : "/siaran/baru/kirim",
      confirmLabel: t(editing ? "dashboard:compose.saveChanges" : later ? "broadcast.confirmSchedule" : "broadcast.confirmSend"),
      rules: describeSendingRules(context),
    },
    { title },
  );
}
