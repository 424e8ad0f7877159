import { ManifestSchema } from '../schema/index.js';

/** The parts of a zod 4 schema definition the walk reads. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  defaultValue?: unknown;
}

/** JSON with sorted keys, to compare two values whatever their key order. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `value` with every field equal to the default the schema fills in left out. */
function prune(def: Def, value: unknown): unknown {
  switch (def.type) {
    case 'optional':
    case 'default':
      return def.innerType ? prune(def.innerType._zod.def, value) : value;
    case 'pipe':
      return def.in ? prune(def.in._zod.def, value) : value;
    case 'array':
      return Array.isArray(value) && def.element
        ? value.map((item) => prune((def.element as { _zod: { def: Def } })._zod.def, item))
        : value;
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value) || !def.shape) return value;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
        const fieldDef = def.shape[key]?._zod.def;
        if (field === undefined) continue;
        if (!fieldDef) {
          out[key] = field;
          continue;
        }
        const pruned = prune(fieldDef, field);
        if (
          fieldDef.type === 'default' &&
          sortedJson(pruned) === sortedJson(prune(fieldDef, fieldDef.defaultValue))
        )
          continue;
        out[key] = pruned;
      }
      return out;
    }
    default:
      return value;
  }
}

/**
 * The canonical source document of a validated manifest: the manifest without the values the
 * schema fills in by default. Two documents that differ only in stating a default, in key order
 * or in YAML layout have the same canonical source, and a change to a default in a later Pledge
 * does not change it. A manifest's identity (its content hash) is taken over this.
 */
export function canonicalSource(manifest: unknown): unknown {
  return prune((ManifestSchema as unknown as { _zod: { def: Def } })._zod.def, manifest);
}
