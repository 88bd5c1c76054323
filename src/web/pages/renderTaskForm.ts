// The new-task form, with the fields as typed and, when they pass checkNewTask (the chat's and
// createTask's checks), the preview: each language's offer exactly as volunteers will get it
// (renderTaskMessage, the function the offers are written with) and how many it goes to.
import { randomBytes } from "node:crypto";
import { describeTaskContentProblem } from "../../conversation/flows/describeTaskContentProblem.js";
import { isInQuietPeriod } from "../../domain/broadcasts/isInQuietPeriod.js";
import { listSegments } from "../../domain/segments/listSegments.js";
import { checkNewTask, type TaskPlanCheck } from "../../domain/tasks/checkNewTask.js";
import { countTaskRecipients } from "../../domain/tasks/countTaskRecipients.js";
import { renderTaskMessage, type TaskVoice } from "../../domain/tasks/renderTaskMessage.js";
import { maxTaskInstructions, maxTaskTitle, maxTaskVolunteers } from "../../domain/tasks/taskLimits.js";
import { indonesianZoneNames } from "../../domain/time/indonesianZones.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { PageContext } from "../dashboardTypes.js";
import { digestTaskForm, readTaskPlan, type TaskForm, type TaskFormReading } from "../readTaskForm.js";

export interface TaskFormPage {
  form: TaskForm;
  /** Check the fields and show the preview or what to fix; false for the empty form. */
  check: boolean;
  /** Said above the preview (the fields changed since the preview that was confirmed). */
  notice?: string;
  status?: number;
}

export function taskVoiceOfDashboard(context: PageContext): TaskVoice {
  const { translator, campaign, timeZone } = context.deps;
  return { translator, campaignName: campaign?.campaign.name ?? {}, formatTime: (date, language) => formatLocalTime(date, language, timeZone) };
}

export async function renderTaskForm(context: PageContext, page: TaskFormPage): Promise<ReturnType<PageContext["render"]>> {
  const { deps, t, language } = context;
  const now = deps.clock();
  const values = { ...page.form.values, zona: page.form.values.zona || deps.timeZone };
  const segments = [];
  for (const segment of await listSegments(deps.db)) {
    const count = await countTaskRecipients(deps.db, segment.definition);
    segments.push({ id: segment.id, label: t("tasks:wizard.segmentChoice", { name: segment.name, count: count.offered }) });
  }
  const zones = Object.entries(indonesianZoneNames).map(([name, zone]) => ({ zone, name }));
  if (!zones.some((z) => z.zone === deps.timeZone)) zones.unshift({ zone: deps.timeZone, name: deps.timeZone });

  let problem: string | undefined;
  let preview: { offers: { title: string; text: string }[]; lines: string[] } | undefined;
  if (page.check) {
    const reading = readTaskPlan(values, now, deps.timeZone);
    if (reading.status !== "ok") problem = describeReading(context, reading);
    else {
      const voice = taskVoiceOfDashboard(context);
      const check = await checkNewTask(deps.db, { ...reading.plan, now }, voice);
      if (check.status !== "ok") problem = describeTaskProblem(context, check);
      else {
        const task = { ...reading.plan, link: check.link, id: t("tasks:wizard.previewId") };
        const offers = deps.translator.languages.map((lng) => ({
          title: t("tasks:wizard.previewTitle", { language: deps.translator.forLanguage(lng)("language.name") }),
          text: renderTaskMessage("task_offer", task, lng, voice).text,
        }));
        const lines = [
          t("tasks:wizard.summarySegment", { name: check.segment.name, count: check.count.offered }),
          t("tasks:wizard.summaryExcluded", { excluded: check.count.volunteers - check.count.offered, total: check.count.volunteers }),
          t("tasks:wizard.summaryDeadline", { when: formatLocalTime(reading.plan.deadline, language, reading.zone) }),
          reading.plan.maxVolunteers ? t("tasks:wizard.summaryMax", { max: reading.plan.maxVolunteers }) : t("tasks:wizard.summaryNoMax"),
        ];
        if (check.imageUrl) lines.push(t("tasks:wizard.summaryImage", { url: check.imageUrl }));
        lines.push(t(reading.plan.operational ? "tasks:wizard.summaryOperational" : "tasks:wizard.summaryNotOperational"));
        if (!reading.plan.operational && isInQuietPeriod(deps.blackout, [now])) lines.push(t("tasks:wizard.summaryHeld"));
        preview = { offers, lines };
      }
    }
  }
  return context.render(
    "pages/renderTaskForm",
    {
      values,
      // A new key for a new form; the same one while this form is previewed and confirmed.
      key: page.form.key ?? randomBytes(18).toString("base64url"),
      digest: preview ? digestTaskForm(values) : "",
      segments,
      zones,
      problem,
      preview,
      notice: page.notice,
      limits: { title: maxTaskTitle, instructions: maxTaskInstructions, max: maxTaskVolunteers },
    },
    { status: page.status ?? (problem ? 400 : 200), title: t("dashboard:tasks.newTitle") },
  );
}

function describeReading(context: PageContext, reading: Exclude<TaskFormReading, { status: "ok" }>): string {
  const { t, language } = context;
  switch (reading.status) {
    case "bad_deadline":
      return t("dashboard:tasks.problem.badDeadline");
    case "unknown_zone":
      return t("broadcast.unknownZone", { zone: reading.zone });
    case "deadline_past":
      return t("tasks:wizard.deadlinePast", { when: formatLocalTime(reading.at, language, reading.zone) });
  }
}

/** What the domain refused, in the staff member's words (the chat's where they fit a form). */
export function describeTaskProblem(context: PageContext, check: Exclude<TaskPlanCheck, { status: "ok" }>): string {
  const { t } = context;
  switch (check.status) {
    case "deadline_past":
      return t("dashboard:tasks.problem.deadlinePast");
    case "bad_max":
      return t("dashboard:tasks.problem.badMax", { max: maxTaskVolunteers });
    case "segment_not_found":
      return t("dashboard:tasks.problem.segment");
    case "nobody":
      return t("dashboard:tasks.problem.nobody");
    case "invalid":
      // The chat's sentence says to pick "no image", a button the form does not have.
      if (check.problem === "message_too_long") return t("dashboard:tasks.problem.messageTooLong", { max: check.max, length: check.length });
      return describeTaskContentProblem(t, check);
  }
}
