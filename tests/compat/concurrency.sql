-- Visits at per-visit grain: durations, overlap and concurrency.

-- case: average concurrent viewers per stream
-- ordered
-- preset: average-concurrency

-- case: visits and distinct viewers per stream
-- ordered
SELECT stream_id, COUNT(*) AS visits, COUNT(DISTINCT viewer_id) AS viewers
FROM viewer_sessions
GROUP BY stream_id
HAVING COUNT(*) > COUNT(DISTINCT viewer_id)
ORDER BY visits DESC, stream_id
LIMIT 25;

-- case: viewers who came back to the same stream
SELECT COUNT(*) FROM (
    SELECT stream_id, viewer_id FROM viewer_sessions
    GROUP BY stream_id, viewer_id HAVING COUNT(*) > 1
) rejoined;

-- case: still watching at the clock
-- ordered
SELECT vs.session_id, vs.stream_id, vs.join_time, NOW() - vs.join_time AS watching_for
FROM viewer_sessions vs
WHERE vs.leave_time IS NULL
ORDER BY vs.session_id;

-- case: live streams and how long they have run
-- ordered
SELECT stream_id, creator_id, NOW() - started_at AS live_for
FROM streams WHERE ended_at IS NULL ORDER BY stream_id;

-- case: visit length in minutes by device
-- ordered
SELECT device, COUNT(*) AS visits,
    SUM(EXTRACT(EPOCH FROM (leave_time - join_time))) / 60 AS minutes
FROM viewer_sessions WHERE leave_time IS NOT NULL
GROUP BY device ORDER BY device;

-- case: visits overlapping a window
SELECT COUNT(*) FROM viewer_sessions
WHERE join_time < TIMESTAMP '2026-10-15 21:00:00'
  AND COALESCE(leave_time, NOW()) > TIMESTAMP '2026-10-15 20:00:00';

-- case: stream starts by hour of day
-- ordered
SELECT EXTRACT(HOUR FROM started_at) AS hour, COUNT(*) AS streams
FROM streams GROUP BY EXTRACT(HOUR FROM started_at) ORDER BY hour;

-- case: longest streams
-- ordered
SELECT stream_id, ended_at - started_at AS length
FROM streams WHERE ended_at IS NOT NULL
ORDER BY length DESC, stream_id LIMIT 10;
