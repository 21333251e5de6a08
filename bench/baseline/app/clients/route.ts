import { pool } from '../pool';
import { rawTreePage } from './tree-page';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return rawTreePage(pool, request);
}
