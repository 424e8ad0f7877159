import { isNode, LineCounter, parseDocument } from 'yaml';
import { formatPath, type Issue } from '../result/issue.js';
import { manifestErrorMap, type SchemaProblem, schemaProblems } from './issue-messages.js';
import { type Manifest, ManifestSchema } from './schema/index.js';

/** Outcome of loading a manifest: the manifest, or the issues that stop it. */
export type LoadResult = { ok: true; manifest: Manifest; issues: Issue[] } | { ok: false; issues: Issue[] };

/** Options for {@link parseManifest}. */
export interface ParseOptions {
  /** File name reported in issues. */
  file?: string;
}

const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

/**
 * Parses and validates manifest YAML text. Pure: the caller reads the file.
 * Never throws for bad input; every problem comes back as an {@link Issue}
 * with file, line, column and schema path.
 */
export function parseManifest(text: string, options: ParseOptions = {}): LoadResult {
  const file = options.file;
  if (typeof text !== 'string') {
    return {
      ok: false,
      issues: [
        {
          code: 'manifest.not-text',
          severity: 'error',
          path: '(root)',
          message: 'manifest must be text',
          file,
        },
      ],
    };
  }
  if (text.length > MAX_MANIFEST_BYTES) {
    return {
      ok: false,
      issues: [
        {
          code: 'manifest.too-large',
          severity: 'error',
          path: '(root)',
          message: `manifest is larger than ${MAX_MANIFEST_BYTES} bytes`,
          file,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        code: 'manifest.yaml-syntax',
        severity: 'error' as const,
        path: '(root)',
        message: `YAML syntax: ${error.message.split('\n')[0]}`,
        file,
        ...at(error.pos[0]),
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          code: 'manifest.yaml-structure',
          severity: 'error',
          path: '(root)',
          message: `YAML: ${(error as Error).message}`,
          file,
        },
      ],
    };
  }
  const parsed = ManifestSchema.safeParse(data, { error: manifestErrorMap });
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => schemaProblems(issue, data));
    return { ok: false, issues: problems.map((problem) => toIssue(problem, doc, at, file)) };
  }
  return { ok: true, manifest: parsed.data, issues: [] };
}

function toIssue(
  problem: SchemaProblem,
  doc: ReturnType<typeof parseDocument>,
  at: (offset: number | undefined) => { line?: number; column?: number },
  file: string | undefined,
): Issue {
  const { path } = problem;
  // Walk up until a node exists: a missing key is reported where its parent is.
  let node: unknown;
  for (let depth = path.length; depth >= 0 && !isNode(node); depth--) {
    node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
  }
  const offset = isNode(node) ? node.range?.[0] : undefined;
  return {
    code: problem.code,
    severity: 'error',
    path: formatPath(path),
    message: problem.message,
    file,
    ...at(offset),
  };
}
