import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startBrowserDesk, withScreenshotsOnFailure, type BrowserDesk } from './browser-desk';

jest.setTimeout(300_000);

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axeViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const scan = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return scan.violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')}`,
  );
}

/** Issue 11.3: an administrator keeps the ministries and their posts on the Ministeries screen. */
describe('Beheer › Ministeries', () => {
  let desk: BrowserDesk;

  beforeAll(async () => {
    desk = await startBrowserDesk();
  });
  afterAll(() => desk?.close());

  it('lists the current ministries, adds one, renames it, shows a conflict when someone else changed it, and ends it — with no axe violations', () =>
    withScreenshotsOnFailure(desk, 'ministeries', async () => {
      const page = await desk.signedIn('admin@example.org');
      await page.getByRole('link', { name: 'Beheer' }).first().click();
      await page.getByRole('link', { name: 'Ministeries' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ministeries' }).waitFor();
      const table = page.getByRole('table', { name: 'Huidige ministeries' });
      await table.getByRole('link', { name: 'Klimaat en Groene Groei' }).waitFor();
      expect(await table.getByRole('link', { name: 'Economische Zaken en Klimaat' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      // Ended ones too: a shareable address.
      await page.getByRole('link', { name: 'Ook beëindigde ministeries tonen' }).click();
      await page.waitForURL(/\/beheer\/ministeries\?alle=ja$/);
      const all = page.getByRole('table', { name: 'Alle ministeries' });
      await all.getByRole('row', { name: /Economische Zaken en Klimaat.*EZK.*Beëindigd/ }).waitFor();

      // A code that is taken: the API's message, in Dutch screens' alert.
      await page.getByLabel('Code').fill('BZ');
      await page.getByLabel('Naam', { exact: true }).fill('Nog een Buitenlandse Zaken');
      await page.getByRole('button', { name: 'Ministerie toevoegen' }).click();
      await page
        .getByRole('alert')
        .getByText(/already a ministry with code "BZ"/)
        .waitFor();

      await page.getByLabel('Code').fill('DiZ');
      await page.getByLabel('Naam', { exact: true }).fill('Digitale Zaken');
      await page.getByLabel('Eerste dag').fill('2025-01-06');
      await page.getByRole('button', { name: 'Ministerie toevoegen' }).click();
      await page.waitForURL(/\/beheer\/ministeries\/DiZ$/);
      await page.getByRole('heading', { level: 1, name: 'Digitale Zaken (DiZ)' }).waitFor();
      await page.getByRole('status').getByText('Het ministerie is toegevoegd.').waitFor();
      await page.getByText('Er vallen (nog) geen posten onder dit ministerie.').waitFor();

      await page.getByLabel('Post', { exact: true }).fill('Minister voor Digitalisering');
      await page.getByRole('button', { name: 'Post toevoegen' }).click();
      await page.getByRole('table', { name: 'Posten van Digitale Zaken' }).getByRole('cell', { name: 'Minister voor Digitalisering', exact: true }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Someone else renames it meanwhile: saving the loaded version is a conflict, reloading shows theirs.
      const admin = await desk.api('admin@example.org');
      await admin.call('PATCH', '/api/ministries/DiZ', { version: 1, name: 'Digitalisering' });
      await page.getByLabel('Naam', { exact: true }).fill('Digitale Zaken en Data');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit ministerie intussen gewijzigd' });
      await conflict.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await conflict.getByRole('button', { name: 'Opnieuw laden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Digitalisering (DiZ)' }).waitFor();

      // End it yesterday: it keeps its page and posts, and leaves the list of current ministries.
      await page.getByLabel('Laatste dag').first().fill('2026-11-30');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('status').getByText('De gegevens van het ministerie zijn opgeslagen.').waitFor();
      await page
        .getByText(/Beëindigd/)
        .first()
        .waitFor();
      await page.getByRole('link', { name: 'Terug naar ministeries' }).click();
      await page.getByRole('table', { name: 'Huidige ministeries' }).waitFor();
      expect(await page.getByRole('link', { name: 'Digitalisering' }).count()).toBe(0);
    }));
});
