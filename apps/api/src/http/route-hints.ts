import type { RouteHint } from '@question-desk/errors';

/** Where an error points the person next, as a route of this API (libraries name only the place). */
export function routeHint(hint: RouteHint): string {
  switch (hint.to) {
    case 'ministries':
      return 'See GET /api/ministries.';
    case 'users':
      return 'See GET /api/users.';
    case 'user-search':
      return 'GET /api/users?q=<name or email> finds them.';
    case 'question-set':
      return `See GET /api/question-sets/${hint.id}.`;
    case 'question-set-by-reference':
      return `Find it with GET /api/question-sets?reference=${hint.reference}.`;
    case 'sign-in':
      return 'Sign in again at POST /api/auth/login.';
    case 'notifications':
      return 'GET /api/notifications lists yours.';
    case 'failed-reminders':
      return 'GET /api/reminders/failed lists the failed ones.';
  }
}

/** A message with its hint, when it has one. */
export function withHint(text: string, hint: RouteHint | undefined): string {
  return hint ? `${text} ${routeHint(hint)}` : text;
}
