/**
 * A start-up that cannot go on, told in one line a person can act on: the setting involved and
 * what to do. The exit code says which kind: 2, a setting to correct (a path, a port, a file);
 * 1, a service that does not answer (PostgreSQL, Redis, the Bot API) and may on the next try.
 * The bot and every CLI command print the line alone, without a stack.
 */
export class StartupError extends Error {
  override name = "StartupError";

  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}
