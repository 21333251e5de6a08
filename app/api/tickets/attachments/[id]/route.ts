import { attachmentForDownload } from '@/operations/tickets/attachments';
import { requestActor } from '../../../request-actor';

export const dynamic = 'force-dynamic';

/**
 * A ticket's attachment, for who may see the ticket (its uploader before it is sent; an internal note's, the back
 * office alone); anyone else gets 404. Always a download, of the type found in its bytes, never sniffed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const caller = await requestActor(request, 'sign in to download attachments', 'support:read');
  if (caller instanceof Response) return caller;
  const attachment = await attachmentForDownload(caller.db, caller.actor, (await params).id);
  if (!attachment) return Response.json({ message: 'not found' }, { status: 404 });
  const asciiName = attachment.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      'content-type': attachment.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : attachment.contentType,
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    },
  });
}
