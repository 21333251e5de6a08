import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received { to: string; from: string; subject: string; messageId: string }

/** A real SMTP server on a free local port, recording what it accepts; it can refuse (4xx) or be down. */
export class LocalSmtp {
  received: Received[] = [];
  refusing = false;
  delayMs = 0;
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      disableReverseLookup: true,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => setTimeout(() => {
          if (this.refusing) return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
          const headers = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0];
          const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1] ?? '';
          const to = session.envelope.rcptTo.map((r) => r.address).join(',');
          this.received.push({ to, from: header('From'), subject: header('Subject'), messageId: header('Message-ID') });
          callback();
        }, this.delayMs));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }

  url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
}
