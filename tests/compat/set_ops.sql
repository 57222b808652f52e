-- Set operations: UNION ALL, UNION, INTERSECT, EXCEPT, with ORDER BY / LIMIT on the whole.

-- case: union_all_keeps_duplicates
SELECT COUNT(*) AS n, COUNT(DISTINCT country) AS countries FROM (
    SELECT country FROM creators
    UNION ALL
    SELECT country FROM viewers
) u;

-- case: union_removes_duplicates_ordered
-- ordered
SELECT country FROM creators
UNION
SELECT country FROM viewers
ORDER BY country;

-- case: intersect_countries_with_creators_and_viewers
-- ordered
SELECT country FROM creators
INTERSECT
SELECT country FROM viewers
ORDER BY 1;

-- case: except_viewer_countries_without_creators
-- ordered
SELECT country FROM viewers
EXCEPT
SELECT country FROM creators WHERE is_partner
ORDER BY country;

-- case: union_all_order_by_limit_applies_to_whole
-- ordered
SELECT 'gift' AS kind, gift_id AS id, sent_at AS at FROM gifts
UNION ALL
SELECT 'chat', message_id, sent_at FROM chat_messages WHERE stream_id = 2000
ORDER BY at DESC, kind, id
LIMIT 15;

-- case: union_all_literal_rows_with_null
-- ordered
SELECT 1 AS n, 'a' AS label
UNION ALL SELECT 2, 'b'
UNION ALL SELECT 3, NULL
ORDER BY n;

-- case: union_all_column_names_come_from_first_branch
-- ordered
SELECT stream_id AS id, 'stream' AS what FROM streams WHERE stream_id < 4
UNION ALL
SELECT viewer_id, 'viewer' FROM viewers WHERE viewer_id < 4
ORDER BY what, id;

-- case: except_streams_without_gifts
SELECT COUNT(*) FROM (
    SELECT stream_id FROM streams
    EXCEPT
    SELECT stream_id FROM gifts
) no_gifts;

-- case: intersect_viewers_who_gifted_and_chatted
SELECT COUNT(*) FROM (
    SELECT viewer_id FROM gifts
    INTERSECT
    SELECT viewer_id FROM chat_messages
) both_kinds;

-- case: union_treats_nulls_as_equal
SELECT COUNT(*) AS rows_after_union FROM (
    SELECT CAST(NULL AS INT) AS x
    UNION
    SELECT CAST(NULL AS INT)
    UNION
    SELECT 1
) u;

-- case: intersect_all_and_except_all_keep_multiplicity
-- ordered
SELECT 'intersect all' AS op, COUNT(*) AS n FROM (
    SELECT device FROM viewer_sessions WHERE stream_id = 1
    INTERSECT ALL
    SELECT device FROM viewer_sessions WHERE stream_id = 2
) a
UNION ALL
SELECT 'except all', COUNT(*) FROM (
    SELECT device FROM viewer_sessions WHERE stream_id = 1
    EXCEPT ALL
    SELECT device FROM viewer_sessions WHERE stream_id = 2
) b
ORDER BY op;

-- case: union_of_parenthesized_limited_branches
-- ordered
SELECT id FROM (
    (SELECT stream_id AS id FROM streams ORDER BY stream_id LIMIT 3)
    UNION ALL
    (SELECT stream_id FROM streams ORDER BY stream_id DESC LIMIT 3)
) ends
ORDER BY id;

-- case: union_with_limit_and_offset_on_whole
-- ordered
SELECT handle AS name FROM creators WHERE country = 'JP'
UNION
SELECT username FROM viewers WHERE country = 'JP' AND viewer_id < 400
ORDER BY name
LIMIT 5 OFFSET 3;

-- case: intersect_binds_tighter_than_union
-- ordered
SELECT country FROM creators WHERE country = 'AU'
UNION
SELECT country FROM viewers
INTERSECT
SELECT country FROM creators WHERE is_partner
ORDER BY 1;

-- case: union_integer_and_numeric_branches
-- ordered
SELECT x FROM (
    SELECT quantity AS x FROM gifts WHERE gift_id <= 3
    UNION
    SELECT amount_usd FROM gifts WHERE gift_id <= 3
) u ORDER BY x;

-- case: union_all_grouped_outside
-- ordered
SELECT kind, COUNT(*) AS n FROM (
    SELECT 'partner' AS kind FROM creators WHERE is_partner
    UNION ALL
    SELECT 'regular' FROM creators WHERE NOT is_partner
    UNION ALL
    SELECT 'gaming category' FROM stream_categories WHERE is_gaming
) k
GROUP BY kind ORDER BY kind;

-- case: joins_and_group_by_positions_inside_union_branches
-- ordered
SELECT a.x, b.y FROM (SELECT 1 AS x) a CROSS JOIN (SELECT 2 AS y) b
UNION ALL
SELECT c.creator_id, COUNT(*) FROM creators c, streams s
WHERE s.creator_id = c.creator_id AND c.creator_id <= 3 GROUP BY 1
ORDER BY 1, 2;

-- case: union_and_intersect_match_numbers_by_value_across_types
-- ordered
SELECT x FROM (SELECT 1 AS x UNION SELECT 1.0 UNION SELECT 2.50 UNION SELECT 2.5 UNION SELECT 3) t
WHERE x IN (SELECT gift_type_id FROM gifts INTERSECT SELECT CAST(gift_type_id AS NUMERIC(10,2)) FROM gift_catalog)
   OR x = 2.5
ORDER BY x;

-- case: set_operation_ordered_by_an_expression_is_refused
-- error
SELECT country FROM creators
UNION
SELECT country FROM viewers
ORDER BY LOWER(country);

-- case: set_operation_ordered_by_an_output_column_inside_an_expression_is_refused
-- error
SELECT stream_id AS id FROM streams
UNION ALL
SELECT gift_id FROM gifts
ORDER BY id + 1
LIMIT 3;

-- case: set_operation_ordered_by_a_table_qualified_column_is_refused
-- error
SELECT creators.country FROM creators
UNION
SELECT country FROM viewers
ORDER BY creators.country;

-- case: set_operation_ordered_by_a_name_not_in_its_output_is_refused
-- error
SELECT country FROM creators
UNION
SELECT country FROM viewers
ORDER BY handle;
