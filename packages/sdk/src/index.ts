export type { CategoryMask, Decision, DecisionRequest, SubjectState } from '@pledge/core';
export type { RenewalVersion, SubjectFactsInput } from '@pledge/engine';
export { LEDGER_CHANNEL, subjectHash } from '@pledge/store';
export { type ClientOptions, createClient, type PledgeClient } from './client/client';
export { PledgeApiError } from './client/errors';
export type * from './client/types';
export { pledgeExpress } from './middleware/express';
export { type PledgeFastifyOptions, pledgeFastify } from './middleware/fastify';
export type {
  PledgeMiddlewareOptions,
  RequestDecideOptions,
  RequestPledge,
} from './middleware/request-pledge';
export { type HeaderBag, type RequestSignals, readSignals } from './middleware/signals';
export { createPledge, type PledgeOptions } from './pledge/create-pledge';
export { SubjectNotCachedError } from './pledge/errors';
export { Pledge, type SubjectHandle } from './pledge/pledge';
export type { PolicyRuntime } from './pledge/policy-runtime';
