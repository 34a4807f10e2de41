/**
 * The forecast's SQL, over the view `question_set_history` that libs/question-sets owns.
 * test/sql-boundary.e2e-spec.ts prepares each statement against the migrated schema.
 */
export const FORECAST_SQL = {
  /**
   * What the desk knew on $1 (exclusive) of the sets submitted from $2: per lead ministry and number
   * of questions (7 and more together), the days to answer of the sets answered before $1, and how
   * long the others had been open by then (censored); durations capped at 366 days.
   */
  history: `
    SELECT h.lead_ministry_code AS ministry, least(h.questions, 7)::int AS questions,
           CASE WHEN h.answered_on < $1 THEN least(h.answered_on - h.submitted_on, 366) ELSE least($1::date - 1 - h.submitted_on, 366) END::int AS days,
           coalesce(h.answered_on < $1, false) AS answered,
           count(*)::int AS sets
      FROM question_set_history h
     WHERE h.lead_ministry_code IS NOT NULL AND h.status <> 'withdrawn' AND h.statutory_deadline IS NOT NULL
       AND h.submitted_on >= $2 AND h.submitted_on < $1
     GROUP BY 1, 2, 3, 4`,

  /**
   * Open sets of the viewer's scope ($2: one lead ministry, or null) whose statutory deadline is
   * today ($1) or later, nearest deadline first, at most $3 (the deadline in force is never before the
   * statutory one, so the partial index on open sets' deadlines serves).
   */
  candidates: `
    SELECT h.id, h.status, h.lead_ministry_code AS ministry, h.questions, h.submitted_on::text AS "submittedOn", h.statutory_deadline::text AS "statutoryDeadline"
      FROM question_set_history h
     WHERE h.status NOT IN ('answered', 'withdrawn') AND h.deadline >= $1 AND h.statutory_deadline >= $1
       AND h.lead_ministry_code IS NOT NULL AND ($2::text IS NULL OR h.lead_ministry_code = $2)
     ORDER BY h.statutory_deadline, h.id
     LIMIT $3`,

  /** Answered sets submitted after ($1, id $2) up to $3 (included), a page of $4 in (submitted, id) order, of lead ministry $5 (null: all): the back-test's cases. */
  answered: `
    SELECT h.id, h.lead_ministry_code AS ministry, h.questions, h.submitted_on::text AS "submittedOn", h.statutory_deadline::text AS "statutoryDeadline",
           h.answered_on::text AS "answeredOn", h.first_assigned_on::text AS "assignedOn"
      FROM question_set_history h
     WHERE h.status = 'answered' AND h.lead_ministry_code IS NOT NULL AND h.statutory_deadline IS NOT NULL
       AND (h.submitted_on, h.id) > ($1::date, $2::uuid) AND h.submitted_on <= $3 AND ($5::text IS NULL OR h.lead_ministry_code = $5)
     ORDER BY h.submitted_on, h.id
     LIMIT $4`,
} as const;
