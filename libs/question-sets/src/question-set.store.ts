import { Injectable } from '@nestjs/common';
import { preparedQuery } from '@question-desk/database';
import type { CalendarDate, Chamber } from '@question-desk/deadlines';
import { EntityManager, In } from 'typeorm';
import { AnswerRevision } from './answer-revision.entity';
import { Answer } from './answer.entity';
import { Assignment, type AssignmentState } from './assignment.entity';
import { CoSignature } from './co-signature.entity';
import { Member } from './member.entity';
import { Postponement } from './postponement.entity';
import { QuestionSetSubmitter } from './question-set-submitter.entity';
import { QuestionSet } from './question-set.entity';
import { SET_COLUMNS, setOfColumns, type SetColumnsRow } from './question-set.queries';
import { QuestionSetNotFound } from './question-sets.errors';
import { Question } from './question.entity';
import type { SourceDocument } from './source-document.entity';
import type { TableStatus } from './workflow';

/** The CTEs that replace set $1's answers by those in $2 (a JSON array of `AnswerRow`s, in order). */
const ANSWERS_REPLACED = `gone AS (DELETE FROM answer WHERE question_set_id = $1),
         added AS (
           INSERT INTO answer (question_set_id, position, question_numbers, text, footnotes)
           SELECT $1, a.position - 1,
                  ARRAY(SELECT CAST(n AS int) FROM jsonb_array_elements_text(a.answer -> 'questionNumbers') WITH ORDINALITY e(n, i) ORDER BY i),
                  a.answer ->> 'text', coalesce(a.answer -> 'footnotes', '[]')
             FROM jsonb_array_elements(CAST($2 AS jsonb)) WITH ORDINALITY a(answer, position))`;

/** The text of set $1's stored answers, in order. */
const STORED_ANSWERS_TEXT = "(SELECT string_agg(text, ' ' ORDER BY position) FROM answer WHERE question_set_id = qs.id)";
/** The text of the answers in $2 (a JSON array of `AnswerRow`s), in order: the same as `STORED_ANSWERS_TEXT` once they are stored. */
const NEW_ANSWERS_TEXT = `(SELECT string_agg(a.answer ->> 'text', ' ' ORDER BY a.position) FROM jsonb_array_elements(CAST($2 AS jsonb)) WITH ORDINALITY a(answer, position))`;
/** What a change that touches no column of the set itself (a saved draft, new questions) also sets. */
const NEW_VERSION = 'version = qs.version + 1, updated_at = CURRENT_TIMESTAMP,';

/**
 * The UPDATE that remakes set $1's search vector from its subject, questions, answers (`answers`,
 * the stored ones by default) and identifiers, setting `also` too.
 */
function searchVectorUpdate(also = '', answers = STORED_ANSWERS_TEXT): string {
  return `UPDATE question_set qs SET ${also} search_vector =
         setweight(to_tsvector('dutch', coalesce(qs.subject, '')), 'A') ||
         setweight(to_tsvector('dutch', coalesce((SELECT string_agg(text, ' ' ORDER BY number) FROM question WHERE question_set_id = qs.id), '')), 'B') ||
         setweight(to_tsvector('dutch', coalesce(${answers}, '')), 'C') ||
         setweight(to_tsvector('dutch', concat_ws(' ', qs.reference, qs.appendix_number,
           (SELECT string_agg(m.name, ' ') FROM question_set_submitter s JOIN member m ON m.id = s.member_id WHERE s.question_set_id = qs.id))), 'D')
       WHERE qs.id = $1`;
}

const SET_BY_ID = `SELECT ${SET_COLUMNS} FROM question_set qs WHERE qs.id = $1`;

/**
 * Every SQL statement over the question-set tables that is not TypeORM's own, by name, with the
 * row each returns below. test/sql-boundary.e2e-spec.ts prepares every one of them against the
 * migrated schema, so a renamed column fails `npm test`, not a request in production.
 */
export const QUESTION_SET_SQL = {
  /** Set $1 as the entity names its columns (`SET_COLUMNS`). */
  byId: SET_BY_ID,
  /** Set $1, locked for the rest of the transaction. */
  lock: `${SET_BY_ID} FOR UPDATE`,
  coSigningCodes: 'SELECT ministry_code AS "ministryCode" FROM question_set_co_signing_ministry WHERE question_set_id = $1 ORDER BY 1',
  clearCoSigners: 'DELETE FROM question_set_co_signing_ministry WHERE question_set_id = $1',
  addCoSigners: 'INSERT INTO question_set_co_signing_ministry (question_set_id, ministry_code) SELECT $1, unnest($2::varchar[])',
  /** The set $1's answers become those of $2 (a JSON array of `AnswerRow`s, in order), in one statement. */
  setAnswers: `WITH ${ANSWERS_REPLACED} SELECT 1`,
  /**
   * A saved draft, in one statement: the answers replaced as in `setAnswers`, kept as the next
   * revision (saved by $3 named $4), and the set given a new version and its search vector remade
   * with the answers of $2 (the statement cannot see the rows it inserts). Returns the revision's
   * number and the set as it now is. The set is locked by the step that saves: no other revision can
   * take the same number meanwhile.
   */
  saveDraft: `WITH ${ANSWERS_REPLACED},
         revision AS (
           INSERT INTO answer_revision (question_set_id, number, answers, saved_by_id, saved_by_name)
           SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4 FROM answer_revision WHERE question_set_id = $1
           RETURNING number),
         saved AS (${searchVectorUpdate(NEW_VERSION, NEW_ANSWERS_TEXT)} RETURNING ${SET_COLUMNS})
         SELECT revision.number AS next, saved.* FROM revision, saved`,
  answerCoverage: 'SELECT question_numbers AS "questionNumbers" FROM answer WHERE question_set_id = $1',
  /** Set $1's last step ($2 at $3, with note $4), returning the set as it now is. */
  recordLastStep: `UPDATE question_set qs SET last_step = $2, last_step_at = $3, last_step_note = $4 WHERE qs.id = $1 RETURNING ${SET_COLUMNS}`,
  importLock: 'SELECT pg_advisory_xact_lock($1)',
  importedBefore: 'SELECT question_set_id AS id FROM source_document WHERE content_sha256 = $1',
  keepDocument: 'INSERT INTO source_document (question_set_id, kind, content, content_sha256, imported_by_id) VALUES ($1, $2, $3, $4, $5)',
  bySubmittersAndDate: `SELECT s.question_set_id AS id FROM question_set_submitter s
           JOIN member m ON m.id = s.member_id
           JOIN question_set qs ON qs.id = s.question_set_id
          WHERE qs.submitted_on = $1 AND qs.chamber = $2 AND lower(m.name) = ANY($3::text[])
          GROUP BY s.question_set_id
         HAVING count(*) = $4`,
  byQuestionText: `SELECT q.question_set_id AS id, count(DISTINCT t.n)::int AS hits
         FROM unnest($1::text[]) WITH ORDINALITY AS t(text, n)
         JOIN question q ON q.text % t.text AND similarity(q.text, t.text) >= $2
         JOIN question_set qs ON qs.id = q.question_set_id
        WHERE ($3::uuid[] IS NULL OR q.question_set_id = ANY($3::uuid[]))
          -- a set with another reference or submission date is another set, however alike its questions
          AND ($4::text IS NULL OR qs.reference IS NULL OR qs.reference = $4)
          AND ($5::date IS NULL OR qs.submitted_on IS NULL OR qs.submitted_on = $5)
          AND qs.chamber = $6
        GROUP BY q.question_set_id
        ORDER BY hits DESC
        LIMIT 1`,
  refreshSearchVector: searchVectorUpdate(),
  newVersionAndSearchVector: searchVectorUpdate(NEW_VERSION),
} as const;

const SQL = QUESTION_SET_SQL;

interface CoSignerRow {
  ministryCode: string;
}
interface SavedDraftRow extends SetColumnsRow {
  /** The number of the revision saved. */
  next: number;
}
interface CoverageRow {
  questionNumbers: number[];
}
interface IdRow {
  id: string;
}
interface HitsRow {
  id: string;
  hits: number;
}

/** Changes to a stored set: its status only as the workflow table gives it (`nextStatus`). */
export type SetChanges = Omit<Partial<QuestionSet>, 'status'> & { status?: TableStatus };

export interface NewMemberRow {
  name: string;
  party: string | null;
}

export interface QuestionRow {
  number: number;
  text: string;
  footnotes: Question['footnotes'];
}

export interface AnswerRow {
  questionNumbers: number[];
  text: string;
  footnotes: Answer['footnotes'];
}

/** Answers as the statements that save them read them, and as a revision keeps them: each answer's question numbers in order. */
function answersJson(answers: AnswerRow[]): string {
  return JSON.stringify(
    answers.map(({ questionNumbers, text, footnotes }) => ({ questionNumbers: [...questionNumbers].sort((x, y) => x - y), text, footnotes })),
  );
}

/**
 * The question-set capability's data access: every write, and every SQL string, over its tables
 * (reads for a viewer are in question-set.queries.ts). Module-private: the services of this library
 * call it inside their transactions, nothing outside the library sees it.
 */
@Injectable()
export class QuestionSetStore {
  /** The set, locked for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<QuestionSet | null> {
    const [row] = await preparedQuery<SetColumnsRow>(manager, SQL.lock, [id]);
    return row ? setOfColumns(row) : null;
  }

  /** The set as it is now in this transaction: one that was found (or locked) in it before. */
  async byId(manager: EntityManager, id: string): Promise<QuestionSet> {
    const [row] = await preparedQuery<SetColumnsRow>(manager, SQL.byId, [id]);
    if (!row) throw new QuestionSetNotFound(id);
    return setOfColumns(row);
  }

  existsAny(manager: EntityManager): Promise<boolean> {
    return manager.exists(QuestionSet);
  }

  async idOfReference(manager: EntityManager, reference: string): Promise<string | null> {
    const existing = await manager.findOne(QuestionSet, { where: { reference }, select: { id: true } });
    return existing?.id ?? null;
  }

  insert(manager: EntityManager, values: Partial<QuestionSet>): Promise<QuestionSet> {
    return manager.save(manager.create(QuestionSet, values));
  }

  /** Changes a stored set; its status only to one the workflow table gave (`nextStatus`). */
  async update(manager: EntityManager, id: string, changes: SetChanges): Promise<void> {
    await manager.update(QuestionSet, id, changes);
  }

  /**
   * Keeps the step that says who holds the set and why, in the same version as the step's own
   * change; returns the set as it now is.
   */
  async recordLastStep(manager: EntityManager, id: string, step: { action: string; at: Date; note: string | null }): Promise<QuestionSet> {
    const [row] = await preparedQuery<SetColumnsRow>(manager, SQL.recordLastStep, [id, step.action, step.at, step.note]);
    return setOfColumns(row);
  }

  /**
   * Remakes the set's search vector after its text changed; with `newVersion`, the set also gets a
   * new version, for a change that touches no column of the set itself (a saved draft, new questions).
   */
  async refreshSearchVector(manager: EntityManager, id: string, options: { newVersion?: boolean } = {}): Promise<void> {
    await preparedQuery(manager, options.newVersion ? SQL.newVersionAndSearchVector : SQL.refreshSearchVector, [id]);
  }

  // Members, questions, answers, co-signing ministries

  async setSubmitters(manager: EntityManager, questionSetId: string, members: NewMemberRow[]): Promise<void> {
    await manager.delete(QuestionSetSubmitter, { questionSetId });
    const seen = new Set<string>();
    for (const [position, member] of members.entries()) {
      const { id } = await this.member(manager, member);
      if (seen.has(id)) continue;
      seen.add(id);
      await manager.insert(QuestionSetSubmitter, { questionSetId, memberId: id, position });
    }
  }

  private async member(manager: EntityManager, member: NewMemberRow): Promise<Member> {
    const name = member.name.trim();
    const party = member.party?.trim() || null;
    await manager.createQueryBuilder().insert().into(Member).values({ name, party }).orIgnore().execute();
    return manager.createQueryBuilder(Member, 'm').where('m.name = :name AND m.party IS NOT DISTINCT FROM :party', { name, party }).getOneOrFail();
  }

  async hasSubmitters(manager: EntityManager, questionSetId: string): Promise<boolean> {
    return (await manager.count(QuestionSetSubmitter, { where: { questionSetId } })) > 0;
  }

  async coSigningCodes(manager: EntityManager, questionSetId: string): Promise<string[]> {
    const rows = await preparedQuery<CoSignerRow>(manager, SQL.coSigningCodes, [questionSetId]);
    return rows.map((r) => r.ministryCode);
  }

  async setCoSigningMinistries(manager: EntityManager, questionSetId: string, codes: string[]): Promise<void> {
    await preparedQuery(manager, SQL.clearCoSigners, [questionSetId]);
    const unique = [...new Set(codes)];
    if (unique.length) await preparedQuery(manager, SQL.addCoSigners, [questionSetId, unique]);
  }

  async questionNumbers(manager: EntityManager, questionSetId: string): Promise<number[]> {
    const questions = await manager.find(Question, { where: { questionSetId }, select: { number: true }, order: { number: 'ASC' } });
    return questions.map((q) => q.number);
  }

  /** The set's questions, by number. */
  questions(manager: EntityManager, questionSetId: string): Promise<Question[]> {
    return manager.find(Question, { where: { questionSetId }, order: { number: 'ASC' } });
  }

  async setQuestions(manager: EntityManager, questionSetId: string, questions: QuestionRow[]): Promise<void> {
    await manager.delete(Question, { questionSetId });
    if (questions.length) {
      await manager.insert(
        Question,
        questions.map((q) => ({ questionSetId, number: q.number, text: q.text, footnotes: q.footnotes })),
      );
    }
  }

  /** Which questions each stored answer covers. */
  answerCoverage(manager: EntityManager, questionSetId: string): Promise<CoverageRow[]> {
    return preparedQuery<CoverageRow>(manager, SQL.answerCoverage, [questionSetId]);
  }

  async setAnswers(manager: EntityManager, questionSetId: string, answers: AnswerRow[]): Promise<void> {
    await preparedQuery(manager, SQL.setAnswers, [questionSetId, answersJson(answers)]);
  }

  // Revisions of the draft

  /**
   * Saves a draft: the set's answers become `answers`, kept as its next revision too, and the set
   * gets a new version. Returns the revision's number and the set as it now is.
   */
  async saveDraft(
    manager: EntityManager,
    questionSetId: string,
    answers: AnswerRow[],
    savedBy: { id: string; name: string },
  ): Promise<{ revision: number; set: QuestionSet }> {
    const [{ next, ...set }] = await preparedQuery<SavedDraftRow>(manager, SQL.saveDraft, [questionSetId, answersJson(answers), savedBy.id, savedBy.name]);
    return { revision: next, set: setOfColumns(set) };
  }

  revisions(manager: EntityManager, questionSetId: string): Promise<AnswerRevision[]> {
    return manager.find(AnswerRevision, { where: { questionSetId }, order: { number: 'ASC' } });
  }

  // Assignments and co-signatures

  async moveAssignments(manager: EntityManager, questionSetId: string, from: AssignmentState, to: AssignmentState, reason?: string): Promise<void> {
    await manager.update(Assignment, { questionSetId, state: from }, { state: to, ...(reason === undefined ? {} : { reason }) });
  }

  async addAssignment(
    manager: EntityManager,
    assignment: { questionSetId: string; ministryCode: string; assigneeId: string; internalDeadline: CalendarDate | null; assignedById: string },
  ): Promise<void> {
    await manager.insert(Assignment, assignment);
  }

  async signatures(manager: EntityManager, questionSetId: string): Promise<string[]> {
    return (await manager.find(CoSignature, { where: { questionSetId } })).map((s) => s.ministryCode);
  }

  async addSignature(
    manager: EntityManager,
    signature: { questionSetId: string; ministryCode: string; signedById: string; signedByName: string },
  ): Promise<void> {
    await manager.insert(CoSignature, signature);
  }

  async clearSignatures(manager: EntityManager, questionSetId: string): Promise<void> {
    await manager.delete(CoSignature, { questionSetId });
  }

  // Postponements

  async addPostponement(
    manager: EntityManager,
    postponement: { questionSetId: string; sentOn: CalendarDate; newDeadline: CalendarDate; reason: string; registeredById: string | null },
  ): Promise<void> {
    await manager.insert(Postponement, postponement);
  }

  postponements(manager: EntityManager, questionSetId: string): Promise<Postponement[]> {
    return manager.find(Postponement, { where: { questionSetId }, order: { createdAt: 'ASC' } });
  }

  // Documents and matching them to sets

  /** One import at a time, until the transaction ends. */
  async lockImports(manager: EntityManager, lock: number): Promise<void> {
    await manager.query(SQL.importLock, [lock]);
  }

  async importedBefore(manager: EntityManager, fingerprint: string): Promise<string | null> {
    const [seen] = await manager.query<IdRow[]>(SQL.importedBefore, [fingerprint]);
    return seen?.id ?? null;
  }

  async keepDocument(
    manager: EntityManager,
    document: { questionSetId: string; kind: SourceDocument['kind']; content: string; sha256: string; importedById: string | null },
  ): Promise<void> {
    await manager.query(SQL.keepDocument, [document.questionSetId, document.kind, document.content, document.sha256, document.importedById]);
  }

  bySetReference(manager: EntityManager, reference: string): Promise<QuestionSet | null> {
    return manager.findOneBy(QuestionSet, { reference });
  }

  byAppendixNumber(manager: EntityManager, appendixNumber: string, chamber: Chamber): Promise<QuestionSet[]> {
    return manager.findBy(QuestionSet, { appendixNumber, chamber });
  }

  /** Sets of this chamber submitted on this date by exactly these members (names, lower case). */
  async bySubmittersAndDate(manager: EntityManager, submittedOn: CalendarDate, chamber: Chamber, names: string[]): Promise<QuestionSet[]> {
    const ids = await manager.query<IdRow[]>(SQL.bySubmittersAndDate, [submittedOn, chamber, names, names.length]);
    // One query: the transaction's connection runs one statement at a time.
    return ids.length ? manager.findBy(QuestionSet, { id: In(ids.map(({ id }) => id)) }) : [];
  }

  /** The set with most questions like these (pg_trgm similarity at least `threshold`), and how many matched. */
  async byQuestionText(
    manager: EntityManager,
    match: { texts: string[]; threshold: number; among: string[] | null; reference: string | null; submittedOn: CalendarDate | null; chamber: Chamber },
  ): Promise<HitsRow | null> {
    const [best] = await manager.query<HitsRow[]>(SQL.byQuestionText, [
      match.texts,
      match.threshold,
      match.among,
      match.reference,
      match.submittedOn,
      match.chamber,
    ]);
    return best ?? null;
  }
}
