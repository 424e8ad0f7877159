import { ErrorResponse } from '@pledge/protocol';
import { z } from 'zod';

/** A text page (HTML or Markdown). */
export function textResponse(description: string, types: readonly string[]): Record<string, unknown> {
  return {
    description,
    content: Object.fromEntries(types.map((type) => [type, { schema: z.string() }])),
  };
}

/** An error answer with its description, for the OpenAPI document. */
export function errorResponse(description: string): Record<string, unknown> {
  return { description, content: { 'application/json': { schema: ErrorResponse } } };
}

/** The error answers every /v1 route may give. */
export const V1_ERRORS = {
  400: errorResponse("Bad request: 'issues' name the fields at fault"),
  401: errorResponse('Missing, unknown or revoked API key (when keys exist)'),
  403: errorResponse(
    'The key lacks the scope or origin, development mode refuses the caller, or the body names another actor',
  ),
  421: errorResponse('Host name not served (PLEDGE_ALLOWED_HOSTS)'),
  429: errorResponse('Too many requests (rate limit)'),
  500: errorResponse('Internal error'),
} as const;

/** The error answers of a route taking a JSON body. */
export const BODY_ERRORS = {
  ...V1_ERRORS,
  413: errorResponse('Body too large'),
  415: errorResponse('Unsupported content-type'),
} as const;
