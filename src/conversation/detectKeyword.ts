// Words that work at any step of any flow. STOP must never be swallowed by a
// flow that happens to be waiting for a name or a region.
import { simplify } from "./resolveChoice.js";

/** Commands for campaign staff; who may use which is decided in flows/staffCommands.ts. */
export const staffCommandNames = ["staff", "segment", "segments", "broadcast", "audit", "inbox", "reply", "task", "stats", "import", "export", "target", "peta", "map", "isu", "dasbor", "dashboard", "cakupan", "coverage", "wilayahlemah", "weakregions"] as const;
export type StaffCommandName = (typeof staffCommandNames)[number];

export type Keyword =
  | { type: "stop" }
  | { type: "resubscribe" }
  | { type: "start"; payload?: string }
  | { type: "menu" }
  | { type: "help" }
  | { type: "myData" }
  | { type: "editData" }
  | { type: "eraseData" }
  | { type: "language" }
  | { type: "volunteer" }
  | { type: "ask" }
  | { type: "cancel" }
  /** A volunteer's own tasks: /tugas, "tugas saya". */
  | { type: "myTasks" }
  /** "Talk to a person": /tim [what to say], or a phrase like "hubungi tim". */
  | { type: "handoff"; text?: string }
  | { type: "leaderboard" }
  /** /lapor [ubah|batal]: a volunteer's canvass report (blusukan). */
  | { type: "canvass"; args: string }
  | { type: "invite" }
  | { type: "unknownCommand"; command: string }
  /** /staff, /segment(s), /broadcast, /audit: the role is checked when it runs. */
  | { type: "staff"; command: StaffCommandName; args: string };

const stopWords = new Set(["stop", "berhenti", "unsubscribe", "stop all", "stopall", "unsub", "cancel subscription"]);
const resubscribeWords = new Set(["mulai", "start"]);
const greetingWords = new Set(["halo", "hallo", "helo", "hello", "hi", "hai", "hei", "hey", "menu", "main menu", "menu utama"]);
const cancelWords = new Set(["batal", "cancel", "batalkan", "keluar"]);
const myTasksWords = new Set(["tugas", "tugas saya", "tugasku", "tugas ku", "daftar tugas", "tasks", "my tasks"]);
// The whole message, as people ask for a human; a question that merely mentions "admin" stays a question.
const handoffWords = new Set([
  "bicara dengan orang", "bicara dengan manusia", "bicara dengan tim", "bicara sama orang", "ngobrol sama orang", "hubungi tim", "hubungi admin",
  "minta admin", "admin", "cs", "operator", "talk to a person", "talk to a human", "talk to someone", "human", "real person",
]);
const handoffCommands = new Set(["tim", "hubungitim", "human", "operator"]);
const canvassCommands = new Set(["lapor", "blusukan", "canvass"]);

const commands: Record<string, Keyword["type"]> = {
  stop: "stop",
  berhenti: "stop",
  unsubscribe: "stop",
  mulai: "resubscribe",
  menu: "menu",
  help: "help",
  bantuan: "help",
  datasaya: "myData",
  mydata: "myData",
  ubahdata: "editData",
  editdata: "editData",
  hapusdata: "eraseData",
  deletedata: "eraseData",
  bahasa: "language",
  language: "language",
  relawan: "volunteer",
  daftar: "volunteer",
  volunteer: "volunteer",
  tanya: "ask",
  ask: "ask",
  batal: "cancel",
  cancel: "cancel",
  tugas: "myTasks",
  tugassaya: "myTasks",
  tasks: "myTasks",
  mytasks: "myTasks",
  peringkat: "leaderboard",
  leaderboard: "leaderboard",
  ajak: "invite",
  invite: "invite",
  referral: "invite",
};

export function detectKeyword(text: string): Keyword | undefined {
  const trimmed = text.trim();
  const command = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+(.*))?$/s.exec(trimmed);
  if (command) {
    const name = (command[1] ?? "").toLowerCase();
    if (name === "start") {
      const payload = command[2]?.trim();
      return payload ? { type: "start", payload } : { type: "start" };
    }
    if ((staffCommandNames as readonly string[]).includes(name)) return { type: "staff", command: name as StaffCommandName, args: command[2]?.trim() ?? "" };
    if (canvassCommands.has(name)) return { type: "canvass", args: command[2]?.trim() ?? "" };
    if (handoffCommands.has(name)) {
      const said = command[2]?.trim();
      return said ? { type: "handoff", text: said } : { type: "handoff" };
    }
    const type = commands[name];
    if (!type) return { type: "unknownCommand", command: name };
    return { type } as Keyword;
  }
  const words = simplify(trimmed);
  if (stopWords.has(words)) return { type: "stop" };
  if (resubscribeWords.has(words)) return { type: "resubscribe" };
  if (greetingWords.has(words)) return { type: "menu" };
  if (cancelWords.has(words)) return { type: "cancel" };
  if (myTasksWords.has(words)) return { type: "myTasks" };
  if (handoffWords.has(words)) return { type: "handoff" };
  return undefined;
}
