// The end of /lapor: send (or save a correction), and the buttons under a sent report that correct
// or withdraw it within 24 hours (also /lapor ubah and /lapor batal).
import { correctCanvassReport } from "../../domain/canvass/correctCanvassReport.js";
import type { CanvassReportView } from "../../domain/canvass/canvassTypes.js";
import { findEditableCanvassReport } from "../../domain/canvass/findEditableCanvassReport.js";
import { recordCanvassReport } from "../../domain/canvass/recordCanvassReport.js";
import { withdrawCanvassReport } from "../../domain/canvass/withdrawCanvassReport.js";
import { pointValues } from "../../domain/points/pointValues.js";
import type { StateData, Turn, TurnInput } from "../turn.js";
import type { Choice } from "../types.js";
import { canvassFlow, canvassMaxHouseholds, draftCounts, promptPlace, restartNumbers, showDraft } from "./canvassReport.js";
import { describeCanvassDraft, describeCountsProblem, readDraftIssues } from "./canvassFormat.js";
import { showMenu } from "./mainMenu.js";

export async function confirmCanvassDraft(turn: Turn, input: TurnInput, data: StateData): Promise<void> {
  if (turn.step === "withdraw") {
    const id = Number(data.reportId);
    if (input.choiceId === "canvass:withdraw:yes") return withdraw(turn, id);
    if (input.choiceId === "canvass:withdraw:no") return showMenu(turn, turn.t("canvass:withdraw.kept", { id }));
    turn.say({ text: turn.t("input.pickOne") });
    return askWithdrawal(turn, id, data.summary === undefined ? "" : String(data.summary));
  }
  if (input.choiceId === "canvass:redo") return restartNumbers(turn, data);
  if (input.choiceId === "canvass:discard") return showMenu(turn, turn.t("canvass:confirm.discarded"));
  if (input.choiceId !== "canvass:send") {
    turn.say({ text: turn.t("input.pickOne") });
    return showDraft(turn, data);
  }
  const volunteerId = turn.contact.volunteer?.id;
  if (!volunteerId) return showMenu(turn, turn.t("canvass:volunteersOnly"));
  const report = { volunteerId, regionCode: String(data.place), counts: draftCounts(data), issues: readDraftIssues(data), photo: (data.photo as string | null | undefined) ?? null, at: turn.now };
  const outcome =
    typeof data.editing === "number"
      ? await correctCanvassReport(turn.tx, { ...report, reportId: data.editing }, canvassMaxHouseholds(turn))
      : await recordCanvassReport(turn.tx, report, canvassMaxHouseholds(turn));
  switch (outcome.status) {
    case "invalid":
      // The chat checks every answer as it comes; this is a draft from before a setting changed.
      turn.say({ text: describeCountsProblem(turn, outcome) });
      return restartNumbers(turn, data);
    case "recorded":
      turn.idle();
      return turn.say({ text: turn.t("canvass:sent", { id: outcome.id, points: pointValues.canvassReport }), choices: afterSending(turn, outcome.id) });
    case "corrected":
      turn.idle();
      return turn.say({ text: turn.t("canvass:edit.saved", { id: outcome.id }), choices: afterSending(turn, outcome.id) });
    default:
      return describeNotEditable(turn, outcome.status, Number(data.editing));
  }
}

/** The buttons under a sent report: correct it, withdraw it, or back to the menu. */
function afterSending(turn: Turn, id: number): Choice[] {
  return [
    { id: `canvass:edit:${id}`, label: turn.t("canvass:button.edit") },
    { id: `canvass:withdraw:${id}`, label: turn.t("canvass:button.withdraw") },
    { id: "menu:main", label: turn.t("menu.back") },
  ];
}

const reportButton = /^canvass:(edit|withdraw):(\d{1,9})$/;

export function isCanvassReportButton(choiceId: string): boolean {
  return reportButton.test(choiceId);
}

/** A "Koreksi" or "Tarik laporan" button under a sent report, pressed at any later time. */
export async function handleCanvassButton(turn: Turn, choiceId: string): Promise<void> {
  const match = reportButton.exec(choiceId);
  if (!match) return showMenu(turn);
  if (!turn.contact.volunteer) return showMenu(turn, turn.t("canvass:volunteersOnly"));
  if (match[1] === "edit") return startCanvassCorrection(turn, Number(match[2]));
  return startCanvassWithdrawal(turn, Number(match[2]));
}

export async function startCanvassCorrection(turn: Turn, reportId?: number): Promise<void> {
  const report = await findOwnReport(turn, reportId);
  if (!report) return;
  turn.say({ text: `${describeReport(turn, report)}\n\n${turn.t("canvass:edit.start", { id: report.id })}` });
  return promptPlace(turn, { editing: report.id, place: report.regionCode, issues: report.issues, photo: report.photo });
}

export async function startCanvassWithdrawal(turn: Turn, reportId?: number): Promise<void> {
  const report = await findOwnReport(turn, reportId);
  if (report) askWithdrawal(turn, report.id, describeReport(turn, report));
}

/** The volunteer's report (the latest, without an id) while they may still change it; otherwise says why not. */
async function findOwnReport(turn: Turn, reportId: number | undefined): Promise<CanvassReportView | undefined> {
  const found = await findEditableCanvassReport(turn.tx, turn.contact.volunteer!.id, turn.now, reportId);
  if (found.status === "found") return found.report;
  describeNotEditable(turn, found.status, reportId ?? (found.status === "too_late" ? found.report.id : undefined));
  return undefined;
}

function describeReport(turn: Turn, report: CanvassReportView): string {
  return describeCanvassDraft(turn, report.regionCode, report, report.issues, Boolean(report.photo));
}

function askWithdrawal(turn: Turn, id: number, summary: string): void {
  turn.go(canvassFlow, "withdraw", { reportId: id, summary });
  turn.say({
    text: `${summary}\n\n${turn.t("canvass:withdraw.ask", { id, points: pointValues.canvassReport })}`,
    choices: [
      { id: "canvass:withdraw:yes", label: turn.t("canvass:withdraw.yes") },
      { id: "canvass:withdraw:no", label: turn.t("canvass:withdraw.no") },
    ],
  });
}

async function withdraw(turn: Turn, id: number): Promise<void> {
  const outcome = await withdrawCanvassReport(turn.tx, turn.contact.volunteer!.id, turn.now, id);
  if (outcome.status === "withdrawn_now") return showMenu(turn, turn.t("canvass:withdraw.done", { id, points: pointValues.canvassReport }));
  return describeNotEditable(turn, outcome.status, id);
}

function describeNotEditable(turn: Turn, status: "not_found" | "not_author" | "withdrawn" | "too_late", id: number | undefined): void {
  // Someone else's report is simply not found: its number says nothing about who wrote it.
  const key = status === "not_author" ? "not_found" : status;
  showMenu(turn, turn.t(id === undefined ? `canvass:notEditable.${key}_latest` : `canvass:notEditable.${key}`, { id }));
}
