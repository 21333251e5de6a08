import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { SdiNotificationKind } from '@/domain/einvoice/sdi-notification';
import { EInvoice, Invoice } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { payWithTestCard } from '@/operations/payments/pay-with-test-card';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import type { AccountLogin, Login } from '../support/fixtures';
import { upgradeOrder } from '../payments/support';

export const E_INVOICE_FIELDS = 'eInvoice { fileName status channel xmlUrl notifications { kind fileName receivedAt errors { code description } } }';

/** PERSONAL15 → BUSINESS on 2026-07-02 (€30.59, a credit line and a charge line), paid with `method`: its invoice. */
export async function paidInvoice(db: DataSource, customer: AccountLogin, admin: Login, method: PaymentMethod): Promise<Invoice> {
  const { code, clientSecret } = await upgradeOrder(db, customer, method);
  if (method === 'CARD') {
    await payWithTestCard(db, customer.actor, clientSecret!, '4242 4242 4242 4242');
  } else {
    await recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: `CRO ${code}` });
  }
  return db.getRepository(Invoice).createQueryBuilder('invoice').innerJoin('invoice.order', 'order').where('order.code = :code', { code }).getOneOrFail();
}

/** The invoice's current file, with its XML. */
export function currentFile(db: DataSource, invoiceId: string): Promise<EInvoice> {
  return db.getRepository(EInvoice).createQueryBuilder('file').addSelect('file.xml')
    .where('file.invoiceId = :invoiceId AND file.supersededById IS NULL', { invoiceId }).getOneOrFail();
}

const FIXTURES: Record<SdiNotificationKind, string> = { RC: 'IT06363391001_00016_RC_001.xml', NS: 'IT06363391001_00017_NS_001.xml', MC: 'IT06363391001_00018_MC_001.xml' };

export const newMessageId = () => String(randomInt(1, 2 ** 40));

/** A notification's XML made to be about the sent file, with a message id of its own. */
export function aboutFile(xml: string, sentFile: string, messageId = newMessageId()): string {
  return xml.replace(/<NomeFile>[^<]*<\/NomeFile>/, `<NomeFile>${sentFile}</NomeFile>`).replace(/<MessageId>[^<]*<\/MessageId>/, `<MessageId>${messageId}</MessageId>`);
}

export const sdiFixture = (name: string) => readFileSync(path.join(__dirname, '../fixtures/sdi', name), 'utf8');

/** An SdI notification of `kind` about the sent file, named as the SdI names it (its signature a dummy). */
export function sdiNotification(kind: SdiNotificationKind, sentFile: string, messageId = newMessageId()): { fileName: string; xml: string } {
  return { fileName: sentFile.replace(/\.xml$/, `_${kind}_001.xml`), xml: aboutFile(sdiFixture(FIXTURES[kind]), sentFile, messageId) };
}
