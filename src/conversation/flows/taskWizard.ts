// /task new: title, instructions, an optional link and image, the segment, the deadline, an
// optional maximum of volunteers, "operational?", then a preview of the offer exactly as
// volunteers will get it and how many will get it. Nothing is created before "yes".
import { isInQuietPeriod } from "../../domain/broadcasts/isInQuietPeriod.js";
import { parseImageUrl } from "../../domain/broadcasts/parseImageUrl.js";
import { parseSendTime } from "../../domain/broadcasts/parseSendTime.js";
import { listSegments } from "../../domain/segments/listSegments.js";
import { checkTaskContent } from "../../domain/tasks/checkTaskContent.js";
import { countTaskRecipients } from "../../domain/tasks/countTaskRecipients.js";
import { createTask } from "../../domain/tasks/createTask.js";
import { parseTaskLink } from "../../domain/tasks/parseTaskLink.js";
import { renderTaskMessage } from "../../domain/tasks/renderTaskMessage.js";
import { maxTaskInstructions, maxTaskTitle, maxTaskVolunteers } from "../../domain/tasks/taskLimits.js";
import { simplify } from "../resolveChoice.js";
import type { StateData, Turn, TurnInput } from "../turn.js";
import type { Choice } from "../types.js";
import { describeTaskContentProblem } from "./describeTaskContentProblem.js";
import { ensureStaffPermission, staffReply } from "./staffAccess.js";
import { formatStaffTime } from "./staffFormat.js";
import { taskVoiceOf } from "./taskVoice.js";

const flow = "task";
const noLimitWords = new Set(["tanpa batas", "tidak ada batas", "tak terbatas", "bebas", "tidak", "gak", "no", "no limit", "none", "unlimited", "any"]);

interface TaskDraft extends StateData {
  title?: string;
  instructions?: string;
  link?: string;
  imageUrl?: string;
  segmentId?: string;
  /** ISO instant. */
  deadline?: string;
  /** The zone the coordinator wrote the deadline in, to show it back the same way. */
  zone?: string;
  maxVolunteers?: number;
  operational?: boolean;
}

export async function startTaskWizard(turn: Turn): Promise<void> {
  if ((await listSegments(turn.tx)).length === 0) return staffReply(turn, turn.t("tasks:wizard.noSegments"));
  return prompt(turn, "title", {});
}

export async function handleTaskWizardStep(turn: Turn, input: TurnInput): Promise<void> {
  if (!(await ensureStaffPermission(turn, "task", "tasks"))) return;
  const t = turn.t;
  const data = turn.data as TaskDraft;
  const choice = input.choiceId;
  const text = input.kind === "text" && !choice ? input.text.trim() : "";
  const again = (key: string, vars?: Record<string, unknown>) => {
    turn.say({ text: t(key, vars) });
    return prompt(turn, turn.step, data);
  };
  if (input.kind === "media" || input.kind === "contact") return again("input.textOnly");

  switch (turn.step) {
    case "title":
      if (!text) return again("tasks:wizard.titleEmpty");
      if (text.length > maxTaskTitle) return again("tasks:wizard.titleTooLong", { max: maxTaskTitle });
      return prompt(turn, "instructions", { ...data, title: text });
    case "instructions": {
      if (!text) return again("tasks:wizard.instructionsEmpty");
      if (text.length > maxTaskInstructions) return again("tasks:wizard.instructionsTooLong", { max: maxTaskInstructions });
      return prompt(turn, "link", { ...data, instructions: text });
    }
    case "link": {
      if (choice === "taskwiz:skip") return prompt(turn, "image", data);
      const link = parseTaskLink(text);
      if (link.status !== "ok") return again("tasks:wizard.badLink");
      return prompt(turn, "image", { ...data, link: link.url });
    }
    case "image": {
      if (choice === "taskwiz:skip") return afterContent(turn, data);
      const image = parseImageUrl(text);
      if (image.status !== "ok") return again("tasks:wizard.badImage");
      return afterContent(turn, { ...data, imageUrl: image.url });
    }
    case "segment": {
      const segment = (await listSegments(turn.tx)).find((s) => choice === `taskwiz:segment:${s.id}`);
      if (!segment) return again("input.pickOne");
      return prompt(turn, "deadline", { ...data, segmentId: segment.id });
    }
    case "deadline": {
      const when = parseSendTime(text, turn.now, turn.deps.timeZone);
      if (when.status === "now" || when.status === "invalid") return again("tasks:wizard.badDeadline");
      if (when.status === "unknown_zone") return again("broadcast.unknownZone", { zone: when.zone });
      if (when.status === "past") return again("tasks:wizard.deadlinePast", { when: formatStaffTime(when.at, turn.language, when.zone) });
      return prompt(turn, "max", { ...data, deadline: when.at.toISOString(), zone: when.zone });
    }
    case "max": {
      // Numbers are the answer here, so no numbered button: "0" or words mean no limit.
      if (text === "0" || noLimitWords.has(simplify(text))) {
        const { maxVolunteers: _max, ...rest } = data;
        return prompt(turn, "operational", rest);
      }
      const max = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
      if (!(max >= 1 && max <= maxTaskVolunteers)) return again("tasks:wizard.badMax", { max: maxTaskVolunteers });
      return prompt(turn, "operational", { ...data, maxVolunteers: max });
    }
    case "operational":
      if (choice !== "taskwiz:operational:yes" && choice !== "taskwiz:operational:no") return again("input.pickOne");
      return showPreview(turn, { ...data, operational: choice === "taskwiz:operational:yes" });
    case "confirm":
      if (choice === "taskwiz:confirm:no") return staffReply(turn, t("tasks:wizard.cancelled"));
      if (choice !== "taskwiz:confirm:yes") return again("input.pickOne");
      return confirm(turn, data);
  }
  return prompt(turn, "title", {});
}

/** The offer must fit one message (one image caption when it has an image) in every language. */
function afterContent(turn: Turn, data: TaskDraft): Promise<void> {
  const problem = checkTaskContent(draftContent(data), taskVoiceOf(turn));
  if (problem) {
    turn.say({ text: describeTaskContentProblem(turn.t, problem) });
    return prompt(turn, problem.problem === "message_too_long" && data.imageUrl ? "image" : "instructions", data);
  }
  return prompt(turn, "segment", data);
}

async function prompt(turn: Turn, step: string, data: TaskDraft): Promise<void> {
  const t = turn.t;
  const ask = (key: string, vars?: Record<string, unknown>, choices?: Choice[]) => {
    turn.go(flow, step, data);
    turn.say({ text: t(key, vars), choices });
  };
  switch (step) {
    case "title":
      return ask("tasks:wizard.askTitle", { max: maxTaskTitle });
    case "instructions":
      return ask("tasks:wizard.askInstructions");
    case "link":
      return ask("tasks:wizard.askLink", {}, [{ id: "taskwiz:skip", label: t("tasks:wizard.noLink") }]);
    case "image":
      return ask("tasks:wizard.askImage", {}, [{ id: "taskwiz:skip", label: t("tasks:wizard.noImage") }]);
    case "segment": {
      const choices: Choice[] = [];
      for (const segment of await listSegments(turn.tx)) {
        const count = await countTaskRecipients(turn.tx, segment.definition);
        choices.push({ id: `taskwiz:segment:${segment.id}`, label: t("tasks:wizard.segmentChoice", { name: segment.name, count: count.offered }) });
      }
      return ask("tasks:wizard.askSegment", {}, choices);
    }
    case "deadline":
      return ask("tasks:wizard.askDeadline", { zone: turn.deps.timeZone });
    case "max":
      return ask("tasks:wizard.askMax");
    case "operational":
      return ask("tasks:wizard.askOperational", {}, [
        { id: "taskwiz:operational:yes", label: t("tasks:wizard.operationalYes") },
        { id: "taskwiz:operational:no", label: t("tasks:wizard.operationalNo") },
      ]);
    default:
      return showPreview(turn, data);
  }
}

async function showPreview(turn: Turn, data: TaskDraft): Promise<void> {
  const t = turn.t;
  const { translator } = turn.deps;
  const segment = (await listSegments(turn.tx)).find((s) => s.id === data.segmentId);
  if (!segment) return prompt(turn, "segment", data);
  if (!data.title || !data.instructions || !data.deadline) return prompt(turn, "title", {});
  turn.go(flow, "confirm", data);
  // One preview per language, rendered by the function the offers are written with.
  const voice = taskVoiceOf(turn);
  const task = { ...draftContent(data), id: t("tasks:wizard.previewId") };
  for (const language of translator.languages) {
    const offer = renderTaskMessage("task_offer", task, language, voice);
    turn.say({ title: t("tasks:wizard.previewTitle", { language: translator.forLanguage(language)("language.name") }), text: offer.text });
  }
  const count = await countTaskRecipients(turn.tx, segment.definition);
  const deadline = new Date(data.deadline);
  const lines = [
    t("tasks:wizard.summarySegment", { name: segment.name, count: count.offered }),
    t("tasks:wizard.summaryExcluded", { excluded: count.volunteers - count.offered, total: count.volunteers }),
    t("tasks:wizard.summaryDeadline", { when: formatStaffTime(deadline, turn.language, data.zone ?? turn.deps.timeZone) }),
    data.maxVolunteers ? t("tasks:wizard.summaryMax", { max: data.maxVolunteers }) : t("tasks:wizard.summaryNoMax"),
  ];
  if (data.imageUrl) lines.push(t("tasks:wizard.summaryImage", { url: data.imageUrl }));
  lines.push(t(data.operational ? "tasks:wizard.summaryOperational" : "tasks:wizard.summaryNotOperational"));
  if (!data.operational && isInQuietPeriod(turn.deps.blackout, [turn.now])) lines.push(t("tasks:wizard.summaryHeld"));
  lines.push("", t("tasks:wizard.confirmQuestion"));
  turn.say({
    text: lines.join("\n"),
    choices: [
      { id: "taskwiz:confirm:yes", label: t("tasks:wizard.confirmYes") },
      { id: "taskwiz:confirm:no", label: t("tasks:wizard.confirmNo") },
    ],
  });
}

async function confirm(turn: Turn, data: TaskDraft): Promise<void> {
  const t = turn.t;
  if (!data.title || !data.instructions || !data.deadline || !data.segmentId) return prompt(turn, "title", {});
  const outcome = await createTask(
    turn.tx,
    {
      ...draftContent(data),
      segmentId: data.segmentId,
      maxVolunteers: data.maxVolunteers,
      operational: data.operational === true,
      createdBy: turn.contact.id,
      now: turn.now,
    },
    taskVoiceOf(turn),
  );
  switch (outcome.status) {
    case "created":
      return staffReply(turn, t("tasks:wizard.created", { id: outcome.id, count: outcome.offered }));
    case "nobody": {
      const segment = (await listSegments(turn.tx)).find((s) => s.id === data.segmentId);
      turn.say({ text: t("tasks:wizard.nobody", { name: segment?.name ?? "" }) });
      return prompt(turn, "segment", data);
    }
    case "deadline_past":
      turn.say({ text: t("tasks:wizard.deadlinePast", { when: formatStaffTime(new Date(data.deadline), turn.language, data.zone ?? turn.deps.timeZone) }) });
      return prompt(turn, "deadline", data);
    case "segment_not_found":
      turn.say({ text: t("input.pickOne") });
      return prompt(turn, "segment", data);
    case "bad_max":
      return prompt(turn, "max", data);
    case "invalid":
      turn.say({ text: describeTaskContentProblem(turn.t, outcome) });
      return prompt(turn, "title", {});
  }
}

function draftContent(data: TaskDraft) {
  return {
    title: data.title ?? "",
    instructions: data.instructions ?? "",
    link: data.link,
    imageUrl: data.imageUrl,
    deadline: data.deadline ? new Date(data.deadline) : new Date(0),
  };
}
