import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** An account the provider signs in, with how it authenticated (`amr`). */
export interface TestAccount {
  email: string;
  emailVerified: boolean;
  amr: string[];
}

/** A real OpenID provider (oidc-provider) on a random loopback port, for one test file. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next interaction signs in. */
  signInAs(account: TestAccount): void;
  /**
   * Plays the browser at the provider: follows redirects from `url` (keeping the provider's
   * cookies) until one leads away from it, and returns that URL (the callback with the code).
   */
  browse(url: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the provider; the interaction (login and consent) is answered at once for the chosen account. */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const clientId = 'pledge-console';
  const clientSecret = 'oidc-test-client-secret-0123456789';
  let account: TestAccount | undefined;
  let provider: Provider | undefined;
  const server: Server = createServer((req, res) => {
    if (!provider) return res.end();
    if (!req.url?.startsWith('/interaction/')) return provider.callback()(req, res);
    void (async () => {
      const details = await provider!.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        if (!account) throw new Error('no account chosen');
        await provider!.interactionFinished(
          req,
          res,
          { login: { accountId: account.email, amr: account.amr } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider!.Grant({ accountId: details.session!.accountId, clientId });
      grant.addOIDCScope(details.params.scope ?? 'openid');
      grant.addOIDCClaims(details.prompt.details.missingOIDCClaims ?? []);
      await provider!.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const known = account?.email === id ? account : undefined;
      return known
        ? {
            accountId: id,
            claims: async () => ({ sub: id, email: known.email, email_verified: known.emailVerified }),
          }
        : undefined;
    },
    // amr in the ID token (as providers asserting MFA send it), with the openid scope
    claims: { openid: ['sub', 'amr', 'auth_time'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
  });
  const jar = new Map<string, string>();
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(next) {
      account = next;
      jar.clear();
    },
    async browse(start) {
      let url = start;
      for (let hop = 0; hop < 20; hop++) {
        if (!url.startsWith(issuer)) return url;
        const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
        const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
        for (const set of res.headers.getSetCookie()) {
          const [pair = ''] = set.split(';');
          const at = pair.indexOf('=');
          const name = pair.slice(0, at);
          const value = pair.slice(at + 1);
          if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(set)) jar.delete(name);
          else jar.set(name, value);
        }
        const location = res.headers.get('location');
        if (!location)
          throw new Error(
            `the provider answered ${res.status} at ${new URL(url).pathname}: ${await res.text()}`,
          );
        url = new URL(location, url).href;
      }
      throw new Error('too many redirects at the provider');
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
