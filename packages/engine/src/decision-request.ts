import type { DecisionRequest } from '@pledge/decide';
import type { DecideBody } from '@pledge/protocol';

/** The request part of a {@link DecideBody}, as the decision engine takes it. */
export function decisionRequest(body: DecideBody): DecisionRequest {
  return {
    purpose: body.purpose,
    categories: body.categories,
    recipient: body.recipient,
    jurisdiction: body.jurisdiction,
    destinationCountry: body.destinationCountry,
  };
}
