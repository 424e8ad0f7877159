import { sign, verify } from 'node:crypto';
import type { CheckpointKey } from './key.js';
import {
  CHECKPOINT_VERSION,
  type Checkpoint,
  type CheckpointProblem,
  type SignedCheckpoint,
} from './types.js';

/** The bytes a checkpoint's signature covers: a JSON array of its fields in fixed order, UTF-8. */
export function checkpointBytes(checkpoint: Checkpoint): Buffer {
  const { chain, seq, headHash, at, keyId } = checkpoint;
  return Buffer.from(
    JSON.stringify(['pledge-checkpoint', CHECKPOINT_VERSION, chain, seq, headHash, at, keyId]),
    'utf8',
  );
}

/** Signs a chain head with a private key. */
export function signCheckpoint(head: Omit<Checkpoint, 'keyId'>, key: CheckpointKey): SignedCheckpoint {
  if (!key.privateKey) throw new Error(`checkpoint key ${key.keyId} has no private key: it cannot sign`);
  const checkpoint: Checkpoint = { ...head, keyId: key.keyId };
  const signature = sign(null, checkpointBytes(checkpoint), key.privateKey).toString('base64url');
  return { pledgeCheckpoint: CHECKPOINT_VERSION, ...checkpoint, signature };
}

function isSigned(value: unknown): value is SignedCheckpoint {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    v.pledgeCheckpoint === CHECKPOINT_VERSION &&
    typeof v.chain === 'string' &&
    Number.isSafeInteger(v.seq) &&
    (v.seq as number) >= 0 &&
    typeof v.headHash === 'string' &&
    typeof v.at === 'string' &&
    typeof v.keyId === 'string' &&
    typeof v.signature === 'string'
  );
}

/**
 * A stored checkpoint's text checked: parsed, of the expected chain, signed by one of `keys`
 * with a valid signature. Anything else is a problem naming the file, never trusted.
 */
export function readSignedCheckpoint(
  name: string,
  text: string,
  chain: string,
  keys: readonly CheckpointKey[],
): { ok: true; checkpoint: SignedCheckpoint } | { ok: false; problem: CheckpointProblem } {
  const problem = (code: CheckpointProblem['code'], message: string) => ({
    ok: false as const,
    problem: { code, name, message: `checkpoint ${name}: ${message}` },
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return problem('unreadable', 'not JSON');
  }
  if (!isSigned(parsed)) return problem('unreadable', 'not a Pledge checkpoint');
  if (parsed.chain !== chain)
    return problem('misplaced', `signs chain ${parsed.chain}, found under ${chain}`);
  const key = keys.find((k) => k.keyId === parsed.keyId);
  if (!key) return problem('unknown-key', `signed by ${parsed.keyId}, which is not a trusted key`);
  const valid = verify(
    null,
    checkpointBytes(parsed),
    key.publicKey,
    Buffer.from(parsed.signature, 'base64url'),
  );
  if (!valid) return problem('bad-signature', 'the signature does not match its content');
  return { ok: true, checkpoint: parsed };
}
