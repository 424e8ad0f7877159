/**
 * `@pledge/notify`: messages out (outbox, SMTP, signed webhooks) and in (the contact address).
 * @packageDocumentation
 */
export { MESSAGE_CHANNELS, type MessageChannel } from './channels.js';
export {
  IMAP_PROBLEM_CODES,
  IMAP_SETTING,
  type ImapConfig,
  type ImapProblem,
  imapConfigFromEnv,
  mailboxKey,
} from './inbound/imap-config.js';
export { type ImapCursor, readImapCursor } from './inbound/imap-cursor.js';
export {
  IMAP_POLL_QUEUE,
  IMAP_POLL_QUEUE_SPEC,
  IMAP_POLL_SCHEDULE,
  type ImapPolling,
  type ImapPollingOptions,
  runImapJobs,
  scheduleImapPoll,
  startImapPolling,
} from './inbound/imap-jobs.js';
export { type ImapPollOptions, type ImapPollResult, pollImapOnce } from './inbound/imap-poll.js';
export {
  type InboundMessage,
  type InboundRequestDraft,
  inboundRequestDraft,
  listInbound,
  logInbound,
  markInboundAsRequest,
  type ReceivedMail,
  releaseInboundClaim,
} from './inbound/inbound-store.js';
export { decodeWords, type ParsedMail, parseMail } from './inbound/mime.js';
export {
  type InboundListener,
  type InboundListenerOptions,
  startInboundListener,
} from './inbound/smtp-listener.js';
export { migrateNotify, notifyMigrations } from './migrations/notify-migrations.js';
export type { JsonValue, NotifyDatabase, OutboxBody } from './migrations/schema.js';
export {
  createNotifier,
  Notifier,
  type NotifierOptions,
  type SendOptions,
  type SendOutcome,
  type TemplatedSend,
} from './notifier/notifier.js';
export { type Backoff, DEFAULT_BACKOFF, retryDelayMs } from './outbox/backoff.js';
export {
  type DeliveryConfig,
  type DeliveryRound,
  deliverableChannels,
  deliverDue,
} from './outbox/deliver.js';
export {
  enqueueMessage,
  listOutbox,
  type OutboxEntry,
  type OutboxInput,
  type OutboxQuery,
  outboxBody,
  releaseHeld,
} from './outbox/enqueue.js';
export {
  OUTBOX_QUEUE,
  OUTBOX_QUEUE_SPEC,
  runOutboxJobs,
  scheduleOutbox,
  workOutbox,
} from './outbox/outbox-jobs.js';
export { RETRYABLE_STATUSES, retryMessage } from './outbox/retry.js';
export { isSecretTemplate, SECRET_TEMPLATES } from './outbox/secret-templates.js';
export { MESSAGE_KINDS, type MessageKind, OUTBOX_STATUSES, type OutboxStatus } from './outbox/statuses.js';
export {
  TEMPLATE_CATALOG,
  TEMPLATE_IDS,
  type TemplateId,
  type TemplateText,
  type TemplateVars,
} from './templates/catalog.js';
export { TEMPLATE_LOCALES, type TemplateLocale, templateLocale } from './templates/locales.js';
export { escapeHtml, type RenderedMessage, renderTemplate } from './templates/render.js';
export type { EmailMessage, EmailTransport } from './transports/email-transport.js';
export { logTransport } from './transports/log/log-transport.js';
export { type SmtpConfig, type SmtpConfigProblem, smtpConfigFromEnv } from './transports/smtp/smtp-config.js';
export { smtpTransport } from './transports/smtp/smtp-transport.js';
export {
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  signWebhook,
  verifyWebhookSignature,
  type WebhookSignatureProblem,
} from './transports/webhook/sign.js';
export { fetchWebhookTransport, type WebhookTransport } from './transports/webhook/webhook-transport.js';
export {
  type MarketingConsent,
  type MarketingMail,
  type MarketingRefusal,
  sendMarketing,
} from './unsubscribe/marketing.js';
export { addressHash, suppressedLists } from './unsubscribe/suppression.js';
export { openUnsubscribeToken, sealUnsubscribeToken, type UnsubscribeClaim } from './unsubscribe/token.js';
export {
  type ConsentRecorder,
  confirmUnsubscribe,
  type UnsubscribeResult,
  unsubscribeHandler,
  unsubscribePage,
} from './unsubscribe/unsubscribe.js';
