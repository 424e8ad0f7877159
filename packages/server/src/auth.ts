import { createHash, timingSafeEqual } from 'node:crypto';
import { errorBody } from '@pledge/protocol';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * An `onRequest` hook requiring `Authorization: Bearer <token>`. It runs before the body
 * is read, so an unauthenticated request costs no parsing; the comparison takes the same
 * time whatever the token sent.
 */
export function bearerAuth(token: string): onRequestHookHandler {
  const expected = digest(token);
  return (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer[ ]+(\S+)\s*$/i.exec(header) : null;
    if (match && timingSafeEqual(digest(match[1]!), expected)) return done();
    reply
      .status(401)
      .header('www-authenticate', 'Bearer realm="pledge"')
      .send(
        errorBody(
          'unauthorized',
          header ? 'the API token is not valid' : 'this route needs Authorization: Bearer <API token>',
        ),
      );
  };
}

/** Whether the request came from this machine (the TCP peer, not a forwarded header). */
export function isLoopback(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}
