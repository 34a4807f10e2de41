import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PG_UNIQUE_VIOLATION, postgresConstraint, postgresErrorCode, preparedQuery } from '@question-desk/database';
import { addDays, Clock, type CalendarDate } from '@question-desk/deadlines';
import { RuleViolation, StaleVersion, type Problem } from '@question-desk/errors';
import type { QueryResultRow } from 'pg';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { isValidOn, ministryForPost, type MinistryDirectory } from './ministries';
import { MinistryNotFound, MinistryPostNotFound, MinistryTaken } from './ministries.errors';
import { MinistryPost } from './ministry-post.entity';
import { Ministry } from './ministry.entity';
import { OfficeHolder } from './office-holder.entity';

export interface NewMinistry {
  code: string;
  name: string;
  validFrom?: CalendarDate | null;
}

export interface MinistryChange {
  version: number;
  name?: string;
  /** The last day; null reopens a ministry that was ended by mistake. */
  validUntil?: CalendarDate | null;
}

export interface NewPost {
  title: string;
  validFrom?: CalendarDate | null;
  validUntil?: CalendarDate | null;
}

export interface PostChange {
  version: number;
  title?: string;
  /** Move the post to another ministry. */
  ministry?: string;
  validFrom?: CalendarDate | null;
  validUntil?: CalendarDate | null;
}

export interface MinistryWithPosts {
  ministry: Ministry;
  posts: MinistryPost[];
}

/** How long `recentDirectory` serves a directory read before: edits made in this process end it at once. */
export const DIRECTORY_CACHE_MS = 60_000;

/** The SQL of this file that is not built by TypeORM (test/sql-boundary.e2e-spec.ts prepares each). */
export const MINISTRY_SQL = {
  list: `SELECT code, name, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", version
           FROM ministry ORDER BY code`,
} as const;

const byDate = (a: MinistryPost, b: MinistryPost) => a.title.localeCompare(b.title, 'nl') || (a.validFrom ?? '').localeCompare(b.validFrom ?? '');

/**
 * The ministries and the posts of their office holders, as administrators keep them. Nothing is
 * deleted: a ministry or a post ends on a day and keeps its history; sets keep their ministries.
 */
@Injectable()
export class MinistriesService {
  private recent: { readAt: number; directory: Promise<MinistryDirectory> } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The ministries valid today, or all of them (ended and future ones too). */
  async list(options: { all?: boolean } = {}): Promise<Ministry[]> {
    // Every screen reads it: one prepared statement, not TypeORM's find (libs/database/src/prepared.ts says why).
    const ministries = await preparedQuery<Ministry & QueryResultRow>(this.dataSource.manager, MINISTRY_SQL.list, []);
    const today = this.clock.today();
    return options.all ? ministries : ministries.filter((m) => isValidOn(m, today));
  }

  async get(code: string): Promise<MinistryWithPosts> {
    const ministry = await this.dataSource.getRepository(Ministry).findOneBy({ code });
    if (!ministry) throw new MinistryNotFound(code);
    const posts = await this.dataSource.getRepository(MinistryPost).findBy({ ministryCode: code });
    return { ministry, posts: posts.sort(byDate) };
  }

  /** Everything the proposal of ministries needs, in one read. */
  async directory(manager: EntityManager = this.dataSource.manager): Promise<MinistryDirectory> {
    const [ministries, posts] = await Promise.all([manager.find(Ministry), manager.find(MinistryPost)]);
    return { ministries, posts };
  }

  /**
   * The directory as read at most a minute ago (DIRECTORY_CACHE_MS), for reads that come often and
   * only show it (the answer document). An edit in this process reads it anew at once; one made by
   * another process shows within the minute.
   */
  recentDirectory(): Promise<MinistryDirectory> {
    const now = performance.now();
    if (!this.recent || now - this.recent.readAt > DIRECTORY_CACHE_MS) {
      const directory = this.directory();
      const recent = { readAt: now, directory };
      this.recent = recent;
      // A failed read is not kept: the next call tries again.
      directory.catch(() => {
        if (this.recent === recent) this.recent = null;
      });
    }
    return this.recent.directory;
  }

  /** A directory read once, at the first call: for a run that handles many cases (the intake) and sees edits from its next run on. */
  directoryOnce(): () => Promise<MinistryDirectory> {
    let directory: Promise<MinistryDirectory> | null = null;
    return () => (directory ??= this.directory());
  }

  async create(input: NewMinistry): Promise<MinistryWithPosts> {
    return this.edit(async (manager) => {
      const name = input.name.trim();
      const clash = await manager.findOne(Ministry, { where: [{ code: input.code }, { name }] });
      if (clash) throw this.taken(clash, input.code, name);
      try {
        await manager.insert(Ministry, { code: input.code, name, validFrom: input.validFrom ?? this.clock.today(), validUntil: null });
      } catch (error) {
        if (postgresErrorCode(error) === PG_UNIQUE_VIOLATION)
          throw new MinistryTaken(`A ministry with code "${input.code}" or name "${name}" was just created by someone else.`);
        throw error;
      }
      return { ministry: await manager.findOneByOrFail(Ministry, { code: input.code }), posts: [] };
    });
  }

  /**
   * Renames or ends a ministry. A rename keeps the old name as a post that ended yesterday, so
   * documents of before still point to it; ending it ends its posts on the same day.
   */
  async update(code: string, change: MinistryChange): Promise<MinistryWithPosts> {
    await this.edit(async (manager) => {
      const ministry = await manager.findOne(Ministry, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!ministry) throw new MinistryNotFound(code);
      if (ministry.version !== change.version) throw new StaleVersion(ministry.version, change.version, 'ministry');
      const today = this.clock.today();
      const problems: Problem[] = [];
      const name = change.name?.trim();
      if (name !== undefined && name !== ministry.name) {
        const clash = await manager.findOneBy(Ministry, { name });
        if (clash) throw this.taken(clash, code, name);
        const yesterday = addDays(today, -1);
        if (ministry.validFrom && ministry.validFrom > yesterday) {
          // Renamed on its first day: the old name never held, so it leaves no post behind.
        } else {
          await manager.insert(MinistryPost, {
            title: `Minister van ${ministry.name}`,
            ministryCode: code,
            validFrom: ministry.validFrom,
            validUntil: yesterday,
          });
        }
        ministry.name = name;
      }
      if (change.validUntil !== undefined) {
        const until = change.validUntil;
        if (until !== null && ministry.validFrom !== null && until < ministry.validFrom) {
          problems.push(`validUntil ${until} is before the ministry began (${ministry.validFrom}); the last day cannot come before the first.`);
        } else if (until !== null) {
          await manager
            .createQueryBuilder()
            .update(MinistryPost)
            .set({ validUntil: until, version: () => 'version + 1' })
            .where('ministry_code = :code AND (valid_until IS NULL OR valid_until > :until) AND (valid_from IS NULL OR valid_from <= :until)', { code, until })
            .execute();
        }
        ministry.validUntil = until;
      }
      if (problems.length) throw new RuleViolation(problems);
      await manager.save(ministry);
    });
    return this.get(code);
  }

  async addPost(code: string, input: NewPost): Promise<MinistryPost> {
    return this.edit(async (manager) => {
      const ministry = await manager.findOneBy(Ministry, { code });
      if (!ministry) throw new MinistryNotFound(code);
      const post = { title: input.title.trim(), ministryCode: code, validFrom: input.validFrom ?? null, validUntil: input.validUntil ?? null };
      const problems = this.postProblems(post, ministry);
      if (problems.length) throw new RuleViolation(problems);
      try {
        const { identifiers } = await manager.insert(MinistryPost, post);
        return manager.findOneByOrFail(MinistryPost, { id: (identifiers[0] as { id: string }).id });
      } catch (error) {
        if (postgresErrorCode(error) === PG_UNIQUE_VIOLATION && postgresConstraint(error) === 'ministry_post_title_from') {
          throw new MinistryTaken(`The post "${post.title}" from ${post.validFrom ?? 'the start'} is already recorded; change that one (PATCH) instead.`);
        }
        throw error;
      }
    });
  }

  async updatePost(code: string, id: string, change: PostChange): Promise<MinistryPost> {
    return this.edit(async (manager) => {
      const post = await manager.findOne(MinistryPost, { where: { id, ministryCode: code }, lock: { mode: 'pessimistic_write' } });
      if (!post) throw new MinistryPostNotFound(code, id);
      if (post.version !== change.version) throw new StaleVersion(post.version, change.version, 'post');
      if (change.title !== undefined) post.title = change.title.trim();
      if (change.validFrom !== undefined) post.validFrom = change.validFrom;
      if (change.validUntil !== undefined) post.validUntil = change.validUntil;
      if (change.ministry !== undefined) post.ministryCode = change.ministry;
      const ministry = await manager.findOneBy(Ministry, { code: post.ministryCode });
      if (!ministry)
        throw new RuleViolation([{ text: `There is no ministry with code "${post.ministryCode}" to move the post to.`, see: { to: 'ministries' } }]);
      const problems = this.postProblems(post, ministry);
      if (problems.length) throw new RuleViolation(problems);
      try {
        return await manager.save(post);
      } catch (error) {
        if (postgresErrorCode(error) === PG_UNIQUE_VIOLATION)
          throw new MinistryTaken(`The post "${post.title}" from ${post.validFrom ?? 'the start'} is already recorded.`);
        throw error;
      }
    });
  }

  /**
   * Why these ministries cannot take a set on a day: unknown codes, and ministries not valid then.
   * `on` may hold several days (the submission date, today): valid on any one of them is enough.
   */
  async assignmentProblems(manager: EntityManager, codes: readonly (string | null)[], on: readonly CalendarDate[]): Promise<Problem[]> {
    const wanted = [...new Set(codes.filter((code): code is string => code !== null))];
    if (wanted.length === 0) return [];
    const found = await manager.find(Ministry, { where: wanted.map((code) => ({ code })) });
    const problems: Problem[] = [];
    for (const code of wanted) {
      const ministry = found.find((m) => m.code === code);
      if (!ministry) problems.push({ text: `There is no ministry with code "${code}".`, see: { to: 'ministries' } });
      else if (!on.some((day) => isValidOn(ministry, day))) {
        const when =
          ministry.validUntil && on.every((day) => day > ministry.validUntil!) ? `ended on ${ministry.validUntil}` : `begins on ${ministry.validFrom}`;
        problems.push({
          text: `${ministry.name} (${code}) ${when}; choose a current ministry that took over its work.`,
          see: { to: 'ministries' },
        });
      }
    }
    return problems;
  }

  /** The office holder of a post (and person, when known), recorded the first time it is seen. */
  async officeHolder(manager: EntityManager, post: string, person: string | null, on: CalendarDate): Promise<OfficeHolder> {
    const ministryCode = ministryForPost(await this.directory(manager), post, on);
    await manager.createQueryBuilder().insert().into(OfficeHolder).values({ post, person, ministryCode }).orIgnore().execute();
    return manager.getRepository(OfficeHolder).findOneByOrFail({ post, person: person ?? IsNull() });
  }

  /** An edit of ministries or posts, in one transaction; the recent directory is read anew after it. */
  private async edit<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } finally {
      this.recent = null;
    }
  }

  private postProblems(post: { title: string; validFrom: string | null; validUntil: string | null }, ministry: Ministry): Problem[] {
    const problems: Problem[] = [];
    if (post.validFrom && post.validUntil && post.validFrom > post.validUntil) {
      problems.push(`validUntil ${post.validUntil} is before validFrom ${post.validFrom}; the last day cannot come before the first.`);
    }
    if (ministry.validUntil && (post.validUntil === null || post.validUntil > ministry.validUntil)) {
      problems.push({
        text: `${ministry.name} (${ministry.code}) ended on ${ministry.validUntil}: a post can fall under it only until then. Give the post a validUntil on or before that day, or put it under the ministry that took over its work.`,
        see: { to: 'ministries' },
      });
    }
    return problems;
  }

  private taken(clash: Ministry, code: string, name: string): MinistryTaken {
    return clash.code === code
      ? new MinistryTaken(`There is already a ministry with code "${code}" (${clash.name}); codes are never reused, choose another.`)
      : new MinistryTaken(`${clash.code} is already called "${name}"; choose another name.`);
  }
}
