export { type MailSink, type SunkMail, startMailSink } from './mail-sink.js';
export { type SunkWebhook, startWebhookSink, type WebhookSink } from './webhook-sink.js';
