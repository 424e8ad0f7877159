import { type ConsentSource, type JurisdictionKey, PRIVACY_SIGNALS } from '@pledge/core';
import { type Decision, type GpcStatus, gpcStatus } from '@pledge/decide';
import type { SubjectFactsInput } from '@pledge/engine';
import type { Pledge, SubjectHandle } from '../pledge/pledge.js';
import { type HeaderBag, type RequestSignals, readSignals } from './signals.js';

/** Options of the Fastify and Express middleware. */
export interface PledgeMiddlewareOptions<Request> {
  /** The subject the request is about (your user id), or undefined for an anonymous request. */
  subject: (request: Request) => string | undefined;
  /** Jurisdiction whose law applies to the requester, when known (e.g. from geo-IP or the account). */
  jurisdiction?: (request: Request) => JurisdictionKey | undefined;
  /** `source` of the recorded `signal-seen` events. Default `web`. */
  source?: ConsentSource;
}

/** Extra inputs of {@link RequestPledge.decide}. */
export interface RequestDecideOptions {
  recipient?: string;
  /** Decide under this jurisdiction instead of the request's. */
  jurisdiction?: JurisdictionKey;
  destinationCountry?: string;
  /** More facts (age...); they win over the request's signals and jurisdiction. */
  facts?: SubjectFactsInput;
}

/** What the middleware puts on each request as `request.pledge`. */
export interface RequestPledge {
  /** The subject the request is about, if any. */
  readonly subject: string | undefined;
  /** `Sec-GPC` and `DNT` as sent. */
  readonly signals: RequestSignals;
  /** The request's jurisdiction, from the `jurisdiction` option. */
  readonly jurisdiction: JurisdictionKey | undefined;
  /** Decides for the request's subject, with its signals and jurisdiction as facts. Synchronous. */
  decide(purpose: string, categories: readonly string[], options?: RequestDecideOptions): Decision;
  /**
   * Whether the request's Global Privacy Control signal was honoured, and whether the page must
   * say so (California, 11 CCR §7025(c)(6)): render "Opt-Out Request Honored" when `mustDisplay`.
   */
  gpcStatus(): GpcStatus;
}

/** The work both middleware do per request: load the subject, record new signals once, build `request.pledge`. */
export async function prepareRequest<Request>(
  pledge: Pledge,
  options: PledgeMiddlewareOptions<Request>,
  request: Request,
  headers: HeaderBag | undefined,
): Promise<RequestPledge> {
  const subject = options.subject(request);
  const jurisdiction = options.jurisdiction?.(request);
  const signals = readSignals(headers);
  let handle: SubjectHandle | undefined;
  if (subject !== undefined) {
    handle = await pledge.forSubject(subject);
    const unseen = PRIVACY_SIGNALS.filter((s) => signals[s] && !handle?.hasSignal(s));
    // A failed write is reported, not fatal: this request's decisions honour the header anyway.
    await Promise.all(
      unseen.map((s) => pledge.recordSignal(subject, s, options.source).catch((e) => pledge.reportError(e))),
    );
  }
  const base: SubjectFactsInput = {
    jurisdiction,
    gpc: signals.gpc || undefined,
    dnt: signals.dnt || undefined,
  };
  return {
    subject,
    signals,
    jurisdiction,
    decide(purpose, categories, extra = {}) {
      const facts = extra.facts ? { ...base, ...definedOnly(extra.facts) } : base;
      const request = {
        purpose,
        categories,
        recipient: extra.recipient,
        jurisdiction: extra.jurisdiction,
        destinationCountry: extra.destinationCountry,
      };
      return handle ? handle.decide(request, facts) : pledge.decide(undefined, request, facts);
    },
    gpcStatus() {
      const state = handle ? handle.state(base) : pledge.state(undefined, base);
      return gpcStatus(pledge.policy.compiled, state, jurisdiction);
    },
  };
}

function definedOnly(facts: SubjectFactsInput): SubjectFactsInput {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
}
