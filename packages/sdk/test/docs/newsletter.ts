import type { Pledge } from '@pledge/sdk';

const newsletter = { purpose: 'newsletter', categories: ['email'] };

/** May we e-mail the newsletter to this user? */
export async function mayEmail(pledge: Pledge, userId: string): Promise<boolean> {
  // The first call reads the user's consent history from the server; later ones use the cache.
  const decision = await pledge.decideAsync(userId, newsletter, { jurisdiction: 'eu-gdpr' });
  return decision.allowed;
}

/** The same question, synchronously, once the user is cached (undefined when not). */
export function mayEmailNow(pledge: Pledge, userId: string): boolean | undefined {
  if (!pledge.has(userId)) return undefined;
  return pledge.decide(userId, newsletter, { jurisdiction: 'eu-gdpr' }).allowed;
}

/** The sign-up form's checkbox: records the consent; the cache has it at once. */
export async function subscribe(pledge: Pledge, userId: string): Promise<void> {
  await pledge.record(userId, [
    {
      type: 'consent-given',
      purposes: ['newsletter'],
      consentMode: 'opt-in',
      method: 'signup-form',
      source: 'web',
    },
  ]);
}
