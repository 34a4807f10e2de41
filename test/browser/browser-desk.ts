import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, dropTestDatabase } from '@question-desk/database';
import { forgetRedisPrefix } from '@question-desk/redis';
import { DESK_SCHEMA } from '@question-desk/schema';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { aFreePort } from '../free-port';

export const DEMO_PASSWORD = 'demo-password';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium as Debian packages it, headless, quiet: no sandbox (containers), no GPU, no calls home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // launch() gives every browser a fresh temporary profile (user-data-dir), removed on close.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

export interface DeskApi {
  /** A JSON body, or a string sent as text/plain (a document to import). */
  call<T = any>(method: string, path: string, body?: object | string): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the route answers
  /** The id and version of a set by its reference. */
  set(reference: string): Promise<{ id: string; version: number; subject: string; questionCount: number }>;
}

export interface BrowserDesk {
  /** http://127.0.0.1:<port> of the API, which serves the web app at /. */
  base: string;
  browser: Browser;
  /** A new browser context (its own cookies) on the desk. */
  context(viewport?: keyof typeof VIEWPORTS): Promise<BrowserContext>;
  /** The API as a script uses it (bearer token), to prepare what a test needs before the browser takes over. */
  api(email: string): Promise<DeskApi>;
  /** A page in a new context, signed in as a demo account through the sign-in form. */
  signedIn(email: string, viewport?: keyof typeof VIEWPORTS): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real desk for a browser test file: a throwaway database with the demo data (as `npm start`
 * loads it), the API as main.ts creates it (serving dist/web, which the browser project's global
 * setup built), listening on a free loopback port, and a headless Chromium.
 */
export async function startBrowserDesk(): Promise<BrowserDesk> {
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await createTestDatabase(server, DESK_SCHEMA, 'browser');
  const prefix = `qd-browser-${randomBytes(4).toString('hex')}`;
  const before = { DATABASE_URL: process.env.DATABASE_URL, REDIS_PREFIX: process.env.REDIS_PREFIX };
  Object.assign(process.env, { DATABASE_URL: url, REDIS_PREFIX: prefix, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
  let app: NestExpressApplication | undefined;
  let browser: Browser | undefined;
  try {
    const { CliModule } = await import('../../apps/cli/src/cli.module');
    const { DemoSeed } = await import('../../apps/cli/src/demo-seed');
    const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
    await context.get(DemoSeed).run(join(__dirname, '..', '..', 'seeds'), () => undefined);
    await context.close();
    const { createApi } = await import('../../apps/api/src/bootstrap');
    app = await createApi();
    const port = await aFreePort();
    await app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  } catch (error) {
    await Promise.allSettled([browser?.close(), app?.close()]);
    await dropTestDatabase(url);
    await forgetRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix);
    throw error;
  }
  const base = await app.getUrl().then((u) => u.replace('[::1]', '127.0.0.1'));
  const openBrowser = browser;
  const contexts: BrowserContext[] = [];
  const desk: BrowserDesk = {
    base,
    browser: openBrowser,
    async context(viewport = 'desktop') {
      const context = await openBrowser.newContext({ baseURL: base, viewport: VIEWPORTS[viewport], locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      // Generous: the machines that run the suite are shared, and a slow moment is not a failure of the app.
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      return context;
    },
    async api(email) {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the route answers
      const call = async (method: string, path: string, body?: object | string): Promise<any> => {
        const text = typeof body === 'string';
        const response = await fetch(`${base}${path}`, {
          method,
          headers: { Authorization: `Bearer ${accessToken}`, ...(body ? { 'Content-Type': text ? 'text/plain' : 'application/json' } : {}) },
          body: body === undefined ? undefined : text ? body : JSON.stringify(body),
        });
        const answer = response.status === 204 ? null : await response.json();
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
        return answer;
      };
      return {
        call,
        set: async (reference) => (await call('GET', `/api/question-sets?reference=${reference}`)).items[0],
      };
    },
    async signedIn(email, viewport = 'desktop') {
      const page = await (await desk.context(viewport)).newPage();
      await signIn(page, email);
      return page;
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await openBrowser.close();
      await app.close();
      if (process.env.KEEP_TEST_DATABASE !== 'true') await dropTestDatabase(url);
      await forgetRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix);
      Object.assign(process.env, before);
    },
  };
  return desk;
}

/**
 * Runs a test body; when it fails, saves a screenshot of every open page (in $BROWSER_FAILURES or
 * /tmp/qd-browser-failures) and names them in the error, so a failure can be seen, not guessed.
 */
export async function withScreenshotsOnFailure(desk: BrowserDesk, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const folder = process.env.BROWSER_FAILURES ?? join(tmpdir(), 'qd-browser-failures');
    await mkdir(folder, { recursive: true });
    const saved: string[] = [];
    for (const [c, context] of desk.browser.contexts().entries()) {
      for (const [p, page] of context.pages().entries()) {
        const file = join(folder, `${name.replace(/[^\w-]+/g, '-')}-${c}-${p}.png`);
        await page.screenshot({ path: file, fullPage: true }).then(
          () => saved.push(`${file} (${page.url()})`),
          () => undefined,
        );
      }
    }
    if (error instanceof Error) error.message += `\nScreenshots: ${saved.join(', ')}`;
    throw error;
  }
}

/** Questions to the Minister of Foreign Affairs only (BZ leads, nobody co-signs). */
export function aBzOnlyDocument(reference: string): string {
  return [
    reference,
    '',
    'Vragen van het lid **Kuiken** (PvdA) aan de Minister van Buitenlandse Zaken over *de visumverlening in Marokko* (ingezonden 2 november 2026).',
    '',
    'Vraag 1',
    '',
    'Bent u bekend met het bericht over de wachttijden voor visa in Rabat?',
    '',
    'Vraag 2',
    '',
    'Wat gaat u doen om de wachttijden te verkorten?',
    '',
  ].join('\n');
}

/** Signs in through the form at /inloggen and waits for the werkvoorraad. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
}
