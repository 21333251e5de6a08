import { createContext } from '@/graphql/context';
import { exportPersonalData } from '@/operations/access/personal-data';

export const dynamic = 'force-dynamic';

/** The signed-in login's personal data as a JSON download (the portal session or an API token). */
export async function GET(request: Request): Promise<Response> {
  const context = await createContext(request).catch(() => null);
  if (!context?.actor) return Response.json({ message: 'sign in to download your data' }, { status: 401 });
  if (context.actor.secondFactor === 'MUST_ENROL') return Response.json({ message: 'enable two-factor login first' }, { status: 403 });
  const data = await exportPersonalData(context.db, context.actor);
  return new Response(JSON.stringify(data, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="dati-personali.json"', 'cache-control': 'private, no-store' },
  });
}
