import nodemailer from 'nodemailer';
import type { EmailMessage, EmailTransport } from '../email-transport.js';
import type { SmtpConfig } from './smtp-config.js';

/** Sends mail through an SMTP server with nodemailer (one pooled connection). */
export function smtpTransport(config: SmtpConfig): EmailTransport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure ?? false,
    requireTLS: config.requireTLS ?? false,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    ...(config.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message: EmailMessage) {
      const info = await transporter.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.headers ? { headers: message.headers } : {}),
      });
      return { messageId: String(info.messageId) };
    },
    close() {
      transporter.close();
    },
  };
}
