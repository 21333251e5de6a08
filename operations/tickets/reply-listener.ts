import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { logger } from '@/lib/observability/logger';
import { UserInputError } from '../errors';
import { emailReplier, receiveEmailReply } from './email-replies';

/** The largest email taken: five 5 MB attachments, base64-encoded, and the text. */
const MAX_EMAIL_BYTES = 36 * 1024 * 1024;

function refusal(message: string, responseCode = 550): Error {
  return Object.assign(new Error(message), { responseCode });
}

function senderOf(session: SMTPServerSession): string {
  return session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
}

function fromAddresses(from: AddressObject | undefined): string[] {
  return (from?.value ?? []).map((address) => (address.address ?? '').toLowerCase());
}

export interface ReplyListener { port: number; stop(): Promise<void> }

/**
 * Receives customers' replies to tickets' emails (behind the provider's MX, which relays the reply domain here):
 * a recipient is accepted only when it is a ticket's reply address with a valid signature and the envelope's
 * sender is a login of the ticket's account or of its reseller; the message's From must be the same address.
 * Anything else is refused with a 5xx and logged. The reply, its quoted text dropped, joins the thread.
 */
export async function startReplyListener(db: DataSource, port: number, host = '0.0.0.0'): Promise<ReplyListener> {
  const refused = (session: SMTPServerSession, recipient: string, reason: string) => {
    logger().warn({ sender: senderOf(session), recipient, remoteAddress: session.remoteAddress, reason }, 'Support reply refused');
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: MAX_EMAIL_BYTES,
    onRcptTo(address, session, callback) {
      emailReplier(db, address.address, senderOf(session)).then((replier) => {
        if (replier) return callback();
        refused(session, address.address, 'not a ticket reply address, or a sender that is not a login of the ticket\'s account');
        callback(refusal('5.7.1 Recipient refused: not a reply address of yours'));
      }, callback);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(async (mail) => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) return callback(refusal('5.3.4 Message too big', 552));
        const sender = senderOf(session).toLowerCase();
        if (!fromAddresses(mail.from).includes(sender)) {
          refused(session, session.envelope.rcptTo.map((r) => r.address).join(','), 'From is not the envelope sender');
          return callback(refusal('5.7.1 From does not match the sender'));
        }
        const files = mail.attachments.map((attachment) => ({ fileName: attachment.filename ?? 'allegato', bytes: new Uint8Array(attachment.content) }));
        for (const recipient of session.envelope.rcptTo) {
          const replier = await emailReplier(db, recipient.address, sender);
          if (replier) await receiveEmailReply(db, replier, { text: mail.text ?? '', files });
        }
        callback();
      }).catch((error: unknown) => {
        if (error instanceof UserInputError) {
          refused(session, session.envelope.rcptTo.map((r) => r.address).join(','), error.message);
          return callback(refusal(`5.7.1 ${error.message}`));
        }
        logger().error({ err: error }, 'Support reply could not be stored');
        callback(refusal('4.3.0 Try again later', 451));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  server.on('error', (error) => logger().error({ err: error }, 'Support mail listener failed'));
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
