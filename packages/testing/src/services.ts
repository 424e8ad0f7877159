import { Socket } from 'node:net';

/**
 * True when PLEDGE_REQUIRE_SERVICES=1 (CI sets it): a missing local service then fails
 * the tests that need it instead of skipping them.
 */
export const servicesRequired = process.env.PLEDGE_REQUIRE_SERVICES === '1';

/** Whether something accepts TCP connections at host:port within the timeout. */
export function portOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

/**
 * Decides whether a test file that needs a service runs. Returns true when the service
 * answers. When it does not: throws if services are required, otherwise warns clearly
 * and returns false so the caller skips.
 */
export async function serviceAvailable(name: string, host: string, port: number): Promise<boolean> {
  if (await portOpen(host, port)) return true;
  const message = `${name} not reachable at ${host}:${port}`;
  if (servicesRequired) throw new Error(`${message} and PLEDGE_REQUIRE_SERVICES=1`);
  console.warn(`SKIP: ${message}: skipping the tests that need it`);
  return false;
}
