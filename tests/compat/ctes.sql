-- Common table expressions: chains, reuse, nesting, and bounded WITH RECURSIVE.

-- case: cte_live_streams_simple
-- ordered
WITH live AS (
    SELECT stream_id, creator_id, started_at FROM streams WHERE ended_at IS NULL
)
SELECT stream_id, creator_id, started_at FROM live ORDER BY stream_id;

-- case: cte_chain_three_levels_creator_gross
-- ordered
WITH per_stream AS (
    SELECT stream_id, SUM(amount_usd) AS gross FROM gifts GROUP BY stream_id
), with_creator AS (
    SELECT s.creator_id, p.gross FROM per_stream p JOIN streams s ON s.stream_id = p.stream_id
), per_creator AS (
    SELECT creator_id, SUM(gross) AS total, COUNT(*) AS streams_with_gifts FROM with_creator GROUP BY creator_id
)
SELECT creator_id, total, streams_with_gifts FROM per_creator ORDER BY total DESC, creator_id LIMIT 10;

-- case: cte_used_twice_day_over_day
-- ordered
WITH daily AS (
    SELECT CAST(started_at AS DATE) AS day, COUNT(*) AS streams
    FROM streams GROUP BY CAST(started_at AS DATE)
)
SELECT a.day, a.streams, b.streams AS previous_day
FROM daily a LEFT JOIN daily b ON b.day = a.day - 1
ORDER BY a.day LIMIT 20;

-- case: cte_used_in_scalar_subquery_and_from
WITH per_stream AS (
    SELECT stream_id, COUNT(*) AS visits FROM viewer_sessions GROUP BY stream_id
)
SELECT COUNT(*) AS busy_streams, MIN(visits) AS least_busy_of_them
FROM per_stream WHERE visits > (SELECT AVG(visits) FROM per_stream);

-- case: cte_inside_derived_table
SELECT COUNT(*) AS creators, SUM(streams) AS streams FROM (
    WITH per_creator AS (SELECT creator_id, COUNT(*) AS streams FROM streams GROUP BY creator_id)
    SELECT creator_id, streams FROM per_creator WHERE streams >= 10
) busy;

-- case: cte_inside_in_subquery
-- ordered
SELECT handle, country FROM creators
WHERE creator_id IN (
    WITH top_streams AS (
        SELECT stream_id FROM gifts GROUP BY stream_id ORDER BY SUM(amount_usd) DESC, stream_id LIMIT 5
    )
    SELECT s.creator_id FROM streams s JOIN top_streams t ON t.stream_id = s.stream_id
)
ORDER BY handle;

-- case: cte_with_column_list
-- ordered
WITH per_category(category, streams, live) AS (
    SELECT category_id, COUNT(*), COUNT(*) - COUNT(ended_at) FROM streams GROUP BY category_id
)
SELECT sc.name, p.streams, p.live FROM per_category p JOIN stream_categories sc ON sc.category_id = p.category
ORDER BY p.streams DESC, sc.name;

-- case: cte_named_like_a_table_shadows_it
WITH streams AS (SELECT * FROM streams WHERE ended_at IS NULL)
SELECT COUNT(*) AS live_streams, MIN(stream_id) AS first_live FROM streams;

-- case: cte_unreferenced_is_harmless
WITH unused AS (SELECT viewer_id FROM viewers WHERE country = 'US'),
     used AS (SELECT COUNT(*) AS n FROM gift_catalog)
SELECT n FROM used;

-- case: cte_referenced_by_later_cte_and_main_query
-- ordered
WITH gift_days AS (
    SELECT CAST(sent_at AS DATE) AS day, SUM(amount_usd) AS usd FROM gifts GROUP BY CAST(sent_at AS DATE)
), best AS (
    SELECT MAX(usd) AS top_usd FROM gift_days
)
SELECT g.day, g.usd FROM gift_days g, best b WHERE g.usd >= b.top_usd * 0.5 ORDER BY g.usd DESC, g.day;

-- case: cte_nested_with_inside_cte
-- ordered
WITH outer_cte AS (
    WITH inner_cte AS (SELECT device, COUNT(*) AS visits FROM viewer_sessions GROUP BY device)
    SELECT device, visits, visits * 100.0 / (SELECT SUM(visits) FROM inner_cte) AS pct FROM inner_cte
)
SELECT device, visits, ROUND(pct, 2) AS pct FROM outer_cte ORDER BY device;

-- case: cte_union_all_event_stream
-- ordered
WITH events AS (
    SELECT viewer_id, sent_at AS at, 'gift' AS kind FROM gifts
    UNION ALL
    SELECT viewer_id, join_time, 'visit' FROM viewer_sessions WHERE stream_id = 1626
    UNION ALL
    SELECT viewer_id, sent_at, 'chat' FROM chat_messages WHERE stream_id = 1626
)
SELECT kind, COUNT(*) AS events, COUNT(DISTINCT viewer_id) AS viewers, MIN(at) AS first_at, MAX(at) AS last_at
FROM events GROUP BY kind ORDER BY kind;

-- case: cte_two_aggregates_left_joined_once_each
-- ordered
WITH g AS (SELECT stream_id, SUM(amount_usd) AS usd, COUNT(*) AS gifts FROM gifts GROUP BY stream_id),
     v AS (SELECT stream_id, COUNT(*) AS visits FROM viewer_sessions GROUP BY stream_id),
     c AS (SELECT stream_id, COUNT(*) AS messages FROM chat_messages GROUP BY stream_id)
SELECT s.stream_id, COALESCE(g.usd, 0) AS usd, COALESCE(g.gifts, 0) AS gifts,
    COALESCE(v.visits, 0) AS visits, COALESCE(c.messages, 0) AS messages
FROM streams s
LEFT JOIN g ON g.stream_id = s.stream_id
LEFT JOIN v ON v.stream_id = s.stream_id
LEFT JOIN c ON c.stream_id = s.stream_id
ORDER BY usd DESC, s.stream_id LIMIT 15;

-- case: cte_filtering_on_aggregate_of_earlier_cte
-- ordered
WITH viewer_spend AS (
    SELECT viewer_id, SUM(amount_usd) AS spent FROM gifts GROUP BY viewer_id
), whales AS (
    SELECT viewer_id, spent FROM viewer_spend WHERE spent >= 100
)
SELECT v.username, w.spent FROM whales w JOIN viewers v ON v.viewer_id = w.viewer_id
ORDER BY w.spent DESC, v.username LIMIT 20;

-- case: recursive_numbers_one_to_ten
-- ordered
WITH RECURSIVE n(i) AS (
    SELECT 1
    UNION ALL
    SELECT i + 1 FROM n WHERE i < 10
)
SELECT i, i * i AS square FROM n ORDER BY i;

-- case: recursive_minute_series_concurrency_one_stream
-- ordered
WITH RECURSIVE minutes(t) AS (
    SELECT TIMESTAMP '2026-10-31 20:00:00'
    UNION ALL
    SELECT t + INTERVAL '1 minute' FROM minutes WHERE t < TIMESTAMP '2026-10-31 20:30:00'
)
SELECT m.t, COUNT(vs.session_id) AS watching
FROM minutes m
LEFT JOIN viewer_sessions vs
    ON vs.stream_id = 1991 AND vs.join_time <= m.t AND COALESCE(vs.leave_time, NOW()) > m.t
GROUP BY m.t ORDER BY m.t;

-- case: recursive_day_series_with_stream_counts
-- ordered
WITH RECURSIVE days(day) AS (
    SELECT DATE '2026-10-01'
    UNION ALL
    SELECT CAST(day + 1 AS DATE) FROM days WHERE day < DATE '2026-10-07'
)
SELECT d.day, COUNT(s.stream_id) AS streams
FROM days d LEFT JOIN streams s ON CAST(s.started_at AS DATE) = d.day
GROUP BY d.day ORDER BY d.day;

-- case: recursive_fibonacci_twenty_terms
-- ordered
WITH RECURSIVE fib(n, a, b) AS (
    SELECT 1, CAST(0 AS BIGINT), CAST(1 AS BIGINT)
    UNION ALL
    SELECT n + 1, b, a + b FROM fib WHERE n < 20
)
SELECT n, a FROM fib ORDER BY n;

-- case: recursive_union_stops_at_a_cycle
-- ordered
WITH RECURSIVE r(x) AS (
    SELECT 1
    UNION
    SELECT (x * 2) % 7 FROM r
)
SELECT x FROM r ORDER BY x;

-- case: recursive_step_joining_a_derived_table
-- ordered
WITH RECURSIVE n(i) AS (
    SELECT 1
    UNION ALL
    SELECT n.i + 1 FROM n JOIN (SELECT COUNT(*) AS c FROM stream_categories) k ON n.i < k.c
)
SELECT i FROM n ORDER BY i;

-- case: recursive_step_joining_a_table_walks_a_creators_later_streams
-- ordered
WITH RECURSIVE walk(stream_id, creator_id, depth) AS (
    SELECT stream_id, creator_id, 1 FROM streams WHERE stream_id IN (1, 2)
    UNION ALL
    SELECT s.stream_id, s.creator_id, w.depth + 1
    FROM walk w JOIN streams s ON s.creator_id = w.creator_id AND s.stream_id > w.stream_id
    WHERE w.depth < 3
)
SELECT depth, COUNT(*) AS streams, COUNT(DISTINCT creator_id) AS creators
FROM walk GROUP BY depth ORDER BY depth;

-- case: recursive_step_with_the_cte_on_the_kept_side_of_a_left_join
-- ordered
WITH RECURSIVE n(i, handle) AS (
    SELECT 1, CAST(NULL AS TEXT)
    UNION ALL
    SELECT n.i + 1, c.handle FROM n LEFT JOIN creators c ON c.creator_id = n.i * 1000 WHERE n.i < 4
)
SELECT i, handle FROM n ORDER BY i;

-- case: recursive_reference_read_twice_is_an_error
-- error
WITH RECURSIVE n(i) AS (
    SELECT 1
    UNION ALL
    SELECT n.i + 1 FROM n JOIN (SELECT MAX(i) AS m FROM n) k ON n.i = k.m WHERE n.i < 5
)
SELECT i FROM n;

-- case: recursive_reference_in_a_subquery_is_an_error
-- error
WITH RECURSIVE n(i) AS (
    SELECT 1
    UNION ALL
    SELECT c.creator_id + 1 FROM creators c
    WHERE c.creator_id < 3 AND EXISTS (SELECT 1 FROM n WHERE n.i = c.creator_id)
)
SELECT i FROM n;

-- case: recursive_reference_on_the_missing_side_of_an_outer_join_is_an_error
-- error
WITH RECURSIVE n(i) AS (
    SELECT 1
    UNION ALL
    SELECT n.i + 1 FROM creators c LEFT JOIN n ON c.creator_id = n.i WHERE n.i < 3
)
SELECT i FROM n;

-- case: recursive_term_with_an_aggregate_is_an_error
-- error
WITH RECURSIVE n(i) AS (
    SELECT 1
    UNION ALL
    SELECT MAX(i) + 1 FROM n WHERE i < 3 GROUP BY i
)
SELECT i FROM n;

-- case: recursive_reference_in_the_non_recursive_term_is_an_error
-- error
WITH RECURSIVE n(i) AS (
    SELECT 1
    UNION ALL
    SELECT i + 1 FROM n WHERE i < 3
    UNION ALL
    SELECT i + 2 FROM n WHERE i < 3
)
SELECT i FROM n;
