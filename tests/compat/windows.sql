-- Window functions: ranking, offsets, value functions, aggregates over default and ROWS frames.

-- case: window_row_number_latest_streams_per_creator
-- ordered
SELECT creator_id, stream_id, started_at,
    ROW_NUMBER() OVER (PARTITION BY creator_id ORDER BY started_at DESC, stream_id) AS rn
FROM streams WHERE creator_id <= 4
ORDER BY creator_id, rn;

-- case: window_rank_and_dense_rank_with_ties
-- ordered
SELECT gift_id, quantity,
    RANK() OVER (ORDER BY quantity DESC) AS rnk,
    DENSE_RANK() OVER (ORDER BY quantity DESC) AS dense
FROM gifts WHERE gift_id <= 40
ORDER BY rnk, gift_id;

-- case: window_rank_per_partition_by_amount
-- ordered
SELECT stream_id, gift_id, amount_usd,
    RANK() OVER (PARTITION BY stream_id ORDER BY amount_usd DESC) AS rnk
FROM gifts WHERE stream_id IN (SELECT stream_id FROM gifts GROUP BY stream_id HAVING COUNT(*) >= 5 ORDER BY stream_id LIMIT 3)
ORDER BY stream_id, rnk, gift_id;

-- case: window_ntile_quartiles_of_stream_gross
-- ordered
SELECT stream_id, gross, NTILE(4) OVER (ORDER BY gross DESC, stream_id) AS quartile
FROM (SELECT stream_id, SUM(amount_usd) AS gross FROM gifts GROUP BY stream_id) g
ORDER BY gross DESC, stream_id LIMIT 40;

-- case: window_ntile_uneven_buckets
-- ordered
SELECT category_id, NTILE(5) OVER (ORDER BY category_id) AS bucket FROM stream_categories ORDER BY category_id;

-- case: window_lag_lead_with_offset_and_default
-- ordered
SELECT stream_id, started_at,
    LAG(stream_id) OVER w AS prev_id,
    LAG(stream_id, 2, 0) OVER w AS prev2_or_zero,
    LEAD(stream_id, 1, -1) OVER w AS next_or_minus_one,
    LEAD(started_at, 3) OVER w AS third_next_start
FROM streams WHERE creator_id = 7
WINDOW w AS (ORDER BY started_at, stream_id)
ORDER BY started_at, stream_id;

-- case: window_lag_partitioned_gap_between_streams
-- ordered
SELECT creator_id, stream_id, started_at,
    started_at - LAG(started_at) OVER (PARTITION BY creator_id ORDER BY started_at, stream_id) AS since_previous
FROM streams WHERE creator_id IN (3, 11)
ORDER BY creator_id, started_at, stream_id;

-- case: window_first_value_and_last_value_default_frame
-- ordered
SELECT creator_id, stream_id,
    FIRST_VALUE(stream_id) OVER (PARTITION BY creator_id ORDER BY started_at, stream_id) AS first_stream,
    LAST_VALUE(stream_id) OVER (PARTITION BY creator_id ORDER BY started_at, stream_id) AS last_so_far
FROM streams WHERE creator_id IN (5, 6)
ORDER BY creator_id, started_at, stream_id;

-- case: window_last_value_whole_partition_frame
-- ordered
SELECT creator_id, stream_id,
    LAST_VALUE(stream_id) OVER (PARTITION BY creator_id ORDER BY started_at, stream_id
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_stream
FROM streams WHERE creator_id IN (5, 6)
ORDER BY creator_id, started_at, stream_id;

-- case: window_last_value_default_frame_includes_peers
-- ordered
SELECT gift_id, quantity,
    LAST_VALUE(quantity * 100) OVER (ORDER BY quantity) AS last_peer_key,
    MAX(gift_id) OVER (ORDER BY quantity) AS max_id_through_peers,
    COUNT(*) OVER (ORDER BY quantity) AS peers_so_far
FROM gifts WHERE gift_id <= 30
ORDER BY quantity, gift_id;

-- case: window_sum_over_partition_without_order
-- ordered
SELECT stream_id, gift_id, amount_usd,
    SUM(amount_usd) OVER (PARTITION BY stream_id) AS stream_total,
    COUNT(*) OVER (PARTITION BY stream_id) AS stream_gifts
FROM gifts WHERE stream_id <= 40
ORDER BY stream_id, gift_id;

-- case: window_running_sum_default_frame_with_ties
-- ordered
SELECT day, quantity, running FROM (
    SELECT CAST(sent_at AS DATE) AS day, gift_id, quantity,
        SUM(quantity) OVER (ORDER BY CAST(sent_at AS DATE)) AS running
    FROM gifts WHERE sent_at < TIMESTAMP '2026-08-10'
) t ORDER BY day, gift_id;

-- case: window_rows_frame_vs_default_range_frame
-- ordered
SELECT gift_id, quantity,
    SUM(quantity) OVER (ORDER BY quantity, gift_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rows_running,
    SUM(quantity) OVER (ORDER BY quantity) AS range_running
FROM gifts WHERE gift_id <= 25
ORDER BY quantity, gift_id;

-- case: window_moving_average_rows_two_preceding
-- ordered
SELECT day, usd, ROUND(AVG(usd) OVER (ORDER BY day ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 2) AS avg3
FROM (SELECT CAST(sent_at AS DATE) AS day, SUM(amount_usd) AS usd FROM gifts GROUP BY CAST(sent_at AS DATE)) d
ORDER BY day LIMIT 30;

-- case: window_centered_rows_one_preceding_one_following
-- ordered
SELECT stream_id, visits,
    SUM(visits) OVER (ORDER BY stream_id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS neighborhood,
    MIN(visits) OVER (ORDER BY stream_id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS min3,
    MAX(visits) OVER (ORDER BY stream_id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS max3
FROM (SELECT stream_id, COUNT(*) AS visits FROM viewer_sessions GROUP BY stream_id) v
ORDER BY stream_id LIMIT 25;

-- case: window_rows_current_to_following
-- ordered
SELECT gift_id, amount_usd,
    SUM(amount_usd) OVER (ORDER BY gift_id ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING) AS next3
FROM gifts ORDER BY gift_id LIMIT 20;

-- case: window_running_min_max_per_partition
-- ordered
SELECT stream_id, gift_id, amount_usd,
    MIN(amount_usd) OVER (PARTITION BY stream_id ORDER BY gift_id) AS running_min,
    MAX(amount_usd) OVER (PARTITION BY stream_id ORDER BY gift_id) AS running_max,
    AVG(amount_usd) OVER (PARTITION BY stream_id ORDER BY gift_id) AS running_avg
FROM gifts WHERE stream_id BETWEEN 20 AND 60
ORDER BY stream_id, gift_id;

-- case: window_several_windows_one_select
-- ordered
SELECT s.stream_id, s.creator_id, s.category_id,
    ROW_NUMBER() OVER (PARTITION BY s.creator_id ORDER BY s.started_at, s.stream_id) AS nth_for_creator,
    COUNT(*) OVER (PARTITION BY s.category_id) AS in_category,
    RANK() OVER (ORDER BY s.started_at) AS overall_rank
FROM streams s WHERE s.stream_id <= 30
ORDER BY s.stream_id;

-- case: window_results_filtered_in_outer_query
-- ordered
SELECT category_id, stream_id, visits FROM (
    SELECT s.category_id, s.stream_id, COUNT(*) AS visits,
        ROW_NUMBER() OVER (PARTITION BY s.category_id ORDER BY COUNT(*) DESC, s.stream_id) AS rn
    FROM streams s JOIN viewer_sessions vs ON vs.stream_id = s.stream_id
    GROUP BY s.category_id, s.stream_id
) ranked
WHERE rn <= 2
ORDER BY category_id, rn;

-- case: window_over_aggregate_share_of_total
-- ordered
SELECT device, COUNT(*) AS visits,
    ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 2) AS pct
FROM viewer_sessions GROUP BY device ORDER BY device;

-- case: window_order_by_alias_of_window
-- ordered
SELECT creator_id, COUNT(*) AS streams, DENSE_RANK() OVER (ORDER BY COUNT(*) DESC) AS place
FROM streams GROUP BY creator_id
ORDER BY place, creator_id LIMIT 15;

-- case: window_count_distinct_partitions_via_dense_rank
-- ordered
SELECT viewer_id, stream_id,
    DENSE_RANK() OVER (PARTITION BY viewer_id ORDER BY stream_id) AS nth_stream
FROM viewer_sessions WHERE viewer_id IN (10, 20)
ORDER BY viewer_id, nth_stream, stream_id;

-- case: window_lead_null_at_partition_end
-- ordered
SELECT viewer_id, session_id, join_time,
    LEAD(join_time) OVER (PARTITION BY viewer_id ORDER BY join_time, session_id) AS next_join
FROM viewer_sessions WHERE viewer_id IN (15, 16)
ORDER BY viewer_id, join_time, session_id;

-- case: window_row_number_global_with_limit
-- ordered
SELECT ROW_NUMBER() OVER (ORDER BY amount_usd DESC, gift_id) AS rn, gift_id, amount_usd
FROM gifts ORDER BY rn LIMIT 10;

-- case: window_percent_rank_and_cume_dist
-- ordered
SELECT category_id, streams,
    PERCENT_RANK() OVER (ORDER BY streams) AS prank,
    CUME_DIST() OVER (ORDER BY streams) AS cdist
FROM (SELECT category_id, COUNT(*) AS streams FROM streams GROUP BY category_id) c
ORDER BY streams, category_id;

-- case: window_sum_with_partition_and_order_running_per_viewer
-- ordered
SELECT viewer_id, gift_id, amount_usd,
    SUM(amount_usd) OVER (PARTITION BY viewer_id ORDER BY sent_at, gift_id) AS spent_so_far
FROM gifts WHERE viewer_id IN (SELECT viewer_id FROM gifts GROUP BY viewer_id ORDER BY COUNT(*) DESC, viewer_id LIMIT 3)
ORDER BY viewer_id, sent_at, gift_id;
