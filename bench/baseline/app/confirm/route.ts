import { pool } from '../pool';
import { rawConfirmQuote } from './confirm-quote';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return rawConfirmQuote(pool, request);
}
