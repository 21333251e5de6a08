import type { DataSource, EntityManager } from 'typeorm';
import { attachmentFileName, detectAttachmentType, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '@/domain/attachments';
import { isUuid } from '@/domain/identity';
import { TicketAttachment } from '@/entities';
import type { Actor } from '../actor';
import { UserInputError } from '../errors';
import { withinReach } from '../scope';

export interface IncomingFile { fileName: string; bytes: Uint8Array }

/** Checks a file against the limits (size, type by its bytes) and says what it is; the caller's problems as UserInputErrors. */
export function checkedFile(file: IncomingFile): Omit<TicketAttachment, 'id' | 'messageId' | 'uploadedByUserId' | 'createdAt'> {
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new UserInputError('ATTACHMENT_TOO_LARGE', `${file.fileName} is over ${MAX_ATTACHMENT_BYTES} bytes`, 'file');
  const contentType = detectAttachmentType(file.bytes);
  if (!contentType) throw new UserInputError('ATTACHMENT_TYPE', `${file.fileName} is not a PDF, PNG, JPEG, GIF, WebP or plain text file`, 'file');
  return { fileName: attachmentFileName(file.fileName), contentType, sizeBytes: file.bytes.length, content: Buffer.from(file.bytes) };
}

export function checkAttachmentCount(count: number, field: string): void {
  if (count > MAX_ATTACHMENTS_PER_MESSAGE) throw new UserInputError('TOO_MANY_ATTACHMENTS', `a message carries at most ${MAX_ATTACHMENTS_PER_MESSAGE} files`, field);
}

/** Stores uploaded files, not yet attached to a message: their uploader's alone until sent with one. */
export async function uploadAttachments(db: DataSource, actor: Actor, files: IncomingFile[]): Promise<TicketAttachment[]> {
  checkAttachmentCount(files.length, 'file');
  if (!files.length) throw new UserInputError('REQUIRED', 'send at least one file', 'file');
  const checked = files.map(checkedFile);
  return db.transaction(async (manager) => {
    const saved: TicketAttachment[] = [];
    for (const file of checked) {
      const { content: _content, ...stored } = await manager.save(TicketAttachment, manager.create(TicketAttachment, { ...file, uploadedByUserId: actor.userId, messageId: null }));
      saved.push(stored as TicketAttachment);
    }
    return saved;
  });
}

/** Attaches to a message the files its author uploaded and has not sent yet; an id of anything else is NOT_FOUND. */
export async function attachUploads(manager: EntityManager, uploaderUserId: string, attachmentIds: readonly string[], messageId: string): Promise<void> {
  if (!attachmentIds.length) return;
  checkAttachmentCount(attachmentIds.length, 'attachmentIds');
  const ids = [...new Set(attachmentIds)];
  const claimed = ids.every(isUuid) ? (await manager.query(
    `UPDATE "ticket_attachments" SET "message_id" = $1 WHERE "id" = ANY($2::uuid[]) AND "uploaded_by_user_id" = $3 AND "message_id" IS NULL RETURNING "id"`,
    [messageId, ids, uploaderUserId],
  ))[0] as unknown[] : [];
  if (claimed.length !== ids.length) throw new UserInputError('NOT_FOUND', 'an attachment id is not one of your uploads waiting to be sent', 'attachmentIds');
}

/** Stores files received by email straight onto their message (their types checked like an upload's). */
export async function attachReceivedFiles(manager: EntityManager, uploaderUserId: string, files: IncomingFile[], messageId: string): Promise<void> {
  for (const file of files) await manager.insert(TicketAttachment, { ...checkedFile(file), uploadedByUserId: uploaderUserId, messageId });
}

/**
 * An attachment with its bytes, for who may see it: the uploader while it is not sent; once sent, whoever sees
 * the ticket (an internal note's, the back office alone). Anything else is null, as a missing one.
 */
export async function attachmentForDownload(db: DataSource, actor: Actor, attachmentId: string): Promise<TicketAttachment | null> {
  if (!isUuid(attachmentId)) return null;
  const query = db.getRepository(TicketAttachment).createQueryBuilder('a').addSelect('a.content')
    .leftJoin('ticket_messages', 'm', 'm.id = a.message_id').leftJoin('tickets', 't', 't.id = m.ticket_id')
    .where('a.id = :attachmentId', { attachmentId });
  const sent = withinReach(query.clone().andWhere('a.message_id IS NOT NULL'), 't.account_id', actor);
  if (!actor.isAdmin) sent.andWhere('NOT m.internal');
  return (await sent.getOne()) ?? query.andWhere('a.message_id IS NULL AND a.uploaded_by_user_id = :userId', { userId: actor.userId }).getOne();
}
