import {
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
import { subjectRng } from '../prng.js';
import type { ExampleDefinition, RedisRecord } from '../types.js';

const COUNTRIES = ['CN', 'US', 'CA', 'KZ', 'NO', 'IS', 'PY', 'ET'] as const;
const PORTS = [3333, 443, 25, 1800] as const;
const CURRENCIES = ['USD', 'CNY', 'CAD', 'NOK'] as const;
const ALERT_KINDS = ['offline', 'hashrate-drop', 'temperature', 'pool-switch'] as const;

/**
 * Per subject (one user, `users.id` = index + 1):
 * - pools: 1-3; miners: 1-8, or 20-60 for one farm in ten, each on one of the user's pools;
 * - electricity_fees: 1-2; alert_subscriptions: 1-4 (SMS only when a phone is known);
 * - login_logs: 5-60; Redis: 0-2 sessions.
 * Phone is absent for every third subject (index % 3 = 2). About 48 SQL rows per subject.
 */
export const antsentry: ExampleDefinition = {
  name: 'antsentry',
  sql: {
    dialect: 'postgres',
    dataset: 'antsentry_pg',
    schemaFile: 'schema.postgres.sql',
    tables: [
      {
        name: 'users',
        columns: ['id', 'email', 'phone', 'name', 'password_hash', 'created_at', 'last_login_at', 'country'],
      },
      { name: 'pools', columns: ['id', 'user_id', 'pool_url', 'worker_account'] },
      { name: 'miners', columns: ['id', 'user_id', 'serial_number', 'ip_address', 'worker_name', 'pool_id'] },
      { name: 'electricity_fees', columns: ['id', 'user_id', 'price_per_kwh', 'currency'] },
      { name: 'alert_subscriptions', columns: ['id', 'user_id', 'channel', 'target', 'alert_kind'] },
      { name: 'login_logs', columns: ['id', 'user_id', 'ip_address', 'user_agent', 'logged_in_at'] },
    ],
  },
  redis: { dataset: 'antsentry_redis', collections: ['session:{id}'] },
  subject(index, seed, ids) {
    const rng = subjectRng('antsentry', seed, index);
    const userId = index + 1;
    const name = fakeName(rng);
    const email = fakeEmail(name, index);
    const phone = index % 3 === 2 ? null : fakePhone(index);
    const createdAt = signUpInstant(rng);
    const account = `${name.given.toLowerCase()}${index.toString(36)}`;

    const pools: unknown[][] = [];
    const poolCount = rng.int(1, 3);
    for (let p = 0; p < poolCount; p++) {
      pools.push([
        ids.next('pools'),
        userId,
        `stratum+tcp://pool${rng.int(1, 9)}.example.test:${rng.pick(PORTS)}`,
        `${account}.${p + 1}`,
      ]);
    }

    const miners: unknown[][] = [];
    const serials: string[] = [];
    const minerCount = rng.chance(0.1) ? rng.int(20, 60) : rng.int(1, 8);
    for (let m = 0; m < minerCount; m++) {
      const serial = `AS${String(index).padStart(7, '0')}${String(m).padStart(3, '0')}${rng.hex(3).toUpperCase()}`;
      serials.push(serial);
      const pool = rng.pick(pools);
      miners.push([ids.next('miners'), userId, serial, fakeIp(rng), `${pool[3]}.rig${m + 1}`, pool[0]]);
    }

    const fees: unknown[][] = [];
    const feeCount = rng.int(1, 2);
    for (let f = 0; f < feeCount; f++) {
      fees.push([
        ids.next('electricity_fees'),
        userId,
        (0.03 + rng.next() * 0.12).toFixed(4),
        rng.pick(CURRENCIES),
      ]);
    }

    const alerts: unknown[][] = [];
    const alertCount = rng.int(1, 4);
    for (let a = 0; a < alertCount; a++) {
      const channel = rng.pick(
        phone ? (['email', 'sms', 'webhook'] as const) : (['email', 'webhook'] as const),
      );
      const target =
        channel === 'email' ? email : channel === 'sms' ? phone : `https://hooks.example.test/${rng.hex(12)}`;
      alerts.push([ids.next('alert_subscriptions'), userId, channel, target, rng.pick(ALERT_KINDS)]);
    }

    const logins: unknown[][] = [];
    let lastLogin = 0;
    const loginCount = rng.int(5, 60);
    for (let l = 0; l < loginCount; l++) {
      const at = laterInstant(rng, createdAt);
      lastLogin = Math.max(lastLogin, at);
      logins.push([ids.next('login_logs'), userId, fakeIp(rng), fakeUserAgent(rng), isoTime(at)]);
    }

    const redis: RedisRecord[] = [];
    const sessions = rng.int(0, 2);
    for (let s = 0; s < sessions; s++) {
      redis.push({
        collection: 'session:{id}',
        key: `session:${rng.hex(32)}`,
        fields: { user_id: String(userId), ip: fakeIp(rng) },
      });
    }

    const users = [
      [
        userId,
        email,
        phone,
        `${name.given} ${name.surname}`,
        fakePasswordHash(rng),
        isoTime(createdAt),
        isoTime(lastLogin),
        rng.pick(COUNTRIES),
      ],
    ];
    return {
      identities: {
        'user-id': [String(userId)],
        email: [email],
        ...(phone ? { phone: [phone] } : {}),
        'device-serial': serials,
      },
      sql: {
        users,
        pools,
        miners,
        electricity_fees: fees,
        alert_subscriptions: alerts,
        login_logs: logins,
      },
      redis,
      files: [],
    };
  },
};
