-- Joins: RIGHT, CROSS, comma joins, USING, FULL, self and anti joins.

-- case: right_join_categories_with_counts
-- ordered
SELECT sc.name, COUNT(s.stream_id) AS streams
FROM streams s RIGHT JOIN stream_categories sc ON sc.category_id = s.category_id
GROUP BY sc.name ORDER BY streams DESC, sc.name;

-- case: right_join_keeps_unmatched_catalog_rows
-- ordered
SELECT gc.gift_type_id, gc.name, g.gift_id, g.quantity
FROM (SELECT * FROM gifts WHERE stream_id = 1626) g
RIGHT JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id
ORDER BY gc.gift_type_id, g.gift_id;

-- case: right_join_with_where_on_left_side_null
SELECT COUNT(*) AS viewers_never_visited
FROM viewer_sessions vs RIGHT JOIN viewers v ON v.viewer_id = vs.viewer_id
WHERE vs.session_id IS NULL;

-- case: cross_join_categories_by_device_grid
-- ordered
SELECT sc.name, d.device, COUNT(vs.session_id) AS visits
FROM stream_categories sc
CROSS JOIN (SELECT DISTINCT device FROM viewer_sessions) d
LEFT JOIN streams s ON s.category_id = sc.category_id
LEFT JOIN viewer_sessions vs ON vs.stream_id = s.stream_id AND vs.device = d.device
GROUP BY sc.name, d.device
ORDER BY sc.name, d.device;

-- case: cross_join_with_scalar_cte
-- ordered
WITH total AS (SELECT SUM(amount_usd) AS usd FROM gifts)
SELECT gc.tier, SUM(g.amount_usd) AS usd, ROUND(100 * SUM(g.amount_usd) / t.usd, 2) AS pct
FROM gifts g JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id CROSS JOIN total t
GROUP BY gc.tier, t.usd ORDER BY gc.tier;

-- case: cross_join_counts_multiply
SELECT COUNT(*) FROM gift_catalog CROSS JOIN stream_categories;

-- case: comma_join_with_where
-- ordered
SELECT s.stream_id, c.handle, s.title
FROM streams s, creators c
WHERE s.creator_id = c.creator_id AND s.stream_id <= 10
ORDER BY s.stream_id;

-- case: comma_join_three_tables
-- ordered
SELECT sc.name, COUNT(*) AS gifts, SUM(g.amount_usd) AS usd
FROM gifts g, streams s, stream_categories sc
WHERE g.stream_id = s.stream_id AND s.category_id = sc.category_id
GROUP BY sc.name ORDER BY usd DESC, sc.name;

-- case: comma_join_mixed_with_explicit_join
-- ordered
SELECT c.country, COUNT(DISTINCT s.stream_id) AS streams, COUNT(g.gift_id) AS gifts
FROM creators c, streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id
WHERE s.creator_id = c.creator_id
GROUP BY c.country ORDER BY c.country;

-- case: join_using_clause
-- ordered
SELECT stream_id, COUNT(*) AS gifts, MAX(title) AS title
FROM gifts JOIN streams USING (stream_id)
GROUP BY stream_id ORDER BY gifts DESC, stream_id LIMIT 10;

-- case: full_outer_join_gifts_and_chat_per_day
-- ordered
SELECT COALESCE(g.day, c.day) AS day, g.gifts, c.messages
FROM (SELECT CAST(sent_at AS DATE) AS day, COUNT(*) AS gifts FROM gifts WHERE stream_id = 1626 GROUP BY 1) g
FULL OUTER JOIN (SELECT CAST(sent_at AS DATE) AS day, COUNT(*) AS messages FROM chat_messages WHERE stream_id = 1626 GROUP BY 1) c
    ON c.day = g.day
ORDER BY day;

-- case: left_join_condition_in_on_vs_where
SELECT
    (SELECT COUNT(*) FROM streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id AND g.amount_usd > 50) AS filter_in_on,
    (SELECT COUNT(*) FROM streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id WHERE g.amount_usd > 50) AS filter_in_where;

-- case: self_join_consecutive_streams_of_creator
-- ordered
SELECT a.creator_id, a.stream_id, b.stream_id AS next_stream, b.started_at - a.ended_at AS gap
FROM streams a JOIN streams b
    ON b.creator_id = a.creator_id
    AND b.started_at = (SELECT MIN(started_at) FROM streams x WHERE x.creator_id = a.creator_id AND x.started_at > a.started_at)
WHERE a.creator_id IN (1, 2)
ORDER BY a.creator_id, a.started_at, a.stream_id;

-- case: anti_join_not_exists_viewers_who_never_gifted
SELECT COUNT(*) FROM viewers v
WHERE NOT EXISTS (SELECT 1 FROM gifts g WHERE g.viewer_id = v.viewer_id);

-- case: semi_join_exists_partners_with_live_streams
-- ordered
SELECT c.creator_id, c.handle FROM creators c
WHERE EXISTS (SELECT 1 FROM streams s WHERE s.creator_id = c.creator_id AND s.ended_at IS NULL)
ORDER BY c.creator_id;

-- case: join_on_range_price_in_force_by_tier
-- ordered
SELECT gc.tier, COUNT(*) AS gifts, SUM(p.price_usd * g.quantity) AS list_usd, SUM(g.amount_usd) AS paid_usd
FROM gifts g
JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id
JOIN gift_prices p ON p.gift_type_id = g.gift_type_id
    AND g.sent_at >= p.valid_from AND (p.valid_to IS NULL OR g.sent_at < p.valid_to)
GROUP BY gc.tier ORDER BY gc.tier;

-- case: join_two_derived_tables
-- ordered
SELECT a.creator_id, a.streams, b.gifts_usd
FROM (SELECT creator_id, COUNT(*) AS streams FROM streams GROUP BY creator_id) a
JOIN (SELECT s.creator_id, SUM(g.amount_usd) AS gifts_usd FROM gifts g JOIN streams s ON s.stream_id = g.stream_id GROUP BY s.creator_id) b
    ON b.creator_id = a.creator_id
ORDER BY b.gifts_usd DESC, a.creator_id LIMIT 12;

-- case: left_join_chain_null_extension
-- ordered
SELECT s.stream_id, g.gift_id, gc.name
FROM streams s
LEFT JOIN gifts g ON g.stream_id = s.stream_id
LEFT JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id
WHERE s.stream_id BETWEEN 1 AND 8
ORDER BY s.stream_id, g.gift_id;

-- case: join_small_derived_table_without_aggregate
-- ordered
SELECT s.stream_id, s.title, l.started_at
FROM streams s JOIN (SELECT stream_id, started_at FROM streams WHERE ended_at IS NULL) l ON l.stream_id = s.stream_id
ORDER BY s.stream_id;

-- case: left_join_aggregated_derived_table
-- ordered
SELECT c.creator_id, c.handle, COALESCE(x.streams, 0) AS streams
FROM creators c LEFT JOIN (SELECT creator_id, COUNT(*) AS streams FROM streams GROUP BY creator_id) x ON x.creator_id = c.creator_id
WHERE c.creator_id <= 10
ORDER BY c.creator_id;

-- case: not_exists_keeps_rows_whose_key_is_null
SELECT COUNT(*) AS n, COUNT(a.leave_time) AS closed
FROM viewer_sessions a
WHERE NOT EXISTS (SELECT 1 FROM viewer_sessions b WHERE b.join_time = a.leave_time);

-- case: exists_on_a_nullable_key_with_a_condition
SELECT COUNT(*) AS n FROM streams s
WHERE EXISTS (SELECT 1 FROM streams t WHERE t.started_at = s.ended_at AND t.creator_id <> 3);

-- case: correlated_sum_compared_per_stream
-- ordered
SELECT s.stream_id, s.creator_id FROM streams s
WHERE 50 < (SELECT SUM(g.amount_usd) FROM gifts g WHERE g.stream_id = s.stream_id AND g.quantity > 1)
ORDER BY s.stream_id;

-- case: correlated_aggregate_is_null_and_count_zero
SELECT COUNT(*) FILTER (WHERE s.ended_at IS NULL) AS live, COUNT(*) AS n FROM streams s
WHERE (SELECT MAX(g.sent_at) FROM gifts g WHERE g.stream_id = s.stream_id) IS NULL
  AND (SELECT COUNT(*) FROM gifts g WHERE g.stream_id = s.stream_id) = 0;

-- case: left_join_condition_on_the_joined_table_alone
-- ordered
SELECT sc.category_id, COUNT(s.stream_id) AS live_in_later_categories
FROM stream_categories sc
LEFT JOIN streams s ON s.ended_at IS NULL AND s.category_id >= sc.category_id
GROUP BY sc.category_id
ORDER BY sc.category_id;

-- case: left_join_using_merged_column_in_where_group_and_order
-- ordered
SELECT viewer_id, COUNT(gift_id) AS gifts, COALESCE(SUM(amount_usd), 0) AS usd
FROM viewers LEFT JOIN gifts USING (viewer_id)
WHERE viewer_id <= 40
GROUP BY viewer_id ORDER BY viewer_id;

-- case: right_join_using_reads_the_right_side
-- ordered
SELECT creator_id, COUNT(s.stream_id) AS streams
FROM streams s RIGHT JOIN creators c USING (creator_id)
GROUP BY creator_id ORDER BY streams, creator_id LIMIT 15;

-- case: join_using_two_columns_with_aliases_and_qualified_star
-- ordered
SELECT g.*, m.message_id
FROM gifts g JOIN chat_messages m USING (stream_id, viewer_id)
WHERE stream_id = 1626
ORDER BY g.gift_id, m.message_id LIMIT 20;

-- case: full_join_gifts_per_stream_vs_sessions_per_stream
-- ordered
WITH gifted AS (
    SELECT stream_id, COUNT(*) AS gifts, SUM(amount_usd) AS usd
    FROM gifts WHERE amount_usd >= 20 GROUP BY stream_id
), watched AS (
    SELECT stream_id, COUNT(*) AS sessions
    FROM viewer_sessions WHERE device = 'tv' AND join_time >= NOW() - INTERVAL '30 days' GROUP BY stream_id
)
SELECT COALESCE(g.stream_id, w.stream_id) AS stream_id, g.gifts, g.usd, w.sessions
FROM gifted g FULL OUTER JOIN watched w ON w.stream_id = g.stream_id
ORDER BY stream_id LIMIT 40;

-- case: full_join_aggregated_ctes_summary_by_side
-- ordered
WITH gifted AS (
    SELECT stream_id, COUNT(*) AS gifts FROM gifts GROUP BY stream_id
), watched AS (
    SELECT stream_id, COUNT(*) AS sessions FROM viewer_sessions WHERE device = 'ios' GROUP BY stream_id
)
SELECT CASE WHEN g.stream_id IS NULL THEN 'sessions only'
            WHEN w.stream_id IS NULL THEN 'gifts only' ELSE 'both' END AS side,
       COUNT(*) AS streams, SUM(g.gifts) AS gifts, SUM(w.sessions) AS sessions
FROM gifted g FULL JOIN watched w ON g.stream_id = w.stream_id
GROUP BY 1 ORDER BY 1;

-- case: full_join_null_keys_never_match
-- ordered
WITH a (k, x) AS (VALUES (1, 'a1'), (NULL, 'a-null'), (2, 'a2'), (2, 'a2-again')),
     b (k, y) AS (VALUES (2, 'b2'), (NULL, 'b-null'), (3, 'b3'))
SELECT a.k AS a_k, a.x, b.k AS b_k, b.y
FROM a FULL JOIN b ON a.k = b.k
ORDER BY a.x NULLS LAST, b.y;

-- case: full_join_where_on_both_sides_applies_after_the_join
-- ordered
SELECT c.creator_id, c.handle, s.stream_id
FROM (SELECT * FROM creators WHERE creator_id <= 12) c
FULL JOIN (SELECT * FROM streams WHERE stream_id <= 300) s ON s.creator_id = c.creator_id
WHERE (c.is_partner OR c.creator_id IS NULL) AND (s.ended_at IS NOT NULL OR s.stream_id IS NULL)
ORDER BY c.creator_id NULLS FIRST, s.stream_id NULLS FIRST;

-- case: full_join_condition_with_more_than_equality
-- ordered
SELECT c.creator_id, s.stream_id, s.started_at
FROM (SELECT * FROM creators WHERE creator_id <= 30) c
FULL JOIN (SELECT * FROM streams WHERE creator_id <= 30) s
    ON s.creator_id = c.creator_id AND s.started_at >= TIMESTAMP '2026-10-15 00:00:00'
ORDER BY c.creator_id NULLS FIRST, s.stream_id NULLS FIRST;

-- case: full_join_inside_a_cte_counted
WITH paired AS (
    SELECT g.gift_id, vs.session_id
    FROM (SELECT * FROM gifts WHERE stream_id <= 400) g
    FULL JOIN (SELECT * FROM viewer_sessions WHERE stream_id <= 400) vs
        ON vs.stream_id = g.stream_id AND vs.viewer_id = g.viewer_id
)
SELECT COUNT(*) AS pairs, COUNT(gift_id) AS with_gift, COUNT(session_id) AS with_session,
       COUNT(*) FILTER (WHERE gift_id IS NULL) AS sessions_without_gift,
       COUNT(*) FILTER (WHERE session_id IS NULL) AS gifts_without_session
FROM paired;

-- case: full_join_using_merged_column_is_either_side
-- ordered
SELECT stream_id, g.gifts, m.messages
FROM (SELECT stream_id, COUNT(*) AS gifts FROM gifts WHERE amount_usd > 50 GROUP BY stream_id) g
FULL JOIN (SELECT stream_id, COUNT(*) AS messages FROM chat_messages WHERE viewer_id % 7 = 0 GROUP BY stream_id) m
    USING (stream_id)
WHERE stream_id < 500
ORDER BY stream_id;

-- case: full_join_star_of_base_tables
-- ordered
SELECT *
FROM gift_catalog gc FULL JOIN gift_prices p ON p.gift_type_id = gc.gift_type_id AND p.valid_to IS NOT NULL
ORDER BY gc.gift_type_id, p.valid_from, p.gift_type_id;

-- case: full_join_chained_and_then_left_join
-- ordered
WITH g AS (SELECT stream_id, COUNT(*) AS n FROM gifts WHERE stream_id <= 200 GROUP BY stream_id),
     v AS (SELECT stream_id, COUNT(*) AS n FROM viewer_sessions WHERE stream_id BETWEEN 100 AND 300 AND device = 'web' GROUP BY stream_id),
     m AS (SELECT stream_id, COUNT(*) AS n FROM chat_messages WHERE stream_id BETWEEN 150 AND 350 AND viewer_id % 7 = 0 GROUP BY stream_id)
SELECT COALESCE(g.stream_id, v.stream_id, m.stream_id) AS stream_id, g.n AS gifts, v.n AS visits, m.n AS deleted, s.creator_id
FROM g
FULL JOIN v ON v.stream_id = g.stream_id
FULL JOIN m ON m.stream_id = COALESCE(g.stream_id, v.stream_id)
LEFT JOIN streams s ON s.stream_id = COALESCE(g.stream_id, v.stream_id, m.stream_id)
ORDER BY 1;

-- case: select_star_join_using_lists_the_merged_column_first
-- ordered
SELECT * FROM gifts g JOIN streams s USING (stream_id)
WHERE stream_id = 1626 ORDER BY gift_id;

-- case: select_star_left_join_using_then_another_join
-- ordered
SELECT * FROM gift_catalog LEFT JOIN gift_prices USING (gift_type_id)
JOIN (SELECT gift_type_id, COUNT(*) AS sent FROM gifts GROUP BY gift_type_id) n ON n.gift_type_id = gift_catalog.gift_type_id
ORDER BY 1, valid_from;

-- case: select_star_right_join_using_reads_the_right_side
-- ordered
SELECT * FROM (SELECT * FROM streams WHERE stream_id <= 40) s RIGHT JOIN (SELECT * FROM creators WHERE creator_id <= 20) c USING (creator_id)
ORDER BY creator_id, stream_id;

-- case: select_star_full_join_using_of_aggregated_ctes
-- ordered
WITH gifted AS (SELECT stream_id, COUNT(*) AS gifts FROM gifts WHERE stream_id <= 300 GROUP BY stream_id),
     watched AS (SELECT stream_id, COUNT(*) AS visits FROM viewer_sessions WHERE stream_id BETWEEN 200 AND 400 AND device = 'tv' GROUP BY stream_id)
SELECT * FROM gifted FULL JOIN watched USING (stream_id) ORDER BY stream_id;

-- case: natural_join_star_catalog_and_prices
-- ordered
SELECT * FROM gift_catalog NATURAL JOIN gift_prices ORDER BY gift_type_id, valid_from;

-- case: natural_join_on_two_common_columns_of_ctes
-- ordered
WITH g AS (SELECT stream_id, viewer_id, COUNT(*) AS gifts FROM gifts GROUP BY stream_id, viewer_id),
     v AS (SELECT stream_id, viewer_id, COUNT(*) AS visits FROM viewer_sessions GROUP BY stream_id, viewer_id)
SELECT * FROM g NATURAL JOIN v ORDER BY stream_id, viewer_id LIMIT 40;

-- case: natural_left_join_merged_column_bare_in_group_by
-- ordered
SELECT gift_type_id, name, COUNT(valid_from) AS prices, MAX(price_usd) AS top_price
FROM gift_catalog NATURAL LEFT JOIN (SELECT * FROM gift_prices WHERE valid_to IS NOT NULL) p
GROUP BY gift_type_id, name ORDER BY gift_type_id;

-- case: select_star_of_a_derived_table_over_join_using
-- ordered
SELECT * FROM (SELECT * FROM streams JOIN creators USING (creator_id)) sc
WHERE creator_id <= 3 ORDER BY stream_id;

-- case: correlated_exists_in_an_inner_join_condition
-- ordered
SELECT s.stream_id, COUNT(*) AS gifts_from_watchers
FROM streams s JOIN gifts g
    ON g.stream_id = s.stream_id
    AND EXISTS (SELECT 1 FROM viewer_sessions vs WHERE vs.viewer_id = g.viewer_id AND vs.stream_id = s.stream_id)
WHERE s.stream_id <= 120
GROUP BY s.stream_id ORDER BY s.stream_id;

-- case: correlated_subquery_in_a_left_join_condition_keeps_unmatched_rows
-- ordered
SELECT c.creator_id, s.stream_id AS latest_stream, s.started_at
FROM (SELECT * FROM creators WHERE creator_id <= 8) c
LEFT JOIN (SELECT * FROM streams WHERE creator_id <= 8 AND category_id <> 3) s
    ON s.creator_id = c.creator_id
    AND s.started_at = (SELECT MAX(x.started_at) FROM streams x WHERE x.creator_id = c.creator_id)
ORDER BY c.creator_id;

-- case: cte_naming_the_first_columns_of_a_star_over_using
-- ordered
WITH x (creator, stream) AS (
    SELECT * FROM (SELECT stream_id, creator_id, started_at FROM streams WHERE stream_id <= 12) s JOIN creators USING (creator_id)
)
SELECT creator, stream, started_at, handle FROM x ORDER BY stream;

-- case: full_join_to_a_parenthesized_join
-- ordered
SELECT c.creator_id, c.handle, s.stream_id, g.gift_id, g.amount_usd
FROM (SELECT * FROM creators WHERE creator_id <= 12) c
FULL JOIN (streams s JOIN gifts g ON g.stream_id = s.stream_id AND g.amount_usd >= 100)
    ON s.creator_id = c.creator_id AND s.started_at >= TIMESTAMP '2026-09-15 00:00:00'
ORDER BY c.creator_id NULLS FIRST, g.gift_id NULLS FIRST;

-- case: parenthesized_join_then_full_join
-- ordered
SELECT c.creator_id, s.stream_id, v.session_id, v.device
FROM (creators c JOIN streams s ON s.creator_id = c.creator_id AND c.creator_id <= 40)
FULL JOIN (SELECT * FROM viewer_sessions WHERE device = 'tv' AND stream_id <= 120) v
    ON v.stream_id = s.stream_id AND c.is_partner
WHERE v.session_id IS NULL OR v.session_id % 3 = 0
ORDER BY s.stream_id NULLS FIRST, v.session_id NULLS FIRST;

-- case: left_join_to_a_parenthesized_full_join_counted
WITH g AS (SELECT * FROM gifts WHERE stream_id <= 60), m AS (SELECT * FROM chat_messages WHERE stream_id <= 60 AND viewer_id % 5 = 0)
SELECT s.stream_id, COUNT(g.gift_id) AS gifts, COUNT(m.message_id) AS messages, COUNT(*) AS pairs
FROM (SELECT * FROM streams WHERE stream_id <= 50) s
LEFT JOIN (g FULL JOIN m ON m.stream_id = g.stream_id AND m.viewer_id = g.viewer_id)
    ON s.stream_id = COALESCE(g.stream_id, m.stream_id)
GROUP BY s.stream_id;

-- case: comma_list_then_full_join_pairs_every_row_of_the_full_join
SELECT v.viewer_id, vs.session_id, g.gift_id
FROM (SELECT * FROM viewers WHERE viewer_id <= 60) v,
     (SELECT * FROM viewer_sessions WHERE stream_id <= 30) vs
     FULL JOIN (SELECT * FROM gifts WHERE stream_id <= 30) g ON g.viewer_id = vs.viewer_id AND g.stream_id = vs.stream_id
WHERE v.viewer_id = COALESCE(vs.viewer_id, g.viewer_id);

-- case: full_join_using_after_an_inner_join_merges_the_column
-- ordered
SELECT stream_id, s.creator_id, c.handle, g.gift_id, g.amount_usd
FROM creators c JOIN (SELECT * FROM streams WHERE stream_id <= 900) s ON s.creator_id = c.creator_id
FULL JOIN (SELECT * FROM gifts WHERE amount_usd > 100) g USING (stream_id)
WHERE c.creator_id IS NULL OR c.creator_id <= 3
ORDER BY stream_id, g.gift_id NULLS FIRST;

-- case: full_join_using_after_join_using_grouped_by_the_merged_column
-- ordered
SELECT stream_id, COUNT(g.gift_id) AS gifts, COUNT(m.message_id) AS messages
FROM gifts g JOIN streams s USING (stream_id)
FULL JOIN (SELECT * FROM chat_messages WHERE stream_id <= 150 AND viewer_id % 4 = 0) m USING (stream_id)
WHERE stream_id <= 200
GROUP BY stream_id ORDER BY stream_id;

-- case: select_star_full_join_using_after_a_join
-- ordered
SELECT *
FROM (SELECT * FROM creators WHERE creator_id <= 6) c JOIN streams s ON s.creator_id = c.creator_id
FULL JOIN (SELECT * FROM gifts WHERE amount_usd > 150) g USING (stream_id)
ORDER BY stream_id, g.gift_id NULLS FIRST;

-- case: select_star_full_join_using_two_columns_after_join_using
-- ordered
SELECT *
FROM (SELECT * FROM gifts WHERE stream_id <= 80) g JOIN streams s USING (stream_id)
FULL JOIN (SELECT stream_id, viewer_id, COUNT(*) AS messages FROM chat_messages WHERE stream_id <= 80 GROUP BY 1, 2) m
    USING (stream_id, viewer_id)
ORDER BY stream_id, viewer_id, g.gift_id NULLS FIRST;

-- case: left_join_using_after_another_join
-- ordered
SELECT * FROM streams s JOIN gifts g ON g.stream_id = s.stream_id LEFT JOIN viewers v USING (viewer_id)
WHERE s.stream_id <= 30 ORDER BY g.gift_id;

-- case: select_star_right_join_then_full_join
-- ordered
SELECT *
FROM (SELECT * FROM creators WHERE is_partner) c
RIGHT JOIN (SELECT * FROM streams WHERE stream_id <= 60) s ON s.creator_id = c.creator_id
FULL JOIN stream_categories sc ON sc.category_id = s.category_id AND sc.is_gaming
ORDER BY s.stream_id NULLS FIRST, sc.category_id;

-- case: select_star_full_join_then_right_join
-- ordered
SELECT *
FROM stream_categories sc
FULL JOIN (SELECT * FROM streams WHERE stream_id <= 100) s ON sc.category_id = s.category_id AND sc.is_gaming
RIGHT JOIN (SELECT * FROM creators WHERE creator_id <= 30) c ON s.creator_id = c.creator_id
ORDER BY c.creator_id, s.stream_id NULLS FIRST, sc.category_id NULLS FIRST;

-- case: full_join_then_right_join_listed_columns
-- ordered
SELECT c.creator_id, s.stream_id, sc.name
FROM stream_categories sc FULL JOIN streams s ON sc.category_id = s.category_id AND NOT sc.is_gaming
RIGHT JOIN (SELECT * FROM creators WHERE creator_id <= 50) c ON s.creator_id = c.creator_id
ORDER BY c.creator_id, s.stream_id NULLS FIRST;

-- case: select_star_right_join
-- ordered
SELECT * FROM (SELECT * FROM streams WHERE stream_id <= 60) s
RIGHT JOIN (SELECT * FROM creators WHERE creator_id <= 30) c ON s.creator_id = c.creator_id
ORDER BY c.creator_id, s.stream_id;

-- case: right_join_after_an_inner_join
-- ordered
SELECT s.stream_id, g.gift_id, gc.gift_type_id, gc.name
FROM (SELECT * FROM streams WHERE stream_id <= 5) s JOIN gifts g ON g.stream_id = s.stream_id
RIGHT JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id
ORDER BY gc.gift_type_id, g.gift_id;

-- case: right_join_to_a_parenthesized_join
-- ordered
SELECT s.stream_id, s.title, g.gift_id, v.username
FROM (SELECT * FROM streams WHERE stream_id <= 40) s
RIGHT JOIN ((SELECT * FROM gifts WHERE amount_usd > 100) g JOIN viewers v ON v.viewer_id = g.viewer_id)
    ON g.stream_id = s.stream_id
ORDER BY g.gift_id;

-- case: right_join_to_a_parenthesized_join_in_a_scalar_subquery
SELECT (SELECT COUNT(*) FROM streams s RIGHT JOIN (gifts g JOIN viewers v ON v.viewer_id = g.viewer_id)
        ON g.stream_id = s.stream_id AND s.stream_id <= 300 WHERE s.stream_id IS NULL) AS gifts_outside,
       (SELECT COUNT(*) FROM gifts) AS gifts;

-- case: full_join_using_after_a_parenthesized_right_join
-- ordered
SELECT g.amount_usd, s.stream_id, g.viewer_id AS gift_viewer, viewer_id, v.username
FROM (SELECT * FROM stream_categories WHERE NOT is_gaming) sc
JOIN ((SELECT * FROM streams WHERE stream_id <= 40) s RIGHT JOIN (SELECT * FROM gifts WHERE gift_id <= 300) g ON g.stream_id = s.stream_id)
    ON s.category_id = sc.category_id
FULL JOIN (SELECT * FROM viewers WHERE viewer_id <= 150) v USING (viewer_id)
ORDER BY viewer_id, g.amount_usd, s.stream_id;

-- case: natural_full_join_after_a_join
-- ordered
SELECT *
FROM (SELECT creator_id, handle FROM creators WHERE creator_id <= 5) c
JOIN (SELECT stream_id, creator_id AS cid FROM streams WHERE stream_id <= 300) s ON s.cid = c.creator_id
NATURAL FULL JOIN (SELECT stream_id, COUNT(*) AS gifts FROM gifts WHERE stream_id <= 100 GROUP BY 1) g
ORDER BY stream_id, creator_id;

-- case: inner_join_to_a_parenthesized_join_whose_condition_has_or
SELECT COUNT(*) AS pairs, COUNT(DISTINCT c.creator_id) AS creators, COUNT(DISTINCT g.gift_id) AS gifts
FROM (SELECT * FROM creators WHERE creator_id <= 40) c
JOIN (streams s JOIN gifts g ON g.stream_id = s.stream_id AND g.amount_usd > 50)
    ON s.creator_id = c.creator_id OR g.amount_usd > 200;

-- case: comma_list_then_parenthesized_left_join
-- ordered
SELECT v.viewer_id, s.stream_id, g.gift_id
FROM (SELECT * FROM viewers WHERE viewer_id <= 40) v,
     ((SELECT * FROM streams WHERE stream_id IN (SELECT stream_id FROM gifts WHERE gift_id <= 30) OR stream_id <= 10) s
      LEFT JOIN gifts g ON g.stream_id = s.stream_id AND g.amount_usd > 5)
WHERE v.viewer_id = COALESCE(g.viewer_id % 40 + 1, s.stream_id % 40 + 1)
ORDER BY v.viewer_id, s.stream_id, g.gift_id NULLS FIRST;

-- case: inner_join_to_a_parenthesized_full_join_with_a_condition_on_both_sides
-- ordered
SELECT c.creator_id, s.stream_id, g.gift_id
FROM (SELECT * FROM creators WHERE creator_id <= 20) c
JOIN ((SELECT * FROM streams WHERE stream_id <= 200) s
      FULL JOIN (SELECT * FROM gifts WHERE amount_usd > 50) g ON g.stream_id = s.stream_id)
    ON c.creator_id = COALESCE(s.creator_id, g.viewer_id % 20 + 1)
ORDER BY c.creator_id, s.stream_id NULLS FIRST, g.gift_id NULLS FIRST;

-- case: inner_join_to_a_parenthesized_cross_join
SELECT COUNT(*) AS n, SUM(c.creator_id) AS creators, SUM(sc.category_id) AS categories
FROM (SELECT * FROM streams WHERE stream_id <= 60) s
JOIN (creators c CROSS JOIN stream_categories sc)
    ON c.creator_id = s.creator_id AND sc.category_id <> s.category_id;

-- case: inner_join_to_a_parenthesized_left_join_with_a_condition_keeps_its_nulls
-- ordered
SELECT c.creator_id, s.stream_id, g.gift_id
FROM (SELECT * FROM creators WHERE creator_id <= 15) c
JOIN ((SELECT * FROM streams WHERE stream_id <= 150) s
      LEFT JOIN gifts g ON g.stream_id = s.stream_id AND g.amount_usd > 20)
    ON s.creator_id = c.creator_id AND (g.gift_id IS NULL OR g.viewer_id % 2 = 0)
ORDER BY c.creator_id, s.stream_id, g.gift_id NULLS FIRST;

-- case: exists_correlated_by_two_keys
-- ordered
SELECT g.stream_id, COUNT(*) AS gifts_from_watchers, SUM(g.amount_usd) AS usd
FROM gifts g
WHERE EXISTS (SELECT 1 FROM viewer_sessions vs
              WHERE vs.viewer_id = g.viewer_id AND g.stream_id = vs.stream_id AND vs.device <> 'tv')
GROUP BY g.stream_id ORDER BY g.stream_id LIMIT 25;

-- case: not_exists_correlated_by_two_keys_counts_rows_with_no_match
SELECT COUNT(*) AS gifts_without_a_visit, COUNT(DISTINCT g.viewer_id) AS viewers
FROM gifts g
WHERE NOT EXISTS (SELECT 1 FROM viewer_sessions vs
                  WHERE vs.stream_id = g.stream_id AND vs.viewer_id = g.viewer_id AND vs.leave_time IS NOT NULL);

-- case: aggregate_correlated_by_two_keys
-- ordered
SELECT g.gift_id, g.amount_usd
FROM gifts g
WHERE g.amount_usd > (SELECT AVG(g2.amount_usd) FROM gifts g2
                      WHERE g2.stream_id = g.stream_id AND g2.viewer_id = g.viewer_id)
ORDER BY g.gift_id LIMIT 30;

-- case: not_exists_in_an_inner_join_condition_then_a_left_join
-- ordered
SELECT s.stream_id, COUNT(DISTINCT g.gift_id) AS gifts_from_strangers, COUNT(c.message_id) AS their_messages
FROM streams s
JOIN gifts g ON g.stream_id = s.stream_id
    AND NOT EXISTS (SELECT 1 FROM viewer_sessions vs WHERE vs.viewer_id = g.viewer_id AND vs.stream_id = s.stream_id)
LEFT JOIN chat_messages c ON c.stream_id = s.stream_id AND c.viewer_id = g.viewer_id
WHERE s.stream_id <= 400
GROUP BY s.stream_id ORDER BY s.stream_id;

-- case: exists_in_an_inner_join_condition_before_a_full_join_stays_there
-- ordered
SELECT s.stream_id, g.gift_id, c.category_id
FROM (SELECT * FROM streams WHERE stream_id <= 300) s
JOIN gifts g ON g.stream_id = s.stream_id
    AND EXISTS (SELECT 1 FROM viewer_sessions vs WHERE vs.viewer_id = g.viewer_id AND vs.stream_id = s.stream_id)
FULL JOIN (SELECT * FROM stream_categories WHERE category_id <= 4) c ON c.category_id = s.category_id
ORDER BY s.stream_id NULLS FIRST, g.gift_id NULLS FIRST, c.category_id;

-- case: inner_join_condition_on_earlier_tables_after_a_left_join
-- The later ON reads only earlier tables, one of them padded by the LEFT JOIN: it keeps the
-- streams without a gift, tested after the padding.
-- ordered
SELECT s.stream_id, c.handle
FROM streams s
LEFT JOIN gifts g ON g.stream_id = s.stream_id
JOIN creators c ON c.creator_id = s.creator_id AND g.gift_id IS NULL AND s.stream_id % 7 = 0
ORDER BY s.stream_id
LIMIT 40;

-- case: inner_join_to_a_parenthesized_cross_join_with_a_key_to_the_first_table
SELECT COUNT(*) AS n, SUM(c.creator_id) AS creators, SUM(sc.category_id) AS categories
FROM streams s
JOIN (creators c CROSS JOIN stream_categories sc)
    ON c.creator_id = s.creator_id AND sc.category_id <> s.category_id AND c.is_partner;

-- case: aliased_parenthesized_join_read_by_its_alias
-- ordered
SELECT sc.handle, sc.stream_id, sc.title
FROM (streams s JOIN creators c ON c.creator_id = s.creator_id) AS sc
WHERE sc.is_partner
ORDER BY sc.stream_id
LIMIT 8;

-- case: aliased_parenthesized_using_join_has_the_merged_column_once
-- ordered
SELECT x.*
FROM (streams JOIN gifts USING (stream_id)) AS x
ORDER BY x.gift_id
LIMIT 3;

-- case: aliased_parenthesized_join_joined_again_with_renamed_columns
-- ordered
SELECT j.sid, j.cid, COUNT(g.gift_id) AS gifts
FROM (streams s JOIN creators c USING (creator_id)) AS j (cid, sid)
LEFT JOIN gifts g ON g.stream_id = j.sid
GROUP BY j.sid, j.cid
ORDER BY gifts DESC, j.sid
LIMIT 5;

-- case: a name an aliased join has twice is ambiguous
-- error
SELECT sc.creator_id FROM (streams s JOIN creators c ON c.creator_id = s.creator_id) AS sc;

-- case: a name a derived table has twice is ambiguous
-- error
SELECT t.k FROM (SELECT stream_id AS k, creator_id AS k FROM streams) t;

-- case: merged_column_of_a_parenthesized_using_join_read_bare
-- ordered
SELECT stream_id, creator_id, handle, COUNT(*) AS gifts
FROM (streams JOIN gifts USING (stream_id)) JOIN creators USING (creator_id)
GROUP BY stream_id, creator_id, handle
ORDER BY gifts DESC, stream_id
LIMIT 5;

-- case: merged_column_of_a_parenthesized_left_using_join_read_bare
-- ordered
SELECT stream_id, COUNT(g.gift_id) AS gifts
FROM (streams s LEFT JOIN gifts g USING (stream_id))
GROUP BY stream_id
ORDER BY gifts, stream_id
LIMIT 5;

-- case: left_join_keeps_creators_whose_filter_reaches_the_joined_table
-- ordered
SELECT c.creator_id, COUNT(s.stream_id) AS streams, MIN(s.stream_id) AS first_stream
FROM creators c LEFT JOIN streams s ON s.creator_id = c.creator_id
WHERE c.creator_id < 12
GROUP BY c.creator_id ORDER BY c.creator_id;

-- case: inner_join_condition_on_the_joined_key_limits_the_first_table
-- ordered
SELECT s.stream_id, s.creator_id, COUNT(*) AS gifts, SUM(g.amount_usd) AS usd
FROM streams s JOIN gifts g ON g.stream_id = s.stream_id AND g.stream_id IN (1626, 1627, 99999)
GROUP BY s.stream_id, s.creator_id ORDER BY s.stream_id;

-- case: left_join_condition_on_the_joined_key_keeps_every_first_row
-- ordered
SELECT s.stream_id, COUNT(g.gift_id) AS gifts
FROM streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id AND g.stream_id = 1626
WHERE s.stream_id BETWEEN 1620 AND 1630
GROUP BY s.stream_id ORDER BY s.stream_id;

-- case: where_on_a_left_joined_key_then_another_join
-- ordered
SELECT c.creator_id, s.stream_id, COUNT(g.gift_id) AS gifts
FROM creators c
LEFT JOIN streams s ON s.creator_id = c.creator_id
JOIN gifts g ON g.stream_id = s.stream_id
WHERE s.stream_id >= 1620 AND s.stream_id < 1660
GROUP BY c.creator_id, s.stream_id ORDER BY c.creator_id, s.stream_id;

-- case: three_way_join_filtered_on_the_last_table_key
-- ordered
SELECT g.viewer_id, COUNT(*) AS pairs, SUM(g.amount_usd) AS usd
FROM gifts g
JOIN streams s ON s.stream_id = g.stream_id
JOIN viewer_sessions vs ON vs.stream_id = s.stream_id AND vs.viewer_id = g.viewer_id
WHERE vs.stream_id = 1626
GROUP BY g.viewer_id ORDER BY g.viewer_id;

-- case: join_on_decimal_keys_with_a_bound_on_them
-- ordered
WITH ids(sid) AS (VALUES (1626.0), (1627.5), (1650))
SELECT ids.sid, COUNT(g.gift_id) AS gifts
FROM ids JOIN gifts g ON g.stream_id = ids.sid
WHERE ids.sid < 1640
GROUP BY ids.sid ORDER BY ids.sid;

-- case: self_join_on_text_with_a_constant_on_one_side
-- ordered
SELECT a.session_id, COUNT(b.session_id) AS same_device
FROM viewer_sessions a JOIN viewer_sessions b ON b.device = a.device
WHERE a.device = 'tv' AND a.session_id < 60 AND b.session_id < 200
GROUP BY a.session_id ORDER BY a.session_id;

-- case: not_exists_with_a_range_on_the_correlated_key
-- ordered
SELECT s.stream_id, s.creator_id
FROM streams s
WHERE s.stream_id BETWEEN 1 AND 400
    AND NOT EXISTS (SELECT 1 FROM gifts g WHERE g.stream_id = s.stream_id)
ORDER BY s.stream_id;

-- case: exists_with_bounds_on_both_correlated_keys
-- ordered
SELECT g.viewer_id, g.stream_id, COUNT(*) AS gifts
FROM gifts g
WHERE g.stream_id IN (1626, 1627, 1628) AND g.viewer_id > 100
    AND EXISTS (SELECT 1 FROM viewer_sessions vs
                WHERE vs.viewer_id = g.viewer_id AND vs.stream_id = g.stream_id AND vs.device <> 'tv')
GROUP BY g.viewer_id, g.stream_id ORDER BY g.viewer_id, g.stream_id;

-- case: comparison_with_a_correlated_max_under_a_key_bound
-- ordered
SELECT s.stream_id, s.creator_id
FROM streams s
WHERE s.stream_id <= CAST('300' AS INT)
    AND 100 <= (SELECT MAX(g.amount_usd) FROM gifts g WHERE g.stream_id = s.stream_id)
ORDER BY s.stream_id;

-- A FULL JOIN keeps only the columns the query reads; these read them outside the select list.
-- case: full_join_columns_read_only_by_order_by_and_having
-- ordered
SELECT g.viewer_id, COUNT(vs.session_id) AS visits, COUNT(g.gift_id) AS gifts
FROM (SELECT * FROM gifts WHERE stream_id <= 60) g
FULL JOIN (SELECT * FROM viewer_sessions WHERE stream_id <= 60) vs
    ON vs.stream_id = g.stream_id AND vs.viewer_id = g.viewer_id
GROUP BY g.viewer_id
HAVING MAX(vs.join_time) > MIN(g.sent_at) OR MAX(g.amount_usd) > 100
ORDER BY MAX(vs.device), g.viewer_id
LIMIT 25;

-- case: full_join_columns_read_only_by_a_correlated_subquery_and_a_later_using
-- ordered
SELECT g.gift_id, s.stream_id, cr.handle,
       (SELECT sc.name FROM stream_categories sc WHERE sc.category_id = s.category_id) AS category
FROM (SELECT * FROM gifts WHERE stream_id <= 40) g
FULL JOIN (SELECT * FROM streams WHERE stream_id BETWEEN 30 AND 45) s ON s.stream_id = g.stream_id
LEFT JOIN creators cr USING (creator_id)
ORDER BY s.stream_id, g.gift_id;

-- case: full_join_columns_read_only_by_a_window
-- ordered
SELECT g.gift_id, vs.session_id,
       ROW_NUMBER() OVER (PARTITION BY vs.device ORDER BY vs.join_time, vs.session_id, g.gift_id) AS nth
FROM (SELECT * FROM gifts WHERE stream_id <= 5) g
FULL JOIN (SELECT * FROM viewer_sessions WHERE stream_id <= 5) vs
    ON vs.stream_id = g.stream_id AND vs.viewer_id = g.viewer_id
ORDER BY vs.device, nth;
