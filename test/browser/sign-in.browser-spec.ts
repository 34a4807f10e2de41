import { signIn, startBrowserDesk, type BrowserDesk } from './browser-desk';

jest.setTimeout(120_000);

const ACCOUNTS = [
  { email: 'desk@example.org', sections: ['Nieuw: toe te wijzen', 'Uitstelbericht nodig', 'Over de termijn'] },
  { email: 'drafter@example.org', sections: ['Mijn vragensets'] },
  { email: 'drafter.jenv@example.org', sections: ['Mijn vragensets'] },
  { email: 'coordinator@example.org', sections: ['Ter beoordeling', 'Wacht op medeondertekening', 'Over de termijn'] },
  { email: 'admin@example.org', sections: [] },
];

describe('signing in and out in the browser', () => {
  let desk: BrowserDesk;

  beforeAll(async () => {
    desk = await startBrowserDesk();
  });
  afterAll(() => desk?.close());

  it.each(ACCOUNTS)('signs $email in to their werkvoorraad and out again', async ({ email, sections }) => {
    const page = await (await desk.context()).newPage();
    await page.goto('/');
    // Not signed in: the app sends the person to the sign-in page.
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await signIn(page, email);
    expect(new URL(page.url()).pathname).toBe('/');
    for (const title of sections) await page.getByRole('heading', { level: 2, name: title }).waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'qd_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect((await page.context().cookies()).find((c) => c.name === 'qd_session')).toBeUndefined();
    // The session is gone: the werkvoorraad asks to sign in again.
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  });

  it("shows the API's message for a wrong password, and keeps the person on the sign-in page", async () => {
    const page = await (await desk.context()).newPage();
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill('desk@example.org');
    await page.getByLabel('Wachtwoord').fill('not-the-password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email address or password is not right. Check both and try again.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  });

  it('sends a person who follows a link while signed out to sign in, and then to the page the link named', async () => {
    const page = await (await desk.context()).newPage();
    await page.goto('/vragen?status=received');
    await page.waitForURL(/\/inloggen\?naar=/);
    expect(new URL(page.url()).searchParams.get('naar')).toBe('/vragen?status=received');
    await page.getByLabel('E-mailadres').fill('coordinator@example.org');
    await page.getByLabel('Wachtwoord').fill('demo-password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alle vragen' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/vragen?status=received');
  });
});
