import AxeBuilder from '@axe-core/playwright';
import { startBrowserDesk, VIEWPORTS, withScreenshotsOnFailure, type BrowserDesk } from './browser-desk';

jest.setTimeout(300_000);

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PERIOD = 'from=2019-01-01&to=2021-12-31';

/** The Statistiek screen on the demo data: reached from the menu, the period in the address, the numbers in tables beside the charts. */
describe('Statistiek', () => {
  let desk: BrowserDesk;
  let expected: { ministry: { code: string }; received: number; answered: number }[];

  beforeAll(async () => {
    desk = await startBrowserDesk();
    expected = await (await desk.api('coordinator@example.org')).call('GET', `/api/statistics?${PERIOD}`);
  });
  afterAll(() => desk?.close());

  it('shows the figures per ministry in a table beside the chart, for the period in the address', () =>
    withScreenshotsOnFailure(desk, 'statistiek', async () => {
      const page = await desk.signedIn('coordinator@example.org');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Statistiek' }).click();
      await page.getByRole('heading', { level: 1, name: 'Statistiek' }).waitFor();
      await page.getByLabel('Van', { exact: true }).fill('2019-01-01');
      await page.getByLabel('Tot en met', { exact: true }).fill('2021-12-31');
      await page.getByRole('button', { name: 'Toon periode' }).click();
      await page.waitForURL(/from=2019-01-01&to=2021-12-31/);
      const table = page.getByRole('table', { name: 'Cijfers per ministerie' });
      const first = expected[0];
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: first.ministry.code }) });
      // The previous period's figures stay on screen until the new ones arrive.
      for (let tries = 0; tries < 100 && (await row.getByRole('cell').nth(0).textContent()) !== String(first.received); tries++) await page.waitForTimeout(100);
      await expect(row.getByRole('cell').nth(0).textContent()).resolves.toBe(String(first.received));
      await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe(String(first.answered));
      await page
        .getByRole('img', { name: /Staafdiagram/ })
        .locator('svg')
        .waitFor();
      await page.getByRole('table', { name: 'Beantwoorde vragensets naar dagen tot antwoord' }).waitFor();
      await page.getByRole('table', { name: 'Cijfers per maand' }).waitFor();
    }));

  for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    it(`has no axe violations (${viewport})`, () =>
      withScreenshotsOnFailure(desk, `statistiek-axe-${viewport}`, async () => {
        const page = await desk.signedIn('coordinator@example.org', viewport);
        await page.goto(`/statistiek?${PERIOD}`);
        await page.getByRole('table', { name: 'Cijfers per maand' }).waitFor();
        await page.waitForLoadState('networkidle');
        const scan = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(scan.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
        expect(scan.passes.length).toBeGreaterThan(10);
      }));
  }
});
