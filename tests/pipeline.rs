//! What our steps in front of GlueSQL promise beyond equal answers (those are checked against
//! PostgreSQL in `postgres_compat.rs`): they leave nothing behind, stop what would not end, keep
//! the rules PostgreSQL keeps, and undo what breaks them.

use livestream_sandbox::engine::{Cell, Config, Engine};
use livestream_sandbox::error::EngineError;
use livestream_sandbox::generate::{self, Scale, ANCHOR};
use livestream_sandbox::time::DAY;
use std::sync::OnceLock;

fn engine() -> Engine {
    static DATA: OnceLock<generate::Dataset> = OnceLock::new();
    let data = DATA.get_or_init(|| generate::generate(1, Scale::S));
    Engine::with_data(Config::new(1, Scale::S), data).unwrap()
}

fn single(engine: &mut Engine, sql: &str) -> Cell {
    let result = engine.query(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    assert_eq!(result.rows.len(), 1, "{sql}");
    result.rows[0][0].clone()
}

fn error(engine: &mut Engine, sql: &str) -> EngineError {
    match engine.run(sql) {
        Ok(results) => panic!("{sql} answered {results:?}"),
        Err(error) => error,
    }
}

fn tables(engine: &Engine) -> Vec<String> {
    engine.table_counts().into_iter().map(|t| t.table).collect()
}

#[test]
fn steps_leave_no_tables_behind_even_when_a_statement_fails() {
    let mut engine = engine();
    let before = tables(&engine);
    engine
        .query(
            "WITH a AS (SELECT creator_id FROM streams), b AS (SELECT * FROM a) \
             SELECT COUNT(*) FROM b JOIN (SELECT creator_id FROM creators) c ON c.creator_id = b.creator_id",
        )
        .unwrap();
    error(
        &mut engine,
        "WITH a AS (SELECT 1 AS x) SELECT nope FROM a UNION ALL SELECT 1",
    );
    assert_eq!(tables(&engine), before);
}

#[test]
fn a_cte_and_a_derived_table_are_computed_once() {
    let mut engine = engine();
    // Joined to 50,000 visits, a derived table of 2,000 streams recomputed per row would read
    // 100 million rows; computed once it reads a few hundred thousand.
    let result = engine
        .query(
            "SELECT COUNT(*) FROM viewer_sessions vs \
             JOIN (SELECT stream_id, creator_id FROM streams) s ON s.stream_id = vs.stream_id \
             LEFT JOIN (SELECT stream_id, SUM(amount_usd) AS usd FROM gifts GROUP BY stream_id) g \
               ON g.stream_id = vs.stream_id",
        )
        .unwrap();
    assert_eq!(result.rows[0][0], Cell::Int(50_000));
    assert!(result.rows_read < 500_000, "{} rows read", result.rows_read);
}

#[test]
fn a_recursive_cte_that_never_ends_is_stopped_with_a_message() {
    let mut engine = engine();
    let message = error(
        &mut engine,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n",
    )
    .to_string();
    assert!(message.contains("WITH RECURSIVE n stopped"), "{message}");
    assert_eq!(
        single(
            &mut engine,
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT SUM(i) FROM n"
        ),
        Cell::Int(5050)
    );
}

#[test]
fn a_subquery_with_steps_that_reads_the_outer_query_is_refused_by_name() {
    let mut engine = engine();
    let message = error(
        &mut engine,
        "SELECT s.stream_id FROM streams s WHERE s.stream_id IN \
         (SELECT stream_id FROM gifts WHERE stream_id = s.stream_id UNION SELECT 1)",
    )
    .to_string();
    assert!(message.contains("refers to the outer query"), "{message}");
}

#[test]
fn views_read_the_clock_of_the_moment_they_are_queried() {
    let mut engine = engine();
    engine
        .run("CREATE VIEW recent AS SELECT stream_id FROM streams WHERE started_at >= NOW() - INTERVAL '1 day'")
        .unwrap();
    let now = single(&mut engine, "SELECT COUNT(*) FROM recent");
    engine.set_clock(ANCHOR - 30 * DAY);
    let earlier = single(&mut engine, "SELECT COUNT(*) FROM recent");
    assert_ne!(now, earlier);
    let direct = single(
        &mut engine,
        "SELECT COUNT(*) FROM streams WHERE started_at >= NOW() - INTERVAL '1 day'",
    );
    assert_eq!(earlier, direct);
    engine.run("DROP VIEW recent").unwrap();
    error(&mut engine, "SELECT COUNT(*) FROM recent");
}

#[test]
fn rollback_restores_the_tables_and_commit_keeps_them() {
    let mut engine = engine();
    let count = "SELECT COUNT(*) FROM chat_messages";
    let all = single(&mut engine, count);
    engine
        .run("BEGIN; DELETE FROM chat_messages; ROLLBACK")
        .unwrap();
    assert_eq!(single(&mut engine, count), all);
    engine
        .run("BEGIN; DELETE FROM chat_messages WHERE message_id <= 10; COMMIT")
        .unwrap();
    assert_eq!(
        single(&mut engine, count),
        match all {
            Cell::Int(n) => Cell::Int(n - 10),
            other => panic!("{other:?}"),
        }
    );
}

#[test]
fn a_write_that_breaks_a_rule_is_undone() {
    let mut engine = engine();
    engine
        .run(
            "CREATE TABLE payouts (id SERIAL PRIMARY KEY, creator_id BIGINT REFERENCES creators, \
             usd NUMERIC(8, 2) NOT NULL, note VARCHAR(5))",
        )
        .unwrap();
    engine
        .run("INSERT INTO payouts (creator_id, usd) VALUES (1, 10.005), (2, 3)")
        .unwrap();
    let rows = engine
        .query("SELECT id, usd FROM payouts ORDER BY id")
        .unwrap()
        .rows;
    assert_eq!(
        rows,
        vec![
            vec![Cell::Int(1), Cell::Text("10.01".into())],
            vec![Cell::Int(2), Cell::Text("3.00".into())],
        ]
    );
    for (sql, words) in [
        (
            "INSERT INTO payouts (creator_id, usd) VALUES (999999, 1)",
            "foreign key",
        ),
        (
            "INSERT INTO payouts (creator_id, usd) VALUES (1, 1234567)",
            "numeric field overflow",
        ),
        (
            "INSERT INTO payouts (creator_id, usd, note) VALUES (1, 1, 'too long')",
            "too long",
        ),
        (
            "DELETE FROM creators WHERE creator_id = 1",
            "still referenced",
        ),
        (
            "INSERT INTO gifts SELECT * FROM gifts WHERE gift_id = 1",
            "duplicate",
        ),
    ] {
        let message = error(&mut engine, sql).to_string();
        assert!(message.contains(words), "{sql}: {message}");
    }
    assert_eq!(
        single(&mut engine, "SELECT COUNT(*) FROM payouts"),
        Cell::Int(2)
    );
    assert_eq!(
        single(&mut engine, "SELECT COUNT(*) FROM creators"),
        Cell::Int(200)
    );
}

#[test]
fn group_by_a_position_groups_by_that_column() {
    let mut engine = engine();
    let result = engine
        .query("SELECT device, COUNT(*) FROM viewer_sessions GROUP BY 1")
        .unwrap();
    assert_eq!(result.rows.len(), 4);
}

#[test]
fn decimal_literals_are_exact() {
    let mut engine = engine();
    assert_eq!(
        single(&mut engine, "SELECT 0.1 + 0.2"),
        Cell::Text("0.3".into())
    );
    assert_eq!(single(&mut engine, "SELECT 2.5::int"), Cell::Int(3));
    assert_eq!(
        single(&mut engine, "SELECT ROUND(2.345, 2)"),
        Cell::Text("2.35".into())
    );
}
