-- DDL as people write it for PostgreSQL, then inserts and a SELECT.

-- case: ddl_postgres_types_round_trip
CREATE TABLE ddl_events (
    id BIGINT PRIMARY KEY,
    name VARCHAR(40) NOT NULL,
    price NUMERIC(10,2),
    happened_at TIMESTAMP,
    is_live BOOLEAN NOT NULL,
    score DOUBLE PRECISION
);
INSERT INTO ddl_events VALUES
    (1, 'launch', 19.99, '2026-10-01 12:00:00', TRUE, 0.5),
    (2, 'encore', NULL, NULL, FALSE, 1e-3),
    (3000000000, 'big id', 0.10, '2026-10-31 23:59:59', TRUE, -2.25);
-- ordered
SELECT id, name, price, happened_at, is_live, score FROM ddl_events ORDER BY id;

-- case: ddl_timestamptz_column_in_utc
CREATE TABLE ddl_tz (id INT PRIMARY KEY, at TIMESTAMPTZ NOT NULL);
INSERT INTO ddl_tz VALUES (1, '2026-10-01 12:00:00'), (2, '2026-10-01 12:00:00+02');
-- ordered
SELECT id, at, at < TIMESTAMPTZ '2026-10-01 11:00:00+00' AS before_eleven FROM ddl_tz ORDER BY id;

-- case: ddl_timestamptz_arithmetic_truncation_and_aggregates_keep_the_zone
CREATE TABLE ddl_tz_events (id INT PRIMARY KEY, stream_id BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL, ended TIMESTAMP WITH TIME ZONE);
INSERT INTO ddl_tz_events VALUES (1, 1626, '2026-10-14 21:30:00+00', '2026-10-14 23:00:00Z'), (2, 1626, '2026-10-15 01:15:00+05:30', NULL),
    (3, 1033, '2026-10-20 23:59:59-02', '2026-10-21 04:00:00+02'), (4, 1033, '2026-10-21 00:00:00', NULL);
-- ordered
SELECT id, at, at + INTERVAL '90 minutes' AS later, DATE_TRUNC('day', at) AS day, COALESCE(ended, at) AS ended_or_at,
    ended - at AS length, EXTRACT(EPOCH FROM at) AS epoch, CAST(at AS DATE) AS on_date, at::timestamp AS utc_plain
FROM ddl_tz_events ORDER BY id;

-- case: ddl_timestamptz_grouped_and_joined_to_the_dataset
CREATE TABLE ddl_tz_marks (stream_id BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL);
INSERT INTO ddl_tz_marks SELECT stream_id, started_at + INTERVAL '10 minutes' FROM streams WHERE stream_id <= 30;
-- ordered
SELECT s.creator_id, MIN(m.at) AS first_mark, MAX(m.at) AS last_mark, COUNT(*) AS marks,
    SUM(CASE WHEN m.at > s.started_at THEN 1 ELSE 0 END) AS after_start
FROM ddl_tz_marks m JOIN streams s ON s.stream_id = m.stream_id
WHERE m.at >= TIMESTAMPTZ '2026-08-01 00:00:00+00'
GROUP BY s.creator_id ORDER BY s.creator_id;

-- case: ddl_timestamptz_through_a_cte_and_a_derived_table
CREATE TABLE ddl_tz_visits (visit_id INT PRIMARY KEY, viewer_id BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL);
INSERT INTO ddl_tz_visits VALUES (1, 7, '2026-10-01 08:00:00+00'), (2, 7, '2026-10-01 10:30:00+02'), (3, 9, '2026-10-02 01:00:00-03');
-- ordered
WITH firsts AS (SELECT viewer_id, MIN(at) AS first_at FROM ddl_tz_visits GROUP BY viewer_id)
SELECT f.viewer_id, f.first_at, v.last_at, v.last_at - f.first_at AS span
FROM firsts f JOIN (SELECT viewer_id, MAX(at) AS last_at FROM ddl_tz_visits GROUP BY viewer_id) v ON v.viewer_id = f.viewer_id
ORDER BY f.viewer_id;

-- case: ddl_timestamptz_literals_and_casts_with_offsets
-- ordered
SELECT TIMESTAMPTZ '2026-10-20 23:00:00+02' AS a, '2026-10-20 21:00:00-01:30'::timestamptz AS b,
    CAST('2026-10-20 21:00:00' AS TIMESTAMP WITH TIME ZONE) AS c,
    TIMESTAMPTZ '2026-10-20 23:00:00+02' = TIMESTAMP '2026-10-20 21:00:00' AS same_instant;

-- case: ddl_timestamptz_compared_with_text_that_carries_an_offset
CREATE TABLE ddl_tz_logins (id INT PRIMARY KEY, viewer_id BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL);
INSERT INTO ddl_tz_logins VALUES (1, 7, '2025-12-31 22:30:00+00'), (2, 7, '2026-01-01 01:30:00+02'), (3, 9, '2025-12-31 23:59:59Z'),
    (4, 9, '2026-01-01 05:00:00+05:30'), (5, 11, '2025-12-31 20:00:00-03'), (6, 11, '2026-01-01 00:00:00');
-- ordered
SELECT id, at, at > '2026-01-01 00:00:00+02' AS after_two_east, at >= '2025-12-31 23:59:59Z' AS from_z,
    at BETWEEN '2025-12-31 23:00:00-00:30' AND '2026-01-01 05:30:00+05:30' AS in_window,
    at + INTERVAL '1 hour' IN ('2026-01-01 01:00:00+01', '2026-01-01 00:30:00+01:30') AS plus_hour_listed
FROM ddl_tz_logins WHERE at <> '2026-01-01 01:00:00+01' AND at < '2026-01-01 12:00:00+05:30' ORDER BY id;

-- case: ddl_timestamptz_written_from_text_with_offsets_by_insert_and_update
CREATE TABLE ddl_tz_payouts (payout_id INT PRIMARY KEY, creator_id BIGINT NOT NULL, paid_at TIMESTAMPTZ, note TEXT);
INSERT INTO ddl_tz_payouts (creator_id, payout_id, paid_at) VALUES (3, 1, '2026-10-31 23:30:00-02'), (4, 2, '2026-11-01 06:00:00+0530');
INSERT INTO ddl_tz_payouts VALUES (3, 3, '2026-11-01 00:15:00Z', 'late');
UPDATE ddl_tz_payouts SET paid_at = '2026-11-02 01:00:00+03:00', note = 'moved' WHERE payout_id = 2;
-- ordered
SELECT payout_id, creator_id, paid_at, note, paid_at >= '2026-11-01 00:00:00+00' AS in_november FROM ddl_tz_payouts ORDER BY paid_at;

-- case: ddl_timestamp_ignores_the_offset_in_text_written_and_compared
CREATE TABLE ddl_plain_marks (mark_id INT PRIMARY KEY, stream_id BIGINT NOT NULL, at TIMESTAMP NOT NULL);
INSERT INTO ddl_plain_marks VALUES (1, 1626, '2026-10-14 21:30:00+02'), (2, 1626, '2026-10-15 01:15:00-05:30'), (3, 1033, '2026-10-20 23:59:59Z');
UPDATE ddl_plain_marks SET at = '2026-10-21 04:00:00+05:30' WHERE mark_id = 3;
-- ordered
SELECT mark_id, at, at > '2026-10-15 00:00:00+09' AS after_midnight, at = TIMESTAMP '2026-10-14 21:30:00-07' AS same_wall_clock,
    '2026-10-14 21:30:00+11'::timestamp AS cast_text
FROM ddl_plain_marks ORDER BY mark_id;

-- case: dataset_timestamps_compared_with_offset_text_ignore_the_offset
-- ordered
SELECT COUNT(*) FILTER (WHERE started_at >= '2026-10-01 00:00:00+05:30') AS from_october,
    COUNT(*) FILTER (WHERE started_at BETWEEN '2026-10-01 00:00:00-08' AND '2026-10-02 00:00:00Z') AS first_day,
    COUNT(*) FILTER (WHERE ended_at < TIMESTAMP '2026-09-01 00:00:00+14') AS ended_before_september
FROM streams;

-- case: timestamptz_literal_compared_with_dataset_timestamps
-- ordered
SELECT s.stream_id, s.started_at, s.started_at >= TIMESTAMPTZ '2026-10-20 20:00:00-01' AS after_nine_utc
FROM streams s WHERE s.started_at BETWEEN TIMESTAMPTZ '2026-10-20 12:00:00+02' AND TIMESTAMPTZ '2026-10-21 04:00:00+05:30'
ORDER BY s.stream_id;

-- case: ddl_serial_assigns_ids
CREATE TABLE ddl_tags (id SERIAL PRIMARY KEY, label VARCHAR(20) NOT NULL);
INSERT INTO ddl_tags (label) VALUES ('fun'), ('chill'), ('speedrun');
-- ordered
SELECT id, label FROM ddl_tags ORDER BY id;

-- case: ddl_bigserial_with_explicit_columns
CREATE TABLE ddl_clips (clip_id BIGSERIAL PRIMARY KEY, stream_id BIGINT NOT NULL, seconds INTEGER NOT NULL);
INSERT INTO ddl_clips (stream_id, seconds) VALUES (1, 30), (1, 45), (2, 60);
-- ordered
SELECT clip_id, stream_id, seconds, SUM(seconds) OVER (PARTITION BY stream_id) AS per_stream FROM ddl_clips ORDER BY clip_id;

-- case: ddl_composite_primary_key
CREATE TABLE ddl_follows (
    viewer_id BIGINT NOT NULL,
    creator_id BIGINT NOT NULL,
    followed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (viewer_id, creator_id)
);
INSERT INTO ddl_follows VALUES (1, 1, '2026-10-01 00:00:00'), (1, 2, '2026-10-02 00:00:00'), (2, 1, '2026-10-03 00:00:00');
-- ordered
SELECT creator_id, COUNT(*) AS followers, MIN(followed_at) AS first_follow FROM ddl_follows GROUP BY creator_id ORDER BY creator_id;

-- case: ddl_references_existing_tables
CREATE TABLE ddl_bans (
    ban_id BIGINT PRIMARY KEY,
    viewer_id BIGINT NOT NULL REFERENCES viewers (viewer_id),
    creator_id BIGINT NOT NULL REFERENCES creators (creator_id),
    reason VARCHAR(100)
);
INSERT INTO ddl_bans VALUES (1, 10, 3, 'spam'), (2, 11, 3, NULL), (3, 10, 4, 'rude');
-- ordered
SELECT b.ban_id, v.username, c.handle, b.reason
FROM ddl_bans b JOIN viewers v ON v.viewer_id = b.viewer_id JOIN creators c ON c.creator_id = b.creator_id
ORDER BY b.ban_id;

-- case: ddl_references_between_new_tables
CREATE TABLE ddl_teams (team_id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL UNIQUE);
CREATE TABLE ddl_members (
    member_id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES ddl_teams (team_id),
    creator_id BIGINT REFERENCES creators
);
INSERT INTO ddl_teams VALUES (1, 'red'), (2, 'blue');
INSERT INTO ddl_members VALUES (10, 1, 1), (11, 1, 2), (12, 2, NULL);
-- ordered
SELECT t.name, COUNT(m.member_id) AS members, COUNT(m.creator_id) AS linked FROM ddl_teams t LEFT JOIN ddl_members m ON m.team_id = t.team_id GROUP BY t.name ORDER BY t.name;

-- case: ddl_view_over_star_schema
CREATE VIEW ddl_stream_gross AS
    SELECT s.stream_id, s.creator_id, COALESCE(SUM(g.amount_usd), 0) AS gross
    FROM streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id
    GROUP BY s.stream_id, s.creator_id;
-- ordered
SELECT stream_id, creator_id, gross FROM ddl_stream_gross WHERE gross > 0 ORDER BY gross DESC, stream_id LIMIT 10;

-- case: ddl_view_joined_and_filtered
CREATE VIEW ddl_live AS SELECT stream_id, creator_id, started_at FROM streams WHERE ended_at IS NULL;
-- ordered
SELECT l.stream_id, c.handle, NOW() - l.started_at AS live_for FROM ddl_live l JOIN creators c ON c.creator_id = l.creator_id ORDER BY l.stream_id;

-- case: ddl_view_over_view
CREATE VIEW ddl_gift_days AS SELECT CAST(sent_at AS DATE) AS day, SUM(amount_usd) AS usd FROM gifts GROUP BY CAST(sent_at AS DATE);
CREATE VIEW ddl_best_days AS SELECT day, usd FROM ddl_gift_days WHERE usd > 100;
-- ordered
SELECT day, usd FROM ddl_best_days ORDER BY usd DESC, day LIMIT 10;

-- case: ddl_create_index_then_query
CREATE INDEX ddl_gifts_viewer_idx ON gifts (viewer_id);
CREATE INDEX ddl_sessions_stream_join_idx ON viewer_sessions (stream_id, join_time);
SELECT COUNT(*) AS gifts, SUM(amount_usd) AS usd FROM gifts WHERE viewer_id = 100;

-- case: ddl_numeric_scale_rounds_on_insert
CREATE TABLE ddl_money (id INT PRIMARY KEY, amount NUMERIC(10,2) NOT NULL);
INSERT INTO ddl_money VALUES (1, 1.005), (2, 2.344), (3, 2.345), (4, -0.125), (5, 7);
-- ordered
SELECT id, amount, amount * 3 AS tripled FROM ddl_money ORDER BY id;

-- case: ddl_numeric_sum_stays_exact
CREATE TABLE ddl_cents (id INT PRIMARY KEY, amount NUMERIC(12,2) NOT NULL);
INSERT INTO ddl_cents SELECT n, 0.10 FROM GENERATE_SERIES(1, 30) AS n;
SELECT SUM(amount) AS total, SUM(amount) = 3.00 AS exactly_three FROM ddl_cents;

-- case: ddl_int8_is_64_bit
CREATE TABLE ddl_wide (id INT8 PRIMARY KEY, big INT8, small SMALLINT, mid INTEGER);
INSERT INTO ddl_wide VALUES (300, 9007199254740993, 32000, 2000000000);
SELECT id, big, big + 1 AS bigger, small, mid FROM ddl_wide;

-- case: ddl_double_precision_arithmetic
CREATE TABLE ddl_floats (id INT PRIMARY KEY, x DOUBLE PRECISION, y FLOAT8);
INSERT INTO ddl_floats VALUES (1, 0.1, 0.2), (2, 1.5, 2.25), (3, -3, 1e10);
-- ordered
SELECT id, x + y AS s, x * y AS p, x / y AS q FROM ddl_floats ORDER BY id;

-- case: ddl_defaults_and_not_null_boolean
CREATE TABLE ddl_flags (
    id INTEGER PRIMARY KEY,
    enabled BOOLEAN NOT NULL DEFAULT FALSE,
    note VARCHAR(10) DEFAULT 'none',
    created_at TIMESTAMP DEFAULT NOW()
);
INSERT INTO ddl_flags (id) VALUES (1);
INSERT INTO ddl_flags (id, enabled, note) VALUES (2, TRUE, NULL);
-- ordered
SELECT id, enabled, note, created_at FROM ddl_flags ORDER BY id;

-- case: ddl_create_table_as_select
CREATE TABLE ddl_creator_stats AS
    SELECT creator_id, COUNT(*) AS streams, MAX(started_at) AS last_start FROM streams GROUP BY creator_id;
-- ordered
SELECT creator_id, streams, last_start FROM ddl_creator_stats ORDER BY streams DESC, creator_id LIMIT 10;

-- case: ddl_alter_add_column_then_update
CREATE TABLE ddl_notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL);
INSERT INTO ddl_notes VALUES (1, 'a'), (2, 'bb'), (3, 'ccc');
ALTER TABLE ddl_notes ADD COLUMN size INTEGER;
UPDATE ddl_notes SET size = LENGTH(body) WHERE id <> 2;
-- ordered
SELECT id, body, size FROM ddl_notes ORDER BY id;

-- case: ddl_insert_select_from_star_schema
CREATE TABLE ddl_top_gifts (gift_id BIGINT PRIMARY KEY, amount NUMERIC(12,2) NOT NULL, sent_at TIMESTAMP NOT NULL);
INSERT INTO ddl_top_gifts SELECT gift_id, amount_usd, sent_at FROM gifts WHERE amount_usd >= 100;
-- ordered
SELECT COUNT(*) AS n, SUM(amount) AS usd, MIN(sent_at) AS first_at FROM ddl_top_gifts;

-- case: ddl_update_delete_user_table
CREATE TABLE ddl_queue (id SERIAL PRIMARY KEY, status VARCHAR(12) NOT NULL, tries INTEGER NOT NULL DEFAULT 0);
INSERT INTO ddl_queue (status) VALUES ('new'), ('new'), ('done'), ('new');
UPDATE ddl_queue SET status = 'retry', tries = tries + 1 WHERE status = 'new' AND id > 1;
DELETE FROM ddl_queue WHERE status = 'done';
-- ordered
SELECT id, status, tries FROM ddl_queue ORDER BY id;

-- case: ddl_drop_table_if_exists_and_recreate
CREATE TABLE ddl_tmp (id INT PRIMARY KEY);
DROP TABLE IF EXISTS ddl_tmp;
CREATE TABLE IF NOT EXISTS ddl_tmp (id INT PRIMARY KEY, label TEXT);
INSERT INTO ddl_tmp VALUES (1, 'again');
SELECT id, label FROM ddl_tmp;

-- case: ddl_int8_column_holds_more_than_a_byte
CREATE TABLE ddl_int8_only (id INT PRIMARY KEY, big INT8);
INSERT INTO ddl_int8_only VALUES (1, 300), (2, -129), (3, 5000000000);
-- ordered
SELECT id, big, big * 2 AS doubled FROM ddl_int8_only ORDER BY id;

-- case: ddl_plain_types_round_trip
CREATE TABLE ddl_plain (id INTEGER PRIMARY KEY, label TEXT, price DECIMAL, ratio FLOAT, ok BOOLEAN, at TIMESTAMP, day DATE);
INSERT INTO ddl_plain VALUES (1, 'a', 1.50, 0.25, TRUE, '2026-10-01 12:00:00', '2026-10-01'), (2, NULL, NULL, NULL, NULL, NULL, NULL);
-- ordered
SELECT id, label, price, price * 2 AS doubled, ratio, ok, at, day FROM ddl_plain ORDER BY id;

-- case: ddl_insert_with_column_list_and_defaults_plain_types
CREATE TABLE ddl_counters (id INTEGER PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0, name TEXT DEFAULT 'anon');
INSERT INTO ddl_counters (id) VALUES (1), (2);
INSERT INTO ddl_counters (id, hits, name) VALUES (3, 7, 'seven');
UPDATE ddl_counters SET hits = hits + 1 WHERE id <= 2;
-- ordered
SELECT id, hits, name FROM ddl_counters ORDER BY id;

-- case: ddl_timestamptz_compared_with_garbage_text_is_an_error
CREATE TABLE ddl_tz_bad (id INT PRIMARY KEY, at TIMESTAMPTZ NOT NULL);
INSERT INTO ddl_tz_bad VALUES (1, '2026-10-01 12:00:00+02');
-- error
SELECT id FROM ddl_tz_bad WHERE at > 'yesterday-ish';

-- case: ddl_insert_select_fills_the_listed_columns_in_their_order
CREATE TABLE ddl_stream_marks (mark_id INT PRIMARY KEY, stream_id BIGINT NOT NULL, label TEXT DEFAULT 'auto', creator_id BIGINT);
INSERT INTO ddl_stream_marks (creator_id, stream_id, mark_id) SELECT creator_id, stream_id, stream_id * 10 FROM streams WHERE stream_id <= 12;
INSERT INTO ddl_stream_marks (stream_id, mark_id, label) SELECT stream_id, stream_id * 10 + 1, title FROM streams WHERE stream_id BETWEEN 13 AND 15;
-- ordered
SELECT mark_id, stream_id, label, creator_id FROM ddl_stream_marks ORDER BY mark_id;

-- case: ddl_insert_select_writes_offset_text_into_timestamp_columns
CREATE TABLE ddl_tz_copies (copy_id INT PRIMARY KEY, at TIMESTAMPTZ, local_at TIMESTAMP, stream_id BIGINT);
INSERT INTO ddl_tz_copies (stream_id, copy_id, at, local_at) SELECT stream_id, stream_id, '2026-10-20 23:30:00+05:30', '2026-10-20 23:30:00+05:30' FROM streams WHERE stream_id <= 3;
INSERT INTO ddl_tz_copies SELECT 9, '2026-10-21 01:00:00-08', '2026-10-21 01:00:00Z', NULL;
-- ordered
SELECT copy_id, at, local_at, stream_id, at < local_at AS before_local FROM ddl_tz_copies ORDER BY copy_id;

-- case: ddl_sum_and_avg_of_bigint_past_its_range
CREATE TABLE ddl_big_sums (g INT, x BIGINT);
INSERT INTO ddl_big_sums VALUES (1, 9223372036854775807), (1, 1), (2, 5), (2, -9223372036854775807), (2, -7);
-- ordered
SELECT g, SUM(x) AS total, AVG(x) AS mean, SUM(x) FILTER (WHERE x > 0) AS positive FROM ddl_big_sums GROUP BY g ORDER BY g;

-- case: ddl_sum_of_bigint_past_its_range_over_a_union
CREATE TABLE ddl_big_parts (x BIGINT);
INSERT INTO ddl_big_parts VALUES (9223372036854775807), (9223372036854775806);
SELECT SUM(x) AS total, COUNT(*) AS n FROM (SELECT x FROM ddl_big_parts UNION ALL SELECT x FROM ddl_big_parts) AS doubled;
