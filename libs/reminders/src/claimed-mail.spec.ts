import type { Logger } from '@nestjs/common';
import { sendClaimed, type ClaimedMail } from './claimed-mail';
import { MailFailure, PermanentMailFailure, type Mailer } from './mailer';

describe('sending claimed mail', () => {
  const mail = { to: { name: 'Ana', address: 'ana@example.org' }, subject: 'S', text: 'T', html: 'H', messageId: '<reminder-1@desk.example.org>' };
  const logger = () => ({ error: jest.fn(), warn: jest.fn() });
  const claim = (overrides: Partial<ClaimedMail> = {}) => {
    const settled: (string | null)[] = [];
    const released: [string, boolean][] = [];
    const claimed: ClaimedMail = {
      mail,
      what: 'Email for reminder 1 to user u',
      markSent: (detail) => Promise.resolve(void settled.push(detail)),
      release: (error, permanent) => Promise.resolve(void released.push([error, permanent])).then(() => (permanent ? 'Giving up.' : null)),
      ...overrides,
    };
    return { claimed, settled, released };
  };
  const mailer = (send: () => Promise<void>, channel = 'smtp') => ({ sendsEmail: channel !== 'off', channel, send: jest.fn(send) }) as unknown as Mailer;

  it('marks the entries sent only after the mail server took the email', async () => {
    const { claimed, settled, released } = claim();
    expect(
      await sendClaimed(
        mailer(() => Promise.resolve()),
        logger() as unknown as Logger,
        claimed,
        { attempt: 1, of: 3 },
      ),
    ).toBe(true);
    expect(settled).toEqual([null]);
    expect(released).toEqual([]);
  });

  it('settles in the app only, sending nothing, when email is off for the desk or for the person', async () => {
    const off = claim();
    const send = () => Promise.reject(new Error('not to be called'));
    expect(await sendClaimed(mailer(send, 'off'), logger() as unknown as Logger, off.claimed, { attempt: 1, of: 1 })).toBe(false);
    expect(off.settled).toEqual(['in the app only: email is off']);
    const theirs = claim({ emailOff: true });
    expect(await sendClaimed(mailer(send), logger() as unknown as Logger, theirs.claimed, { attempt: 1, of: 1 })).toBe(false);
    expect(theirs.settled).toEqual(['in the app only: email is off in their settings']);
  });

  it('releases the claim on a refusal, logs what to check, and throws for the retry; a permanent refusal gives up', async () => {
    const passing = claim();
    const log = logger();
    await expect(
      sendClaimed(
        mailer(() => Promise.reject(new MailFailure('no server'))),
        log as unknown as Logger,
        passing.claimed,
        { attempt: 1, of: 3 },
      ),
    ).rejects.toThrow('no server');
    expect(passing.released).toEqual([['no server', false]]);
    expect(passing.settled).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith('Email for reminder 1 to user u failed on attempt 1 of 3: no server Trying again later.');

    const refused = claim();
    await expect(
      sendClaimed(
        mailer(() => Promise.reject(new PermanentMailFailure('unknown user'))),
        log as unknown as Logger,
        refused.claimed,
        { attempt: 1, of: 3 },
      ),
    ).rejects.toThrow();
    expect(refused.released).toEqual([['unknown user', true]]);
    expect(log.error).toHaveBeenCalledWith('Email for reminder 1 to user u failed on attempt 1 of 3: unknown user Giving up.');
  });
});
