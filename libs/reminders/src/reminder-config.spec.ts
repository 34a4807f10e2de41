import { ConfigurationError, readConfig } from '@question-desk/config';
import { REMINDER_KINDS } from './reminder-policy';
import { remindersConfig } from './reminders.config';

describe('REMINDER_POLICY', () => {
  it('may name exactly the kinds of the policy table', () => {
    const allOff = JSON.stringify(Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, false])));
    expect(Object.keys(readConfig([remindersConfig], { REMINDER_POLICY: allOff }).reminders.policy)).toEqual([...REMINDER_KINDS]);
    try {
      readConfig([remindersConfig], { REMINDER_POLICY: '{"nudge":false}' });
      throw new Error('expected a configuration error');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).problems).toEqual([
        expect.stringContaining(`use ${REMINDER_KINDS.slice(0, -1).join(', ')} or ${REMINDER_KINDS.at(-1)} (got`),
      ]);
    }
  });
});

describe('MAIL_FROM and MAIL_FROM_NAME', () => {
  const mail = (env: Record<string, string>) => readConfig([remindersConfig], { PUBLIC_URL: 'https://vragen.example.org', ...env }).mail;

  it('send as "Vragendesk" from vragendesk@ the host of PUBLIC_URL by default', () => {
    expect(mail({})).toMatchObject({
      from: 'Vragendesk <vragendesk@vragen.example.org>',
      fromName: 'Vragendesk',
      fromAddress: 'vragendesk@vragen.example.org',
    });
  });

  it('take the display name from MAIL_FROM_NAME, over a name in MAIL_FROM', () => {
    expect(mail({ MAIL_FROM_NAME: 'Vragendesk BZ', MAIL_FROM: 'kamervragen@bz.example' })).toMatchObject({
      from: 'Vragendesk BZ <kamervragen@bz.example>',
      fromName: 'Vragendesk BZ',
    });
    expect(mail({ MAIL_FROM: 'Kamervragen BZ <kamervragen@bz.example>' })).toMatchObject({ fromName: 'Kamervragen BZ', fromAddress: 'kamervragen@bz.example' });
    expect(mail({ MAIL_FROM_NAME: 'Vragendesk', MAIL_FROM: 'Kamervragen BZ <kamervragen@bz.example>' }).fromName).toBe('Vragendesk');
    expect(mail({ MAIL_FROM_NAME: 'Vragen, BZ' }).from).toBe('"Vragen, BZ" <vragendesk@vragen.example.org>');
  });

  it('refuse a display name with angle brackets or quotes, saying how to write one', () => {
    expect(() => mail({ MAIL_FROM_NAME: 'Desk <x@y>' })).toThrow(/MAIL_FROM_NAME must be a name such as Vragendesk, without <, > or "/);
  });
});
