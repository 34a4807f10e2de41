import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { PG_UNIQUE_VIOLATION, postgresErrorCode } from '@question-desk/database';
import * as argon2 from 'argon2';
import type { Repository } from 'typeorm';
import { normaliseEmail } from './account-rules';
import { EmailTaken, InvalidCredentials, InvalidToken } from './accounts.errors';
import { LoginAttempts } from './login-attempts';
import type { Role } from './roles';
import { User } from './user.entity';
import type { Viewer } from './viewer';
import { EndedSessions } from './ended-sessions';
import { sessionKeyOf, ViewerCache } from './viewer-cache';

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  ministryCode: string | null;
}

export interface SignedIn {
  accessToken: string;
  user: Viewer;
}

interface TokenClaims {
  sub: string;
  /** The account's session generation when the token was issued. */
  gen: number;
}

interface AccountRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  session_generation: number;
  ministry_code: string | null;
  ministry_name: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Claims as the desk issues them: an expiry, an account id and a session generation; nothing else is trusted. */
/** The claims of a verified token (`exp`, seconds since 1970, is jsonwebtoken's). */
function isDeskClaims(claims: unknown): claims is TokenClaims & { exp: number } {
  const c = claims as Record<string, unknown>;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.exp === 'number' &&
    typeof c.sub === 'string' &&
    UUID.test(c.sub) &&
    Number.isSafeInteger(c.gen) &&
    (c.gen as number) >= 0
  );
}

// A hash to verify against when the account does not exist, so a wrong email takes as long as a
// wrong password.
const DUMMY_HASH = argon2.hash('not a password of anyone');

/** What a request knows of who asks: from the entity, or from the one-query row of `accountOf`. */
export function viewerOf(user: Pick<User, 'id' | 'email' | 'name' | 'roles'> & { ministry?: { code: string; name: string } | null }): Viewer {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    ministry: user.ministry ? { code: user.ministry.code, name: user.ministry.name } : null,
  };
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: JwtService,
    private readonly attempts: LoginAttempts,
    private readonly endedSessions: EndedSessions,
    private readonly viewers: ViewerCache,
  ) {}

  /** Signs a person in; `address` is where the attempt came from (for counting failures). */
  async login(email: string, password: string, address: string): Promise<SignedIn> {
    const normalised = normaliseEmail(email);
    await this.attempts.assertAllowed(normalised, address);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.ministry', 'ministry')
      .where('user.email = :email', { email: normalised })
      .getOne();
    const valid = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !valid || !user.active) {
      await this.attempts.recordFailure(normalised, address);
      throw new InvalidCredentials();
    }
    await this.attempts.recordSuccess(normalised);
    const claims: TokenClaims = { sub: user.id, gen: user.sessionGeneration };
    // A session id of its own, so that a sign-in right after a sign-out never repeats the ended token.
    return { accessToken: await this.tokens.signAsync(claims, { jwtid: randomUUID() }), user: viewerOf(user) };
  }

  /**
   * The person behind a bearer token; deactivated accounts and tokens from before a password reset
   * or a deactivation stop working at once in this process, and within VIEWER_CACHE_MS in the others.
   */
  async authenticate(token: string): Promise<Viewer> {
    const key = sessionKeyOf(token);
    const known = this.viewers.get(key);
    if (known) return known;
    let claims: unknown;
    try {
      claims = await this.tokens.verifyAsync(token);
    } catch (error) {
      throw new InvalidToken((error as Error).name === 'TokenExpiredError' ? 'Your session has expired.' : 'The access token is not valid.');
    }
    if (!isDeskClaims(claims)) throw new InvalidToken('The access token is not valid.');
    const [ended, account] = await Promise.all([this.endedSessions.isEnded(key), this.accountOf(claims.sub)]);
    if (ended) throw new InvalidToken('This session was ended by signing out.', 'Sign in again.');
    if (!account) throw new InvalidToken('The account of this token no longer exists.');
    if (!account.active) throw new InvalidToken('This account has been deactivated.', 'Ask an administrator of the desk if you need access again.');
    if (claims.gen !== account.sessionGeneration)
      throw new InvalidToken('This session was ended by a change to the account (a new password, or a deactivation).', 'Sign in again.');
    this.viewers.remember(key, account.viewer, claims.exp * 1000);
    return account.viewer;
  }

  /** An account as a request needs it: one query on the primary key, no query builder. */
  private async accountOf(id: string): Promise<{ viewer: Viewer; active: boolean; sessionGeneration: number } | null> {
    const [row] = await this.users.query<AccountRow[]>(
      `SELECT u.id, u.email, u.name, u.roles, u.active, u.session_generation, m.code AS ministry_code, m.name AS ministry_name
         FROM app_user u LEFT JOIN ministry_name m ON m.code = u.ministry_code
        WHERE u.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      viewer: viewerOf({ ...row, ministry: row.ministry_code ? { code: row.ministry_code, name: row.ministry_name! } : null }),
      active: row.active,
      sessionGeneration: row.session_generation,
    };
  }

  /** Ends the session of this token (sign-out); a token that is not valid any more has nothing to end. */
  async signOut(token: string): Promise<void> {
    const key = sessionKeyOf(token);
    this.viewers.forgetSession(key);
    const claims: unknown = await this.tokens.verifyAsync(token).catch(() => null);
    if (isDeskClaims(claims)) await this.endedSessions.end(key, claims.exp * 1000);
  }

  async create(account: NewAccount): Promise<Viewer> {
    const passwordHash = await argon2.hash(account.password);
    try {
      const { id } = await this.users.save(
        this.users.create({
          email: normaliseEmail(account.email),
          name: account.name.trim(),
          passwordHash,
          roles: [...new Set(account.roles)],
          ministryCode: account.ministryCode,
        }),
      );
      return viewerOf(await this.users.findOneByOrFail({ id }));
    } catch (error) {
      if (postgresErrorCode(error) === PG_UNIQUE_VIOLATION) throw new EmailTaken(account.email);
      throw error;
    }
  }

  async exists(email: string): Promise<boolean> {
    return this.users.existsBy({ email: normaliseEmail(email) });
  }

  async existsAny(): Promise<boolean> {
    return this.users.exists();
  }
}
