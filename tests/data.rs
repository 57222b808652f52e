//! The generated data: exact counts, determinism against pinned checksums, and every realism
//! invariant the schema promises, checked directly on the rows.

use livestream_sandbox::generate::{self, Dataset, Scale, ANCHOR, GENERATOR_VERSION, WINDOW_DAYS};
use livestream_sandbox::rows;
use livestream_sandbox::time::{self, DAY};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

const SEEDS: [u64; 3] = [1, 2, 3];

fn datasets() -> Vec<Dataset> {
    SEEDS
        .iter()
        .map(|&seed| generate::generate(seed, Scale::S))
        .collect()
}

fn checksums(data: &Dataset) -> Vec<String> {
    rows::all_tables(data)
        .into_iter()
        .map(|(table, table_rows)| {
            let digest = Sha256::digest(rows::to_csv(table, &table_rows).as_bytes());
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            format!("{} {} {} {hex}", data.seed, data.scale.name(), table.name)
        })
        .collect()
}

/// The CSV of every table, hashed, must equal the pinned list for this generator version. A
/// deliberate change to the generator bumps GENERATOR_VERSION and re-pins with
/// `UPDATE_GOLDEN=1 cargo test --release --test data`.
#[test]
fn data_matches_the_pinned_checksums() {
    let path = format!(
        "{}/tests/golden/generator-v{GENERATOR_VERSION}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let actual: Vec<String> = datasets().iter().flat_map(checksums).collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual.join("\n") + "\n").unwrap();
    }
    let pinned = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("{path} is missing: a new generator version must pin its checksums")
    });
    let pinned: Vec<&str> = pinned.lines().collect();
    assert_eq!(
        pinned, actual,
        "generated data changed: if on purpose, bump GENERATOR_VERSION and re-pin"
    );
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let first = generate::generate(7, Scale::S);
    let second = generate::generate(7, Scale::S);
    assert!(first == second);
    let other = generate::generate(8, Scale::S);
    assert_ne!(first.sessions, other.sessions);
    assert_ne!(first.creators, other.creators);
}

#[test]
fn scale_s_has_the_promised_row_counts() {
    for data in datasets() {
        assert_eq!(data.creators.len(), 200);
        assert_eq!(data.categories.len(), 12);
        assert_eq!(data.viewers.len(), 5_000);
        assert_eq!(data.streams.len(), 2_000);
        assert_eq!(data.sessions.len(), 50_000);
        assert_eq!(data.gifts.len(), 1_000);
        assert_eq!(data.chat_messages.len(), 100_000);
    }
}

#[test]
fn rows_follow_the_schema_columns() {
    let data = generate::generate(1, Scale::S);
    for (table, table_rows) in rows::all_tables(&data) {
        assert!(!table_rows.is_empty(), "{}", table.name);
        for row in &table_rows {
            assert_eq!(row.len(), table.columns.len(), "{}", table.name);
            for (datum, column) in row.iter().zip(table.columns) {
                assert!(
                    column.nullable || *datum != rows::Datum::Null,
                    "{}.{} is NULL",
                    table.name,
                    column.name
                );
            }
        }
    }
}

#[test]
fn ids_are_dense_and_fact_ids_follow_time() {
    for data in datasets() {
        let ids = |ids: Vec<i64>| ids == (1..=ids.len() as i64).collect::<Vec<_>>();
        assert!(ids(data.creators.iter().map(|c| c.creator_id).collect()));
        assert!(ids(data.viewers.iter().map(|v| v.viewer_id).collect()));
        assert!(ids(data.streams.iter().map(|s| s.stream_id).collect()));
        assert!(ids(data.sessions.iter().map(|s| s.session_id).collect()));
        assert!(ids(data.gifts.iter().map(|g| g.gift_id).collect()));
        assert!(ids(data
            .chat_messages
            .iter()
            .map(|m| m.message_id)
            .collect()));
        assert!(data
            .streams
            .windows(2)
            .all(|w| w[0].started_at <= w[1].started_at));
        assert!(data
            .sessions
            .windows(2)
            .all(|w| w[0].join_time <= w[1].join_time));
        assert!(data.gifts.windows(2).all(|w| w[0].sent_at <= w[1].sent_at));
        assert!(data
            .chat_messages
            .windows(2)
            .all(|w| w[0].sent_at <= w[1].sent_at));
    }
}

#[test]
fn names_are_unique() {
    for data in datasets() {
        let handles: HashSet<&str> = data.creators.iter().map(|c| c.handle.as_str()).collect();
        assert_eq!(handles.len(), data.creators.len());
        let usernames: HashSet<&str> = data.viewers.iter().map(|v| v.username.as_str()).collect();
        assert_eq!(usernames.len(), data.viewers.len());
    }
}

#[test]
fn everything_happens_in_the_window_before_the_clock() {
    let window_start = ANCHOR - WINDOW_DAYS * DAY;
    for data in datasets() {
        for stream in &data.streams {
            assert!(stream.started_at >= window_start && stream.started_at < ANCHOR);
            if let Some(end) = stream.ended_at {
                assert!(end > stream.started_at && end <= ANCHOR);
            }
        }
        let joined: HashMap<i64, i64> = data
            .viewers
            .iter()
            .map(|v| (v.viewer_id, v.joined_at))
            .collect();
        assert!(joined.values().all(|&t| t < window_start));
        assert!(data.creators.iter().all(|c| c.joined_at < window_start));
    }
}

#[test]
fn a_few_streams_and_their_visits_are_live_at_the_clock() {
    for data in datasets() {
        let live: HashSet<i64> = data
            .streams
            .iter()
            .filter(|s| s.ended_at.is_none())
            .map(|s| s.stream_id)
            .collect();
        assert!(live.len() >= 3, "seed {}: {} live", data.seed, live.len());
        assert!(
            live.len() <= data.streams.len() / 50,
            "seed {}: {} live",
            data.seed,
            live.len()
        );
        let open: Vec<_> = data
            .sessions
            .iter()
            .filter(|s| s.leave_time.is_none())
            .collect();
        assert!(!open.is_empty(), "seed {}: no open visit", data.seed);
        assert!(open.iter().all(|s| live.contains(&s.stream_id)));
    }
}

#[test]
fn visits_lie_inside_their_stream_and_never_overlap_per_viewer() {
    for data in datasets() {
        let streams: HashMap<i64, _> = data.streams.iter().map(|s| (s.stream_id, s)).collect();
        let mut visits: HashMap<(i64, i64), Vec<(i64, i64)>> = HashMap::new();
        for session in &data.sessions {
            let stream = streams[&session.stream_id];
            let leave = session.leave_time.unwrap_or(ANCHOR);
            assert!(session.join_time >= stream.started_at);
            assert!(leave <= stream.ended_at.unwrap_or(ANCHOR));
            assert!(leave > session.join_time || session.leave_time.is_none());
            visits
                .entry((session.stream_id, session.viewer_id))
                .or_default()
                .push((session.join_time, leave));
        }
        for spans in visits.values_mut() {
            spans.sort_unstable();
            assert!(
                spans.windows(2).all(|w| w[0].1 < w[1].0),
                "overlapping visits"
            );
        }
        // Viewers leave and come back: a real share of (stream, viewer) pairs has several visits.
        let rejoined = visits.values().filter(|v| v.len() > 1).count();
        assert!(
            rejoined * 10 > visits.len(),
            "seed {}: {rejoined} of {}",
            data.seed,
            visits.len()
        );
    }
}

#[test]
fn a_creator_is_never_live_twice_at_once() {
    for data in datasets() {
        let mut by_creator: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
        for stream in &data.streams {
            by_creator
                .entry(stream.creator_id)
                .or_default()
                .push((stream.started_at, stream.ended_at.unwrap_or(ANCHOR)));
        }
        for spans in by_creator.values_mut() {
            spans.sort_unstable();
            assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0));
        }
    }
}

/// The session a gift or message came from: same stream, same viewer, covering the moment.
fn present(data: &Dataset, stream_id: i64, viewer_id: i64, at: i64) -> bool {
    data.sessions.iter().any(|s| {
        s.stream_id == stream_id
            && s.viewer_id == viewer_id
            && s.join_time <= at
            && at <= s.leave_time.unwrap_or(ANCHOR)
    })
}

#[test]
fn gifts_come_from_viewers_present_at_the_price_in_force() {
    for data in datasets() {
        let mut repriced = 0;
        for gift in &data.gifts {
            assert!(present(&data, gift.stream_id, gift.viewer_id, gift.sent_at));
            let price = data.price_at(gift.gift_type_id, gift.sent_at).unwrap();
            assert_eq!(
                gift.amount_usd,
                price * rust_decimal::Decimal::from(gift.quantity)
            );
            assert!(gift.quantity >= 1);
            let current = data.price_at(gift.gift_type_id, ANCHOR).unwrap();
            if price != current {
                repriced += 1;
            }
        }
        // Repricing is visible: some snapshots differ from today's catalog.
        assert!(
            repriced > data.gifts.len() / 20,
            "seed {}: {repriced}",
            data.seed
        );
    }
}

#[test]
fn price_history_has_one_current_price_and_no_gaps() {
    for data in datasets() {
        for gift_type in &data.gift_catalog {
            let mut periods: Vec<_> = data
                .gift_prices
                .iter()
                .filter(|p| p.gift_type_id == gift_type.gift_type_id)
                .collect();
            periods.sort_by_key(|p| p.valid_from);
            assert_eq!(periods.iter().filter(|p| p.valid_to.is_none()).count(), 1);
            assert!(periods.last().unwrap().valid_to.is_none());
            assert!(periods
                .windows(2)
                .all(|w| w[0].valid_to == Some(w[1].valid_from)));
        }
    }
}

#[test]
fn chat_comes_from_viewers_present_and_is_about_100x_the_gifts() {
    for data in datasets() {
        // Checking every message against every visit is quadratic; a stride keeps it quick.
        for message in data.chat_messages.iter().step_by(97) {
            assert!(present(
                &data,
                message.stream_id,
                message.viewer_id,
                message.sent_at
            ));
        }
        assert_eq!(data.chat_messages.len(), 100 * data.gifts.len());
    }
}

fn percentile(mut values: Vec<i64>, p: f64) -> i64 {
    values.sort_unstable();
    values[((values.len() - 1) as f64 * p) as usize]
}

#[test]
fn popularity_and_lengths_are_skewed_and_evenings_are_busy() {
    for data in datasets() {
        let streams: HashMap<i64, i64> = data
            .streams
            .iter()
            .map(|s| (s.stream_id, s.creator_id))
            .collect();
        let mut per_creator: HashMap<i64, usize> = HashMap::new();
        for session in &data.sessions {
            *per_creator.entry(streams[&session.stream_id]).or_default() += 1;
        }
        let mut counts: Vec<usize> = per_creator.into_values().collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let top_tenth: usize = counts.iter().take(data.creators.len() / 10).sum();
        assert!(
            top_tenth * 5 > data.sessions.len() * 2,
            "top 10% creators draw > 40% of visits"
        );

        let stream_lengths: Vec<i64> = data
            .streams
            .iter()
            .filter_map(|s| Some(s.ended_at? - s.started_at))
            .collect();
        assert!(percentile(stream_lengths.clone(), 0.99) > 3 * percentile(stream_lengths, 0.5));
        let visit_lengths: Vec<i64> = data
            .sessions
            .iter()
            .filter_map(|s| Some(s.leave_time? - s.join_time))
            .collect();
        assert!(percentile(visit_lengths.clone(), 0.99) > 10 * percentile(visit_lengths, 0.5));

        let starts_in = |hours: std::ops::Range<i64>| {
            data.streams
                .iter()
                .filter(|s| hours.contains(&time::hour_of_day(s.started_at)))
                .count()
        };
        assert!(
            starts_in(17..23) > 3 * starts_in(3..9),
            "evenings are busier than mornings"
        );
    }
}

#[test]
fn some_streams_have_gifts_and_some_have_none() {
    for data in datasets() {
        let gifted: HashSet<i64> = data.gifts.iter().map(|g| g.stream_id).collect();
        assert!(gifted.len() > 100);
        assert!(gifted.len() < data.streams.len());
    }
}

#[test]
fn retention_policies_follow_the_schema() {
    let data = generate::generate(1, Scale::S);
    let days: HashMap<&str, i64> = data
        .retention_policies
        .iter()
        .map(|p| (p.table_name, p.keep_days))
        .collect();
    assert_eq!(days["chat_messages"], 30);
    assert_eq!(days["gifts"], 2555);
    assert!(days.contains_key("viewer_sessions"));
}
