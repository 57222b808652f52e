//! The `sandbox` binary as a user runs it: output formats, exports, and one-line errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sandbox(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sandbox"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A failure: non-zero exit, nothing on stdout, exactly one line on stderr, no backtrace.
fn one_line_error(output: &Output) -> String {
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
    stderr
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sandbox-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn query_prints_an_aligned_table_with_a_row_count() {
    let out = stdout(&sandbox(&[
        "query",
        "SELECT category_id, name FROM stream_categories ORDER BY category_id LIMIT 2",
    ]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0].split('|').map(str::trim).collect::<Vec<_>>(),
        ["category_id", "name"]
    );
    assert!(lines[1].starts_with("---"));
    assert!(lines[2].contains("Just Chatting"));
    assert_eq!(lines.last(), Some(&"(2 rows)"));
}

#[test]
fn csv_and_json_formats_carry_the_same_rows() {
    let sql = "SELECT stream_id, ended_at FROM streams WHERE stream_id <= 3 ORDER BY stream_id";
    let csv = stdout(&sandbox(&["query", "--format", "csv", sql]));
    assert_eq!(csv.lines().next(), Some("stream_id,ended_at"));
    assert_eq!(csv.lines().count(), 4);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&sandbox(&["query", "--format", "json", sql]))).unwrap();
    let rows = json[0]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    for (line, row) in csv.lines().skip(1).zip(rows) {
        assert_eq!(line.split(',').next().unwrap(), row[0].to_string());
    }
}

#[test]
fn seed_and_as_of_change_the_answer() {
    let count = |args: &[&str]| {
        let mut all = vec!["query", "--format", "csv"];
        all.extend_from_slice(args);
        all.push("SELECT COUNT(*) FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days'");
        stdout(&sandbox(&all)).lines().nth(1).unwrap().to_owned()
    };
    let at_clock = count(&[]);
    let later = count(&["--as-of", "2026-12-01 00:00:00"]);
    assert!(later.parse::<u64>().unwrap() > at_clock.parse::<u64>().unwrap());
    assert_eq!(
        later, "100000",
        "a month later every message is out of policy"
    );
    assert_ne!(count(&["--seed", "2"]), at_clock);
}

#[test]
fn presets_run_by_name() {
    let out = stdout(&sandbox(&[
        "query",
        "--preset",
        "seed-payout",
        "--format",
        "csv",
    ]));
    assert_eq!(
        out.lines().next(),
        Some("creator,stream_id,gross_gifts_usd,unique_viewers")
    );
    assert!(one_line_error(&sandbox(&["query", "--preset", "nope"])).contains("seed-payout"));
}

#[test]
fn sql_can_come_from_a_file_or_standard_input() {
    let dir = temp_dir("file");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("q.sql");
    std::fs::write(&path, "SELECT COUNT(*) FROM creators").unwrap();
    assert!(stdout(&sandbox(&["query", "-f", path.to_str().unwrap()])).contains("200"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_sandbox"))
        .args(["query", "-f", "-", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"SELECT COUNT(*) FROM viewers")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(stdout(&output), "count\n5000\n");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_input_gives_one_clear_line() {
    let syntax = one_line_error(&sandbox(&["query", "SELEC 1"]));
    assert!(syntax.contains("line 1, column 1"), "{syntax}");
    assert!(one_line_error(&sandbox(&["query", "SELECT * FROM nope"])).contains("nope"));
    assert!(one_line_error(&sandbox(&["query", "--scale", "XL", "SELECT 1"])).contains("XL"));
    assert!(
        one_line_error(&sandbox(&["query", "--as-of", "tomorrow", "SELECT 1"]))
            .contains("tomorrow")
    );
    assert!(one_line_error(&sandbox(&["frobnicate"])).contains("frobnicate"));
    assert!(
        one_line_error(&sandbox(&["query", "-f", "/no/such/file.sql"]))
            .contains("/no/such/file.sql")
    );
    assert!(
        one_line_error(&sandbox(&["export", "--out", "/proc/no-such-place"]))
            .contains("/proc/no-such-place")
    );
}

#[test]
fn export_writes_every_table_and_the_postgres_ddl() {
    let dir = temp_dir("export");
    let output = sandbox(&[
        "export",
        "--seed",
        "3",
        "--scale",
        "S",
        "--format",
        "csv",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    for table in livestream_sandbox::schema::TABLES {
        let csv = std::fs::read_to_string(dir.join(format!("{}.csv", table.name))).unwrap();
        let header: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
        assert_eq!(csv.lines().next().unwrap(), header.join(","));
    }
    let gifts = std::fs::read_to_string(dir.join("gifts.csv")).unwrap();
    assert_eq!(gifts.lines().count(), 1_001);
    let ddl = std::fs::read_to_string(dir.join("schema.sql")).unwrap();
    assert!(ddl.contains("CREATE TABLE chat_messages"));
    assert!(ddl.contains("amount_usd NUMERIC(12,2) NOT NULL"));
    // Open streams export their NULL end as an empty, unquoted field.
    let streams = std::fs::read_to_string(dir.join("streams.csv")).unwrap();
    assert!(streams.lines().any(|line| line.ends_with(',')));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn schema_describes_grain_and_retention() {
    let out = stdout(&sandbox(&["schema"]));
    assert!(out.contains("viewer_sessions (fact)"));
    assert!(out.contains("grain: One row per visit"));
    assert!(out.contains("retention: 30 days on sent_at"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&sandbox(&["schema", "--format", "json"]))).unwrap();
    assert_eq!(
        json.as_array().unwrap().len(),
        livestream_sandbox::schema::TABLES.len()
    );
}
