import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditTrail, type Actor } from '@question-desk/audit';
import { PG_UNIQUE_VIOLATION, postgresErrorCode } from '@question-desk/database';
import { Ministry } from '@question-desk/ministries';
import * as argon2 from 'argon2';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { accountProblems, isActiveAdmin, lockoutProblems, normaliseEmail, passwordProblems } from './account-rules';
import { StaleVersion } from '@question-desk/errors';
import type { NewAccount } from './accounts.service';
import { AccountRuleViolation, EmailTaken, UserNotFound } from './accounts.errors';
import { LoginAttempts } from './login-attempts';
import { ROLES, type Role } from './roles';
import { User } from './user.entity';
import { toUserView, type UserView } from './user.view';
import { ViewerCache } from './viewer-cache';

/** The `ministry` filter value for accounts without a ministry (who see every ministry's sets). */
export const NO_MINISTRY = 'none';

export interface UserFilter {
  role?: Role;
  /** A ministry code, or NO_MINISTRY. */
  ministry?: string;
  active?: boolean;
  /** Part of the name or the email address. */
  q?: string;
  page: number;
  pageSize: number;
}

export interface UserPage {
  items: UserView[];
  total: number;
  page: number;
  pageSize: number;
}

/** An account to create: one shape, `NewAccount` (accounts.service.ts); kept under this name for callers. */
export type NewUser = NewAccount;

/** What an administrator changes on an account; absent fields stay as they are. */
export interface UserChange {
  /** The version the administrator loaded. */
  version: number;
  name?: string;
  roles?: Role[];
  ministryCode?: string | null;
  active?: boolean;
  /** A new password, set by the administrator. */
  password?: string;
}

/** A drafter as the assign form lists them. */
export interface DrafterView {
  id: string;
  name: string;
  email: string;
}

export interface UserEventView {
  at: string;
  actor: string;
  type: string;
  details: Record<string, unknown>;
}

/** The fields of an account the trail records; never the password or anything derived from it. */
interface Snapshot {
  email: string;
  name: string;
  roles: Role[];
  ministry: string | null;
  active: boolean;
}

const snapshot = (user: User): Snapshot => ({
  email: user.email,
  name: user.name,
  roles: user.roles,
  ministry: user.ministryCode,
  active: user.active,
});

/** Roles in the desk's order, each once, so ['admin', 'desk'] and ['desk', 'admin', 'desk'] are one set. */
const normaliseRoles = (roles: readonly Role[]): Role[] => ROLES.filter((role) => roles.includes(role));

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** The use cases of an administrator managing accounts. Each write is one transaction with its audit event. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly attempts: LoginAttempts,
    private readonly viewers: ViewerCache,
  ) {}

  /** Accounts by name (then email), filtered and paged. */
  async list(filter: UserFilter): Promise<UserPage> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('account').leftJoinAndSelect('account.ministry', 'ministry');
    if (filter.role) qb.andWhere(':role = ANY(account.roles)', { role: filter.role });
    if (filter.ministry === NO_MINISTRY) qb.andWhere('account.ministryCode IS NULL');
    else if (filter.ministry) qb.andWhere('account.ministryCode = :ministry', { ministry: filter.ministry });
    if (filter.active !== undefined) qb.andWhere('account.active = :active', { active: filter.active });
    const q = filter.q?.trim();
    if (q) {
      qb.andWhere(new Brackets((either) => either.where('account.name ILIKE :pattern').orWhere('account.email ILIKE :pattern')), {
        pattern: `%${escapeLike(q)}%`,
      });
    }
    const [users, total] = await qb
      .orderBy('lower(account.name)', 'ASC')
      .addOrderBy('account.email', 'ASC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .getManyAndCount();
    return { items: users.map(toUserView), total, page: filter.page, pageSize: filter.pageSize };
  }

  /** The active drafters of a ministry, by name: whom the desk can assign its sets to. */
  async drafters(ministryCode: string): Promise<DrafterView[]> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('account')
      .select(['account.id', 'account.name', 'account.email'])
      .where(':drafter = ANY(account.roles)', { drafter: 'drafter' satisfies Role })
      .andWhere('account.ministryCode = :ministryCode', { ministryCode })
      .andWhere('account.active')
      .orderBy('lower(account.name)', 'ASC')
      .addOrderBy('account.email', 'ASC')
      .getMany()
      .then((users) => users.map(({ id, name, email }) => ({ id, name, email })));
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserView> {
    const user = await manager.findOneBy(User, { id });
    if (!user) throw new UserNotFound(id);
    return toUserView(user);
  }

  /** The changes to an account, oldest first. */
  async events(id: string): Promise<UserEventView[]> {
    await this.get(id);
    const events = await this.audit.forAccount(id);
    return events.map((e) => ({ at: e.at.toISOString(), actor: e.actorName, type: e.type, details: e.details }));
  }

  async create(input: NewUser, actor: Actor): Promise<UserView> {
    const email = normaliseEmail(input.email);
    const account = { name: input.name.trim(), roles: normaliseRoles(input.roles), ministryCode: input.ministryCode };
    const problems = [
      ...passwordProblems(input.password),
      ...accountProblems(account),
      ...(await this.ministryProblems(this.dataSource.manager, account.ministryCode)),
    ];
    if (problems.length) throw new AccountRuleViolation(problems);
    const passwordHash = await argon2.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { identifiers } = await manager.insert(User, { email, passwordHash, active: true, ...account });
        const user = await manager.findOneByOrFail(User, { id: identifiers[0].id as string });
        await this.audit.record(manager, {
          questionSetId: null,
          actor,
          type: 'user-created',
          details: { userId: user.id, email, after: snapshot(user) },
        });
        return toUserView(user);
      });
    } catch (error) {
      if (postgresErrorCode(error) === PG_UNIQUE_VIOLATION) throw new EmailTaken(email);
      throw error;
    }
  }

  /**
   * Changes an account the administrator loaded at `change.version`. A change that alters nothing
   * writes nothing. A new password also ends the account's sessions and lifts any sign-in block on it;
   * a deactivation ends its sessions for good (a reactivated account signs in afresh).
   */
  async update(id: string, change: UserChange, actor: Actor): Promise<UserView> {
    const passwordHash = await this.hashOf(change.password);
    const outcome = await this.dataSource.transaction(async (manager) => {
      // One account change at a time, so two administrators cannot each remove the other and leave
      // the desk without one. Sign-ins and requests only read, and go on meanwhile.
      await manager.query('LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE');
      const user = await manager.findOne(User, { where: { id }, loadEagerRelations: false });
      if (!user) throw new UserNotFound(id);
      if (user.version !== change.version) throw new StaleVersion(user.version, change.version, 'account');

      const before = snapshot(user);
      const after: Snapshot = {
        ...before,
        ...(change.name !== undefined && { name: change.name.trim() }),
        ...(change.roles !== undefined && { roles: normaliseRoles(change.roles) }),
        ...(change.ministryCode !== undefined && { ministry: change.ministryCode }),
        ...(change.active !== undefined && { active: change.active }),
      };
      const changed = (Object.keys(after) as (keyof Snapshot)[]).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
      if (changed.length === 0 && !passwordHash) return { user: await this.get(id, manager), passwordReset: false };

      const problems: string[] = [];
      if (changed.includes('roles') || changed.includes('ministry')) {
        problems.push(...accountProblems({ roles: after.roles, ministryCode: after.ministry }));
      }
      if (changed.includes('ministry')) problems.push(...(await this.ministryProblems(manager, after.ministry)));
      const losesAdmin = isActiveAdmin(before) && !isActiveAdmin(after);
      problems.push(...lockoutProblems(actor.id ?? '', { id, ...before }, { id, ...after }, losesAdmin ? await this.otherActiveAdmins(manager, id) : 0));
      if (problems.length) throw new AccountRuleViolation(problems);

      await manager.update(User, id, {
        name: after.name,
        roles: after.roles,
        ministryCode: after.ministry,
        active: after.active,
        ...(passwordHash && { passwordHash }),
        // A new password or a deactivation ends the account's sessions: a token from before stays
        // dead after a reactivation.
        ...((passwordHash || (changed.includes('active') && !after.active)) && { sessionGeneration: () => 'session_generation + 1' }),
      });
      const pick = (from: Snapshot) => Object.fromEntries(changed.map((field) => [field, from[field]]));
      await this.audit.record(manager, {
        questionSetId: null,
        actor,
        type: 'user-updated',
        details: { userId: id, email: user.email, before: pick(before), after: pick(after), ...(passwordHash && { passwordReset: true }) },
      });
      return { user: await this.get(id, manager), passwordReset: Boolean(passwordHash) };
    });
    // Roles, ministry, name or sessions may have changed: this process's requests see it at once.
    this.viewers.forgetAccount(id);
    if (outcome.passwordReset) await this.attempts.forgetAccount(outcome.user.email);
    return outcome.user;
  }

  private async hashOf(password: string | undefined): Promise<string | undefined> {
    if (password === undefined) return undefined;
    const problems = passwordProblems(password);
    if (problems.length) throw new AccountRuleViolation(problems);
    return argon2.hash(password);
  }

  private async ministryProblems(manager: EntityManager, code: string | null): Promise<string[]> {
    if (code === null || (await manager.existsBy(Ministry, { code }))) return [];
    const known = (await manager.find(Ministry, { order: { code: 'ASC' } })).map((m) => m.code);
    return [`There is no ministry with code "${code}". Use one of ${known.join(', ')} (codes are case-sensitive).`];
  }

  private async otherActiveAdmins(manager: EntityManager, id: string): Promise<number> {
    return manager
      .getRepository(User)
      .createQueryBuilder('account')
      .where('account.active')
      .andWhere(':admin = ANY(account.roles)', { admin: 'admin' satisfies Role })
      .andWhere('account.id <> :id', { id })
      .getCount();
  }
}
