import type { JurisdictionKey, Language } from '@pledge/core';
import type { CenterRequestView } from '@pledge/render';
import type { RequestRight } from '@pledge/requests';

/** A request as the privacy center submits it. */
export interface CenterSubmission {
  readonly right: RequestRight;
  /** The address the code and the answer go to (the requester's identifier). */
  readonly email: string;
  readonly jurisdiction?: JurisdictionKey;
  readonly details?: string;
  /** The language the person used, for messages to them. */
  readonly lang: Language;
  /** The asker's IP address, for the per-IP limit of codes. */
  readonly ip?: string;
}

/** What the privacy center needs of the request workflow (@pledge/requests with @pledge/notify). */
export interface CenterRequests {
  /**
   * Stores the request (received), sends a code to its address and marks it verifying;
   * returns its id and the code's challenge (none when the code could not be sent: rate limit).
   */
  submit(submission: CenterSubmission): Promise<{ readonly id: string; readonly challenge?: string }>;
  /** Checks the code of a request's challenge; true when the request is now verified. */
  verify(id: string, challenge: string, code: string): Promise<boolean>;
  /** The request as its person sees it (with a freshly signed link to its package, once there is one). */
  view(id: string): Promise<CenterRequestView | undefined>;
  /** The zipped access package of a request, and the person it is about (for the access audit log). */
  package(id: string): Promise<{ readonly zip: Uint8Array; readonly subject: string } | undefined>;
}

/** What the privacy center needs to identify a visitor by a code sent to an address. */
export interface CenterSignIn {
  /** Sends a code to the address (the same answer whether or not it is known); the challenge, if one was made. */
  start(email: string, lang: Language, ip?: string): Promise<string | undefined>;
  /** Whether the code of the challenge is right (then the address is the visitor's). */
  finish(challenge: string, code: string): Promise<boolean>;
  /** The subject of an identity token the application issued, or undefined when it is not valid (or none is configured). */
  token(token: string): Promise<string | undefined>;
}

/** The workflow behind the privacy center's forms. */
export interface PrivacyCenterBackends {
  readonly requests: CenterRequests;
  readonly signIn: CenterSignIn;
}
