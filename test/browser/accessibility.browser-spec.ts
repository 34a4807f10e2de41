import AxeBuilder from '@axe-core/playwright';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { aBzOnlyDocument, startBrowserDesk, VIEWPORTS, withScreenshotsOnFailure, type BrowserDesk } from './browser-desk';

jest.setTimeout(300_000);

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Screen {
  name: string;
  /** Who looks at it; null: signed out. */
  as: string | null;
  path: (ids: Ids) => string;
  /** The h1 the page shows once loaded. */
  heading: string | RegExp;
  /** Something to do before the scan, such as opening a dialog. */
  prepare?: (page: Page) => Promise<void>;
}

interface Ids {
  set: string;
  drafting: string;
  user: string;
}

const SCREENS: Screen[] = [
  { name: 'Inloggen', as: null, path: () => '/inloggen', heading: 'Inloggen' },
  { name: 'Werkvoorraad (desk)', as: 'desk@example.org', path: () => '/', heading: 'Werkvoorraad' },
  { name: 'Werkvoorraad (behandelaar)', as: 'drafter@example.org', path: () => '/', heading: 'Werkvoorraad' },
  { name: 'Werkvoorraad (coördinator)', as: 'coordinator@example.org', path: () => '/', heading: 'Werkvoorraad' },
  { name: 'Alle vragen', as: 'coordinator@example.org', path: () => '/vragen?status=received,assigned,drafting&sort=-deadline', heading: 'Alle vragen' },
  { name: 'Vragenset', as: 'desk@example.org', path: ({ set }) => `/vragensets/${set}`, heading: /./ },
  {
    name: 'Vragenset, dialoog Toewijzen',
    as: 'desk@example.org',
    path: ({ set }) => `/vragensets/${set}`,
    heading: /./,
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
      await page.getByRole('dialog', { name: 'Toewijzen' }).waitFor();
    },
  },
  { name: 'Concept-antwoord', as: 'drafter@example.org', path: ({ drafting }) => `/vragensets/${drafting}/concept`, heading: 'Concept-antwoord' },
  { name: 'Importeren', as: 'desk@example.org', path: () => '/importeren', heading: 'Importeren' },
  { name: 'Meldingen', as: 'coordinator@example.org', path: () => '/meldingen', heading: 'Meldingen' },
  { name: 'Statistiek', as: 'coordinator@example.org', path: () => '/statistiek?from=2019-01-01&to=2021-12-31', heading: 'Statistiek' },
  { name: 'Beheer', as: 'admin@example.org', path: () => '/beheer', heading: 'Beheer' },
  { name: 'Beheer, nieuwe gebruiker', as: 'admin@example.org', path: () => '/beheer/gebruikers/nieuw', heading: /./ },
  { name: 'Beheer, gebruiker', as: 'admin@example.org', path: ({ user }) => `/beheer/gebruikers/${user}`, heading: /./ },
  { name: 'Beheer, intake', as: 'admin@example.org', path: () => '/beheer/intake', heading: 'Intake uit de open data van de Tweede Kamer' },
  { name: 'Pagina niet gevonden', as: 'desk@example.org', path: () => '/bestaat-niet', heading: /./ },
];

/** Waits until the page shows its h1 and nothing is loading any more. */
async function settled(page: Page, heading: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .getByText('Bezig met laden…')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

describe('accessibility: an axe-core scan (WCAG 2.1 A and AA) of every screen at 1280 px and 390 px', () => {
  let desk: BrowserDesk;
  let ids: Ids;
  const results: { screen: string; viewport: string; violations: number; passes: number; rules: string[] }[] = [];
  /** One signed-in browser context per person and screen size, a new page per screen. */
  const sessions = new Map<string, BrowserContext>();
  async function pageFor(as: string | null, viewport: keyof typeof VIEWPORTS): Promise<Page> {
    if (!as) return (await desk.context(viewport)).newPage();
    const key = `${as} ${viewport}`;
    if (!sessions.has(key)) sessions.set(key, (await desk.signedIn(as, viewport)).context());
    return sessions.get(key)!.newPage();
  }

  beforeAll(async () => {
    desk = await startBrowserDesk();
    const deskApi = await desk.api('desk@example.org');
    const drafterApi = await desk.api('drafter@example.org');
    const adminApi = await desk.api('admin@example.org');
    const drafterId = (await drafterApi.call('GET', '/api/auth/me')).id;
    ids = { set: (await deskApi.set('2019Z15244')).id, drafting: '', user: drafterId };
    // A set in drafting for the concept-antwoord page, with one answer written.
    const received = (await deskApi.call('POST', '/api/question-sets/import', aBzOnlyDocument('2026Z20003'))).questionSet;
    let set = await deskApi.call('POST', `/api/question-sets/${received.id}/assignment`, {
      version: received.version,
      leadMinistry: 'BZ',
      assigneeId: drafterId,
    });
    set = await drafterApi.call('POST', `/api/question-sets/${set.id}/assignment/accept`, { version: set.version });
    await drafterApi.call('PUT', `/api/question-sets/${set.id}/answers`, { version: set.version, answers: [{ questionNumbers: [1], text: 'Ja.' }] });
    ids.drafting = set.id;
    expect((await adminApi.call('GET', '/api/users')).items.length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    if (results.length) {
      await mkdir(join(__dirname, '..', '..', 'reports'), { recursive: true });
      await writeFile(join(__dirname, '..', '..', 'reports', 'axe.json'), `${JSON.stringify(results, null, 2)}\n`);
    }
    await desk?.close();
  });

  for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    it.each(SCREENS)(`$name has no violations (${viewport})`, (screen) =>
      withScreenshotsOnFailure(desk, `axe-${viewport}-${screen.name}`, async () => {
        const page = await pageFor(screen.as, viewport);
        await page.goto(screen.path(ids));
        await settled(page, screen.heading);
        await screen.prepare?.(page);
        const scan = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        results.push({
          screen: screen.name,
          viewport,
          violations: scan.violations.length,
          passes: scan.passes.length,
          rules: scan.violations.map((v) => v.id),
        });
        const found = scan.violations.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join('; ')}`,
        );
        expect(found).toEqual([]);
        expect(scan.passes.length).toBeGreaterThan(10);
        await page.close();
      }),
    );
  }
});
