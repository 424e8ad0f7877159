import type { EmailMessage, EmailTransport } from '../email-transport.js';

/**
 * A development transport: "delivers" by writing one line per message to `write`, naming
 * its size but never the recipient, subject or body (they hold personal data).
 */
export function logTransport(write: (line: string) => void): EmailTransport {
  let n = 0;
  return {
    async send(message: EmailMessage) {
      n += 1;
      const messageId = `<log-${n}@pledge.invalid>`;
      write(`mail ${messageId}: ${message.text.length} characters (not sent: log transport)`);
      return { messageId };
    },
    close() {},
  };
}
