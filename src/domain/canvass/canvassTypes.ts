// The shapes of a canvass report (blusukan): counts of households, never people.

/** Households visited, and how many of them said what. Whole numbers; each part at most `households`. */
export interface CanvassCounts {
  households: number;
  supporters: number;
  undecided: number;
  leaningElsewhere: number;
  notHome: number;
}

/** The parts of a report, in the order the chat asks for them. */
export const canvassParts = ["supporters", "undecided", "leaningElsewhere", "notHome"] as const;
export type CanvassPart = (typeof canvassParts)[number];

/** A local issue heard: one of the campaign's programmes, or the volunteer's own words. */
export type CanvassIssueInput = { programmeId: string } | { text: string };

/** A report may be corrected or withdrawn by its author for this long after it was sent. */
export const canvassEditWindowMs = 24 * 60 * 60 * 1000;

/** CANVASS_MAX_HOUSEHOLDS when not set: more than a volunteer visits in one round, well short of a typing slip. */
export const defaultCanvassMaxHouseholds = 300;

/** At most this many issues per report, and this many characters of free text each. */
export const maxCanvassIssues = 5;
export const maxCanvassIssueText = 120;

export type CanvassCountsProblem =
  | { problem: "no_households" }
  | { problem: "too_many_households"; max: number }
  | { problem: "part_above_households"; part: CanvassPart }
  | { problem: "parts_above_households"; total: number }
  | { problem: "not_whole"; field: keyof CanvassCounts };

export interface CanvassReportView extends CanvassCounts {
  id: number;
  regionCode: string;
  photo: string | null;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  issues: CanvassIssueInput[];
}
