import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { generate } from 'otplib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.join(__dirname, '..', '..');
export const SCREENSHOTS = path.join(__dirname, 'screenshots');

/** Debian's Chromium (or CHROMIUM_PATH); the browser tests are skipped, and say so, when there is none. */
export function chromiumPath(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  /** Everything the app printed so far. */
  output(): string;
  /** Resolves with the start script's exit code once it has exited. */
  exited: Promise<number | null>;
  /** Signals the start script alone, as a service manager would (it stops the server itself). */
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/** One app starts at a time: each may have to build it, and two builds of the same folder clash. */
async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(os.tmpdir(), `pannello-app-start-${Buffer.from(ROOT).toString('base64url').slice(-24)}`);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a run that died is older than any build.
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since && Date.now() - since > 600_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The built app as `npm start` runs it, on an embedded database of its own seeded with the demo
 * data (or `env.DATABASE_URL`'s), with today fixed so the demo's dates are known.
 */
export function startApp(today: string, env: Record<string, string> = {}): Promise<RunningApp> {
  return oneAtATime(() => launchApp(today, env));
}

async function launchApp(today: string, env: Record<string, string>): Promise<RunningApp> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pannello-e2e-'));
  fs.chmodSync(dataDir, 0o777);
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), PORTAL_DATA_DIR: dataDir, PORTAL_TODAY: today, NEXTAUTH_SECRET: 'e2e-secret', DATABASE_URL: '', DB_LOG: 'off', ...env },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is ready at')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the app exited (${code}):\n${output.slice(-3000)}`)));
  });
  await ready;
  return {
    url: `http://localhost:${port}`,
    output: () => output,
    exited,
    signal: (signal) => process.kill(child.pid!, signal),
    async stop() {
      if (child.exitCode === null && child.pid) {
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** Signs in through the login form; `code` answers the second step of a login with two-factor login. */
export async function signIn(context: BrowserContext, url: string, email: string, password: string, code?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /Accedi|Sign in/ }).click();
  if (code !== undefined) {
    await page.getByLabel(/^Codice dell'app|^Code of your/).fill(code);
    await page.getByRole('button', { name: /Accedi|Sign in/ }).click();
  }
  await page.waitForURL(`${url}/area`);
  return page;
}

// The back office's unused recovery codes, per running app (its two-factor enrolment is done once, by the first sign-in).
const backOfficeCodes = new Map<string, string[]>();

/**
 * Signs the back office in at `url` (the app at `app`): the first time, enrolling its second factor as the portal
 * requires before anything else; later, with one of the recovery codes that enrolment showed.
 */
export async function signInBackOffice(context: BrowserContext, app: RunningApp, url: string, login: { email: string; password: string }): Promise<Page> {
  const codes = backOfficeCodes.get(app.url);
  if (codes) return signIn(context, url, login.email, login.password, codes.shift()!);
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: /Accedi|Sign in/ }).click();
  await page.waitForURL(`${url}/due-fattori`);
  await page.getByRole('button', { name: /Attiva la verifica in due passaggi|Turn on two-step verification/ }).click();
  const secret = await page.getByTestId('totp-secret').innerText();
  await page.getByLabel(/^Codice a 6 cifre|^The 6-digit code/).fill(await generate({ secret }));
  await page.getByRole('button', { name: /Conferma e attiva|Confirm and turn on/ }).click();
  await page.getByTestId('recovery-codes').waitFor();
  backOfficeCodes.set(app.url, await page.getByTestId('recovery-codes').locator('code').allInnerTexts());
  await page.getByRole('link', { name: /Continua|Continue/ }).click();
  await page.waitForURL(`${url}/area`);
  return page;
}

/**
 * No serious or critical accessibility violation on the page (axe-core, WCAG 2.1 AA rules); `exclude`
 * leaves out a third party's widget we do not write (GraphiQL's editor).
 */
export async function expectAccessible(page: Page, exclude?: string): Promise<void> {
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (exclude ? axe.exclude(exclude) : axe).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Every console error and uncaught exception on the context's pages, each with the address it happened at. */
export function watchConsoleErrors(context: BrowserContext): { take(): string[] } {
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => { if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`); });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return { take: () => errors.splice(0) };
}

/** The page fits a phone's width: nothing makes it scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect({ url: page.url(), overflowPx: Math.max(0, scrollWidth - innerWidth) }).toEqual({ url: page.url(), overflowPx: 0 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
