import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { componentSchemas, swaggerTransform } from './zod-bridge.js';

/** Tags of the OpenAPI document, in display order. */
const TAGS = [
  { name: 'consents', description: 'The consent ledger: record, query, use as acceptance' },
  { name: 'decisions', description: 'Runtime decisions' },
  { name: 'policies', description: 'Published policy versions' },
  { name: 'ledger', description: 'Chain verification and the change feed' },
  { name: 'sdk', description: 'For SDKs deciding in process' },
  { name: 'pages', description: 'Web pages and health' },
];

/**
 * The OpenAPI 3.1 document at `/docs/json` (`/docs/yaml` too), generated from the route
 * schemas, and Swagger UI at `/docs`. Register before any route.
 */
export async function registerDocs(app: FastifyInstance, options: { bearer: boolean }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pledge API',
        version: '1',
        description:
          'Consent ledger, runtime decisions and policy versions of a Pledge deployment. Errors are `{ error: { code, message, issues? } }`; messages name fields, never their values.',
      },
      tags: TAGS,
      components: {
        schemas: componentSchemas(),
        ...(options.bearer
          ? {
              securitySchemes: {
                bearer: { type: 'http', scheme: 'bearer', description: 'PLEDGE_API_TOKEN' },
              },
            }
          : {}),
      },
    },
    transform: swaggerTransform,
    transformObject: (documentObject) => {
      const document = 'openapiObject' in documentObject ? documentObject.openapiObject : undefined;
      if (!document || !options.bearer) return document ?? {};
      // The token guards /v1 only.
      for (const [path, item] of Object.entries(document.paths ?? {})) {
        if (!path.startsWith('/v1/')) continue;
        for (const operation of Object.values(item as Record<string, { security?: unknown }>)) {
          operation.security = [{ bearer: [] }];
        }
      }
      return document;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // No validator badge (it would send the document to validator.swagger.io); no upgrade to
    // https, which would break the page on a plain-http address other than localhost; the
    // inline styles Swagger UI sets on its elements.
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(' validator.swagger.io', '')
        .replace(/\s*upgrade-insecure-requests;?/, '')
        .replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
  });
}
