import type { FileProblem, Translate } from "./types.js";

/** Why a whole file was refused, naming the file and what to do about it. */
export function describeFileProblem(t: Translate, problem: FileProblem, file: string): string {
  const key = `importexport:file.${problem.code}`;
  switch (problem.code) {
    case "invalid_utf8":
      return t(key, { file, line: problem.line });
    case "no_key_column":
    case "no_target_columns":
      return t(key, { file, columns: problem.columns.join(", ") || "-" });
    case "duplicate_column":
      return t(key, { file, column: problem.column });
    case "errors_not_writable":
      return t(key, { file, path: problem.path });
    case "xlsx_too_large":
      return t(`${key}_${problem.limit}`, { file, max: problem.max, mb: Math.floor(problem.max / 1024 / 1024) });
    case "too_large":
      return t(key, { file, mb: Math.floor(problem.maxBytes / 1024 / 1024) });
    default:
      return t(key, { file });
  }
}
