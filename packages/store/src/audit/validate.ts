import { unstorableText } from '@pledge/core';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTIONS_NEEDING_REASON,
  AUDIT_ACTOR_KINDS,
  AUDIT_LIMITS,
  type AuditAction,
  type AuditActorKind,
} from './actions.js';
import type { AuditEntryInput, AuditEntryIssue } from './types.js';

/** A pseudonym or keyed hash: base64url of at least 96 bits, so an identifier rarely passes. */
const SUBJECT = new RegExp(`^[A-Za-z0-9_-]{16,${AUDIT_LIMITS.subject}}$`);
/** A manifest id (category, purpose). */
const SLUG = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,${AUDIT_LIMITS.slug - 1}}$`);
const REQUEST_ID = new RegExp(`^[A-Za-z0-9._:-]{1,${AUDIT_LIMITS.requestId}}$`);
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Personal values a reason must not carry: an e-mail address, a phone-like run of digits. */
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const DIGITS = /\d[\d\s().-]{6,}\d/;

const isAction = (value: unknown): value is AuditAction => AUDIT_ACTIONS.includes(value as AuditAction);
const isActorKind = (value: unknown): value is AuditActorKind =>
  AUDIT_ACTOR_KINDS.includes(value as AuditActorKind);

/** The problem with a reason, if any (also used by forms that ask for one). */
export function reasonProblem(reason: string | null | undefined, required: boolean): string | undefined {
  if (reason === null || reason === undefined || reason.trim() === '') {
    return required ? 'a reason is required' : undefined;
  }
  const text = reason.trim();
  if (text.length < AUDIT_LIMITS.reasonMin || text.length > AUDIT_LIMITS.reasonMax) {
    return `must be ${AUDIT_LIMITS.reasonMin} to ${AUDIT_LIMITS.reasonMax} characters`;
  }
  if (CONTROL.test(text) || unstorableText(text)) return 'must be one line of plain text';
  if (EMAIL.test(text) || DIGITS.test(text)) {
    return 'must not contain an e-mail address, phone number or other identifier';
  }
  return undefined;
}

/**
 * Every problem of a batch of entries to append, each with a stable code and the path of the
 * field (`entries[2].reason`). Empty when all can be stored.
 */
export function validateAuditEntries(entries: readonly AuditEntryInput[]): AuditEntryIssue[] {
  const issues: AuditEntryIssue[] = [];
  entries.forEach((entry, i) => {
    const at = (field: string) => `entries[${i}].${field}`;
    const add = (code: AuditEntryIssue['code'], field: string, message: string) =>
      issues.push({ code, path: at(field), message: `${at(field)}: ${message}` });
    if (!isAction(entry.action))
      add('audit.unknown-action', 'action', `must be one of ${AUDIT_ACTIONS.join(', ')}`);
    if (!isActorKind(entry.actor?.kind)) {
      add('audit.unknown-actor-kind', 'actor.kind', `must be one of ${AUDIT_ACTOR_KINDS.join(', ')}`);
    }
    const actorId = entry.actor?.id;
    if (
      typeof actorId !== 'string' ||
      actorId.length === 0 ||
      actorId.length > AUDIT_LIMITS.actorId ||
      CONTROL.test(actorId) ||
      unstorableText(actorId)
    ) {
      add('audit.bad-actor-id', 'actor.id', `must be 1 to ${AUDIT_LIMITS.actorId} printable characters`);
    }
    if (entry.subject !== undefined && entry.subject !== null && !SUBJECT.test(entry.subject)) {
      add(
        'audit.bad-subject',
        'subject',
        'must be a pseudonym or keyed hash (base64url), never an identifier',
      );
    }
    const categories = entry.categories ?? [];
    if (categories.length > AUDIT_LIMITS.categories) {
      add('audit.too-many-categories', 'categories', `at most ${AUDIT_LIMITS.categories}`);
    }
    categories.forEach((c, j) => {
      if (typeof c !== 'string' || !SLUG.test(c))
        add('audit.bad-slug', `categories[${j}]`, 'must be a category id');
    });
    if (entry.purpose !== undefined && entry.purpose !== null && !SLUG.test(entry.purpose)) {
      add('audit.bad-slug', 'purpose', 'must be a purpose id');
    }
    const reason = reasonProblem(entry.reason, AUDIT_ACTIONS_NEEDING_REASON.includes(entry.action));
    if (reason) {
      add(reason === 'a reason is required' ? 'audit.reason-required' : 'audit.bad-reason', 'reason', reason);
    }
    if (entry.requestId !== undefined && entry.requestId !== null && !REQUEST_ID.test(entry.requestId)) {
      add(
        'audit.bad-request-id',
        'requestId',
        `must be 1 to ${AUDIT_LIMITS.requestId} of A-Z a-z 0-9 . _ : -`,
      );
    }
    if (
      entry.count !== undefined &&
      (!Number.isInteger(entry.count) || entry.count < 1 || entry.count > AUDIT_LIMITS.maxCount)
    ) {
      add('audit.bad-count', 'count', `must be a whole number from 1 to ${AUDIT_LIMITS.maxCount}`);
    }
    const window = entry.windowStart;
    if (window !== undefined && window !== null) {
      if (!(window instanceof Date) || Number.isNaN(window.getTime()) || window.getTime() % 60_000 !== 0) {
        add('audit.bad-window', 'windowStart', 'must be the start of a minute');
      }
    }
  });
  return issues;
}
