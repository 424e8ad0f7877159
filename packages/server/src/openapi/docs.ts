import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { isPublicRoute } from '../security/public-routes.js';
import { routeScopes } from '../security/route-scopes.js';
import { componentSchemas, swaggerTransform } from './zod-bridge.js';

/** Tags of the OpenAPI document, in display order. */
const TAGS = [
  { name: 'consents', description: 'The consent ledger: record, query, use as acceptance' },
  { name: 'decisions', description: 'Runtime decisions' },
  { name: 'policies', description: 'Published policy versions' },
  { name: 'ledger', description: 'Chain verification and the change feed' },
  { name: 'sdk', description: 'For SDKs deciding in process' },
  { name: 'keys', description: 'API keys (admin scope)' },
  {
    name: 'requests',
    description: 'Data-subject requests: intake, the queue by due date, the officer steps (dsr scope)',
  },
  { name: 'pages', description: 'Web pages and health' },
];

/**
 * The OpenAPI 3.1 document at `/docs/json` (`/docs/yaml` too), generated from the route
 * schemas, and Swagger UI at `/docs`. Register before any route.
 */
export async function registerDocs(app: FastifyInstance): Promise<void> {
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
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API key (pledge keys create); the scopes each route accepts are listed in its description',
          },
        },
      },
    },
    transform: swaggerTransform,
    transformObject: (documentObject) => {
      const document = 'openapiObject' in documentObject ? documentObject.openapiObject : undefined;
      if (!document) return {};
      // Every route but the public ones needs a key; the scopes it accepts are listed.
      for (const [path, item] of Object.entries(document.paths ?? {})) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        for (const [method, operation] of Object.entries(
          item as Record<string, { security?: unknown; description?: string }>,
        )) {
          if (isPublicRoute(method.toUpperCase(), url)) continue;
          operation.security = [{ bearer: [] }];
          const scopes = routeScopes(method.toUpperCase(), url);
          const needs = `Needs an API key with the scope ${scopes.join(' or ')}.`;
          operation.description = operation.description ? `${operation.description} ${needs}` : needs;
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
