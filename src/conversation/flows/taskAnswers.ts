// A volunteer's answers to task offers and reminders, at any step of any flow: the buttons
// (task:<id>:accept|decline|done, task:list) and the typed forms that work on every channel
// ("TERIMA 12", "tolak tugas 12", "SELESAI 12 https://...", a photo captioned "SELESAI 12").
// The person's current flow is kept: after the answer they are shown where they were.
import { findTaskAssignment } from "../../domain/tasks/findTaskAssignment.js";
import { listMyTasks, type MyTask } from "../../domain/tasks/listMyTasks.js";
import { parseTaskAnswer, type TaskAnswerAction } from "../../domain/tasks/parseTaskAnswer.js";
import { respondToTask } from "../../domain/tasks/respondToTask.js";
import type { Turn, TurnInput } from "../turn.js";
import type { Choice, Reply } from "../types.js";
import { describeProofProblem, readProof, recordDone, startTaskProof } from "./taskProof.js";
import { taskVoiceOf } from "./taskVoice.js";

const choicePattern = /^task:(\d{1,9}):(accept|decline|done)$/;

/** Handles the message if it is an answer about a task; false leaves it to the flow or the menu. */
export async function handleTaskInput(turn: Turn, input: TurnInput): Promise<boolean> {
  const choice = input.choiceId;
  if (choice === "task:list") return keepingFlow(turn, () => showMyTasks(turn));
  if (choice) {
    const picked = choicePattern.exec(choice);
    if (!picked) return false;
    const taskId = Number(picked[1]);
    return keepingFlow(turn, () => answer(turn, picked[2] as TaskAnswerAction, taskId, input, ""));
  }
  if (input.kind !== "text" && input.kind !== "media") return false;
  const parsed = parseTaskAnswer(input.text);
  if (!parsed) return false;
  if (parsed.taskId !== undefined) {
    const taskId = parsed.taskId;
    // "ikut 17 agustusan" is about a task only if task 17 was offered to this person.
    if (!parsed.exact && !(await findTaskAssignment(turn.tx, taskId, turn.contact.id))) return false;
    return keepingFlow(turn, () => answer(turn, parsed.action, taskId, input, parsed.rest));
  }
  // A bare "SELESAI" or "TERIMA" means a task only outside any flow, and only if one fits.
  if (turn.flow !== "idle") return false;
  const { current } = await listMyTasks(turn.tx, turn.contact.id, turn.now);
  const fitting = current.filter((task) => (parsed.action === "done" ? task.status === "accepted" : task.status === "offered"));
  if (fitting.length === 0) return false;
  if (fitting.length === 1) return keepingFlow(turn, () => answer(turn, parsed.action, fitting[0]!.id, input, ""));
  turn.say({ text: turn.t(`tasks:answer.which.${parsed.action}`, { id: fitting[0]!.id }), choices: fitting.slice(0, 8).map((task) => actionChoice(turn, parsed.action, task)) });
  return true;
}

/** `/tugas`: current tasks with what can be done about each, then the latest past ones. */
export async function showMyTasks(turn: Turn): Promise<void> {
  const t = turn.t;
  const { current, past } = await listMyTasks(turn.tx, turn.contact.id, turn.now);
  const back: Choice = { id: "menu:main", label: t("menu.back") };
  if (current.length === 0 && past.length === 0) {
    turn.say({ text: t(turn.contact.volunteer ? "tasks:mine.none" : "tasks:mine.notVolunteer"), choices: [back] });
    return;
  }
  const formatTime = taskVoiceOf(turn).formatTime;
  const line = (task: MyTask) =>
    t("tasks:mine.line", { id: task.id, title: task.title, deadline: formatTime(task.deadline, turn.language), state: t(`tasks:mine.state.${stateOf(task, turn.now)}`) });
  const blocks = [current.length > 0 ? [t("tasks:mine.current"), ...current.map(line)].join("\n") : t("tasks:mine.noCurrent")];
  if (past.length > 0) blocks.push([t("tasks:mine.past"), ...past.map(line)].join("\n"));
  blocks.push(t("tasks:mine.hint"));
  const choices = current.slice(0, 6).map((task) => actionChoice(turn, task.status === "accepted" ? "done" : "accept", task));
  turn.say({ title: t("tasks:mine.title"), text: blocks.join("\n\n"), choices: [...choices, back] });
}

function stateOf(task: MyTask, now: Date): string {
  if (task.status === "done") return "done";
  if (task.status === "declined") return "declined";
  if (task.taskStatus !== "open") return "closed";
  if (task.deadline.getTime() <= now.getTime()) return task.status === "accepted" ? "overdue" : "missed";
  return task.status;
}

function actionChoice(turn: Turn, action: TaskAnswerAction, task: { id: number; title: string }): Choice {
  const title = task.title.length > 30 ? `${task.title.slice(0, 30)}…` : task.title;
  return { id: `task:${task.id}:${action}`, label: turn.t(`tasks:button.${action}Task`, { id: task.id, title }) };
}

async function answer(turn: Turn, action: TaskAnswerAction, taskId: number, input: TurnInput, rest: string): Promise<void> {
  if (action === "done") return answerDone(turn, taskId, input, rest);
  const t = turn.t;
  const outcome = await respondToTask(turn.tx, { taskId, contactId: turn.contact.id, response: action, now: turn.now });
  const myTasks: Choice = { id: "task:list", label: t("tasks:button.myTasks") };
  const vars = { id: taskId, title: "task" in outcome ? outcome.task.title : "" };
  switch (outcome.status) {
    case "not_found":
      return turn.say({ text: t("tasks:answer.notFound", vars), choices: [myTasks] });
    case "closed":
      return turn.say({ text: t("tasks:answer.closed", vars), choices: [myTasks] });
    case "deadline_passed":
      return turn.say({ text: t("tasks:answer.deadlinePassed", vars), choices: [myTasks] });
    case "full":
      return turn.say({ text: t("tasks:answer.full", vars), choices: [myTasks] });
    case "already":
      if (outcome.current === "accepted") return turn.say({ text: t("tasks:answer.alreadyAccepted", vars), choices: [doneChoice(turn, taskId), myTasks] });
      return turn.say({ text: t(outcome.current === "done" ? "tasks:answer.alreadyDone" : "tasks:answer.alreadyDeclined", vars), choices: [myTasks] });
    case "declined":
      return turn.say({ text: t("tasks:answer.declined", vars), choices: [myTasks] });
    case "accepted": {
      const deadline = taskVoiceOf(turn).formatTime(outcome.task.deadline, turn.language);
      return turn.say({ text: t("tasks:answer.accepted", { ...vars, deadline }), choices: [doneChoice(turn, taskId), myTasks] });
    }
  }
}

/** With proof in the same message it is recorded at once; otherwise the proof is asked for. */
async function answerDone(turn: Turn, taskId: number, input: TurnInput, rest: string): Promise<void> {
  const t = turn.t;
  if (input.kind === "media" || rest) {
    const proof = readProof(turn, input, rest);
    if (!("problem" in proof)) return recordDone(turn, taskId, proof);
    turn.say({ text: describeProofProblem(turn, proof.problem) });
  }
  const found = await findTaskAssignment(turn.tx, taskId, turn.contact.id);
  const myTasks: Choice = { id: "task:list", label: t("tasks:button.myTasks") };
  if (!found) return turn.say({ text: t("tasks:answer.notFound", { id: taskId }), choices: [myTasks] });
  if (found.status === "done") return turn.say({ text: t("tasks:answer.alreadyDone", { id: taskId }), choices: [myTasks] });
  if (found.status !== "accepted") {
    const accept = found.task.status === "open" ? [{ id: `task:${taskId}:accept`, label: t("tasks:button.accept") }] : [];
    return turn.say({ text: t("tasks:answer.notAccepted", { id: taskId }), choices: [...accept, myTasks] });
  }
  startTaskProof(turn, taskId);
}

function doneChoice(turn: Turn, taskId: number): Choice {
  return { id: `task:${taskId}:done`, label: turn.t("tasks:button.done") };
}

/**
 * Runs a task answer without losing the flow the person was in (a sign-up, a staff wizard):
 * unless the answer started a flow of its own, its buttons are dropped and the step they were
 * at is offered again, so "2" still means what it meant before.
 */
async function keepingFlow(turn: Turn, run: () => Promise<void>): Promise<true> {
  const { flow, step } = turn;
  const data = { ...turn.data };
  const first = turn.replies.length;
  await run();
  if (flow === "idle" || turn.flow !== flow || turn.step !== step) return true;
  const added: Reply[] = turn.replies.splice(first).map(({ choices: _choices, ...reply }) => reply);
  turn.replies.push(...added);
  if (flow === "taskProof") {
    startTaskProof(turn, Number(data.taskId));
    return true;
  }
  const offered = turn.previouslyOffered;
  turn.say({ text: turn.t("tasks:answer.resume"), ...(offered.length > 0 ? { choices: [...offered] } : {}) });
  return true;
}
