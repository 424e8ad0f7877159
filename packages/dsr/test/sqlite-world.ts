import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connector, createConnector, type StatementEvent } from '@pledge/connectors';
import type { Manifest } from '@pledge/core';
import Database from 'better-sqlite3';
import type { ConnectorFactory } from '../src/index.js';
import { exampleManifest, withDatasets } from './fixtures.js';

/** Datasets of a small app: SQLite tables and a files folder, with categories from antsentry. */
export const WORLD_DATASETS = `
- id: app
  datastore: { kind: sqlite, connection: APP_DB }
  collections:
    - name: users
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, identity: user-id, categories: [account-id] }
        - { name: email, identity: email, categories: [email] }
        - { name: name, categories: [name] }
        - { name: phone, identity: phone, categories: [phone] }
    - name: orders
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id }
        - { name: user_id, references: app.users.id, categories: [account-id] }
        - { name: address, categories: [country] }
    - name: logins
      primaryKey: id
      fields:
        - { name: id, erasure: keep }
        - { name: user_id, references: app.users.id, categories: [account-id], erasure: "null" }
        - { name: ip, categories: [ip-address], legalHold: login-records }
        - { name: agent, categories: [browser-info], erasure: hash }
        - { name: email_seen, categories: [email], erasure: mask }
- id: docs
  datastore: { kind: files, connection: DOCS_DIR }
  collections:
    - name: docs/{user_id}
      erasure: delete-row
      fields:
        - { name: user_id, references: app.users.id, categories: [account-id] }
        - { name: content, categories: [support-request] }
`;

/** Rows per subject: subject 1 has many, the others a few. */
export const COUNTS = { orders: [5, 2, 1], logins: [7, 3, 2], docs: [2, 1, 0] };

/** A seeded SQLite database and files folder, with a connector factory that counts statements. */
export interface World {
  manifest: Manifest;
  dir: string;
  dbFile: string;
  docsDir: string;
  factory: ConnectorFactory;
  /** Statements seen, as `operation collection`. */
  statements: StatementEvent[];
  dump(): Record<string, unknown[]>;
  /** Runs one SQL statement on the database (test set-up). */
  exec(sql: string, ...params: unknown[]): void;
  cleanup(): void;
}

export function email(i: number): string {
  return `subject${i}@example.test`;
}

export function createWorld(): World {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-dsr-'));
  const dbFile = join(dir, 'app.db');
  const docsDir = join(dir, 'files');
  const db = new Database(dbFile);
  db.exec(`CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT, phone TEXT);
    CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), address TEXT);
    CREATE TABLE logins (id INTEGER PRIMARY KEY, user_id INTEGER, ip TEXT, agent TEXT, email_seen TEXT);`);
  let order = 1;
  let login = 1;
  for (let u = 1; u <= 3; u++) {
    db.prepare('INSERT INTO users VALUES (?, ?, ?, ?)').run(u, email(u), `Name ${u}`, `+4470000000${u}`);
    for (let i = 0; i < (COUNTS.orders[u - 1] ?? 0); i++) {
      db.prepare('INSERT INTO orders VALUES (?, ?, ?)').run(order++, u, `${u} Road ${i}`);
    }
    for (let i = 0; i < (COUNTS.logins[u - 1] ?? 0); i++) {
      db.prepare('INSERT INTO logins VALUES (?, ?, ?, ?, ?)').run(
        login++,
        u,
        `10.0.${u}.${i}`,
        `agent-${u}-${i}`,
        email(u),
      );
    }
    for (let i = 0; i < (COUNTS.docs[u - 1] ?? 0); i++) {
      mkdirSync(join(docsDir, 'docs', String(u)), { recursive: true });
      writeFileSync(join(docsDir, 'docs', String(u), `note-${i}.txt`), `support note ${i} of ${u}`);
    }
  }
  mkdirSync(docsDir, { recursive: true });
  db.close();
  const statements: StatementEvent[] = [];
  const factory: ConnectorFactory = (dataset) => {
    const connector: Connector =
      dataset.id === 'app' ? createConnector('sqlite', dbFile) : createConnector('files', docsDir);
    connector.onStatement((event) => statements.push(event));
    return connector;
  };
  return {
    manifest: withDatasets(exampleManifest('antsentry'), WORLD_DATASETS),
    dir,
    dbFile,
    docsDir,
    factory,
    statements,
    dump() {
      const reader = new Database(dbFile, { readonly: true });
      const out: Record<string, unknown[]> = {};
      for (const table of ['users', 'orders', 'logins']) {
        out[table] = reader.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
      }
      reader.close();
      return out;
    },
    exec(sql, ...params) {
      const writer = new Database(dbFile);
      writer.prepare(sql).run(...params);
      writer.close();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
