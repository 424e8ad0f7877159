/**
 * Writes docs/manifest.md, the field-by-field manifest reference, by walking the JSON Schema
 * (`npx tsx scripts/generate-manifest-docs.ts`). A test checks that the committed file equals this output.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { manifestJsonSchema } from '@pledge/cli';

/** Where the reference is committed. */
export const DOCS_FILE = fileURLToPath(new URL('../docs/manifest.md', import.meta.url));

/** The subset of JSON Schema the manifest schema uses. */
interface Node {
  type?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: Node;
  properties?: Record<string, Node>;
  required?: string[];
  anyOf?: Node[];
}

interface Row {
  /** Field as shown, relative to its section. */
  field: string;
  /** Field from the manifest root, e.g. `rights[].fee.kind`. */
  path: string;
  type: string;
  required: boolean;
  node: Node;
  allowed: string;
}

/**
 * Descriptions for fields whose schema has none. The schema's own `.describe()` text wins; an entry
 * here is only used while the schema lacks one.
 */
const FALLBACK_DESCRIPTIONS: Record<string, string> = {
  policy: 'Policy metadata: identity, version, languages, jurisdictions and how changes are announced.',
  'policy.id': 'Stable identifier of the policy (lower-case letters, digits and "-").',
  'policy.title': 'Title of the rendered policy.',
  'policy.lastUpdated': 'Date the policy text was last updated (YYYY-MM-DD).',
  'policy.effectiveDate': 'Date the policy takes effect (YYYY-MM-DD).',
  'policy.changes': 'How policy changes are announced and what they may not do.',
  'policy.changes.channels': 'Channels through which material changes are announced.',
  'policy.changes.noRightsReductionWithoutConsent':
    "The policy promises not to reduce subjects' rights without their express consent; `pledge diff` then asks consent of all subjects for any rights reduction.",
  controller: 'The organisation responsible for the processing.',
  'controller.aliases': 'Other names the policy uses for the controller (brand names, "we").',
  'controller.address': 'Postal address of the controller.',
  'controller.contacts[].kind': 'Kind of channel.',
  'controller.contacts[].label': 'How the channel is shown in the policy.',
  'controller.privacyOfficer.name': 'Name or title of the officer.',
  'controller.representatives[].region': 'Region the representative acts for (e.g. EU, UK, CN).',
  'controller.representatives[].name': 'Name of the representative.',
  'taxonomy.categories': 'Data categories added under built-in categories.',
  'taxonomy.categories[].key': 'The new dotted key.',
  'taxonomy.categories[].name': 'Display name.',
  'taxonomy.categories[].sensitive': 'Marks the entry sensitive; omitted: inherited from the parent.',
  'taxonomy.purposes': 'Purposes added under built-in purposes.',
  'taxonomy.purposes[].key': 'The new dotted key.',
  'taxonomy.purposes[].name': 'Display name.',
  'taxonomy.purposes[].sensitive': 'Not used for purposes.',
  categories: 'The categories of personal data the service processes.',
  'categories[].name': 'Display name of the category.',
  'categories[].description': 'Longer explanation shown in the policy.',
  'categories[].examples': 'Examples of data in the category.',
  purposes: 'The purposes of processing, each with its legal basis and the consent it needs.',
  'purposes[].name': 'Display name of the purpose.',
  'purposes[].description': 'Longer explanation shown in the policy.',
  'purposes[].targetedAdvertising': 'Used for targeted (cross-context behavioural) advertising.',
  'purposes[].refusalEffect': 'What happens if the subject refuses this purpose.',
  recipients:
    'Those personal data is disclosed to: processors, third parties, SDKs, affiliates, authorities.',
  'recipients[].name': 'Display name of the recipient.',
  'recipients[].kind':
    "processor = acts on the controller's instructions; third-party = another controller; sdk = code embedded in the app or site; affiliate = a company of the same group; authority = a public body.",
  'recipients[].contracts':
    'Contracts that must govern the disclosure, and those on file; a required contract missing from onFile blocks the disclosure.',
  'recipients[].contracts.required': 'Contracts the disclosure needs.',
  'recipients[].contracts.onFile': 'Contracts signed and on file.',
  'recipients[].description': 'Longer explanation shown in the policy.',
  trackers: 'Cookies, pixels, web beacons, local-storage keys and device identifiers.',
  'trackers[].name': 'Display name of the tracker (e.g. the cookie name).',
  'trackers[].kind': 'Kind of tracker.',
  'trackers[].party': "first = set by the controller's own site or app; third = set by someone else.",
  'trackers[].expiry': 'How long it lasts: a Duration, or `session`.',
  signals: 'Browser privacy signals the policy honours.',
  permissions: 'Operating-system permissions the app requests.',
  'permissions[].platform': 'Platform of the permission.',
  'permissions[].label': 'How the permission is shown in the policy.',
  'permissions[].required': 'The app cannot work without it.',
  retention: 'How long data is kept, legal holds, and what happens when the service stops.',
  'retention.rules': 'Retention rules, each for some categories.',
  'retention.rules[].action': 'What happens when the retention period ends.',
  'retention.legalHolds': 'Reasons to keep data past its retention (litigation, legal obligations).',
  'retention.legalHolds[].reason': 'Why the data is held.',
  datasets:
    'The datastores holding personal data, mapped field by field to categories; used for requests and retention sweeps.',
  'datasets[].datastore': 'Where the dataset lives.',
  'datasets[].datastore.kind': 'Kind of datastore.',
  'datasets[].description': 'What the dataset holds.',
  'datasets[].collections': 'Tables, key patterns or folders in the datastore.',
  'datasets[].collections[].primaryKey': 'Primary key column or key.',
  'datasets[].collections[].fields': 'Fields holding personal data.',
  'datasets[].collections[].fields[].name': 'Column, key or field name.',
  rights: 'The data-subject rights the policy grants and how to use them.',
  'rights[].right': 'The right granted.',
  'rights[].deadline.clockStart': 'When the deadline starts counting.',
  'rights[].deadline.kind':
    'reply = the deadline is for a first reply; completion = for completing the request.',
  'rights[].deadline.extension': 'Whether, and by how much, the deadline can be extended.',
  'rights[].deadline.extension.when': 'When an extension applies.',
  'rights[].fee': 'Whether requests cost anything.',
  'rights[].fee.kind':
    'free = always free; free-first = the first requests each year are free; reasonable-cost-when-repeated = a cost-based fee for repeated requests; unstated = the policy says nothing.',
  'rights[].fee.freeRequestsPerYear': 'How many requests a year are free.',
  'rights[].fee.note': 'Fee details shown in the policy.',
  'rights[].verification': "How the requester's identity is checked.",
  'rights[].conditions': 'Conditions the policy puts on the right.',
  minors: 'Rules for children and minors.',
  'minors.rules': 'Age rules, each for some jurisdictions.',
  'minors.rules[].rule':
    'barred = not allowed to use the service; guardian-consent = a parent or guardian must consent; guardian-guidance = should use it under guardian guidance.',
  'minors.rules[].note': 'Text shown in the policy.',
  'minors.ageVerification': 'How age is established.',
  'minors.separatePolicy': "A separate children's policy exists.",
  transfers: 'Where data is stored, rules that keep it in a region, and transfers abroad.',
  'transfers.localisation': 'Rules that keep data inside a region.',
  'transfers.localisation[].exceptions': 'Cases in which the data may leave the region.',
  'transfers.transfers': 'Declared transfers of personal data to other countries.',
  'transfers.transfers[].from': "Origin country (ISO 3166-1 alpha-2); omitted: the controller's country.",
  'transfers.transfers[].mechanisms':
    'What legitimises the transfer (adequacy, standard contractual clauses, consent...).',
  'transfers.transfers[].description': 'Text shown in the policy.',
  'breach.notifySubjects': 'Affected subjects are told of a breach.',
  'breach.channels': 'How subjects are told.',
  'breach.contents': 'What a breach notice states.',
  'breach.notifyAuthority': 'The supervisory authority is told of a breach.',
  'breach.note': 'Text shown in the policy.',
  security: 'Security and governance commitments.',
  'security.encryptionInTransit': 'Personal data is encrypted in transit.',
  'security.encryptionAtRest': 'Personal data is encrypted at rest.',
  'security.staffTraining': 'Staff are trained in data protection.',
  'security.measures': 'Other measures, as stated in the policy.',
  complaints: 'Where subjects can complain.',
  'complaints.regulators': 'Supervisory authorities subjects can complain to.',
  'operatorChoices[].reason': 'Why the operator chose so.',
};

/** The description every LocalText carries; the Type column already says it. */
const LOCAL_TEXT_DESCRIPTION = 'Plain text, or an object with one text per language (en, zh-CN).';

const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** Plain text, or one text per language. */
function isLocalText(node: Node): boolean {
  const [a, b] = node.anyOf ?? [];
  return (
    node.anyOf?.length === 2 && a?.type === 'string' && b?.type === 'object' && 'en' in (b.properties ?? {})
  );
}

/** `{ amount, unit }` and nothing else. */
function isDuration(node: Node): boolean {
  const keys = Object.keys(node.properties ?? {});
  return node.type === 'object' && keys.length === 2 && keys.includes('amount') && keys.includes('unit');
}

/** A value, or `{ default, eu-gdpr, ... }` of that value. */
function perJurisdictionValue(node: Node): Node | undefined {
  const [value, record] = node.anyOf ?? [];
  return node.anyOf?.length === 2 && record?.properties && 'default' in record.properties ? value : undefined;
}

function constraints(node: Node): string[] {
  const out: string[] = [];
  if (node.enum) out.push(node.enum.map(code).join(', '));
  if (node.const !== undefined) out.push(code(node.const));
  if (node.pattern) out.push(`matches ${code(node.pattern)}`);
  if (node.minLength !== undefined && node.minLength === node.maxLength)
    out.push(`${node.minLength} characters`);
  else if (node.minLength) out.push(`at least ${node.minLength} character(s)`);
  if (node.exclusiveMinimum !== undefined) out.push(`> ${node.exclusiveMinimum}`);
  // zod bounds every integer by the safe-integer range; that says nothing to a reader.
  if (node.minimum !== undefined && node.minimum !== Number.MIN_SAFE_INTEGER) out.push(`>= ${node.minimum}`);
  if (node.maximum !== undefined && node.maximum !== Number.MAX_SAFE_INTEGER) out.push(`<= ${node.maximum}`);
  if (node.minItems) out.push(`at least ${node.minItems} item(s)`);
  return out;
}

/** The type name and allowed values of a node, without walking into objects. */
function describe(node: Node): { type: string; allowed: string[] } {
  if (isLocalText(node)) return { type: 'LocalText', allowed: [] };
  if (isDuration(node)) return { type: 'Duration', allowed: [] };
  const value = perJurisdictionValue(node);
  if (value) {
    const inner = describe(value);
    return { type: `${inner.type}, or per jurisdiction`, allowed: inner.allowed };
  }
  if (node.anyOf) {
    const parts = node.anyOf.map(describe);
    return { type: parts.map((p) => p.type).join(' or '), allowed: parts.flatMap((p) => p.allowed) };
  }
  if (node.type === 'array' && node.items) {
    const inner = describe(node.items);
    return { type: `list of ${inner.type}`, allowed: [...inner.allowed, ...constraints(node)] };
  }
  if (node.enum) return { type: 'enum', allowed: constraints(node) };
  return { type: node.type ?? 'any', allowed: constraints(node) };
}

/** Rows for every field under an object node, dotted, walking into objects and lists of objects. */
function rows(node: Node, base: string, prefix = ''): Row[] {
  const out: Row[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const field = `${prefix}${name}`;
    const { type, allowed } = describe(child);
    const required = node.required?.includes(name) ?? false;
    out.push({ field, path: `${base}${field}`, type, required, node: child, allowed: allowed.join('; ') });
    if (child.type === 'object' && child.properties && !isDuration(child))
      out.push(...rows(child, base, `${field}.`));
    if (child.type === 'array' && child.items?.type === 'object' && child.items.properties) {
      out.push(...rows(child.items, base, `${field}[].`));
    }
  }
  return out;
}

/** The schema description, unless it only restates the value type; else the fallback. */
function descriptionOf(row: Row): string {
  const own = row.node.description ?? row.node.items?.description;
  const generic = own === LOCAL_TEXT_DESCRIPTION || own === undefined;
  return (generic ? FALLBACK_DESCRIPTIONS[row.path] : own) ?? own ?? '';
}

function table(list: readonly Row[]): string[] {
  const lines = [
    '| Field | Type | Default | Allowed values | Description |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of list) {
    const description = descriptionOf(row);
    const fallback = row.required ? '**required**' : '';
    const def = row.node.default !== undefined ? code(row.node.default) : fallback;
    lines.push(
      `| ${cell(code(row.field))} | ${cell(row.type)} | ${cell(def)} | ${cell(row.allowed)} | ${cell(description)} |`,
    );
  }
  return lines;
}

const VALUE_TYPES = `## Value types

- **LocalText**: plain text, or one text per language: \`{ en: "...", zh-CN: "..." }\`. A plain string is used for every language.
- **Duration**: \`{ amount, unit }\`, e.g. \`{ amount: 15, unit: working-days }\`. \`amount\` is a positive integer; \`unit\` is one of \`hours\`, \`days\` (calendar days), \`working-days\` (official working days of the jurisdiction calendar; in China including adjusted weekend working days), \`business-days\` (Monday to Friday), \`weeks\`, \`months\`, \`years\`.
- **per jurisdiction**: a bare value applies everywhere; \`{ default: ..., eu-gdpr: ..., cn-pipl: ... }\` overrides it for some jurisdictions (\`eu-gdpr\`, \`uk-gdpr\`, \`us-ca-ccpa\`, \`cn-pipl\`, \`br-lgpd\`).
- **Ids** (\`id\` fields and references to them) are lower-case letters, digits, \`.\`, \`-\` and \`_\`.
`;

/** The Markdown reference of every section and field of the manifest schema. */
export function renderManifestDocs(schema: Record<string, unknown>): string {
  const root = schema as Node;
  const out = [
    '# Manifest reference',
    '',
    '<!-- Generated by scripts/generate-manifest-docs.ts from the manifest JSON Schema. Do not edit by hand. -->',
    '',
    'A Pledge manifest is one YAML file, usually `pledge.yaml`, that states a privacy policy as data.',
    'Its JSON Schema is [`schema/pledge.schema.json`](../schema/pledge.schema.json); add',
    '`$schema: ./schema/pledge.schema.json` (path relative to the manifest) at the top of the file for',
    'completion and validation in editors, and run `pledge validate pledge.yaml` to check it.',
    '',
    'Fields marked **required** must be present; every other field may be left out and takes its default.',
    'Unknown keys are errors.',
    '',
    VALUE_TYPES,
    '## Top level',
    '',
    ...table(
      Object.entries(root.properties ?? {}).map(([name, node]) => ({
        field: name,
        path: name,
        type: describe(node).type,
        allowed: describe(node).allowed.join('; '),
        required: root.required?.includes(name) ?? false,
        node,
      })),
    ),
    '',
  ];
  for (const [name, node] of Object.entries(root.properties ?? {})) {
    const isList = node.type === 'array' && node.items?.type === 'object';
    const body = isList ? node.items : node;
    if (!body?.properties || isDuration(body)) continue;
    out.push(`## \`${name}\``, '');
    const description = node.description ?? body.description ?? FALLBACK_DESCRIPTIONS[name];
    if (description) out.push(description, '');
    if (isList) out.push('A list; each entry has these fields:', '');
    out.push(...table(rows(body, isList ? `${name}[].` : `${name}.`)), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(DOCS_FILE, renderManifestDocs(manifestJsonSchema()));
  process.stdout.write(`wrote ${DOCS_FILE}\n`);
}
