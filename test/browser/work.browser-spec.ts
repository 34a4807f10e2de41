import { aBzOnlyDocument, startBrowserDesk, withScreenshotsOnFailure, type BrowserDesk } from './browser-desk';

jest.setTimeout(120_000);

describe('a day of work in the browser', () => {
  let desk: BrowserDesk;

  beforeAll(async () => {
    desk = await startBrowserDesk();
  });
  afterAll(() => desk?.close());

  it("keeps the drafter's text when someone else saved the draft meanwhile (409), shows theirs beside it, and saves on the new version", () =>
    withScreenshotsOnFailure(desk, 'conflict', async () => {
      const deskApi = await desk.api('desk@example.org');
      const drafterApi = await desk.api('drafter@example.org');
      const drafterId = (await drafterApi.call('GET', '/api/auth/me')).id;
      let set = await deskApi.set('2019Z15244');
      set = await deskApi.call('POST', `/api/question-sets/${set.id}/assignment`, { version: set.version, leadMinistry: 'BZ', assigneeId: drafterId });
      set = await drafterApi.call('POST', `/api/question-sets/${set.id}/assignment/accept`, { version: set.version });

      const page = await desk.signedIn('drafter@example.org');
      await page.goto(`/vragensets/${set.id}/concept`);
      const mine = page.getByLabel('Antwoord op vraag 1', { exact: true });
      await mine.fill('Mijn eigen tekst, nog niet opgeslagen.');

      // Meanwhile a colleague (the same drafter in another window, say) saves another text.
      await drafterApi.call('PUT', `/api/question-sets/${set.id}/answers`, {
        version: set.version,
        answers: [{ questionNumbers: [1], text: 'De tekst van de ander.' }],
      });

      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Iemand anders heeft het concept intussen opgeslagen' }).waitFor();
      expect(await mine.inputValue()).toBe('Mijn eigen tekst, nog niet opgeslagen.');
      await page.getByText('De tekst van de ander.').first().waitFor();

      await mine.fill('Mijn eigen tekst, samengevoegd met die van de ander.');
      await page.getByRole('button', { name: 'Opslaan op de nieuwe versie' }).click();
      await page.getByRole('status').filter({ hasText: 'Concept opgeslagen' }).waitFor();
      const saved = await drafterApi.call('GET', `/api/question-sets/${set.id}`);
      expect(saved.answers).toEqual([expect.objectContaining({ questionNumbers: [1], text: 'Mijn eigen tekst, samengevoegd met die van de ander.' })]);
    }));

  it('imports a sample file chosen on the Importeren page, and says so when the same text is pasted again', () =>
    withScreenshotsOnFailure(desk, 'import', async () => {
      const document = aBzOnlyDocument('2026Z20001');
      const page = await desk.signedIn('desk@example.org');
      await page.getByRole('link', { name: 'Importeren' }).click();
      await page.getByRole('heading', { level: 1, name: 'Importeren' }).waitFor();
      await page
        .getByLabel('Bestand (Word, PDF, .txt of .md)')
        .setInputFiles({ name: 'kamervragen.md', mimeType: 'text/markdown', buffer: Buffer.from(document) });
      await page.getByRole('button', { name: 'Importeren', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Nieuwe vragenset' }).waitFor();
      await page.getByRole('link', { name: 'Naar de vragenset' }).click();
      await page.getByRole('heading', { level: 1, name: 'de visumverlening in Marokko' }).waitFor();

      await page.goto('/importeren');
      await page.getByLabel('Of plak de tekst').fill(document);
      await page.getByRole('button', { name: 'Importeren', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Dit document was al geïmporteerd' }).waitFor();
    }));

  it('never shows a BZ-only set to a drafter of JenV: not in the list, not by its link', () =>
    withScreenshotsOnFailure(desk, 'visibility', async () => {
      const deskApi = await desk.api('desk@example.org');
      const reference = '2026Z20002';
      const imported = await deskApi.call('POST', '/api/question-sets/import', aBzOnlyDocument(reference));
      expect(imported.created).toBe(true);
      const set = await deskApi.set(reference);
      expect(set).toMatchObject({ leadMinistry: { code: 'BZ' }, coSigningMinistries: [] });

      // The BZ drafter sees it …
      const bz = await desk.signedIn('drafter@example.org');
      await bz.goto(`/vragen?q=${encodeURIComponent('visumverlening')}`);
      await bz.getByRole('link', { name: reference }).waitFor();
      // Its row says how many questions it holds.
      const row = bz.getByRole('row').filter({ has: bz.getByRole('link', { name: reference }) });
      await row.getByText(set.questionCount === 1 ? '1 vraag' : `${set.questionCount} vragen`).waitFor();

      // … the JenV drafter does not: not in the list, not in the werkvoorraad, not by its address.
      const jenv = await desk.signedIn('drafter.jenv@example.org');
      expect(await jenv.getByText(reference).count()).toBe(0);
      await jenv.goto(`/vragen?q=${encodeURIComponent('visumverlening')}`);
      await jenv.getByRole('heading', { level: 1, name: 'Alle vragen' }).waitFor();
      await jenv.getByText('Geen vragensets die aan dit filter voldoen').waitFor();
      expect(await jenv.getByText(reference).count()).toBe(0);
      await jenv.goto(`/vragensets/${set.id}`);
      await jenv.getByRole('alert').first().waitFor();
      expect(await jenv.getByText('de visumverlening in Marokko').count()).toBe(0);
    }));
});
