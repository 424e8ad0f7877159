import type { Redis } from 'ioredis';
import { ConnectorError } from '../errors.js';
import type { WriteProblem } from '../write-check.js';

/** Sends one command of the check, recorded as an `introspect` statement. */
type Send = <T>(text: string, call: (c: Redis) => Promise<T>) => Promise<T>;

/**
 * Checks, writing nothing, that a Redis write could run: the server is not a replica (ROLE),
 * and the user may run the write's commands on the collection's keys, tried on `probeKey`, a
 * key of the collection's pattern that does not exist (DEL of a missing key, HDEL of a field
 * of it, and a script that returns at once: none changes anything).
 */
export async function redisWriteProblems(
  send: Send,
  probeKey: string,
  deleteRow: boolean,
  collection: string,
): Promise<WriteProblem[]> {
  const problems: WriteProblem[] = [];
  try {
    const role = await send('ROLE', (c) => c.role());
    if (Array.isArray(role) && (role[0] === 'slave' || role[0] === 'replica')) {
      problems.push({
        check: 'read-only',
        message: 'the Redis server is a read-only replica (ROLE is slave)',
      });
    }
  } catch {
    // ROLE may be refused to this user; the probes below still tell whether writes are.
  }
  const probes: Array<[string, (c: Redis) => Promise<unknown>]> = deleteRow
    ? [['DEL', (c) => c.del(probeKey)]]
    : [
        ['EVAL', (c) => c.eval('return 0', 1, probeKey)],
        ['HDEL', (c) => c.hdel(probeKey, 'pledge-probe')],
      ];
  for (const [command, call] of probes) {
    try {
      await send(`${command} (write check)`, call);
    } catch (error) {
      const storeCode = error instanceof ConnectorError ? error.storeCode : undefined;
      problems.push({
        check: storeCode === 'READONLY' ? 'read-only' : 'privilege',
        message: `the Redis user may not run ${command} on keys of ${collection} (${storeCode ?? 'unknown'})`,
        ...(storeCode ? { storeCode } : {}),
      });
      break;
    }
  }
  return problems;
}
