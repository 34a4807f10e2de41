import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startBrowserDesk, withScreenshotsOnFailure, type BrowserDesk } from './browser-desk';

jest.setTimeout(300_000);

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function noViolations(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
}

describe('the Agenda screen (deadline calendar) and the export links of Alle vragen', () => {
  let desk: BrowserDesk;

  beforeAll(async () => {
    desk = await startBrowserDesk();
  });
  afterAll(() => desk?.close());

  it('makes a secret calendar address, copies it, renews it (the old one stops working) and stops it; axe finds nothing', () =>
    withScreenshotsOnFailure(desk, 'agenda', async () => {
      const page = await desk.signedIn('coordinator@example.org');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: desk.base });
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Agenda' }).click();
      await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
      await page.getByText('U hebt nog geen agenda-adres.').waitFor();
      await noViolations(page);

      // By keyboard: the button takes focus and Enter makes the address.
      await page.getByRole('button', { name: 'Agenda-adres maken' }).focus();
      await page.keyboard.press('Enter');
      const address = page.getByRole('textbox', { name: 'Agenda-adres' });
      await address.waitFor();
      const first = await address.inputValue();
      expect(first).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      await page.getByRole('button', { name: 'Kopieer adres' }).click();
      await page.getByRole('status').filter({ hasText: 'Het adres is gekopieerd.' }).waitFor();
      // (The test's own types have no DOM: the page's navigator, typed by hand.)
      const clipboard = () => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText();
      expect(await page.evaluate(clipboard)).toBe(first);
      await noViolations(page);

      const calendarAt = (url: string) => fetch(`${desk.base}${new URL(url).pathname}`);
      const answer = await calendarAt(first);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(await answer.text()).toContain('BEGIN:VCALENDAR');

      // Back later: the address is not shown again, only that there is one.
      await page.reload();
      await page.getByText(/U hebt een agenda-adres sinds/).waitFor();
      await page.getByRole('button', { name: 'Nieuw adres maken' }).click();
      const second = await address.inputValue();
      expect(second).not.toBe(first);
      expect((await calendarAt(first)).status).toBe(404);
      expect((await calendarAt(second)).status).toBe(200);

      await page.getByRole('button', { name: 'Agenda stoppen' }).click();
      await page.getByText('De agenda is gestopt: het oude adres werkt niet meer.').waitFor();
      expect((await calendarAt(second)).status).toBe(404);
      await noViolations(page);
    }));

  it('offers the list as CSV and Excel with its filters kept (not its page)', () =>
    withScreenshotsOnFailure(desk, 'exports', async () => {
      const page = await desk.signedIn('desk@example.org');
      await page.goto('/vragen?status=answered&ministry=BZ&sort=-submittedOn&page=1&pageSize=10');
      await page.getByRole('heading', { level: 1, name: 'Alle vragen' }).waitFor();
      const csv = page.getByRole('link', { name: 'Download als CSV' });
      const href = new URL((await csv.getAttribute('href'))!, desk.base);
      expect(Object.fromEntries(href.searchParams)).toEqual({ status: 'answered', ministry: 'BZ', sort: '-submittedOn', format: 'csv' });
      expect(await page.getByRole('link', { name: 'Download als Excel' }).getAttribute('href')).toContain('format=xlsx');
      // The link downloads with the session cookie, as a click does.
      const download = await page.request.get(href.toString());
      expect(download.status()).toBe(200);
      const text = (await download.body()).toString('utf8');
      expect(text.startsWith('\uFEFFZaaknummer;')).toBe(true);
      const rows = text.trim().split('\r\n').slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toContain(';Beantwoord;');
      await noViolations(page);
    }));

  it('offers the accounts (filtered) and the statistics (of the period) as CSV and Excel, by keyboard too', () =>
    withScreenshotsOnFailure(desk, 'exports-more', async () => {
      const admin = await desk.signedIn('admin@example.org');
      await admin.goto('/beheer?role=drafter&page=1');
      await admin.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
      const users = admin.getByRole('link', { name: 'Download als CSV' });
      const href = new URL((await users.getAttribute('href'))!, desk.base);
      expect(Object.fromEntries(href.searchParams)).toEqual({ role: 'drafter', format: 'csv' });
      await users.focus();
      expect(
        await admin.evaluate(
          () => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent,
        ),
      ).toBe('Download als CSV');
      const download = await admin.request.get(href.toString());
      expect(download.status()).toBe(200);
      const text = (await download.body()).toString('utf8');
      expect(text.startsWith('\uFEFFNaam;E-mailadres;Rollen;')).toBe(true);
      for (const row of text.trim().split('\r\n').slice(1)) expect(row).toContain('Behandelaar');
      await noViolations(admin);

      const coordinator = await desk.signedIn('coordinator@example.org');
      await coordinator.goto('/statistiek?from=2020-01-01&to=2020-12-31');
      const perMinistry = coordinator.getByRole('link', { name: 'Download als Excel (statistiek per ministerie)' });
      await perMinistry.waitFor();
      expect(Object.fromEntries(new URL((await perMinistry.getAttribute('href'))!, desk.base).searchParams)).toEqual({
        from: '2020-01-01',
        to: '2020-12-31',
        format: 'xlsx',
      });
      await noViolations(coordinator);
    }));
});
