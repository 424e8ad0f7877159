/**
 * `@pledge/notify`: messages out (outbox, SMTP, signed webhooks) and in (the contact address).
 * @packageDocumentation
 */
export { MESSAGE_CHANNELS, type MessageChannel } from './channels.js';
