/**
 * The statistics' SQL, over the views `question_set_history` and `question_set_party` that
 * libs/question-sets owns.
 * Parameters everywhere: $1 from, $2 to (the period, both days included), $3 the day open and
 * overdue sets are counted on (the period's last day, or today when that lies in the future), $4 the
 * lead ministry the viewer is limited to (null: every ministry).
 * test/sql-boundary.e2e-spec.ts prepares each statement against the migrated schema.
 */

/** A set in the period's terms; columns of the view are named one by one, so its other subqueries are never run. */
const FACTS = `
  SELECT h.id, h.lead_ministry_code, h.lead_ministry_name, h.statutory_deadline, h.answered_on,
         h.submitted_on BETWEEN $1 AND $2 AS received,
         h.status = 'answered' AND h.answered_on BETWEEN $1 AND $2 AS answered,
         h.answered_on - h.submitted_on AS days,
         h.status <> 'withdrawn' AND h.submitted_on <= $3 AND (h.answered_on IS NULL OR h.answered_on > $3) AS open,
         CASE WHEN h.submitted_on BETWEEN $1 AND $2 OR (h.answered_on BETWEEN $1 AND $2 AND h.answered_on > h.statutory_deadline)
              THEN h.postponements END AS postponements
    FROM question_set_history h
   WHERE ($4::text IS NULL OR h.lead_ministry_code = $4)
     AND h.lead_ministry_code IS NOT NULL
     AND (h.submitted_on BETWEEN $1 AND $2
          OR h.answered_on BETWEEN $1 AND $2
          OR (h.status <> 'withdrawn' AND h.submitted_on <= $3 AND (h.answered_on IS NULL OR h.answered_on > $3)))`;

/** The figures of a group of sets (one row of FACTS each). */
const FIGURES = `
  count(*) FILTER (WHERE f.received)::int AS received,
  count(*) FILTER (WHERE f.answered)::int AS answered,
  count(*) FILTER (WHERE f.answered AND f.answered_on <= f.statutory_deadline)::int AS "answeredOnTime",
  count(*) FILTER (WHERE f.answered AND f.answered_on > f.statutory_deadline AND f.postponements = 0)::int AS "lateWithoutPostponement",
  coalesce(sum(f.postponements) FILTER (WHERE f.received), 0)::int AS postponements,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY f.days) FILTER (WHERE f.answered) AS "medianDaysToAnswer",
  percentile_cont(0.9) WITHIN GROUP (ORDER BY f.days) FILTER (WHERE f.answered) AS "p90DaysToAnswer",
  count(*) FILTER (WHERE f.open)::int AS open,
  count(*) FILTER (WHERE f.open AND f.statutory_deadline < $3)::int AS overdue`;

/** Weekly bins of the days-to-answer histogram; the last one is open-ended. */
export const HISTOGRAM_BIN_DAYS = 7;
export const HISTOGRAM_BINS = 13;

export const STATISTICS_SQL = {
  perMinistry: `
    SELECT f.lead_ministry_code AS code, f.lead_ministry_name AS name, ${FIGURES}
      FROM (${FACTS}) f
     GROUP BY f.lead_ministry_code, f.lead_ministry_name
     ORDER BY f.lead_ministry_code`,

  /** A set with members of several parties counts once for each party. */
  perParty: `
    SELECT p.party, ${FIGURES}
      FROM (${FACTS}) f
      JOIN question_set_party p ON p.question_set_id = f.id
     GROUP BY p.party
     ORDER BY received DESC, p.party`,

  perMonth: `
    WITH months AS (
           SELECT m::date AS month FROM generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date), interval '1 month') m),
         facts AS (${FACTS}),
         received AS (
           SELECT date_trunc('month', h.submitted_on)::date AS month, count(*)::int AS received, coalesce(sum(h.postponements), 0)::int AS postponements
             FROM question_set_history h
            WHERE ($4::text IS NULL OR h.lead_ministry_code = $4) AND h.lead_ministry_code IS NOT NULL AND h.submitted_on BETWEEN $1 AND $2
            GROUP BY 1),
         answered AS (
           SELECT date_trunc('month', f.answered_on)::date AS month,
                  count(*)::int AS answered,
                  count(*) FILTER (WHERE f.answered_on <= f.statutory_deadline)::int AS "answeredOnTime",
                  count(*) FILTER (WHERE f.answered_on > f.statutory_deadline AND f.postponements = 0)::int AS "lateWithoutPostponement",
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY f.days) AS "medianDaysToAnswer",
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY f.days) AS "p90DaysToAnswer"
             FROM facts f WHERE f.answered
            GROUP BY 1),
         -- Open and overdue at the end of each month, from one pass over every set: +1 when a set
         -- arrives or passes its statutory deadline unanswered, −1 when it is answered; summed up to the month.
         flows AS MATERIALIZED (
           SELECT date_trunc('month', e.day)::date AS month, sum(e.open)::int AS open, sum(e.overdue)::int AS overdue
             FROM question_set_history h
            CROSS JOIN LATERAL (VALUES
                    (h.submitted_on, 1, 0),
                    (CASE WHEN h.status = 'answered' THEN h.answered_on END, -1, 0),
                    (CASE WHEN h.answered_on IS NULL OR h.answered_on > h.statutory_deadline THEN h.statutory_deadline + 1 END, 0, 1),
                    (CASE WHEN h.status = 'answered' AND h.answered_on > h.statutory_deadline THEN h.answered_on END, 0, -1)) e(day, open, overdue)
            WHERE ($4::text IS NULL OR h.lead_ministry_code = $4) AND h.lead_ministry_code IS NOT NULL
              AND h.status <> 'withdrawn' AND h.submitted_on IS NOT NULL AND e.day <= $3
            GROUP BY 1),
         standing AS MATERIALIZED (
           SELECT month, sum(open) OVER (ORDER BY month)::int AS open, sum(overdue) OVER (ORDER BY month)::int AS overdue FROM flows)
    SELECT to_char(months.month, 'YYYY-MM') AS month,
           coalesce(r.received, 0) AS received, coalesce(a.answered, 0) AS answered, coalesce(a."answeredOnTime", 0) AS "answeredOnTime",
           coalesce(a."lateWithoutPostponement", 0) AS "lateWithoutPostponement", coalesce(r.postponements, 0) AS postponements,
           a."medianDaysToAnswer", a."p90DaysToAnswer",
           CASE WHEN months.month <= $3 THEN coalesce(s.open, 0) END AS open,
           CASE WHEN months.month <= $3 THEN coalesce(s.overdue, 0) END AS overdue
      FROM months
      LEFT JOIN received r ON r.month = months.month
      LEFT JOIN answered a ON a.month = months.month
      LEFT JOIN LATERAL (SELECT open, overdue FROM standing WHERE standing.month <= months.month ORDER BY standing.month DESC LIMIT 1) s ON true
     ORDER BY months.month`,

  /** Sets answered in the period by calendar days from submission to answer, in weekly bins. */
  daysToAnswer: `
    SELECT least((h.answered_on - h.submitted_on) / ${HISTOGRAM_BIN_DAYS}, ${HISTOGRAM_BINS - 1})::int AS bin,
           count(*)::int AS answered,
           count(*) FILTER (WHERE h.answered_on <= h.statutory_deadline)::int AS "answeredOnTime"
      FROM question_set_history h
     WHERE ($4::text IS NULL OR h.lead_ministry_code = $4) AND h.lead_ministry_code IS NOT NULL
       AND h.status = 'answered' AND h.answered_on BETWEEN $1 AND $2 AND h.submitted_on IS NOT NULL AND $3::date IS NOT NULL
     GROUP BY 1 ORDER BY 1`,
} as const;
