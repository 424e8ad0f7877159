import {
  fakeBlob,
  fakeEmail,
  fakeIp,
  fakeName,
  fakePasswordHash,
  fakePhone,
  fakeUserAgent,
  isoTime,
  laterInstant,
  signUpInstant,
} from '../fake.js';
import { type Seed, subjectRng } from '../prng.js';
import {
  type ExampleDefinition,
  type FileRecord,
  IdCounter,
  type RedisRecord,
  type SubjectRecords,
} from '../types.js';

const PROVIDERS = ['wechat', 'apple', 'google'] as const;
const REGIONS = ['CN', 'SG', 'DE', 'US', 'BR'] as const;
const MODELS = ['CAM-C6N', 'CAM-C8C', 'CAM-DB2', 'CAM-BC2', 'CAM-H8'] as const;
const ALARMS = ['motion', 'person', 'sound', 'doorbell', 'line-crossing'] as const;
const PERMISSIONS = ['view', 'view,talk', 'view,talk,playback'] as const;
const VENDORS = ['fcm', 'huawei', 'xiaomi', 'oppo', 'vivo'] as const;

/**
 * Per subject (one account, `accounts.id` = index + 1):
 * - third_party_logins: 0-2 (distinct providers); devices: 1-3;
 * - device_shares: each device shared with probability 0.3 with the previous subject's
 *   account (none for subject 0), so subject i also appears as guest in subject i+1's shares;
 * - alarm_events: 20-30 per device, 1% with a screenshot file;
 * - intercom_sessions: 0-6 per device, 8% with an audio file;
 * - Redis: a push registration with probability 0.9, 0-2 login sessions.
 * E-mail is absent for every fourth subject (index % 4 = 3): phone-only sign-up.
 * About 61 SQL rows per subject: 20,000 subjects give about 1.21 million rows.
 */
export const cameraApp: ExampleDefinition = {
  name: 'camera-app',
  sql: {
    dialect: 'postgres',
    dataset: 'camera_pg',
    schemaFile: 'schema.postgres.sql',
    tables: [
      {
        name: 'accounts',
        columns: ['id', 'phone', 'email', 'nickname', 'avatar_url', 'password_hash', 'region', 'created_at'],
      },
      { name: 'third_party_logins', columns: ['id', 'account_id', 'provider', 'external_id', 'nickname'] },
      {
        name: 'devices',
        columns: [
          'id',
          'account_id',
          'serial_number',
          'model',
          'wifi_ssid',
          'bound_at',
          'latitude',
          'longitude',
        ],
      },
      {
        name: 'device_shares',
        columns: ['id', 'device_id', 'owner_account_id', 'guest_account_id', 'permissions', 'created_at'],
      },
      {
        name: 'alarm_events',
        columns: ['id', 'device_id', 'account_id', 'kind', 'occurred_at', 'screenshot_key'],
      },
      { name: 'intercom_sessions', columns: ['id', 'device_id', 'account_id', 'started_at', 'audio_key'] },
    ],
  },
  redis: {
    dataset: 'camera_redis',
    collections: ['push:{account_id}', 'session:{id}'],
    indexes: ['account-sessions:{account_id}'],
  },
  files: { dataset: 'camera_files', collections: ['screenshots/{account_id}', 'intercom/{account_id}'] },
  subject,
  linkedElsewhere(index, seed, scale): Record<string, number> {
    // The next subject shares devices with this one (guest_account_id).
    if (index + 1 >= scale) return {};
    const next = subject(index + 1, seed, new IdCounter());
    return { 'camera_pg.device_shares': next.sql.device_shares?.length ?? 0 };
  },
};

function subject(index: number, seed: Seed, ids: IdCounter): SubjectRecords {
  const rng = subjectRng('camera-app', seed, index);
  const accountId = index + 1;
  const name = fakeName(rng);
  const email = index % 4 === 3 ? null : fakeEmail(name, index);
  const phone = fakePhone(index);
  const createdAt = signUpInstant(rng);
  const accounts: unknown[][] = [
    [
      accountId,
      phone,
      email,
      `${name.given.toLowerCase()}_${rng.hex(4)}`,
      rng.chance(0.7) ? `https://cdn.example.test/avatars/${accountId}-${rng.hex(8)}.png` : null,
      fakePasswordHash(rng),
      rng.pick(REGIONS),
      isoTime(createdAt),
    ],
  ];
  const logins: unknown[][] = [];
  const devices: unknown[][] = [];
  const shares: unknown[][] = [];
  const alarmEvents: unknown[][] = [];
  const intercom: unknown[][] = [];
  const files: FileRecord[] = [];
  const externalIds: string[] = [];
  const first = rng.int(0, PROVIDERS.length - 1);
  const loginCount = rng.int(0, 2);
  for (let p = 0; p < loginCount; p++) {
    const provider = PROVIDERS[(first + p) % PROVIDERS.length] as string;
    const externalId = `${provider}_${index.toString(36)}${rng.hex(12)}`;
    externalIds.push(externalId);
    logins.push([
      ids.next('third_party_logins'),
      accountId,
      provider,
      externalId,
      `${name.given} ${name.surname.slice(0, 1)}.`,
    ]);
  }
  const serials: string[] = [];
  const deviceCount = rng.int(1, 3);
  for (let d = 0; d < deviceCount; d++) {
    const deviceId = ids.next('devices');
    const serial = `CAM${String(index).padStart(7, '0')}${d}${rng.hex(4).toUpperCase()}`;
    serials.push(serial);
    const boundAt = laterInstant(rng, createdAt);
    const located = rng.chance(0.8);
    devices.push([
      deviceId,
      accountId,
      serial,
      rng.pick(MODELS),
      `TestNet-${rng.hex(4).toUpperCase()}`,
      isoTime(boundAt),
      located ? (20 + rng.next() * 25).toFixed(6) : null,
      located ? (100 + rng.next() * 25).toFixed(6) : null,
    ]);
    if (index > 0 && rng.chance(0.3)) {
      shares.push([
        ids.next('device_shares'),
        deviceId,
        accountId,
        accountId - 1,
        rng.pick(PERMISSIONS),
        isoTime(laterInstant(rng, boundAt)),
      ]);
    }
    const alarms = rng.int(20, 30);
    for (let a = 0; a < alarms; a++) {
      const eventId = ids.next('alarm_events');
      let key: string | null = null;
      if (rng.chance(0.01)) {
        key = `screenshots/${accountId}/${eventId}.jpg`;
        files.push({
          collection: 'screenshots/{account_id}',
          path: key,
          content: fakeBlob(rng, 'jpeg', rng.int(200, 600)),
        });
      }
      alarmEvents.push([
        eventId,
        deviceId,
        accountId,
        rng.pick(ALARMS),
        isoTime(laterInstant(rng, boundAt)),
        key,
      ]);
    }
    const calls = rng.int(0, 6);
    for (let c = 0; c < calls; c++) {
      const sessionId = ids.next('intercom_sessions');
      let key: string | null = null;
      if (rng.chance(0.08)) {
        key = `intercom/${accountId}/${sessionId}.opus`;
        files.push({
          collection: 'intercom/{account_id}',
          path: key,
          content: fakeBlob(rng, 'opus', rng.int(400, 1200)),
        });
      }
      intercom.push([sessionId, deviceId, accountId, isoTime(laterInstant(rng, boundAt)), key]);
    }
  }
  const redis: RedisRecord[] = [];
  if (rng.chance(0.9)) {
    const ios = rng.chance(0.4);
    redis.push({
      collection: 'push:{account_id}',
      key: `push:${accountId}`,
      fields: {
        account_id: String(accountId),
        token: rng.hex(64),
        platform: ios ? 'ios' : 'android',
        vendor: ios ? 'apns' : rng.pick(VENDORS),
      },
    });
  }
  const sessions = rng.int(0, 2);
  const sessionKeys: string[] = [];
  for (let s = 0; s < sessions; s++) {
    const key = `session:${rng.hex(32)}`;
    sessionKeys.push(key);
    redis.push({
      collection: 'session:{id}',
      key,
      fields: {
        account_id: String(accountId),
        ip: fakeIp(rng),
        user_agent: fakeUserAgent(rng),
        created_at: isoTime(laterInstant(rng, createdAt)),
      },
    });
  }
  return {
    identities: {
      'user-id': [String(accountId)],
      phone: [phone],
      ...(email ? { email: [email] } : {}),
      'device-serial': serials,
      ...(externalIds.length > 0 ? { 'external-id': externalIds } : {}),
    },
    sql: {
      accounts,
      third_party_logins: logins,
      devices,
      device_shares: shares,
      alarm_events: alarmEvents,
      intercom_sessions: intercom,
    },
    redis,
    // The app's index of an account's sessions (SADD on login), declared in the manifest.
    redisSets: sessionKeys.length > 0 ? [{ key: `account-sessions:${accountId}`, members: sessionKeys }] : [],
    files,
  };
}
