-- Dates and times: DATE_TRUNC, EXTRACT from timestamps and intervals, INTERVAL literals, AGE.

-- case: date_trunc_day_stream_counts
-- ordered
SELECT DATE_TRUNC('day', started_at) AS day, COUNT(*) AS streams
FROM streams WHERE started_at >= TIMESTAMP '2026-10-20'
GROUP BY DATE_TRUNC('day', started_at) ORDER BY day;

-- case: date_trunc_week_starts_monday
-- ordered
SELECT DATE_TRUNC('week', sent_at) AS week, COUNT(*) AS gifts, SUM(amount_usd) AS usd
FROM gifts GROUP BY DATE_TRUNC('week', sent_at) ORDER BY week;

-- case: date_trunc_month_revenue
-- ordered
SELECT DATE_TRUNC('month', sent_at) AS month, SUM(amount_usd) AS usd
FROM gifts GROUP BY 1 ORDER BY 1;

-- case: date_trunc_hour_and_minute_literals
SELECT DATE_TRUNC('hour', TIMESTAMP '2026-10-15 13:47:59') AS h,
    DATE_TRUNC('minute', TIMESTAMP '2026-10-15 13:47:59') AS m,
    DATE_TRUNC('year', TIMESTAMP '2026-10-15 13:47:59') AS y,
    DATE_TRUNC('quarter', TIMESTAMP '2026-10-15 13:47:59') AS q,
    DATE_TRUNC('week', TIMESTAMP '2026-11-01 00:00:00') AS w_sunday;

-- case: date_trunc_hour_chat_for_one_stream
-- ordered
SELECT DATE_TRUNC('hour', sent_at) AS hour, COUNT(*) AS messages
FROM chat_messages WHERE stream_id = 1626
GROUP BY DATE_TRUNC('hour', sent_at) ORDER BY hour;

-- case: date_trunc_of_now_month_boundaries
SELECT DATE_TRUNC('month', NOW()) AS this_month,
    DATE_TRUNC('month', NOW()) - INTERVAL '1 month' AS last_month,
    DATE_TRUNC('day', NOW() - INTERVAL '1 second') AS yesterday;

-- case: extract_epoch_from_interval_watch_time
-- ordered
SELECT device, SUM(EXTRACT(EPOCH FROM leave_time - join_time)) AS seconds,
    ROUND(AVG(EXTRACT(EPOCH FROM leave_time - join_time)) / 60, 3) AS avg_minutes
FROM viewer_sessions WHERE leave_time IS NOT NULL
GROUP BY device ORDER BY device;

-- case: extract_epoch_from_timestamp_literal
SELECT EXTRACT(EPOCH FROM TIMESTAMP '2026-11-01 00:00:00') AS anchor,
    EXTRACT(EPOCH FROM TIMESTAMP '1970-01-02 00:00:01') AS one_day_one_second,
    EXTRACT(EPOCH FROM NOW()) - EXTRACT(EPOCH FROM TIMESTAMP '2026-10-31 23:00:00') AS hour_in_seconds;

-- case: extract_dow_and_isodow_sunday_differs
-- ordered
SELECT EXTRACT(DOW FROM started_at) AS dow, EXTRACT(ISODOW FROM started_at) AS isodow, COUNT(*) AS streams
FROM streams GROUP BY 1, 2 ORDER BY dow;

-- case: extract_hour_minute_second_from_timestamps
-- ordered
SELECT stream_id, EXTRACT(HOUR FROM started_at) AS h, EXTRACT(MINUTE FROM started_at) AS m,
    EXTRACT(SECOND FROM started_at) AS s
FROM streams ORDER BY stream_id LIMIT 10;

-- case: extract_calendar_fields
SELECT EXTRACT(YEAR FROM TIMESTAMP '2026-10-15 13:47:59') AS y,
    EXTRACT(MONTH FROM TIMESTAMP '2026-10-15 13:47:59') AS mo,
    EXTRACT(DAY FROM TIMESTAMP '2026-10-15 13:47:59') AS d,
    EXTRACT(DOY FROM TIMESTAMP '2026-10-15 13:47:59') AS doy,
    EXTRACT(WEEK FROM TIMESTAMP '2026-10-15 13:47:59') AS wk,
    EXTRACT(QUARTER FROM TIMESTAMP '2026-10-15 13:47:59') AS q,
    EXTRACT(ISOYEAR FROM TIMESTAMP '2027-01-01 00:00:00') AS isoyear;

-- case: extract_fields_from_intervals
SELECT EXTRACT(HOUR FROM INTERVAL '27 hours 30 minutes') AS h,
    EXTRACT(MINUTE FROM INTERVAL '27 hours 30 minutes') AS m,
    EXTRACT(DAY FROM INTERVAL '3 days 4 hours') AS d,
    EXTRACT(SECOND FROM INTERVAL '2 minutes 5 seconds') AS s,
    EXTRACT(EPOCH FROM INTERVAL '1 day 1 hour') AS epoch;

-- case: extract_second_of_stream_length_is_the_field
-- ordered
SELECT stream_id, ended_at - started_at AS length,
    EXTRACT(SECOND FROM ended_at - started_at) AS sec_field,
    EXTRACT(MINUTE FROM ended_at - started_at) AS min_field,
    EXTRACT(HOUR FROM ended_at - started_at) AS hour_field,
    EXTRACT(EPOCH FROM ended_at - started_at) AS total_seconds
FROM streams WHERE ended_at IS NOT NULL ORDER BY stream_id LIMIT 10;

-- case: interval_plural_and_singular_units
SELECT NOW() - INTERVAL '7 days' AS d7, NOW() - INTERVAL '1 day' AS d1, NOW() - INTERVAL '1 week' AS w1,
    NOW() - INTERVAL '2 weeks' AS w2, NOW() - INTERVAL '90 minutes' AS m90, NOW() - INTERVAL '1 minute' AS m1,
    NOW() - INTERVAL '3 hours' AS h3, NOW() - INTERVAL '1 hour' AS h1, NOW() - INTERVAL '45 seconds' AS s45;

-- case: interval_months_and_years_calendar_aware
SELECT TIMESTAMP '2026-03-31 10:00:00' - INTERVAL '1 month' AS minus_month,
    TIMESTAMP '2026-01-31 10:00:00' + INTERVAL '1 month' AS plus_month,
    TIMESTAMP '2024-02-29 00:00:00' + INTERVAL '1 year' AS plus_year,
    NOW() - INTERVAL '3 months' AS minus_3_months, NOW() - INTERVAL '2 years' AS minus_2_years;

-- case: interval_compound_and_abbreviated_forms
SELECT NOW() - INTERVAL '1 day 2 hours' AS a, NOW() - INTERVAL '1 hour 30 minutes' AS b,
    NOW() - INTERVAL '5 mins' AS c, NOW() - INTERVAL '10 secs' AS d, NOW() - INTERVAL '2 hrs' AS e,
    NOW() - INTERVAL '1 mon' AS f, NOW() - INTERVAL '01:30:00' AS g, NOW() - INTERVAL '-2 days' AS h;

-- case: interval_sql_standard_qualifier_forms
SELECT NOW() - INTERVAL '7' DAY AS a, NOW() - INTERVAL '2' HOUR AS b, NOW() - INTERVAL '30' MINUTE AS c,
    NOW() - INTERVAL '1' MONTH AS d, NOW() - INTERVAL '1' YEAR AS e;

-- case: interval_text_output_forms
SELECT INTERVAL '90 minutes' AS a, INTERVAL '1 day 2 hours' AS b, INTERVAL '36 hours' AS c,
    INTERVAL '2 weeks' AS d, INTERVAL '1 year 2 months' AS e, INTERVAL '45 seconds' AS f;

-- case: interval_arithmetic_multiply_add_compare
SELECT INTERVAL '1 hour' * 3 AS three_hours, INTERVAL '1 day' + INTERVAL '12 hours' AS day_and_half,
    INTERVAL '1 day' = INTERVAL '24 hours' AS day_equals_24h, INTERVAL '90 minutes' > INTERVAL '1 hour' AS longer;

-- case: interval_filters_on_the_dataset_clock
SELECT COUNT(*) FILTER (WHERE sent_at >= NOW() - INTERVAL '1 day') AS last_day,
    COUNT(*) FILTER (WHERE sent_at >= NOW() - INTERVAL '7 days') AS last_week,
    COUNT(*) FILTER (WHERE sent_at >= NOW() - INTERVAL '1 month') AS last_month
FROM chat_messages;

-- case: stream_length_over_interval_threshold
SELECT COUNT(*) FILTER (WHERE ended_at - started_at > INTERVAL '4 hours') AS over_4h,
    COUNT(*) FILTER (WHERE ended_at - started_at <= INTERVAL '30 minutes') AS under_half_hour,
    MAX(ended_at - started_at) AS longest
FROM streams;

-- case: age_of_creator_accounts_text
-- ordered
SELECT creator_id, joined_at, AGE(NOW(), joined_at) AS account_age
FROM creators ORDER BY creator_id LIMIT 10;

-- case: age_years_bucket_of_viewers
-- ordered
SELECT EXTRACT(YEAR FROM AGE(NOW(), joined_at)) AS years, COUNT(*) AS viewers
FROM viewers GROUP BY 1 ORDER BY 1;

-- case: age_between_literals
SELECT AGE(TIMESTAMP '2026-11-01', TIMESTAMP '2025-01-15 12:00:00') AS a,
    AGE(TIMESTAMP '2026-03-01', TIMESTAMP '2026-01-31') AS b,
    AGE(TIMESTAMP '2026-01-01', TIMESTAMP '2026-11-01') AS negative;

-- case: date_minus_date_is_integer_days
-- ordered
SELECT creator_id, CAST(NOW() AS DATE) - CAST(joined_at AS DATE) AS days_since_join
FROM creators ORDER BY creator_id LIMIT 10;

-- case: date_plus_integer_and_interval
SELECT DATE '2026-10-30' + 3 AS plus_days, DATE '2026-10-30' + INTERVAL '36 hours' AS plus_interval,
    DATE '2026-10-30' - 1 AS minus_one;

-- case: timestamp_literal_spellings
SELECT TIMESTAMP '2026-10-01' AS a, CAST('2026-10-01 12:30:00' AS TIMESTAMP) AS b,
    '2026-10-01 12:30:00'::timestamp AS c, DATE '2026-10-01' AS d, '2026-10-01'::date AS e;

-- case: extract_hour_gifts_per_hour_of_day
-- ordered
SELECT EXTRACT(HOUR FROM sent_at) AS hour, COUNT(*) AS gifts, SUM(amount_usd) AS usd
FROM gifts GROUP BY EXTRACT(HOUR FROM sent_at) ORDER BY hour;

-- case: extract_year_month_day_from_columns
-- ordered
SELECT stream_id, EXTRACT(YEAR FROM started_at) AS y, EXTRACT(MONTH FROM started_at) AS m, EXTRACT(DAY FROM started_at) AS d
FROM streams ORDER BY stream_id LIMIT 5;

-- case: extract_week_and_quarter_from_literal
SELECT EXTRACT(WEEK FROM TIMESTAMP '2026-10-15 13:47:59') AS wk, EXTRACT(QUARTER FROM TIMESTAMP '2026-10-15 13:47:59') AS q;

-- case: interval_month_end_clamps
SELECT TIMESTAMP '2026-10-31 08:00:00' - INTERVAL '1 month' AS sep_30, TIMESTAMP '2026-08-31 08:00:00' + INTERVAL '1 month' AS sep_30_too;

-- case: interval_text_of_difference_over_a_day
SELECT TIMESTAMP '2026-10-02 03:00:00' - TIMESTAMP '2026-10-01 00:00:00' AS over_a_day,
    TIMESTAMP '2026-10-01 00:00:00' - TIMESTAMP '2026-10-01 01:30:00' AS negative,
    TIMESTAMP '2026-10-01 00:00:00' - TIMESTAMP '2026-10-02 01:00:00' AS negative_day;

-- case: interval_multiplied_by_fraction
SELECT INTERVAL '1 hour' * 1.5 AS ninety_minutes, INTERVAL '10 minutes' / 4 AS two_and_half_minutes;

-- case: timestamp_fractional_seconds_literal
SELECT TIMESTAMP '2026-10-01 12:00:00.5' AS half, TIMESTAMP '2026-10-01 12:00:00.5' - TIMESTAMP '2026-10-01 12:00:00' AS diff;

-- case: cast_timestamp_and_date_to_text
-- ordered
SELECT stream_id, CAST(started_at AS TEXT) AS ts_text, CAST(CAST(started_at AS DATE) AS TEXT) AS day_text
FROM streams ORDER BY stream_id LIMIT 3;

-- case: timestamp_compared_with_date_literal
SELECT COUNT(*) FROM streams WHERE started_at >= DATE '2026-10-01' AND started_at < DATE '2026-10-08';

-- case: extract_epoch_of_negative_interval
SELECT EXTRACT(EPOCH FROM TIMESTAMP '2026-10-01 00:00:00' - TIMESTAMP '2026-10-01 01:30:00') AS minus_5400;

-- case: age_compared_and_ordered
-- ordered
SELECT creator_id, AGE(NOW(), joined_at) AS account_age FROM creators
WHERE AGE(NOW(), joined_at) > INTERVAL '6 months'
ORDER BY AGE(NOW(), joined_at) DESC, creator_id LIMIT 10;

-- case: age_of_one_timestamp_is_from_midnight_today
-- ordered
SELECT viewer_id, AGE(joined_at) AS age, EXTRACT(MONTH FROM AGE(joined_at)) AS months,
    EXTRACT(DAY FROM AGE(joined_at)) AS days
FROM viewers ORDER BY viewer_id LIMIT 10;

-- case: age_month_end_and_time_borrowing
SELECT AGE(TIMESTAMP '2026-03-31 01:00:00', TIMESTAMP '2026-02-28 23:00:00') AS a,
    AGE(TIMESTAMP '2024-03-01', TIMESTAMP '2024-01-31 12:00:00') AS leap,
    AGE(TIMESTAMP '2025-12-15 08:30:00', TIMESTAMP '2026-02-01 10:00:00') AS negative,
    AGE(DATE '2026-11-01', DATE '2020-02-29') AS dates;

-- case: interval_months_days_and_time_kept_apart
SELECT INTERVAL '1 month' + INTERVAL '1 day' AS month_day, INTERVAL '1 day' - INTERVAL '1 hour' AS day_less_hour,
    INTERVAL '1 month' = INTERVAL '30 days' AS month_is_30_days, INTERVAL '1 day 12 hours' = INTERVAL '36 hours' AS same_span,
    INTERVAL '-1 day 3 hours' AS mixed_signs, INTERVAL '2 years 3 months 4 days 05:06:07' AS everything,
    TIMESTAMP '2026-01-31 12:00:00' + INTERVAL '1 month 1 day 1 hour' AS month_then_day;

-- case: interval_extract_fields_of_mixed_interval
SELECT EXTRACT(YEAR FROM INTERVAL '2 years 14 months') AS y, EXTRACT(MONTH FROM INTERVAL '2 years 14 months') AS m,
    EXTRACT(DAY FROM INTERVAL '40 days 30 hours') AS d, EXTRACT(HOUR FROM INTERVAL '40 days 30 hours') AS h,
    EXTRACT(EPOCH FROM INTERVAL '1 month 1 day 1 hour') AS epoch;

-- case: interval_scaled_by_fractions
SELECT INTERVAL '1 month' / 2 AS half_month, INTERVAL '1 month 1 day' * 1.5 AS one_and_half,
    INTERVAL '1 day' * 0.25 AS quarter_day, 2.5 * INTERVAL '1 hour' AS two_and_half_hours,
    INTERVAL '3 days' / 7 AS seventh;

-- case: intervals_sorted_and_grouped_by_span
-- ordered
SELECT span, COUNT(*) AS n FROM (
    SELECT CASE stream_id % 4 WHEN 0 THEN INTERVAL '1 day' WHEN 1 THEN INTERVAL '25 hours'
        WHEN 2 THEN INTERVAL '29 days' ELSE INTERVAL '1 month' END AS span FROM streams) t
GROUP BY span ORDER BY span;

-- case: units_named_by_a_column_and_by_a_constant_in_any_case
-- ordered
CREATE TABLE units (name TEXT);
INSERT INTO units VALUES ('hour'), ('DAY'), ('Week'), ('month');
SELECT u.name, DATE_TRUNC(u.name, s.started_at) AS truncated, DATE_PART(u.name, s.started_at) AS part,
    DATE_TRUNC('Hour', s.started_at) AS hour,
    EXTRACT(EPOCH FROM COALESCE(s.ended_at, TIMESTAMP '2026-11-01 00:00:00') - s.started_at) AS seconds
FROM units u CROSS JOIN streams s
WHERE s.stream_id <= 3 AND u.name <> 'month'
ORDER BY u.name, s.stream_id;
