// "Talk to a person": what the person wants to say goes to the staff inbox, and the team's reply
// comes back in this chat. One open request per person; saying more adds to it.
import { fileHandoff } from "../../domain/inbox/fileHandoff.js";
import type { Turn, TurnInput } from "../turn.js";
import { showMenu } from "./mainMenu.js";

const flow = "handoff";

/** With text (/tim <text>) it is filed at once; otherwise we ask what they want to say. */
export async function startHandoff(turn: Turn, text?: string): Promise<void> {
  if (text?.trim()) return fileRequest(turn, text.trim());
  promptMessage(turn);
}

export async function handleHandoffStep(turn: Turn, input: TurnInput): Promise<void> {
  if (input.choiceId === "handoff:cancel") return showMenu(turn, turn.t("inbox:handoff.cancelled"));
  if (input.kind !== "text") {
    turn.say({ text: turn.t("input.textOnly") });
    return promptMessage(turn);
  }
  const text = input.text.trim();
  // "?" or "1" is not something the team can answer: ask again.
  if (text.replace(/[^\p{L}\p{N}]/gu, "").length < 2) return promptMessage(turn);
  return fileRequest(turn, text);
}

function promptMessage(turn: Turn): void {
  turn.go(flow, "message", {});
  turn.say({ text: turn.t("inbox:handoff.prompt"), choices: [{ id: "handoff:cancel", label: turn.t("inbox:handoff.cancel") }] });
}

async function fileRequest(turn: Turn, text: string): Promise<void> {
  const outcome = await fileHandoff(turn.tx, { contactId: turn.contact.id, text, language: turn.language, channel: turn.message.channel, at: turn.now });
  const lines = [turn.t(`inbox:handoff.${outcome.status}`, { campaign: turn.campaignName })];
  // A reply never reaches someone who said STOP: tell them now rather than leave them waiting.
  if (turn.contact.optedOut) lines.push(turn.t("inbox:handoff.optedOut"));
  showMenu(turn, lines.join("\n\n"));
}
