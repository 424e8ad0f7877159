import {
  fileKeySource,
  fixedKeySource,
  loadSubjectKey,
  type Store,
  type SubjectKeyResult,
  type SubjectKeySource,
} from '@pledge/store';
import type { Settings } from '../settings.js';

/** The settings that say where the subject key is. */
export type SubjectKeySettings = Pick<Settings, 'subjectKey' | 'subjectKeyFile' | 'subjectKeyRequired'>;

/** The key source the settings name (PLEDGE_SUBJECT_KEY_FILE or PLEDGE_SUBJECT_KEY); none when neither is set. */
export function subjectKeySource(settings: SubjectKeySettings): SubjectKeySource | undefined {
  if (settings.subjectKeyFile) return fileKeySource(settings.subjectKeyFile);
  if (settings.subjectKey) return fixedKeySource(settings.subjectKey, 'PLEDGE_SUBJECT_KEY');
  return undefined;
}

/**
 * The subject key for a process with these settings on this store, checked against the
 * store's fingerprint (see `loadSubjectKey`): production mode on PostgreSQL or with
 * PLEDGE_SUBJECT_KEY_REQUIRED, else the embedded store's key file.
 */
export function configuredSubjectKey(settings: SubjectKeySettings, store: Store): Promise<SubjectKeyResult> {
  const source = subjectKeySource(settings);
  return loadSubjectKey(store, {
    ...(source ? { source } : {}),
    ...(settings.subjectKeyRequired ? { production: true } : {}),
  });
}
