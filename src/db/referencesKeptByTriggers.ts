/**
 * References that PostgreSQL's migrations keep with triggers instead of foreign keys, so the
 * catalog (pg_constraint) does not list them: Delivery's to Broadcast and Task are checked once per
 * statement, not once per row (migration delivery_parents_checked_per_statement). Whatever orders
 * tables by their references (`relawan db copy`) reads these too.
 */
export const referencesKeptByTriggers: readonly { table: string; column: string; references: string; nullable: boolean }[] = [
  { table: "Delivery", column: "broadcastId", references: "Broadcast", nullable: true },
  { table: "Delivery", column: "taskId", references: "Task", nullable: true },
];
