-- Retention: what each policy says must go, at the dataset clock.

-- case: chat out of policy
-- preset: chat-out-of-policy

-- case: rows out of policy per fact, from the policies table
-- ordered
SELECT p.table_name, p.keep_days,
    CASE p.table_name
        WHEN 'chat_messages' THEN (SELECT COUNT(*) FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days')
        WHEN 'gifts' THEN (SELECT COUNT(*) FROM gifts WHERE sent_at < NOW() - INTERVAL '2555 days')
        ELSE (SELECT COUNT(*) FROM viewer_sessions WHERE join_time < NOW() - INTERVAL '730 days')
    END AS out_of_policy
FROM retention_policies p ORDER BY p.table_name;

-- case: purge chat, then count what is left
DELETE FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days';
SELECT COUNT(*), MIN(sent_at) FROM chat_messages;

-- case: the purge leaves gifts alone
DELETE FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days';
SELECT COUNT(*), SUM(amount_usd) FROM gifts;

-- case: chat per day for the last week
-- ordered
SELECT CAST(sent_at AS DATE) AS day, COUNT(*) AS messages
FROM chat_messages WHERE sent_at >= NOW() - INTERVAL '1 week'
GROUP BY CAST(sent_at AS DATE) ORDER BY day;

-- case: oldest and newest message
SELECT MIN(sent_at), MAX(sent_at) FROM chat_messages;

-- case: oldest and newest message of a week, with the lowest ids
SELECT MIN(sent_at) AS first_sent, MAX(sent_at) AS last_sent, MIN(viewer_id) AS lowest_viewer,
    MAX(stream_id) AS highest_stream
FROM chat_messages
WHERE sent_at >= TIMESTAMP '2026-10-15' AND sent_at < TIMESTAMP '2026-10-22';

-- case: earliest and latest leave skip the visits still open
SELECT MIN(leave_time) AS first_leave, MAX(leave_time) AS last_leave, MAX(join_time) AS last_join,
    MIN(device) AS first_device
FROM viewer_sessions;

-- case: oldest message of one stream and its last body
SELECT MIN(sent_at) AS first_sent, MAX(body) AS last_body, MIN(body) AS first_body
FROM chat_messages WHERE stream_id = 4;

-- case: oldest message after the clock is null
SELECT MIN(sent_at) AS first_sent, MAX(sent_at) AS last_sent FROM chat_messages
WHERE sent_at > NOW();

-- case: oldest message after the purge
DELETE FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days';
SELECT MIN(sent_at) AS first_kept, MAX(sent_at) AS last_kept FROM chat_messages;
