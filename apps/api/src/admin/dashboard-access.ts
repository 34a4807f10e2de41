import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountsService, hasRole, InvalidCredentials, InvalidToken, TooManyLoginAttempts, type Viewer } from '@question-desk/accounts';
import type { NextFunction, Request, Response } from 'express';

const REALM = 'Basic realm="Question Desk queue dashboard", charset="UTF-8"';
/** How long a checked email and password are remembered, so every request of the page does not hash a password. */
const REMEMBER_MS = 60_000;

/**
 * Who may open the queue dashboard: admins only. A browser page cannot send a bearer token, so it
 * also accepts HTTP Basic with an admin's email and password (checked by AccountsService, with
 * the same limit on failed sign-ins). Answers 401 with WWW-Authenticate: Basic, 403 for non-admins.
 */
@Injectable()
export class DashboardAccess {
  private readonly remembered = new Map<string, { token: string; until: number }>();

  constructor(private readonly accounts: AccountsService) {}

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.viewerOf(req).then(
      (viewer) => {
        if (hasRole(viewer, 'admin')) return next();
        deny(res, 403, `Only admins may open the queue dashboard; you are signed in as ${viewer.roles.join(', ')}.`);
      },
      (error: unknown) => {
        if (error instanceof TooManyLoginAttempts) {
          res.setHeader('Retry-After', String(error.retryAfterSeconds));
          return deny(res, 429, error.message);
        }
        if (error instanceof InvalidCredentials || error instanceof InvalidToken || error instanceof NoCredentials) {
          res.setHeader('WWW-Authenticate', REALM);
          return deny(res, 401, error.message);
        }
        next(error);
      },
    );
  };

  private async viewerOf(req: Request): Promise<Viewer> {
    const [scheme, value] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && value) return this.accounts.authenticate(value);
    if (scheme?.toLowerCase() === 'basic' && value) return this.accounts.authenticate(await this.tokenForBasic(value, req.ip ?? 'unknown'));
    throw new NoCredentials();
  }

  private async tokenForBasic(encoded: string, address: string): Promise<string> {
    const key = createHash('sha256').update(encoded).digest('hex');
    const now = Date.now();
    const known = this.remembered.get(key);
    if (known && known.until > now) return known.token;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new NoCredentials();
    const { accessToken } = await this.accounts.login(decoded.slice(0, colon), decoded.slice(colon + 1), address);
    for (const [k, v] of this.remembered) if (v.until <= now) this.remembered.delete(k);
    this.remembered.set(key, { token: accessToken, until: now + REMEMBER_MS });
    return accessToken;
  }
}

class NoCredentials extends Error {
  constructor() {
    super('Sign in with the email and password of an admin account (HTTP Basic), or send "Authorization: Bearer <accessToken>".');
  }
}

const REASON: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 429: 'Too Many Requests', 503: 'Service Unavailable' };

/** Answers the dashboard's request with the API's error shape. */
export function deny(res: Response, status: number, message: string): void {
  res.status(status).json({ statusCode: status, error: REASON[status], message });
}
