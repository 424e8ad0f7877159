/**
 * Ways a request reaches Pledge: the privacy center, the HTTP API, an officer entering a letter
 * or a call, the CLI, or a message to the policy's contact address.
 */
export const REQUEST_CHANNELS = [
  'privacy-center',
  'api',
  'officer-letter',
  'officer-call',
  'cli',
  'email',
] as const;

/** One of {@link REQUEST_CHANNELS}. */
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** Kinds of address a request is answered at. */
export const CONTACT_KINDS = ['email', 'phone', 'postal', 'account'] as const;

/** One of {@link CONTACT_KINDS}. */
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Who acts on a request: a console user, an API key, an application through the SDK, the requester, or Pledge itself. */
export interface RequestActor {
  kind: 'user' | 'key' | 'sdk' | 'requester' | 'system';
  /** A user id, key id, job name; for the requester, the request id (never their address). */
  id: string;
}
