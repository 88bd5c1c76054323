// /lapor: a volunteer reports a door-to-door round (blusukan) as counts: where, households visited,
// how many support / are undecided / lean elsewhere / were not home, the issues heard and an
// optional photo. The draft lives in the conversation state; nothing is stored until "Kirim".
// /lapor ubah and /lapor batal correct or withdraw the latest report within 24 hours.
import { canvassParts, defaultCanvassMaxHouseholds, maxCanvassIssues, maxCanvassIssueText, type CanvassCounts, type CanvassIssueInput, type CanvassPart } from "../../domain/canvass/canvassTypes.js";
import { parseCanvassNumber } from "../../domain/canvass/parseCanvassNumber.js";
import type { StateData, Turn, TurnInput } from "../turn.js";
import type { Choice } from "../types.js";
import { describeCanvassDraft, describeCountsProblem, readDraftIssues } from "./canvassFormat.js";
import { confirmCanvassDraft, startCanvassCorrection, startCanvassWithdrawal } from "./canvassSave.js";
import { showMenu } from "./mainMenu.js";
import { handleField, promptField, type FieldStep } from "./profileFields.js";

export const canvassFlow = "canvass";
const placeSteps: FieldStep[] = ["region", "district", "village"];
const numberSteps = ["households", ...canvassParts] as const;
type NumberStep = (typeof numberSteps)[number];

const correctWords = new Set(["ubah", "edit", "koreksi", "perbaiki", "ganti", "correct", "change"]);
const withdrawWords = new Set(["batal", "batalkan", "tarik", "hapus", "withdraw", "cancel", "delete"]);

export function canvassMaxHouseholds(turn: Turn): number {
  return turn.deps.canvassMaxHouseholds ?? defaultCanvassMaxHouseholds;
}

/** /lapor [ubah|batal [nomor]] */
export async function startCanvassReport(turn: Turn, args: string): Promise<void> {
  const volunteer = turn.contact.volunteer;
  if (!volunteer) return showMenu(turn, turn.t("canvass:volunteersOnly"));
  const [word = "", id] = args.trim().toLowerCase().split(/\s+/);
  const reportId = id && /^#?\d{1,9}$/.test(id) ? Number(id.replace("#", "")) : undefined;
  if (correctWords.has(word)) return startCanvassCorrection(turn, reportId);
  if (withdrawWords.has(word)) return startCanvassWithdrawal(turn, reportId);
  turn.say({ text: turn.t("canvass:privacy") });
  return promptPlace(turn, { issues: [] });
}

/** Where the round was: the volunteer's own place (or the report's, when correcting), or another. */
export async function promptPlace(turn: Turn, data: StateData): Promise<void> {
  const own = typeof data.editing === "number" ? String(data.place ?? "") : (turn.contact.regionCode ?? "");
  // A village's name is in the village list, read once per process on first need.
  if (own.length > 8) await turn.deps.regions.loadVillages();
  const known = own.length >= 8 ? turn.deps.regions.describe(own) : undefined;
  if (!known) return promptRegion(turn, data);
  turn.go(canvassFlow, "place", { ...data, own });
  const choices: Choice[] = [{ id: "canvass:place:own", label: known }];
  if (own.length === 8) choices.push({ id: "canvass:place:village", label: turn.t("canvass:place.villageOf", { district: turn.deps.regions.get(own)?.name ?? own }) });
  choices.push({ id: "canvass:place:other", label: turn.t("canvass:place.other") });
  turn.say({ text: turn.t("canvass:place.ask"), choices });
}

// The questions of sign-up's place steps, asked about the round rather than where the volunteer
// lives; the answers (and any re-asking) go through the same handleField.
function promptRegion(turn: Turn, data: StateData): void {
  turn.go(canvassFlow, "region", data);
  turn.say({ text: turn.t("canvass:place.askRegion") });
}

function promptVillage(turn: Turn, data: StateData): void {
  const district = String(data.districtCode ?? "");
  void turn.deps.regions.loadVillages().catch(() => undefined);
  turn.go(canvassFlow, "village", data);
  turn.say({
    text: turn.t("canvass:place.askVillage", { district: turn.deps.regions.describe(district) ?? district }),
    choices: [{ id: "village:skip", label: turn.t("canvass:place.wholeDistrict") }],
  });
}

export async function handleCanvassStep(turn: Turn, input: TurnInput): Promise<void> {
  const step = turn.step;
  const data = turn.data;
  if (step === "place") return handlePlace(turn, input, data);
  if ((placeSteps as string[]).includes(step)) return handlePlaceField(turn, step as FieldStep, input, data);
  if ((numberSteps as readonly string[]).includes(step)) return handleNumber(turn, step as NumberStep, input, data);
  if (step === "issues") return handleIssues(turn, input, data);
  if (step === "photo") return handlePhoto(turn, input, data);
  if (step === "confirm" || step === "withdraw") return confirmCanvassDraft(turn, input, data);
  showMenu(turn);
}

async function handlePlace(turn: Turn, input: TurnInput, data: StateData): Promise<void> {
  const own = String(data.own ?? "");
  if (input.choiceId === "canvass:place:own") return promptNumber(turn, "households", { ...data, place: own });
  if (input.choiceId === "canvass:place:village") return promptVillage(turn, { ...data, districtCode: own });
  if (input.choiceId === "canvass:place:other") return promptRegion(turn, data);
  turn.say({ text: turn.t("input.pickOne") });
  return promptPlace(turn, data);
}

async function handlePlaceField(turn: Turn, step: FieldStep, input: TurnInput, data: StateData): Promise<void> {
  const outcome = await handleField(turn, canvassFlow, step, input, data);
  if (outcome.status === "waiting") return;
  const answered = outcome.data;
  if (step === "region") return promptField(turn, canvassFlow, "district", answered);
  if (step === "district" && answered.districtCode) return promptVillage(turn, answered);
  const place = (answered.villageCode as string | null | undefined) ?? (answered.districtCode as string | null | undefined) ?? String(answered.regionCode);
  const { regionCode: _r, districtCode: _d, villageCode: _v, ...rest } = answered;
  promptNumber(turn, "households", { ...rest, place });
}

function promptNumber(turn: Turn, step: NumberStep, data: StateData): void {
  turn.go(canvassFlow, step, data);
  const households = Number(data.households ?? 0);
  if (step === "households") return turn.say({ text: turn.t("canvass:ask.households", { place: turn.deps.regions.describe(String(data.place)) ?? data.place }) });
  turn.say({ text: turn.t(`canvass:ask.${step}`, { households, left: households - partsSoFar(data, step) }) });
}

function handleNumber(turn: Turn, step: NumberStep, input: TurnInput, data: StateData): void {
  const households = Number(data.households ?? 0);
  const max = step === "households" ? canvassMaxHouseholds(turn) : households;
  const parsed = input.kind === "text" ? parseCanvassNumber(input.text, max) : ({ status: "invalid", problem: "not_a_number", max } as const);
  const retry = (text: string) => {
    turn.say({ text });
    promptNumber(turn, step, data);
  };
  if (parsed.status === "invalid") {
    const key = step === "households" ? `canvass:problem.households.${parsed.problem}` : `canvass:problem.part.${parsed.problem}`;
    return retry(turn.t(key, { max, households }));
  }
  if (step === "households" && parsed.value === 0) return retry(describeCountsProblem(turn, { problem: "no_households" }));
  if (step !== "households") {
    const left = households - partsSoFar(data, step);
    if (parsed.value > left) return retry(turn.t("canvass:problem.part.above_left", { value: parsed.value, left, households }));
  }
  const next: StateData = { ...data, [step]: parsed.value };
  // A new household total clears the parts: they were answers about the old one.
  if (step === "households") for (const part of canvassParts) delete next[part];
  const following = numberSteps[numberSteps.indexOf(step) + 1];
  if (following) return promptNumber(turn, following, next);
  promptIssues(turn, next);
}

/** The parts answered before `step`, in the order they are asked. */
function partsSoFar(data: StateData, step: NumberStep): number {
  const before = canvassParts.slice(0, Math.max(0, canvassParts.indexOf(step as CanvassPart)));
  return before.reduce((sum, part) => sum + Number(data[part] ?? 0), 0);
}

export function promptIssues(turn: Turn, data: StateData): void {
  turn.go(canvassFlow, "issues", data);
  const issues = readDraftIssues(data);
  const chosen = new Set(issues.flatMap((issue) => ("programmeId" in issue ? [issue.programmeId] : [])));
  const own = issues.flatMap((issue) => ("text" in issue ? [issue.text] : []));
  const choices: Choice[] = turn.deps.campaign.programmes.map((p) => ({ id: `canvass:issue:${p.id}`, label: `${chosen.has(p.id) ? "✅ " : ""}${turn.pick(p.title)}` }));
  choices.push({ id: "canvass:issues:done", label: turn.t(issues.length > 0 ? "canvass:issues.done" : "canvass:issues.none") });
  const heard = own.length > 0 ? `\n${turn.t("canvass:issues.ownSoFar", { issues: own.map((text) => `"${text}"`).join(", ") })}` : "";
  turn.say({ text: `${turn.t("canvass:issues.ask", { max: maxCanvassIssues })}${heard}`, choices });
}

function handleIssues(turn: Turn, input: TurnInput, data: StateData): void {
  const issues = readDraftIssues(data);
  if (input.choiceId === "canvass:issues:done") return promptPhoto(turn, data);
  const programme = input.choiceId?.startsWith("canvass:issue:") ? input.choiceId.slice(14) : undefined;
  if (programme !== undefined) {
    if (!turn.deps.campaign.programmes.some((p) => p.id === programme)) return promptIssues(turn, data);
    const has = issues.some((issue) => "programmeId" in issue && issue.programmeId === programme);
    if (!has && issues.length >= maxCanvassIssues) {
      turn.say({ text: turn.t("canvass:issues.full", { max: maxCanvassIssues }) });
      return promptIssues(turn, data);
    }
    const next = has ? issues.filter((issue) => !("programmeId" in issue && issue.programmeId === programme)) : [...issues, { programmeId: programme }];
    return promptIssues(turn, { ...data, issues: next });
  }
  const text = input.kind === "text" ? input.text.trim().replace(/\s+/g, " ") : "";
  if (parseCanvassNumber(text, 0).status === "ok" || /^(?:lewat(?:i)?|skip|tidak|gak|nggak|ga|no|selesai|lanjut|done)$/i.test(text)) return promptPhoto(turn, data);
  if (input.kind !== "text" || text.replace(/[^\p{L}]/gu, "").length < 3) {
    turn.say({ text: turn.t("canvass:issues.notText") });
    return promptIssues(turn, data);
  }
  if (issues.length >= maxCanvassIssues) {
    turn.say({ text: turn.t("canvass:issues.full", { max: maxCanvassIssues }) });
    return promptIssues(turn, data);
  }
  const own: CanvassIssueInput = { text: Array.from(text).slice(0, maxCanvassIssueText).join("") };
  promptIssues(turn, { ...data, issues: [...issues, own] });
}

function promptPhoto(turn: Turn, data: StateData): void {
  turn.go(canvassFlow, "photo", data);
  const keep: Choice[] = data.photo ? [{ id: "canvass:photo:keep", label: turn.t("canvass:photo.keep") }] : [];
  turn.say({ text: turn.t("canvass:photo.ask"), choices: [...keep, { id: "canvass:photo:skip", label: turn.t("canvass:photo.skip") }] });
}

function handlePhoto(turn: Turn, input: TurnInput, data: StateData): void {
  if (input.choiceId === "canvass:photo:keep") return showDraft(turn, data);
  if (input.choiceId === "canvass:photo:skip") return showDraft(turn, { ...data, photo: null });
  if (input.kind === "media" && turn.message.photo) {
    // The platform keeps the picture; the report keeps where to find it, like a task's proof.
    const photo = `${turn.message.channel}:${turn.message.photo.fileId ?? `message:${turn.message.messageId ?? "unknown"}`}`;
    return showDraft(turn, { ...data, photo });
  }
  const text = input.kind === "text" ? input.text.trim() : "";
  if (text && (parseCanvassNumber(text, 0).status === "ok" || /^(?:lewat(?:i)?|skip|tidak|gak|nggak|ga|no|tanpa foto|no photo)$/i.test(text))) {
    return showDraft(turn, { ...data, photo: null });
  }
  turn.say({ text: turn.t("canvass:photo.notPhoto") });
  promptPhoto(turn, data);
}

/** The draft as it will be stored, with Send / numbers again / discard. */
export function showDraft(turn: Turn, data: StateData): void {
  turn.go(canvassFlow, "confirm", data);
  const editing = typeof data.editing === "number";
  turn.say({
    text: `${describeCanvassDraft(turn, String(data.place), draftCounts(data), readDraftIssues(data), Boolean(data.photo))}\n\n${turn.t(editing ? "canvass:confirm.askEdit" : "canvass:confirm.ask")}`,
    choices: [
      { id: "canvass:send", label: turn.t(editing ? "canvass:confirm.save" : "canvass:confirm.send") },
      { id: "canvass:redo", label: turn.t("canvass:confirm.redo") },
      { id: "canvass:discard", label: turn.t("canvass:confirm.discard") },
    ],
  });
}

export function restartNumbers(turn: Turn, data: StateData): void {
  promptNumber(turn, "households", data);
}

export function draftCounts(data: StateData): CanvassCounts {
  return {
    households: Number(data.households ?? 0),
    supporters: Number(data.supporters ?? 0),
    undecided: Number(data.undecided ?? 0),
    leaningElsewhere: Number(data.leaningElsewhere ?? 0),
    notHome: Number(data.notHome ?? 0),
  };
}
