import { ConnectorError, valueError } from '../errors.js';
import { matchSpec } from '../match.js';
import { type ResolvedPlan, resolvePlan } from '../plan.js';
import type {
  CollectionRef,
  DatastoreCapabilities,
  DescribedCall,
  ErasurePlan,
  StatementDescription,
  StatementOperation,
  StatementRepeat,
} from '../types.js';
import { checkField, checkFields } from '../validate.js';
import type { FolderPattern } from './pattern.js';

/** The file-system calls the files connector records, so its calls and `describe` say the same. */
export const FILES_TEXT = {
  readdir: 'readdir',
  read: 'lstat+read',
  lstat: 'lstat',
  unlink: 'unlink',
  rmdir: 'rmdir',
} as const;

/** Metadata every file row carries. */
export const FILE_FIELDS = ['path', 'name', 'size', 'modified', 'sha256'] as const;

/** The field `locate` accepts: the folder's placeholder, else an `operation-unsupported` error. */
export function checkFileLocateField(
  collection: CollectionRef,
  folder: FolderPattern,
  field: unknown,
): string {
  const name = checkField(collection, field, 'where.field', [folder.placeholder]);
  if (name !== folder.placeholder) {
    throw valueError('operation-unsupported', 'where.field', `must be the folder's {${folder.placeholder}}`);
  }
  return name;
}

/** A checked erasure plan for files: strategies other than the kind's own are refused. */
export function resolveFilePlan(
  collection: CollectionRef,
  folder: FolderPattern,
  plan: ErasurePlan,
  capabilities: DatastoreCapabilities,
  options: Parameters<typeof resolvePlan>[2],
): ResolvedPlan {
  const resolved = resolvePlan(collection, plan, options, [folder.placeholder, ...FILE_FIELDS]);
  const refused = resolved.updates.find((u) => !capabilities.strategies.includes(u.strategy));
  if (refused) {
    const path = `plan.${refused.field}`;
    throw new ConnectorError('strategy-unsupported', `${path} cannot ${refused.strategy} a file`, path);
  }
  return resolved;
}

/** The refusal of `rectify`: a file is replaced, not edited. */
export function rectifyRefused(): ConnectorError {
  return valueError(
    'operation-unsupported',
    'values',
    'cannot be applied to files: replace the file instead',
  );
}

/** Refuses a retention anchor other than `modified`, the one a file has. */
export function checkFileAnchor(anchorField: string): void {
  if (anchorField !== 'modified')
    throw valueError('value-invalid', 'anchorField', 'must be modified for files');
}

type Describe = (operation: StatementOperation, text: string, per: StatementRepeat) => StatementDescription;

/** The calls a files connector call makes for its keys, after the same checks as the call. */
export function describeFiles(
  collection: CollectionRef,
  folder: FolderPattern,
  call: DescribedCall,
  capabilities: DatastoreCapabilities,
  d: Describe,
): StatementDescription[] {
  switch (call.operation) {
    case 'locate':
      checkFileLocateField(collection, folder, call.field);
      matchSpec(call);
      return [d('locate', FILES_TEXT.readdir, 'folder')];
    case 'read':
      checkFields(collection, call.fields, [folder.placeholder, ...FILE_FIELDS]);
      return [d('read', FILES_TEXT.read, 'key')];
    case 'erase': {
      const resolved = resolveFilePlan(collection, folder, call.plan, capabilities, null);
      if (!resolved.deleteRow && resolved.updates.length === 0) return [];
      return [d('erase', FILES_TEXT.unlink, 'key'), d('erase', FILES_TEXT.rmdir, 'folder')];
    }
    case 'rectify':
      throw rectifyRefused();
    case 'lookup':
      throw new ConnectorError('operation-unsupported', 'lookup is for SQL connectors: locate, then read');
    case 'count':
      checkFileAnchor(call.anchorField);
      return [d('count', FILES_TEXT.readdir, 'folder'), d('count', FILES_TEXT.lstat, 'key')];
  }
}
