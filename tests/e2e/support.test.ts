import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_LOGINS } from '@/operations/demo/seed-demo-data';
import { chromiumPath, expectAccessible, expectNoSidewaysScroll, launchBrowser, screenshot, signIn, signInBackOffice, startApp, watchConsoleErrors, type RunningApp } from './app';

const executable = chromiumPath();
if (!executable) console.warn('Browser tests SKIPPED: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).');
const describeInBrowser = executable ? describe : describe.skip;

jest.setTimeout(240_000);

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

/** docs/product-rules.md, Support: the customer's Assistenza pages and support's queue, in a real Chromium. */
describeInBrowser('support requests in a real Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let customerContext: BrowserContext;
  let supportContext: BrowserContext;
  let customer: Page;
  let support: Page;
  let ticketUrl: string;
  const errors: ReturnType<typeof watchConsoleErrors>[] = [];

  beforeAll(async () => {
    app = await startApp('2026-11-29');
    browser = await launchBrowser(executable!);
    customerContext = await browser.newContext({ locale: 'it-IT', acceptDownloads: true });
    supportContext = await browser.newContext({ locale: 'it-IT' });
    errors.push(watchConsoleErrors(customerContext), watchConsoleErrors(supportContext));
    customer = await signIn(customerContext, app.url, DEMO_LOGINS.customer.email, DEMO_LOGINS.customer.password);
  });

  afterEach(() => {
    expect(errors.flatMap((watch) => watch.take())).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('lets a customer open a request about a service with an attachment, and shows its thread', async () => {
    await customer.getByRole('link', { name: 'Assistenza' }).click();
    await customer.waitForURL(`${app.url}/area/assistenza`);
    await expectAccessible(customer);
    await customer.getByRole('link', { name: 'Nuova richiesta' }).click();
    await customer.getByLabel('Oggetto').fill('Il sito non si apre');
    await customer.getByLabel('Reparto').selectOption('TECHNICAL');
    await customer.getByLabel('Priorità').selectOption('HIGH');
    const service = await customer.locator('#serviceId option', { hasText: 'mariorossi.it' }).getAttribute('value');
    await customer.getByLabel('Servizio (facoltativo)').selectOption(service!);
    await customer.getByLabel('Messaggio').fill('Da stamattina il sito risponde con errore 500.');
    await customer.getByLabel(/^Allegati/).setInputFiles({ name: 'errore.png', mimeType: 'image/png', buffer: PNG });
    await expectAccessible(customer);
    await customer.getByRole('button', { name: 'Invia la richiesta' }).click();
    await customer.waitForURL(/\/area\/assistenza\/[0-9a-f-]{36}$/);
    ticketUrl = customer.url();
    await customer.getByText('Da stamattina il sito risponde con errore 500.').waitFor();
    expect(await customer.getByRole('heading', { level: 1 }).innerText()).toMatch(/^#[0-9A-F]{8} Il sito non si apre$/);
    expect(await customer.getByRole('link', { name: 'errore.png' }).getAttribute('href')).toMatch(/^\/api\/tickets\/attachments\/[0-9a-f-]{36}$/);
    await screenshot(customer, 'ticket-customer');
    await expectAccessible(customer);
    await customer.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(customer);
    await customer.setViewportSize({ width: 1280, height: 800 });
  });

  it("shows it in support's queue, filtered; support assigns it, writes an internal note and answers", async () => {
    support = await signInBackOffice(supportContext, app, app.url, DEMO_LOGINS.support);
    await support.getByRole('link', { name: 'Coda assistenza' }).click();
    await support.waitForURL(`${app.url}/area/assistenza`);
    await support.getByLabel('Stato').selectOption('OPEN');
    await support.getByLabel('Priorità').selectOption('HIGH');
    await support.getByRole('button', { name: 'Filtra' }).click();
    await support.waitForURL(/stato=OPEN/);
    const row = support.getByRole('row', { name: /Il sito non si apre/ });
    expect(await row.getByRole('cell').first().innerText()).toBe('Mario Rossi');
    await screenshot(support, 'support-queue');
    await expectAccessible(support);
    await support.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(support);
    await support.setViewportSize({ width: 1280, height: 800 });

    await row.getByRole('link').click();
    await support.waitForURL(ticketUrl);
    await support.getByRole('button', { name: 'Assegna a me' }).click();
    await support.getByText('Assegnata a te').waitFor();
    await support.getByLabel('Messaggio').fill('Verificare il PHP-FPM del server.');
    await support.getByLabel('Nota interna (solo assistenza)').check();
    await support.getByRole('button', { name: 'Invia la risposta' }).click();
    await support.getByText('Verificare il PHP-FPM del server.').waitFor();
    await support.getByLabel('Messaggio').fill('Abbiamo riavviato il servizio: ora risponde.');
    await support.getByRole('button', { name: 'Invia la risposta' }).click();
    await support.getByText('Abbiamo riavviato il servizio: ora risponde.').waitFor();
    expect(await support.getByText('Risposta', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(support, 'ticket-support');
    await expectAccessible(support);
  });

  it("shows the customer support's answer but not the note, and closes the request", async () => {
    await customer.goto(ticketUrl);
    await customer.getByText('Abbiamo riavviato il servizio: ora risponde.').waitFor();
    expect(await customer.getByText('PHP-FPM').count()).toBe(0);
    await customer.getByRole('button', { name: 'Chiudi la richiesta' }).click();
    await customer.getByRole('button', { name: 'Riapri la richiesta' }).waitFor();
    await customer.getByText('rispondendo entro 14 giorni la riapri').waitFor();
    await expectAccessible(customer);
  });
});
