import { DeskError } from '@question-desk/errors';

/** "Run now" while a run is going on (in this process or another). */
export class IntakeAlreadyRunning extends DeskError {
  readonly kind = 'conflict';

  constructor() {
    super('An intake run is in progress already; wait for it to finish (GET /api/intake shows it) and try again if needed.');
  }
}
