import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerAdapter } from '@whatwg-node/server';
import { encode } from 'next-auth/jwt';
import { GET as calendarFeed } from '@/app/api/calendar/[file]/route';
import { GET as live } from '@/app/api/health/live/route';
import { GET as ready } from '@/app/api/health/ready/route';
import { GET as invoicePdf } from '@/app/api/invoices/[id]/pdf/route';
import { GET as invoiceXml } from '@/app/api/invoices/[id]/xml/route';
import { GET as scrape } from '@/app/api/metrics/route';
import { GET as exportMyData } from '@/app/api/me/export/route';
import { POST as stripeWebhook } from '@/app/api/stripe/webhook/route';
import { POST as uploadAttachments } from '@/app/api/tickets/attachments/route';
import { GET as attachment } from '@/app/api/tickets/attachments/[id]/route';
import { handleGraphQLRequest } from '@/graphql/http';
import { observeHttpRequests, stopObservingHttpRequests } from '@/lib/http/request-log';

/** The app's route handlers, dispatched by path as Next.js would. */
function route(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const invoice = pathname.match(/^\/api\/invoices\/([^/]+)\/(pdf|xml)$/);
  if (invoice) return (invoice[2] === 'pdf' ? invoicePdf : invoiceXml)(request, { params: Promise.resolve({ id: invoice[1] }) });
  if (pathname === '/api/stripe/webhook' && request.method === 'POST') return stripeWebhook(request);
  const calendar = pathname.match(/^\/api\/calendar\/([^/]+)$/);
  if (calendar) return calendarFeed(request, { params: Promise.resolve({ file: calendar[1] }) });
  if (pathname === '/api/health/live') return Promise.resolve(live());
  if (pathname === '/api/health/ready') return ready();
  if (pathname === '/api/metrics') return scrape(request);
  if (pathname === '/api/me/export') return exportMyData(request);
  if (pathname === '/api/tickets/attachments' && request.method === 'POST') return uploadAttachments(request);
  const ticketAttachment = pathname.match(/^\/api\/tickets\/attachments\/([^/]+)$/);
  if (ticketAttachment) return attachment(request, { params: Promise.resolve({ id: ticketAttachment[1] }) });
  return handleGraphQLRequest(request);
}

export interface GraphQLResult<T = any> { status: number; body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } }
export interface Caller { token?: string; cookie?: string; headers?: Record<string, string> }

/**
 * Serves the API's route handlers (GraphQL, invoice PDFs and XML, the Stripe webhook, the calendar feed, health and metrics) over
 * real HTTP on a free port for the test file, observed as the server's requests are (request ids, log
 * lines, metrics), and returns a client for them.
 */
export function useGraphQLServer() {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    observeHttpRequests();
    server = createServer(createServerAdapter(route));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    stopObservingHttpRequests();
  });

  function headersFor(caller: Caller): Record<string, string> {
    return {
      ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
      ...(caller.cookie ? { cookie: caller.cookie } : {}),
      ...caller.headers,
    };
  }

  return {
    url: () => `${base}/api/graphql`,
    async gql<T = any>(query: string, variables: Record<string, unknown> = {}, caller: Caller = {}): Promise<GraphQLResult<T>> {
      const response = await fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headersFor(caller) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    raw(init: RequestInit & { path?: string }): Promise<Response> {
      return fetch(`${base}${init.path ?? '/api/graphql'}`, init);
    },
  };
}

/** The cookie a signed-in portal session carries (what next-auth's credentials login sets), naming its server-side session. */
export async function sessionCookie(userId: string, email: string, sessionId: string): Promise<string> {
  const token = await encode({ token: { sub: userId, email, sid: sessionId }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}
