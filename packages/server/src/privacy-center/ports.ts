import type { JurisdictionKey, Language } from '@pledge/core';
import type { RequestRight } from '@pledge/requests';
import type { CenterRequestView } from '@pledge/render';

/** A request as the privacy center submits it. */
export interface CenterSubmission {
  readonly right: RequestRight;
  /** The address the code and the answer go to (the requester's identifier). */
  readonly email: string;
  readonly jurisdiction?: JurisdictionKey;
  readonly details?: string;
  /** The language the person used, for messages to them. */
  readonly lang: Language;
}

/** What the privacy center needs of the request workflow (@pledge/requests and @pledge/notify). */
export interface CenterRequests {
  /** Stores the request (state received, then verifying) and sends the code by e-mail; returns its id. */
  submit(submission: CenterSubmission, now: Date): Promise<{ readonly id: string }>;
  /** Checks the code of a request; true when it is now verified. */
  verify(id: string, code: string, now: Date): Promise<boolean>;
  /** The request as its person sees it, with a fresh download link when a package is ready. */
  view(id: string, now: Date): Promise<CenterRequestView | undefined>;
}

/** What the privacy center needs to identify a visitor by a code sent to an address. */
export interface CenterSignIn {
  /** Sends a code to the address when it is known (the same answer either way); returns the challenge. */
  start(email: string, lang: Language, now: Date): Promise<{ readonly challenge: string }>;
  /** The confirmed identifier when the code is right, else undefined. */
  finish(challenge: string, code: string, now: Date): Promise<string | undefined>;
}

/** The workflow behind the privacy center's forms; a part left out shows a page saying it is not available. */
export interface PrivacyCenterBackends {
  readonly requests?: CenterRequests;
  readonly signIn?: CenterSignIn;
}
