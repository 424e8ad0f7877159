import { ManifestSchema } from '@pledge/core';

/** `$id` of the published manifest schema. */
export const MANIFEST_SCHEMA_ID = 'urn:pledge:schema:manifest:1';

/**
 * The JSON Schema (draft 2020-12) of a manifest as written, i.e. before defaults and
 * normalisation (`io: 'input'`): what editors validate `pledge.yaml` against.
 * Same as `z.toJSONSchema(ManifestSchema, { io: 'input' })`, plus `$id`, title and description.
 */
export function manifestJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = ManifestSchema.toJSONSchema({ io: 'input', target: 'draft-2020-12' });
  return {
    $schema,
    $id: MANIFEST_SCHEMA_ID,
    title: 'Pledge manifest',
    description: 'A privacy policy as code: one manifest per deployment, usually pledge.yaml.',
    ...rest,
  };
}

/** The schema as the text of `schema/pledge.schema.json`. */
export function manifestJsonSchemaText(): string {
  return `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`;
}
