// Scores FAQ outcomes against test/faq/labelled-questions.json: the figures issue 16 asks for.
import { readFileSync } from "node:fs";

export interface LabelledQuestion {
  text: string;
  language: string;
  expected: string | null;
}

/** One half of the labelled set: questions an FAQ answers, off-topic messages, and vague ones. */
export interface LabelledHalf {
  questions: LabelledQuestion[];
  offTopic: LabelledQuestion[];
  vague: LabelledQuestion[];
}

export interface LabelledSet {
  tuning: LabelledHalf;
  reporting: LabelledHalf;
}

/** What the bot did with a message, as far as scoring cares. */
export type ScoredOutcome = { kind: "answer"; faqId: string } | { kind: "choose"; faqIds: string[] } | { kind: "none" };

export interface HalfFigures {
  /** Questions answered with the right FAQ, or offered a choice list that holds it. */
  top1: { right: number; total: number };
  /** Of the right ones, how many needed the choice list. */
  viaChoice: number;
  /** Off-topic messages that got neither an answer nor a choice list. */
  offTopicFallback: { right: number; total: number };
  /** Vague messages that got no direct answer (a choice list or a prompt to say more). */
  vagueNotAnswered: { right: number; total: number };
  /** Direct answers that were wrong, over every message of the half. */
  confidentlyWrong: { wrong: number; total: number; answered: number };
  misses: string[];
}

export function readLabelledSet(root: URL): LabelledSet {
  return JSON.parse(readFileSync(new URL("test/faq/labelled-questions.json", root), "utf8")) as LabelledSet;
}

export function scoreHalf(half: LabelledHalf, decide: (text: string, language: string) => ScoredOutcome): HalfFigures {
  const figures: HalfFigures = {
    top1: { right: 0, total: half.questions.length },
    viaChoice: 0,
    offTopicFallback: { right: 0, total: half.offTopic.length },
    vagueNotAnswered: { right: 0, total: half.vague.length },
    confidentlyWrong: { wrong: 0, total: half.questions.length + half.offTopic.length + half.vague.length, answered: 0 },
    misses: [],
  };
  const describe = (outcome: ScoredOutcome) =>
    outcome.kind === "answer" ? outcome.faqId : outcome.kind === "choose" ? `choice of ${outcome.faqIds.join(", ")}` : "no answer";
  for (const question of half.questions) {
    const outcome = decide(question.text, question.language);
    if (outcome.kind === "answer") figures.confidentlyWrong.answered++;
    if (outcome.kind === "answer" && outcome.faqId === question.expected) figures.top1.right++;
    else if (outcome.kind === "choose" && outcome.faqIds.includes(question.expected ?? "")) {
      figures.top1.right++;
      figures.viaChoice++;
    } else {
      if (outcome.kind === "answer") figures.confidentlyWrong.wrong++;
      figures.misses.push(`  "${question.text}" [${question.language}] expected ${question.expected}, got ${describe(outcome)}`);
    }
  }
  for (const message of half.offTopic) {
    const outcome = decide(message.text, message.language);
    if (outcome.kind === "none") figures.offTopicFallback.right++;
    else figures.misses.push(`  off-topic "${message.text}" got ${describe(outcome)}`);
    if (outcome.kind === "answer") {
      figures.confidentlyWrong.answered++;
      figures.confidentlyWrong.wrong++;
    }
  }
  for (const message of half.vague) {
    const outcome = decide(message.text, message.language);
    if (outcome.kind !== "answer") figures.vagueNotAnswered.right++;
    else {
      figures.confidentlyWrong.answered++;
      figures.confidentlyWrong.wrong++;
      figures.misses.push(`  vague "${message.text}" got ${describe(outcome)}`);
    }
  }
  return figures;
}

const percent = (hits: number, total: number) => `${total === 0 ? "-" : ((100 * hits) / total).toFixed(1)}% (${hits}/${total})`;

export function formatFigures(name: string, figures: HalfFigures): string {
  const { top1, viaChoice, offTopicFallback, vagueNotAnswered, confidentlyWrong } = figures;
  return [
    `FAQ ${name} half:`,
    `  top-1 accuracy ${percent(top1.right, top1.total)}, of which ${viaChoice} through a choice list`,
    `  off-topic fallback ${percent(offTopicFallback.right, offTopicFallback.total)}; vague messages not answered ${percent(vagueNotAnswered.right, vagueNotAnswered.total)}`,
    `  confidently wrong ${percent(confidentlyWrong.wrong, confidentlyWrong.total)} of all messages (${percent(confidentlyWrong.wrong, confidentlyWrong.answered)} of direct answers)`,
  ].join("\n");
}
