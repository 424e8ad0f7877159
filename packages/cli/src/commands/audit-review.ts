import { findConsoleUser, roleAllows } from '@pledge/auth';
import { addStoreOptions, type SettingFlags } from '@pledge/config';
import type { Manifest } from '@pledge/core';
import {
  openAccessReview,
  parseReviewPeriod,
  type ReviewStatus,
  reviewStatus,
  signOffReview,
  type TypedAccessReview,
  typedReview,
} from '@pledge/engine';
import { getAccessReview, migrateToLatest, type Store } from '@pledge/store';
import type { Command } from 'commander';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadManifest } from '../load-manifest.js';
import { lockedMessage, openCliStore } from '../store/open-store.js';

interface ReviewFlags extends SettingFlags {
  format: string;
}
interface OpenFlags extends ReviewFlags {
  from: string;
  to: string;
  by?: string;
}
interface SignFlags extends ReviewFlags {
  by: string;
  note?: string;
}

type Finish = (code: ExitCode) => void;

/**
 * Opens the store (migrated: reviews have their own table) and, when `withManifest`, the
 * manifest of `--manifest` or PLEDGE_MANIFEST; runs `work`, then closes the store.
 */
async function withStore(
  io: CliIo,
  flags: ReviewFlags,
  finish: Finish,
  withManifest: boolean,
  work: (store: Store, manifest: Manifest | undefined) => Promise<ExitCode>,
): Promise<void> {
  if (flags.format !== 'text' && flags.format !== 'json') {
    io.stderr('pledge: --format must be text or json\n');
    return finish(ExitCode.usage);
  }
  const opened = await openCliStore(io, flags, { fallback: 'default', role: 'cli' });
  if (!opened.ok) {
    if (opened.error) io.stderr(`pledge: ${lockedMessage(opened.error)}\n`);
    return finish(opened.exitCode);
  }
  try {
    let manifest: Manifest | undefined;
    if (withManifest) {
      const loaded = await loadManifest(io, opened.settings.manifestPath);
      if (!loaded.ok) return finish(loaded.exitCode);
      manifest = loaded.manifest;
    }
    await migrateToLatest(opened.opened.store.db);
    finish(await work(opened.opened.store, manifest));
  } finally {
    await opened.opened.close();
  }
}

function describeReview(review: TypedAccessReview): string {
  const lines = [
    `review ${review.id}: ${review.from.toISOString()} to ${review.to.toISOString()} (${review.status})`,
    `  ${review.summary.accesses} accesses in ${review.summary.entries} audit entries, by ${review.summary.actors} actors, of ${review.summary.subjects} subjects`,
    ...review.findings.map((f) => {
      const detail =
        f.code === 'review.volume-outlier'
          ? `${f.count} accesses (median ${f.median}, flagged above ${f.threshold})`
          : f.code === 'review.lookup-without-request'
            ? `${f.count} lookup(s) of ${f.subject}, ${f.first} to ${f.last}`
            : `${f.count} access(es), ${f.first} to ${f.last}`;
      return `  ${f.code}  ${f.actor.kind}:${f.actor.id}  ${detail}`;
    }),
  ];
  if (review.findings.length === 0) lines.push('  no finding');
  if (review.status === 'signed-off') {
    lines.push(`  signed off by ${review.signedOffBy} at ${review.signedOffAt?.toISOString()}`);
    if (review.note) lines.push(`  note: ${review.note}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeStatus(status: ReviewStatus): string {
  if (status.every === undefined)
    return 'access reviews: the manifest sets no interval (security.accessReviewEvery)\n';
  const state = status.overdue ? 'OVERDUE' : status.due ? 'due' : 'not due';
  const next = status.nextDueAt
    ? `; next due by ${status.nextDueAt.toISOString()}`
    : '; nothing to review yet';
  const last = status.lastSignedAt
    ? `; last signed off ${status.lastSignedAt.toISOString()}`
    : '; none signed off yet';
  return `access review ${state} (every ${status.every.amount} ${status.every.unit}${next}${last})\n`;
}

const print = (io: CliIo, flags: ReviewFlags, value: unknown, text: string) =>
  io.stdout(flags.format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : text);

/**
 * `pledge audit review open|show|sign|status`: access reviews (docs/access-reviews.md) on the
 * store the flags name. `open --from --to` analyses the audit log of the period and stores
 * the findings; `sign <id> --by <e-mail>` signs off as a console user holding `reviews:sign`
 * who is not among the reviewed; `status` prints whether a review is due or overdue (exit 0
 * either way). A refusal prints its code and exits 1; bad input exits 2.
 */
export function registerAuditReview(audit: Command, io: CliIo, finish: Finish): void {
  const review = audit
    .command('review')
    .description('access reviews of the audit log (docs/access-reviews.md)');
  const format = (command: Command) => command.option('--format <format>', 'text or json', 'text');

  format(
    addStoreOptions(
      review
        .command('open')
        .description('open a review of a period: analyse its accesses and store the findings')
        .requiredOption(
          '--from <date>',
          'start of the period, inclusive (YYYY-MM-DD, UTC midnight, or an ISO instant)',
        )
        .requiredOption('--to <date>', 'end of the period, exclusive (it must have ended)')
        .option('--by <email>', 'the console user opening it (default: recorded as cli)')
        .option('--manifest <file>', 'manifest (working hours zone; default PLEDGE_MANIFEST)'),
    ),
  ).action((flags: OpenFlags & { manifest?: string }) =>
    withStore(io, flags, finish, true, async (store, manifest) => {
      const period = parseReviewPeriod(flags.from, flags.to);
      if (!period.ok) {
        io.stderr(`pledge: --${period.refusal.path}: ${period.refusal.message} (${period.refusal.code})\n`);
        return ExitCode.usage;
      }
      let createdBy = 'cli';
      if (flags.by !== undefined) {
        const user = await findConsoleUser(store, flags.by);
        if (!user) {
          io.stderr('pledge: --by: no console user has this e-mail\n');
          return ExitCode.usage;
        }
        createdBy = user.id;
      }
      const opened = await openAccessReview(store, manifest as Manifest, {
        period: period.period,
        createdBy,
        now: new Date(),
      });
      if (!opened.ok) {
        io.stderr(`pledge: --${opened.refusal.path}: ${opened.refusal.message} (${opened.refusal.code})\n`);
        return ExitCode.failed;
      }
      print(io, flags, opened.review, describeReview(opened.review));
      return ExitCode.ok;
    }),
  );

  format(
    addStoreOptions(review.command('show').description('print a review and its findings').argument('<id>')),
  ).action((id: string, flags: ReviewFlags) =>
    withStore(io, flags, finish, false, async (store) => {
      const found = await getAccessReview(store.db, id);
      if (!found) {
        io.stderr('pledge: no access review has this id (review.not-found)\n');
        return ExitCode.failed;
      }
      const typed = typedReview(found);
      print(io, flags, typed, describeReview(typed));
      return ExitCode.ok;
    }),
  );

  format(
    addStoreOptions(
      review
        .command('sign')
        .description('sign a review off as a console user who is not among the reviewed')
        .argument('<id>')
        .requiredOption('--by <email>', 'the reviewer: a console user whose role holds reviews:sign')
        .option('--note <text>', 'what was checked and any follow-up (no personal data)'),
    ),
  ).action((id: string, flags: SignFlags) =>
    withStore(io, flags, finish, false, async (store) => {
      const user = await findConsoleUser(store, flags.by);
      if (!user || user.disabledAt) {
        io.stderr('pledge: --by: no active console user has this e-mail\n');
        return ExitCode.usage;
      }
      if (!roleAllows(user.role, 'reviews:sign')) {
        io.stderr(`pledge: --by: the role ${user.role} does not hold reviews:sign\n`);
        return ExitCode.failed;
      }
      const note = flags.note?.trim();
      const signed = await signOffReview(store, {
        id,
        reviewer: { kind: 'user', id: user.id },
        ...(note ? { note } : {}),
        now: new Date(),
      });
      if (!signed.ok) {
        io.stderr(`pledge: ${signed.refusal.message} (${signed.refusal.code})\n`);
        return ExitCode.failed;
      }
      print(io, flags, signed.review, describeReview(signed.review));
      return ExitCode.ok;
    }),
  );

  format(
    addStoreOptions(
      review
        .command('status')
        .description('print whether an access review is due or overdue')
        .option('--manifest <file>', 'manifest (the review interval; default PLEDGE_MANIFEST)'),
    ),
  ).action((flags: ReviewFlags & { manifest?: string }) =>
    withStore(io, flags, finish, true, async (store, manifest) => {
      const status = await reviewStatus(store, manifest as Manifest, new Date());
      print(io, flags, status, describeStatus(status));
      return ExitCode.ok;
    }),
  );
}
