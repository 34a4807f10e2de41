import { REMINDER_KINDS_CONFIGURABLE } from '@question-desk/config';
import { REMINDER_KINDS } from './reminder-policy';

describe('REMINDER_POLICY', () => {
  it('may name exactly the kinds of the policy table', () => {
    expect([...REMINDER_KINDS_CONFIGURABLE].sort()).toEqual([...REMINDER_KINDS].sort());
  });
});
