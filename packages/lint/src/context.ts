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
}

/** Builds the rules' context from the manifest's model. */
export function createLintContext(manifest: Manifest): LintContext {
  const model = buildModel(manifest);
  return Object.freeze({
    ...model,
    valueIn: model.valueFor,
    isSensitive: (categoryId: string, jurisdiction?: ManifestModel['jurisdictions'][number]) =>
      model.sensitivityOf(categoryId, jurisdiction),
  });
}
