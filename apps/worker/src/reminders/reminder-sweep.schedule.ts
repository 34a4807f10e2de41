import { REMINDERS_QUEUE, sweepSchedule } from '@question-desk/reminders';
import { KeptScheduleOf } from '../jobs/kept-schedule';

/**
 * Keeps one sweep scheduler in Redis, however many workers start; the first sweep runs at once.
 * When Redis comes back empty (restarted without persistence), the worker puts the scheduler back,
 * and the sweep offers the pending reminders to the queue again.
 */
export class ReminderSweepSchedule extends KeptScheduleOf(REMINDERS_QUEUE, 'Reminder sweep', (config) => sweepSchedule(config.values.reminders)) {}
