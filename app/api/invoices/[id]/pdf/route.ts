import { renderInvoicePdf } from '@/lib/invoice-pdf';
import { invoiceDocument } from '@/operations/invoices/invoice-document';
import { invoiceDownload } from '../../download';

export const dynamic = 'force-dynamic';

/** The invoice as a PDF, for its owner, the owner's reseller and the back office; anyone else gets 404. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return invoiceDownload(request, params, invoiceDocument, async (document) => new Response(new Uint8Array(await renderInvoicePdf(document)), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="fattura-${document.number.replace('/', '-')}.pdf"`,
      'cache-control': 'private, no-store',
    },
  }));
}
