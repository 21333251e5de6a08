'use client';

import dynamic from 'next/dynamic';

// The editor needs the browser (workers, DOM measurements): it is never rendered on the server.
export const GraphiQLLoader = dynamic(() => import('./graphiql-ide'), { ssr: false, loading: () => <p>Caricamento di GraphiQL…</p> });
