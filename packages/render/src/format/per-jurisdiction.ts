import { overridesOf, type PerJurisdictionValue } from '@pledge/core';
import type { RenderContext } from '../context.js';

/**
 * One line when there is only a default ("Your consent"), otherwise
 * "Generally: ...; EEA (GDPR): ..." with one part per override.
 */
export function perJurisdictionText<T>(
  ctx: RenderContext,
  value: PerJurisdictionValue<T>,
  name: (item: T) => string,
): string {
  const list = overridesOf(value);
  if (list.length === 0) return name(value.default);
  const parts = [
    ctx.t('common.labelValue', { label: ctx.t('purposes.generally'), value: name(value.default) }),
    ...list.map(([key, v]) =>
      ctx.t('common.labelValue', { label: ctx.t(`jurisdiction.${key}`), value: name(v) }),
    ),
  ];
  return parts.join(ctx.t('common.clauseSeparator'));
}
