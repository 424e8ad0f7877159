import type { ContractKind, TransferMechanism } from '@pledge/core';
import type { Decision } from './outcome.js';

/**
 * A compiled policy: the manifest reduced to integer-coded tables the decision engine reads.
 * Built by {@link compilePolicy}; immutable (objects are frozen, typed arrays are never
 * written after compilation). Per-jurisdiction tables are indexed `[i * SLOT_COUNT + slot]`,
 * per-category bitsets `[i * categoryWords + word]`.
 */
export interface CompiledPolicy {
  /** `policy.id` of the manifest. */
  readonly id: string;
  /** `policy.version` of the manifest: the version consents are recorded against. */
  readonly version: string;
  readonly purposes: IdIndex;
  readonly categories: IdIndex;
  readonly recipients: IdIndex;
  /** 32-bit words in a category mask. */
  readonly categoryWords: number;
  /** 32-bit words in a purpose mask. */
  readonly purposeWords: number;
  readonly purpose: PurposeTables;
  readonly category: CategoryTables;
  readonly recipient: RecipientTables;
  readonly jurisdiction: JurisdictionTables;
  /** Localisation rules of the manifest, in manifest order. */
  readonly localisations: readonly CompiledLocalisation[];
  /** Declared transfers of the manifest, in manifest order. */
  readonly transfers: readonly CompiledTransfer[];
  /** Browser signals the policy honours. */
  readonly signals: { readonly doNotTrack: boolean; readonly globalPrivacyControl: boolean };
  /** The policy promises to log every access to personal data (`security.accessLogging`). */
  readonly accessLogging: boolean;
  /** @internal The tables above laid out for the decision hot path. */
  readonly engine: EngineTables;
  /** @internal Shared decisions, so repeated outcomes are not allocated again. */
  readonly memo: DecisionMemo;
}

/** Ids of one kind of manifest entry and their indexes (manifest order). */
export interface IdIndex {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** Per-purpose tables. */
export interface PurposeTables {
  /** Declared categories: one category bitset per purpose. */
  readonly categories: Uint32Array;
  /** Consent mode code per purpose and jurisdiction slot (see `CONSENT_MODE_CODES`). */
  readonly consentMode: Uint8Array;
  /** Legal basis code per purpose and jurisdiction slot (see `LEGAL_BASIS_CODES`). */
  readonly legalBasis: Uint8Array;
  /** Consent level the mode requires of an adult, per purpose and slot. */
  readonly level: Uint8Array;
  /** Below this age a guardian must consent, per purpose and slot (0: never). */
  readonly guardianAge: Uint8Array;
  /** The manifest's guardian-consent age alone, per purpose and slot (0: none). */
  readonly ruleAge: Uint8Array;
  /** 1 where the law's digital age of consent gates the purpose, per purpose and slot. */
  readonly lawAge: Uint8Array;
  /** An objection stops it (legitimate interests, public task, direct marketing), per purpose and slot. */
  readonly objectable: Uint8Array;
  /** Sale, sharing or targeted advertising, per purpose. */
  readonly saleShare: Uint8Array;
  /** The whole purpose is tracking or advertising that Do Not Track stops (sale/share, advertising), per purpose. */
  readonly tracking: Uint8Array;
  /** Categories the purpose collects through non-essential trackers (Do Not Track stops their use): a bitset per purpose. */
  readonly tracked: Uint32Array;
  /** Taxonomy key per purpose. */
  readonly taxonomy: readonly string[];
}

/** Per-category tables. */
export interface CategoryTables {
  /**
   * Sensitive categories: the category's own `sensitive`, else the taxonomy's (the strictest
   * supported law). Drives the `log-access` and `mask-fields` obligations.
   */
  readonly sensitive: Uint32Array;
  /**
   * Categories that count as sensitive under the law of each jurisdiction slot (`[slot * words + word]`):
   * the category's own `sensitive`, else the law's list, else (no list, or slot 0) the taxonomy.
   * Drives the consent a law requires for sensitive data.
   */
  readonly sensitiveIn: Uint32Array;
  /** Indexes of the sensitive categories, ascending. */
  readonly sensitiveList: readonly number[];
  /** Bits that name a declared category (the rest of the last word is unused). */
  readonly valid: Uint32Array;
  /** Taxonomy key per category. */
  readonly taxonomy: readonly string[];
}

/** Per-recipient tables. */
export interface RecipientTables {
  /** Purposes the recipient may receive data for: one purpose bitset per recipient. */
  readonly purposes: Uint32Array;
  /** Categories the recipient may receive: one category bitset per recipient. */
  readonly categories: Uint32Array;
  /** 1 when a required contract is not on file. */
  readonly contractMissing: Uint8Array;
  /** Required contracts that are not on file, per recipient. */
  readonly missingContracts: readonly (readonly ContractKind[])[];
  /** 1 when the disclosure needs the subject's consent. */
  readonly consentRequired: Uint8Array;
  /** 1 when the recipient is another controller (third party, affiliate). */
  readonly controller: Uint8Array;
  /** Country where the recipient processes data (upper case), if declared. */
  readonly country: readonly (string | undefined)[];
}

/** Per-jurisdiction-slot tables (slot 0: jurisdiction unknown, the strictest of the policy's laws). */
export interface JurisdictionTables {
  /** Below this age the subject is barred (0: no bar). */
  readonly barredBelow: Uint8Array;
  /** Below this age a manifest rule requires guardian consent. */
  readonly guardianBelow: Uint8Array;
  /** Below this age a manifest rule asks for guardian guidance. */
  readonly guidanceBelow: Uint8Array;
  /** Digital age of consent of the law. */
  readonly digitalConsentAge: Uint8Array;
  /** National ages of digital consent per slot, by ISO country code (GDPR Art. 8(1)); empty where the law sets one age. */
  readonly regionAges: readonly ReadonlyMap<string, number>[];
  /** Below this age sale or sharing needs an opt-in instead of an opt-out (CCPA: 16). */
  readonly saleOptInBelow: Uint8Array;
  /** Below this age sale, sharing and targeted advertising are barred (Maryland, India, Brazil's ECA Digital: 18). */
  readonly saleBarredBelow: Uint8Array;
  /** 1 when Global Privacy Control counts as an opt-out of sale/share/targeted advertising. */
  readonly gpc: Uint8Array;
  /** 1 when the law requires showing whether the signal was honoured (CCPA: 11 CCR §7025(c)(6)). */
  readonly gpcDisplay: Uint8Array;
  /** Consent level the law needs for sensitive categories (3: separate). */
  readonly sensitiveLevel: Uint8Array;
  /** 1 when disclosure to another controller needs separate consent. */
  readonly separateDisclosure: Uint8Array;
  /** 1 when a transfer abroad needs separate consent. */
  readonly separateTransfer: Uint8Array;
  /** Countries data may go to without a transfer (storage countries and the law's regions). */
  readonly home: readonly ReadonlySet<string>[];
  /** Localisation rules (indexes into `localisations`) that bind subjects of the slot. */
  readonly localisations: readonly (readonly number[])[];
}

/** A localisation rule: data of the listed categories stays in `region`. */
export interface CompiledLocalisation {
  readonly region: string;
  /** Empty scope: every category. */
  readonly allCategories: boolean;
  readonly categories: Uint32Array;
}

/** A declared transfer abroad. */
export interface CompiledTransfer {
  readonly id: string;
  /** Origin country, or undefined for any. */
  readonly from: string | undefined;
  /** Destination country; `XX` matches any destination. */
  readonly to: string;
  /** Recipient indexes the transfer covers; undefined for any recipient. */
  readonly recipients: ReadonlySet<number> | undefined;
  readonly allCategories: boolean;
  readonly categories: Uint32Array;
  readonly mechanisms: readonly TransferMechanism[];
  /** Consent level its mechanisms need (2: consent, 3: separate consent; 0 when a standalone safeguard such as SCCs is listed). */
  readonly level: number;
}

/**
 * @internal The tables `evaluate` reads, derived from the public ones at compilation: one
 * row per purpose × slot in an `Int32Array` (signed, so a category word with bit 31 set
 * never becomes a heap number).
 */
export interface EngineTables {
  readonly purposeCount: number;
  readonly recipientCount: number;
  /** 32-bit words in a category mask. */
  readonly words: number;
  /** Ints per purpose × slot in `at`. */
  readonly stride: number;
  /** Char of a packed subject where the restricted-category bitset starts. */
  readonly restrictedAt: number;
  /** Length of a packed subject built for this policy (a subject of another length was built for another policy). */
  readonly stateLength: number;
  /**
   * Per purpose × slot (`[(p * SLOT_COUNT + slot) * stride]`): the `R_*` rule bits, then per
   * category word the `C_*` bitsets (see `engine-tables`), so a decision reads one row.
   */
  readonly at: Int32Array;
  /** View of `category.sensitive`. */
  readonly sensitive: Int32Array;
  /** The policy honours Do Not Track. */
  readonly doNotTrack: boolean;
}

/**
 * @internal Caches of frozen decisions, so repeated outcomes are not allocated again. The
 * direct-mapped caches keep the latest decision per slot of a small hash table: a lookup is
 * a hash, a key compare and an array read; a collision only costs a rebuilt decision.
 */
export interface DecisionMemo {
  /** Allowed without sensitive categories, recipient or transfer: `[at * 4 + flags]`. */
  readonly plain: (Decision | undefined)[];
  /** Allowed with sensitive categories: keys `[at * 4 + flags, mask & sensitive words...]` per slot. */
  readonly allowKeys: Int32Array;
  readonly allow: (Decision | undefined)[];
  /** Denied: deny bits and legal basis code + 1 (0: unknown purpose) per slot. */
  readonly denyBits: Int32Array;
  readonly denyBasis: Int32Array;
  readonly deny: (Decision | undefined)[];
  /** Category mask reused by `decide` when it resolves ids; never escapes a call. */
  readonly scratchMask: Uint32Array;
}
