import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startBrowserDesk, withScreenshotsOnFailure, type BrowserDesk } from './browser-desk';

jest.setTimeout(180_000);

const REFERENCE = '2019Z15244';

/** Opens the action's dialog from the set's page, lets `fill` complete its form, confirms, and waits for the outcome. */
async function act(page: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Bevestigen' }).click();
  try {
    await page
      .getByRole('status')
      .filter({ hasText: `${action}: gelukt` })
      .waitFor();
  } catch (error) {
    const alert = page.getByRole('alert');
    throw new Error(`${action} did not succeed: ${(await alert.count()) ? await alert.first().innerText() : (error as Error).message}`, { cause: error });
  }
}

async function statusIs(page: Page, status: string) {
  await page.getByText(`Vragenset ${REFERENCE} ·`).filter({ hasText: status }).waitFor();
}

/** On the concept-antwoord page: gives every empty answer a text, then writes the given ones, and saves. */
async function writeDraft(page: Page, id: string, answers: Record<string, string>) {
  await page.goto(`/vragensets/${id}/concept`);
  await page.getByRole('heading', { level: 1, name: 'Concept-antwoord' }).waitFor();
  const boxes = page.getByRole('textbox', { name: /^Antwoord op vra/ });
  await boxes.first().waitFor();
  for (const box of await boxes.all()) {
    if (!(await box.inputValue())) await box.fill(`Concepttekst bij ${(await box.getAttribute('aria-label')) ?? 'deze vraag'}.`);
  }
  for (const [label, text] of Object.entries(answers)) await page.getByLabel(label, { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Concept opgeslagen' }).waitFor();
  await page.goto(`/vragensets/${id}`);
}

describe(`the life of ${REFERENCE} in the browser`, () => {
  let desk: BrowserDesk;

  beforeAll(async () => {
    desk = await startBrowserDesk();
  });
  afterAll(() => desk?.close());

  it('goes from the desk to the drafter, the coordinator, the co-signer and back to the desk, and its answer document downloads', () =>
    withScreenshotsOnFailure(desk, 'lifecycle', async () => {
      const deskOfficer = await desk.signedIn('desk@example.org');
      const drafter = await desk.signedIn('drafter@example.org');
      const coordinator = await desk.signedIn('coordinator@example.org');
      const jenvDrafter = await desk.signedIn('drafter.jenv@example.org');

      // The desk finds the set on its werkvoorraad and assigns it to BZ, with JenV co-signing.
      await deskOfficer.getByRole('link', { name: REFERENCE }).first().click();
      await deskOfficer.getByRole('heading', { level: 2, name: 'Acties' }).waitFor();
      const id = new URL(deskOfficer.url()).pathname.split('/')[2];
      await act(deskOfficer, 'Toewijzen', async (dialog) => {
        await dialog.getByLabel('Eerstverantwoordelijk ministerie').selectOption({ label: 'Buitenlandse Zaken' });
        await dialog.getByRole('checkbox', { name: 'Justitie en Veiligheid' }).check();
        await dialog.getByLabel('Behandelaar').locator('option', { hasText: 'Bregje Buitenland' }).waitFor({ state: 'attached' });
        await dialog.getByLabel('Behandelaar').selectOption({ label: 'Bregje Buitenland' });
      });
      await statusIs(deskOfficer, 'Toegewezen');

      // The drafter accepts, writes and submits.
      await drafter.goto(`/vragensets/${id}`);
      await act(drafter, 'Accepteren');
      await writeDraft(drafter, id, {
        'Antwoord op vraag 1': 'Ja.',
        'Antwoord op vraag 2': 'Ja, dat klopt.',
        'Antwoord op vraag 3': 'Daarover gaat het ministerie zelf.',
        'Antwoord op vraag 4': 'Ja. Het kabinet maakt zich daarover zorgen.',
      });
      await act(drafter, 'Ter beoordeling aanbieden');

      // The coordinator asks for changes; the drafter makes them and submits again.
      await coordinator.goto(`/vragensets/${id}`);
      await act(coordinator, 'Wijzigingen vragen', (dialog) => dialog.getByLabel('Opmerking').fill('Vraag 3 inhoudelijk beantwoorden.'));
      await drafter.goto(`/vragensets/${id}`);
      await writeDraft(drafter, id, { 'Antwoord op vraag 3': 'Ja. Dat ministerie is daarvoor verantwoordelijk.' });
      await act(drafter, 'Ter beoordeling aanbieden');

      // The coordinator approves; JenV co-signs; the desk marks it answered.
      await coordinator.goto(`/vragensets/${id}`);
      await act(coordinator, 'Goedkeuren');
      await jenvDrafter.goto(`/vragensets/${id}`);
      await act(jenvDrafter, 'Medeondertekenen');
      await deskOfficer.goto(`/vragensets/${id}`);
      await act(deskOfficer, 'Beantwoord melden', (dialog) => dialog.getByLabel('Beantwoord door').fill('Kaag'));
      await statusIs(deskOfficer, 'Beantwoord');
      expect(await deskOfficer.getByRole('button', { name: 'Beantwoord melden' }).count()).toBe(0);

      // The answer document, as the desk downloads it.
      const [download] = await Promise.all([
        deskOfficer.waitForEvent('download'),
        deskOfficer.getByRole('link', { name: 'Antwoorddocument downloaden' }).click(),
      ]);
      const document = await readFile(await download.path(), 'utf8');
      expect(document).toContain('Ja. Dat ministerie is daarvoor verantwoordelijk.');
      expect(document).toContain('Sjoerdsma');

      // The timeline tells the story in order.
      const timeline = await deskOfficer.locator('section', { has: deskOfficer.getByRole('heading', { name: 'Verloop' }) }).innerText();
      expect(timeline).toMatch(/Wijzigingen/i);
    }));
});
