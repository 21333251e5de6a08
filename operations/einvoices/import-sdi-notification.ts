import type { DataSource, EntityManager } from 'typeorm';
import { invoiceNumber } from '@/domain/documents';
import { sdiInstant } from '@/domain/einvoice/sdi-instant';
import { parseSdiNotification, SdiNotificationError, type SdiNotification as Parsed, type SdiNotificationKind } from '@/domain/einvoice/sdi-notification';
import { Account, EInvoice, Invoice, SdiNotification } from '@/entities';
import type { EInvoiceStatus } from '@/entities/e-invoice';
import { portalUrl } from '@/lib/config';
import { sdiSignatureCheckFromEnv } from '@/lib/einvoice/settings';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, Validation } from '../errors';
import { queueEmail } from '../notifications/queue-email';
import { assertBackOffice } from '../scope';

export interface SdiNotificationFile { fileName: string; xml: string }

export interface ImportedNotification { notification: SdiNotification; eInvoice: EInvoice; alreadyImported: boolean }

/** What each notification makes of its file's status (docs/product-rules.md, Electronic invoices). */
const STATUS_AFTER: Readonly<Record<SdiNotificationKind, EInvoiceStatus>> = { RC: 'DELIVERED', NS: 'REJECTED', MC: 'NOT_DELIVERABLE' };

const MAX_FILE_NAME = 100;

function parsed(input: SdiNotificationFile, verifySignature: ((xml: string) => boolean) | undefined): Parsed & { fileName: string; receivedAtMs: number } {
  const fileName = input.fileName.trim();
  new Validation()
    .check(fileName.length > 0, 'fileName', 'REQUIRED', "the notification's file name is required")
    .check(fileName.length <= MAX_FILE_NAME, 'fileName', 'TOO_LONG', `the file name has at most ${MAX_FILE_NAME} characters`)
    .check(!/[/\\]/.test(fileName), 'fileName', 'INVALID', 'the file name is a name, without folders')
    .throwIfInvalid();
  try {
    const notification = parseSdiNotification(input.xml, { verifySignature });
    const receivedAtMs = sdiInstant(notification.receivedAt);
    if (receivedAtMs === null) throw new SdiNotificationError('INVALID_VALUE', `DataOraRicezione: ${notification.receivedAt} is not a date and time`);
    return { ...notification, fileName, receivedAtMs };
  } catch (error) {
    if (error instanceof SdiNotificationError) throw new UserInputError('MALFORMED_NOTIFICATION', `${fileName}: ${error.message}`, 'xml');
    throw error;
  }
}

/** MC: the customer is told where the invoice is (the tax agency's reserved area, the portal's Fatture page). */
async function tellCustomer(manager: EntityManager, file: EInvoice, invoice: Invoice): Promise<void> {
  const account = await manager.findOneByOrFail(Account, { id: invoice.accountId });
  await queueEmail(manager, {
    accountId: account.id, toEmail: account.email, locale: account.locale, dedupeKey: `einvoice-not-deliverable:${file.id}`,
    message: { template: 'EINVOICE_NOT_DELIVERABLE', invoiceNumber: invoiceNumber(invoice.year, invoice.number), issuedOn: invoice.issuedOn, link: portalUrl('/area/fatture') },
  });
}

/**
 * The back office imports a notification of the SdI (RC delivered, NS rejected, MC not deliverable) about a sent
 * file: read strictly (anything else is refused and changes nothing), its signature checked when the setting
 * asks for it, matched to the file by name. It is kept, the file's status follows, and an MC tells the customer.
 * A notification already imported (the same message id) changes nothing more. The signature is checked as
 * configured (`SDI_VERIFY_SIGNATURE`) unless `options` say otherwise (the demo data's own notification).
 */
export async function importSdiNotification(
  db: DataSource, actor: Actor | null, input: SdiNotificationFile, options: { verifySignature?: (xml: string) => boolean } = { verifySignature: sdiSignatureCheckFromEnv() },
): Promise<ImportedNotification> {
  assertBackOffice(actor);
  const notification = parsed(input, options.verifySignature);
  return db.transaction(async (manager) => {
    const file = await manager.createQueryBuilder(EInvoice, 'file').setLock('pessimistic_write')
      .where('file.fileName = :fileName', { fileName: notification.nomeFile }).getOne();
    if (!file) throw new UserInputError('UNKNOWN_DOCUMENT', `no e-invoice file named ${notification.nomeFile}: the notification is not about a file this panel sent`, 'xml');
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO "sdi_notifications" ("e_invoice_id", "kind", "file_name", "identificativo_sdi", "message_id", "received_at", "errors", "xml")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ("message_id") DO NOTHING RETURNING id`,
      [file.id, notification.kind, notification.fileName, notification.identificativoSdI, notification.messageId, new Date(notification.receivedAtMs), JSON.stringify(notification.errors), input.xml],
    );
    if (!inserted.length) {
      const earlier = await manager.findOneByOrFail(SdiNotification, { messageId: notification.messageId });
      if (earlier.eInvoiceId !== file.id || earlier.kind !== notification.kind) {
        throw new UserInputError('INVALID', `message id ${notification.messageId} was already imported with another notification (${earlier.fileName})`, 'xml');
      }
      return { notification: earlier, eInvoice: file, alreadyImported: true };
    }
    const before = file.status;
    file.status = STATUS_AFTER[notification.kind];
    await manager.update(EInvoice, { id: file.id }, { status: file.status });
    const invoice = await manager.findOneByOrFail(Invoice, { id: file.invoiceId });
    await recordAudit(manager, actor, {
      action: 'einvoice.notification_imported', entityType: 'EInvoice', entityId: file.id, accountId: invoice.accountId,
      before: { status: before },
      after: { status: file.status, notification: notification.kind, messageId: notification.messageId, notificationFile: notification.fileName, errors: notification.errors },
    });
    if (notification.kind === 'MC') await tellCustomer(manager, file, invoice);
    return { notification: await manager.findOneByOrFail(SdiNotification, { id: inserted[0].id }), eInvoice: file, alreadyImported: false };
  });
}
