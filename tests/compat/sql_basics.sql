-- The everyday SQL: joins, grouping, NULLs, text, time literals.

-- case: categories with stream counts, including empty ones
-- ordered
SELECT sc.name, COUNT(s.stream_id) AS streams
FROM stream_categories sc LEFT JOIN streams s ON s.category_id = sc.category_id
GROUP BY sc.name ORDER BY streams DESC, sc.name;

-- case: COUNT(*) and COUNT(column) differ on NULLs
SELECT COUNT(*), COUNT(ended_at), COUNT(*) - COUNT(ended_at) AS live FROM streams;

-- case: NULL never equals NULL
SELECT COUNT(*) FROM streams WHERE ended_at = NULL;

-- case: IS NULL and IS NOT NULL
SELECT SUM(CASE WHEN leave_time IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN leave_time IS NOT NULL THEN 1 ELSE 0 END) FROM viewer_sessions;

-- case: COALESCE picks the first non-null
-- ordered
SELECT stream_id, COALESCE(ended_at, started_at) AS last_seen FROM streams ORDER BY stream_id LIMIT 20;

-- case: ORDER BY an output name that shadows a column
-- ordered
SELECT stream_id, COALESCE(ended_at, NOW()) AS started_at FROM streams ORDER BY started_at DESC, stream_id LIMIT 10;

-- case: integer division truncates, as in PostgreSQL
SELECT 7 / 2, -7 / 2, 7 % 3;

-- case: timestamps compared with text
SELECT COUNT(*) FROM gifts WHERE sent_at >= '2026-10-01' AND sent_at < '2026-10-15 12:00:00';

-- case: BETWEEN on timestamps
SELECT COUNT(*) FROM chat_messages WHERE sent_at BETWEEN '2026-10-20' AND '2026-10-21';

-- case: IN list and NOT IN
SELECT COUNT(*), SUM(CASE WHEN device NOT IN ('web', 'tv') THEN 1 ELSE 0 END) FROM viewer_sessions WHERE device IN ('web', 'ios', 'tv');

-- case: IN subquery
SELECT COUNT(*) FROM creators WHERE creator_id IN (SELECT creator_id FROM streams WHERE ended_at IS NULL);

-- case: LIKE and ILIKE
SELECT SUM(CASE WHEN body LIKE '%gg%' THEN 1 ELSE 0 END), SUM(CASE WHEN body ILIKE '%GG%' THEN 1 ELSE 0 END) FROM chat_messages;

-- case: text functions and concatenation
-- ordered
SELECT creator_id, UPPER(handle), LOWER(country), handle || '@' || country AS tag FROM creators ORDER BY creator_id LIMIT 15;

-- case: DISTINCT values
-- ordered
SELECT DISTINCT device FROM viewer_sessions ORDER BY device;

-- case: LIMIT and OFFSET
-- ordered
SELECT viewer_id, username FROM viewers ORDER BY viewer_id LIMIT 5 OFFSET 100;

-- case: CASE buckets
-- ordered
SELECT CASE WHEN amount_usd >= 50 THEN 'large' WHEN amount_usd >= 10 THEN 'medium' ELSE 'small' END AS bucket,
    COUNT(*) AS gifts
FROM gifts GROUP BY CASE WHEN amount_usd >= 50 THEN 'large' WHEN amount_usd >= 10 THEN 'medium' ELSE 'small' END
ORDER BY gifts DESC;

-- case: markup and quotes in chat come back as text
-- ordered
SELECT body, COUNT(*) FROM chat_messages WHERE body LIKE '%<%' OR body LIKE '%''%' GROUP BY body ORDER BY body;

-- case: viewers per country with a HAVING
-- ordered
SELECT country, COUNT(*) AS viewers FROM viewers GROUP BY country HAVING COUNT(*) >= 200 ORDER BY viewers DESC, country;

-- case: interval arithmetic on timestamps
SELECT NOW() - INTERVAL '90 minutes', NOW() + INTERVAL '2 hours', NOW() - INTERVAL '1 month', NOW() - INTERVAL '1 year';

-- case: three-way join with aggregates
-- ordered
SELECT sc.name, COUNT(DISTINCT s.creator_id) AS creators, COUNT(vs.session_id) AS visits
FROM stream_categories sc
JOIN streams s ON s.category_id = sc.category_id
JOIN viewer_sessions vs ON vs.stream_id = s.stream_id
GROUP BY sc.name ORDER BY visits DESC, sc.name;

-- case: newest signups
-- ordered
SELECT username, joined_at FROM viewers ORDER BY joined_at DESC, username LIMIT 10;

-- case: creators with their first and last stream
-- ordered
SELECT c.handle, MIN(s.started_at) AS first_stream, MAX(s.started_at) AS last_stream, COUNT(*) AS streams
FROM creators c JOIN streams s ON s.creator_id = c.creator_id
GROUP BY c.handle ORDER BY streams DESC, c.handle LIMIT 15;

-- case: EXISTS correlated
SELECT COUNT(*) FROM gift_catalog gc WHERE EXISTS (SELECT 1 FROM gifts g WHERE g.gift_type_id = gc.gift_type_id AND g.quantity > 1);

-- case: user table round trip
CREATE TABLE notes (id INT PRIMARY KEY, body TEXT);
INSERT INTO notes VALUES (1, 'first'), (2, NULL), (3, '');
-- ordered
SELECT id, body, body IS NULL AS missing FROM notes ORDER BY id;

-- case: three-valued AND and OR
SELECT TRUE OR NULL, NULL OR TRUE, FALSE AND NULL, NULL AND TRUE, NULL OR FALSE, TRUE AND TRUE;

-- case: integer literals divide as integers
SELECT 7 / 2, -7 / 2, (-7) / (2), 2 * 3 + 1, 7.0 / 2, 1 + 1.5;

-- case: integers meeting decimals and floats widen, never truncate
-- ordered
SELECT stream_id * 1.5, stream_id + 0.5, stream_id / 2.0, 1 + 0.99, stream_id - CAST(0.25 AS FLOAT)
FROM streams WHERE stream_id <= 5 ORDER BY stream_id;

-- case: integer columns with money
-- ordered
SELECT gift_id, quantity * amount_usd, amount_usd / quantity, 100 - amount_usd
FROM gifts ORDER BY gift_id LIMIT 20;

-- case: integers compared with decimal literals by value
SELECT SUM(CASE WHEN quantity = 1.0 THEN 1 ELSE 0 END), SUM(CASE WHEN quantity < 1.5 THEN 1 ELSE 0 END),
    SUM(CASE WHEN quantity <> 1.0 THEN 1 ELSE 0 END), SUM(CASE WHEN quantity > 4.99 THEN 1 ELSE 0 END)
FROM gifts;

-- case: integer expressions equal decimals by value, never truncated
SELECT COUNT(*) FILTER (WHERE viewer_id / 2 = 2.5) AS halves,
    COUNT(*) FILTER (WHERE viewer_id + 0 = 2.5) AS sums,
    COUNT(*) FILTER (WHERE viewer_id % 4 = 2.0) AS whole_decimal,
    COUNT(*) FILTER (WHERE viewer_id * 2 <> 5.5) AS not_equal,
    COUNT(*) FILTER (WHERE viewer_id - 1 = CAST(3.5 AS FLOAT)) AS float
FROM viewers WHERE viewer_id <= 40;

-- case: a column mixing integers and decimals sorts by value
-- ordered
SELECT s.stream_id, COALESCE(SUM(g.amount_usd), 0) AS gross
FROM streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id
WHERE s.stream_id <= 300
GROUP BY s.stream_id
ORDER BY gross DESC, s.stream_id;

-- case: equals_any_array_and_not_equal_all_array
SELECT COUNT(*) FILTER (WHERE stream_id = ANY(ARRAY[1, 2, 3, 1626])) AS any_of,
    COUNT(*) FILTER (WHERE stream_id <> ALL(ARRAY[1, 2, 3])) AS none_of,
    COUNT(*) FILTER (WHERE stream_id <> ALL(ARRAY[1, NULL])) AS none_of_with_null,
    COUNT(*) FILTER (WHERE stream_id = ANY(ARRAY[1, NULL])) AS any_of_with_null
FROM streams;

-- case: equals_any_subquery
SELECT COUNT(*) FROM streams
WHERE creator_id = ANY(SELECT creator_id FROM creators WHERE country = 'BR');

-- case: ORDER BY an output column inside an expression
-- error
SELECT stream_id AS k FROM streams ORDER BY k + 1 DESC LIMIT 3;

-- case: GROUP BY an output column inside an expression
-- error
SELECT stream_id % 3 AS k, COUNT(*) FROM streams GROUP BY k + 0;

-- case: ORDER BY an expression of a name that is an input column and another output's alias
-- ordered
SELECT stream_id AS creator_id, creator_id AS stream_id FROM streams
ORDER BY stream_id + 0 DESC, creator_id LIMIT 5;

-- case: ORDER BY and GROUP BY an output column on its own
-- ordered
SELECT stream_id % 3 AS k, COUNT(*) AS n FROM streams GROUP BY k ORDER BY k DESC;

-- case: ORDER BY a name two output columns share is ambiguous
-- error
SELECT s.stream_id AS id, c.creator_id AS id FROM streams s JOIN creators c ON c.creator_id = s.creator_id
ORDER BY id LIMIT 5;

-- case: ORDER BY a column name two joined tables give the output
-- error
SELECT s.creator_id, c.creator_id, c.handle FROM streams s JOIN creators c ON c.creator_id = s.creator_id
ORDER BY creator_id LIMIT 5;

-- case: ORDER BY over two star-expanded tables that share a column name
-- error
SELECT s.*, c.* FROM streams s JOIN creators c ON c.creator_id = s.creator_id ORDER BY creator_id LIMIT 5;

-- case: GROUP BY a name two output columns share and no table has
-- error
SELECT g.stream_id AS k, g.viewer_id AS k, COUNT(*) FROM gifts g GROUP BY k;

-- case: DISTINCT ON a name two output columns share
-- error
SELECT DISTINCT ON (k) stream_id AS k, creator_id AS k FROM streams ORDER BY 1;

-- case: ORDER BY a name two columns of a UNION share
-- error
SELECT stream_id AS k, creator_id AS k FROM streams WHERE stream_id < 5
UNION SELECT gift_id, stream_id FROM gifts WHERE gift_id < 5 ORDER BY k;

-- case: ORDER BY a name two output columns share when both are one expression
-- ordered
SELECT s.stream_id AS k, stream_id AS k, stream_id + 1 AS n, s.stream_id+1 AS n FROM streams s
WHERE creator_id = 3 ORDER BY k DESC, n LIMIT 10;

-- case: ORDER BY a qualified name where two output columns share its name
-- ordered
SELECT s.stream_id AS id, c.creator_id AS id FROM streams s JOIN creators c ON c.creator_id = s.creator_id
WHERE c.creator_id <= 5 ORDER BY c.creator_id, s.stream_id DESC LIMIT 20;

-- case: ORDER BY a merged USING column also listed qualified
-- ordered
SELECT s.stream_id AS k, stream_id AS k, g.gift_id FROM streams s JOIN gifts g USING (stream_id)
WHERE g.amount_usd > 200 ORDER BY k, g.gift_id LIMIT 20;

-- case: ORDER BY a name one output column has among others aliased apart
-- ordered
SELECT stream_id AS k, creator_id AS "K", started_at FROM streams ORDER BY k DESC LIMIT 10;

-- case: GROUP BY an input column that two outputs are also named after
-- ordered
SELECT stream_id AS creator_id, creator_id, COUNT(*) AS n FROM streams
GROUP BY creator_id, stream_id ORDER BY 2, 1 LIMIT 15;

-- case: bigint arithmetic past its range is an error
-- error
SELECT MAX(stream_id) + 9223372036854775807 AS past FROM streams;

-- case: unquoted names fold to lower case, quoted ones keep theirs
-- ordered
WITH Top_Creators AS (SELECT Creator_ID, HANDLE FROM Creators WHERE CREATOR_ID < 4)
SELECT T.creator_id AS Id, UPPER(t.Handle) AS "Shout", 'MiXeD' AS Text_Value
FROM top_creators t ORDER BY ID;

-- case: DISTINCT over plain columns keeps one row of NULLs
-- ordered
SELECT DISTINCT x, y FROM (VALUES (1, NULL), (1, NULL), (NULL, 2), (NULL, 2), (1, 2), (NULL, NULL), (NULL, NULL)) AS t(x, y)
ORDER BY x, y;

-- case: DISTINCT over two joined tables' columns
-- ordered
SELECT DISTINCT vs.device, v.country FROM viewer_sessions vs JOIN viewers v ON v.viewer_id = vs.viewer_id
ORDER BY vs.device, v.country;

-- case: DISTINCT over a column with NULLs from a table
-- ordered
SELECT DISTINCT s.creator_id, s.ended_at FROM streams s WHERE s.ended_at IS NULL OR s.creator_id < 3
ORDER BY 1, 2 NULLS FIRST;

-- case: a key compared with a decimal that no integer equals finds nothing
SELECT viewer_id, country FROM viewers WHERE viewer_id = 2.5;

-- case: a key compared with a whole decimal or a float finds the equal integer
-- ordered
SELECT creator_id, handle FROM creators WHERE creator_id = 7.00
UNION ALL
SELECT creator_id, handle FROM creators WHERE creator_id = CAST(9 AS DOUBLE PRECISION)
ORDER BY creator_id;

-- case: a decimal and a float compare as two floats
SELECT CAST(2.25 AS NUMERIC) = CAST(2.25 AS DOUBLE PRECISION) AS exact,
    CAST(0.1 AS NUMERIC) = CAST(0.1 AS DOUBLE PRECISION) AS tenth,
    CAST(0.1 AS NUMERIC) < CAST(0.1 AS DOUBLE PRECISION) AS below,
    CAST(0.3 AS DOUBLE PRECISION) = CAST(0.3 AS NUMERIC) AS reversed,
    CAST(1.5 AS NUMERIC) > CAST(1.25 AS DOUBLE PRECISION) AS greater;

-- case: money compared with itself as a float
SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE amount_usd = CAST(amount_usd AS DOUBLE PRECISION)) AS same,
    COUNT(*) FILTER (WHERE amount_usd < CAST(amount_usd AS DOUBLE PRECISION)) AS below
FROM gifts;

-- case: floats equal only when they are the same float
SELECT CAST(1e-17 AS DOUBLE PRECISION) = CAST(2e-17 AS DOUBLE PRECISION) AS tiny,
    CAST(1e-17 AS DOUBLE PRECISION) = 0 AS tiny_and_zero,
    CAST(0.5 AS DOUBLE PRECISION) = 0.5 AS half,
    CAST(3 AS DOUBLE PRECISION) = 3 AS three,
    CAST('NaN' AS DOUBLE PRECISION) = CAST('NaN' AS DOUBLE PRECISION) AS nan;

-- case: a boolean column compared with a number is an error
-- error
SELECT COUNT(*) FROM creators WHERE is_partner = 1;

-- case: a key compared with a boolean is an error
-- error
SELECT viewer_id FROM viewers WHERE viewer_id = TRUE;

-- case: a quoted literal compared with a boolean column reads as a boolean
SELECT COUNT(*) FILTER (WHERE is_partner = 'true') AS spelled, COUNT(*) FILTER (WHERE is_partner = ' T ') AS letter,
    COUNT(*) FILTER (WHERE is_partner <> 'of') AS off_prefix, COUNT(*) FILTER (WHERE is_partner IN ('yes', 'n')) AS listed,
    COUNT(*) FILTER (WHERE 'on' = is_partner) AS reversed
FROM creators;

-- case: text that is no boolean compared with a boolean column is an error
-- error
SELECT COUNT(*) FROM creators WHERE is_partner = 'o';

-- case: text cast to boolean in every spelling PostgreSQL reads
SELECT t, CAST(t AS BOOLEAN) AS b
FROM (SELECT 'tru' AS t UNION ALL SELECT 'N' UNION ALL SELECT ' On' UNION ALL SELECT 'off' UNION ALL SELECT '1'
      UNION ALL SELECT 'YES' UNION ALL SELECT 'f') spellings
ORDER BY t;

-- case: casts of literals to boolean
SELECT CAST('f' AS BOOLEAN) = 'no' AS f_is_no, CAST(' On' AS BOOLEAN) AS on_, 'yes' = TRUE AS yes_is_true;

-- case: a cast is named after the column it casts
-- ordered
SELECT stream_id, CAST(stream_id AS TEXT), s.title::text, CAST(CAST(stream_id AS TEXT) AS INTEGER), CAST(1 AS INTEGER), COUNT(*)
FROM streams s GROUP BY stream_id, s.title ORDER BY 1 LIMIT 3;

-- case: text that is no boolean cast to boolean is an error
-- error
SELECT CAST(handle AS BOOLEAN) FROM creators WHERE creator_id = 1;

-- case: text that is no timestamp cast to timestamp is an error
-- error
SELECT CAST(handle AS TIMESTAMP) FROM creators WHERE creator_id = 1;

-- case: text that is no float cast to double precision is an error
-- error
SELECT CAST(handle AS DOUBLE PRECISION) FROM creators WHERE creator_id = 1;

-- case: a literal that is no date cast to date is an error
-- error
SELECT CAST('abc' AS DATE);
