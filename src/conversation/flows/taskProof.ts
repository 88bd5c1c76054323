// Reporting a task done: after "SELESAI 12" (or the "Lapor selesai" button) the bot asks for
// proof, a photo, a link or a short text, and records it. "SELESAI 12 <link or text>" and a photo
// captioned "SELESAI 12" do it in one message.
import { parseTaskLink } from "../../domain/tasks/parseTaskLink.js";
import { reportTaskDone, type TaskProofKind } from "../../domain/tasks/reportTaskDone.js";
import { maxTaskProofText } from "../../domain/tasks/taskLimits.js";
import type { Turn, TurnInput } from "../turn.js";
import type { Choice } from "../types.js";
import { showMenu } from "./mainMenu.js";

const flow = "taskProof";
const minProofText = 3;

export type Proof = { kind: TaskProofKind; value: string } | { problem: "media" | "too_short" | "too_long" | "contact" };

export function startTaskProof(turn: Turn, taskId: number): void {
  turn.go(flow, "proof", { taskId });
  turn.say({ text: turn.t("tasks:proof.ask", { id: taskId }), choices: [{ id: "taskproof:cancel", label: turn.t("tasks:proof.cancel") }] });
}

export async function handleTaskProofStep(turn: Turn, input: TurnInput): Promise<void> {
  const taskId = Number(turn.data.taskId);
  if (!Number.isSafeInteger(taskId) || taskId < 1) return showMenu(turn);
  if (input.choiceId === "taskproof:cancel") return showMenu(turn, turn.t("tasks:proof.cancelled", { id: taskId }));
  const proof = readProof(turn, input);
  if ("problem" in proof) {
    turn.say({ text: describeProofProblem(turn, proof.problem) });
    return startTaskProof(turn, taskId);
  }
  await recordDone(turn, taskId, proof);
}

/** A photo (with its platform reference), a link, or a short text; anything else says what is wanted. */
export function readProof(turn: Turn, input: TurnInput, text = input.text): Proof {
  const { message } = turn;
  if (input.kind === "media") {
    if (!message.photo) return { problem: "media" };
    // The channel's name keeps the reference usable: a Telegram file_id means nothing to WhatsApp.
    return { kind: "photo", value: `${message.channel}:${message.photo.fileId ?? `message:${message.messageId ?? "unknown"}`}` };
  }
  if (input.kind === "contact") return { problem: "contact" };
  const trimmed = text.trim();
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(trimmed)) {
    const link = parseTaskLink(trimmed);
    if (link.status === "ok") return { kind: "link", value: link.url };
  }
  if (trimmed.replace(/\s/g, "").length < minProofText) return { problem: "too_short" };
  if (trimmed.length > maxTaskProofText) return { problem: "too_long" };
  return { kind: "text", value: trimmed };
}

export function describeProofProblem(turn: Turn, problem: "media" | "too_short" | "too_long" | "contact"): string {
  switch (problem) {
    case "media":
      return turn.t("tasks:proof.notPhoto");
    case "contact":
      return turn.t("tasks:proof.notContact");
    case "too_short":
      return turn.t("tasks:proof.tooShort", { min: minProofText });
    case "too_long":
      return turn.t("tasks:proof.tooLong", { max: maxTaskProofText });
  }
}

/** Records the report and thanks the volunteer; the conversation returns to the menu's state. */
export async function recordDone(turn: Turn, taskId: number, proof: { kind: TaskProofKind; value: string }): Promise<void> {
  const t = turn.t;
  const outcome = await reportTaskDone(turn.tx, { taskId, contactId: turn.contact.id, proofKind: proof.kind, proof: proof.value, now: turn.now });
  const myTasks: Choice = { id: "task:list", label: t("tasks:button.myTasks") };
  const back: Choice = { id: "menu:main", label: t("menu.back") };
  if (turn.flow === flow && Number(turn.data.taskId) === taskId) turn.idle();
  switch (outcome.status) {
    case "not_found":
      return turn.say({ text: t("tasks:answer.notFound", { id: taskId }), choices: [myTasks, back] });
    case "not_accepted":
      return turn.say({
        text: t("tasks:answer.notAccepted", { id: taskId }),
        choices: outcome.task.status === "open" ? [{ id: `task:${taskId}:accept`, label: t("tasks:button.accept") }, myTasks] : [myTasks, back],
      });
    case "already_done":
      return turn.say({ text: t("tasks:answer.alreadyDone", { id: taskId }), choices: [myTasks, back] });
    case "done":
      return turn.say({ text: t(`tasks:proof.recorded.${proof.kind}`, { id: taskId, title: outcome.task.title }), choices: [myTasks, back] });
  }
}
