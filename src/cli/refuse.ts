import type { CliOutcome } from "./runCli.js";

/** A refusal: the sentence on stderr, and `{ error: code, message }` for --json. */
export function refuse(error: string, code: string): CliOutcome {
  return { code: 1, error, json: { error: code, message: error } };
}
