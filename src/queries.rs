//! Named queries, as data: the page's presets, the CLI's examples and the benchmark's workload.

/// A query users can pick by name.
#[derive(Debug, serde::Serialize)]
pub struct Preset {
    pub id: &'static str,
    pub title: &'static str,
    pub sql: &'static str,
}

/// The interview's payout query, verbatim. Joining gifts and sessions to streams at once
/// multiplies each gift by the stream's visits: the fan-out trap.
/// Also a macro, so guided analyses can splice it into their scripts with `concat!`.
#[macro_export]
macro_rules! seed_payout_sql {
    () => {
        "SELECT
    c.handle AS creator,
    s.stream_id,
    SUM(g.amount_usd) AS gross_gifts_usd,
    COUNT(DISTINCT vs.viewer_id) AS unique_viewers
FROM streams s
JOIN creators c ON c.creator_id = s.creator_id
LEFT JOIN gifts g ON g.stream_id = s.stream_id
LEFT JOIN viewer_sessions vs ON vs.stream_id = s.stream_id
WHERE s.started_at >= NOW() - INTERVAL '7 days'
GROUP BY c.handle, s.stream_id
ORDER BY gross_gifts_usd DESC"
    };
}
pub const SEED_PAYOUT: &str = seed_payout_sql!();

/// The same question answered correctly: each fact aggregated at its own grain first, then
/// joined one row per stream, so nothing is multiplied.
/// Also a macro, so guided analyses can splice it into their scripts with `concat!`.
#[macro_export]
macro_rules! correct_payout_sql {
    () => {
        "WITH stream_gifts AS (
    SELECT stream_id, SUM(amount_usd) AS gross_gifts_usd, COUNT(*) AS gift_count
    FROM gifts GROUP BY stream_id
),
stream_viewers AS (
    SELECT stream_id, COUNT(DISTINCT viewer_id) AS unique_viewers
    FROM viewer_sessions GROUP BY stream_id
)
SELECT
    c.handle AS creator,
    s.stream_id,
    COALESCE(g.gross_gifts_usd, 0) AS gross_gifts_usd,
    COALESCE(v.unique_viewers, 0) AS unique_viewers
FROM streams s
JOIN creators c ON c.creator_id = s.creator_id
LEFT JOIN stream_gifts g ON g.stream_id = s.stream_id
LEFT JOIN stream_viewers v ON v.stream_id = s.stream_id
WHERE s.started_at >= NOW() - INTERVAL '7 days'
ORDER BY gross_gifts_usd DESC, s.stream_id"
    };
}
pub const CORRECT_PAYOUT: &str = correct_payout_sql!();

/// Average concurrent viewers: the viewer-seconds of all visits over the stream's seconds.
/// Open visits and live streams count up to the dataset clock.
pub const AVERAGE_CONCURRENCY: &str = "SELECT
    s.stream_id,
    SUM(EXTRACT(EPOCH FROM (COALESCE(vs.leave_time, NOW()) - vs.join_time)))
      / EXTRACT(EPOCH FROM (COALESCE(s.ended_at, NOW()) - s.started_at)) AS avg_concurrent_viewers
FROM streams s
JOIN viewer_sessions vs ON vs.stream_id = s.stream_id
GROUP BY s.stream_id, s.started_at, s.ended_at
ORDER BY s.stream_id";

/// Chat messages the 30-day policy says must go.
pub const CHAT_OUT_OF_POLICY: &str =
    "SELECT COUNT(*) AS out_of_policy FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days'";

/// The purge itself.
/// Also a macro, so guided analyses can splice it into their scripts with `concat!`.
#[macro_export]
macro_rules! chat_purge_sql {
    () => {
        "DELETE FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days'"
    };
}
pub const CHAT_PURGE: &str = chat_purge_sql!();

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "seed-payout",
        title: "Creator payout by stream, as the interview writes it (fan-out and all)",
        sql: SEED_PAYOUT,
    },
    Preset {
        id: "correct-payout",
        title: "Creator payout by stream, each fact aggregated before joining",
        sql: CORRECT_PAYOUT,
    },
    Preset {
        id: "average-concurrency",
        title: "Average concurrent viewers per stream",
        sql: AVERAGE_CONCURRENCY,
    },
    Preset {
        id: "chat-out-of-policy",
        title: "Chat messages past the 30-day retention",
        sql: CHAT_OUT_OF_POLICY,
    },
    Preset {
        id: "chat-purge",
        title: "Purge chat past the 30-day retention",
        sql: CHAT_PURGE,
    },
];
