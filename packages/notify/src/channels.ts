/** The ways a message leaves Pledge. */
export const MESSAGE_CHANNELS = ['email', 'sms', 'webhook'] as const;

/** One of {@link MESSAGE_CHANNELS}. */
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
