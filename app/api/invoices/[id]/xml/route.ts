import { eInvoiceXml } from '@/operations/einvoices/e-invoice-xml';
import { invoiceDownload } from '../../download';

export const dynamic = 'force-dynamic';

/** The invoice's current FatturaPA file under its own name, for the same callers as the PDF; anyone else gets 404. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return invoiceDownload(request, params, eInvoiceXml, (file) => new Response(file.xml, {
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
    },
  }));
}
