import { createClient, PledgeApiError } from '@pledge/sdk';

const client = createClient({
  baseUrl: process.env.PLEDGE_URL ?? 'http://127.0.0.1:4400',
  apiKey: process.env.PLEDGE_API_KEY,
});

/** The privacy centre's "withdraw" button. Returns the problems when the server rejects the request. */
export async function withdraw(userId: string, purposes: string[]): Promise<string[]> {
  try {
    await client.recordConsent(userId, [{ type: 'consent-withdrawn', purposes, method: 'privacy-center' }]);
    return [];
  } catch (error) {
    if (error instanceof PledgeApiError && error.status === 400) {
      return error.issues.map((issue) => `${issue.path}: ${issue.code}`);
    }
    throw error;
  }
}
