import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';

useTestDatabase();
const api = useGraphQLServer();

const catalogQuery = JSON.stringify({ query: '{ catalog { products { code } } }' });

async function expectJson400(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await response.json();
  expect(body.errors[0].message).toEqual(expect.any(String));
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('GraphQL over HTTP', () => {
  it('accepts application/json with a charset', async () => {
    const response = await api.raw({ method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: catalogQuery });
    expect(response.status).toBe(200);
    expect((await response.json()).data.catalog.products).toHaveLength(11);
  });

  it('answers malformed JSON with a JSON 400', async () => {
    await expectJson400(await api.raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }));
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('answers a %s body with a JSON 400', async (type) => {
    await expectJson400(await api.raw({ method: 'POST', headers: { 'content-type': type }, body: catalogQuery }));
  });

  it('answers a POST without a content type with a JSON 400', async () => {
    await expectJson400(await api.raw({ method: 'POST', body: new Blob([catalogQuery]) }));
  });

  it('answers a JSON body without a query with a 400', async () => {
    await expectJson400(await api.raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"variables": {}}' }));
  });

  it('serves queries over GET, even with a stray JSON content type', async () => {
    const path = `/api/graphql?query=${encodeURIComponent('{ catalog { products { code } } }')}`;
    const response = await api.raw({ method: 'GET', path, headers: { 'content-type': 'application/json', 'apollo-require-preflight': '1' } });
    expect(response.status).toBe(200);
    expect((await response.json()).data.catalog.products[0].code).toBe('HVPARK');
  });

  it('refuses a mutation over GET', async () => {
    const path = `/api/graphql?query=${encodeURIComponent('mutation { createApiToken(input: { name: "x" }) { secret } }')}`;
    const response = await api.raw({ method: 'GET', path, headers: { 'apollo-require-preflight': '1' } });
    expect(response.status).toBe(405);
  });

  it('refuses other methods', async () => {
    const response = await api.raw({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: catalogQuery });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('reports an unknown field as a validation error, not a server error', async () => {
    const { status, body } = await api.gql('{ catalog { nope } }');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
