//! The compatibility suite's cases (`tests/compat/*.sql`), read once for the PostgreSQL
//! comparison (`tests/postgres_compat.rs`) and the timing of every case (`benches/compat.rs`).
//!
//! A case starts with `-- case: <name>`; `-- ordered` compares row order too, `-- ordered-by: N`
//! (1-based column) compares the order of that column only (ties may come in any order, as in
//! PostgreSQL); `-- preset: <id>` uses a shipped preset's SQL; `-- pending: <why>` marks a case
//! the sandbox must still refuse; `-- error` marks a query PostgreSQL refuses, which the sandbox
//! must refuse with PostgreSQL's message. Statements end with `;` at the end of a line; the last SELECT is
//! compared, statements before it are setup, undone after the case.

use super::compare::{is_query, split_statements};
use livestream_sandbox::queries;
use serde::Serialize;

#[derive(Debug, PartialEq, Serialize)]
pub enum Order {
    Any,
    Exact,
    ByColumn(usize),
}

#[derive(Debug, Serialize)]
pub struct Case {
    /// `<file>: <name>`.
    pub name: String,
    /// The preset the case runs, if it runs one.
    pub preset: Option<String>,
    /// Why the sandbox still refuses this case (it must refuse it, not answer differently).
    pub pending: Option<String>,
    /// PostgreSQL refuses the query: the sandbox must too, with PostgreSQL's message.
    pub error: bool,
    pub order: Order,
    pub setup: Vec<String>,
    pub query: String,
}

/// Every case of every file, files in name order.
pub fn cases() -> Vec<Case> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/compat");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let file = path.file_stem().unwrap().to_string_lossy().into_owned();
            parse_file(&file, &text)
        })
        .collect()
}

pub fn parse_file(file: &str, text: &str) -> Vec<Case> {
    text.split("-- case: ")
        .skip(1)
        .map(|block| parse_case(file, block))
        .collect()
}

fn parse_case(file: &str, block: &str) -> Case {
    let mut lines = block.lines();
    let name = format!("{file}: {}", lines.next().unwrap().trim());
    let mut order = Order::Any;
    let mut pending = None;
    let mut error = false;
    let mut preset_id = None;
    let mut body = String::new();
    for line in lines {
        match line.trim() {
            "-- ordered" => order = Order::Exact,
            "-- error" => error = true,
            flag if flag.starts_with("-- pending:") => {
                pending = Some(flag["-- pending:".len()..].trim().to_owned())
            }
            flag if flag.starts_with("-- preset:") => {
                let id = flag["-- preset:".len()..].trim();
                let preset = queries::PRESETS.iter().find(|p| p.id == id);
                body.push_str(
                    preset
                        .unwrap_or_else(|| panic!("{name}: no preset {id}"))
                        .sql,
                );
                body.push('\n');
                preset_id = Some(id.to_owned());
            }
            flag if flag.starts_with("-- ordered-by:") => {
                let column = flag["-- ordered-by:".len()..]
                    .trim()
                    .parse::<usize>()
                    .unwrap();
                order = Order::ByColumn(column - 1);
            }
            _ => {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    let mut statements = split_statements(&body);
    // The last SELECT is compared; what comes before it is setup, what follows it (a preset's
    // clean-up) is left out, since every case is undone anyway.
    let last_select = statements
        .iter()
        .rposition(|s| is_query(s))
        .unwrap_or_else(|| panic!("{name}: no SELECT"));
    statements.truncate(last_select + 1);
    let query = statements.pop().expect("the SELECT");
    Case {
        name,
        preset: preset_id,
        pending,
        error,
        order,
        setup: statements,
        query,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_flags_setup_and_the_compared_select() {
        use super::{is_query, parse_file, Case, Order};
        let text = "-- a comment\n-- case: one\n-- ordered-by: 2\nSELECT 1;\n\
                    -- case: two\n-- pending: no AGE yet\nCREATE TABLE t (a INT);\n\
                    INSERT INTO t VALUES (1);\nSELECT a FROM t;\nDROP TABLE t;\n\
                    -- case: three\n-- error\nSELECT 1 AS k, 2 AS k ORDER BY k;\n";
        let [one, two, three] = <[Case; 3]>::try_from(parse_file("f", text)).unwrap();
        assert!(three.error && !one.error && !two.error);
        assert_eq!(
            (one.name.as_str(), one.query.as_str()),
            ("f: one", "SELECT 1")
        );
        assert_eq!(one.order, Order::ByColumn(1));
        assert!(one.setup.is_empty() && one.pending.is_none() && one.preset.is_none());
        assert_eq!(two.pending.as_deref(), Some("no AGE yet"));
        assert_eq!(
            two.setup,
            ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"]
        );
        assert_eq!(two.query, "SELECT a FROM t");
        let [preset] =
            <[Case; 1]>::try_from(parse_file("p", "-- case: p\n-- preset: seed-payout\n")).unwrap();
        assert_eq!(preset.preset.as_deref(), Some("seed-payout"));
        assert!(is_query(&preset.query));
    }
}
