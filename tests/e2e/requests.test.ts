import type { APIRequestContext, Browser } from 'playwright-core';
import { DEMO_LOGINS } from '@/operations/demo/seed-demo-data';
import { chromiumPath, launchBrowser, signIn, signInBackOffice, startApp, type RunningApp } from './app';

const executable = chromiumPath();
if (!executable) console.warn('Browser tests SKIPPED: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).');
const describeInBrowser = executable ? describe : describe.skip;

jest.setTimeout(240_000);

const TWO_MB = 'x'.repeat(2 * 1024 * 1024);

/** next-auth's credentials sign-in as the login form posts it; the outcome is the `error` of the address it answers with. */
async function signInOutcome(request: APIRequestContext, url: string, email: string, password: string, forwardedFor: string): Promise<string> {
  const { csrfToken } = await (await request.get(`${url}/api/auth/csrf`)).json();
  const response = await request.post(`${url}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password, json: 'true' },
    headers: { 'x-forwarded-for': forwardedFor },
  });
  return new URL((await response.json()).url).searchParams.get('error') ?? 'SIGNED_IN';
}

describeInBrowser('the running app, as requests reach it', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp('2026-11-29');
    browser = await launchBrowser(executable!);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('runs GraphiQL queries with the portal opened at localhost and at 127.0.0.1 alike', async () => {
    for (const url of [app.url, app.url.replace('localhost', '127.0.0.1')]) {
      const context = await browser.newContext({ locale: 'it-IT' });
      const page = await signInBackOffice(context, app, url, DEMO_LOGINS.admin);
      await page.goto(`${url}/admin/graphiql`);
      // GraphiQL introspects the schema first; then the default query runs.
      let sent = false;
      const answered = page.waitForResponse((response) => response.url() === `${url}/api/graphql` && !!response.request().postData()?.includes('viewer'), { timeout: 90_000 })
        .finally(() => { sent = true; });
      // On a busy machine the button can appear before the editor holds the query: click until the query goes out.
      for (let tries = 0; !sent && tries < 30; tries += 1) {
        await page.getByRole('button', { name: /Execute query/ }).click();
        await page.waitForTimeout(2_000);
      }
      const response = await answered;
      expect([url, response.status(), (await response.json()).data]).toEqual([url, 200, { viewer: { user: { email: DEMO_LOGINS.admin.email, role: 'ADMIN' } } }]);

      const foreign = await context.request.post(`${url}/api/graphql`, { data: { query: '{ viewer { user { email } } }' }, headers: { origin: 'https://attacker.example' } });
      expect(foreign.status()).toBe(403);
      await context.close();
    }
  });

  it('shows no password reset link on the Notifiche page, to the client or the back office', async () => {
    const context = await browser.newContext({ locale: 'it-IT' });
    const page = await context.newPage();
    await page.goto(`${app.url}/password-dimenticata`);
    await page.getByLabel('Email').fill(DEMO_LOGINS.customer.email);
    await page.getByRole('button').filter({ hasText: /Invia|Send/ }).click();
    await page.waitForURL(/inviata=1/);
    for (const login of [DEMO_LOGINS.customer, DEMO_LOGINS.admin]) {
      const context = await browser.newContext({ locale: 'it-IT' });
      const signedIn = login === DEMO_LOGINS.admin ? await signInBackOffice(context, app, app.url, login) : await signIn(context, app.url, login.email, login.password);
      await signedIn.goto(`${app.url}/area/notifiche`);
      const reset = signedIn.locator('details.notification', { hasText: 'Reimposta la password' }).first();
      await reset.locator('summary').click();
      const text = await reset.innerText();
      expect(text).toContain("(link riservato, presente solo nell'email inviata)");
      expect(text).not.toMatch(/token=/);
      await signedIn.context().close();
    }
    await context.close();
  });

  it('refuses bodies over 1 MB with 413: GraphQL, next-auth, server actions', async () => {
    const request = (await browser.newContext()).request;
    const graphql = await request.post(`${app.url}/api/graphql`, { headers: { 'content-type': 'application/json' }, data: JSON.stringify({ query: '{ __typename }', variables: { pad: TWO_MB } }) });
    expect(graphql.status()).toBe(413);
    const auth = await request.post(`${app.url}/api/auth/callback/credentials`, { form: { email: 'x@example.test', password: TWO_MB } });
    expect(auth.status()).toBe(413);
    const form = await (await request.get(`${app.url}/password-dimenticata`)).text();
    const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(form)![1];
    const action = await request.post(`${app.url}/password-dimenticata`, { multipart: { [actionField]: '', email: TWO_MB } });
    expect(action.status()).toBe(413);
    expect((await request.post(`${app.url}/api/graphql`, { data: { query: '{ catalog { __typename } }' } })).status()).toBe(200);
  });

  // Last: it leaves this machine's address throttled.
  it("counts login attempts by the peer's address, whatever X-Forwarded-For the client sends", async () => {
    const request = (await browser.newContext()).request;
    for (let i = 0; i < 5; i += 1) {
      expect(await signInOutcome(request, app.url, `nobody${i}@example.test`, 'guess', `198.51.100.${i + 1}`)).toBe('CredentialsSignin');
    }
    expect(await signInOutcome(request, app.url, DEMO_LOGINS.reseller.email, DEMO_LOGINS.reseller.password, '198.51.100.99')).toBe('TOO_MANY_ATTEMPTS');
  });
});
