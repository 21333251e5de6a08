import { createContext } from '@/graphql/context';
import { pdfFileName, renderInvoicePdf } from '@/lib/invoice-pdf';
import { invoiceDocument } from '@/operations/invoices/invoice-document';

export const dynamic = 'force-dynamic';

/** The invoice or credit note as a PDF (a courtesy copy), for its owner, the owner's reseller and the back office; anyone else gets 404. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const notFound = () => Response.json({ message: 'not found' }, { status: 404 });
  let context;
  try {
    context = await createContext(request);
  } catch {
    return Response.json({ message: 'the API token is not valid' }, { status: 401 });
  }
  if (!context.actor) return Response.json({ message: 'sign in to download invoices' }, { status: 401 });
  const document = await invoiceDocument(context.db, context.actor, (await params).id);
  if (!document) return notFound();
  const pdf = await renderInvoicePdf(document);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${pdfFileName(document)}"`,
      'cache-control': 'private, no-store',
    },
  });
}
