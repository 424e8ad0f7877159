import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ERROR_CODES,
  ERRORS,
  type ErrorCode,
  ErrorResponse,
  errorBody,
  errorSpec,
  isErrorCode,
  SERVER_ERROR_CODES,
  type ServerErrorCode,
} from '../src/index.js';

describe('the error catalogue', () => {
  it('lists each code once, in kebab-case', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('gives server codes an error status and SDK codes none or a success status', () => {
    for (const spec of ERRORS) {
      if (spec.source === 'server') expect(spec.status).toBeGreaterThanOrEqual(400);
      else expect(spec.status === 0 || (spec.status >= 200 && spec.status < 300)).toBe(true);
      expect(spec.title.length).toBeGreaterThan(0);
      expect(spec.description.length).toBeGreaterThan(0);
      expect(spec.action.length).toBeGreaterThan(0);
    }
  });

  it('derives the server codes from the one list', () => {
    expect(SERVER_ERROR_CODES).toEqual(ERRORS.filter((e) => e.source === 'server').map((e) => e.code));
    expect(errorSpec('unauthorized').status).toBe(401);
  });

  it('tells codes from other strings', () => {
    expect(isErrorCode('not-found')).toBe(true);
    expect(isErrorCode('subject-not-cached')).toBe(true);
    expect(isErrorCode('http-502')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });

  it('types codes as a union of the listed strings', () => {
    expectTypeOf<'bad-request'>().toExtend<ServerErrorCode>();
    expectTypeOf<'timeout'>().toExtend<ErrorCode>();
    expectTypeOf<'timeout'>().not.toExtend<ServerErrorCode>();
    expectTypeOf<'made-up'>().not.toExtend<ErrorCode>();
  });
});

describe('the error body', () => {
  it('accepts every server code and refuses any other', () => {
    for (const code of SERVER_ERROR_CODES) {
      expect(ErrorResponse.safeParse(errorBody(code, 'm')).success).toBe(true);
    }
    expect(ErrorResponse.safeParse({ error: { code: 'timeout', message: 'm' } }).success).toBe(false);
  });

  it('carries issues only when there are some', () => {
    expect(errorBody('bad-request', 'm', [])).toEqual({ error: { code: 'bad-request', message: 'm' } });
    const issues = [{ path: 'events[0].type', code: 'schema.invalid_value', message: 'x' }];
    expect(errorBody('bad-request', 'm', issues).error.issues).toEqual(issues);
  });
});
