// The campaign's figures as /stats and `relawan stats` show them. Everything here is counted in
// the database (COUNT, SUM, GROUP BY); no list of contacts is ever loaded to make them.

/** Cumulative totals at the end of one local day (in the campaign's TIMEZONE). */
export interface GrowthPoint {
  /** The local calendar day, "2026-11-26". */
  day: string;
  contacts: number;
  volunteers: number;
}

export interface ContactGrowth {
  contacts: number;
  /** People who signed up as volunteers (a Volunteer row). */
  volunteers: number;
  /** Joined during the last 7 local days, today included. */
  contactsLast7Days: number;
  volunteersLast7Days: number;
  /** Oldest first, starting the day before the first contact (at zero); [] when there is nobody yet. */
  points: GrowthPoint[];
  /** Days between points: 1, or more for a long campaign so the chart keeps a readable number of points. */
  stepDays: number;
}

export interface ProvinceCount {
  /** Two-digit province code, or null for volunteers without a known region. */
  code: string | null;
  /** From the region directory; null when the code is unknown to it or missing. */
  name: string | null;
  volunteers: number;
}

/** Every broadcast message, by where it stands. */
export interface BroadcastFunnel {
  /** Waiting, held for quiet hours, or being sent right now. */
  queued: number;
  delivered: number;
  /** Refused by the platform or failed after the retries, blocked people not included. */
  failed: number;
  /** The person blocked the bot or the account is gone (a 403, or skipped as already unreachable). */
  blocked: number;
  /** Not sent on purpose: opted out, no consent, cancelled, outside WhatsApp's window... */
  skipped: number;
  /** The sender died mid-call; it may or may not have arrived. */
  uncertain: number;
}

/** offered = no answer yet; overdue = accepted, past the deadline and not done. */
export const assignmentStates = ["done", "accepted", "overdue", "offered", "declined"] as const;
export type AssignmentState = (typeof assignmentStates)[number];
export type AssignmentCounts = Record<AssignmentState, number>;

export interface TaskProgress {
  id: number;
  title: string;
  deadline: Date;
  status: string;
  counts: AssignmentCounts;
}

export interface TaskCompletion {
  tasks: number;
  openTasks: number;
  /** Over every task. */
  totals: AssignmentCounts;
  /** The latest tasks, newest first. */
  recent: TaskProgress[];
}

export interface QuestionCount {
  /** One way the question was worded (the variants were merged). */
  text: string;
  count: number;
}

export interface CampaignStats {
  at: Date;
  timeZone: string;
  growth: ContactGrowth;
  /** Most volunteers first; volunteers without a region are one row with code null. */
  volunteersByProvince: ProvinceCount[];
  broadcasts: BroadcastFunnel;
  tasks: TaskCompletion;
  /** Open unanswered questions, most asked first, at most 10. */
  questions: QuestionCount[];
  /** Messages kept out of the inbox as keyboard mash or line noise (counted, never listed). */
  junkMessages: number;
}
