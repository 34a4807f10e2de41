import { DeskError } from '@question-desk/errors';

/** No notification with this id for this person (someone else's counts as none). */
export class NotificationNotFound extends DeskError {
  readonly kind = 'not-found';

  constructor(id: string) {
    super(`You have no notification ${id}.`, { see: { to: 'notifications' } });
  }
}

export class ReminderNotFound extends DeskError {
  readonly kind = 'not-found';

  constructor(id: string) {
    super(`There is no reminder ${id}.`, { see: { to: 'failed-reminders' } });
  }
}

/** Only a reminder whose email failed can be tried again. */
export class ReminderNotRetryable extends DeskError {
  readonly kind = 'conflict';

  constructor(
    id: string,
    readonly status: string,
  ) {
    super(`Reminder ${id} is ${status}, not failed: only failed reminders can be tried again.`);
  }
}
