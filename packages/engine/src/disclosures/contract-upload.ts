import { CONTRACT_MEDIA_TYPES, type ContractMediaType, MAX_CONTRACT_BYTES } from '@pledge/core';

/** Why a contract document is refused: the one list. */
export const CONTRACT_UPLOAD_REFUSALS = [
  'contract.media-type-unsupported',
  'contract.document-empty',
  'contract.document-too-large',
  'contract.document-not-pdf',
  'contract.document-not-text',
] as const;
/** One of {@link CONTRACT_UPLOAD_REFUSALS}. */
export type ContractUploadRefusalCode = (typeof CONTRACT_UPLOAD_REFUSALS)[number];

/** A refused document: the code, the field, and the HTTP status that fits. */
export interface ContractUploadRefusal {
  code: ContractUploadRefusalCode;
  path: 'mediaType' | 'document';
  message: string;
  status: 400 | 413 | 415;
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/**
 * Checks a contract document before it is filed: the declared media type must be PDF or
 * plain text, the size at most {@link MAX_CONTRACT_BYTES}, a PDF must start with `%PDF-`
 * (a renamed file of another type is refused, whatever it was declared as) and plain text
 * must be UTF-8 without NUL bytes. Returns the media type, or the refusal.
 */
export function checkContractDocument(
  declared: string | undefined,
  document: Uint8Array,
): { ok: true; mediaType: ContractMediaType } | ({ ok: false } & ContractUploadRefusal) {
  const mediaType = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(CONTRACT_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    return refuse(
      'contract.media-type-unsupported',
      'mediaType',
      415,
      `must be one of ${CONTRACT_MEDIA_TYPES.join(', ')}`,
    );
  }
  if (document.byteLength === 0) return refuse('contract.document-empty', 'document', 400, 'is empty');
  if (document.byteLength > MAX_CONTRACT_BYTES) {
    return refuse(
      'contract.document-too-large',
      'document',
      413,
      `is larger than ${MAX_CONTRACT_BYTES} bytes`,
    );
  }
  if (mediaType === 'application/pdf' && !Buffer.from(document.subarray(0, 5)).equals(PDF_MAGIC)) {
    return refuse(
      'contract.document-not-pdf',
      'document',
      400,
      'is declared as PDF but does not start with %PDF-',
    );
  }
  if (mediaType === 'text/plain' && !isPlainText(document)) {
    return refuse(
      'contract.document-not-text',
      'document',
      400,
      'is declared as plain text but is not UTF-8 text',
    );
  }
  return { ok: true, mediaType: mediaType as ContractMediaType };
}

function isPlainText(document: Uint8Array): boolean {
  if (document.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(document);
    return true;
  } catch {
    return false;
  }
}

function refuse(
  code: ContractUploadRefusalCode,
  path: ContractUploadRefusal['path'],
  status: ContractUploadRefusal['status'],
  rule: string,
): { ok: false } & ContractUploadRefusal {
  return { ok: false, code, path, status, message: `${path} ${rule}` };
}
