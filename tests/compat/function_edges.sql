-- Every scalar function people reach for, at the edges where engines differ: argument order, negative
-- lengths, NULLs, and the functions PostgreSQL does not have (refused by both).

-- case: log_of_one_argument_is_base_ten_and_two_take_the_base_first
SELECT LOG(100) AS ten_based, LOG(2, 8) AS base_first, LOG(10.0, 1000.0) AS numeric_args, LN(1) AS ln_one,
    LOG10(1000) AS log_ten, EXP(0) AS exp_zero;

-- case: left_and_right_with_negative_lengths
SELECT LEFT('abcde', 2) AS l2, LEFT('abcde', -2) AS l_neg, RIGHT('abcde', 2) AS r2, RIGHT('abcde', -2) AS r_neg,
    LEFT('ab', 5) AS l_long, LEFT(NULL, 2) AS l_null;

-- case: lpad_and_rpad_cut_to_length
SELECT LPAD('7', 3, '0') AS zero_padded, LPAD('abcdef', 3) AS cut, RPAD('ab', 5, 'xy') AS cycled,
    RPAD('ab', 4) AS spaces, LPAD('ab', 0, 'x') AS empty_result;

-- case: substr_with_start_before_the_text
SELECT SUBSTR('abcdef', 0, 3) AS from_zero, SUBSTR('abcdef', -1, 4) AS from_negative, SUBSTR('abcdef', 3) AS tail,
    SUBSTRING('abcdef' FROM 2 FOR 2) AS sql_form, SUBSTR('abcdef', 10) AS past_end;

-- case: trim_forms_and_characters
SELECT TRIM(BOTH 'x' FROM 'xxaxx') AS both_x, TRIM(LEADING ' ' FROM '  a  ') AS leading_space,
    TRIM(TRAILING 'yz' FROM 'ayzzy') AS trailing_set, LTRIM('xxa', 'x') AS ltrim_chars, RTRIM('a  ') AS rtrim_space;

-- case: text_functions_initcap_reverse_repeat_replace
SELECT INITCAP('hello wORLD-foo') AS initcap, REVERSE('abc') AS reversed, REPEAT('ab', 3) AS repeated,
    REPEAT('ab', 0) AS repeated_none, REPLACE('banana', 'an', '') AS replaced, REPLACE(NULL, 'a', 'b') AS null_text;

-- case: ascii_chr_md5_and_position
SELECT ASCII('A') AS ascii, CHR(66) AS chr, MD5('livestream') AS md5, POSITION('na' IN 'banana') AS first_na,
    POSITION('z' IN 'banana') AS missing, STRPOS('banana', 'na') AS strpos_form;

-- case: concat_ws_skips_nulls
SELECT CONCAT_WS('-', 'a', NULL, 'b') AS skipped, CONCAT_WS(',', 1, 2.5, TRUE) AS mixed,
    CONCAT_WS(NULL, 'a', 'b') AS null_separator;

-- case: integer_division_modulo_gcd_lcm
SELECT DIV(7, 2) AS div_pos, DIV(-7, 2) AS div_neg, MOD(-7, 2) AS mod_neg, MOD(7, -2) AS mod_neg_divisor,
    GCD(12, 18) AS gcd, LCM(4, 6) AS lcm, GCD(0, 5) AS gcd_zero;

-- case: trigonometry_and_angles
SELECT ROUND(SIN(0)::numeric, 6) AS sin0, ROUND(COS(0)::numeric, 6) AS cos0, ROUND(TAN(0)::numeric, 6) AS tan0,
    ROUND(ASIN(1)::numeric, 6) AS asin1, ROUND(ACOS(1)::numeric, 6) AS acos1, ROUND(ATAN(1)::numeric, 6) AS atan1,
    ROUND(DEGREES(PI())::numeric, 6) AS degrees_pi, ROUND(RADIANS(180)::numeric, 6) AS radians_180;

-- case: power_and_sqrt_of_numbers
SELECT POWER(2, 10) AS p_int, POWER(2.0, 3) AS p_numeric, POWER(9, 0.5) AS p_half, SQRT(2.0) AS sqrt_numeric,
    SQRT(16) AS sqrt_int, CBRT(27) AS cbrt;

-- case: nullif_and_coalesce_types
SELECT NULLIF(1, 1) AS equal_gives_null, NULLIF(1, 2) AS different, NULLIF('a', NULL) AS null_second,
    COALESCE(NULL, NULL, 3) AS third, COALESCE(NULL::int, 2.5) AS widened;

-- case: variance_and_standard_deviation_are_of_the_sample
SELECT VARIANCE(quantity) AS variance, VAR_SAMP(quantity) AS var_samp, VAR_POP(quantity) AS var_pop,
    STDDEV(quantity) AS stddev, STDDEV_SAMP(quantity) AS stddev_samp, STDDEV_POP(quantity) AS stddev_pop
FROM gifts;

-- case: variance_per_gift_type
-- ordered
SELECT gift_type_id, ROUND(VARIANCE(amount_usd), 4) AS var_usd, ROUND(STDDEV(amount_usd), 4) AS sd_usd
FROM gifts GROUP BY gift_type_id ORDER BY gift_type_id;

-- case: ifnull_is_not_a_postgresql_function
-- error
SELECT IFNULL(NULL, 1);

-- case: hex_is_not_a_postgresql_function
-- error
SELECT HEX(255);

-- case: last_day_is_not_a_postgresql_function
-- error
SELECT LAST_DAY(DATE '2024-02-03');

-- case: log2_is_not_a_postgresql_function
-- error
SELECT LOG2(8);

-- case: stdev_is_not_a_postgresql_function
-- error
SELECT STDEV(2);

-- case: generate_uuid_is_not_a_postgresql_function
-- error
SELECT GENERATE_UUID();

-- case: add_month_is_not_a_postgresql_function
-- error
SELECT ADD_MONTH(DATE '2024-01-31', 1);

-- case: calc_distance_is_not_a_postgresql_function
-- error
SELECT CALC_DISTANCE(1, 2);

-- case: rand_is_not_a_postgresql_function
-- error
SELECT RAND();

-- case: trim_takes_characters_off_both_ends_only
SELECT TRIM(BOTH 'x' FROM 'xaxbx') AS inner_kept, TRIM('xy' FROM 'xyaxy') AS default_both,
    TRIM(LEADING 'ab' FROM 'abbaxab') AS leading_set, RTRIM('éaé', 'é') AS multibyte,
    BTRIM('  a  ') AS btrim_spaces, BTRIM('xxaxx', 'x') AS btrim_chars, TRIM(NULL) AS null_text;

-- case: trim_over_creator_handles
-- ordered
SELECT creator_id, handle, TRIM(BOTH '_0123456789' FROM handle) AS core, LTRIM(handle, 'abcdefghij') AS ltrimmed
FROM creators ORDER BY creator_id LIMIT 12;

-- case: ln_and_exp_of_numerics_and_floats
SELECT LN(2.0) AS ln_numeric, LN(2) AS ln_int, EXP(1.0) AS exp_numeric, EXP(1) AS exp_int,
    ASIN(0.5) AS asin_half, ACOS(-1) AS acos_minus_one;

-- case: ln_of_zero_is_an_error
-- error
SELECT LN(0);

-- case: log_of_a_negative_number_is_an_error
-- error
SELECT LOG(10, -5);

-- case: exp_past_the_float_range_is_an_error
-- error
SELECT EXP(1000);

-- case: acos_outside_minus_one_to_one_is_an_error
-- error
SELECT ACOS(2);

-- case: sqrt_of_a_negative_number_is_an_error
-- error
SELECT SQRT(-4);

-- case: power_of_zero_to_a_negative_exponent_is_an_error
-- error
SELECT POWER(0, -1);

-- case: bool_and_bool_or_and_every_per_creator
-- ordered
SELECT s.creator_id, BOOL_AND(s.ended_at IS NOT NULL) AS all_ended, BOOL_OR(s.title LIKE '%a%') AS any_a,
    EVERY(s.category_id < 5) AS every_low, BOOL_OR(s.stream_id < 0) AS none_true
FROM streams s GROUP BY s.creator_id ORDER BY s.creator_id LIMIT 15;

-- case: bool_and_of_nulls_only_is_null_and_filter_applies
SELECT BOOL_AND(CAST(NULL AS BOOLEAN)) AS only_nulls, BOOL_OR(x > 2) FILTER (WHERE x < 3) AS filtered,
    BOOL_AND(x > 0) AS all_positive, BOOL_OR(DISTINCT x = 2) AS distinct_form
FROM (VALUES (1), (2), (3), (NULL)) AS t(x);

-- case: bool_or_as_a_window
-- ordered
SELECT x, BOOL_OR(x > 2) OVER (ORDER BY x) AS any_so_far, BOOL_AND(x < 3) OVER () AS all_small
FROM (VALUES (1), (2), (3)) AS t(x) ORDER BY x;

-- case: variance_with_filter_and_over
-- ordered
SELECT x, VAR_POP(x) FILTER (WHERE x > 1) OVER () AS pop_of_big,
    ROUND(STDDEV(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), 6) AS moving_sd
FROM (VALUES (1), (2), (4), (7)) AS t(x) ORDER BY x;

-- case: split_part_counts_fields_from_either_end
SELECT SPLIT_PART('a,b,c', ',', 2) AS second, SPLIT_PART('a,b,c', ',', -1) AS last_one,
    SPLIT_PART('a,b,c', ',', 5) AS past_end, SPLIT_PART('a,b', '', 1) AS empty_delimiter,
    SPLIT_PART(NULL, ',', 1) AS null_text;

-- case: split_part_of_handles_grouped
-- ordered
SELECT SPLIT_PART(handle, '_', 1) AS stem, COUNT(*) AS creators FROM creators
GROUP BY 1 ORDER BY creators DESC, stem LIMIT 10;

-- case: date_function_is_a_cast
-- ordered
SELECT DATE(sent_at) AS day, COUNT(*) AS gifts FROM gifts GROUP BY DATE(sent_at) ORDER BY day LIMIT 10;

-- case: split_part_of_field_zero_is_an_error
-- error
SELECT SPLIT_PART('a,b', ',', 0);

-- case: string_agg_joins_text
SELECT STRING_AGG(handle, ',') FROM creators WHERE creator_id < 4;

-- case: to_char_month_buckets_of_gifts
-- ordered
SELECT TO_CHAR(sent_at, 'YYYY-MM') AS month, COUNT(*) AS gifts, SUM(amount_usd) AS usd
FROM gifts GROUP BY TO_CHAR(sent_at, 'YYYY-MM') ORDER BY month;

-- case: to_char_every_date_and_time_field
-- ordered
SELECT stream_id, TO_CHAR(started_at, 'YYYY-MM-DD HH24:MI:SS.MS US') AS iso,
    TO_CHAR(started_at, 'Mon DD, YYYY HH12:MI AM pm') AS us_style,
    TO_CHAR(started_at, 'FMMonth FMDD Day dy "week" IW ID D Q DDD WW YY Y') AS names,
    TO_CHAR(started_at, 'MONTH|month|DAY|Dy|DY|MON|mon|FMHH24|HH') AS cases,
    TO_CHAR(CAST(started_at AS DATE), 'YYYY-MM-DD HH24:MI') AS of_a_date
FROM streams ORDER BY stream_id LIMIT 40;

-- case: to_char_of_null_is_null
SELECT TO_CHAR(CAST(NULL AS TIMESTAMP), 'YYYY') AS null_time, TO_CHAR(TIMESTAMP '2026-01-01', NULL) AS null_format,
    TO_CHAR(TIMESTAMP '2026-03-05 00:07:09.123456', 'HH12 HH AM MS US FMMS') AS midnight_fractions,
    TO_CHAR(TIMESTAMP '2026-12-31 12:00:00', 'HH12 PM DDD IW WW Q') AS noon_year_end;

-- case: to_char_with_an_unknown_field_is_refused
-- pending: PostgreSQL copies letters that are not fields ("th" suffixes too); refused here
SELECT TO_CHAR(TIMESTAMP '2026-01-01', 'DDth "of" Month');
