import { pdfFileName, renderInvoicePdf } from '@/lib/invoice-pdf';
import { invoiceDocument } from '@/operations/invoices/invoice-document';
import { invoiceDownload } from '../../download';

export const dynamic = 'force-dynamic';

/** The invoice or credit note as a PDF (a courtesy copy), for its owner, the owner's reseller and the back office; anyone else gets 404. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return invoiceDownload(request, params, invoiceDocument, async (document) => new Response(new Uint8Array(await renderInvoicePdf(document)), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${pdfFileName(document)}"`,
      'cache-control': 'private, no-store',
    },
  }));
}
