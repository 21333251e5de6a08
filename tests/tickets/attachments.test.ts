import type { DataSource } from 'typeorm';
import { detectAttachmentType, MAX_ATTACHMENT_BYTES } from '@/domain/attachments';
import { useGraphQLServer, type Caller } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, type AccountLogin } from '../support/fixtures';

/** docs/product-rules.md, Support (attachments): limits and types at the upload route. */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const LOG = Buffer.from('2026-12-07 10:00:01 ERROR php-fpm: pool www exited\n\tat line 3\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

function upload(caller: Caller, files: { name: string; bytes: Buffer; type?: string }[], headers: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const file of files) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  return api.raw({ path: '/api/tickets/attachments', method: 'POST', body: form, headers: { ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}), ...(caller.cookie ? { cookie: caller.cookie } : {}), ...headers } });
}

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db);
});

describe('attachments', () => {
  it('are typed by their bytes, whatever their name or declared type', async () => {
    const response = await upload({ token: customer.token }, [
      { name: 'a.pdf', bytes: PDF }, { name: 'foto.png', bytes: JPEG, type: 'image/png' }, { name: 'anim.gif', bytes: GIF }, { name: 'x.webp', bytes: WEBP }, { name: 'server.log', bytes: LOG },
    ]);
    expect(response.status).toBe(201);
    expect((await response.json()).attachments.map((a: any) => [a.fileName, a.contentType])).toEqual([
      ['a.pdf', 'application/pdf'], ['foto.png', 'image/jpeg'], ['anim.gif', 'image/gif'], ['x.webp', 'image/webp'], ['server.log', 'text/plain'],
    ]);
  });

  it('outside the allow-list are refused, whatever their name says', async () => {
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    for (const file of [{ name: 'fattura.pdf', bytes: exe }, { name: 'log.txt', bytes: zip }, { name: 'empty.txt', bytes: Buffer.alloc(0) }]) {
      const response = await upload({ token: customer.token }, [file]);
      expect(response.status).toBe(400);
      expect((await response.json()).userErrors[0].code).toBe('ATTACHMENT_TYPE');
    }
    expect(detectAttachmentType(Buffer.from('ok\u0000binary'))).toBeNull();
  });

  it('over 5 MB each, or more than 5 at once, are refused; 5 MB exactly is taken', async () => {
    const exactly = Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES - PNG.length)]);
    expect((await upload({ token: customer.token }, [{ name: 'max.png', bytes: exactly }])).status).toBe(201);
    const over = await upload({ token: customer.token }, [{ name: 'big.png', bytes: Buffer.concat([exactly, Buffer.alloc(1)]) }]);
    expect(over.status).toBe(413);
    expect((await over.json()).userErrors[0].code).toBe('ATTACHMENT_TOO_LARGE');
    const six = await upload({ token: customer.token }, Array.from({ length: 6 }, (_, i) => ({ name: `${i}.log`, bytes: LOG })));
    expect(six.status).toBe(400);
    expect((await six.json()).userErrors[0].code).toBe('TOO_MANY_ATTACHMENTS');
    expect(await db.query(`SELECT count(*)::int AS n FROM ticket_attachments WHERE file_name LIKE '%.log' AND uploaded_by_user_id = $1`, [customer.user.id])).toEqual([{ n: 1 }]);
  });

  it('need a signed-in caller, and from a browser with the portal cookie, the same origin', async () => {
    expect((await upload({}, [{ name: 'a.pdf', bytes: PDF }])).status).toBe(401);
    expect((await upload({ cookie: customer.cookie }, [{ name: 'a.pdf', bytes: PDF }], { origin: 'https://evil.example' })).status).toBe(403);
  });

  it("an upload not yet sent is its uploader's alone", async () => {
    const [{ id }] = (await (await upload({ token: customer.token }, [{ name: 'mine.pdf', bytes: PDF }])).json()).attachments;
    const stranger = await newAccount(db);
    expect((await api.raw({ path: `/api/tickets/attachments/${id}`, headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
    expect((await api.raw({ path: `/api/tickets/attachments/${id}`, headers: { authorization: `Bearer ${customer.token}` } })).status).toBe(200);
  });
});
