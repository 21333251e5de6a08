import { create } from 'xmlbuilder2';
import { decimalOfCents, rateText } from './amounts';
import type { EInvoiceDocument, Payment } from './document';
import { transmissionCode } from './file-name';
import { latin1Text } from './latin1';
import { customerBlock, MAX, recipientOf, requiredText, sellerBlock } from './parties';
import { stampDutyCents, vatSummaries, type VatSummary } from './vat-summary';

export const FATTURA_NAMESPACE = 'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2';
const SIGNATURE_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
const FORMAT = 'FPR12';
const DOCUMENT_TYPES = { INVOICE: 'TD01', CREDIT_NOTE: 'TD04' } as const;
const PAYMENT_MODES = { CARD: 'MP08', BANK_TRANSFER: 'MP05', POSTAL_SLIP: 'MP18' } as const;
// Paid in full, in one go.
const PAID_IN_FULL = 'TP02';
// VAT due when the invoice is issued; the SdI accepts it with an exemption too, and PRODUCT.md writes it on every summary.
const VAT_DUE_NOW = 'I';
const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/;

/** The document's `Causale` lines: the reason in pieces of at most 200 characters (the element repeats). */
function causaleOf(reason: string | null): string[] {
  const text = latin1Text(reason ?? '', Number.MAX_SAFE_INTEGER);
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += MAX.causale) pieces.push(text.slice(start, start + MAX.causale).trim());
  return pieces.filter(Boolean);
}

function paymentDetail(payment: Payment, amountCents: number) {
  const amount = { ImportoPagamento: decimalOfCents(amountCents) };
  switch (payment.method) {
    case 'CARD':
      return { ModalitaPagamento: PAYMENT_MODES.CARD, ...amount };
    case 'POSTAL_SLIP':
      return { Beneficiario: requiredText(payment.beneficiary, MAX.beneficiary), ModalitaPagamento: PAYMENT_MODES.POSTAL_SLIP, ...amount };
    case 'BANK_TRANSFER': {
      const iban = payment.iban.replace(/\s+/g, '').toUpperCase();
      if (!IBAN.test(iban)) throw new RangeError(`The bank account for transfers is not an IBAN: ${payment.iban}`);
      const bank = payment.bankName ? latin1Text(payment.bankName, MAX.bank) : '';
      return {
        Beneficiario: requiredText(payment.beneficiary, MAX.beneficiary),
        ModalitaPagamento: PAYMENT_MODES.BANK_TRANSFER,
        ...amount,
        ...(bank ? { IstitutoFinanziario: bank } : {}),
        IBAN: iban,
      };
    }
  }
}

function summaryElement(summary: VatSummary) {
  const { treatment } = summary;
  const reference = treatment.natura && treatment.note ? latin1Text(treatment.note.it, MAX.legalReference) : '';
  return {
    AliquotaIVA: rateText(treatment.ratePercent),
    ...(treatment.natura ? { Natura: treatment.natura } : {}),
    ImponibileImporto: decimalOfCents(summary.taxableCents),
    Imposta: decimalOfCents(summary.vatCents),
    EsigibilitaIVA: VAT_DUE_NOW,
    ...(reference ? { RiferimentoNormativo: reference } : {}),
  };
}

/** Refuses a model whose lines do not add up to the totals recorded on the invoice: the XML must never differ. */
function checkedSummaries(document: EInvoiceDocument): VatSummary[] {
  const summaries = vatSummaries(document.lines);
  const net = summaries.reduce((sum, s) => sum + s.taxableCents, 0);
  const vat = summaries.reduce((sum, s) => sum + s.vatCents, 0);
  const { netCents, vatCents, totalCents } = document.totals;
  if (document.lines.length === 0 || net !== netCents || vat !== vatCents || totalCents !== net + vat) {
    throw new Error(`Document ${document.number}: lines give net ${net} and VAT ${vat}, the invoice records ${netCents} + ${vatCents} = ${totalCents}`);
  }
  return summaries;
}

/** The FatturaPA FPR12 XML of an invoice (TD01) or a credit note (TD04), in UTF-8 with Latin-1 text only. */
export function buildFpr12(document: EInvoiceDocument): string {
  const summaries = checkedSummaries(document);
  const stampDuty = stampDutyCents(summaries);
  const causale = causaleOf(document.reason);
  const body = {
    DatiGenerali: {
      DatiGeneraliDocumento: {
        TipoDocumento: DOCUMENT_TYPES[document.kind],
        Divisa: 'EUR',
        Data: document.issuedOn,
        Numero: document.number,
        ...(stampDuty ? { DatiBollo: { BolloVirtuale: 'SI', ImportoBollo: decimalOfCents(stampDuty) } } : {}),
        ImportoTotaleDocumento: decimalOfCents(document.totals.totalCents),
        ...(causale.length ? { Causale: causale } : {}),
      },
      ...(document.corrects ? { DatiFattureCollegate: { IdDocumento: document.corrects.number, Data: document.corrects.issuedOn } } : {}),
    },
    DatiBeniServizi: {
      DettaglioLinee: document.lines.map((line, index) => ({
        NumeroLinea: String(index + 1),
        Descrizione: requiredText(line.description, MAX.description),
        PrezzoUnitario: decimalOfCents(line.amountCents),
        PrezzoTotale: decimalOfCents(line.amountCents),
        AliquotaIVA: rateText(line.vat.ratePercent),
        ...(line.vat.natura ? { Natura: line.vat.natura } : {}),
      })),
      DatiRiepilogo: summaries.map(summaryElement),
    },
    ...(document.payment ? {
      DatiPagamento: { CondizioniPagamento: PAID_IN_FULL, DettaglioPagamento: paymentDetail(document.payment, document.totals.totalCents) },
    } : {}),
  };
  const root = {
    'p:FatturaElettronica': {
      '@xmlns:p': FATTURA_NAMESPACE,
      '@xmlns:ds': SIGNATURE_NAMESPACE,
      '@versione': FORMAT,
      FatturaElettronicaHeader: {
        DatiTrasmissione: {
          IdTrasmittente: { IdPaese: 'IT', IdCodice: document.seller.vatNumber },
          ProgressivoInvio: transmissionCode(document.progressive),
          FormatoTrasmissione: FORMAT,
          ...recipientOf(document.customer),
        },
        CedentePrestatore: sellerBlock(document.seller),
        CessionarioCommittente: customerBlock(document.customer),
      },
      FatturaElettronicaBody: body,
    },
  };
  return create({ version: '1.0', encoding: 'UTF-8' }, root).end({ prettyPrint: true });
}
