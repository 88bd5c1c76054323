import { simplify } from "../text/simplify.js";

export type TaskAnswerAction = "accept" | "decline" | "done";

export interface TaskAnswer {
  action: TaskAnswerAction;
  /** Absent for a bare "SELESAI": the caller decides whether it can only mean one task. */
  taskId?: number;
  /** What followed the number, as typed: a done report's proof ("SELESAI 12 https://..."). */
  rest: string;
  /**
   * The form the offer itself asks for ("TERIMA 12", "DONE 12"): surely meant for a task. Any
   * other form ("ikut 17", "tolak 12 lagi sakit") could be ordinary talk, and counts as an
   * answer only if that task was offered to the person.
   */
  exact: boolean;
}

// Words people answer a task offer with, in either language, after simplifying (lowercase,
// punctuation gone). "Strong" words mean the task even with more words after them; "weak" ones
// ("ok 12") only when nothing follows, since "ok 12 orang" is not an answer to task 12.
const strong: Record<string, TaskAnswerAction> = {};
const weak: Record<string, TaskAnswerAction> = {};
const lexicon: [TaskAnswerAction, Record<string, TaskAnswerAction>, string[]][] = [
  ["accept", strong, ["terima", "trima", "accept", "ambil", "ikut", "join", "take", "saya terima", "aku terima", "sy terima", "saya ikut", "aku ikut", "saya ambil", "aku ambil", "siap ikut", "mau ikut", "i accept", "i ll take", "ill take", "i m in", "im in"]],
  ["accept", weak, ["ok", "oke", "okay", "okey", "siap", "sip", "mau", "ya", "iya", "yes", "bisa", "saya bisa", "aku bisa"]],
  ["decline", strong, ["tolak", "decline", "reject", "tidak bisa", "tdk bisa", "gak bisa", "ga bisa", "gk bisa", "nggak bisa", "ngga bisa", "enggak bisa", "gabisa", "belum bisa", "maaf tidak bisa", "maaf gak bisa", "maaf ga bisa", "saya tolak", "aku tolak", "cannot", "can t", "cant", "pass", "skip", "lewati"]],
  ["decline", weak, ["tidak", "tdk", "gak", "ga", "nggak", "no", "nope"]],
  ["done", strong, ["selesai", "done", "beres", "rampung", "sudah selesai", "udah selesai", "sdh selesai", "dah selesai", "sudah beres", "udah beres", "lapor", "lapor selesai", "laporan", "report", "report done", "finished", "finish", "complete", "completed"]],
  ["done", weak, ["sudah", "udah", "sdh"]],
];
for (const [action, table, words] of lexicon) for (const word of words) table[word] = action;
const canonical = new Set(["terima", "accept", "tolak", "decline", "selesai", "done"]);
// What may follow an acceptance ("terima 12 ya kak"); anything else ("ikut 17 agustusan") is not one.
const courtesy = new Set(["ya", "yaa", "yah", "kak", "ka", "min", "pak", "bu", "mas", "mbak", "bang", "siap", "ok", "oke", "sip", "deh", "dong", "terima", "kasih", "makasih", "makasi", "thanks", "thank", "you", "please", "pls"]);

// "TERIMA 12", "terima tugas #12", "Selesai no. 12: https://...", "tolak task 12 maaf".
const verbFirst = /^([\p{L}' ]+?)\s*(?:(?:tugas|task)\b\s*)?(?:(?:no|nomor|nr)\b\.?\s*)?#?\s*(\d{1,9})(?!\d)(.*)$/isu;
// "tugas 12 selesai", "task #12 done".
const taskFirst = /^(?:tugas|task)\s*#?\s*(\d{1,9})\s+([\p{L}' ]+?)[\s.!]*$/iu;

/** Reads a typed answer to a task offer or reminder; undefined when the text is not one. */
export function parseTaskAnswer(text: string): TaskAnswer | undefined {
  const trimmed = text.trim();
  const first = verbFirst.exec(trimmed);
  if (first) {
    const verb = simplify(first[1] ?? "");
    const rest = (first[3] ?? "").replace(/^[\s.,:;!?)\]–—-]+/u, "").trim();
    const action = strong[verb] ?? (rest === "" ? weak[verb] : undefined);
    const said = simplify(rest);
    if (action === "accept" && said !== "" && !said.split(" ").every((word) => courtesy.has(word))) return undefined;
    if (action) return { action, taskId: Number(first[2]), rest: action === "done" ? rest : "", exact: canonical.has(verb) && rest === "" };
  }
  const second = taskFirst.exec(trimmed);
  if (second) {
    const action = strong[simplify(second[2] ?? "")] ?? weak[simplify(second[2] ?? "")];
    if (action) return { action, taskId: Number(second[1]), rest: "", exact: false };
  }
  // A bare word: only the strong ones, so "ok" or "ya" keep meaning what they mean elsewhere.
  const bare = strong[simplify(trimmed)];
  return bare ? { action: bare, rest: "", exact: false } : undefined;
}

