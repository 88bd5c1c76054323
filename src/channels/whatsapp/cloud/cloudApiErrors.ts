// Two small typed errors, after grammY's GrammyError / HttpError: the Graph API said no, or nothing answered.

/** The Graph API answered with an error: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export class CloudApiError extends Error {
  override readonly name = "CloudApiError";

  constructor(
    message: string,
    readonly details: {
      /** HTTP status of the last answer. */
      status: number;
      /** Graph error code, e.g. 130429 (throughput), 131047 (outside the 24-hour window), 190 (token expired). */
      code: number | undefined;
      subcode?: number | undefined;
      type?: string | undefined;
      fbtraceId?: string | undefined;
      /** `error.error_data.details`: Meta's longer explanation. */
      explanation?: string | undefined;
      /** True when trying again later may succeed: throttling or a server-side fault. */
      retryable: boolean;
      attempts: number;
      /** The wait Meta asked for (Retry-After) when it was longer than we sit out inline. */
      retryAfterMs?: number | undefined;
    },
  ) {
    super(message);
  }

  get status(): number {
    return this.details.status;
  }
  get code(): number | undefined {
    return this.details.code;
  }
  get retryable(): boolean {
    return this.details.retryable;
  }
}

/** No answer from the Graph API: DNS, refused connection, reset, timeout. `mayHaveArrived`: false only when the request surely never left. */
export class CloudNetworkError extends Error {
  override readonly name = "CloudNetworkError";
  readonly retryable = true;

  constructor(
    message: string,
    readonly attempts: number,
    options: { cause: unknown },
    readonly mayHaveArrived = true,
  ) {
    super(message, options);
  }
}
