import type { BulkCell } from "./openBulkWriter.js";

/** A cell as PostgreSQL's text input reads it: a zone-less timestamp ignores the ISO text's Z, which is the UTC Prisma stores. */
export function toPostgresText(cell: BulkCell): string | null {
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === "boolean") return cell ? "t" : "f";
  return cell;
}
