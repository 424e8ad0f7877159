import type { FastifyInstance } from 'fastify';

// A shield in the page's link colour; served so browsers' automatic request is not a 404.
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 1 2 3.5v4C2 11 4.6 14 8 15c3.4-1 6-4 6-7.5v-4z" fill="#0b57d0"/></svg>';

/** `GET /favicon.ico`: the Pledge icon (SVG). */
export function registerFaviconRoute(app: FastifyInstance): void {
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(ICON),
  );
}
