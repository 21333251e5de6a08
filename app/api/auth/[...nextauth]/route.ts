import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { authOptions } from '@/portal/auth-options';
import { payloadTooLarge, readBodyWithinLimit } from '@/lib/http/body-limit';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  if (request.method !== 'POST') return NextAuth(authOptions())(request, context);
  // next-auth reads the whole body itself: read within the limit first, and hand it on.
  const body = await readBodyWithinLimit(request);
  if (!body) return payloadTooLarge();
  return NextAuth(authOptions())(new NextRequest(request.url, { method: 'POST', headers: request.headers, body }), context);
}

export { handler as GET, handler as POST };
