// One turn of a conversation: what the person sent, who they are, where they
// are in a flow, and what we will answer. Flows read and change it; the engine
// persists it in the same transaction.
import type { Db } from "../db/client.js";
import type { LoadedContact } from "../domain/contacts/readContactForTurn.js";
import type { Translate } from "./createTranslator.js";
import type { EngineDeps } from "./engineDeps.js";
import type { Choice, Effect, InboundKind, InboundMessage, Reply } from "./types.js";

export type StateData = Record<string, unknown>;

export interface TurnInput {
  kind: InboundKind;
  text: string;
  choiceId?: string;
  sharedPhone?: string;
}

export class Turn {
  replies: Reply[] = [];
  effects: Effect[] = [];
  flow = "idle";
  step = "menu";
  data: StateData = {};
  erased = false;
  t: Translate;

  constructor(
    readonly tx: Db,
    readonly deps: EngineDeps,
    readonly message: InboundMessage,
    public contact: LoadedContact,
    readonly now: Date,
  ) {
    this.t = deps.translator.forLanguage(contact.language);
    const saved = contact.conversation;
    if (saved) {
      this.flow = saved.flow;
      this.step = saved.step;
      // The choices the last turn offered are stored beside the flow's answers, not among them.
      const { _offered: offered, ...answers } = parseData(saved.data);
      this.data = answers;
      this.previouslyOffered = Array.isArray(offered) ? (offered as Choice[]) : [];
    }
  }

  /** The choices the person was shown last turn: "2" or a label typed now maps onto them. */
  readonly previouslyOffered: Choice[] = [];

  /** What the database keeps between turns: the flow's answers and the choices on screen now. */
  serializedState(): string {
    const offered = this.offeredChoices().map(({ id, label }) => ({ id, label }));
    return JSON.stringify({ ...this.data, _offered: offered });
  }

  get language(): string {
    return this.contact.language;
  }

  get campaignName(): string {
    const names = this.deps.campaign.campaign.name;
    return names[this.language] ?? names[this.deps.translator.defaultLanguage] ?? Object.values(names)[0] ?? "";
  }

  /** Picks the person's language from a localized content field. */
  pick(text: Record<string, string>): string {
    return text[this.language] ?? text[this.deps.translator.defaultLanguage] ?? Object.values(text)[0] ?? "";
  }

  say(reply: Reply): void {
    this.replies.push(reply);
  }

  go(flow: string, step: string, data: StateData = this.data): void {
    this.flow = flow;
    this.step = step;
    this.data = data;
  }

  idle(): void {
    this.go("idle", "menu", {});
  }

  setLanguage(language: string): void {
    this.contact = { ...this.contact, language };
    this.t = this.deps.translator.forLanguage(language);
  }

  /** The choices of the last reply that offered any: typed numbers and labels map onto them. */
  offeredChoices(): Choice[] {
    for (let i = this.replies.length - 1; i >= 0; i--) {
      const choices = this.replies[i]?.choices;
      if (choices && choices.length > 0) return choices;
    }
    return [];
  }
}

function parseData(json: string): StateData {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as StateData) : {};
  } catch {
    return {};
  }
}
