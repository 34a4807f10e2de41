/**
 * The statistics' SQL, over the table `question_set_statistic` that libs/question-sets keeps (one
 * narrow row per set: status, lead ministry, the dates, postponements and parties; triggers keep it
 * current) so that each statement reads only the rows its period needs through an index: received in
 * the period, answered in it, or open on its last day.
 * Parameters everywhere: $1 from, $2 to (the period, both days included), $3 the day open and
 * overdue sets are counted on (the period's last day, or today when that lies in the future), $4 the
 * lead ministry the viewer is limited to (null: every ministry).
 * test/sql-boundary.e2e-spec.ts prepares each statement against the migrated schema.
 */

/** The sets of the ministries the viewer sees. */
const SEEN = `($4::text IS NULL OR f.lead_ministry_code = $4) AND f.lead_ministry_code IS NOT NULL`;

/**
 * A set in the period's terms. "Open on $3" is written as two conditions (not answered; answered
 * after $3) so that each has an index (the open sets' own, the answer day's).
 */
const FACTS = `
  SELECT f.question_set_id AS id, f.lead_ministry_code, f.statutory_deadline, f.answered_on, f.parties,
         f.submitted_on BETWEEN $1 AND $2 AS received,
         f.status = 'answered' AND f.answered_on BETWEEN $1 AND $2 AS answered,
         f.answered_on - f.submitted_on AS days,
         f.status <> 'withdrawn' AND f.submitted_on <= $3 AND (f.answered_on IS NULL OR f.answered_on > $3) AS open,
         CASE WHEN f.submitted_on BETWEEN $1 AND $2 OR (f.answered_on BETWEEN $1 AND $2 AND f.answered_on > f.statutory_deadline)
              THEN f.postponements END AS postponements
    FROM question_set_statistic f
   WHERE ${SEEN}
     AND (f.submitted_on BETWEEN $1 AND $2 OR f.answered_on BETWEEN $1 AND $2)`;

/**
 * The sets open on $3 that FACTS leaves out (received before the period, not answered in it): they
 * count only as open (and overdue), so they are counted, not fetched: those without an answer from
 * the open sets' index alone (it carries the lead ministry, the statutory deadline and the parties),
 * those answered after $3 from the answer day's.
 */
const ONLY_OPEN = `
  SELECT f.lead_ministry_code, f.statutory_deadline, f.parties
    FROM question_set_statistic f
   WHERE ${SEEN} AND f.answered_on IS NULL AND f.status <> 'withdrawn' AND f.submitted_on < $1 AND f.submitted_on <= $3
  UNION ALL
  SELECT f.lead_ministry_code, f.statutory_deadline, f.parties
    FROM question_set_statistic f
   WHERE ${SEEN} AND f.answered_on > $3 AND NOT f.answered_on BETWEEN $1 AND $2 AND f.status <> 'withdrawn' AND f.submitted_on < $1 AND f.submitted_on <= $3`;

/** The open and overdue of ONLY_OPEN's sets (o) added to the figures of FACTS' (p). */
const MERGED = `
  coalesce(p.received, 0) AS received, coalesce(p.answered, 0) AS answered, coalesce(p."answeredOnTime", 0) AS "answeredOnTime",
  coalesce(p."lateWithoutPostponement", 0) AS "lateWithoutPostponement", coalesce(p.postponements, 0) AS postponements,
  p."medianDaysToAnswer", p."p90DaysToAnswer",
  coalesce(p.open, 0) + coalesce(o.open, 0) AS open, coalesce(p.overdue, 0) + coalesce(o.overdue, 0) AS overdue`;
const OPEN_COUNTS = `count(*)::int AS open, count(*) FILTER (WHERE f.statutory_deadline < $3)::int AS overdue`;

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
    WITH p AS (SELECT f.lead_ministry_code AS code, ${FIGURES} FROM (${FACTS}) f GROUP BY 1),
         o AS (SELECT f.lead_ministry_code AS code, ${OPEN_COUNTS} FROM (${ONLY_OPEN}) f GROUP BY 1)
    SELECT code, m.name, ${MERGED}
      FROM p FULL JOIN o USING (code)
      LEFT JOIN ministry_name m USING (code)
     ORDER BY code`,

  /** A set with members of several parties counts once for each party. */
  perParty: `
    WITH p AS (SELECT party, ${FIGURES} FROM (${FACTS}) f CROSS JOIN LATERAL unnest(f.parties) party GROUP BY 1),
         o AS (SELECT party, ${OPEN_COUNTS} FROM (${ONLY_OPEN}) f CROSS JOIN LATERAL unnest(f.parties) party GROUP BY 1)
    SELECT party, ${MERGED}
      FROM p FULL JOIN o USING (party)
     ORDER BY received DESC, party`,

  perMonth: `
    WITH months AS (
           SELECT m::date AS month FROM generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date), interval '1 month') m),
         received AS (
           SELECT date_trunc('month', f.submitted_on)::date AS month, count(*)::int AS received, coalesce(sum(f.postponements), 0)::int AS postponements
             FROM question_set_statistic f
            WHERE ${SEEN} AND f.submitted_on BETWEEN $1 AND $2
            GROUP BY 1),
         answered AS (
           SELECT date_trunc('month', f.answered_on)::date AS month,
                  count(*)::int AS answered,
                  count(*) FILTER (WHERE f.answered_on <= f.statutory_deadline)::int AS "answeredOnTime",
                  count(*) FILTER (WHERE f.answered_on > f.statutory_deadline AND f.postponements = 0)::int AS "lateWithoutPostponement",
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY f.answered_on - f.submitted_on) AS "medianDaysToAnswer",
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY f.answered_on - f.submitted_on) AS "p90DaysToAnswer"
             FROM question_set_statistic f
            WHERE ${SEEN} AND f.status = 'answered' AND f.answered_on BETWEEN $1 AND $2
            GROUP BY 1),
         -- Open and overdue at the end of each month: those open the day before the period's first
         -- month (d), then +1 when a set arrives or passes its statutory deadline unanswered, −1 when
         -- it is answered, summed up to the month: only the sets open on d and the period's own events are read.
         start AS (SELECT date_trunc('month', $1::date)::date AS first_day, least(date_trunc('month', $1::date)::date - 1, $3::date) AS d),
         before AS MATERIALIZED (
           SELECT count(*)::int AS open, count(*) FILTER (WHERE f.statutory_deadline < s.d)::int AS overdue
             FROM question_set_statistic f, start s
            WHERE ${SEEN} AND f.status <> 'withdrawn' AND f.submitted_on <= s.d
              AND (f.answered_on IS NULL OR f.answered_on > s.d)),
         flows AS MATERIALIZED (
           SELECT date_trunc('month', e.day)::date AS month, sum(e.open)::int AS open, sum(e.overdue)::int AS overdue
             FROM (SELECT f.submitted_on AS day, 1 AS open, 0 AS overdue
                     FROM question_set_statistic f, start s
                    WHERE ${SEEN} AND f.status <> 'withdrawn' AND f.submitted_on BETWEEN s.first_day AND $3
                   UNION ALL
                   SELECT f.answered_on, -1, CASE WHEN f.answered_on > f.statutory_deadline THEN -1 ELSE 0 END
                     FROM question_set_statistic f, start s
                    WHERE ${SEEN} AND f.status = 'answered' AND f.submitted_on IS NOT NULL AND f.answered_on BETWEEN s.first_day AND $3
                   UNION ALL
                   SELECT f.statutory_deadline + 1, 0, 1
                     FROM question_set_statistic f, start s
                    WHERE ${SEEN} AND f.status <> 'withdrawn' AND f.submitted_on IS NOT NULL
                      AND f.statutory_deadline BETWEEN s.first_day - 1 AND $3::date - 1
                      AND (f.answered_on IS NULL OR f.answered_on > f.statutory_deadline)) e
            GROUP BY 1),
         standing AS MATERIALIZED (
           SELECT months.month, b.open + sum(coalesce(fl.open, 0)) OVER (ORDER BY months.month) AS open,
                  b.overdue + sum(coalesce(fl.overdue, 0)) OVER (ORDER BY months.month) AS overdue
             FROM months CROSS JOIN before b LEFT JOIN flows fl ON fl.month = months.month)
    SELECT to_char(months.month, 'YYYY-MM') AS month,
           coalesce(r.received, 0) AS received, coalesce(a.answered, 0) AS answered, coalesce(a."answeredOnTime", 0) AS "answeredOnTime",
           coalesce(a."lateWithoutPostponement", 0) AS "lateWithoutPostponement", coalesce(r.postponements, 0) AS postponements,
           a."medianDaysToAnswer", a."p90DaysToAnswer",
           CASE WHEN months.month <= $3 THEN s.open::int END AS open,
           CASE WHEN months.month <= $3 THEN s.overdue::int END AS overdue
      FROM months
      LEFT JOIN received r ON r.month = months.month
      LEFT JOIN answered a ON a.month = months.month
      LEFT JOIN standing s ON s.month = months.month
     ORDER BY months.month`,

  /** Sets answered in the period by calendar days from submission to answer, in weekly bins. */
  daysToAnswer: `
    SELECT least((f.answered_on - f.submitted_on) / ${HISTOGRAM_BIN_DAYS}, ${HISTOGRAM_BINS - 1})::int AS bin,
           count(*)::int AS answered,
           count(*) FILTER (WHERE f.answered_on <= f.statutory_deadline)::int AS "answeredOnTime"
      FROM question_set_statistic f
     WHERE ${SEEN} AND f.status = 'answered' AND f.answered_on BETWEEN $1 AND $2 AND f.submitted_on IS NOT NULL AND $3::date IS NOT NULL
     GROUP BY 1 ORDER BY 1`,
} as const;
