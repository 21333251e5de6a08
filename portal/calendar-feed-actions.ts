'use server';

import { redirect } from 'next/navigation';
import { portalQuery } from './graphql';

/** New secret calendar addresses; the old ones stop working. */
export async function regenerateCalendarFeed(): Promise<void> {
  const { data } = await portalQuery<{ regenerateCalendarFeed: { userErrors: { code: string }[] } }>('mutation { regenerateCalendarFeed { userErrors { code } } }');
  const error = data?.regenerateCalendarFeed.userErrors[0]?.code;
  redirect(`/area/scadenziario/calendario?${error ? `errore=${error}` : 'esito=calendario'}`);
}
