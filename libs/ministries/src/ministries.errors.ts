import { DeskError } from '@question-desk/errors';

export class MinistryNotFound extends DeskError {
  readonly kind = 'not-found';

  constructor(code: string) {
    super(`There is no ministry "${code}" (codes are case-sensitive).`, { see: { to: 'ministries' } });
  }
}

export class MinistryPostNotFound extends DeskError {
  readonly kind = 'not-found';

  constructor(code: string, id: string) {
    super(`Ministry ${code} has no post ${id}. GET /api/ministries/${code} lists its posts.`);
  }
}

/** A code or name that another ministry already has, or a post that is already recorded. */
export class MinistryTaken extends DeskError {
  readonly kind = 'conflict';
}
