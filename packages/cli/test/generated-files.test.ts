import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderManifestDocs } from '../../../scripts/generate-manifest-docs.js';
import { generateSchema } from '../../../scripts/generate-schema.js';
import { manifestJsonSchema } from '../src/json-schema.js';
import { buildProgram } from '../src/main.js';
import { REPO_ROOT } from './run-pledge.js';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const regenerate = 'run `npx tsx scripts/generate-schema.ts && npx tsx scripts/generate-manifest-docs.ts`';

describe('generated files are up to date', () => {
  it(`schema/pledge.schema.json equals the generated schema (${regenerate})`, () => {
    expect(read('schema/pledge.schema.json')).toBe(generateSchema());
  });

  it(`docs/manifest.md equals the generated reference (${regenerate})`, () => {
    expect(read('docs/manifest.md')).toBe(renderManifestDocs(manifestJsonSchema()));
  });

  it('the schema has $id, title and every top-level section', () => {
    const schema = JSON.parse(read('schema/pledge.schema.json')) as {
      $id: string;
      title: string;
      properties: object;
    };
    expect(schema.$id).toBe('urn:pledge:schema:manifest:1');
    expect(schema.title).toBe('Pledge manifest');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['policy', 'purposes', 'rights', 'transfers']),
    );
  });

  it('docs/manifest.md has a section for every top-level object and a description for every field', () => {
    const docs = read('docs/manifest.md');
    const schema = manifestJsonSchema() as {
      properties: Record<string, { type?: string; items?: { type?: string } }>;
    };
    for (const [name, node] of Object.entries(schema.properties)) {
      if (node.type === 'object' || node.items?.type === 'object') expect(docs).toContain(`## \`${name}\``);
    }
    const undocumented = docs.split('\n').filter((line) => line.startsWith('| `') && line.endsWith('|  |'));
    expect(undocumented).toEqual([]);
  });
});

describe('docs/cli.md', () => {
  it('documents every command with an example', () => {
    const docs = read('docs/cli.md');
    const program = buildProgram(
      { stdout: () => {}, stderr: () => {}, readText: async () => '', writeText: async () => {}, cwd: '/' },
      () => {},
    );
    for (const command of program.commands) {
      expect(docs).toContain(`## \`pledge ${command.name()}`);
      expect(docs).toMatch(new RegExp(`\\$ pledge ${command.name()}\\b`));
      for (const option of command.options) expect(docs).toContain(option.long!);
    }
  });
});
