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
