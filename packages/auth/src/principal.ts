import type { LedgerActor } from '@pledge/core';
import type { ApiScope, KeyKind } from './scopes.js';

/** Who a request acts as: the key it authenticated with. */
export interface Principal {
  /** The key's id (`key_...`), safe to log; never the secret. */
  readonly id: string;
  readonly name: string;
  readonly kind: KeyKind;
  readonly scopes: readonly ApiScope[];
  /** Origins a browser may call from with this key (site keys; optional for secret keys). */
  readonly origins?: readonly string[];
  /** The ledger actor of every event this key records (never taken from a request body). */
  readonly actor: LedgerActor;
}

/** A key as listed: the principal with its dates, never the secret or its digest. */
export interface ApiKeyInfo extends Principal {
  readonly createdAt: Date;
  readonly revokedAt?: Date;
}
