import { DeskError } from '@question-desk/errors';

/** No feed has this secret: it was never made, or it was renewed or revoked since. */
export class CalendarFeedNotFound extends DeskError {
  readonly kind = 'not-found';

  constructor() {
    super('There is no deadline calendar at this address (it may have been renewed or revoked). Make a new one in the app under Agenda.');
  }
}
