import { ConnectorError } from '@pledge/connectors';
import { DsrError } from './connections.js';

/** Why a step failed, without row values: a stable code and a message naming only structure. */
export interface Failure {
  code: string;
  message: string;
}

/**
 * Describes a step failure. Connector errors keep their code, the store's own code (SQLSTATE,
 * errno) and their message, which never holds values; any other error is reduced to its
 * class name, since its message might quote data.
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof ConnectorError) {
    return {
      code: error.storeCode ? `${error.code}:${error.storeCode}` : error.code,
      message: error.message,
    };
  }
  if (error instanceof DsrError) return { code: error.code, message: error.message };
  const name = error instanceof Error ? error.name : typeof error;
  return { code: 'unexpected', message: `unexpected ${name}` };
}
