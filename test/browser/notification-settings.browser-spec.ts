import AxeBuilder from '@axe-core/playwright';
import { startBrowserDesk, VIEWPORTS, withScreenshotsOnFailure, type BrowserDesk } from './browser-desk';

jest.setTimeout(300_000);

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The notification settings on /meldingen (issue 11.1): per kind, email on or off; in-app always.
 * Used with the keyboard only, checked with axe (WCAG 2.1 A and AA) at both screen sizes.
 */
describe('notification settings on /meldingen', () => {
  let desk: BrowserDesk;

  beforeAll(async () => {
    desk = await startBrowserDesk();
  });
  afterAll(() => desk?.close());

  it('a drafter switches email off for "assigned" with the keyboard; it is saved, said, and still so after a reload', () =>
    withScreenshotsOnFailure(desk, 'notification-settings', async () => {
      const page = await desk.signedIn('drafter@example.org');
      await page.goto('/meldingen#instellingen');
      const section = page.getByRole('region', { name: 'E-mail bij meldingen' });
      const assigned = section.getByRole('checkbox', { name: 'Vragen aan mij toegewezen' });
      await assigned.waitFor();
      expect(await assigned.isChecked()).toBe(true);
      await expect(section.getByRole('group', { name: 'Werk dat bij u komt: ook per e-mail' }).count()).resolves.toBe(1);

      await assigned.focus();
      await page.keyboard.press('Space');
      expect(await assigned.isChecked()).toBe(false);
      await section.getByRole('button', { name: 'Instellingen opslaan' }).focus();
      await page.keyboard.press('Enter');
      await section.getByRole('status').getByText('Opgeslagen: 1 soort melding komt alleen in de app.').waitFor();

      const api = await desk.api('drafter@example.org');
      const { settings } = await api.call<{ settings: { kind: string; email: boolean }[] }>('GET', '/api/me/notification-settings');
      expect(settings.filter((s) => !s.email).map((s) => s.kind)).toEqual(['assigned']);

      await page.reload();
      const again = page.getByRole('region', { name: 'E-mail bij meldingen' }).getByRole('checkbox', { name: 'Vragen aan mij toegewezen' });
      await again.waitFor();
      expect(await again.isChecked()).toBe(false);
    }));

  for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    it(`has no axe violations with the settings shown (${viewport})`, () =>
      withScreenshotsOnFailure(desk, `notification-settings-axe-${viewport}`, async () => {
        const page = await desk.signedIn('coordinator@example.org', viewport);
        await page.goto('/meldingen');
        await page.getByRole('checkbox', { name: 'Antwoord ter beoordeling aangeboden' }).waitFor();
        await page.waitForLoadState('networkidle');
        const scan = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(scan.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
        expect(scan.passes.length).toBeGreaterThan(10);
      }));
  }
});
