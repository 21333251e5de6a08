import { pool } from '../pool';
import { rawRecordPayment } from './record-payment';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return rawRecordPayment(pool, request);
}
