import type { HttpStatusErrorCode } from '@pledge/protocol';
import type { ApiErrorBody, ApiIssue } from './types.js';

/**
 * An error answer of the Pledge API (or no answer at all: `status` 0, code `network-error`
 * or `timeout`). The message names the route and the server's code and message, never the
 * request body, so it carries no personal data.
 */
export class PledgeApiError extends Error {
  override readonly name = 'PledgeApiError';
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /**
   * Stable code: an `ErrorCode` of `@pledge/protocol` (see docs/errors.md), or `http-<status>`
   * when the answer was not a Pledge error body (a proxy's 502).
   */
  readonly code: string;
  /** What was wrong with the request, field by field, when the server said. */
  readonly issues: readonly ApiIssue[];

  constructor(
    status: number,
    code: string,
    message: string,
    issues: readonly ApiIssue[] = [],
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** Builds the error for a non-2xx response from its (possibly non-JSON) body. */
export function errorFromResponse(route: string, status: number, body: unknown): PledgeApiError {
  const error = isErrorBody(body) ? body.error : undefined;
  const code =
    typeof error?.code === 'string' ? error.code : (`http-${status}` satisfies HttpStatusErrorCode);
  const detail = typeof error?.message === 'string' ? `: ${error.message}` : '';
  const issues = Array.isArray(error?.issues) ? error.issues.filter(isIssue) : [];
  return new PledgeApiError(status, code, `${route} failed with ${status} ${code}${detail}`, issues);
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).error === 'object';
}

function isIssue(value: unknown): value is ApiIssue {
  const issue = value as ApiIssue;
  return typeof value === 'object' && value !== null && typeof issue.path === 'string';
}
