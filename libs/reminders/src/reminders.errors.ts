/** No notification with this id for this person (someone else's counts as none). */
export class NotificationNotFound extends Error {
  constructor(id: string) {
    super(`You have no notification ${id}. GET /api/notifications lists yours.`);
    this.name = 'NotificationNotFound';
  }
}

export class ReminderNotFound extends Error {
  constructor(id: string) {
    super(`There is no reminder ${id}. GET /api/reminders/failed lists the failed ones.`);
    this.name = 'ReminderNotFound';
  }
}

/** Only a reminder whose email failed can be tried again. */
export class ReminderNotRetryable extends Error {
  constructor(
    id: string,
    readonly status: string,
  ) {
    super(`Reminder ${id} is ${status}, not failed: only failed reminders can be tried again.`);
    this.name = 'ReminderNotRetryable';
  }
}
