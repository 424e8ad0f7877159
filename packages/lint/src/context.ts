import {
  buildModel,
  type JurisdictionKey,
  type Manifest,
  type ManifestModel,
  type PerJurisdictionValue,
} from '@pledge/core';

/** A value given per jurisdiction, as the schema normalises it. */
export type PerJurisdiction<T> = PerJurisdictionValue<T>;

/**
 * Everything rules share, computed once per manifest: the {@link ManifestModel} (id maps,
 * taxonomy, jurisdictions, sensitivity, what was stated) under the names rules use.
 */
export interface LintContext extends ManifestModel {
  /** The value that applies in a jurisdiction: its override, else the default. */
  valueIn<T>(value: PerJurisdiction<T>, jurisdiction: JurisdictionKey): T;
  /**
   * True when the manifest category with this id is sensitive in the jurisdiction (or, without
   * one, under the manifest and taxonomy alone); see {@link ManifestModel.sensitivityOf}.
   */
  isSensitive(categoryId: string, jurisdiction?: ManifestModel['jurisdictions'][number]): boolean;
  /**
   * The instant rules that look ahead in time count from: {@link LintOptions.now}, else the
   * policy's `effectiveDate`, else its `lastUpdated` (start of that day, UTC); undefined when
   * the policy has no date, and then such rules stay silent.
   */
  readonly clock: Date | undefined;
}

/** Options of a lint run. */
export interface LintOptions {
  /**
   * The present, for rules that look ahead (a deadline reaching a year whose working calendar
   * is not published yet). Omitted: the policy's own date, which keeps the result a function of
   * the manifest alone. The server passes the current time.
   */
  now?: Date;
}

function policyDate(manifest: Manifest): Date | undefined {
  const date = manifest.policy.effectiveDate ?? manifest.policy.lastUpdated;
  return date === undefined ? undefined : new Date(`${date}T00:00:00Z`);
}

/** Builds the rules' context from the manifest's model. */
export function createLintContext(manifest: Manifest, options: LintOptions = {}): LintContext {
  const model = buildModel(manifest);
  return Object.freeze({
    ...model,
    clock: options.now ?? policyDate(manifest),
    valueIn: model.valueFor,
    isSensitive: (categoryId: string, jurisdiction?: ManifestModel['jurisdictions'][number]) =>
      model.sensitivityOf(categoryId, jurisdiction),
  });
}
