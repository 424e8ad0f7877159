import type { FastifyRequest } from 'fastify';

/** Whether the request came from this machine (the TCP peer, not a forwarded header). */
export function isLoopback(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}
