-- NULL edge cases: ordering, aggregates, comparisons, set membership.

-- case: nulls_sort_last_ascending_by_default
-- ordered
SELECT stream_id, ended_at FROM streams ORDER BY ended_at DESC, stream_id LIMIT 8;

-- case: nulls_last_on_descending_order
-- ordered
SELECT stream_id, ended_at FROM streams ORDER BY ended_at DESC NULLS LAST, stream_id LIMIT 8;

-- case: nulls_first_on_ascending_order
-- ordered
SELECT stream_id, ended_at FROM streams ORDER BY ended_at ASC NULLS FIRST, stream_id LIMIT 8;

-- case: nulls_last_ascending_tail
-- ordered
SELECT stream_id, ended_at FROM streams WHERE stream_id > 1985 ORDER BY ended_at NULLS LAST, stream_id;

-- case: nulls_first_within_window_order
-- ordered
SELECT session_id, leave_time,
    ROW_NUMBER() OVER (ORDER BY leave_time DESC NULLS FIRST, session_id) AS rn
FROM viewer_sessions WHERE join_time >= TIMESTAMP '2026-10-31 23:00:00'
ORDER BY rn LIMIT 12;

-- case: nulls_last_with_left_join_gross
-- ordered
SELECT s.stream_id, SUM(g.amount_usd) AS gross
FROM streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id
WHERE s.stream_id <= 40
GROUP BY s.stream_id ORDER BY gross DESC NULLS LAST, s.stream_id;

-- case: null_not_in_subquery_with_null_matches_nothing
SELECT COUNT(*) AS not_in_with_null,
    (SELECT COUNT(*) FROM streams WHERE stream_id NOT IN (SELECT 1 UNION ALL SELECT 2)) AS not_in_without_null
FROM streams WHERE stream_id NOT IN (SELECT CAST(NULL AS BIGINT) UNION ALL SELECT 1);

-- case: null_aggregates_skip_nulls
SELECT COUNT(*) AS visits, COUNT(leave_time) AS finished, MAX(leave_time) AS last_leave,
    AVG(EXTRACT(EPOCH FROM leave_time - join_time)) AS avg_seconds
FROM viewer_sessions WHERE stream_id IN (1991, 1995, 1996, 1997, 1998, 2000);

-- case: null_aggregates_over_empty_input
SELECT COUNT(*) AS n, COUNT(amount_usd) AS c, SUM(amount_usd) AS s, AVG(amount_usd) AS a,
    MIN(sent_at) AS first_at, MAX(quantity) AS mx
FROM gifts WHERE 1 = 0;

-- case: null_group_by_forms_one_group
-- ordered
SELECT CAST(ended_at AS DATE) AS end_day, COUNT(*) AS streams
FROM streams WHERE started_at >= TIMESTAMP '2026-10-30'
GROUP BY CAST(ended_at AS DATE) ORDER BY end_day NULLS FIRST;

-- case: null_distinct_keeps_one_null
-- ordered
SELECT DISTINCT CAST(leave_time AS DATE) AS leave_day FROM viewer_sessions
WHERE join_time >= TIMESTAMP '2026-10-31 22:00:00' ORDER BY leave_day NULLS FIRST;

-- case: null_equality_join_never_matches
CREATE TABLE null_a (k INT, label TEXT);
CREATE TABLE null_b (k INT, label TEXT);
INSERT INTO null_a VALUES (1, 'one'), (NULL, 'null a');
INSERT INTO null_b VALUES (1, 'uno'), (NULL, 'null b');
-- ordered
SELECT a.label, b.label FROM null_a a LEFT JOIN null_b b ON b.k = a.k ORDER BY a.label;

-- case: null_arithmetic_and_concatenation
SELECT 1 + NULL AS plus, NULL * 0 AS times, 'x' || NULL AS concat_op, CONCAT('x', NULL, 'y') AS concat_fn,
    NULL = NULL AS eq, NULL IS NULL AS is_null, NOT (NULL = 1) AS not_unknown;

-- case: null_is_distinct_from
SELECT COUNT(*) FILTER (WHERE leave_time IS DISTINCT FROM NULL) AS left_somehow,
    COUNT(*) FILTER (WHERE leave_time IS NOT DISTINCT FROM NULL) AS still_there,
    COUNT(*) FILTER (WHERE leave_time <> join_time) AS neq_skips_null
FROM viewer_sessions;

-- case: null_case_when_null_never_matches
SELECT CASE NULL WHEN NULL THEN 'equal' ELSE 'not equal' END AS simple_case,
    CASE WHEN NULL THEN 'true' ELSE 'not true' END AS searched_case,
    COALESCE(NULL, NULL, 'third') AS third, NULLIF(5, 5) AS nullif_same, NULLIF(5, 4) AS nullif_diff;

-- case: null_where_not_excludes_unknown
SELECT COUNT(*) AS total,
    COUNT(*) FILTER (WHERE ended_at > TIMESTAMP '2026-10-31 12:00:00') AS late_end,
    COUNT(*) FILTER (WHERE NOT (ended_at > TIMESTAMP '2026-10-31 12:00:00')) AS not_late_end
FROM streams;

-- case: null_empty_string_is_not_null
CREATE TABLE null_texts (id INT PRIMARY KEY, t TEXT);
INSERT INTO null_texts VALUES (1, ''), (2, NULL), (3, 'x');
-- ordered
SELECT id, t, t IS NULL AS is_null, t = '' AS is_empty, COALESCE(t, '(null)') AS shown, LENGTH(t) AS len
FROM null_texts ORDER BY id;

-- case: null_min_max_over_all_null_group
-- ordered
SELECT stream_id, MIN(leave_time) AS first_leave, COUNT(leave_time) AS finished, COUNT(*) AS visits
FROM viewer_sessions WHERE leave_time IS NULL GROUP BY stream_id ORDER BY stream_id;

-- case: null_lag_default_only_replaces_missing_rows
CREATE TABLE null_series (id INT PRIMARY KEY, v INT);
INSERT INTO null_series VALUES (1, 10), (2, NULL), (3, 30);
-- ordered
SELECT id, v, LAG(v, 1, -1) OVER (ORDER BY id) AS prev_v, LEAD(v, 1, -1) OVER (ORDER BY id) AS next_v
FROM null_series ORDER BY id;

-- case: null_sum_window_with_nulls
CREATE TABLE null_window (id INT PRIMARY KEY, grp TEXT, v INT);
INSERT INTO null_window VALUES (1, 'a', NULL), (2, 'a', 5), (3, 'a', NULL), (4, 'b', NULL);
-- ordered
SELECT id, grp, SUM(v) OVER (PARTITION BY grp ORDER BY id) AS running, COUNT(v) OVER (PARTITION BY grp) AS non_null
FROM null_window ORDER BY id;

-- case: null_coalesce_in_group_key_and_order
-- ordered
SELECT COALESCE(CAST(CAST(ended_at AS DATE) AS TEXT), 'live') AS end_day, COUNT(*) AS streams
FROM streams WHERE started_at >= TIMESTAMP '2026-10-31'
GROUP BY COALESCE(CAST(CAST(ended_at AS DATE) AS TEXT), 'live') ORDER BY end_day;

-- case: null_not_in_literal_list_with_null
SELECT (SELECT COUNT(*) FROM streams WHERE stream_id NOT IN (1, NULL)) AS not_in_null,
    (SELECT COUNT(*) FROM streams WHERE stream_id IN (1, NULL)) AS in_null;

-- case: null_sorts_last_ascending
-- ordered
SELECT stream_id, ended_at FROM streams WHERE stream_id > 1985 ORDER BY ended_at, stream_id;

-- case: null_count_distinct_ignores_null
SELECT COUNT(DISTINCT CAST(leave_time AS DATE)) AS leave_days, COUNT(DISTINCT stream_id) AS streams
FROM viewer_sessions WHERE join_time >= TIMESTAMP '2026-10-31 22:00:00';

-- case: null_inequality_excludes_null_rows
SELECT COUNT(*) AS total, SUM(CASE WHEN ended_at <> TIMESTAMP '2026-01-01' THEN 1 ELSE 0 END) AS not_equal,
    SUM(CASE WHEN NOT (ended_at <> TIMESTAMP '2026-01-01') THEN 1 ELSE 0 END) AS negated
FROM streams;

-- case: null_concat_operator_yields_null
SELECT 'x' || NULL AS concat_op, NULL || 'y' AS concat_op_left;

-- case: null_concat_function_skips_null
SELECT CONCAT('x', NULL, 'y') AS concat_fn, CONCAT(NULL) AS only_null;

-- case: null_in_avg_of_interval_epochs
-- ordered
SELECT stream_id, COUNT(*) AS visits, AVG(EXTRACT(EPOCH FROM leave_time - join_time)) AS avg_seconds
FROM viewer_sessions WHERE stream_id IN (1991, 1995) GROUP BY stream_id ORDER BY stream_id;

-- case: null_sum_case_without_else
SELECT SUM(CASE WHEN device = 'smart-fridge' THEN 1 END) AS none_match, COUNT(CASE WHEN device = 'tv' THEN 1 END) AS tv
FROM viewer_sessions;

-- case: in_subquery_as_a_join_keeps_each_row_once
SELECT COUNT(*) AS n, SUM(vs.session_id) AS ids
FROM viewer_sessions vs JOIN streams s ON s.stream_id = vs.stream_id
WHERE vs.viewer_id IN (SELECT viewer_id FROM gifts)
  AND s.creator_id IN (SELECT creator_id FROM streams WHERE started_at >= NOW() - INTERVAL '3 days');

-- case: not_in_subquery_as_an_anti_join
SELECT COUNT(*) AS n
FROM viewers v
WHERE v.viewer_id NOT IN (SELECT viewer_id FROM chat_messages)
  AND v.viewer_id NOT IN (SELECT viewer_id FROM gifts WHERE quantity > 1);

-- case: not_in_subquery_holding_null_keeps_nothing
SELECT COUNT(*) AS n FROM streams WHERE stream_id NOT IN (SELECT CASE WHEN gift_id = 1 THEN NULL ELSE stream_id END FROM gifts);

-- case: scalar_subquery_computed_once
SELECT COUNT(*) AS n, MIN(amount_usd) AS lo
FROM gifts
WHERE amount_usd > (SELECT AVG(amount_usd) FROM gifts)
  AND stream_id IN (SELECT stream_id FROM streams WHERE creator_id <= 100);

-- case: correlated_subquery_still_answers
SELECT s.creator_id, COUNT(*) AS n
FROM streams s
WHERE s.started_at = (SELECT MAX(x.started_at) FROM streams x WHERE x.creator_id = s.creator_id)
GROUP BY s.creator_id
ORDER BY n DESC, s.creator_id
LIMIT 5;

-- case: avg_equal_to_every_value_of_its_group
-- ordered
SELECT s.stream_id, AVG(g.amount_usd) AS avg_usd, AVG(g.quantity) AS avg_quantity,
    COUNT(*) FILTER (WHERE g.amount_usd > (SELECT AVG(amount_usd) FROM gifts x WHERE x.gift_id = g.gift_id)) AS above_own,
    COUNT(*) FILTER (WHERE g.amount_usd = (SELECT AVG(amount_usd) FROM gifts x WHERE x.gift_id = g.gift_id)) AS equal_own,
    AVG(CASE WHEN g.quantity > 1 THEN g.amount_usd END) AS avg_multi
FROM streams s JOIN gifts g ON g.stream_id = s.stream_id
GROUP BY s.stream_id
HAVING AVG(g.amount_usd) = MIN(g.amount_usd) AND COUNT(*) > 1 OR s.stream_id <= 12
ORDER BY s.stream_id;

-- case: between_on_a_nullable_column_and_with_a_null_bound
SELECT COUNT(*) FILTER (WHERE ended_at BETWEEN TIMESTAMP '2026-10-01' AND TIMESTAMP '2026-10-20') AS in_window,
    (SELECT COUNT(*) FROM streams WHERE ended_at BETWEEN NULL AND TIMESTAMP '2026-10-20') AS null_low,
    (SELECT COUNT(*) FROM streams WHERE started_at NOT BETWEEN TIMESTAMP '2026-10-01' AND TIMESTAMP '2026-10-20') AS outside
FROM streams;

-- case: between_in_where_keeps_rows_on_both_bounds
SELECT COUNT(*) AS n, MIN(stream_id) AS first, MAX(stream_id) AS last
FROM streams WHERE stream_id BETWEEN 10 AND 20 AND ended_at BETWEEN started_at AND NOW();

-- case: is_distinct_from_null_on_either_side
SELECT COUNT(*) FILTER (WHERE NULL IS DISTINCT FROM leave_time) AS left_a,
    COUNT(*) FILTER (WHERE leave_time IS NOT DISTINCT FROM NULL) AS open_a,
    COUNT(*) FILTER (WHERE NULL IS NOT DISTINCT FROM NULL) AS all_rows
FROM viewer_sessions;

-- case: sum_of_case_with_literal_results
SELECT SUM(CASE WHEN device = 'ios' THEN 1 ELSE 0 END) AS ios,
    SUM(CASE WHEN leave_time IS NULL THEN 2.5 ELSE 0 END) AS weighted,
    AVG(CASE WHEN device = 'tv' THEN 1 END) AS tv_avg,
    MAX(CASE WHEN device = 'web' THEN 'w' ELSE 'x' END) AS biggest
FROM viewer_sessions;

-- case: conditional_count_as_sum_of_case_over_no_rows_is_null
SELECT SUM(CASE WHEN leave_time IS NULL THEN 1 ELSE 0 END) AS open_visits, COUNT(*) AS visits,
    SUM(CASE WHEN device = 'tv' THEN 1 ELSE 0 END) AS tv
FROM viewer_sessions WHERE viewer_id < 0;

-- case: conditional_counts_as_sums_of_case_over_time_ranges
SELECT SUM(CASE WHEN sent_at >= TIMESTAMP '2026-10-15' THEN 1 ELSE 0 END) AS late,
    SUM(CASE WHEN sent_at < TIMESTAMP '2026-10-15' THEN 1 ELSE 0 END) AS early,
    SUM(CASE WHEN body LIKE '%gg%' THEN 1 ELSE 0 END) AS gg,
    SUM(CASE WHEN sent_at >= TIMESTAMP '2026-10-15' THEN 2 ELSE 0 END) AS doubled,
    SUM(CASE WHEN sent_at >= TIMESTAMP '2026-10-15' THEN 1 END) AS no_else,
    SUM(CASE WHEN viewer_id IS NULL THEN 1 ELSE 0 END) AS no_viewer
FROM chat_messages WHERE stream_id % 2 = 0;

-- case: group_by_two_integer_keys_with_nulls_among_them
SELECT t.stream_id, t.bucket, COUNT(*) AS visits, COUNT(t.bucket) AS bucketed
FROM (SELECT vs.stream_id, CASE WHEN vs.viewer_id % 4 = 0 THEN NULL ELSE vs.viewer_id % 9 END AS bucket
      FROM viewer_sessions vs WHERE vs.stream_id <= 60) t
GROUP BY t.stream_id, t.bucket;

-- case: group_by_a_column_pair_where_a_left_join_found_nothing
SELECT s.creator_id, g.viewer_id, COUNT(*) AS n, COUNT(g.gift_id) AS gifts
FROM streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id
WHERE s.stream_id <= 300
GROUP BY s.creator_id, g.viewer_id;

-- case: group_by_two_keys_with_several_aggregates_and_having
SELECT stream_id, viewer_id, COUNT(*) AS visits, MIN(join_time) AS first_join,
    MAX(leave_time) AS last_leave, COUNT(leave_time) AS closed
FROM viewer_sessions WHERE stream_id <= 200
GROUP BY stream_id, viewer_id HAVING COUNT(*) >= 2;
