import { ConnectorError } from '@pledge/connectors';
import { DsrError } from './connections.js';
import { storeCodeWords } from './store-words.js';

/** Why a step failed, without row values: a stable code and a message naming only structure. */
export interface Failure {
  code: string;
  message: string;
}

/** Where a failure happened: the dataset (connector), its datastore kind, the collection and the operation. */
export interface FailurePlace {
  dataset: string;
  datastore: string;
  collection: string;
  /** What the step was doing, e.g. `locate`, `erase`, `read`, `rectify`. */
  operation: string;
}

/**
 * Describes a step failure. Connector errors keep their code, the store's own code (SQLSTATE,
 * errno) and their message, which never holds values; any other error is reduced to its
 * class name, since its message might quote data. With `place`, the message starts by naming
 * the connector, table and operation, and a known store code is said in words.
 */
export function describeFailure(error: unknown, place?: FailurePlace): Failure {
  const where = place
    ? `${place.operation} on ${place.dataset}.${place.collection} (${place.datastore}) failed: `
    : '';
  if (error instanceof ConnectorError) {
    const words = storeCodeWords(error.storeCode);
    const reason = words ? `${words} (${error.storeCode})` : error.message;
    return {
      code: error.storeCode ? `${error.code}:${error.storeCode}` : error.code,
      message: `${where}${reason}`,
    };
  }
  if (error instanceof DsrError) return { code: error.code, message: `${where}${error.message}` };
  const name = error instanceof Error ? error.name : typeof error;
  return { code: 'unexpected', message: `${where}unexpected ${name}` };
}
