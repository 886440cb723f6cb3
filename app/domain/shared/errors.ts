// Domain errors carry a code mapped to an HTTP status; routes turn them into responses, never 500s.
export type ErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "RATE_LIMITED" | "UNAUTHENTICATED";

const STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID: 400,
  RATE_LIMITED: 429,
  UNAUTHENTICATED: 401,
};

export class DomainError extends Error {
  constructor(
    public code: ErrorCode,
    /** An i18n key shown to the user. */
    public messageKey: string,
    public field?: string,
  ) {
    super(`${code}: ${messageKey}`);
  }
  get status() {
    return STATUS[this.code];
  }
}

export const notFound = () => new DomainError("NOT_FOUND", "common.notFoundBody");
export const forbidden = () => new DomainError("FORBIDDEN", "common.forbiddenBody");
