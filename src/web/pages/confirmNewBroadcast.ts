// POST /siaran/baru/kirim: creates the broadcast the preview showed, through createBroadcast (the
// chat's and the CLI's), audited with the staff member, then its page (/siaran/<id>). The form's
// one-time key makes a second press, a replay or two presses at once create nothing more: each
// finds the broadcast the key made and goes to its page. Anything refused: the form again, as typed.
import type { DashboardPage } from "../dashboardTypes.js";
import { createBroadcast } from "../../domain/broadcasts/createBroadcast.js";
import { findBroadcastByFormKey } from "../../domain/broadcasts/findBroadcastByFormKey.js";
import { describeBroadcastRefusal, planBroadcastFromForm } from "../planBroadcastFromForm.js";
import { readBroadcastForm } from "../readBroadcastForm.js";
import { renderBroadcastForm } from "./renderBroadcastForm.js";

const KEY = /^[A-Za-z0-9-]{20,64}$/;

export const confirmNewBroadcast: DashboardPage = {
  method: "POST",
  url: "/siaran/baru/kirim",
  permission: "broadcasts",
  async handle(context) {
    const { deps, t, staff } = context;
    const form = readBroadcastForm(context.request.body, deps.translator.languages);
    if (!KEY.test(form.key)) return renderBroadcastForm(context, { form, problems: [t("dashboard:compose.problem.expired")], status: 400 });
    const shown = (id: string) => context.reply.redirect(`/siaran/${id}`, 303);
    // Before any check: a replay after the time has passed still finds what it made.
    const earlier = await findBroadcastByFormKey(deps.db, form.key);
    if (earlier) return shown(earlier.id);
    const planned = await planBroadcastFromForm(context, form);
    if (planned.status !== "ok") return renderBroadcastForm(context, { form, problems: planned.problems, status: 400 });
    let outcome;
    try {
      outcome = await deps.db.$transaction((tx) => createBroadcast(tx, { ...planned.plan, createdBy: staff!.id, formKey: form.key }));
    } catch (error) {
      // Two presses at once: the other one's broadcast holds the key (unique), so this one made nothing.
      const made = await findBroadcastByFormKey(deps.db, form.key);
      if (made) return shown(made.id);
      throw error;
    }
    if (outcome.status !== "created") {
      return renderBroadcastForm(context, { form, problems: [describeBroadcastRefusal(context, outcome, planned.plan.scheduledAt ?? planned.plan.now, planned.zone)], status: 409 });
    }
    return shown(outcome.id);
  },
};
