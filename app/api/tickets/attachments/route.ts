import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '@/domain/attachments';
import { attachmentView } from '@/graphql/resolvers/tickets';
import { payloadTooLarge, readBodyWithinLimit } from '@/lib/http/body-limit';
import { isSameOrigin } from '@/lib/http/same-origin';
import { UserInputError } from '@/operations/errors';
import { uploadAttachments } from '@/operations/tickets/attachments';
import { requestActor } from '../../request-actor';

export const dynamic = 'force-dynamic';

/** This route's own body limit: five files of 5 MB and the multipart framing around them (every other route keeps 1 MB). */
const UPLOAD_BODY_LIMIT = MAX_ATTACHMENTS_PER_MESSAGE * MAX_ATTACHMENT_BYTES + 64 * 1024;

/**
 * Uploads a message's files before it is sent (multipart/form-data, each file a `file` part): each is checked
 * by its bytes against the allow-list and stored, its uploader's alone until a message names its id
 * (`attachmentIds` of openTicket, replyToTicket, addTicketNote). 201 with the stored files; 400 or 413 with the
 * problems (userErrors) otherwise.
 */
export async function POST(request: Request): Promise<Response> {
  // A browser's upload from another site with the portal's cookie is refused, as at /api/graphql.
  if (request.headers.has('cookie') && !request.headers.has('authorization') && !isSameOrigin(request)) {
    return Response.json({ message: 'cross-origin request refused' }, { status: 403 });
  }
  const caller = await requestActor(request, 'sign in to upload files', 'support:write');
  if (caller instanceof Response) return caller;
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) return Response.json({ message: 'send the files as multipart/form-data' }, { status: 415 });
  const body = await readBodyWithinLimit(request, UPLOAD_BODY_LIMIT);
  if (!body) return payloadTooLarge(UPLOAD_BODY_LIMIT);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return Response.json({ message: 'the multipart body cannot be read' }, { status: 400 });
  }
  const files = form.getAll('file').filter((part): part is File => typeof part !== 'string');
  try {
    const stored = await uploadAttachments(caller.db, caller.actor, await Promise.all(files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))));
    return Response.json({ attachments: stored.map(attachmentView) }, { status: 201 });
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    return Response.json({ userErrors: error.problems }, { status: error.problems[0].code === 'ATTACHMENT_TOO_LARGE' ? 413 : 400 });
  }
}
