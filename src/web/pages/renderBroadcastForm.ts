// The broadcast form (a new one, or a scheduled one being changed): a text per language, an image,
// a segment, now or a date and time in WIB/WITA/WIT; what quiet hours and the election quiet
// period mean for it; and, when sent back, what to fix with everything as typed.
import { listSegments } from "../../domain/segments/listSegments.js";
import { indonesianZoneName, indonesianZoneNames } from "../../domain/time/indonesianZones.js";
import type { PageContext } from "../dashboardTypes.js";
import { describeSendingRules } from "../describeSendingRules.js";
import type { BroadcastForm } from "../readBroadcastForm.js";

export interface BroadcastFormPage {
  form: BroadcastForm;
  /** A scheduled broadcast being changed; absent for a new one. */
  editing?: { id: string; ref: string };
  problems?: string[];
  status?: number;
}

export async function renderBroadcastForm(context: PageContext, page: BroadcastFormPage): Promise<ReturnType<PageContext["render"]>> {
  const { deps, t } = context;
  const { translator } = deps;
  const segments = (await listSegments(deps.db)).map((segment) => ({ id: segment.id, name: segment.name }));
  const languages = translator.languages.map((code) => ({ code, name: translator.forLanguage(code)("language.name"), main: code === translator.defaultLanguage }));
  const title = page.editing ? t("dashboard:compose.editTitle", { ref: page.editing.ref }) : t("dashboard:compose.title");
  return context.render(
    "pages/renderBroadcastForm",
    {
      title,
      action: page.editing ? `/siaran/${page.editing.id}/ubah` : "/siaran/baru",
      editing: page.editing,
      form: page.form,
      problems: page.problems ?? [],
      segments,
      languages,
      mainLanguage: languages.find((l) => l.main)!.name,
      zones: Object.keys(indonesianZoneNames),
      zone: page.form.zone || indonesianZoneName(deps.timeZone) || "WIB",
      rules: describeSendingRules(context),
    },
    { status: page.status ?? 200, title },
  );
}

/** An empty form: now, in the campaign's zone. */
export function emptyBroadcastForm(languages: readonly string[]): BroadcastForm {
  return { texts: Object.fromEntries(languages.map((l) => [l, ""])), image: "", segmentId: "", when: "sekarang", date: "", time: "", zone: "", operational: false, key: "" };
}
