import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasRole, type Viewer } from '@question-desk/accounts';
import { addDays, Clock, dayOfWeek, DUTCH_WORKING_DAYS, type CalendarDate } from '@question-desk/deadlines';
import { DataSource } from 'typeorm';
import { QuestionSetQueries, type QuestionSetFilter } from './question-set.queries';
import { toView, type QuestionSetView } from './question-set.view';
import { CLOSED_STATUSES, STATUSES } from './statuses';

export type WorklistSectionKey = 'to-assign' | 'rejected' | 'needs-postponement' | 'overdue' | 'my-sets' | 'to-review' | 'to-co-sign' | 'due-this-week';

export interface WorklistSection {
  key: WorklistSectionKey;
  /** Dutch, as the web app shows it. */
  title: string;
  total: number;
  /** The first few sets, most urgent first. */
  items: QuestionSetView[];
  /** The query string of `GET /api/question-sets` (and the web app's /vragen) that lists the whole section. */
  listQuery: string;
}

export interface MinistryCount {
  ministry: { code: string; name: string };
  open: number;
  overdue: number;
  overdueWithoutPostponement: number;
  dueThisWeek: number;
  inReview: number;
  coSigning: number;
}

export interface Worklist {
  sections: WorklistSection[];
  /** Open sets per lead ministry, for desk officers and coordinators (empty for others). */
  ministries: MinistryCount[];
}

/** How many sets a section shows; the rest is one click away (`listQuery`). */
export const WORKLIST_SECTION_SIZE = 10;

/** The desk's warning time for an uitstelbericht: the deadline is this many working days away, or past. */
export const POSTPONEMENT_WARNING_WORKING_DAYS = 3;

const OPEN_STATUSES = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

type SectionFilter = Omit<QuestionSetFilter, 'page' | 'pageSize'>;

interface SectionDefinition {
  key: WorklistSectionKey;
  title: string;
  filter: (context: { viewer: Viewer; today: CalendarDate }) => SectionFilter;
}

/** The last day (Sunday) of the week `date` is in. */
const endOfWeek = (date: CalendarDate) => addDays(date, 7 - dayOfWeek(date));

/** One table: which sections each role sees, in this order (a person with several roles sees the union). */
const SECTIONS: Record<'desk' | 'drafter' | 'coordinator', SectionDefinition[]> = {
  desk: [
    { key: 'to-assign', title: 'Nieuw: toe te wijzen', filter: () => ({ status: ['received'], assignmentRejected: false, sort: 'deadline' }) },
    { key: 'rejected', title: 'Toewijzing geweigerd', filter: () => ({ status: ['received'], assignmentRejected: true, sort: 'deadline' }) },
    {
      key: 'needs-postponement',
      title: 'Uitstelbericht nodig',
      filter: ({ today }) => ({
        status: OPEN_STATUSES,
        postponed: false,
        // deadlineBefore is strict: the day after the last day of the warning time.
        deadlineBefore: addDays(DUTCH_WORKING_DAYS.addWorkingDays(today, POSTPONEMENT_WARNING_WORKING_DAYS), 1),
        sort: 'deadline',
      }),
    },
    { key: 'overdue', title: 'Over de termijn', filter: () => ({ overdue: true, sort: '-daysOverdue' }) },
  ],
  drafter: [
    {
      key: 'my-sets',
      title: 'Mijn vragensets',
      filter: ({ viewer }) => ({ assigneeId: viewer.id, status: ['assigned', 'drafting'], changesRequestedFirst: true, sort: 'deadline' }),
    },
  ],
  coordinator: [
    { key: 'to-review', title: 'Ter beoordeling', filter: () => ({ status: ['in_review'], sort: 'deadline' }) },
    { key: 'to-co-sign', title: 'Wacht op medeondertekening', filter: () => ({ status: ['co_signing'], sort: 'deadline' }) },
    { key: 'overdue', title: 'Over de termijn', filter: () => ({ overdue: true, sort: '-daysOverdue' }) },
    {
      key: 'due-this-week',
      title: 'Termijn verloopt deze week',
      filter: ({ today }) => ({ status: OPEN_STATUSES, deadlineAfter: addDays(today, -1), deadlineBefore: addDays(endOfWeek(today), 1), sort: 'deadline' }),
    },
  ],
};

/** The list route's query string for a section's filter (the parameters of `GET /api/question-sets`). */
export function listQueryOf(filter: SectionFilter, viewer: Viewer): string {
  const query = new URLSearchParams();
  if (filter.status?.length) query.set('status', filter.status.join(','));
  if (filter.overdue !== undefined) query.set('overdue', String(filter.overdue));
  if (filter.postponed !== undefined) query.set('postponed', String(filter.postponed));
  if (filter.assignmentRejected !== undefined) query.set('assignmentRejected', String(filter.assignmentRejected));
  if (filter.assigneeId) query.set('assignee', filter.assigneeId === viewer.id ? 'me' : filter.assigneeId);
  if (filter.deadlineAfter) query.set('deadlineAfter', filter.deadlineAfter);
  if (filter.deadlineBefore) query.set('deadlineBefore', filter.deadlineBefore);
  if (filter.changesRequestedFirst) query.set('changesRequestedFirst', 'true');
  if (filter.sort) query.set('sort', filter.sort);
  return query.toString();
}

/** The werkvoorraad: what each person has to do today, by role, over the sets they may see. */
@Injectable()
export class WorklistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: QuestionSetQueries,
    private readonly clock: Clock,
  ) {}

  async worklist(viewer: Viewer): Promise<Worklist> {
    const today = this.clock.today();
    const definitions = new Map<WorklistSectionKey, SectionDefinition>();
    for (const role of ['desk', 'drafter', 'coordinator'] as const) {
      if (hasRole(viewer, role)) for (const section of SECTIONS[role]) if (!definitions.has(section.key)) definitions.set(section.key, section);
    }
    // The sections are independent reads: run them side by side (each on its own pooled connection).
    const [ministries, ...sections] = await Promise.all([
      hasRole(viewer, 'desk', 'coordinator') ? this.perMinistry(viewer, today) : Promise.resolve([]),
      ...[...definitions.values()].map(async ({ key, title, filter }): Promise<WorklistSection> => {
        const sectionFilter = filter({ viewer, today });
        const page = await this.queries.list(viewer, { ...sectionFilter, page: 1, pageSize: WORKLIST_SECTION_SIZE }, today);
        return { key, title, total: page.total, items: page.items.map((set) => toView(set, today, false)), listQuery: listQueryOf(sectionFilter, viewer) };
      }),
    ]);
    return { sections, ministries };
  }

  /** Open sets per lead ministry the viewer may see, most overdue first. */
  private async perMinistry(viewer: Viewer, today: CalendarDate): Promise<MinistryCount[]> {
    const rows: Record<string, string>[] = await this.queries
      .visible(viewer, this.dataSource.manager)
      .innerJoin('qs.leadMinistry', 'm')
      .select('m.code', 'code')
      .addSelect('m.name', 'name')
      .addSelect('count(*)', 'open')
      .addSelect('count(*) FILTER (WHERE qs.deadline < :today)', 'overdue')
      .addSelect(
        'count(*) FILTER (WHERE qs.deadline < :today AND NOT EXISTS (SELECT 1 FROM postponement p WHERE p.question_set_id = qs.id))',
        'overdueWithoutPostponement',
      )
      .addSelect('count(*) FILTER (WHERE qs.deadline >= :today AND qs.deadline <= :endOfWeek)', 'dueThisWeek')
      .addSelect(`count(*) FILTER (WHERE qs.status = 'in_review')`, 'inReview')
      .addSelect(`count(*) FILTER (WHERE qs.status = 'co_signing')`, 'coSigning')
      .andWhere('qs.status IN (:...open)', { open: OPEN_STATUSES })
      .setParameters({ today, endOfWeek: endOfWeek(today) })
      .groupBy('m.code')
      .addGroupBy('m.name')
      .orderBy('overdue', 'DESC')
      .addOrderBy('m.code', 'ASC')
      .getRawMany();
    return rows.map((row) => ({
      ministry: { code: row.code, name: row.name },
      open: Number(row.open),
      overdue: Number(row.overdue),
      overdueWithoutPostponement: Number(row.overdueWithoutPostponement),
      dueThisWeek: Number(row.dueThisWeek),
      inReview: Number(row.inReview),
      coSigning: Number(row.coSigning),
    }));
  }
}
