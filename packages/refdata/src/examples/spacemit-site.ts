import {
  fakeBlob,
  fakeEmail,
  fakeIp,
  fakeName,
  fakePhone,
  laterInstant,
  signUpInstant,
  sqlDateTime,
} from '../fake.js';
import { subjectRng } from '../prng.js';
import type { ExampleDefinition, FileRecord } from '../types.js';

const POSITIONS = [
  'RISC-V compiler engineer',
  'SoC verification engineer',
  'Technical writer',
  'Intern',
] as const;
const EDUCATION = ['bachelor', 'master', 'doctorate', 'other'] as const;
const PAGES = ['/', '/products/k1', '/products/m1', '/news', '/careers', '/contact', '/developers'] as const;
const REFERRERS = [
  'https://search.example.test/',
  'https://forum.example.test/t/risc-v',
  'https://news.example.test/',
];
const MESSAGES = [
  'Synthetic enquiry: please send the datasheet of the development board.',
  'Synthetic enquiry: we would like to discuss a volume order.',
  'Synthetic enquiry: is there a university programme?',
] as const;

/**
 * Per subject (one website visitor, known by e-mail and cookie ids; no account table):
 * - contact_messages: 0-2 and job_applications: 0-1 (probability 0.4), at least one of the two;
 *   each application has a CV file `cvs/<application id>/cv.pdf`;
 * - analytics cookies: 1-2, each with 10-40 analytics_events.
 * About 39 SQL rows per subject.
 */
export const spacemitSite: ExampleDefinition = {
  name: 'spacemit-site',
  sql: {
    dialect: 'mysql',
    dataset: 'spacemit_mysql',
    schemaFile: 'schema.mysql.sql',
    tables: [
      {
        name: 'contact_messages',
        columns: ['id', 'email', 'name', 'phone', 'company', 'message', 'created_at'],
      },
      {
        name: 'job_applications',
        columns: ['id', 'email', 'name', 'phone', 'position', 'education', 'cv_file', 'created_at'],
      },
      {
        name: 'analytics_events',
        columns: ['id', 'cookie_id', 'ip_address', 'page', 'referrer', 'occurred_at'],
      },
    ],
  },
  files: { dataset: 'spacemit_cvs', collections: ['cvs/{application_id}'] },
  subject(index, seed, ids) {
    const rng = subjectRng('spacemit-site', seed, index);
    const name = fakeName(rng);
    const fullName = `${name.given} ${name.surname}`;
    const email = fakeEmail(name, index);
    const phone = fakePhone(index, 2);
    const firstSeen = signUpInstant(rng);

    const applicationCount = rng.chance(0.4) ? 1 : 0;
    const messageCount = Math.max(applicationCount === 0 ? 1 : 0, rng.int(0, 2));
    const messages: unknown[][] = [];
    for (let m = 0; m < messageCount; m++) {
      messages.push([
        ids.next('contact_messages'),
        email,
        fullName,
        rng.chance(0.6) ? phone : null,
        rng.chance(0.7) ? `${name.surname} Test Devices Ltd` : null,
        rng.pick(MESSAGES),
        sqlDateTime(laterInstant(rng, firstSeen)),
      ]);
    }

    const applications: unknown[][] = [];
    const files: FileRecord[] = [];
    for (let a = 0; a < applicationCount; a++) {
      const id = ids.next('job_applications');
      const cv = `cvs/${id}/cv.pdf`;
      files.push({
        collection: 'cvs/{application_id}',
        path: cv,
        content: fakeBlob(rng, 'pdf', rng.int(800, 2000)),
      });
      applications.push([
        id,
        email,
        fullName,
        phone,
        rng.pick(POSITIONS),
        rng.pick(EDUCATION),
        cv,
        sqlDateTime(laterInstant(rng, firstSeen)),
      ]);
    }

    const events: unknown[][] = [];
    const cookies: string[] = [];
    const cookieCount = rng.int(1, 2);
    for (let c = 0; c < cookieCount; c++) {
      const cookie = `ck.${index.toString(36)}.${rng.hex(16)}`;
      cookies.push(cookie);
      const ip = fakeIp(rng);
      const count = rng.int(10, 40);
      for (let e = 0; e < count; e++) {
        events.push([
          ids.next('analytics_events'),
          cookie,
          ip,
          rng.pick(PAGES),
          rng.chance(0.3) ? rng.pick(REFERRERS) : null,
          sqlDateTime(laterInstant(rng, firstSeen)),
        ]);
      }
    }

    return {
      identities: { email: [email], 'cookie-id': cookies },
      sql: { contact_messages: messages, job_applications: applications, analytics_events: events },
      redis: [],
      files,
    };
  },
};
