import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { yearOf, type CalendarDate } from '@/domain/calendar';
import { Account, Invoice, type Order, type OrderLine } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { queryPrepared } from '@/lib/db/prepared';
import { columnsAs, entityFromRow } from '@/lib/db/select-entities';
import { memoPerObject } from '@/lib/memo';
import { billingSnapshot } from '../billing-details/account-billing';
import { issueEInvoice } from '../einvoices/issue-e-invoice';
import { queueInvoiceIssued } from '../webhooks/events';
import { nextNumberSql } from './document-counter';

/** What an order's invoice is made of besides the order: the billed account as it is now, the order's lines, the FatturaPA file's progressive. */
export interface InvoiceInputs { account: Account; lines: Pick<OrderLine, 'position' | 'description' | 'amountCents'>[]; progressive: number }

// Written once per database from the entity's columns. The progressive comes from a sequence: taking it
// locks nothing (a rollback leaves a gap), so it is taken here, before the invoice's number.
const inputStatements = memoPerObject<DataSource, string, string>();

function inputsStatement(db: DataSource): string {
  return inputStatements(db, 'inputs', () => `
    SELECT ${columnsAs(db, Account, 'account')},
      (SELECT coalesce(json_agg(json_build_object('position', l.position, 'description', l.description, 'amountCents', l.amount_cents) ORDER BY l.position), '[]')
       FROM "order_lines" l WHERE l.order_id = $2) AS "lines",
      nextval('e_invoice_file_seq') AS "progressive"
    FROM "accounts" "account" WHERE "account"."id" = $1`);
}

/** The `InvoiceInputs` of an order, in one statement. */
export async function invoiceInputs(manager: EntityManager, order: Order): Promise<InvoiceInputs> {
  const db = manager.connection;
  const [row] = await queryPrepared<Record<string, unknown>>(manager, inputsStatement(db), [order.accountId, order.id]);
  if (!row) throw new Error(`the account ${order.accountId} of order ${order.code} is missing`);
  return { account: entityFromRow(db, Account, 'account', row), lines: row.lines as InvoiceInputs['lines'], progressive: Number(row.progressive) };
}

// The invoice's lines, written by the invoice's own statement (the foreign key is checked at its end).
const INSERT_LINES = `
  INSERT INTO "invoice_lines" ("invoice_id", "position", "description", "amount_cents")
  SELECT :invoiceId, l."position", l."description", l."amountCents" FROM jsonb_to_recordset(CAST(:lines AS jsonb)) AS l("position" int, "description" varchar, "amountCents" bigint)`;

/**
 * Issues the invoice of a paid order, with the next number of the year and the billing data as it is now, and its
 * e-invoice. The tax is the order's, fixed when it was quoted, whatever the billing data says today. `inputs` are
 * the order's (`invoiceInputs`), when the caller has them already.
 */
export async function issueInvoice(manager: EntityManager, order: Order, method: PaymentMethod, issuedOn: CalendarDate, inputs?: InvoiceInputs): Promise<Invoice> {
  const { account: billed, lines, progressive } = inputs ?? await invoiceInputs(manager, order);
  const year = yearOf(issuedOn);
  // The number is taken by the invoice's own insert, which writes its lines too: from then the year's counter row
  // is locked until commit, and only the invoice's e-invoice, the webhooks' invoice.issued deliveries and the email follow.
  const invoice = manager.create(Invoice, {
    id: randomUUID(),
    year,
    accountId: order.accountId,
    orderId: order.id,
    issuedOn,
    billing: billingSnapshot(billed),
    netCents: order.netCents,
    vatCents: order.vatCents,
    totalCents: order.totalCents,
    taxProfile: order.taxProfile,
    vatRatePercent: order.vatRatePercent,
    vatNatura: order.vatNatura,
    paymentMethod: method,
  });
  const invoiceLines = lines.map((line) => ({ invoiceId: invoice.id, position: line.position, description: line.description, amountCents: line.amountCents }));
  await manager.createQueryBuilder().insert().into(Invoice)
    .addCommonTableExpression(nextNumberSql(':series', ':year'), 'taken')
    .addCommonTableExpression(INSERT_LINES, 'lines')
    // The number's SQL stands in for it until RETURNING sets it on the entity, with the defaults.
    .values(Object.assign(invoice, { number: () => '(SELECT "last_value" FROM "taken")' }))
    .setParameters({ series: 'INVOICE', year, invoiceId: invoice.id, lines: JSON.stringify(invoiceLines) })
    .returning(['number'])
    .execute();
  await issueEInvoice(manager, invoice, { lines: invoiceLines, progressive });
  await queueInvoiceIssued(manager, invoice, { order });
  return invoice;
}
