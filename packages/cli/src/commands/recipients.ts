import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONTRACT_MEDIA_TYPES, INSPECTION_KINDS, INSPECTION_OUTCOMES } from '@pledge/core';
import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { callServer, type ServerAnswer } from '../store/server-call.js';

/** Where the server answers by default (PLEDGE_SERVER_URL, else the default address of `pledge serve`). */
const DEFAULT_SERVER = 'http://127.0.0.1:4400';

interface ServerFlags {
  server?: string;
  format: string;
}

interface RegisterEntry {
  id: string;
  kind: string;
  requirements: { anyOf: string[]; rule: string; satisfied: boolean }[];
  contracts: { kind: string; signedOn: string; expiresOn?: string; valid: boolean }[];
  inspections: { kind: string; outcome: string; performedOn: string }[];
  engagement: { endedOn?: string };
  flags: string[];
}

function serverOf(flags: ServerFlags): string {
  return flags.server ?? process.env.PLEDGE_SERVER_URL ?? DEFAULT_SERVER;
}

function withServer(command: Command): Command {
  return command
    .option('--server <url>', `the Pledge server (default PLEDGE_SERVER_URL, else ${DEFAULT_SERVER})`)
    .option('--format <format>', 'text or json', 'text');
}

/** Prints a server answer: JSON as is, or a line of text; failures name the server's issues. */
function report(
  io: CliIo,
  finish: (code: ExitCode) => void,
  answer: ServerAnswer,
  flags: ServerFlags,
  text: (json: unknown) => string,
): void {
  if (!answer.ok) {
    io.stderr(`pledge: ${answer.message}\n`);
    finish(ExitCode.failed);
    return;
  }
  if (answer.status >= 400) {
    const error = (
      answer.json as { error?: { message?: string; issues?: { path: string; message: string }[] } }
    )?.error;
    const issues = (error?.issues ?? []).map((i) => `\n  ${i.path}: ${i.message}`).join('');
    io.stderr(`pledge: the server answered ${answer.status}: ${error?.message ?? ''}${issues}\n`);
    finish(answer.status < 500 ? ExitCode.usage : ExitCode.failed);
    return;
  }
  io.stdout(flags.format === 'json' ? `${JSON.stringify(answer.json, null, 2)}\n` : text(answer.json));
  finish(ExitCode.ok);
}

function describe(entry: RegisterEntry): string {
  const needed = entry.requirements
    .map((r) => `${r.anyOf.join('|')}${r.satisfied ? '' : ' MISSING'}`)
    .join(', ');
  const flags = entry.flags.length > 0 ? `  FLAGS ${entry.flags.join(',')}` : '';
  return `${entry.id}  ${entry.kind}  contracts ${entry.contracts.length} (needs ${needed || 'none'})  inspections ${entry.inspections.length}${flags}\n`;
}

async function upload(
  server: string,
  key: string | undefined,
  path: string,
  document: Uint8Array,
  mediaType: string,
): Promise<ServerAnswer> {
  try {
    const res = await fetch(new URL(path, server), {
      method: 'POST',
      headers: {
        'content-type': mediaType,
        accept: 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: new Blob([new Uint8Array(document)]),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    return { ok: true, status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  } catch (error) {
    return {
      ok: false,
      message: `cannot reach ${server} (${error instanceof Error ? error.name : 'error'})`,
    };
  }
}

/**
 * `pledge recipients list|contract add|inspect|end`: the recipients register of a running
 * server (docs/recipients.md), with PLEDGE_API_KEY holding the `recipients` scope.
 */
export const registerRecipients: RegisterCommand = (program, io, finish) => {
  const recipients = program
    .command('recipients')
    .description('the recipients register (docs/recipients.md)');
  const key = () => process.env.PLEDGE_API_KEY;

  withServer(
    recipients.command('list').description('every recipient with its contracts, inspections and flags'),
  ).action(async (flags: ServerFlags) => {
    const answer = await callServer(serverOf(flags), key(), {
      method: 'GET',
      path: '/v1/recipients',
      scope: 'recipients',
    });
    report(io, finish, answer, flags, (json) =>
      (json as { recipients: RegisterEntry[] }).recipients.map(describe).join(''),
    );
  });

  withServer(
    recipients
      .command('contract')
      .description('contracts on file')
      .command('add <id>')
      .description('file a contract document (PDF or plain text) with a recipient')
      .requiredOption(
        '--kind <kind>',
        'contract kind: dpa, scc, uk-idta, nda, joint-controller, pipl-standard-contract, other',
      )
      .requiredOption('--file <file>', 'the signed document (.pdf or .txt)')
      .requiredOption('--signed <date>', 'date signed, YYYY-MM-DD')
      .option('--expires <date>', 'expiry date, YYYY-MM-DD'),
  ).action(
    async (
      id: string,
      flags: ServerFlags & { kind: string; file: string; signed: string; expires?: string },
    ) => {
      let document: Uint8Array;
      try {
        document = await readFile(resolve(io.cwd, flags.file));
      } catch {
        io.stderr(`pledge: --file: cannot read ${flags.file}\n`);
        return finish(ExitCode.usage);
      }
      const mediaType = flags.file.toLowerCase().endsWith('.txt') ? 'text/plain' : CONTRACT_MEDIA_TYPES[0];
      const query = new URLSearchParams({ kind: flags.kind, signedOn: flags.signed });
      if (flags.expires) query.set('expiresOn', flags.expires);
      const path = `/v1/recipients/${encodeURIComponent(id)}/contracts?${query}`;
      const answer = await upload(serverOf(flags), key(), path, document, mediaType);
      report(io, finish, answer, flags, (json) => {
        const { contract } = json as { contract: { id: string; kind: string; size: number } };
        return `filed ${contract.kind} ${contract.id} (${contract.size} bytes) for ${id}\n`;
      });
    },
  );

  withServer(
    recipients
      .command('inspect <id>')
      .description('record a security inspection, appraisal or audit of a recipient')
      .requiredOption('--kind <kind>', INSPECTION_KINDS.join(', '))
      .requiredOption('--outcome <outcome>', INSPECTION_OUTCOMES.join(', '))
      .option('--date <date>', 'when it was performed, YYYY-MM-DD (default today)')
      .option('--note <note>', 'a note (no personal data)'),
  ).action(
    async (
      id: string,
      flags: ServerFlags & { kind: string; outcome: string; date?: string; note?: string },
    ) => {
      const body = {
        kind: flags.kind,
        outcome: flags.outcome,
        performedOn: flags.date ?? new Date().toISOString().slice(0, 10),
        ...(flags.note ? { note: flags.note } : {}),
      };
      const answer = await callServer(serverOf(flags), key(), {
        method: 'POST',
        path: `/v1/recipients/${encodeURIComponent(id)}/inspections`,
        body,
        scope: 'recipients',
      });
      report(io, finish, answer, flags, () => `recorded ${flags.kind} (${flags.outcome}) of ${id}\n`);
    },
  );

  withServer(
    recipients
      .command('end <id>')
      .description('end the engagement with a recipient and queue a deletion request to it')
      .option('--date <date>', 'the last day, YYYY-MM-DD (default today)'),
  ).action(async (id: string, flags: ServerFlags & { date?: string }) => {
    const answer = await callServer(serverOf(flags), key(), {
      method: 'POST',
      path: `/v1/recipients/${encodeURIComponent(id)}/end`,
      body: { endedOn: flags.date ?? new Date().toISOString().slice(0, 10) },
      scope: 'recipients',
    });
    report(io, finish, answer, flags, () => `ended the engagement with ${id}; deletion request queued\n`);
  });
};
