//! The engine's answers against the same questions computed in plain Rust over the generated
//! rows. The oracles share nothing with the engine but the data.

use livestream_sandbox::engine::{Cell, Config, Engine, QueryResult};
use livestream_sandbox::generate::{self, Dataset, Scale, ANCHOR};
use livestream_sandbox::queries;
use livestream_sandbox::time::DAY;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::str::FromStr;

fn cases() -> Vec<(Dataset, Engine)> {
    let mut cases: Vec<(u64, Scale)> = vec![(1, Scale::S), (2, Scale::S), (3, Scale::S)];
    // The release run adds scale M.
    if std::env::var_os("SANDBOX_ORACLE_M").is_some() {
        cases.push((1, Scale::M));
    }
    cases
        .into_iter()
        .map(|(seed, scale)| {
            let data = generate::generate(seed, scale);
            let mut config = Config::new(seed, scale);
            config.row_cap = usize::MAX;
            let engine = Engine::with_data(config, &data).unwrap();
            (data, engine)
        })
        .collect()
}

fn decimal(cell: &Cell) -> Option<Decimal> {
    match cell {
        Cell::Null => None,
        Cell::Text(text) => Some(Decimal::from_str(text).unwrap()),
        Cell::Int(value) => Some(Decimal::from(*value)),
        other => panic!("not a decimal: {other:?}"),
    }
}

fn int(cell: &Cell) -> i64 {
    match cell {
        Cell::Int(value) => *value,
        other => panic!("not an integer: {other:?}"),
    }
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(value) => value.clone(),
        other => panic!("not text: {other:?}"),
    }
}

/// Per stream started in the 7 days before `clock`: (handle, stream_id, gross, unique viewers),
/// gross as the fan-out join computes it (every gift repeated once per visit) or correctly.
fn payout_oracle(
    data: &Dataset,
    clock: i64,
    fan_out: bool,
) -> Vec<(String, i64, Option<Decimal>, i64)> {
    let mut gifts: HashMap<i64, (Decimal, usize)> = HashMap::new();
    for gift in &data.gifts {
        let entry = gifts.entry(gift.stream_id).or_default();
        entry.0 += gift.amount_usd;
        entry.1 += 1;
    }
    let mut visits: HashMap<i64, usize> = HashMap::new();
    let mut viewers: HashMap<i64, HashSet<i64>> = HashMap::new();
    for session in &data.sessions {
        *visits.entry(session.stream_id).or_default() += 1;
        viewers
            .entry(session.stream_id)
            .or_default()
            .insert(session.viewer_id);
    }
    let handles: HashMap<i64, &str> = data
        .creators
        .iter()
        .map(|c| (c.creator_id, c.handle.as_str()))
        .collect();
    data.streams
        .iter()
        .filter(|s| s.started_at >= clock - 7 * DAY)
        .map(|s| {
            let sum = gifts.get(&s.stream_id).map(|g| g.0);
            let gross = if fan_out {
                let repeats = visits.get(&s.stream_id).copied().unwrap_or(0).max(1);
                sum.map(|sum| sum * Decimal::from(repeats))
            } else {
                Some(sum.unwrap_or_default())
            };
            let unique = viewers.get(&s.stream_id).map_or(0, |v| v.len() as i64);
            (
                handles[&s.creator_id].to_owned(),
                s.stream_id,
                gross,
                unique,
            )
        })
        .collect()
}

fn payout_rows(result: &QueryResult) -> Vec<(String, i64, Option<Decimal>, i64)> {
    let names: Vec<&str> = result.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["creator", "stream_id", "gross_gifts_usd", "unique_viewers"]
    );
    result
        .rows
        .iter()
        .map(|row| (text(&row[0]), int(&row[1]), decimal(&row[2]), int(&row[3])))
        .collect()
}

/// PostgreSQL's order for `ORDER BY gross DESC`: NULLs first, then descending.
fn descending_nulls_first(gross: &Option<Decimal>) -> (bool, std::cmp::Reverse<Decimal>) {
    (
        gross.is_some(),
        std::cmp::Reverse(gross.unwrap_or_default()),
    )
}

#[test]
fn seed_payout_reproduces_the_fan_out_exactly() {
    for (data, mut engine) in cases() {
        let result = engine.query(queries::SEED_PAYOUT).unwrap();
        let actual = payout_rows(&result);
        let mut expected = payout_oracle(&data, ANCHOR, true);
        assert!(expected.len() > 50, "the 7-day window holds streams");
        // Ties in the sort key may come in any order, as in PostgreSQL: compare the key sequence,
        // then the rows as sets.
        let keys: Vec<_> = actual
            .iter()
            .map(|r| descending_nulls_first(&r.2))
            .collect();
        let mut sorted_keys = keys.clone();
        sorted_keys.sort();
        assert_eq!(
            keys, sorted_keys,
            "seed {}: not in PostgreSQL's order",
            data.seed
        );
        let mut actual_sorted = actual.clone();
        actual_sorted.sort_by_key(|r| r.1);
        expected.sort_by_key(|r| r.1);
        assert_eq!(actual_sorted, expected, "seed {}", data.seed);
        // The trap is real: the naive total exceeds the true one.
        let naive: Decimal = actual.iter().filter_map(|r| r.2).sum();
        let correct: Decimal = payout_oracle(&data, ANCHOR, false)
            .iter()
            .filter_map(|r| r.2)
            .sum();
        assert!(
            naive > correct * Decimal::from(5),
            "seed {}: {naive} vs {correct}",
            data.seed
        );
    }
}

#[test]
fn correct_payout_aggregates_each_fact_before_joining() {
    for (data, mut engine) in cases() {
        let results = engine.run(queries::CORRECT_PAYOUT).unwrap();
        let select = results.iter().find(|r| !r.columns.is_empty()).unwrap();
        let mut expected = payout_oracle(&data, ANCHOR, false);
        expected.sort_by_key(|r| (std::cmp::Reverse(r.2.unwrap()), r.1));
        assert_eq!(payout_rows(select), expected, "seed {}", data.seed);
        // No table is left behind.
        let tables: Vec<String> = engine.table_counts().into_iter().map(|t| t.table).collect();
        assert!(!tables.iter().any(|t| t.starts_with("stream_gifts")));
    }
}

#[test]
fn average_concurrency_is_viewer_seconds_over_stream_seconds() {
    for (data, mut engine) in cases() {
        let result = engine.query(queries::AVERAGE_CONCURRENCY).unwrap();
        let mut viewer_seconds: BTreeMap<i64, i64> = BTreeMap::new();
        for session in &data.sessions {
            *viewer_seconds.entry(session.stream_id).or_default() +=
                session.leave_time.unwrap_or(ANCHOR) - session.join_time;
        }
        let streams: HashMap<i64, _> = data.streams.iter().map(|s| (s.stream_id, s)).collect();
        assert_eq!(result.rows.len(), viewer_seconds.len());
        for (row, (stream_id, seconds)) in result.rows.iter().zip(&viewer_seconds) {
            assert_eq!(int(&row[0]), *stream_id);
            let stream = streams[stream_id];
            let length = stream.ended_at.unwrap_or(ANCHOR) - stream.started_at;
            let expected = *seconds as f64 / length as f64;
            let actual: f64 = decimal(&row[1]).unwrap().try_into().unwrap();
            assert!(
                (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
                "seed {} stream {stream_id}: {actual} vs {expected}",
                data.seed
            );
        }
    }
}

#[test]
fn chat_retention_counts_and_purges_exactly_the_old_messages() {
    for (data, mut engine) in cases() {
        for clock in [ANCHOR, ANCHOR + 45 * DAY] {
            engine.set_clock(clock);
            let old = data
                .chat_messages
                .iter()
                .filter(|m| m.sent_at < clock - 30 * DAY)
                .count() as i64;
            let result = engine.query(queries::CHAT_OUT_OF_POLICY).unwrap();
            assert_eq!(int(&result.rows[0][0]), old, "seed {}", data.seed);
        }
        engine.set_clock(ANCHOR);
        let old = data
            .chat_messages
            .iter()
            .filter(|m| m.sent_at < ANCHOR - 30 * DAY)
            .count();
        let purge = engine.query(queries::CHAT_PURGE).unwrap();
        assert_eq!(purge.command, format!("DELETE {old}"));
        let remaining = engine.query("SELECT COUNT(*) FROM chat_messages").unwrap();
        assert_eq!(
            int(&remaining.rows[0][0]) as usize,
            data.chat_messages.len() - old
        );
        // Gifts are kept seven years: the purge leaves them alone.
        let gifts = engine.query("SELECT COUNT(*) FROM gifts").unwrap();
        assert_eq!(int(&gifts.rows[0][0]) as usize, data.gifts.len());
        engine.reset().unwrap();
        let restored = engine.query("SELECT COUNT(*) FROM chat_messages").unwrap();
        assert_eq!(int(&restored.rows[0][0]) as usize, data.chat_messages.len());
    }
}
