-- Functions and expressions: ROUND, LEAST/GREATEST, casts, FILTER, DISTINCT ON, GENERATE_SERIES.

-- case: round_numeric_average_to_cents
-- ordered
SELECT gift_type_id, ROUND(AVG(amount_usd), 2) AS avg_usd, ROUND(AVG(quantity), 3) AS avg_qty
FROM gifts GROUP BY gift_type_id ORDER BY gift_type_id;

-- case: round_half_away_from_zero_on_numeric
SELECT ROUND(2.345, 2) AS a, ROUND(2.5) AS b, ROUND(-2.5) AS c, ROUND(1.005, 2) AS d,
    ROUND(123.456, -1) AS e, ROUND(0.125, 2) AS f;

-- case: round_revenue_share_per_creator
-- ordered
SELECT c.creator_id, c.revenue_share, ROUND(SUM(g.amount_usd) * c.revenue_share, 2) AS payout,
    ROUND(SUM(g.amount_usd) * (1 - c.revenue_share), 2) AS platform
FROM gifts g JOIN streams s ON s.stream_id = g.stream_id JOIN creators c ON c.creator_id = s.creator_id
GROUP BY c.creator_id, c.revenue_share
ORDER BY payout DESC, c.creator_id LIMIT 15;

-- case: round_float_cast_to_numeric
-- ordered
SELECT device, ROUND(CAST(AVG(EXTRACT(EPOCH FROM leave_time - join_time)) AS NUMERIC) / 60, 1) AS avg_min
FROM viewer_sessions WHERE leave_time IS NOT NULL GROUP BY device ORDER BY device;

-- case: least_greatest_on_columns
-- ordered
SELECT session_id, join_time, leave_time,
    GREATEST(join_time, TIMESTAMP '2026-08-03 02:00:00') AS clipped_start,
    LEAST(COALESCE(leave_time, NOW()), TIMESTAMP '2026-08-03 03:00:00') AS clipped_end
FROM viewer_sessions WHERE stream_id = 1 ORDER BY session_id LIMIT 15;

-- case: least_greatest_ignore_nulls
SELECT LEAST(3, NULL, 1) AS least_skips_null, GREATEST(3, NULL, 1) AS greatest_skips_null,
    LEAST(CAST(NULL AS INT), NULL) AS all_null, GREATEST(1.5, 2, 0.5) AS mixed_numbers, LEAST('b', 'a', 'c') AS texts;

-- case: overlap_minutes_with_least_greatest
SELECT COUNT(*) AS overlapping,
    ROUND(SUM(EXTRACT(EPOCH FROM LEAST(COALESCE(leave_time, NOW()), TIMESTAMP '2026-10-15 02:00:00')
        - GREATEST(join_time, TIMESTAMP '2026-10-15 01:00:00'))) / 60, 2) AS viewer_minutes
FROM viewer_sessions
WHERE join_time < TIMESTAMP '2026-10-15 02:00:00' AND COALESCE(leave_time, NOW()) > TIMESTAMP '2026-10-15 01:00:00';

-- case: cast_double_colon_forms
SELECT '42'::int AS a, 3.7::int AS b, (-3.5)::int AS c, 2.5::int AS d, '2026-10-01'::date AS e,
    12::text || 'x' AS f, '1'::boolean AS g, 7::numeric / 2 AS h, '3.25'::numeric(6, 1) AS i;

-- case: cast_columns_with_double_colon
-- ordered
SELECT gift_id, amount_usd::float AS as_float, quantity::text AS q_text, sent_at::date AS day,
    amount_usd::int AS rounded_int
FROM gifts ORDER BY gift_id LIMIT 10;

-- case: cast_integer_division_avoided_with_numeric
-- ordered
SELECT creator_id, COUNT(*) AS streams, COUNT(ended_at)::numeric / COUNT(*) AS ended_ratio,
    COUNT(ended_at) / COUNT(*) AS int_ratio
FROM streams GROUP BY creator_id ORDER BY creator_id LIMIT 10;

-- case: filter_where_on_several_aggregates
SELECT COUNT(*) AS visits,
    COUNT(*) FILTER (WHERE device = 'ios') AS ios,
    COUNT(*) FILTER (WHERE device IN ('web', 'tv')) AS big_screens,
    COUNT(*) FILTER (WHERE leave_time IS NULL) AS still_watching,
    COUNT(DISTINCT viewer_id) FILTER (WHERE device = 'android') AS android_viewers
FROM viewer_sessions;

-- case: filter_where_with_group_by_money
-- ordered
SELECT gc.tier,
    SUM(g.amount_usd) FILTER (WHERE g.sent_at >= NOW() - INTERVAL '30 days') AS last_30d,
    SUM(g.amount_usd) FILTER (WHERE g.sent_at < NOW() - INTERVAL '30 days') AS before,
    AVG(g.quantity) FILTER (WHERE g.quantity > 1) AS avg_multi,
    MAX(g.amount_usd) FILTER (WHERE g.quantity = 1) AS max_single
FROM gifts g JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id
GROUP BY gc.tier ORDER BY gc.tier;

-- case: filter_where_matching_nothing
SELECT COUNT(*) FILTER (WHERE amount_usd < 0) AS n, SUM(amount_usd) FILTER (WHERE amount_usd < 0) AS s,
    MIN(sent_at) FILTER (WHERE amount_usd < 0) AS first_at
FROM gifts;

-- case: distinct_on_latest_stream_per_creator
-- ordered
SELECT DISTINCT ON (creator_id) creator_id, stream_id, started_at
FROM streams
ORDER BY creator_id, started_at DESC, stream_id
LIMIT 20;

-- case: distinct_on_biggest_gift_per_stream
-- ordered
SELECT DISTINCT ON (g.stream_id) g.stream_id, g.gift_id, g.amount_usd
FROM gifts g
ORDER BY g.stream_id, g.amount_usd DESC, g.gift_id
LIMIT 25;

-- case: distinct_on_two_keys
-- ordered
SELECT DISTINCT ON (viewer_id, device) viewer_id, device, session_id, join_time
FROM viewer_sessions WHERE viewer_id <= 6
ORDER BY viewer_id, device, join_time, session_id;

-- case: generate_series_integers
-- ordered
SELECT n, n * 10 AS tens FROM GENERATE_SERIES(1, 10) AS n ORDER BY n;

-- case: generate_series_with_step_and_descending
SELECT (SELECT COUNT(*) FROM GENERATE_SERIES(0, 100, 25)) AS up_by_25,
    (SELECT SUM(x) FROM GENERATE_SERIES(10, 1, -3) AS x) AS down_by_3,
    (SELECT COUNT(*) FROM GENERATE_SERIES(5, 1)) AS empty_series;

-- case: generate_series_timestamps_hourly
-- ordered
SELECT t FROM GENERATE_SERIES(TIMESTAMP '2026-10-31 20:00:00', TIMESTAMP '2026-11-01 00:00:00', INTERVAL '1 hour') AS t
ORDER BY t;

-- case: generate_series_select_list_form
-- ordered
SELECT GENERATE_SERIES(1, 5) AS n ORDER BY n;

-- case: generate_series_hours_left_join_streams
-- ordered
SELECT h.hour, COUNT(s.stream_id) AS starts
FROM GENERATE_SERIES(0, 23) AS h(hour)
LEFT JOIN streams s ON EXTRACT(HOUR FROM s.started_at) = h.hour
GROUP BY h.hour ORDER BY h.hour;

-- case: generate_series_days_fill_gaps_for_creator
-- ordered
SELECT d.day::date AS day, COUNT(s.stream_id) AS streams
FROM GENERATE_SERIES(TIMESTAMP '2026-10-01', TIMESTAMP '2026-10-14', INTERVAL '1 day') AS d(day)
LEFT JOIN streams s ON s.creator_id = 1 AND DATE_TRUNC('day', s.started_at) = d.day
GROUP BY d.day ORDER BY d.day;

-- case: numeric_functions_abs_ceil_floor_mod_power
SELECT ABS(-4.5) AS a, CEIL(4.1) AS b, FLOOR(-4.1) AS c, MOD(17, 5) AS d, POWER(2, 10) AS e,
    SQRT(16) AS f, SIGN(-3) AS g, TRUNC(4.789, 1) AS h;

-- case: string_functions_common
-- ordered
SELECT creator_id, LENGTH(handle) AS len, SUBSTRING(handle FROM 1 FOR 4) AS head, LEFT(handle, 3) AS l3,
    RIGHT(handle, 3) AS r3, REPLACE(handle, 'a', '_') AS replaced, POSITION('o' IN handle) AS first_o,
    CONCAT(handle, '-', country) AS tag, TRIM('  x  ') AS trimmed
FROM creators ORDER BY creator_id LIMIT 8;

-- case: nullif_and_coalesce_avoid_division_by_zero
-- ordered
SELECT s.stream_id, COUNT(g.gift_id) AS gifts,
    COALESCE(SUM(g.amount_usd) / NULLIF(COUNT(g.gift_id), 0), 0) AS avg_gift
FROM streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id
WHERE s.stream_id <= 12 GROUP BY s.stream_id ORDER BY s.stream_id;

-- case: case_expression_simple_and_searched
-- ordered
SELECT tier, CASE tier WHEN 'small' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END AS level,
    CASE WHEN name LIKE 'C%' THEN 'c-word' END AS c_word, name
FROM gift_catalog ORDER BY gift_type_id;

-- case: round_double_precision_half_to_even
SELECT ROUND(CAST(2.5 AS DOUBLE PRECISION)) AS two, ROUND(CAST(3.5 AS DOUBLE PRECISION)) AS four,
    ROUND(CAST(-2.5 AS DOUBLE PRECISION)) AS minus_two;

-- case: round_single_argument_numeric
-- ordered
SELECT gift_id, amount_usd, ROUND(amount_usd) AS whole FROM gifts ORDER BY gift_id LIMIT 10;

-- case: cast_numeric_to_int_rounds_half_away
SELECT CAST(2.5 AS INT) AS three, CAST(2.4 AS INT) AS two, CAST(-2.5 AS INT) AS minus_three, CAST(2.99 AS INTEGER) AS also_three;

-- case: cast_float_to_int_rounds_half_even
SELECT CAST(CAST(2.5 AS FLOAT) AS INT) AS two, CAST(CAST(3.5 AS FLOAT) AS INT) AS four, CAST(CAST(2.7 AS FLOAT) AS INT) AS three;

-- case: cast_computed_bucket_to_int_rounds
-- ordered
SELECT CAST(EXTRACT(EPOCH FROM leave_time - join_time) / 600 AS INT) AS ten_minute_units, COUNT(*) AS visits
FROM viewer_sessions WHERE stream_id = 1626 AND leave_time IS NOT NULL
GROUP BY CAST(EXTRACT(EPOCH FROM leave_time - join_time) / 600 AS INT)
ORDER BY ten_minute_units;

-- case: avg_of_integer_column_is_not_truncated
SELECT AVG(quantity) AS avg_qty, AVG(stream_id) AS avg_id, SUM(quantity) * 1.0 / COUNT(*) AS by_hand FROM gifts;

-- case: modulo_with_negative_operands
SELECT -7 % 3 AS a, 7 % -3 AS b, MOD(-7, 3) AS c, 17 % 5 AS d;

-- case: text_concat_with_numbers
-- ordered
SELECT stream_id, 'stream-' || stream_id AS label, stream_id || ':' || creator_id AS pair FROM streams ORDER BY stream_id LIMIT 5;

-- case: group_by_and_order_by_ordinal
-- ordered
SELECT device, COUNT(*) AS visits FROM viewer_sessions GROUP BY 1 ORDER BY 2 DESC, 1;

-- case: group_by_ordinal_of_expression
-- ordered
SELECT EXTRACT(HOUR FROM join_time) AS hour, COUNT(*) AS visits FROM viewer_sessions GROUP BY 1 ORDER BY 1;

-- case: numeric_functions_without_trunc
SELECT ABS(-4.5) AS a, CEIL(4.1) AS b, FLOOR(-4.1) AS c, MOD(17, 5) AS d, POWER(2, 10) AS e, SQRT(16) AS f, SIGN(-3) AS g;

-- case: string_functions_plain_calls
-- ordered
SELECT creator_id, LENGTH(handle) AS len, LEFT(handle, 3) AS l3, RIGHT(handle, 3) AS r3, REPLACE(handle, 'a', '_') AS replaced,
    POSITION('o' IN handle) AS first_o, CONCAT(handle, '-', country) AS tag, TRIM('  x  ') AS trimmed, SUBSTR(handle, 2, 3) AS mid
FROM creators ORDER BY creator_id LIMIT 8;

-- case: numeric_division_keeps_precision
-- ordered
SELECT gc.tier, SUM(g.amount_usd) / COUNT(*) AS avg_usd, SUM(g.amount_usd) / 3 AS third
FROM gifts g JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id GROUP BY gc.tier ORDER BY gc.tier;

-- case: text_order_is_bytewise
CREATE TABLE fn_words (id INT PRIMARY KEY, w TEXT);
INSERT INTO fn_words VALUES (1, 'banana'), (2, 'Apple'), (3, 'apple'), (4, 'Zebra'), (5, '_under'), (6, '10'), (7, '9');
-- ordered
SELECT w FROM fn_words ORDER BY w;

-- case: like_wildcards_and_escapes
SELECT 'abc' LIKE 'a%c' AS a, 'abc' LIKE 'a_c' AS b, 'abc' LIKE 'b%' AS c, '100%' LIKE '100\%' AS d,
    '1000' LIKE '100\%' AS e, 'ABC' ILIKE 'a%' AS f, 'aXbXc' LIKE '%b%c' AS g, '' LIKE '%' AS h,
    'a_b' LIKE 'a\_b' AS i, 'axb' LIKE 'a\_b' AS j, 'abcabd' LIKE '%ab_' AS k;

-- case: like_over_chat_bodies
SELECT COUNT(*) FILTER (WHERE body LIKE '%<%') AS markup, COUNT(*) FILTER (WHERE body ILIKE '%gg%') AS gg,
    COUNT(*) FILTER (WHERE body NOT LIKE '% %') AS one_word
FROM chat_messages;

-- case: regex_operators
SELECT 'abc' ~ 'b' AS a, 'abc' ~ 'B' AS b, 'abc' ~* 'B' AS c, 'abc' !~ '^b' AS d, 'ABC' !~* '^a' AS e,
    'x1y' ~ '[0-9]' AS f, 'hi chat' ~ '^h\w+\s' AS g, 'a.b' ~ 'a\.b' AS h, 'aab' ~ '^a{2}b$' AS i,
    'gg wp' ~ '(gg|wp)$' AS j;

-- case: regex_operators_over_chat_bodies
SELECT COUNT(*) FILTER (WHERE body ~ '^[a-z ]+$') AS lower_words, COUNT(*) FILTER (WHERE body ~* '^gg') AS gg,
    COUNT(*) FILTER (WHERE body ~ '[0-9]') AS digits, COUNT(*) FILTER (WHERE body !~ '\w') AS no_word_char,
    COUNT(*) FILTER (WHERE body ~ '\s\s') AS double_space, COUNT(*) FILTER (WHERE body ~* '¿QUÉ') AS que
FROM chat_messages;

-- case: regexp_functions_replace_count_like_and_substr
SELECT regexp_replace('Hello World', 'o', '0', 'g') AS every_o, regexp_replace('aaa', 'a', 'b') AS first_only,
    regexp_replace('abc', '(b)', '[\1\&\\x\q]') AS groups_and_escapes, regexp_replace('Hello', 'L', 'x', 'gi') AS both_flags,
    regexp_count('banana', 'an') AS count_an, regexp_count('banana', 'a', 3) AS count_from_three,
    regexp_like('Ab', 'ab', 'i') AS like_i, regexp_like('Ab', 'ab') AS like_case, regexp_substr('banana', 'n.') AS first_n,
    regexp_substr('banana', 'a', 3, 2) AS second_a_from_three, regexp_substr('banana', 'z') AS none,
    regexp_replace(NULL, 'a', 'b') AS null_source, regexp_count('abc', '') AS empty_pattern;

-- case: regexp_dot_matches_a_newline_as_in_postgres
SELECT ('a' || chr(10) || 'b') ~ 'a.b' AS dot_operator, regexp_replace('x' || chr(10) || 'y', '.', '-', 'g') AS all_dots,
    regexp_count('a' || chr(10) || 'b', '^.*$') AS whole_text;

-- case: regexp_like_counts_cheers_in_chat
SELECT COUNT(*) FILTER (WHERE regexp_like(body, 'gg|lol', 'i')) AS cheers FROM chat_messages;

-- case: regexp_count_sums_vowels_in_chat
SELECT SUM(regexp_count(body, '[aeiou]')) AS vowels FROM chat_messages;

-- case: regexp_substr_finds_distinct_numbers_in_chat
SELECT COUNT(DISTINCT regexp_substr(body, '[0-9]+')) AS distinct_numbers FROM chat_messages;

-- case: regexp_replace_keeps_letters_of_chat
SELECT MAX(length(regexp_replace(body, '[^a-z]', '', 'g'))) AS longest_letters_only FROM chat_messages;

-- case: regexp_masking_the_newest_messages
-- ordered
SELECT message_id, regexp_replace(body, '([a-z])[a-z]*', '\1*', 'g') AS masked
FROM chat_messages ORDER BY sent_at DESC, message_id DESC LIMIT 20;

-- case: regexp_count_refuses_the_global_flag
-- error
SELECT regexp_count('banana', 'a', 1, 'g');

-- case: regexp_refuses_an_unknown_flag
-- error
SELECT regexp_like('a', 'a', 'z');

-- case: regexp_start_must_be_positive
-- error
SELECT regexp_count('banana', 'a', 0);

-- case: scalar_subqueries_read_as_their_value
SELECT COUNT(*) FILTER (WHERE stream_id = (SELECT MAX(stream_id) FROM streams)) AS last_stream,
    COUNT(*) FILTER (WHERE device = (SELECT MIN(device) FROM viewer_sessions)) AS first_device,
    SUM(stream_id % (SELECT 7)) / (SELECT 2) AS int_arith,
    COUNT(*) FILTER (WHERE (SELECT stream_id FROM streams WHERE stream_id < 0) IS NULL) AS no_row,
    COUNT(*) FILTER (WHERE join_time < NOW() - (SELECT keep_days FROM retention_policies WHERE table_name = 'chat_messages') * INTERVAL '1 day') AS old_visits
FROM viewer_sessions;

-- case: quoted_numbers_compared_with_number_columns
SELECT COUNT(*) FILTER (WHERE amount_usd > '5') AS over_five,
    COUNT(*) FILTER (WHERE amount_usd BETWEEN '1' AND ' 2.5 ') AS small,
    COUNT(*) FILTER (WHERE stream_id IN ('1', '2', '3')) AS first_streams
FROM gifts;

-- case: like_ilike_and_not_like_over_chat_bodies
SELECT COUNT(*) FILTER (WHERE body LIKE '%gg%') AS gg,
       COUNT(*) FILTER (WHERE body ILIKE '%GG%') AS gg_any_case,
       COUNT(*) FILTER (WHERE body NOT LIKE '%!%') AS without_bang,
       COUNT(*) FILTER (WHERE body LIKE '_%a_') AS a_second_to_last,
       COUNT(*) FILTER (WHERE body ILIKE 'L%') AS starting_with_l
FROM chat_messages;

-- case: like_of_null_is_null_and_non_ascii_matches_by_character
-- ordered
SELECT x LIKE 'a%' AS starts_with_a, x NOT LIKE 'a%' AS not_a, x ILIKE 'ÄR%' AS ilike_umlaut,
       x LIKE '_rger' AS one_char_then_rger, x LIKE '100\%' AS escaped_percent
FROM (SELECT CAST(NULL AS TEXT) AS x, 1 AS o
      UNION ALL SELECT 'abc', 2
      UNION ALL SELECT 'Ärger', 3
      UNION ALL SELECT '100%', 4
      UNION ALL SELECT '1000', 5) t
ORDER BY o;

-- case: lower_and_upper_over_handles_and_null
-- ordered
SELECT creator_id, LOWER(handle) AS low, UPPER(handle || country) AS up, UPPER(NULL) AS nothing,
       LOWER(CASE WHEN is_partner THEN country END) AS partner_country
FROM creators
WHERE UPPER(handle) LIKE '%A%'
ORDER BY creator_id DESC
LIMIT 12;
