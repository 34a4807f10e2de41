import { amsterdamDateOf, CalendarDate } from './calendar-date';

/**
 * Where the desk gets the time. Rules never call `new Date()`; they take a clock, so tests and demos
 * can move time.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar date in Europe/Amsterdam. */
  today(): CalendarDate {
    return amsterdamDateOf(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until moved; for tests and demos. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date): void {
    this.instant = new Date(instant);
  }
}
