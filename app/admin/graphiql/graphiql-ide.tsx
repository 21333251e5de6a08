'use client';

import { GraphiQL } from 'graphiql';
import type { ComponentProps } from 'react';
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** Same-origin requests to our own endpoint, carrying the admin's session cookie. */
const fetcher: Fetcher = async (params) => {
  const response = await fetch('/api/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
};

export default function GraphiQLIde() {
  return (
    <div style={{ height: '100%' }}>
      <GraphiQL fetcher={fetcher} defaultQuery={'{\n  viewer { user { email role } }\n}\n'} />
    </div>
  );
}
