-- The interview questions people practise on this schema.

-- case: interview_top3_streams_per_category_by_gross
-- ordered
WITH gross AS (
    SELECT s.category_id, s.stream_id, SUM(g.amount_usd) AS usd
    FROM gifts g JOIN streams s ON s.stream_id = g.stream_id
    GROUP BY s.category_id, s.stream_id
), ranked AS (
    SELECT category_id, stream_id, usd,
        ROW_NUMBER() OVER (PARTITION BY category_id ORDER BY usd DESC, stream_id) AS rn
    FROM gross
)
SELECT sc.name, r.rn, r.stream_id, r.usd
FROM ranked r JOIN stream_categories sc ON sc.category_id = r.category_id
WHERE r.rn <= 3
ORDER BY sc.name, r.rn;

-- case: interview_top_gifter_per_creator_with_ties
-- ordered
SELECT creator_id, viewer_id, spent FROM (
    SELECT s.creator_id, g.viewer_id, SUM(g.amount_usd) AS spent,
        RANK() OVER (PARTITION BY s.creator_id ORDER BY SUM(g.amount_usd) DESC) AS rnk
    FROM gifts g JOIN streams s ON s.stream_id = g.stream_id
    GROUP BY s.creator_id, g.viewer_id
) t
WHERE rnk = 1
ORDER BY spent DESC, creator_id, viewer_id LIMIT 20;

-- case: interview_second_highest_gift_per_tier
-- ordered
SELECT tier, amount_usd FROM (
    SELECT gc.tier, g.amount_usd,
        DENSE_RANK() OVER (PARTITION BY gc.tier ORDER BY g.amount_usd DESC) AS dr
    FROM gifts g JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id
) t
WHERE dr = 2
GROUP BY tier, amount_usd ORDER BY tier;

-- case: interview_running_total_daily_revenue
-- ordered
SELECT day, usd, SUM(usd) OVER (ORDER BY day) AS running_usd
FROM (SELECT CAST(sent_at AS DATE) AS day, SUM(amount_usd) AS usd FROM gifts GROUP BY CAST(sent_at AS DATE)) d
ORDER BY day;

-- case: interview_running_total_per_creator_streams
-- ordered
SELECT creator_id, stream_id, started_at,
    COUNT(*) OVER (PARTITION BY creator_id ORDER BY started_at, stream_id) AS nth_stream,
    SUM(EXTRACT(EPOCH FROM ended_at - started_at)) OVER (PARTITION BY creator_id ORDER BY started_at, stream_id) / 3600 AS hours_so_far
FROM streams WHERE creator_id IN (8, 9)
ORDER BY creator_id, started_at, stream_id;

-- case: interview_month_over_month_growth_with_lag
-- ordered
SELECT month, usd, LAG(usd) OVER (ORDER BY month) AS prev_usd,
    ROUND(100 * (usd - LAG(usd) OVER (ORDER BY month)) / LAG(usd) OVER (ORDER BY month), 2) AS growth_pct
FROM (SELECT DATE_TRUNC('month', sent_at) AS month, SUM(amount_usd) AS usd FROM gifts GROUP BY 1) m
ORDER BY month;

-- case: interview_sessionize_chat_with_lag_30_minute_gap
-- ordered
WITH ordered_msgs AS (
    SELECT viewer_id, message_id, sent_at,
        LAG(sent_at) OVER (PARTITION BY viewer_id ORDER BY sent_at, message_id) AS prev_at
    FROM chat_messages WHERE viewer_id <= 40
), flagged AS (
    SELECT viewer_id, message_id, sent_at,
        CASE WHEN prev_at IS NULL OR sent_at - prev_at > INTERVAL '30 minutes' THEN 1 ELSE 0 END AS is_new
    FROM ordered_msgs
), numbered AS (
    SELECT viewer_id, message_id, sent_at,
        SUM(is_new) OVER (PARTITION BY viewer_id ORDER BY sent_at, message_id) AS session_no
    FROM flagged
)
SELECT viewer_id, COUNT(DISTINCT session_no) AS sessions, COUNT(*) AS messages, MAX(session_no) AS last_session
FROM numbered GROUP BY viewer_id ORDER BY viewer_id;

-- case: interview_sessionize_visits_across_streams
-- ordered
WITH v AS (
    SELECT viewer_id, session_id, join_time, leave_time,
        LAG(leave_time) OVER (PARTITION BY viewer_id ORDER BY join_time, session_id) AS prev_leave
    FROM viewer_sessions WHERE viewer_id BETWEEN 100 AND 130
), s AS (
    SELECT viewer_id, session_id, join_time, leave_time,
        SUM(CASE WHEN prev_leave IS NULL OR join_time > prev_leave + INTERVAL '10 minutes' THEN 1 ELSE 0 END)
            OVER (PARTITION BY viewer_id ORDER BY join_time, session_id) AS binge
    FROM v
)
SELECT viewer_id, binge, COUNT(*) AS visits, MIN(join_time) AS started, MAX(leave_time) AS ended
FROM s GROUP BY viewer_id, binge
HAVING COUNT(*) > 1
ORDER BY viewer_id, binge;

-- case: interview_weekly_retention_cohorts
-- ordered
WITH first_visit AS (
    SELECT viewer_id, DATE_TRUNC('week', MIN(join_time)) AS cohort FROM viewer_sessions GROUP BY viewer_id
), activity AS (
    SELECT DISTINCT viewer_id, DATE_TRUNC('week', join_time) AS week FROM viewer_sessions
)
SELECT f.cohort, CAST(EXTRACT(EPOCH FROM a.week - f.cohort) / 604800 AS INT) AS weeks_later,
    COUNT(*) AS active_viewers
FROM first_visit f JOIN activity a ON a.viewer_id = f.viewer_id
WHERE f.cohort >= TIMESTAMP '2026-08-03' AND f.cohort < TIMESTAMP '2026-08-24'
GROUP BY f.cohort, a.week
ORDER BY f.cohort, weeks_later;

-- case: interview_cohort_size_and_week1_retention_rate
-- ordered
WITH first_visit AS (
    SELECT viewer_id, DATE_TRUNC('week', MIN(join_time)) AS cohort FROM viewer_sessions GROUP BY viewer_id
), retained AS (
    SELECT DISTINCT f.viewer_id, f.cohort FROM first_visit f
    JOIN viewer_sessions vs ON vs.viewer_id = f.viewer_id
    WHERE vs.join_time >= f.cohort + INTERVAL '7 days' AND vs.join_time < f.cohort + INTERVAL '14 days'
)
SELECT f.cohort, COUNT(*) AS cohort_size, COUNT(r.viewer_id) AS retained_week1,
    ROUND(100.0 * COUNT(r.viewer_id) / COUNT(*), 1) AS pct
FROM first_visit f LEFT JOIN retained r ON r.viewer_id = f.viewer_id
GROUP BY f.cohort ORDER BY f.cohort;

-- case: interview_gaps_and_islands_streaming_streaks
-- ordered
WITH days AS (
    SELECT DISTINCT creator_id, CAST(started_at AS DATE) AS day FROM streams
), grouped AS (
    SELECT creator_id, day,
        day - CAST(ROW_NUMBER() OVER (PARTITION BY creator_id ORDER BY day) AS INT) AS island
    FROM days
)
SELECT creator_id, MIN(day) AS streak_start, MAX(day) AS streak_end, COUNT(*) AS days
FROM grouped GROUP BY creator_id, island
HAVING COUNT(*) >= 3
ORDER BY days DESC, creator_id, streak_start LIMIT 15;

-- case: interview_gaps_between_creator_streams_over_a_week
-- ordered
SELECT creator_id, stream_id, prev_end, started_at, started_at - prev_end AS gap FROM (
    SELECT creator_id, stream_id, started_at,
        LAG(ended_at) OVER (PARTITION BY creator_id ORDER BY started_at, stream_id) AS prev_end
    FROM streams
) t
WHERE started_at - prev_end > INTERVAL '14 days'
ORDER BY gap DESC, creator_id, stream_id LIMIT 15;

-- case: interview_hours_without_any_gift
-- ordered
SELECT h.hour
FROM GENERATE_SERIES(TIMESTAMP '2026-10-30 00:00:00', TIMESTAMP '2026-10-31 23:00:00', INTERVAL '1 hour') AS h(hour)
LEFT JOIN gifts g ON DATE_TRUNC('hour', g.sent_at) = h.hour
GROUP BY h.hour HAVING COUNT(g.gift_id) = 0
ORDER BY h.hour;

-- case: interview_per_minute_concurrency_peak_minutes_one_stream
-- ordered
WITH s AS (SELECT started_at, COALESCE(ended_at, NOW()) AS ended_at FROM streams WHERE stream_id = 1626),
minutes AS (
    SELECT GENERATE_SERIES(DATE_TRUNC('minute', s.started_at), s.ended_at, INTERVAL '1 minute') AS minute FROM s
)
SELECT m.minute, COUNT(vs.session_id) AS viewers
FROM minutes m
LEFT JOIN viewer_sessions vs
    ON vs.stream_id = 1626 AND vs.join_time <= m.minute AND COALESCE(vs.leave_time, NOW()) > m.minute
GROUP BY m.minute
ORDER BY viewers DESC, m.minute LIMIT 10;

-- case: interview_per_minute_concurrency_average_and_peak
SELECT COUNT(*) AS minutes, MAX(viewers) AS peak, ROUND(AVG(viewers), 3) AS avg_viewers FROM (
    SELECT t.minute, COUNT(vs.session_id) AS viewers
    FROM GENERATE_SERIES(TIMESTAMP '2026-09-18 14:22:00', TIMESTAMP '2026-09-18 23:49:00', INTERVAL '1 minute') AS t(minute)
    LEFT JOIN viewer_sessions vs
        ON vs.stream_id = 1033 AND vs.join_time <= t.minute AND COALESCE(vs.leave_time, NOW()) > t.minute
    GROUP BY t.minute
) per_minute;

-- case: interview_peak_concurrency_event_sweep
-- ordered
WITH events AS (
    SELECT join_time AS at, 1 AS delta, session_id FROM viewer_sessions WHERE stream_id = 211
    UNION ALL
    SELECT COALESCE(leave_time, NOW()), -1, session_id FROM viewer_sessions WHERE stream_id = 211
), running AS (
    SELECT at, delta, session_id, SUM(delta) OVER (ORDER BY at, delta, session_id) AS watching FROM events
)
SELECT at, watching FROM running ORDER BY watching DESC, at LIMIT 5;

-- case: interview_correct_payout_per_stream
-- ordered
WITH g AS (SELECT stream_id, SUM(amount_usd) AS gross FROM gifts GROUP BY stream_id),
     v AS (SELECT stream_id, COUNT(DISTINCT viewer_id) AS viewers FROM viewer_sessions GROUP BY stream_id)
SELECT s.stream_id, c.handle, COALESCE(g.gross, 0) AS gross, COALESCE(v.viewers, 0) AS viewers,
    ROUND(COALESCE(g.gross, 0) * c.revenue_share, 2) AS payout
FROM streams s
JOIN creators c ON c.creator_id = s.creator_id
LEFT JOIN g ON g.stream_id = s.stream_id
LEFT JOIN v ON v.stream_id = s.stream_id
WHERE s.started_at >= NOW() - INTERVAL '7 days'
ORDER BY payout DESC, s.stream_id LIMIT 25;

-- case: interview_fan_out_inflation_naive_vs_correct
SELECT
    (SELECT SUM(g.amount_usd) FROM gifts g JOIN viewer_sessions vs ON vs.stream_id = g.stream_id
        WHERE g.stream_id IN (SELECT stream_id FROM streams WHERE started_at >= NOW() - INTERVAL '7 days')) AS naive_usd,
    (SELECT SUM(g.amount_usd) FROM gifts g
        WHERE g.stream_id IN (SELECT stream_id FROM streams WHERE started_at >= NOW() - INTERVAL '7 days')) AS correct_usd;

-- case: interview_payout_per_creator_last_30_days
-- ordered
SELECT c.creator_id, c.handle, c.is_partner, COUNT(DISTINCT s.stream_id) AS paid_streams,
    SUM(g.amount_usd) AS gross, ROUND(SUM(g.amount_usd) * c.revenue_share, 2) AS creator_cut
FROM creators c
JOIN streams s ON s.creator_id = c.creator_id
JOIN gifts g ON g.stream_id = s.stream_id
WHERE g.sent_at >= NOW() - INTERVAL '30 days'
GROUP BY c.creator_id, c.handle, c.is_partner, c.revenue_share
ORDER BY creator_cut DESC, c.creator_id LIMIT 15;

-- case: interview_visitors_who_never_chatted
-- ordered
SELECT v.viewer_id, v.username, COUNT(*) AS visits
FROM viewer_sessions vs JOIN viewers v ON v.viewer_id = vs.viewer_id
LEFT JOIN (SELECT DISTINCT viewer_id FROM chat_messages) c ON c.viewer_id = vs.viewer_id
WHERE c.viewer_id IS NULL
GROUP BY v.viewer_id, v.username
ORDER BY visits DESC, v.viewer_id LIMIT 15;

-- case: interview_new_vs_returning_viewers_per_day
-- ordered
WITH firsts AS (SELECT viewer_id, MIN(CAST(join_time AS DATE)) AS first_day FROM viewer_sessions GROUP BY viewer_id),
days AS (SELECT DISTINCT viewer_id, CAST(join_time AS DATE) AS day FROM viewer_sessions WHERE join_time >= TIMESTAMP '2026-10-18')
SELECT d.day, COUNT(*) FILTER (WHERE f.first_day = d.day) AS new_viewers,
    COUNT(*) FILTER (WHERE f.first_day < d.day) AS returning_viewers
FROM days d JOIN firsts f ON f.viewer_id = d.viewer_id
GROUP BY d.day ORDER BY d.day;

-- case: interview_latest_price_per_gift_type_row_number
-- ordered
SELECT gift_type_id, price_usd, valid_from FROM (
    SELECT gift_type_id, price_usd, valid_from,
        ROW_NUMBER() OVER (PARTITION BY gift_type_id ORDER BY valid_from DESC) AS rn
    FROM gift_prices
) p WHERE rn = 1 ORDER BY gift_type_id;

-- case: interview_share_of_stream_watched_per_device
-- ordered
SELECT vs.device,
    ROUND(AVG(EXTRACT(EPOCH FROM COALESCE(vs.leave_time, NOW()) - vs.join_time)
        / EXTRACT(EPOCH FROM COALESCE(s.ended_at, NOW()) - s.started_at)), 4) AS avg_share
FROM viewer_sessions vs JOIN streams s ON s.stream_id = vs.stream_id
GROUP BY vs.device ORDER BY vs.device;

-- case: interview_creator_rank_within_country
-- ordered
SELECT country, handle, streams, place FROM (
    SELECT c.country, c.handle, COUNT(s.stream_id) AS streams,
        DENSE_RANK() OVER (PARTITION BY c.country ORDER BY COUNT(s.stream_id) DESC) AS place
    FROM creators c LEFT JOIN streams s ON s.creator_id = c.creator_id
    GROUP BY c.country, c.handle
) t WHERE place = 1
ORDER BY country, handle;

-- case: interview_viewers_active_in_consecutive_weeks
SELECT COUNT(*) AS viewers_back_next_week FROM (
    SELECT DISTINCT a.viewer_id FROM
        (SELECT DISTINCT viewer_id, DATE_TRUNC('week', join_time) AS wk FROM viewer_sessions) a
        JOIN (SELECT DISTINCT viewer_id, DATE_TRUNC('week', join_time) AS wk FROM viewer_sessions) b
        ON b.viewer_id = a.viewer_id AND b.wk = a.wk + INTERVAL '7 days'
) t;

-- case: interview_chat_messages_per_viewer_minute_of_stream
-- ordered
SELECT CAST(EXTRACT(EPOCH FROM cm.sent_at - s.started_at) / 600 AS INT) * 10 AS minute_bucket, COUNT(*) AS messages
FROM chat_messages cm JOIN streams s ON s.stream_id = cm.stream_id
WHERE cm.stream_id = 1626
GROUP BY 1 ORDER BY 1;
