/**
 * One error type with stable codes. Routes and services throw AppError; one handler (see
 * error-handler.ts) renders it as an HTML page or a JSON body. Tests assert the code, not the text.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** Appointments: someone else holds the slot (API answer 409 with this code). */
  slot_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field-level validation problem: which field, and a message key or text. */
export interface FieldError {
  field: string;
  message: string;
}

/** The error every layer throws. `status` follows from `code`; `fields` carry validation details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly fields: FieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const forbidden = (why = 'Forbidden') => new AppError('forbidden', why);
