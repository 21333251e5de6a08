import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_LOGINS } from '@/operations/demo/seed-demo-data';
import { chromiumPath, expectAccessible, expectNoSidewaysScroll, launchBrowser, screenshot, signIn, startApp, watchConsoleErrors, type RunningApp } from './app';

const executable = chromiumPath();
if (!executable) console.warn('Browser tests SKIPPED: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).');
const describeInBrowser = executable ? describe : describe.skip;

jest.setTimeout(240_000);

describeInBrowser('the customer portal in a real Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: ReturnType<typeof watchConsoleErrors>;
  /** The back office's recovery codes, from its enrolment: the first is used up there, the others sign it in later. */
  let adminRecoveryCodes: string[] = [];

  beforeAll(async () => {
    app = await startApp('2026-11-29');
    browser = await launchBrowser(executable!);
    context = await browser.newContext({ acceptDownloads: true, locale: 'it-IT' });
    consoleErrors = watchConsoleErrors(context);
    page = await signIn(context, app.url, DEMO_LOGINS.customer.email, DEMO_LOGINS.customer.password);
  });

  afterEach(() => {
    expect(consoleErrors.take()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('signs in to the dashboard; the site has an icon', async () => {
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Riepilogo');
    expect((await page.request.get(`${app.url}/favicon.ico`)).status()).toBe(200);
    await screenshot(page, 'dashboard');
    await expectAccessible(page);
  });

  it('takes the back office to two-factor enrolment before anything else, then to its GraphQL IDE; a recovery code signs in once (docs/product-rules.md, Accounts and access)', async () => {
    const adminContext = await browser.newContext();
    const adminErrors = watchConsoleErrors(adminContext);
    const admin = await adminContext.newPage();
    const signInWith = async (code?: string) => {
      await admin.goto(`${app.url}/login`);
      await admin.getByLabel('Email').fill(DEMO_LOGINS.admin.email);
      await admin.getByLabel('Password').fill(DEMO_LOGINS.admin.password);
      await admin.getByRole('button', { name: 'Accedi' }).click();
      if (code === undefined) return;
      await admin.getByLabel("Codice dell'app di autenticazione (o codice di recupero)").fill(code);
      await admin.getByRole('button', { name: 'Accedi' }).click();
    };
    await signInWith();
    await admin.waitForURL(`${app.url}/due-fattori`);
    await admin.goto(`${app.url}/admin/graphiql`);
    await admin.waitForURL(`${app.url}/due-fattori`);
    const refused = await admin.request.post(`${app.url}/api/graphql`, { data: { query: '{ accounts(first: 1) { edges { node { id } } } }' } });
    expect((await refused.json()).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
    await expectAccessible(admin);

    await admin.getByRole('button', { name: 'Attiva la verifica in due passaggi' }).click();
    const secret = await admin.getByTestId('totp-secret').innerText();
    expect(await admin.getByRole('img', { name: /Codice QR/ }).getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await screenshot(admin, 'second-factor-enrolment');
    await expectAccessible(admin);
    await admin.getByLabel("Codice a 6 cifre mostrato dall'app").fill(await generate({ secret }));
    await admin.getByRole('button', { name: 'Conferma e attiva' }).click();
    await admin.getByTestId('recovery-codes').waitFor();
    adminRecoveryCodes = await admin.getByTestId('recovery-codes').locator('code').allInnerTexts();
    const recoveryCodes = adminRecoveryCodes;
    expect(new Set(recoveryCodes).size).toBe(10);
    await screenshot(admin, 'second-factor-recovery-codes');
    await admin.getByRole('link', { name: 'Continua' }).click();
    await admin.waitForURL(`${app.url}/area`);

    await admin.getByRole('link', { name: 'GraphiQL' }).click();
    await admin.waitForURL(`${app.url}/admin/graphiql`);
    await admin.locator('.graphiql-container').waitFor();
    await screenshot(admin, 'graphiql');
    await expectAccessible(admin, '.graphiql-container');
    await admin.getByRole('link', { name: 'Torna al Pannello Clienti' }).click();
    await admin.waitForURL(`${app.url}/area`);

    await admin.getByRole('button', { name: 'Esci' }).click();
    await admin.waitForURL(`${app.url}/login`);
    await signInWith(recoveryCodes[0]);
    await admin.waitForURL(`${app.url}/area`);
    await admin.getByRole('button', { name: 'Esci' }).click();
    await admin.waitForURL(`${app.url}/login`);
    await signInWith(recoveryCodes[0]);
    await admin.locator('p.error', { hasText: 'Codice non valido.' }).waitFor();
    // The only errors: the browser reporting each refused step's 401 answer.
    expect(adminErrors.take().filter((error) => !/\/login: Failed to load resource: the server responded with a status of 401/.test(error))).toEqual([]);
    await adminContext.close();
  });

  it('shows the expiry schedule ordered by expiry, with days left highlighted in colour and in words', async () => {
    await page.goto(`${app.url}/area/scadenziario`);
    const rows = page.locator('table.schedule tbody tr');
    expect(await rows.locator('th').allInnerTexts()).toEqual(['vecchio-sito.it', 'mariorossi.it', 'rossi-fotografia.it', 'rossi-fotografia.it', 'studio-rossi.it', 'rossi-lab.it']);
    expect(await rows.locator('td.days-urgent').allInnerTexts()).toEqual(['5 urgente']);
    expect(await rows.locator('td.days-soon').allInnerTexts()).toEqual(['30 in scadenza', '59 in scadenza']);
    await screenshot(page, 'schedule');
    await expectAccessible(page);
  });

  it('fits a 390 px phone: each service shows its domain on one line, expiry, days left and its three actions without scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${app.url}/area/scadenziario`);
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'schedule-phone');
      const rows = page.locator('table.schedule tbody tr');
      expect(await rows.count()).toBe(6);
      for (const row of await rows.all()) {
        const domain = row.locator('th');
        const lineHeight = await domain.evaluate((cell) => parseFloat(getComputedStyle(cell).lineHeight));
        expect((await domain.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
        const cells = [row.locator('td.expires'), row.locator('td.days'), ...(await row.getByRole('link').all())];
        if (await row.locator('.badge-active').count()) expect(cells).toHaveLength(5);
        for (const cell of cells) {
          await cell.scrollIntoViewIfNeeded();
          const box = (await cell.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(390);
        }
      }
      await expectAccessible(page);
      for (const path of ['/area', '/area/ordini', '/area/fatture', '/area/notifiche', '/area/token', '/area/profilo', '/area/sessioni', '/area/utenti']) {
        await page.goto(`${app.url}${path}`);
        await expectNoSidewaysScroll(page);
        await screenshot(page, `${path.split('/').pop()}-phone`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  async function scheduleRow(domain: string, product: string) {
    await page.goto(`${app.url}/area/scadenziario`);
    return page.locator('table.schedule tbody tr', { has: page.locator('th', { hasText: domain }) }).filter({ hasText: product });
  }

  it('prices an upgrade on screen exactly as the API does, then pays by card: declined, retried from Ordini, paid', async () => {
    await (await scheduleRow('studio-rossi.it', 'BUSINESS')).getByRole('link', { name: /Cambia servizio/ }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Hosting', exact: true }).click();
    await screenshot(page, 'change-products');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Scegli PROFESSIONAL' }).click();
    await page.waitForURL(/\/area\/preventivi\//);
    const quoteId = page.url().split('/').pop()!;
    const api = await page.request.post(`${app.url}/api/graphql`, { data: { query: 'query($id: ID!) { quote(id: $id) { total { formatted } totalCents nearExpiry } }', variables: { id: quoteId } } });
    const { quote } = (await api.json()).data;
    // 61 days left of 365: credit -16.55, PROFESSIONAL +29.92, net 13.37, VAT 2.94
    expect(quote).toMatchObject({ totalCents: 1631, nearExpiry: false });
    expect(await page.getByTestId('total').innerText()).toBe(quote.total.formatted);
    await screenshot(page, 'quote');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Conferma e paga' }).click();
    await page.waitForURL(/\/carta$/);
    const code = page.url().split('/').at(-2)!;
    expect(await page.locator('.test-mode').innerText()).toContain('Modalità di prova');
    await expectAccessible(page);
    await page.getByLabel('Numero della carta').fill('4000 0000 0000 0002');
    await page.getByRole('button', { name: /^Paga/ }).click();
    await page.waitForURL(new RegExp(`/area/ordini/${code}$`));
    const main = await page.locator('main').innerText();
    expect(await page.locator('main').getByRole('alert').innerText()).toBe('Pagamento non riuscito: la carta è stata rifiutata dalla banca.');
    expect(main.split('la carta è stata rifiutata').length - 1).toBe(1);
    expect(main).not.toMatch(/declined|Paga di nuovo|Pagamento con carta/);
    await screenshot(page, 'card-declined');
    await expectAccessible(page);

    await page.goto(`${app.url}/area/ordini`);
    await page.getByLabel('Codice HCS').fill(code);
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByRole('link', { name: code }).click();
    await page.waitForURL(new RegExp(`/area/ordini/${code}$`));
    expect(await page.locator('tfoot').innerText()).toMatch(/^Imponibile\s+€ 13,37\s+IVA 22%\s+€ 2,94\s+Totale\s+€ 16,31$/);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Riprova con la carta' }).click();
    await page.getByLabel('Numero della carta').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Paga/ }).click();
    await page.waitForURL(new RegExp(`/area/ordini/${code}\\?esito=pagato`));
    expect(await page.getByRole('status').first().innerText()).toContain('Pagamento riuscito');
    expect(await page.locator('.badge').first().innerText()).toBe('Evaso');
    const attempts = await page.locator('#payments + ul li').allInnerTexts();
    expect(attempts).toEqual([
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} — Carta di credito — Non riuscito — la carta è stata rifiutata dalla banca — Pagamento di prova/),
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} — Carta di credito — Riuscito — Pagamento di prova/),
    ]);
    await screenshot(page, 'card-paid');
    await expectAccessible(page);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Scarica PDF' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^fattura-2026-\d{6}\.pdf$/);
  });

  it('shows the bank transfer instructions for a renewal paid by bonifico', async () => {
    await (await scheduleRow('rossi-lab.it', 'VPS-S')).getByRole('link', { name: /Rinnova/ }).click();
    await page.waitForURL(/\/rinnovo$/);
    const api = await page.request.post(`${app.url}/api/graphql`, { data: { query: 'query($id: ID!) { service(id: $id) { renewalExpiresOn } }', variables: { id: page.url().split('/').at(-2) } } });
    const { renewalExpiresOn } = (await api.json()).data.service;
    expect(await page.locator('form.card').innerText()).toContain(`fino al ${renewalExpiresOn.split('-').reverse().join('/')}`);
    await page.getByLabel('Bonifico bancario').check();
    await page.getByRole('button', { name: 'Conferma il rinnovo' }).click();
    await page.waitForURL(/\/area\/ordini\/HCS-/);
    const code = page.url().split('/').pop()!;
    const instructions = await page.locator('dl.instructions').innerText();
    expect(instructions).toContain('IT60X0542811101000000123456');
    expect(instructions).toContain('€ 292,80');
    expect(instructions).toContain(code);
    expect(await page.locator('main').innerText()).not.toContain('Paga di nuovo');
    expect(await page.getByRole('link', { name: 'Paga con carta' }).count()).toBe(1);
    expect(await page.getByRole('button').allInnerTexts()).toEqual(['English', 'Esci']);
    await screenshot(page, 'bank-transfer');
    await expectAccessible(page);
  });

  it('cancels a service with a reason, then withdraws the cancellation', async () => {
    await (await scheduleRow('rossi-fotografia.it', 'PEC-STD')).getByRole('link', { name: /Disdici/ }).click();
    await page.getByLabel('Motivo della disdetta').selectOption('NO_LONGER_NEEDED');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continua' }).click();
    await page.waitForURL(/\/area\/preventivi\//);
    const summary = await page.locator('main').innerText();
    expect(summary).toContain('27/01/2027');
    expect(summary).toMatch(/Riepilogo valido fino al \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\./);
    expect(summary).not.toContain('Prezzo');
    await screenshot(page, 'cancellation-quote');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Conferma la disdetta' }).click();
    await page.waitForURL(/esito=disdetta/);
    await expectAccessible(page);
    const row = await scheduleRow('rossi-fotografia.it', 'PEC-STD');
    expect(await row.innerText()).toContain('Disdetto dal 27/01/2027');
    await screenshot(page, 'cancelled');
    await row.getByRole('button', { name: 'Annulla disdetta' }).click();
    await page.waitForURL(/esito=ritirata/);
    expect(await (await scheduleRow('rossi-fotografia.it', 'PEC-STD')).getByRole('link', { name: /Disdici/ }).count()).toBe(1);
  });

  it('lists invoices by year with their PDFs, tokens and notifications', async () => {
    for (const path of ['/area/fatture', '/area/notifiche', '/area/token', '/area/ordini']) {
      await page.goto(`${app.url}${path}`);
      await screenshot(page, path.split('/').pop()!);
      await expectAccessible(page);
    }
    const serviceId = await (await scheduleRow('rossi-lab.it', 'VPS-S')).getAttribute('data-service-id');
    for (const path of [`/area/servizi/${serviceId}/rinnovo`, `/area/servizi/${serviceId}/disdetta`, `/area/servizi/${serviceId}/cambio`]) {
      await page.goto(`${app.url}${path}`);
      await expectAccessible(page);
    }
    await page.goto(`${app.url}/area/fatture`);
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.goto(`${app.url}/area/token`);
    await page.getByLabel('Nome del token').fill('script di prova');
    await page.getByRole('button', { name: 'Crea token' }).click();
    expect(await page.getByTestId('new-token').innerText()).toMatch(/^pcl_/);
    await expectAccessible(page);
    // A token with scopes and a last day (docs/product-rules.md, Integrations for resellers).
    await page.goto(`${app.url}/area/token`);
    await page.getByLabel('Nome del token').fill('sola lettura');
    await page.getByRole('checkbox', { name: /Servizi: lettura/ }).check();
    await page.getByRole('checkbox', { name: /Fatture e dati di fatturazione: lettura/ }).check();
    await page.getByLabel('Ultimo giorno di validità (facoltativo)').fill('2027-06-30');
    await page.getByRole('button', { name: 'Crea token' }).click();
    expect(await page.getByTestId('new-token').innerText()).toMatch(/^pcl_/);
    await page.reload();
    const row = page.locator('tbody tr', { hasText: 'sola lettura' });
    expect(await row.innerText()).toMatch(/Servizi: lettura[\s\S]*Fatture e dati di fatturazione: lettura[\s\S]*30\/06\/2027/);
    expect(await page.locator('tbody tr', { hasText: 'script di prova' }).innerText()).toContain('Accesso completo');
  });

  it('lists a credit note beside the invoice it corrects, with its courtesy PDF (docs/product-rules.md, Refunds and credit notes)', async () => {
    const mine = await page.request.post(`${app.url}/api/graphql`, { data: { query: '{ invoices(first: 100) { edges { node { number kind } } } }' } });
    const invoiceNumber = (await mine.json()).data.invoices.edges.map((e: { node: { number: string; kind: string } }) => e.node).find((n: { kind: string }) => n.kind === 'INVOICE').number;
    const backOffice = await browser.newContext();
    const admin = await signIn(backOffice, app.url, DEMO_LOGINS.admin.email, DEMO_LOGINS.admin.password, adminRecoveryCodes[1]);
    const issued = await admin.request.post(`${app.url}/api/graphql`, { data: {
      query: 'mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { creditNote { number } userErrors { code } } }',
      variables: { input: { invoiceNumber, amountCents: 500, reason: 'Sconto per disservizio' } },
    } });
    const { creditNote, userErrors } = (await issued.json()).data.issueCreditNote;
    expect(userErrors).toEqual([]);
    await backOffice.close();

    await page.goto(`${app.url}/area/fatture`);
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: creditNote.number }) });
    expect(await row.getAttribute('data-kind')).toBe('CREDIT_NOTE');
    expect(await row.innerText()).toContain(`Nota di credito\ncorregge la fattura ${invoiceNumber}`);
    expect(await row.innerText()).toContain('€ 6,10');
    // Its e-invoice is written with it and sent by the background work (the capture channel) moments later.
    expect(await row.locator('td.sdi-status').innerText()).toMatch(/^(Da inviare|Inviata)$/);
    // The demo's rejected e-invoice, waiting to be sent again by the back office.
    expect(await page.locator('td.sdi-status', { hasText: 'Scartata' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('Il PDF è una copia di cortesia: il documento fiscale è il file XML trasmesso al Sistema di Interscambio (SdI).');
    await screenshot(page, 'invoices-credit-note');
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await row.getByRole('link', { name: `Scarica PDF ${creditNote.number}` }).click();
    expect((await download).suggestedFilename()).toBe(`nota-di-credito-${creditNote.number.replace('/', '-')}.pdf`);
    const xml = page.waitForEvent('download');
    await row.getByRole('link', { name: `Scarica XML ${creditNote.number}` }).click();
    expect((await xml).suggestedFilename()).toMatch(/^IT\d{11}_[0-9A-Z]{5}\.xml$/);
  });

  it('keeps the billing details: a wrong fiscal code is named beside its field, without JavaScript too; a payment that needs more leads to the form and back', async () => {
    await page.goto(`${app.url}/area`);
    await page.getByRole('link', { name: 'Dati di fatturazione', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Dati di fatturazione' }).waitFor();
    const fiscalCode = page.getByLabel('Codice fiscale', { exact: true });
    expect(await fiscalCode.inputValue()).toBe('RSSMRA80A01H501U');
    await expectAccessible(page);
    await fiscalCode.fill('RSSMRA80A01H501V');
    await page.getByLabel('Indirizzo (via e numero civico)').fill('');
    await page.getByRole('button', { name: 'Salva i dati' }).click();
    await page.locator('#error-fiscalCode').waitFor();
    expect(await page.locator('#error-fiscalCode').innerText()).toContain('carattere di controllo');
    expect(await fiscalCode.inputValue()).toBe('RSSMRA80A01H501V');
    expect(await fiscalCode.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'billing-error');
    await expectAccessible(page);

    const withoutScript = await browser.newContext({ storageState: await context.storageState(), javaScriptEnabled: false });
    const plain = await withoutScript.newPage();
    await plain.goto(`${app.url}/area/dati-fatturazione`);
    await plain.getByLabel('Partita IVA', { exact: true }).fill('01234567890');
    await plain.getByRole('button', { name: 'Salva i dati' }).click();
    await plain.locator('#error-vatNumber').waitFor();
    expect(await plain.getByLabel('Partita IVA', { exact: true }).inputValue()).toBe('01234567890');
    await withoutScript.close();

    // Valid but without an address: saved; renewing then needs the address, and comes back once it is given.
    await fiscalCode.fill('RSSMRA80A01H501U');
    await page.getByRole('button', { name: 'Salva i dati' }).click();
    await page.waitForURL(/esito=salvati/);
    await (await scheduleRow('rossi-fotografia.it', 'PERSONAL15')).getByRole('link', { name: /Rinnova/ }).click();
    await page.waitForURL(/\/rinnovo$/);
    const renewal = page.url();
    await page.getByLabel('Bonifico bancario').check();
    await page.getByRole('button', { name: 'Conferma il rinnovo' }).click();
    await page.waitForURL(/\/area\/dati-fatturazione\?next=/);
    expect(await page.getByRole('alert').first().innerText()).toContain('Indirizzo');
    await screenshot(page, 'billing-incomplete');
    await expectAccessible(page);
    await page.getByLabel('Indirizzo (via e numero civico)').fill('Via Roma 1');
    await page.getByRole('button', { name: 'Salva i dati' }).click();
    await page.waitForURL(renewal);
  });

  it('switches to English, remembered across pages', async () => {
    await page.goto(`${app.url}/area/scadenziario`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Expiry schedule' }).waitFor();
    await page.goto(`${app.url}/area`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Overview');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`${app.url}/area/scadenziario`);
    expect(await page.locator('tbody').innerText()).toContain('€240.00');
    await screenshot(page, 'english');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Italiano' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scadenziario' }).waitFor();
  });

  it("shows a reseller every client with all its domains, searchable, and a client's services to act on", async () => {
    const resellerContext = await browser.newContext();
    const resellerErrors = watchConsoleErrors(resellerContext);
    const reseller = await signIn(resellerContext, app.url, DEMO_LOGINS.reseller.email, DEMO_LOGINS.reseller.password);
    await reseller.getByRole('link', { name: 'Clienti', exact: true }).click();
    await reseller.getByRole('heading', { level: 1, name: 'Clienti (3)' }).waitFor();
    expect(await reseller.locator('section.client h2 a').allInnerTexts()).toEqual(['Ferramenta Conti', 'Pizzeria Da Gino', 'Studio Dentistico Galli']);
    expect(await reseller.locator('main').innerText()).toContain('pizzeriadagino.it');
    await screenshot(reseller, 'clients');
    await expectAccessible(reseller);
    await reseller.getByRole('searchbox', { name: 'Cerca un cliente (nome o email)' }).fill('gino');
    await reseller.getByRole('button', { name: 'Cerca' }).click();
    await reseller.getByRole('heading', { level: 1, name: 'Clienti (1)' }).waitFor();
    await reseller.getByRole('link', { name: 'Pizzeria Da Gino' }).click();
    await reseller.getByRole('heading', { level: 1, name: /Pizzeria Da Gino/ }).waitFor();
    const row = reseller.locator('table.schedule tbody tr', { hasText: 'pizzeriadagino.it' });
    expect(await row.getByRole('link', { name: /Cambia servizio/ }).count()).toBe(1);
    await screenshot(reseller, 'client');
    await expectAccessible(reseller);

    // A new client, its owner invited by email (docs/product-rules.md, Integrations for resellers).
    await reseller.goto(`${app.url}/area/clienti`);
    await reseller.getByRole('link', { name: 'Nuovo cliente' }).click();
    await reseller.getByLabel('Nome o ragione sociale').fill('Bottega Neri');
    await reseller.getByLabel(/Email del titolare/).fill('bottega.neri@example.test');
    const billing = { Nome: 'Anna', Cognome: 'Neri', 'Indirizzo (via e numero civico)': 'Via Roma 2', CAP: '00184', Comune: 'Roma', 'Provincia (sigla)': 'RM', 'Codice fiscale': 'RSSMRA80A01H501U' };
    for (const [label, value] of Object.entries(billing)) await reseller.getByLabel(label, { exact: true }).fill(value);
    await expectAccessible(reseller);
    await reseller.getByRole('button', { name: 'Crea il cliente' }).click();
    await reseller.getByRole('heading', { level: 1, name: /Bottega Neri/ }).waitFor();
    expect(await reseller.getByRole('status').innerText()).toContain("abbiamo inviato l'invito al titolare");
    expect(resellerErrors.take()).toEqual([]);
    await resellerContext.close();
  });

  it('manages webhook endpoints on Webhook, the secret shown once, and offers the secret calendar addresses from Scadenziario (docs/api.md)', async () => {
    const resellerContext = await browser.newContext();
    const resellerErrors = watchConsoleErrors(resellerContext);
    const reseller = await signIn(resellerContext, app.url, DEMO_LOGINS.reseller.email, DEMO_LOGINS.reseller.password);
    await reseller.getByRole('link', { name: 'Webhook', exact: true }).click();
    await reseller.getByRole('heading', { level: 1, name: 'Webhook' }).waitFor();
    await reseller.getByLabel('Indirizzo (https)').fill('https://93.184.216.34/hook');
    await reseller.getByLabel('Fattura emessa').check();
    await reseller.getByRole('button', { name: 'Aggiungi endpoint' }).click();
    const secret = await reseller.getByTestId('new-secret').innerText();
    expect(secret).toMatch(/^whsec_/);
    const row = reseller.locator('tbody tr', { hasText: '93.184.216.34' });
    expect(await row.innerText()).toContain('Fattura emessa');
    await screenshot(reseller, 'webhooks');
    await expectAccessible(reseller);
    await row.getByRole('button', { name: 'Nuovo segreto' }).click();
    expect(await row.getByTestId('new-secret').innerText()).not.toBe(secret);
    await reseller.reload();
    expect(await reseller.locator('main').innerText()).not.toContain('whsec_');
    await row.getByRole('link', { name: 'Consegne' }).click();
    await reseller.getByText('Nessuna consegna.').waitFor();
    await row.getByRole('button', { name: /^Elimina/ }).click();
    await row.waitFor({ state: 'detached' });

    await reseller.goto(`${app.url}/area/scadenziario`);
    await reseller.getByRole('link', { name: 'Calendario delle scadenze' }).click();
    await reseller.getByRole('heading', { level: 1, name: 'Calendario delle scadenze' }).waitFor();
    const own = await reseller.getByLabel("Scadenze dell'account").inputValue();
    expect(await reseller.getByLabel('Scadenze con quelle dei clienti').inputValue()).toBe(`${own}?include=clients`);
    const feed = await reseller.request.get(`${app.url}${new URL(own).pathname}`);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toContain('BEGIN:VEVENT');
    await expectAccessible(reseller);
    await reseller.getByRole('button', { name: 'Rigenera gli indirizzi' }).click();
    await reseller.getByText('Nuovi indirizzi creati').waitFor();
    expect(await reseller.getByLabel("Scadenze dell'account").inputValue()).not.toBe(own);
    expect((await reseller.request.get(`${app.url}${new URL(own).pathname}`)).status()).toBe(404);
    expect(resellerErrors.take()).toEqual([]);
    await resellerContext.close();
  });

  it('lists the signed-in devices on Sessioni and ends one at once; signing out refuses the old cookie (docs/product-rules.md, Accounts and access)', async () => {
    const laptopContext = await browser.newContext();
    const phoneContext = await browser.newContext({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' });
    const errors = [watchConsoleErrors(laptopContext), watchConsoleErrors(phoneContext)];
    const laptop = await signIn(laptopContext, app.url, DEMO_LOGINS.reseller.email, DEMO_LOGINS.reseller.password);
    const phone = await signIn(phoneContext, app.url, DEMO_LOGINS.reseller.email, DEMO_LOGINS.reseller.password);
    await laptop.getByRole('link', { name: 'Sessioni' }).click();
    await laptop.getByRole('heading', { level: 1, name: 'Sessioni' }).waitFor();
    const rows = laptop.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.filter({ hasText: 'Questo dispositivo' }).count()).toBe(1);
    await screenshot(laptop, 'sessions');
    await expectAccessible(laptop);
    const phoneRow = rows.filter({ hasText: 'Safari, iOS' });
    expect(await phoneRow.count()).toBe(1);
    await phoneRow.getByRole('button', { name: /^Termina/ }).click();
    await laptop.locator('tbody tr', { hasText: 'Safari, iOS' }).waitFor({ state: 'detached' });
    await phone.goto(`${app.url}/area`);
    await phone.waitForURL(`${app.url}/login`);

    await laptop.getByRole('link', { name: 'Profilo' }).click();
    await laptop.getByRole('heading', { level: 1, name: 'Profilo' }).waitFor();
    await screenshot(laptop, 'profile');
    await expectAccessible(laptop);

    const cookies = (await laptopContext.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const query = { data: { query: '{ viewer { user { email } } }' } };
    expect((await laptop.request.post(`${app.url}/api/graphql`, { ...query, headers: { cookie: cookies } })).status()).toBe(200);
    await laptop.getByRole('button', { name: 'Esci' }).click();
    await laptop.waitForURL(`${app.url}/login`);
    const replay = await browser.newContext();
    expect((await replay.request.post(`${app.url}/api/graphql`, { ...query, headers: { cookie: cookies } })).status()).toBe(401);
    for (const watched of errors) expect(watched.take()).toEqual([]);
    await Promise.all([laptopContext.close(), phoneContext.close(), replay.close()]);
  });

  it('keeps the public pages accessible, with the customer area at the top right', async () => {
    const visitor = await browser.newContext();
    const visitorErrors = watchConsoleErrors(visitor);
    const home = await visitor.newPage();
    await home.goto(app.url);
    const link = home.getByRole('link', { name: 'Area clienti' });
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThan(600);
    expect(box.y).toBeLessThan(60);
    await expectAccessible(home);
    for (const path of ['/login', '/password-dimenticata', '/reimposta-password?token=x']) {
      await home.goto(`${app.url}${path}`);
      await expectAccessible(home);
    }
    expect(visitorErrors.take()).toEqual([]);
    await home.goto(`${app.url}/login`);
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await home.getByLabel('Email').fill('gino@example.it');
      await home.getByLabel('Password').fill(`wrong-${attempt}`);
      await home.getByRole('button', { name: 'Accedi' }).click();
      await home.locator('p.error').filter({ hasText: /\S/ }).waitFor();
    }
    await home.locator('p.error', { hasText: 'Troppi tentativi di accesso: riprova tra 15 minuti.' }).waitFor();
    // The only errors: the browser reporting each refused sign-in's 401 answer.
    expect(visitorErrors.take().filter((error) => !/\/login: Failed to load resource: the server responded with a status of 401/.test(error))).toEqual([]);
    await screenshot(home, 'login-throttled');
    await home.setViewportSize({ width: 375, height: 740 });
    await home.goto(`${app.url}/login`);
    await expectNoSidewaysScroll(home);
    await screenshot(home, 'login-phone');
    expect(visitorErrors.take()).toEqual([]);
    await visitor.close();
  });
});
