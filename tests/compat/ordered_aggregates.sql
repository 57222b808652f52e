-- Aggregates that read their values in an order: STRING_AGG with ORDER BY, the percentiles and
-- MODE with WITHIN GROUP. Medians and "list them in one cell" are everyday interview asks.

-- case: string_agg_of_handles_in_order
SELECT STRING_AGG(handle, ', ' ORDER BY handle) AS handles FROM creators WHERE creator_id <= 12;

-- case: string_agg_per_stream_of_gift_names_newest_first
-- ordered
SELECT g.stream_id, COUNT(*) AS gifts,
    STRING_AGG(c.name, ' > ' ORDER BY g.sent_at DESC, g.gift_id DESC) AS newest_first
FROM gifts g JOIN gift_catalog c ON c.gift_type_id = g.gift_type_id
WHERE g.stream_id <= 15
GROUP BY g.stream_id
ORDER BY g.stream_id;

-- case: string_agg_distinct_devices_per_stream
-- ordered
SELECT stream_id, STRING_AGG(DISTINCT device, '/' ORDER BY device) AS devices,
    STRING_AGG(DISTINCT device, '/' ORDER BY device DESC) AS devices_desc
FROM viewer_sessions
WHERE stream_id <= 25
GROUP BY stream_id
ORDER BY stream_id;

-- case: string_agg_skips_nulls_and_a_null_separator_joins_without_one
SELECT STRING_AGG(CASE WHEN creator_id % 2 = 0 THEN handle END, ',' ORDER BY creator_id) AS even_only,
    STRING_AGG(handle, NULL ORDER BY creator_id) AS no_separator,
    STRING_AGG(handle, ',') FILTER (WHERE creator_id < 0) AS none_kept,
    STRING_AGG(handle, ';' ORDER BY creator_id) FILTER (WHERE creator_id IN (3, 1, 2)) AS filtered
FROM creators WHERE creator_id <= 6;

-- case: string_agg_orders_nulls_last_ascending_and_first_descending
SELECT STRING_AGG(stream_id::text, ',' ORDER BY ended_at, stream_id) AS by_end,
    STRING_AGG(stream_id::text, ',' ORDER BY ended_at DESC, stream_id) AS by_end_desc,
    STRING_AGG(stream_id::text, ',' ORDER BY ended_at NULLS FIRST, stream_id) AS nulls_first
FROM streams WHERE stream_id IN (SELECT stream_id FROM streams WHERE ended_at IS NULL LIMIT 3)
    OR stream_id <= 4;

-- case: string_agg_over_a_cte_with_a_having
-- ordered
WITH top_gifts AS (
    SELECT stream_id, viewer_id, SUM(amount_usd) AS spent
    FROM gifts GROUP BY stream_id, viewer_id
)
SELECT stream_id, STRING_AGG(viewer_id::text || ':' || spent::text, ' ' ORDER BY spent DESC, viewer_id) AS spenders
FROM top_gifts
GROUP BY stream_id
HAVING COUNT(*) >= 3
ORDER BY stream_id
LIMIT 10;

-- case: string_agg_distinct_needs_its_order_in_the_arguments
-- error
SELECT STRING_AGG(DISTINCT device, ',' ORDER BY join_time) FROM viewer_sessions;

-- case: median_and_quartiles_of_gift_amounts
SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY amount_usd) AS median_cont,
    PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY amount_usd) AS median_disc,
    PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY amount_usd) AS q1,
    PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY amount_usd) AS q3,
    PERCENTILE_CONT(0) WITHIN GROUP (ORDER BY amount_usd) AS lowest,
    PERCENTILE_DISC(1) WITHIN GROUP (ORDER BY amount_usd) AS highest
FROM gifts;

-- case: median_gift_per_creator_interpolates_between_two
-- ordered
SELECT s.creator_id, COUNT(*) AS gifts,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY g.amount_usd) AS median_gift,
    PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY g.amount_usd DESC) AS p90_from_the_top
FROM gifts g JOIN streams s ON s.stream_id = g.stream_id
GROUP BY s.creator_id
ORDER BY s.creator_id;

-- case: median_visit_length_per_stream_as_an_interval
-- ordered
SELECT stream_id, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY leave_time - join_time) AS median_visit,
    PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY leave_time - join_time) AS median_visit_disc,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM leave_time - join_time)) AS median_seconds
FROM viewer_sessions
WHERE stream_id <= 30
GROUP BY stream_id
ORDER BY stream_id;

-- case: percentile_disc_of_timestamps_and_text
SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY started_at) AS middle_start,
    PERCENTILE_DISC(0.1) WITHIN GROUP (ORDER BY title) AS early_title
FROM streams;

-- case: percentile_with_filter_in_having_and_order_by
-- ordered
SELECT stream_id,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY amount_usd) FILTER (WHERE quantity > 1) AS median_multi
FROM gifts
GROUP BY stream_id
HAVING PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY amount_usd) > 5
ORDER BY PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY amount_usd) DESC, stream_id
LIMIT 15;

-- case: percentile_of_no_rows_is_null
SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY amount_usd) AS cont,
    PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY amount_usd) AS disc,
    MODE() WITHIN GROUP (ORDER BY gift_type_id) AS most,
    STRING_AGG(viewer_id::text, ',') AS listed
FROM gifts WHERE quantity < 0;

-- case: percentile_out_of_range_is_an_error
-- error
SELECT PERCENTILE_CONT(1.5) WITHIN GROUP (ORDER BY amount_usd) FROM gifts;

-- case: mode_of_device_per_stream_takes_the_first_of_ties
-- ordered
SELECT stream_id, MODE() WITHIN GROUP (ORDER BY device) AS usual_device,
    MODE() WITHIN GROUP (ORDER BY device DESC) AS usual_device_desc, COUNT(*) AS visits
FROM viewer_sessions
WHERE stream_id <= 40
GROUP BY stream_id
ORDER BY stream_id;

-- case: most_common_gift_per_tier
-- ordered
SELECT c.tier, MODE() WITHIN GROUP (ORDER BY c.name) AS most_sent, COUNT(*) AS gifts
FROM gifts g JOIN gift_catalog c USING (gift_type_id)
GROUP BY c.tier
ORDER BY c.tier;

-- case: order_by_inside_a_function_that_is_no_aggregate_is_an_error
-- error
SELECT upper(handle ORDER BY handle) FROM creators;

-- case: order_by_inside_an_order_blind_aggregate_changes_nothing
SELECT SUM(creator_id ORDER BY handle) AS total, COUNT(handle ORDER BY creator_id DESC) AS handles,
    MAX(joined_at ORDER BY handle) AS last_joined
FROM creators;

-- case: string_agg_and_median_beside_plain_aggregates_over_a_join
-- ordered
SELECT c.country, s.category_id, COUNT(*) AS streams,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s.stream_id) AS median_id,
    STRING_AGG(DISTINCT LOWER(c.handle), '|' ORDER BY LOWER(c.handle)) FILTER (WHERE s.stream_id % 3 = 0) AS handles
FROM streams s JOIN creators c ON c.creator_id = s.creator_id
WHERE s.stream_id <= 60
GROUP BY c.country, s.category_id
HAVING COUNT(*) > 1
ORDER BY c.country, s.category_id;
