//! The guided analyses: every statement runs, the figures agree with plain Rust over the
//! generated rows, and every result agrees with a real PostgreSQL loaded with the same data.
//! Seeds 1-3 at scale S; the release run (`SANDBOX_ORACLE_M`) adds seed 1 at scale M.

mod support;

use livestream_sandbox::analyses::{analysis, ANALYSES};
use livestream_sandbox::engine::{Cell, Config, Engine, QueryResult};
use livestream_sandbox::generate::{self, Dataset, Scale, ANCHOR};
use livestream_sandbox::time::{self, Timestamp, DAY};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;
use support::compare::{is_query, same_rows, sorted, split_statements, Rows};
use support::postgres::Postgres;

fn cases() -> Vec<(u64, Scale)> {
    let mut cases = vec![(1, Scale::S), (2, Scale::S), (3, Scale::S)];
    if std::env::var_os("SANDBOX_ORACLE_M").is_some() {
        cases.push((1, Scale::M));
    }
    cases
}

fn engine(seed: u64, scale: Scale, data: &Dataset) -> Engine {
    let mut config = Config::new(seed, scale);
    config.row_cap = usize::MAX;
    Engine::with_data(config, data).unwrap()
}

/// Every statement's result, by the analysis' id.
fn run_all(engine: &mut Engine) -> HashMap<&'static str, Vec<QueryResult>> {
    ANALYSES
        .iter()
        .map(|a| {
            let results = engine
                .run(a.sql)
                .unwrap_or_else(|e| panic!("{}: {e}", a.id));
            (a.id, results)
        })
        .collect()
}

fn column<'a>(result: &'a QueryResult, name: &str) -> impl Iterator<Item = &'a Cell> {
    let index = result
        .columns
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    result.rows.iter().map(move |row| &row[index])
}

fn decimal(cell: &Cell) -> Decimal {
    match cell {
        Cell::Text(text) => Decimal::from_str(text).unwrap(),
        Cell::Int(value) => Decimal::from(*value),
        other => panic!("not a decimal: {other:?}"),
    }
}

fn decimals(result: &QueryResult, name: &str) -> Vec<Decimal> {
    column(result, name).map(decimal).collect()
}

fn ints(result: &QueryResult, name: &str) -> Vec<i64> {
    column(result, name)
        .map(|cell| match cell {
            Cell::Int(value) => *value,
            other => panic!("not an integer: {other:?}"),
        })
        .collect()
}

fn texts(result: &QueryResult, name: &str) -> Vec<Option<String>> {
    column(result, name).map(Cell::text).collect()
}

fn times(result: &QueryResult, name: &str) -> Vec<Timestamp> {
    column(result, name)
        .map(|cell| time::parse(&cell.text().unwrap()).unwrap())
        .collect()
}

fn round2(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Streams that started in the 7 days before the clock.
fn recent_streams(data: &Dataset) -> Vec<&generate::Stream> {
    data.streams
        .iter()
        .filter(|s| s.started_at >= ANCHOR - 7 * DAY)
        .collect()
}

fn visits_per_stream(data: &Dataset) -> HashMap<i64, Vec<&generate::ViewerSession>> {
    let mut visits: HashMap<i64, Vec<_>> = HashMap::new();
    for session in &data.sessions {
        visits.entry(session.stream_id).or_default().push(session);
    }
    visits
}

fn gifts_per_stream(data: &Dataset) -> HashMap<i64, Vec<&generate::Gift>> {
    let mut gifts: HashMap<i64, Vec<_>> = HashMap::new();
    for gift in &data.gifts {
        gifts.entry(gift.stream_id).or_default().push(gift);
    }
    gifts
}

fn left_at(session: &generate::ViewerSession) -> Timestamp {
    session.leave_time.unwrap_or(ANCHOR)
}

fn check_fan_out(data: &Dataset, results: &[QueryResult]) {
    let gifts = gifts_per_stream(data);
    let visits = visits_per_stream(data);
    let creators: HashMap<i64, &generate::Creator> =
        data.creators.iter().map(|c| (c.creator_id, c)).collect();
    // Streams whose figure the fan-out changes: some gifts and more than one visit.
    let mut expected: Vec<(Decimal, i64, i64, i64, Decimal, Decimal, Decimal)> = Vec::new();
    for stream in recent_streams(data) {
        let (Some(gifts), Some(visits)) =
            (gifts.get(&stream.stream_id), visits.get(&stream.stream_id))
        else {
            continue;
        };
        if visits.len() < 2 {
            continue;
        }
        let gross: Decimal = gifts.iter().map(|g| g.amount_usd).sum();
        let naive = gross * Decimal::from(visits.len());
        if naive == gross {
            continue;
        }
        let share = creators[&stream.creator_id].revenue_share;
        expected.push((
            naive - gross,
            stream.stream_id,
            visits.len() as i64,
            (gifts.len() * visits.len()) as i64,
            naive,
            gross,
            round2((naive - gross) * share),
        ));
    }
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    assert!(expected.len() > 5, "the week holds inflated streams");
    let side_by_side = &results[2];
    let ids = ints(side_by_side, "stream_id");
    assert_eq!(ids, expected.iter().map(|e| e.1).collect::<Vec<_>>());
    assert_eq!(
        ints(side_by_side, "visits"),
        expected.iter().map(|e| e.2).collect::<Vec<_>>()
    );
    assert_eq!(
        ints(side_by_side, "joined_rows"),
        expected.iter().map(|e| e.3).collect::<Vec<_>>()
    );
    assert_eq!(
        decimals(side_by_side, "naive_gross_usd"),
        expected.iter().map(|e| e.4).collect::<Vec<_>>()
    );
    assert_eq!(
        decimals(side_by_side, "correct_gross_usd"),
        expected.iter().map(|e| e.5).collect::<Vec<_>>()
    );
    // With every gift repeated once per visit, the factor is the number of visits.
    assert_eq!(
        decimals(side_by_side, "inflation_factor"),
        expected
            .iter()
            .map(|e| Decimal::from(e.2))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        decimals(side_by_side, "overpaid_usd"),
        expected.iter().map(|e| e.6).collect::<Vec<_>>()
    );
    let total: Decimal = expected.iter().map(|e| e.6).sum();
    assert!(decimals(side_by_side, "total_overpaid_usd")
        .iter()
        .all(|t| *t == total));

    // The statement for the month before the clock's month.
    let (start, end) = (
        time::parse("2026-10-01 00:00:00").unwrap(),
        time::parse("2026-11-01 00:00:00").unwrap(),
    );
    let stream_creator: HashMap<i64, i64> = data
        .streams
        .iter()
        .map(|s| (s.stream_id, s.creator_id))
        .collect();
    let mut gross: BTreeMap<i64, (i64, Decimal)> = BTreeMap::new();
    for gift in data
        .gifts
        .iter()
        .filter(|g| g.sent_at >= start && g.sent_at < end)
    {
        let entry = gross.entry(stream_creator[&gift.stream_id]).or_default();
        entry.0 += 1;
        entry.1 += gift.amount_usd;
    }
    let mut lines: Vec<(Decimal, String, i64, Decimal, Decimal)> = gross
        .iter()
        .map(|(creator_id, (count, gross))| {
            let creator = creators[creator_id];
            let net = round2(gross * creator.revenue_share);
            (net, creator.handle.clone(), *count, *gross, gross - net)
        })
        .collect();
    lines.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let statement = &results[3];
    assert_eq!(
        texts(statement, "creator"),
        lines.iter().map(|l| Some(l.1.clone())).collect::<Vec<_>>()
    );
    assert_eq!(
        ints(statement, "gifts"),
        lines.iter().map(|l| l.2).collect::<Vec<_>>()
    );
    assert_eq!(
        decimals(statement, "gross_gifts_usd"),
        lines.iter().map(|l| l.3).collect::<Vec<_>>()
    );
    assert_eq!(
        decimals(statement, "net_payout_usd"),
        lines.iter().map(|l| l.0).collect::<Vec<_>>()
    );
    assert_eq!(
        decimals(statement, "platform_share_usd"),
        lines.iter().map(|l| l.4).collect::<Vec<_>>()
    );
}

fn check_audit(data: &Dataset, results: &[QueryResult]) {
    let gifts = gifts_per_stream(data);
    let (&stream_id, lines) = gifts
        .iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
        .unwrap();
    let mut lines = lines.clone();
    lines.sort_by_key(|g| (g.sent_at, g.gift_id));
    let ledger = &results[0];
    assert_eq!(
        ints(ledger, "gift_id"),
        lines.iter().map(|g| g.gift_id).collect::<Vec<_>>()
    );
    assert_eq!(
        times(ledger, "sent_at"),
        lines.iter().map(|g| g.sent_at).collect::<Vec<_>>()
    );
    let usernames: HashMap<i64, &str> = data
        .viewers
        .iter()
        .map(|v| (v.viewer_id, v.username.as_str()))
        .collect();
    assert_eq!(
        texts(ledger, "sender"),
        lines
            .iter()
            .map(|g| Some(usernames[&g.viewer_id].to_owned()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        decimals(ledger, "snapshotted_usd"),
        lines.iter().map(|g| g.amount_usd).collect::<Vec<_>>()
    );
    assert_eq!(
        decimals(ledger, "catalog_price_then"),
        lines
            .iter()
            .map(|g| data.price_at(g.gift_type_id, g.sent_at).unwrap())
            .collect::<Vec<_>>()
    );
    assert!(texts(ledger, "matches_price_then")
        .iter()
        .all(|m| m.as_deref() == Some("true")));
    // After the repricing: the current price is twice the one in force at the clock.
    let snapshotted: Decimal = lines.iter().map(|g| g.amount_usd).sum();
    let repriced: Decimal = lines
        .iter()
        .map(|g| data.price_at(g.gift_type_id, ANCHOR - 1).unwrap() * Decimal::from(2 * g.quantity))
        .sum();
    let comparison = &results[4];
    assert_eq!(ints(comparison, "stream_id"), [stream_id]);
    assert_eq!(decimals(comparison, "snapshotted_gross_usd"), [snapshotted]);
    assert_eq!(
        decimals(comparison, "price_in_force_gross_usd"),
        [snapshotted]
    );
    assert_eq!(
        decimals(comparison, "current_catalog_gross_usd"),
        [repriced]
    );
    assert_ne!(snapshotted, repriced);
}

/// Viewers at each instant of a stream's visits, swept: (peak, first instant it is reached).
fn peak(visits: &[&generate::ViewerSession]) -> (i64, Timestamp) {
    let mut changes: Vec<(Timestamp, i64)> = visits
        .iter()
        .flat_map(|v| [(v.join_time, 1), (left_at(v), -1)])
        .collect();
    changes.sort();
    let mut viewers = 0;
    let mut best = (i64::MIN, 0);
    for (at, delta) in changes {
        viewers += delta;
        if viewers > best.0 {
            best = (viewers, at);
        }
    }
    best
}

fn check_concurrency(data: &Dataset, results: &[QueryResult]) {
    let visits = visits_per_stream(data);
    let mut expected: Vec<(i64, i64, f64, Timestamp)> = recent_streams(data)
        .into_iter()
        .filter_map(|s| {
            let visits = visits.get(&s.stream_id)?;
            let viewer_seconds: i64 = visits.iter().map(|v| left_at(v) - v.join_time).sum();
            let average =
                viewer_seconds as f64 / (s.ended_at.unwrap_or(ANCHOR) - s.started_at) as f64;
            let (peak, at) = peak(visits);
            Some((peak, s.stream_id, average, at))
        })
        .collect();
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let per_stream = &results[0];
    assert_eq!(
        ints(per_stream, "stream_id"),
        expected.iter().map(|e| e.1).collect::<Vec<_>>()
    );
    assert_eq!(
        ints(per_stream, "peak_viewers"),
        expected.iter().map(|e| e.0).collect::<Vec<_>>()
    );
    assert_eq!(
        times(per_stream, "peak_at"),
        expected.iter().map(|e| e.3).collect::<Vec<_>>()
    );
    for (cell, e) in column(per_stream, "avg_concurrent_viewers").zip(&expected) {
        let average = decimal(cell).to_string().parse::<f64>().unwrap();
        assert!(
            (average - e.2).abs() <= 0.005 + 1e-9,
            "{average} vs {}",
            e.2
        );
    }

    // The curve: the recent stream with the most visits, viewers watching at each minute mark.
    let stream = recent_streams(data)
        .into_iter()
        .filter(|s| visits.contains_key(&s.stream_id))
        .max_by(|a, b| {
            visits[&a.stream_id]
                .len()
                .cmp(&visits[&b.stream_id].len())
                .then(b.stream_id.cmp(&a.stream_id))
        })
        .unwrap();
    let first = stream.started_at - stream.started_at.rem_euclid(60);
    let last = stream.ended_at.unwrap_or(ANCHOR);
    let minutes: Vec<Timestamp> = (first..=last).step_by(60).collect();
    let watching: Vec<i64> = minutes
        .iter()
        .map(|&m| {
            visits[&stream.stream_id]
                .iter()
                .filter(|v| v.join_time <= m && m < left_at(v))
                .count() as i64
        })
        .collect();
    let curve = &results[1];
    assert_eq!(times(curve, "minute"), minutes);
    assert_eq!(
        decimals(curve, "viewers"),
        watching
            .iter()
            .map(|&w| Decimal::from(w))
            .collect::<Vec<_>>()
    );
    assert!(watching.iter().max() > Some(&5), "a curve worth drawing");
}

fn check_retention(data: &Dataset, results: &[QueryResult]) {
    let chat_cutoff = ANCHOR - 30 * DAY;
    let chat_out = data
        .chat_messages
        .iter()
        .filter(|m| m.sent_at < chat_cutoff)
        .count() as i64;
    let gifts_out = data
        .gifts
        .iter()
        .filter(|g| g.sent_at < ANCHOR - 2555 * DAY)
        .count() as i64;
    let visits_out = data
        .sessions
        .iter()
        .filter(|s| s.join_time < ANCHOR - 730 * DAY)
        .count() as i64;
    let out = &results[1];
    assert_eq!(
        texts(out, "table_name"),
        ["chat_messages", "gifts", "viewer_sessions"].map(|t| Some(t.to_owned()))
    );
    assert_eq!(
        ints(out, "total_rows"),
        [
            data.chat_messages.len() as i64,
            data.gifts.len() as i64,
            data.sessions.len() as i64
        ]
    );
    assert_eq!(
        ints(out, "out_of_policy"),
        [chat_out, gifts_out, visits_out]
    );
    assert!(chat_out > 0);
    // The purge: chat within 30 days left, every gift kept; then rolled back.
    let left = &results[5];
    assert_eq!(
        ints(left, "rows_left"),
        [
            data.chat_messages.len() as i64 - chat_out,
            data.gifts.len() as i64 - gifts_out
        ]
    );
    let oldest_chat = data
        .chat_messages
        .iter()
        .map(|m| m.sent_at)
        .filter(|&t| t >= chat_cutoff)
        .min()
        .unwrap();
    assert_eq!(times(left, "oldest_left")[0], oldest_chat);
    assert_eq!(results[6].command, "ROLLBACK");
}

fn check_replay(data: &Dataset, results: &[QueryResult]) {
    let visits = visits_per_stream(data);
    let stream = recent_streams(data)
        .into_iter()
        .filter(|s| visits.contains_key(&s.stream_id))
        .max_by(|a, b| {
            visits[&a.stream_id]
                .len()
                .cmp(&visits[&b.stream_id].len())
                .then(b.stream_id.cmp(&a.stream_id))
        })
        .unwrap();
    let (start, end) = (stream.started_at + 30 * 60, stream.started_at + 40 * 60);
    let present: Vec<_> = visits[&stream.stream_id]
        .iter()
        .filter(|v| v.join_time < end && left_at(v) > start)
        .collect();
    let leaves = present
        .iter()
        .filter(|v| v.leave_time.is_some_and(|t| t < end))
        .count();
    let mut chat: Vec<_> = data
        .chat_messages
        .iter()
        .filter(|m| m.stream_id == stream.stream_id && m.sent_at >= start && m.sent_at < end)
        .collect();
    chat.sort_by_key(|m| (m.sent_at, m.message_id));
    let gifts = data
        .gifts
        .iter()
        .filter(|g| g.stream_id == stream.stream_id && g.sent_at >= start && g.sent_at < end)
        .count();
    let summary = &results[0];
    assert_eq!(ints(summary, "stream_id"), [stream.stream_id]);
    assert_eq!(ints(summary, "visits_present"), [present.len() as i64]);
    assert_eq!(ints(summary, "chat_messages"), [chat.len() as i64]);
    assert_eq!(ints(summary, "gifts"), [gifts as i64]);
    assert_eq!(
        texts(summary, "chat_status"),
        [Some("within chat retention".to_owned())]
    );
    assert!(!chat.is_empty(), "a window worth replaying");
    let timeline = &results[1];
    assert_eq!(
        timeline.rows.len(),
        present.len() + leaves + chat.len() + gifts
    );
    let at = times(timeline, "at");
    assert!(at.windows(2).all(|w| w[0] <= w[1]) && at.iter().all(|&t| t >= start && t < end));
    let bodies: Vec<Option<String>> = texts(timeline, "event")
        .into_iter()
        .zip(texts(timeline, "detail"))
        .filter(|(event, _)| event.as_deref() == Some("chat"))
        .map(|(_, body)| body)
        .collect();
    assert_eq!(
        bodies,
        chat.iter()
            .map(|m| Some(m.body.clone()))
            .collect::<Vec<_>>()
    );
}

fn check_events_table(data: &Dataset, results: &[QueryResult]) {
    let nulls = &results[2];
    let sessions = data.sessions.len() as i64;
    let gifts = data.gifts.len() as i64;
    let chat = data.chat_messages.len() as i64;
    let open_visits = data
        .sessions
        .iter()
        .filter(|s| s.leave_time.is_none())
        .count() as i64;
    assert_eq!(ints(nulls, "total_rows"), [sessions + gifts + chat]);
    assert_eq!(ints(nulls, "null_leave_time"), [gifts + chat + open_visits]);
    assert_eq!(ints(nulls, "null_device"), [gifts + chat]);
    assert_eq!(ints(nulls, "null_amount_usd"), [sessions + chat]);
    assert_eq!(ints(nulls, "null_body"), [sessions + gifts]);
    assert_eq!(
        ints(&results[3], "rows_read"),
        [sessions + gifts + chat, gifts + sessions]
    );
    // The same payout, row for row, from either model.
    assert_eq!(results[4].rows, results[5].rows);
    assert!(!results[4].rows.is_empty());
}

#[test]
fn ids_are_unique_in_their_order_and_charts_name_real_columns() {
    let ids: Vec<&str> = ANALYSES.iter().map(|a| a.id).collect();
    assert_eq!(
        ids,
        [
            "payout-fan-out",
            "payout-audit",
            "concurrency",
            "retention",
            "moderation-replay",
            "events-table"
        ]
    );
    assert!(ids
        .iter()
        .all(|id| analysis(id).is_some_and(|a| a.id == *id)));
    let data = generate::generate(1, Scale::S);
    let mut engine = engine(1, Scale::S, &data);
    for (id, results) in run_all(&mut engine) {
        let a = analysis(id).unwrap();
        assert!(!a.explanation.is_empty() && a.explanation.iter().all(|p| !p.is_empty()));
        assert_eq!(
            results.len(),
            split_statements(a.sql).len(),
            "{id}: statements as the page and the tests split them"
        );
        if let Some(chart) = &a.chart {
            let result = &results[chart.statement];
            for name in std::iter::once(&chart.x).chain(chart.y) {
                assert!(
                    result.columns.iter().any(|c| c.name == *name),
                    "{id}: chart column {name} is not in statement {}",
                    chart.statement
                );
            }
            assert!(result.rows.len() > 1, "{id}: a chart with points");
        }
    }
}

#[test]
fn analyses_agree_with_plain_rust() {
    for (seed, scale) in cases() {
        let data = generate::generate(seed, scale);
        let mut engine = engine(seed, scale, &data);
        let results = run_all(&mut engine);
        check_fan_out(&data, &results["payout-fan-out"]);
        check_audit(&data, &results["payout-audit"]);
        check_concurrency(&data, &results["concurrency"]);
        check_retention(&data, &results["retention"]);
        check_replay(&data, &results["moderation-replay"]);
        check_events_table(&data, &results["events-table"]);
        // Running them all again gives the same answers: the demos undo what they write.
        assert_eq!(
            run_all(&mut engine),
            results,
            "seed {seed}: a second run differs"
        );
    }
}

fn rows(result: &QueryResult) -> Rows {
    result
        .rows
        .iter()
        .map(|row| row.iter().map(Cell::text).collect())
        .collect()
}

#[test]
fn analyses_answer_as_postgres_does() {
    let postgres = Postgres::start("analyses");
    let mut failures = Vec::new();
    for (seed, scale) in cases() {
        let database = format!("seed_{seed}_{}", scale.name().to_ascii_lowercase());
        postgres.load(&database, seed, scale, ANCHOR);
        let data = generate::generate(seed, scale);
        let mut engine = engine(seed, scale, &data);
        for (id, results) in run_all(&mut engine) {
            let statements = split_statements(analysis(id).unwrap().sql);
            for (index, (statement, ours)) in statements.iter().zip(&results).enumerate() {
                if !is_query(statement) {
                    continue;
                }
                // What came before, minus its queries (psql would print their rows too).
                let setup: Vec<&str> = statements[..index]
                    .iter()
                    .filter(|s| !is_query(s))
                    .map(String::as_str)
                    .collect();
                let theirs = match postgres.query(&database, &setup, statement) {
                    Ok(theirs) => theirs,
                    Err(why) => {
                        failures.push(format!("seed {seed} {id} #{index}: postgres: {why}"));
                        continue;
                    }
                };
                let ours = rows(ours);
                // Rows as a set: the order is checked against plain Rust, and ties may differ.
                if !same_rows(&sorted(&ours), &sorted(&theirs)) {
                    failures.push(format!(
                        "seed {seed} {id} #{index}: {} rows vs {}; first {:?} vs {:?}",
                        ours.len(),
                        theirs.len(),
                        ours.first(),
                        theirs.first()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
