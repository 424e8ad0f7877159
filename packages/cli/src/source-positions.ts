import type { Issue } from '@pledge/core';
import { isNode, LineCounter, parseDocument } from 'yaml';

/** Splits `a.b[0].c` into `['a', 'b', 0, 'c']`. */
export function parsePath(path: string): Array<string | number> {
  if (path === '(root)' || path === '') return [];
  const parts: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

/**
 * Adds file, line and column to issues found on the parsed manifest (lint findings carry
 * only a path), by finding the path, or its nearest existing parent, in the YAML text.
 */
export function withPositions(issues: readonly Issue[], text: string, file: string): Issue[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return issues.map((issue) => {
    if (issue.line !== undefined) return { ...issue, file: issue.file ?? file };
    const path = parsePath(issue.path);
    let node: unknown;
    for (let depth = path.length; depth >= 0 && !isNode(node); depth--) {
      node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    }
    const offset = isNode(node) ? node.range?.[0] : undefined;
    if (offset === undefined) return { ...issue, file };
    const pos = lineCounter.linePos(offset);
    return { ...issue, file, line: pos.line, column: pos.col };
  });
}
