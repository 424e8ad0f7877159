import { exampleDefinitions } from './examples/index.js';
import { DEFAULT_SEED, type Seed } from './prng.js';
import { type ExampleName, IdCounter, type KnownSubject } from './types.js';

/**
 * The identities of subject `index` (0-based) as {@link generate} writes them with the same
 * seed, and how many rows, keys and files are linked to it per manifest collection in a
 * generation of `scale` subjects (default: as if more subjects followed). Cheap: only this
 * subject (and, for the camera app, the next one, which shares devices with it) is computed.
 * Subject i is the same at every scale, so identities do not depend on `scale`.
 *
 * @example
 * const s = knownSubject('camera-app', 7, 1, 20);
 * s.phone; // '+001000000007'
 * s.rows['camera_pg.alarm_events']; // alarm events of its devices
 */
export function knownSubject(
  example: ExampleName,
  index: number,
  seed: Seed = DEFAULT_SEED,
  scale = Number.POSITIVE_INFINITY,
): KnownSubject {
  const definition = exampleDefinitions[example];
  if (!definition) throw new Error(`refdata: unknown example ${JSON.stringify(example)}`);
  if (!Number.isInteger(index) || index < 0) throw new Error('refdata: index must be a non-negative integer');
  const records = definition.subject(index, seed, new IdCounter());
  const rows: Record<string, number> = {};
  const add = (key: string, n: number) => {
    rows[key] = (rows[key] ?? 0) + n;
  };
  for (const table of definition.sql.tables) {
    add(`${definition.sql.dataset}.${table.name}`, records.sql[table.name]?.length ?? 0);
  }
  for (const c of definition.redis?.collections ?? []) add(`${definition.redis?.dataset}.${c}`, 0);
  for (const key of records.redis) add(`${definition.redis?.dataset}.${key.collection}`, 1);
  for (const c of definition.files?.collections ?? []) add(`${definition.files?.dataset}.${c}`, 0);
  for (const file of records.files) add(`${definition.files?.dataset}.${file.collection}`, 1);
  for (const [key, n] of Object.entries(definition.linkedElsewhere?.(index, seed, scale) ?? {})) add(key, n);
  const { identities } = records;
  return {
    example,
    index,
    seed,
    identities,
    ...(identities['user-id']?.[0] ? { userId: identities['user-id'][0] } : {}),
    ...(identities.email?.[0] ? { email: identities.email[0] } : {}),
    ...(identities.phone?.[0] ? { phone: identities.phone[0] } : {}),
    rows,
  };
}
