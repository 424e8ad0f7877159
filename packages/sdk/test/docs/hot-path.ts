import type { Pledge } from '@pledge/sdk';

/** Ad targeting for a batch of cached users, without allocating per decision. */
export function adsAllowed(pledge: Pledge, userIds: readonly string[]): boolean[] {
  // Indexes and masks belong to one compiled policy: rebuild them when pledge.policy.generation changes.
  const purpose = pledge.policy.compiled.purposes.index.get('ads');
  const mask = pledge.categoryMask(['browsing', 'device-id']);
  if (purpose === undefined || mask === undefined) throw new Error('the policy declares no such purpose');
  return userIds.map((id) => {
    const state = pledge.state(id, { jurisdiction: 'us-ca-ccpa' });
    return pledge.decideIndexed(purpose, mask, state).allowed;
  });
}
