import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * An Ed25519 key of checkpoints. With `privateKey` it signs; a public key alone verifies. It
 * is kept outside the database: whoever can rewrite the ledger must not be able to sign.
 */
export interface CheckpointKey {
  /** `ed25519:` and the first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
  keyId: string;
  publicKey: KeyObject;
  privateKey?: KeyObject;
}

/** The key id of a public key. */
export function checkpointKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

/** A key from PEM text: a PKCS#8 private key (signs and verifies) or an SPKI public key. */
export function checkpointKeyFromPem(pem: string): CheckpointKey {
  const isPrivate = pem.includes('PRIVATE KEY');
  const privateKey = isPrivate ? createPrivateKey(pem) : undefined;
  const publicKey = privateKey ? createPublicKey(privateKey) : createPublicKey(pem);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('a checkpoint key must be an Ed25519 key');
  return { keyId: checkpointKeyId(publicKey), publicKey, ...(privateKey ? { privateKey } : {}) };
}

/** Reads a key file (see {@link checkpointKeyFromPem}). */
export async function loadCheckpointKey(file: string): Promise<CheckpointKey> {
  return checkpointKeyFromPem(await readFile(file, 'utf8'));
}

/** The public half of a key as PEM, to hand to whoever verifies. */
export function publicKeyPem(key: CheckpointKey): string {
  return String(key.publicKey.export({ type: 'spki', format: 'pem' }));
}

/**
 * Reads the key file, or, when it does not exist, generates a new Ed25519 key into it
 * (PKCS#8 PEM, mode 0600, its folder 0700; never overwriting a file). `created` says which.
 */
export async function ensureCheckpointKey(file: string): Promise<{ key: CheckpointKey; created: boolean }> {
  try {
    return { key: await loadCheckpointKey(file), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process generated it first: use that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { key: await loadCheckpointKey(file), created: false };
    throw error;
  }
  return { key: checkpointKeyFromPem(pem), created: true };
}
