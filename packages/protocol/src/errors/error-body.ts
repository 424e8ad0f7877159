import { z } from 'zod';
import { SERVER_ERROR_CODES, type ServerErrorCode } from './catalogue.js';

/** One problem with a request: the field at fault (`events[0].type`), a stable code and a message. */
export const ApiIssue = z.object({
  path: z.string().describe("The field at fault, e.g. 'events[0].type'."),
  code: z.string(),
  message: z.string(),
  /** For YAML manifests: where in the text. */
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

/** Body of every error answer. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(SERVER_ERROR_CODES).describe('Stable code: see docs/errors.md.'),
      message: z.string().describe('Names fields, never their values.'),
      issues: z.array(ApiIssue).optional(),
    }),
  })
  .describe('Error');

/** Body of every error answer: a stable code, a message that names fields (never values), the issues. */
export interface ErrorBody {
  error: {
    code: ServerErrorCode;
    /** Names fields, never their values: no personal data. */
    message: string;
    issues?: ApiIssue[];
  };
}

/** An {@link ErrorBody}; `issues` only when there are some. */
export function errorBody(code: ServerErrorCode, message: string, issues?: ApiIssue[]): ErrorBody {
  return { error: issues && issues.length > 0 ? { code, message, issues } : { code, message } };
}
