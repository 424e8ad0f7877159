/** A mail ready to hand to a mail server. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** Something that delivers mail: SMTP in production, anything with the same shape in a test. */
export interface EmailTransport {
  /** Resolves once the server accepted the message; rejects with the server's reason otherwise. */
  send(message: EmailMessage): Promise<{ messageId: string }>;
  close(): void;
}
