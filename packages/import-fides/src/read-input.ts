import { parseDocument } from 'yaml';
import { type IssueList, isRecord, own, type Path } from './issues.js';

/** One fideslang dataset of the input and where it is. */
export interface RawDataset {
  value: Record<string, unknown>;
  path: Path;
}

const MAX_BYTES = 5 * 1024 * 1024;

/** YAML (or JSON) text as a value; undefined after an issue. */
function parseText(text: string, issues: IssueList): unknown {
  if (text.length > MAX_BYTES) {
    issues.add('too-large', 'error', [], `input is larger than ${MAX_BYTES} bytes`);
    return undefined;
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    issues.add('yaml-syntax', 'error', [], `YAML syntax: ${first?.message.split('\n')[0] ?? 'unreadable'}`);
    return undefined;
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    issues.add(
      'yaml-structure',
      'error',
      [],
      `YAML: ${error instanceof Error ? error.message : 'unreadable'}`,
    );
    return undefined;
  }
}

/**
 * The datasets of a fideslang file: `{ dataset: [...] }` as Fides writes it, a bare list of
 * datasets, or a single dataset. Entries that are not objects are reported and skipped.
 */
export function readFidesInput(input: unknown, issues: IssueList): RawDataset[] {
  const value = typeof input === 'string' ? parseText(input, issues) : input;
  if (issues.hasErrors) return [];
  let list: unknown[];
  let base: Path;
  if (isRecord(value) && Object.hasOwn(value, 'dataset')) {
    const inner = own(value, 'dataset');
    if (!Array.isArray(inner)) {
      issues.add('not-a-list', 'error', ['dataset'], 'dataset must be a list of datasets');
      return [];
    }
    list = inner;
    base = ['dataset'];
  } else if (Array.isArray(value)) {
    list = value;
    base = [];
  } else if (isRecord(value) && Object.hasOwn(value, 'fides_key') && Object.hasOwn(value, 'collections')) {
    return [{ value, path: [] }];
  } else {
    issues.add(
      'no-datasets',
      'error',
      [],
      'input is not a fideslang dataset file: expected a "dataset" list',
    );
    return [];
  }
  const out: RawDataset[] = [];
  list.forEach((item, i) => {
    if (isRecord(item)) out.push({ value: item, path: [...base, i] });
    else issues.add('dataset-invalid', 'error', [...base, i], 'a dataset must be an object');
  });
  if (list.length === 0) issues.add('no-datasets', 'error', base, 'the dataset list is empty');
  return out;
}
