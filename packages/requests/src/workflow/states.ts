/** Every state a request can be in, in the order a request usually passes through them. */
export const REQUEST_STATES = [
  'received',
  'verifying',
  'verified',
  'needs-clarification',
  'in-progress',
  'extended',
  'completed',
  'denied',
] as const;

/** One of {@link REQUEST_STATES}. */
export type RequestState = (typeof REQUEST_STATES)[number];
