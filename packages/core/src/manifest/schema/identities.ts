import { z } from 'zod';
import { IdentityKind } from './datasets.js';

/**
 * How a value of an identity kind is compared, the one list the manifest, the connectors and
 * the DSR engine share. Both sides are normalised by the rule and then compared byte for byte:
 *
 * - `exact`: as given (a username, an account id): `Bob` is not `bob`.
 * - `casefold`: Unicode lower case, then NFC (an e-mail address): `Alice@Example.com` is
 *   `alice@example.com`.
 * - `e164`: a phone number in E.164 form: separators (space, `.`, `-`, `/`, brackets) and a
 *   national trunk `(0)` removed, a leading `00` read as `+`: `+44 (0)20 7946-0958` is
 *   `+442079460958`; a value that is not `+` and 7 to 15 digits then matches nothing.
 */
export const IDENTITY_MATCH_RULES = ['exact', 'casefold', 'e164'] as const;
/** A rule of {@link IDENTITY_MATCH_RULES}. */
export type IdentityMatchRule = (typeof IDENTITY_MATCH_RULES)[number];

/** The rule of an identity kind the manifest does not mention: the one that never widens a match. */
export const DEFAULT_IDENTITY_MATCH: IdentityMatchRule = 'exact';

/** How one identity kind is matched. */
export const IdentityMatch = z
  .object({
    match: z
      .enum(IDENTITY_MATCH_RULES)
      .default(DEFAULT_IDENTITY_MATCH)
      .describe('exact (a username), casefold (an e-mail address) or e164 (a phone number).'),
  })
  .strict();
export type IdentityMatch = z.infer<typeof IdentityMatch>;

type OptionalMatch = z.ZodOptional<typeof IdentityMatch>;

/**
 * The shape of {@link Identities}, its keys written out in the order of `IdentityKind`: a
 * mapped type over the kinds would be emitted in whatever order the compiler met them, so a
 * clean build and an incremental one would describe the API differently.
 */
interface IdentitiesShape {
  'user-id': OptionalMatch;
  email: OptionalMatch;
  phone: OptionalMatch;
  username: OptionalMatch;
  'device-serial': OptionalMatch;
  'cookie-id': OptionalMatch;
  'external-id': OptionalMatch;
}

// Every kind has its key, and no key is not a kind.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapeCoversKinds: Same<keyof IdentitiesShape, IdentityKind> = true;
void shapeCoversKinds;

/** Matching rule per identity kind (`identities: { email: { match: casefold } }`); unmentioned kinds match exactly. */
export const Identities = z
  .object(
    Object.fromEntries(
      IdentityKind.options.map((kind) => [
        kind,
        IdentityMatch.optional().describe(`How ${kind} values are matched; omitted: exact.`),
      ]),
    ) as unknown as IdentitiesShape,
  )
  .strict()
  .describe('How each identity kind is matched; a kind not listed matches exactly.');
export type Identities = z.infer<typeof Identities>;
