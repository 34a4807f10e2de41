/**
 * The web app as a person meets it: how much JavaScript (gzipped) the first page loads — the sign-in
 * page and then the werkvoorraad, against the goal of 250 kB — and how long it takes from
 * clicking "Inloggen" until the werkvoorraad shows its sections on the demo data, against the time
 * to load the sign-in page in the same run (the baseline). Headless Chromium (Debian's), the API in
 * a process of its own, NODE_ENV=production.
 *
 *   npm run bench:web [-- --runs 20 --as desk@example.org]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild } from '../test/browser/web-build';
import { launchChromium, VIEWPORTS } from '../test/browser/browser-desk';
import { option, withBenchDesk } from './bench-desk';
import { row, summarise } from './stats';

const GOAL_KB = 250;
const WEB = join(__dirname, '..', 'dist', 'web');

/** Opens the sign-in page; resolves when its form can be used. */
async function openSignIn(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/inloggen`);
  await page.getByLabel('E-mailadres').waitFor();
}

async function fillSignIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('demo-password');
}

/** Clicks "Inloggen"; resolves when the werkvoorraad shows its sections (not just its frame). */
async function clickToWorklist(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
  await page.locator('main h2').first().waitFor();
  await page.getByText('Bezig met laden…').first().waitFor({ state: 'detached' });
}

/** The scripts a first visit loads, each gzipped as a server would send it. */
async function firstVisitScripts(browser: Browser, origin: string, email: string): Promise<{ file: string; raw: number; gzip: number }[]> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
  });
  await openSignIn(page, origin);
  await fillSignIn(page, email);
  await clickToWorklist(page);
  await context.close();
  return Promise.all(
    [...scripts].map(async (path) => {
      const content = await readFile(join(WEB, path));
      return { file: path, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
    }),
  );
}

async function main(): Promise<void> {
  const runs = Number(option('runs', '20'));
  const email = option('as', 'desk@example.org');
  await ensureWebBuild();
  await withBenchDesk(
    0,
    async () => undefined,
    async (desk) => {
      const browser = await launchChromium();
      try {
        const scripts = await firstVisitScripts(browser, desk.origin, email);
        const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
        console.log(`Web app — first visit (sign-in page, then the werkvoorraad of ${email}): ${scripts.length} scripts`);
        for (const s of scripts.sort((a, b) => b.gzip - a.gzip))
          console.log(`  ${s.file.padEnd(48)} ${(s.raw / 1024).toFixed(1).padStart(7)} kB  gzip ${(s.gzip / 1024).toFixed(1).padStart(6)} kB`);
        console.log(`  total gzipped JavaScript: ${(total / 1024).toFixed(1)} kB of the ${GOAL_KB} kB goal (${total / 1024 <= GOAL_KB ? 'met' : 'NOT met'})`);

        const signInPage: number[] = [];
        const toWorklist: number[] = [];
        const apiTimes = { login: [] as number[], worklist: [] as number[] };
        for (let i = 0; i < runs + 2; i++) {
          // A fresh context each time: no cookies, but the browser's HTTP cache is per context too, so every run is a first visit.
          const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
          const page = await context.newPage();
          const calls: Promise<void>[] = [];
          page.on('requestfinished', (request) => {
            const path = new URL(request.url()).pathname;
            const into = path === '/api/auth/login' ? apiTimes.login : path === '/api/worklist' ? apiTimes.worklist : null;
            if (into && i >= 2) calls.push(request.sizes().then(() => void into.push(request.timing().responseEnd)));
          });
          let started = performance.now();
          await openSignIn(page, desk.origin);
          const loaded = performance.now() - started;
          await fillSignIn(page, email);
          started = performance.now();
          await clickToWorklist(page);
          const shown = performance.now() - started;
          await Promise.all(calls);
          await context.close();
          if (i >= 2) {
            // The first two warm up the API and Chromium.
            signInPage.push(loaded);
            toWorklist.push(shown);
          }
        }
        const baseline = summarise(signInPage);
        const worklist = summarise(toWorklist);
        console.log(`\nTime to the werkvoorraad, ${runs} sign-ins of ${email} (each in a fresh browser context)`);
        console.log(row('loading the sign-in page (baseline)', baseline));
        console.log(row('click "Inloggen" → werkvoorraad shown', worklist, baseline));
        console.log(row('  of which POST /api/auth/login (argon2)', summarise(apiTimes.login), baseline));
        console.log(row('  of which GET /api/worklist', summarise(apiTimes.worklist), baseline));
        console.log(`  goal: within 1 s of sign-in — p50 ${worklist.p50 <= 1000 ? 'met' : 'NOT met'}, p99 ${worklist.p99 <= 1000 ? 'met' : 'NOT met'}`);
      } finally {
        await browser.close();
      }
    },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
