import type { DataSource } from 'typeorm';
import type { EInvoiceTransport } from '@/lib/einvoice/settings';
import { isConnectionFailure } from '@/lib/mailer';
import { deliverDue, dueRows, type Outbox, type SendPass } from '../outbox/deliver-due';
import { startPoller, type Poller } from '../outbox/poller';
import { affectedRows } from '../sql';

export interface TransmissionPass extends SendPass { captured: number }

interface DueFile { id: string; attempts: number; fileName: string; xml: string }

const CLAIM = dueRows('e_invoices', 'TO_SEND', `r.id, r.file_name AS "fileName", r.xml`);

/**
 * PEC: one message per file to the SdI's certified address, the XML attached under its file name (how the SdI
 * receives files by PEC). A file the SdI's mail server will not take is retried with the outbox's backoff, for
 * as long as it takes: an invoice cannot be given up, and the back office sees its attempts and last error.
 */
function pecOutbox(transport: Extract<EInvoiceTransport, { name: 'pec' }>): Outbox<DueFile> {
  return {
    table: 'e_invoices',
    claim: CLAIM,
    sent: { status: 'SENT', also: `, channel = 'pec'` },
    failed: null,
    send: (file) => transport.mailer.send({
      id: file.id,
      to: transport.sdiAddress,
      subject: file.fileName,
      text: `Invio del file ${file.fileName} al Sistema di Interscambio.\n`,
      attachments: [{ filename: file.fileName, content: file.xml, contentType: 'application/xml' }],
    }),
    isConnectionFailure,
  };
}

/**
 * Sends the e-invoices due (TO_SEND) through the configured channel until none is left for this worker. The
 * local capture sends nothing: each file is marked SENT with channel `capture`, kept and listed for the back
 * office, which transmits it by other means and imports the SdI's answers.
 */
export async function transmitEInvoices(db: DataSource, transport: EInvoiceTransport, batchSize = 10, keepGoing: () => boolean = () => true): Promise<TransmissionPass> {
  const pass: TransmissionPass = { sent: 0, captured: 0, retried: 0, failed: 0 };
  if (transport.name === 'capture') {
    pass.captured = await db.transaction((manager) => affectedRows(manager, `UPDATE "e_invoices"
      SET status = 'SENT', channel = 'capture', sent_at = now(), attempts = attempts + 1, last_error = NULL
      WHERE status = 'TO_SEND' AND next_attempt_at <= now()`));
    return pass;
  }
  await deliverDue(db, pecOutbox(transport), pass, batchSize, keepGoing);
  return pass;
}

/** Polls for e-invoices to send every `intervalMs`; any number of workers may run at once. */
export function startEInvoiceWorker(db: DataSource, transport: EInvoiceTransport, intervalMs = 2000): Poller {
  return startPoller('E-invoice transmission', (keepGoing) => transmitEInvoices(db, transport, undefined, keepGoing), intervalMs, () => {
    if (transport.name === 'pec') transport.mailer.close();
  });
}
