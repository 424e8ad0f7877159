import type { JurisdictionKey } from '@pledge/core';
import type { RenderContext } from '../context.js';

/** A `perJurisdiction` value after schema normalisation. */
export type PerJurisdiction<T> = { default: T } & Partial<Record<JurisdictionKey, T>>;

/** The value that applies in one jurisdiction: its override, else the default. */
export function valueFor<T>(value: PerJurisdiction<T>, key: JurisdictionKey): T {
  return value[key] ?? value.default;
}

/** Overrides in a stable order (the schema's jurisdiction order). */
export function overrides<T>(value: PerJurisdiction<T>): Array<[JurisdictionKey, T]> {
  const order: JurisdictionKey[] = ['eu-gdpr', 'uk-gdpr', 'us-ca-ccpa', 'cn-pipl', 'br-lgpd'];
  return order.flatMap((key) => {
    const v = value[key];
    return v === undefined ? [] : [[key, v] as [JurisdictionKey, T]];
  });
}

/**
 * One line when there is only a default ("Your consent"), otherwise
 * "Generally: ...; EEA (GDPR): ..." with one part per override.
 */
export function perJurisdictionText<T>(
  ctx: RenderContext,
  value: PerJurisdiction<T>,
  name: (item: T) => string,
): string {
  const list = overrides(value);
  if (list.length === 0) return name(value.default);
  const parts = [
    ctx.t('common.labelValue', { label: ctx.t('purposes.generally'), value: name(value.default) }),
    ...list.map(([key, v]) =>
      ctx.t('common.labelValue', { label: ctx.t(`jurisdiction.${key}`), value: name(v) }),
    ),
  ];
  return parts.join(ctx.t('common.clauseSeparator'));
}
