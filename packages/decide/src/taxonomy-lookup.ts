import type { Jurisdiction, JurisdictionKey, Manifest } from '@pledge/core';
import { getJurisdiction } from '@pledge/core/jurisdictions';
import { createTaxonomy } from '@pledge/core/taxonomy';

/** The part of the taxonomy the compiler reads. */
export interface TaxonomyLookup {
  isSensitive(key: string): boolean;
  isUnder(key: string, ancestorKey: string): boolean;
}

/** Looks up the rules of a jurisdiction. */
export type JurisdictionLookup = (key: JurisdictionKey) => Jurisdiction | undefined;

/** Options for {@link compilePolicy}. */
export interface CompileOptions {
  /** Taxonomy to read sensitivity and hierarchy from; default: the built-in one plus the manifest's extensions. */
  taxonomy?: TaxonomyLookup;
  /** Jurisdiction rules; default: the rules that ship with Pledge. */
  jurisdiction?: JurisdictionLookup;
  /**
   * Day (ISO date) the policy is compiled for: a legal duty with a start date (a state's GPC
   * duty) binds from that day on. Default: today (UTC). A compiled policy keeps its day: a
   * process compiled before a start date applies the duty once it compiles again.
   */
  on?: string;
}

/** The taxonomy and jurisdiction sources a compilation uses. */
export interface CompileSources {
  readonly taxonomy: TaxonomyLookup;
  readonly jurisdiction: JurisdictionLookup;
}

/** Resolves the sources, defaulting to the built-in taxonomy and jurisdiction rules. */
export function compileSources(manifest: Manifest, options: CompileOptions): CompileSources {
  return {
    taxonomy: options.taxonomy ?? createTaxonomy(manifest.taxonomy),
    jurisdiction: options.jurisdiction ?? getJurisdiction,
  };
}
