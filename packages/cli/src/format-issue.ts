import type { Issue } from '@pledge/core';

/**
 * One issue as `file:line:column path: message (code)`, the shape editors and CI annotate;
 * position parts that are unknown are left out.
 */
export function formatIssue(issue: Issue, fallbackFile?: string): string {
  const file = issue.file ?? fallbackFile;
  const where = [file, issue.line, issue.line !== undefined ? issue.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const severity = issue.severity === 'error' ? '' : `${issue.severity}: `;
  return `${where ? `${where} ` : ''}${issue.path}: ${severity}${issue.message} (${issue.code})`;
}
