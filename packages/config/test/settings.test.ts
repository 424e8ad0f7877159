import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envWithFlags, REPO_ROOT, readSettings, SETTING_NAMES } from '../src/index.js';

describe('readSettings', () => {
  it('defaults every setting, and says the data directory was not given', () => {
    expect(readSettings({}, '/x')).toEqual({
      ok: true,
      settings: {
        port: 4400,
        host: '127.0.0.1',
        manifestPath: join(REPO_ROOT, 'examples/antsentry/pledge.yaml'),
        logLevel: 'info',
        dataDir: join(REPO_ROOT, '.pledge-data'),
      },
    });
  });

  it('reads every variable, trims it, and takes paths from the working directory', () => {
    const read = readSettings(
      {
        PORT: ' 0 ',
        LOG_LEVEL: 'warn',
        PLEDGE_DATA_DIR: 'state',
        PLEDGE_MANIFEST: '/etc/pledge.yaml',
        PLEDGE_POLICY_SYNC_MS: '250',
        PLEDGE_SUBJECT_KEY: 'a key with spaces ok',
      },
      '/srv',
    );
    expect(read).toMatchObject({
      ok: true,
      settings: {
        port: 0,
        logLevel: 'warn',
        dataDir: '/srv/state',
        dataDirGiven: true,
        manifestPath: '/etc/pledge.yaml',
        policySyncMs: 250,
        subjectKey: 'a key with spaces ok',
      },
    });
  });

  it('treats blank values as unset', () => {
    expect(readSettings({ PORT: '  ', PLEDGE_DATABASE_URL: '' }, '/')).toMatchObject({
      ok: true,
      settings: { port: 4400 },
    });
  });

  it.each([
    ['PORT', '70000', 'PORT must be an integer from 0 to 65535'],
    ['PORT', 'eighty', 'PORT must be an integer from 0 to 65535'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [
      'PLEDGE_DATABASE_URL',
      'mysql://root:s3cret@db/x',
      'PLEDGE_DATABASE_URL must be a postgres:// or postgresql:// URL',
    ],
    ['PLEDGE_API_TOKEN', 'short s3cret', 'PLEDGE_API_TOKEN must be at least 16 characters, without spaces'],
    ['PLEDGE_SUBJECT_KEY', 's3cret', 'PLEDGE_SUBJECT_KEY must be at least 16 characters'],
    ['PLEDGE_POLICY_SYNC_MS', '1.5', 'PLEDGE_POLICY_SYNC_MS must be a whole number of milliseconds'],
    ['PLEDGE_API_KEY', 'short s3cret', 'PLEDGE_API_KEY must be at least 16 characters, without spaces'],
    [
      'PLEDGE_ALLOWED_HOSTS',
      'a.example/x',
      'PLEDGE_ALLOWED_HOSTS must be host names separated by commas (e.g. pledge.example.com,localhost)',
    ],
    [
      'PLEDGE_REQUEST_TIMEOUT_MS',
      'soon',
      'PLEDGE_REQUEST_TIMEOUT_MS must be a whole number of milliseconds above 0',
    ],
    ['PLEDGE_OIDC_ISSUER', 'not a url', 'PLEDGE_OIDC_ISSUER must be an http(s) URL'],
    [
      'PLEDGE_OIDC_REDIRECT_URI',
      'https://pledge.example/elsewhere',
      'PLEDGE_OIDC_REDIRECT_URI must end in /console/oidc/callback',
    ],
    [
      'PLEDGE_RATE_LIMIT_SITE',
      '-1',
      'PLEDGE_RATE_LIMIT_SITE must be a whole number of requests per minute above 0',
    ],
  ])('a bad %s is an error naming the variable, not quoting it', (variable, value, message) => {
    const read = readSettings({ [variable]: value }, '/');
    expect(read).toEqual({ ok: false, code: 'config.invalid', variable, message });
    expect(JSON.stringify(read)).not.toContain(value);
  });

  it('reads the closed-API settings: host names lower-cased, timeouts and limits as numbers', () => {
    const read = readSettings(
      {
        PLEDGE_ALLOWED_HOSTS: 'Pledge.Example.com, localhost',
        PLEDGE_REQUEST_TIMEOUT_MS: '2000',
        PLEDGE_KEEP_ALIVE_TIMEOUT_MS: '1000',
        PLEDGE_RATE_LIMIT_KEY: '100',
        PLEDGE_RATE_LIMIT_ADDRESS: '50',
        PLEDGE_RATE_LIMIT_SITE: '5',
        PLEDGE_API_KEY: 'pledge_sk_0123456789abcdef',
      },
      '/',
    );
    expect(read.ok && read.settings).toMatchObject({
      allowedHosts: ['pledge.example.com', 'localhost'],
      requestTimeoutMs: 2000,
      keepAliveTimeoutMs: 1000,
      rateLimitKey: 100,
      rateLimitAddress: 50,
      rateLimitSite: 5,
      apiKey: 'pledge_sk_0123456789abcdef',
    });
  });

  it('reads the console identity provider, all three variables or none', () => {
    const env = {
      PLEDGE_OIDC_ISSUER: 'https://id.example.com',
      PLEDGE_OIDC_CLIENT_ID: 'pledge',
      PLEDGE_OIDC_CLIENT_SECRET: 'client-secret-0123456789',
      PLEDGE_OIDC_REDIRECT_URI: 'https://pledge.example.com/console/oidc/callback',
    };
    const read = readSettings(env, '/');
    expect(read.ok && read.settings.oidc).toEqual({
      issuer: 'https://id.example.com',
      clientId: 'pledge',
      clientSecret: 'client-secret-0123456789',
      redirectUri: 'https://pledge.example.com/console/oidc/callback',
    });
    const partial = readSettings({ PLEDGE_OIDC_ISSUER: env.PLEDGE_OIDC_ISSUER }, '/');
    expect(partial).toMatchObject({ ok: false, variable: 'PLEDGE_OIDC_ISSUER' });
    expect(JSON.stringify(partial)).not.toContain('id.example.com');
  });

  it('names the variables it reads', () => {
    expect(SETTING_NAMES).toContain('PLEDGE_DATA_DIR');
  });
});

describe('envWithFlags', () => {
  it('lets each flag given replace its variable, and --database stand for --database-url', () => {
    const env = { PORT: '1', PLEDGE_DATA_DIR: 'a' };
    expect(envWithFlags(env, { port: '2', dataDir: 'b', database: 'postgres://h/d' })).toEqual({
      PORT: '2',
      PLEDGE_DATA_DIR: 'b',
      PLEDGE_DATABASE_URL: 'postgres://h/d',
    });
    expect(
      envWithFlags(env, { database: 'postgres://old/d', databaseUrl: 'postgres://new/d' }),
    ).toMatchObject({
      PLEDGE_DATABASE_URL: 'postgres://new/d',
    });
    expect(env).toEqual({ PORT: '1', PLEDGE_DATA_DIR: 'a' });
  });
});
