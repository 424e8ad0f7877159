import type { ColumnType, Kysely } from 'kysely';

type Time = ColumnType<Date, Date | string, Date | string>;

/** A one-time code sent to an address; the code itself is never stored. */
export interface ChallengeTable {
  id: string;
  channel: string;
  address_hash: string;
  ip_hash: string | null;
  code_hash: string;
  request_ref: string | null;
  status: string;
  attempts: number;
  created_at: Time;
  expires_at: Time;
}

/** A verification outcome, kept as evidence for the request. */
export interface ResultTable {
  id: string;
  request_ref: string | null;
  method: string;
  outcome: string;
  code: string | null;
  subject_hash: string | null;
  evidence: string | null;
  at: Time;
}

/** Token ids already used, so a token verifies once. */
export interface TokenUsedTable {
  jti: string;
  expires_at: Time;
}

/** An agent's authorisation to act for a person. */
export interface AgentTable {
  id: string;
  request_ref: string;
  agent_name: string;
  agent_contact: string;
  document_ref: string;
  scope: ColumnType<string[], string, string>;
  expires_at: Time;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
}

/** The verification tables. */
export interface VerificationDatabase {
  pledge_verification_challenges: ChallengeTable;
  pledge_verification_results: ResultTable;
  pledge_verification_tokens_used: TokenUsedTable;
  pledge_verification_agents: AgentTable;
}

/** The same connection, typed for the verification tables. */
export function verificationDb<T>(db: Kysely<T>): Kysely<VerificationDatabase> {
  return db as unknown as Kysely<VerificationDatabase>;
}
