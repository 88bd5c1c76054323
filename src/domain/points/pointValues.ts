/**
 * What earns a volunteer points. Points are never stored: they are counted from the records
 * (finished task assignments, recruits with a volunteer profile, canvass reports not withdrawn), so changing a value here
 * recomputes every score.
 */
export const pointValues = {
  /** A TaskAssignment of theirs with status "done". */
  taskDone: 10,
  /** A person who arrived with their referral code and finished volunteer sign-up. */
  recruit: 5,
  /** A canvass report (blusukan) of theirs that is not withdrawn. */
  canvassReport: 5,
} as const;
