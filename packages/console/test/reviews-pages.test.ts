import type { ConsoleUser } from '@pledge/auth';
import type { ReviewStatus, TypedAccessReview } from '@pledge/engine';
import { describe, expect, it } from 'vitest';
import { renderReviewPage, renderReviewsPage, reviewBanner } from '../src/index.js';

const officer: ConsoleUser = {
  id: 'usr_off',
  email: 'o@example.test',
  name: 'Olive',
  role: 'privacy-officer',
};
const every = { amount: 90, unit: 'days' } as const;

const review: TypedAccessReview = {
  id: 'rev_1',
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2026-04-01T00:00:00Z'),
  createdBy: 'usr_off',
  createdAt: new Date('2026-04-02T09:00:00Z'),
  findings: [
    {
      code: 'review.lookup-without-request',
      actor: { kind: 'user', id: 'usr_<b>' },
      subject: 'pseudonym-aaaaaaaaaaaa',
      count: 2,
      first: '2026-02-01T22:00:00.000Z',
      last: '2026-02-02T22:00:00.000Z',
    },
  ],
  summary: {
    entries: 2,
    accesses: 2,
    actors: 1,
    subjects: 1,
    byAction: { 'subject-lookup': 2 },
    findings: { 'review.volume-outlier': 0, 'review.lookup-without-request': 1, 'review.outside-hours': 0 },
  },
  reviewedActors: ['user:usr_<b>'],
  status: 'open',
};

describe('reviewBanner', () => {
  const nextDueAt = new Date('2026-06-30T23:59:59.999Z');
  it('is an alert when overdue, a status when due, and nothing otherwise', () => {
    const overdue: ReviewStatus = { due: true, overdue: true, every, nextDueAt };
    expect(reviewBanner(overdue)).toContain('role="alert"');
    expect(reviewBanner(overdue)).toContain('Access review overdue');
    expect(reviewBanner(overdue)).toContain('2026-06-30 23:59 UTC');
    const due: ReviewStatus = { due: true, overdue: false, every, nextDueAt };
    expect(reviewBanner(due)).toContain('role="status"');
    expect(reviewBanner({ due: false, overdue: false, every, nextDueAt })).toBe('');
    expect(reviewBanner({ due: false, overdue: false })).toBe('');
  });
});

describe('review pages', () => {
  it('list the reviews, the interval and a form with the CSRF token and the refusal', () => {
    const html = renderReviewsPage({
      user: officer,
      csrfToken: 'tok"1',
      status: { due: true, overdue: true, every, nextDueAt: new Date('2026-06-30T23:59:59.999Z') },
      reviews: [review],
      form: {
        from: '2026-05-01',
        to: '2026-04-01',
        problem: { path: 'to', message: 'to must be after from' },
      },
    });
    expect(html).toContain('Access review overdue');
    expect(html).toContain('every 90 days');
    expect(html).toContain('href="/console/reviews/rev_1"');
    expect(html).toContain('name="csrf" value="tok&quot;1"');
    expect(html).toContain(
      'id="review-to" name="to" type="date" required value="2026-04-01" aria-invalid="true"',
    );
    expect(html).toContain('to must be after from');
    expect(html).toContain('href="/console/reviews" aria-current="page"');
  });

  it('show the findings escaped and the sign-off form only to someone not reviewed', () => {
    const html = renderReviewPage({ user: officer, csrfToken: 'tok', review });
    expect(html).toContain('Lookup without an open request');
    expect(html).toContain('usr_&lt;b&gt;');
    expect(html).not.toContain('usr_<b>');
    expect(html).toContain('action="/console/reviews/rev_1/sign"');
    const reviewed = renderReviewPage({ user: { ...officer, id: 'usr_<b>' }, csrfToken: 'tok', review });
    expect(reviewed).not.toContain('/sign"');
    expect(reviewed).toContain('someone else must sign');
    const signed = renderReviewPage({
      user: officer,
      csrfToken: 'tok',
      review: {
        ...review,
        status: 'signed-off',
        signedOffBy: 'user:usr_off',
        signedOffAt: review.createdAt,
        note: 'ok <i>',
      },
    });
    expect(signed).toContain('Signed off');
    expect(signed).toContain('ok &lt;i&gt;');
    expect(signed).not.toContain('<form method="post" action="/console/reviews/rev_1/sign"');
  });
});
