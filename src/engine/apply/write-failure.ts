// A write Azure refused (or that could not be verified), with what the applier needs to decide
// whether to retry: Azure's error code, the HTTP status, and any Retry-After.
export class WriteFailure extends Error {
  constructor(
    readonly resourceId: string,
    message: string,
    readonly code?: string,
    readonly httpStatus?: number,
    /** Seconds Azure asked us to wait (Retry-After), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
