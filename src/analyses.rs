//! Guided analyses: the questions this schema exists to answer, each as editable SQL, a short
//! explanation of the modeling idea behind it and, where a picture reads better than a table,
//! a chart of one of its results.
//!
//! The SQL is PostgreSQL as a strong candidate writes it and runs unchanged on PostgreSQL unless
//! `postgres_note` says how it differs. A script may hold several statements; the page shows
//! every statement's result, and `Chart::statement` picks which one is drawn.

use crate::{chat_purge_sql, correct_payout_sql, seed_payout_sql};
use serde::Serialize;

/// One guided analysis.
#[derive(Debug, Serialize)]
pub struct Analysis {
    pub id: &'static str,
    pub title: &'static str,
    /// The modeling idea the analysis tests, one plain-text paragraph per entry.
    pub explanation: &'static [&'static str],
    pub sql: &'static str,
    /// How the SQL differs from what PostgreSQL runs, when it does.
    pub postgres_note: Option<&'static str>,
    pub chart: Option<Chart>,
}

/// A chart drawn from one statement's result: `x` against each of the `y` columns.
#[derive(Debug, Serialize)]
pub struct Chart {
    /// Index of the statement in the script whose result is drawn.
    pub statement: usize,
    pub kind: ChartKind,
    pub x: &'static str,
    pub y: &'static [&'static str],
    pub title: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// A line over time or another ordered axis.
    Line,
    /// Bars per category.
    Bar,
}

/// The disputed stream of the audit, by default the one with the most gifts.
macro_rules! audit_params_sql {
    () => {
        "WITH params AS (
    -- The disputed stream: by default the one with the most gifts.
    -- To audit another, replace this query with e.g. SELECT 42 AS stream_id (here and below).
    SELECT stream_id FROM gifts
    GROUP BY stream_id ORDER BY COUNT(*) DESC, stream_id LIMIT 1
)
"
    };
}

/// The stream and window replayed, shared by the replay's two statements.
macro_rules! replay_params_sql {
    () => {
        "WITH params AS (
    -- The stream under review: by default the one with the most visits among the last 7 days'
    -- streams, minutes 30 to 40 after it went live. To review another, replace this query with
    -- e.g. SELECT 42 AS stream_id, TIMESTAMP '2026-10-20 21:00:00' AS window_start,
    -- TIMESTAMP '2026-10-20 21:10:00' AS window_end (in both statements).
    SELECT stream_id,
        started_at + INTERVAL '30 minutes' AS window_start,
        started_at + INTERVAL '40 minutes' AS window_end
    FROM streams
    WHERE stream_id IN (
        SELECT stream_id FROM viewer_sessions
        WHERE stream_id IN (SELECT stream_id FROM streams WHERE started_at >= NOW() - INTERVAL '7 days')
        GROUP BY stream_id ORDER BY COUNT(*) DESC, stream_id LIMIT 1
    )
)
"
    };
}

pub const ANALYSES: &[Analysis] = &[
    Analysis {
        id: "payout-fan-out",
        title: "Creator payout and the fan-out trap",
        explanation: &[
            "The first query is the interview's payout as written. It joins gifts and visits to each stream in one go, so every gift row is repeated once per visit of its stream before SUM adds them up. COUNT(DISTINCT viewer_id) hides the problem: the viewer count stays right while the money is multiplied.",
            "The second query aggregates each fact at its own grain first (gifts per stream, viewers per stream) and only then joins one row per stream, so nothing is multiplied.",
            "The third result puts both side by side for every stream whose figure differs: joined_rows is gifts x visits, the inflation factor is the number of visits, and overpaid_usd is what the creator would have been paid too much at their revenue share (total_overpaid_usd over all of them).",
            "The last result is a payout statement for a period: gross gifts, the platform's share and the net payout per creator. Gifts are dated by when they were sent, and the share comes from the creator's row.",
        ],
        sql: concat!(
            "-- The interview's payout query, verbatim.\n",
            seed_payout_sql!(),
            ";\n\n-- The same question, each fact aggregated at its own grain before joining.\n",
            correct_payout_sql!(),
            ";\n\n-- Side by side, per stream whose figure the fan-out changes.\n",
            "WITH naive AS (
    -- The interview query's joins, grouped per stream: every gift meets every visit of its stream.
    SELECT s.stream_id, c.handle AS creator, c.revenue_share,
        COUNT(*) AS joined_rows,
        SUM(g.amount_usd) AS naive_gross_usd
    FROM streams s
    JOIN creators c ON c.creator_id = s.creator_id
    LEFT JOIN gifts g ON g.stream_id = s.stream_id
    LEFT JOIN viewer_sessions vs ON vs.stream_id = s.stream_id
    WHERE s.started_at >= NOW() - INTERVAL '7 days'
    GROUP BY s.stream_id, c.handle, c.revenue_share
),
stream_gifts AS (
    -- Each fact at its own grain: one row per stream, nothing multiplied.
    SELECT stream_id, COUNT(*) AS gifts, SUM(amount_usd) AS gross_gifts_usd
    FROM gifts GROUP BY stream_id
),
stream_visits AS (
    SELECT stream_id, COUNT(*) AS visits
    FROM viewer_sessions
    WHERE stream_id IN (SELECT stream_id FROM naive)
    GROUP BY stream_id
)
SELECT n.stream_id, n.creator, g.gifts, v.visits, n.joined_rows,
    n.naive_gross_usd, g.gross_gifts_usd AS correct_gross_usd,
    ROUND(n.naive_gross_usd / g.gross_gifts_usd, 2) AS inflation_factor,
    n.naive_gross_usd - g.gross_gifts_usd AS overstated_usd,
    ROUND((n.naive_gross_usd - g.gross_gifts_usd) * n.revenue_share, 2) AS overpaid_usd,
    SUM(ROUND((n.naive_gross_usd - g.gross_gifts_usd) * n.revenue_share, 2)) OVER () AS total_overpaid_usd
FROM naive n
JOIN stream_gifts g ON g.stream_id = n.stream_id
JOIN stream_visits v ON v.stream_id = n.stream_id
WHERE n.naive_gross_usd <> g.gross_gifts_usd
ORDER BY overstated_usd DESC, n.stream_id;\n\n-- Creator payout statement for a period.\n",
            "WITH params AS (
    -- The statement period: the last full calendar month before the dataset clock.
    -- Edit to any range, e.g. TIMESTAMP '2026-10-01' AS period_start.
    SELECT DATE_TRUNC('month', NOW()) - INTERVAL '1 month' AS period_start,
           DATE_TRUNC('month', NOW()) AS period_end
),
creator_gross AS (
    SELECT s.creator_id, COUNT(*) AS gifts, SUM(g.amount_usd) AS gross_gifts_usd
    FROM gifts g
    JOIN streams s ON s.stream_id = g.stream_id
    WHERE g.sent_at >= (SELECT period_start FROM params)
      AND g.sent_at < (SELECT period_end FROM params)
    GROUP BY s.creator_id
)
SELECT c.handle AS creator, c.is_partner, c.revenue_share, cg.gifts, cg.gross_gifts_usd,
    cg.gross_gifts_usd - ROUND(cg.gross_gifts_usd * c.revenue_share, 2) AS platform_share_usd,
    ROUND(cg.gross_gifts_usd * c.revenue_share, 2) AS net_payout_usd
FROM creator_gross cg
JOIN creators c ON c.creator_id = cg.creator_id
ORDER BY net_payout_usd DESC, creator;\n"
        ),
        postgres_note: None,
        chart: Some(Chart {
            statement: 2,
            kind: ChartKind::Bar,
            x: "stream_id",
            y: &["naive_gross_usd", "correct_gross_usd"],
            title: "Gross gifts per stream: fan-out join vs each fact at its own grain",
        }),
    },
    Analysis {
        id: "payout-audit",
        title: "Forensic payout audit and a catalog repricing",
        explanation: &[
            "A creator disputes a stream's payout. Because gifts is an append-only ledger, the payout can be rebuilt line by line: each gift, who sent it, when, the amount snapshotted at purchase and the catalog price that was in force at that moment (gift_prices keeps the history, valid_from to valid_to).",
            "Then the catalog is repriced inside a transaction that is rolled back at the end: every current price is closed at the clock and a new row opens at twice the price. The snapshotted amounts, and a join to the price in force when each gift was sent, still give the same payout. A join to today's catalog price rewrites history: the same gifts are suddenly worth more, and the payout with them.",
            "That is why the amount is copied onto the gift row when it is bought: payouts are money already owed, and must not depend on what the catalog says later.",
        ],
        sql: concat!(
            "-- The disputed stream's payout, line by line from the ledger.\n",
            audit_params_sql!(),
            "SELECT g.gift_id, g.sent_at, v.username AS sender, gc.name AS gift, g.quantity,
    g.amount_usd AS snapshotted_usd,
    gp.price_usd AS catalog_price_then,
    gp.price_usd * g.quantity = g.amount_usd AS matches_price_then
FROM gifts g
JOIN viewers v ON v.viewer_id = g.viewer_id
JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id
JOIN gift_prices gp ON gp.gift_type_id = g.gift_type_id
    AND gp.valid_from <= g.sent_at AND (gp.valid_to IS NULL OR g.sent_at < gp.valid_to)
WHERE g.stream_id IN (SELECT stream_id FROM params)
ORDER BY g.sent_at, g.gift_id;\n\n",
            "-- Reprice the catalog, undone at the end: each current price closes at the clock and a\n",
            "-- new row opens at twice the price.\n",
            "BEGIN;\n",
            "UPDATE gift_prices SET valid_to = NOW() WHERE valid_to IS NULL;\n",
            "INSERT INTO gift_prices (gift_type_id, price_usd, valid_from, valid_to)\n",
            "SELECT gift_type_id, price_usd * 2, NOW(), NULL FROM gift_prices WHERE valid_to = NOW();\n\n",
            "-- After the repricing: the ledger and the price history agree, the current catalog does not.\n",
            audit_params_sql!(),
            "SELECT s.stream_id, c.handle AS creator, COUNT(*) AS gifts,
    SUM(g.amount_usd) AS snapshotted_gross_usd,
    SUM(then_price.price_usd * g.quantity) AS price_in_force_gross_usd,
    SUM(now_price.price_usd * g.quantity) AS current_catalog_gross_usd,
    ROUND(SUM(g.amount_usd) * c.revenue_share, 2) AS payout_usd,
    ROUND(SUM(now_price.price_usd * g.quantity) * c.revenue_share, 2) AS payout_if_repriced_usd
FROM gifts g
JOIN streams s ON s.stream_id = g.stream_id
JOIN creators c ON c.creator_id = s.creator_id
JOIN gift_prices then_price ON then_price.gift_type_id = g.gift_type_id
    AND then_price.valid_from <= g.sent_at AND (then_price.valid_to IS NULL OR g.sent_at < then_price.valid_to)
JOIN gift_prices now_price ON now_price.gift_type_id = g.gift_type_id AND now_price.valid_to IS NULL
WHERE g.stream_id IN (SELECT stream_id FROM params)
GROUP BY s.stream_id, c.handle, c.revenue_share;
ROLLBACK;\n"
        ),
        postgres_note: None,
        chart: None,
    },
    Analysis {
        id: "concurrency",
        title: "Concurrent viewers: average, peak and the curve of one stream",
        explanation: &[
            "viewer_sessions has one row per visit, with join_time and leave_time. How many people watched at once is not stored anywhere: it is how many visit intervals overlap a moment, a range-overlap question.",
            "The average over a stream is the viewer-seconds of all its visits divided by the stream's seconds (visits still open and streams still live count up to the dataset clock). The peak needs a sweep: each visit becomes +1 at its join and -1 at its leave, and a running SUM over those changes in time order is the audience at every instant. Leaves sort before joins at the same second, so a visit ending as another begins is not counted twice.",
            "The chart draws one stream minute by minute: generate_series lays out the minutes, each change lands on the first minute mark at or after it, and a running sum over the minutes gives the viewers watching at each mark. Replace the stream in params to draw another.",
        ],
        sql: concat!(
            "-- Average and peak concurrent viewers of the last 7 days' streams.\n",
            "WITH visits AS (
    SELECT vs.stream_id, vs.join_time, COALESCE(vs.leave_time, NOW()) AS left_at
    FROM viewer_sessions vs
    WHERE vs.stream_id IN (SELECT stream_id FROM streams WHERE started_at >= NOW() - INTERVAL '7 days')
),
changes AS (
    SELECT stream_id, join_time AS at, 1 AS delta FROM visits
    UNION ALL
    SELECT stream_id, left_at, -1 FROM visits
),
running AS (
    SELECT stream_id, at,
        SUM(delta) OVER (PARTITION BY stream_id ORDER BY at, delta ROWS UNBOUNDED PRECEDING) AS viewers
    FROM changes
),
peaks AS (
    SELECT DISTINCT ON (stream_id) stream_id, viewers AS peak_viewers, at AS peak_at
    FROM running
    ORDER BY stream_id, viewers DESC, at
),
viewer_seconds AS (
    SELECT stream_id, SUM(EXTRACT(EPOCH FROM left_at - join_time)) AS viewer_seconds
    FROM visits GROUP BY stream_id
)
SELECT s.stream_id, c.handle AS creator,
    ROUND(v.viewer_seconds / EXTRACT(EPOCH FROM COALESCE(s.ended_at, NOW()) - s.started_at), 2) AS avg_concurrent_viewers,
    p.peak_viewers, p.peak_at
FROM streams s
JOIN creators c ON c.creator_id = s.creator_id
JOIN viewer_seconds v ON v.stream_id = s.stream_id
JOIN peaks p ON p.stream_id = s.stream_id
ORDER BY p.peak_viewers DESC, s.stream_id;\n\n-- Viewers watching at each minute of one stream.\n",
            "WITH params AS (
    -- The stream drawn: the one with the most visits among the last 7 days' streams.
    -- To draw another, replace this query with e.g. SELECT 42 AS stream_id.
    SELECT stream_id FROM viewer_sessions
    WHERE stream_id IN (SELECT stream_id FROM streams WHERE started_at >= NOW() - INTERVAL '7 days')
    GROUP BY stream_id
    ORDER BY COUNT(*) DESC, stream_id
    LIMIT 1
),
visits AS (
    SELECT join_time, COALESCE(leave_time, NOW()) AS left_at
    FROM viewer_sessions
    WHERE stream_id IN (SELECT stream_id FROM params)
),
changes AS (
    -- A visit counts at every minute mark from its join (inclusive) to its leave (exclusive):
    -- at the first mark at or after each instant (times are whole seconds).
    SELECT DATE_TRUNC('minute', join_time + INTERVAL '59 seconds') AS minute, 1 AS delta FROM visits
    UNION ALL
    SELECT DATE_TRUNC('minute', left_at + INTERVAL '59 seconds'), -1 FROM visits
),
per_minute AS (
    SELECT minute, SUM(delta) AS delta FROM changes GROUP BY minute
),
minutes AS (
    SELECT generate_series(DATE_TRUNC('minute', started_at), COALESCE(ended_at, NOW()), INTERVAL '1 minute') AS minute
    FROM streams
    WHERE stream_id IN (SELECT stream_id FROM params)
)
SELECT m.minute, SUM(COALESCE(c.delta, 0)) OVER (ORDER BY m.minute) AS viewers
FROM minutes m
LEFT JOIN per_minute c ON c.minute = m.minute
ORDER BY m.minute;\n"
        ),
        postgres_note: None,
        chart: Some(Chart {
            statement: 1,
            kind: ChartKind::Line,
            x: "minute",
            y: &["viewers"],
            title: "Viewers watching, minute by minute",
        }),
    },
    Analysis {
        id: "retention",
        title: "Retention: what each policy keeps, and the purge",
        explanation: &[
            "Each fact has its own retention, kept as data in retention_policies: chat 30 days (personal data), visits two years, gifts seven years (financial records). Rows are out of policy when their time column is older than the dataset clock minus keep_days.",
            "The purge deletes chat past 30 days and gifts past seven years inside a transaction that is rolled back at the end, so running it again gives the same answer. Chat loses most of its rows; gifts lose none. Move the dataset clock forward (days, months, years) and run again to see what the policies would remove then.",
            "In production a DELETE of millions of rows is slow and bloats the table. Large facts are partitioned by time instead, and retention drops whole partitions, which is instant. This is also why the facts live in separate tables: each can be partitioned on its own time column and kept for its own period. The PostgreSQL DDL is in the comment at the end of the script.",
        ],
        sql: concat!(
            "-- The policies, and the cutoff each implies at the dataset clock.\n",
            "SELECT table_name, keep_days, NOW() - keep_days * INTERVAL '1 day' AS cutoff, reason\n",
            "FROM retention_policies\n",
            "ORDER BY keep_days;\n\n",
            "-- Rows out of policy per fact.\n",
            "WITH facts AS (
    SELECT 'chat_messages' AS table_name, COUNT(*) AS total_rows,
        COUNT(*) FILTER (WHERE sent_at < NOW() - (SELECT keep_days FROM retention_policies WHERE table_name = 'chat_messages') * INTERVAL '1 day') AS out_of_policy
    FROM chat_messages
    UNION ALL
    SELECT 'gifts', COUNT(*),
        COUNT(*) FILTER (WHERE sent_at < NOW() - (SELECT keep_days FROM retention_policies WHERE table_name = 'gifts') * INTERVAL '1 day')
    FROM gifts
    UNION ALL
    SELECT 'viewer_sessions', COUNT(*),
        COUNT(*) FILTER (WHERE join_time < NOW() - (SELECT keep_days FROM retention_policies WHERE table_name = 'viewer_sessions') * INTERVAL '1 day')
    FROM viewer_sessions
)
SELECT p.table_name, p.keep_days, NOW() - p.keep_days * INTERVAL '1 day' AS cutoff, f.total_rows, f.out_of_policy
FROM retention_policies p JOIN facts f ON f.table_name = p.table_name
ORDER BY p.table_name;\n\n",
            "-- The purge, undone at the end so the data stays as generated.\n",
            "BEGIN;\n",
            chat_purge_sql!(),
            ";\nDELETE FROM gifts WHERE sent_at < NOW() - INTERVAL '2555 days';\n",
            "SELECT 'chat_messages' AS table_name, COUNT(*) AS rows_left, MIN(sent_at) AS oldest_left FROM chat_messages\n",
            "UNION ALL\n",
            "SELECT 'gifts', COUNT(*), MIN(sent_at) FROM gifts\n",
            "ORDER BY table_name;\n",
            "ROLLBACK;\n\n",
            "-- How PostgreSQL enforces this at scale: partitions by time, dropped whole.\n",
            "-- (\"Take it to PostgreSQL\" writes the whole script for this data.)\n",
            "--\n",
            "-- CREATE TABLE chat_messages (\n",
            "--     message_id BIGINT NOT NULL,\n",
            "--     stream_id BIGINT NOT NULL,\n",
            "--     viewer_id BIGINT NOT NULL,\n",
            "--     sent_at TIMESTAMPTZ NOT NULL,\n",
            "--     body TEXT NOT NULL\n",
            "-- ) PARTITION BY RANGE (sent_at);\n",
            "-- -- A partitioned table's primary key must include the partition column.\n",
            "-- ALTER TABLE chat_messages ADD PRIMARY KEY (message_id, sent_at);\n",
            "--\n",
            "-- CREATE TABLE chat_messages_p20261031 PARTITION OF chat_messages\n",
            "--     FOR VALUES FROM ('2026-10-31 00:00:00+00') TO ('2026-11-01 00:00:00+00');\n",
            "-- CREATE TABLE chat_messages_default PARTITION OF chat_messages DEFAULT;\n",
            "--\n",
            "-- -- Retention reads retention_policies and drops each partition wholly past its cutoff:\n",
            "-- SELECT * FROM enforce_retention(now());   -- e.g. DROP TABLE chat_messages_p20261001\n",
            "--\n",
            "-- gifts is partitioned by month on sent_at and keeps 84 of them; viewer_sessions by month\n",
            "-- on join_time and keeps 24.\n"
        ),
        postgres_note: None,
        chart: Some(Chart {
            statement: 1,
            kind: ChartKind::Bar,
            x: "table_name",
            y: &["total_rows", "out_of_policy"],
            title: "Rows per fact and rows past its retention",
        }),
    },
    Analysis {
        id: "moderation-replay",
        title: "Moderation replay of a stream window",
        explanation: &[
            "A moderator reviews ten minutes of a stream. Every fact carries its own timestamp, so the window can be rebuilt: who was watching (visits whose interval overlaps the window), every chat message in order with its author, and the gifts sent, merged into one timeline.",
            "Chat is kept 30 days. When the window is older than that at the dataset clock, the first result says so: production has already deleted those messages, and only the visits and gifts remain to replay. To see it, review an older window: the comment in params shows how to name a stream and window yourself.",
            "Edit params (in both statements) to pick another stream or window.",
        ],
        sql: concat!(
            "-- The window, what it holds, and whether chat retention has reached it.\n",
            replay_params_sql!(),
            "SELECT p.stream_id, p.window_start, p.window_end,\n",
            "    NOW() - INTERVAL '30 days' AS chat_kept_since,\n",
            "    CASE\n",
            "        WHEN p.window_end <= NOW() - INTERVAL '30 days' THEN 'past chat retention: production has deleted this chat'\n",
            "        WHEN p.window_start < NOW() - INTERVAL '30 days' THEN 'partly past chat retention: the earlier chat is deleted in production'\n",
            "        ELSE 'within chat retention'\n",
            "    END AS chat_status,\n",
            "    (SELECT COUNT(*) FROM viewer_sessions vs WHERE vs.stream_id = p.stream_id\n",
            "        AND vs.join_time < p.window_end AND COALESCE(vs.leave_time, NOW()) > p.window_start) AS visits_present,\n",
            "    (SELECT COUNT(*) FROM chat_messages m WHERE m.stream_id = p.stream_id\n",
            "        AND m.sent_at >= p.window_start AND m.sent_at < p.window_end) AS chat_messages,\n",
            "    (SELECT COUNT(*) FROM gifts g WHERE g.stream_id = p.stream_id\n",
            "        AND g.sent_at >= p.window_start AND g.sent_at < p.window_end) AS gifts\n",
            "FROM params p;\n\n",
            "-- The timeline: presence, chat and gifts in order.\n",
            replay_params_sql!(),
            ",\npresent AS (\n",
            "    SELECT vs.session_id, vs.viewer_id, vs.join_time, vs.leave_time, p.window_start, p.window_end\n",
            "    FROM viewer_sessions vs JOIN params p ON p.stream_id = vs.stream_id\n",
            "    WHERE vs.join_time < p.window_end AND COALESCE(vs.leave_time, NOW()) > p.window_start\n",
            "),\n",
            "timeline AS (\n",
            "    SELECT GREATEST(join_time, window_start) AS at,\n",
            "        CASE WHEN join_time < window_start THEN 'watching' ELSE 'joined' END AS event,\n",
            "        session_id AS ref_id, viewer_id, NULL AS detail\n",
            "    FROM present\n",
            "    UNION ALL\n",
            "    SELECT leave_time, 'left', session_id, viewer_id, NULL\n",
            "    FROM present WHERE leave_time < window_end\n",
            "    UNION ALL\n",
            "    SELECT m.sent_at, 'chat', m.message_id, m.viewer_id, m.body\n",
            "    FROM chat_messages m JOIN params p ON p.stream_id = m.stream_id\n",
            "    WHERE m.sent_at >= p.window_start AND m.sent_at < p.window_end\n",
            "    UNION ALL\n",
            "    SELECT g.sent_at, 'gift', g.gift_id, g.viewer_id,\n",
            "        CONCAT(gc.name, ' x', g.quantity, ', ', g.amount_usd, ' USD')\n",
            "    FROM gifts g\n",
            "    JOIN params p ON p.stream_id = g.stream_id\n",
            "    JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id\n",
            "    WHERE g.sent_at >= p.window_start AND g.sent_at < p.window_end\n",
            ")\n",
            "SELECT t.at, t.event, v.username AS who, t.detail\n",
            "FROM timeline t JOIN viewers v ON v.viewer_id = t.viewer_id\n",
            "ORDER BY t.at, t.event, t.ref_id;\n"
        ),
        postgres_note: None,
        chart: None,
    },
    Analysis {
        id: "events-table",
        title: "Why not one events table",
        explanation: &[
            "The tempting design is one events table with an event_type column. This builds it from the three facts (inside a transaction rolled back at the end) and runs the same payout on it.",
            "Every column that belongs to only one kind of event is NULL on all the others: the null counts after the build show how many. The rows-read comparison that follows shows what each model reads for one payout: the events table makes the payout scan every chat message to find a thousand gifts, while the star schema reads only gifts and visits. Compare the time each payout statement takes.",
            "The payout comes out the same both ways, because the gift amount is still snapshotted on its row. What the single table loses is everything else: one retention for all events (chat's 30 days or gifts' seven years), columns whose meaning depends on event_type, and a money ledger mixed with high-volume, short-lived chat.",
        ],
        sql: concat!(
            "BEGIN;
CREATE TABLE events AS
SELECT 'session' AS event_type, stream_id, viewer_id, join_time AS event_time, leave_time, device,
    CAST(NULL AS BIGINT) AS gift_type_id, CAST(NULL AS BIGINT) AS quantity,
    CAST(NULL AS NUMERIC(12,2)) AS amount_usd, CAST(NULL AS TEXT) AS body
FROM viewer_sessions
UNION ALL
SELECT 'gift', stream_id, viewer_id, sent_at, NULL, NULL, gift_type_id, quantity, amount_usd, NULL
FROM gifts
UNION ALL
SELECT 'chat', stream_id, viewer_id, sent_at, NULL, NULL, NULL, NULL, NULL, body
FROM chat_messages;
SELECT COUNT(*) AS total_rows,
    COUNT(*) - COUNT(leave_time) AS null_leave_time,
    COUNT(*) - COUNT(device) AS null_device,
    COUNT(*) - COUNT(gift_type_id) AS null_gift_type_id,
    COUNT(*) - COUNT(quantity) AS null_quantity,
    COUNT(*) - COUNT(amount_usd) AS null_amount_usd,
    COUNT(*) - COUNT(body) AS null_body
FROM events;
-- Rows each model reads for one payout: every event, or only the two facts it needs.
SELECT 'one events table' AS model, COUNT(*) AS rows_read FROM events
UNION ALL
SELECT 'star schema', (SELECT COUNT(*) FROM gifts) + (SELECT COUNT(*) FROM viewer_sessions);
",
            "-- The payout on the events table.\n",
            "WITH stream_gifts AS (
    SELECT stream_id, SUM(amount_usd) AS gross_gifts_usd
    FROM events WHERE event_type = 'gift' GROUP BY stream_id
),
stream_viewers AS (
    SELECT stream_id, COUNT(DISTINCT viewer_id) AS unique_viewers
    FROM events WHERE event_type = 'session' GROUP BY stream_id
)
SELECT c.handle AS creator, s.stream_id,
    COALESCE(g.gross_gifts_usd, 0) AS gross_gifts_usd,
    COALESCE(v.unique_viewers, 0) AS unique_viewers
FROM streams s
JOIN creators c ON c.creator_id = s.creator_id
LEFT JOIN stream_gifts g ON g.stream_id = s.stream_id
LEFT JOIN stream_viewers v ON v.stream_id = s.stream_id
WHERE s.started_at >= NOW() - INTERVAL '7 days'
ORDER BY gross_gifts_usd DESC, s.stream_id;
",
            "-- The same payout on the star schema.\n",
            correct_payout_sql!(),
            ";\nROLLBACK;\n"
        ),
        postgres_note: None,
        chart: None,
    },
];

pub fn analysis(id: &str) -> Option<&'static Analysis> {
    ANALYSES.iter().find(|analysis| analysis.id == id)
}
