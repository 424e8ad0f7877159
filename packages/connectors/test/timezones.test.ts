import { portOpen } from '@pledge/testing';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionRef, type Connector, createConnector } from '../src/index.js';
import { mysqlService, postgresService, runId } from './servers.js';

// Timestamps leave in their true instant whatever the host's time zone: each case reads and
// writes under two zones far from UTC (Node applies a new process.env.TZ at once).
const ZONES = ['Asia/Shanghai', 'America/Los_Angeles'];
const INSTANT = '2024-03-01T12:00:00.000Z';
const WRITTEN = new Date('2025-07-04T23:30:00.000Z');
const id = `pledge_tz_${runId()}`;
const times: CollectionRef = {
  name: 'times',
  primaryKey: 'id',
  fields: [{ name: 'naive' }, { name: 'zoned' }],
};

interface Case {
  kind: 'postgres' | 'mysql';
  up: () => Promise<boolean>;
  /** Opens the table with one row (id 1) holding INSTANT in both columns; `text` reads a column as UTC text. */
  open(): Promise<{
    connector: () => Connector;
    text: (column: string) => Promise<string>;
    drop: () => Promise<void>;
  }>;
}

const CASES: Case[] = [
  {
    kind: 'postgres',
    up: () => portOpen(postgresService().host, postgresService().port, 1500),
    async open() {
      const url = postgresService().url;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`SET TIME ZONE 'UTC'; CREATE SCHEMA ${id}; SET search_path TO ${id}`);
      await admin.query('CREATE TABLE times (id int PRIMARY KEY, naive timestamp, zoned timestamptz)');
      await admin.query("INSERT INTO times VALUES (1, '2024-03-01 12:00:00', '2024-03-01 12:00:00+00')");
      return {
        connector: () => createConnector('postgres', { connectionString: url, schema: id }),
        text: async (column) =>
          (await admin.query(`SELECT to_char(${column}, 'YYYY-MM-DD HH24:MI:SS') AS t FROM times`)).rows[0].t,
        drop: async () => {
          await admin.query(`DROP SCHEMA IF EXISTS ${id} CASCADE`);
          await admin.end();
        },
      };
    },
  },
  {
    kind: 'mysql',
    up: () => portOpen(mysqlService().host, mysqlService().port, 1500),
    async open() {
      const admin = await mysql.createConnection({ uri: mysqlService().url });
      await admin.query("SET time_zone = '+00:00'");
      await admin.query(`CREATE DATABASE ${id}`);
      await admin.query(`USE ${id}`);
      await admin.query('CREATE TABLE times (id int PRIMARY KEY, naive datetime, zoned timestamp NULL)');
      await admin.query("INSERT INTO times VALUES (1, '2024-03-01 12:00:00', '2024-03-01 12:00:00')");
      return {
        connector: () => createConnector('mysql', { uri: mysqlService().url, schema: id }),
        text: async (column) => {
          const [rows] = await admin.query(
            `SELECT DATE_FORMAT(${column}, '%Y-%m-%d %H:%i:%s') AS t FROM times`,
          );
          return (rows as Array<{ t: string }>)[0]?.t ?? '';
        },
        drop: async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${id}`);
          await admin.end();
        },
      };
    },
  },
];

for (const t of CASES) {
  const up = await t.up();
  describe.skipIf(!up)(`${t.kind}: timestamps under the host's time zone`, () => {
    let world: Awaited<ReturnType<Case['open']>>;
    const zone = process.env.TZ;
    beforeAll(async () => {
      world = await t.open();
    });
    afterAll(async () => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      await world?.drop();
    });

    it('reads and writes timestamps with and without a zone as the same instant in every zone', async () => {
      for (const tz of ZONES) {
        process.env.TZ = tz;
        const c = world.connector();
        await c.connect();
        try {
          const rows = await c.read(times, [1]);
          const instants = rows.map((r) => [
            (r.naive as Date).toISOString(),
            (r.zoned as Date).toISOString(),
          ]);
          expect(instants, tz).toEqual([[INSTANT, INSTANT]]);
          await c.rectify(times, [1], { naive: WRITTEN, zoned: WRITTEN });
          expect(await world.text('naive'), tz).toBe('2025-07-04 23:30:00');
          expect(await world.text('zoned'), tz).toBe('2025-07-04 23:30:00');
          expect(await c.countRetention(times, 'naive', new Date('2025-07-04T23:30:01Z')), tz).toBe(1);
          expect(await c.countRetention(times, 'naive', WRITTEN), tz).toBe(0);
          await c.rectify(times, [1], { naive: new Date(INSTANT), zoned: new Date(INSTANT) });
        } finally {
          await c.close();
        }
      }
    });
  });
}
