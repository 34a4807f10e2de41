/**
 * The README's screenshots, taken with Playwright on the demo data:
 *
 *   npm run docs:screenshots      (writes docs/screenshots/*.png)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { aBzOnlyDocument, startBrowserDesk } from './browser-desk';
import { ensureWebBuild } from './web-build';

const FOLDER = join(__dirname, '..', '..', 'docs', 'screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .getByText('Bezig met laden…')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.screenshot({ path: join(FOLDER, `${name}.png`), fullPage: false });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  await ensureWebBuild();
  await mkdir(FOLDER, { recursive: true });
  const desk = await startBrowserDesk();
  try {
    const deskApi = await desk.api('desk@example.org');
    const drafterApi = await desk.api('drafter@example.org');
    const drafterId = (await drafterApi.call('GET', '/api/auth/me')).id;
    // One set in drafting, with answers, so the concept-antwoord page has something to show.
    let set = (await deskApi.call('POST', '/api/question-sets/import', aBzOnlyDocument('2026Z20004'))).questionSet;
    set = await deskApi.call('POST', `/api/question-sets/${set.id}/assignment`, {
      version: set.version,
      leadMinistry: 'BZ',
      coSigningMinistries: ['JenV'],
      assigneeId: drafterId,
    });
    set = await drafterApi.call('POST', `/api/question-sets/${set.id}/assignment/accept`, { version: set.version });
    await drafterApi.call('PUT', `/api/question-sets/${set.id}/answers`, {
      version: set.version,
      answers: [
        { questionNumbers: [1], text: 'Ja.' },
        { questionNumbers: [2], text: 'De ambassade in Rabat zet sinds oktober extra medewerkers in; de wachttijd is teruggebracht tot vier weken.' },
      ],
    });

    const deskPage = await desk.signedIn('desk@example.org');
    await shoot(deskPage, 'werkvoorraad-desk');
    await deskPage.goto(`/vragensets/${(await deskApi.set('2019Z15244')).id}`);
    await deskPage.getByRole('heading', { level: 2, name: 'Acties' }).waitFor();
    await shoot(deskPage, 'vragenset');

    const coordinator = await desk.signedIn('coordinator@example.org');
    await shoot(coordinator, 'werkvoorraad-coordinator');

    const drafter = await desk.signedIn('drafter@example.org');
    await drafter.goto(`/vragensets/${set.id}/concept`);
    await drafter.getByRole('heading', { level: 1, name: 'Concept-antwoord' }).waitFor();
    await shoot(drafter, 'concept-antwoord');

    const phone = await desk.signedIn('desk@example.org', 'phone');
    await shoot(phone, 'werkvoorraad-390px');
  } finally {
    await desk.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
