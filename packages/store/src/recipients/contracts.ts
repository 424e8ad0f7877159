import { createHash, randomUUID } from 'node:crypto';
import type { ContractMediaType } from '@pledge/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import { type RecipientContractTable, registerDb } from './tables.js';
import type { ContractInput, ContractRecord } from './types.js';

function toRecord(row: Omit<Selectable<RecipientContractTable>, 'document'>): ContractRecord {
  return {
    id: row.id,
    recipient: row.recipient,
    kind: row.kind,
    signedOn: row.signed_on,
    ...(row.expires_on ? { expiresOn: row.expires_on } : {}),
    mediaType: row.media_type as ContractMediaType,
    size: row.size,
    sha256: row.sha256,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  };
}

const LISTED = [
  'id',
  'recipient',
  'kind',
  'signed_on',
  'expires_on',
  'media_type',
  'size',
  'sha256',
  'recorded_by',
  'recorded_at',
] as const;

/** Files a contract (the caller checked the document: see the engine's `checkContractUpload`). */
export async function addContract(db: Kysely<Database>, input: ContractInput): Promise<ContractRecord> {
  const row = await registerDb(db)
    .insertInto('pledge_recipient_contracts')
    .values({
      id: randomUUID(),
      recipient: input.recipient,
      kind: input.kind,
      signed_on: input.signedOn,
      expires_on: input.expiresOn ?? null,
      media_type: input.mediaType,
      size: input.document.byteLength,
      sha256: createHash('sha256').update(input.document).digest('hex'),
      document: input.document,
      recorded_by: input.recordedBy,
      recorded_at: new Date(),
    })
    .returning(LISTED)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/** Contracts on file, oldest first (without their documents); of one recipient when given. */
export async function listContracts(db: Kysely<Database>, recipient?: string): Promise<ContractRecord[]> {
  let query = registerDb(db).selectFrom('pledge_recipient_contracts').select(LISTED);
  if (recipient !== undefined) query = query.where('recipient', '=', recipient);
  const rows = await query.orderBy('recorded_at').orderBy('id').execute();
  return rows.map(toRecord);
}

/** A filed contract's document and media type, or undefined for an unknown id. */
export async function readContractDocument(
  db: Kysely<Database>,
  id: string,
): Promise<{ mediaType: ContractMediaType; document: Uint8Array } | undefined> {
  const row = await registerDb(db)
    .selectFrom('pledge_recipient_contracts')
    .select(['media_type', 'document'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { mediaType: row.media_type as ContractMediaType, document: new Uint8Array(row.document) };
}
