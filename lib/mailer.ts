import nodemailer from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

export interface Attachment { filename: string; content: string; contentType: string }

export interface Mail { id: string; to: string; subject: string; text: string; html?: string; attachments?: Attachment[]; replyTo?: string | null }

/** Hands a message to an SMTP server; resolves once the server has accepted it. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

const DEFAULT_MAIL_FROM = 'Pannello Clienti <noreply@example.it>';

function mailFrom(): string {
  return process.env.MAIL_FROM || DEFAULT_MAIL_FROM;
}

/**
 * A mailer for `smtp://user:pass@host:port` (or `smtps://`). The Message-ID is derived from the
 * outbox row, so that a message resent after a crash is recognisable as the same one.
 */
export function createMailer(url: string, from = mailFrom()): Mailer {
  // Pooled: connections are reused across messages (an SMTP greeting alone can take a tenth of a second).
  const transport = nodemailer.createTransport(new SMTPPool({ url, pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }));
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return {
    async send(mail) {
      await transport.sendMail({
        from, to: mail.to, replyTo: mail.replyTo ?? undefined, subject: mail.subject, text: mail.text, html: mail.html, attachments: mail.attachments, messageId: `<${mail.id}@${domain}>`,
      });
    },
    close: () => transport.close(),
  };
}

/** True when the failure is the connection's (server down, unreachable, timed out) rather than the server refusing this message. */
export function isConnectionFailure(error: unknown): boolean {
  return typeof (error as { responseCode?: unknown } | null)?.responseCode !== 'number';
}

/** The configured mailer, or null without `SMTP_URL`: messages are then captured, not sent. */
export function mailerFromEnv(): Mailer | null {
  return process.env.SMTP_URL ? createMailer(process.env.SMTP_URL) : null;
}
