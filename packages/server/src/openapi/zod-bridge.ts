import { findUnstorableText, formatPath, UNSTORABLE_TEXT_MESSAGES } from '@pledge/core';
import type { ApiIssue } from '@pledge/protocol';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import { COMPONENTS } from './components.js';

/** Where a request part is named in messages. */
const PART: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

/** Longest unknown-field name repeated in an issue path. */
const MAX_KEY = 100;

/** A request part that failed its zod schema: a 400 naming every field at fault. */
export class RequestValidationError extends HttpError {
  constructor(part: string, issues: ApiIssue[]) {
    const first = issues[0];
    const where = PART[part] ?? part;
    const summary = first ? `${where} ${first.path}: ${first.message}` : `${where} is invalid`;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(400, 'bad-request', `${summary}${more}`, issues);
  }
}

/**
 * Zod issues as API issues. Messages come from zod's English locale, which names types,
 * limits and allowed values but never the value received; an unknown key becomes one issue
 * per key, with the key in its path (so `strict` objects name the field at fault).
 */
export function toApiIssues(issues: readonly z.core.$ZodIssue[]): ApiIssue[] {
  const out: ApiIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: formatPath([...path, key.slice(0, MAX_KEY)]),
          code: 'schema.unrecognized_keys',
          message: 'unknown field',
        });
      }
      continue;
    }
    out.push({ path: formatPath(path), code: `schema.${issue.code}`, message: issue.message });
  }
  return out;
}

function isZod(schema: unknown): schema is z.ZodType {
  return schema instanceof z.ZodType;
}

/**
 * Fastify validator compiler for zod schemas: the parsed value (with defaults applied)
 * replaces the request part; a failure is a {@link RequestValidationError}. Every route
 * schema in this server is zod: anything else is a programming error, caught at startup.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart, url }) => {
  if (!isZod(schema)) throw new Error(`route ${url}: ${httpPart} schema must be a zod schema`);
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (!result.success) {
      return { error: new RequestValidationError(httpPart ?? 'body', toApiIssues(result.error.issues)) };
    }
    const unstorable = unstorableTextError(result.data, httpPart ?? 'body');
    return unstorable ? { error: unstorable } : { value: result.data };
  };
};

/**
 * A 400 naming the first string (or object key) the store cannot keep exactly as given: one
 * holding NUL, a lone UTF-16 surrogate or a byte-order mark (see `unstorableText` in
 * @pledge/core), if any. Runs on every request part after its schema, manifests included.
 */
export function unstorableTextError(value: unknown, part: string): RequestValidationError | undefined {
  const found = findUnstorableText(value);
  if (!found) return undefined;
  return new RequestValidationError(part, [
    {
      path: formatPath(found.path),
      code: 'schema.invalid_format',
      message: UNSTORABLE_TEXT_MESSAGES[found.fault],
    },
  ]);
}

/** The former name of {@link unstorableTextError} (it refused NUL only). */
export const nulError = unstorableTextError;

/**
 * Response schemas are zod too, kept for the OpenAPI document: replies are serialised
 * with `JSON.stringify` (dates become ISO strings).
 */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) =>
  JSON.stringify(data);

/**
 * A JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) of a zod schema, as a client writes
 * it (`io: 'input'`) for request parts and as the server sends it for responses. Shared
 * schemas (see {@link COMPONENTS}) become `$ref`s to `components.schemas`, except `root`.
 */
export function toJsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  root?: z.ZodType,
): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const current = ctx.zodSchema as unknown as z.ZodType;
      const name = current === root ? undefined : COMPONENTS.get(current);
      if (name === undefined) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
      ctx.jsonSchema.$ref = `#/components/schemas/${name}`;
    },
  }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** `components.schemas`: the shared schemas, as clients write them (the manifest) or receive them. */
export function componentSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [schema, name] of COMPONENTS) {
    out[name] = toJsonSchema(schema, name === 'Manifest' ? 'input' : 'output', schema);
  }
  return out;
}

/** The parts of a Fastify route schema the OpenAPI document reads. */
interface RouteSchema {
  body?: unknown;
  querystring?: unknown;
  params?: unknown;
  headers?: unknown;
  response?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Converts one schema or a `{ content: { type: { schema } } }` map. */
function convert(value: unknown, io: 'input' | 'output'): unknown {
  if (isZod(value)) return toJsonSchema(value, io);
  if (value && typeof value === 'object' && 'content' in value) {
    const { content, ...rest } = value as { content: Record<string, { schema?: unknown }> };
    const converted: Record<string, { schema?: unknown }> = {};
    for (const [type, entry] of Object.entries(content)) {
      converted[type] = {
        ...entry,
        schema: isZod(entry.schema) ? toJsonSchema(entry.schema, io) : entry.schema,
      };
    }
    return { ...rest, content: converted };
  }
  return value;
}

/**
 * `transform` for @fastify/swagger: turns the zod schemas of a route into JSON Schemas.
 * Descriptions given as `describe()` on a response schema become the response description.
 */
export function swaggerTransform({ schema, url }: { schema: unknown; url: string }): {
  schema: RouteSchema;
  url: string;
} {
  if (!schema || typeof schema !== 'object') return { schema: {} as RouteSchema, url };
  const source = schema as RouteSchema;
  const out: RouteSchema = { ...source };
  for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
    if (source[part] !== undefined) out[part] = convert(source[part], 'input');
  }
  if (source.response) {
    const response: Record<string, unknown> = {};
    for (const [status, value] of Object.entries(source.response)) {
      const converted = convert(value, 'output') as Record<string, unknown>;
      const description = isZod(value) ? value.description : undefined;
      response[status] = description && !converted.description ? { ...converted, description } : converted;
    }
    out.response = response;
  }
  return { schema: out, url };
}
