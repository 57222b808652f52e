//! The compatibility suite: every case in `tests/compat/*.sql` runs in the sandbox and in a real
//! PostgreSQL loaded with the same generated data, and the rows must agree (money to the cent,
//! other numbers to 1e-9 relative), as must the columns' names and kinds of type; a query
//! PostgreSQL refuses (`-- error`) must be refused with its message. Expected results come from
//! PostgreSQL at test time.
//!
//! The file format is read by `tests/support/cases.rs`.

mod support;

use livestream_sandbox::engine::{Config, Engine};
use livestream_sandbox::generate::{self, Scale, ANCHOR};
use support::cases::{cases, Case, Order};
use support::compare::{same_rows, sorted, Rows};
use support::postgres::{Columns, Postgres};

const SEEDS: [u64; 3] = [1, 2, 3];

fn compare(case: &Case, ours: &Rows, theirs: &Rows) -> Result<(), String> {
    let in_order = match case.order {
        Order::Exact => same_rows(ours, theirs),
        Order::ByColumn(column) => {
            let key = |rows: &Rows| {
                rows.iter()
                    .map(|row| vec![row[column].clone()])
                    .collect::<Rows>()
            };
            same_rows(&key(ours), &key(theirs))
        }
        Order::Any => true,
    };
    let show = |rows: &Rows| {
        let first: Vec<_> = rows.iter().take(3).collect();
        format!("{} rows, first {first:?}", rows.len())
    };
    if !in_order {
        return Err(format!(
            "rows come in a different order\nsandbox: {}\npostgres: {}",
            show(ours),
            show(theirs)
        ));
    }
    if !same_rows(&sorted(ours), &sorted(theirs)) {
        return Err(format!(
            "sandbox: {}\npostgres: {}",
            show(ours),
            show(theirs)
        ));
    }
    Ok(())
}

/// Our message must start with PostgreSQL's (psql prints it after `ERROR:  `, with the
/// position on the lines after).
fn same_error(ours: &str, theirs: &str) -> Result<(), String> {
    let message = theirs
        .split_once("ERROR:  ")
        .and_then(|(_, rest)| rest.lines().next())
        .unwrap_or(theirs);
    match ours.starts_with(message) {
        true => Ok(()),
        false => Err(format!("sandbox: {ours}\npostgres: {theirs}")),
    }
}

/// Our rows as text, and each column's name and type.
fn run_ours(engine: &mut Engine, case: &Case) -> Result<(Rows, Columns), String> {
    for statement in &case.setup {
        engine.run(statement).map_err(|e| format!("setup: {e}"))?;
    }
    let result = engine.query(&case.query).map_err(|e| e.to_string());
    engine.reset().unwrap();
    let result = result?;
    assert!(!result.truncated);
    let rows = result
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.text()).collect())
        .collect();
    let columns = result
        .columns
        .into_iter()
        .map(|c| (c.name, c.type_name))
        .collect();
    Ok((rows, columns))
}

/// The kind of value a type holds, for comparing our types with PostgreSQL's: PostgreSQL's
/// integer widths and text flavours are one kind each, as our results do not tell them apart.
fn type_kind(name: &str) -> &str {
    let name = name.to_ascii_lowercase();
    let base = name.split('(').next().unwrap_or_default().trim().to_owned();
    match base.as_str() {
        "int" | "integer" | "bigint" | "smallint" => "integer",
        "decimal" | "numeric" => "numeric",
        "float" | "double precision" | "real" => "float",
        "text" | "character varying" | "character" | "name" => "text",
        "boolean" => "boolean",
        "timestamp" | "timestamp without time zone" => "timestamp",
        "timestamptz" | "timestamp with time zone" => "timestamptz",
        "date" => "date",
        "interval" => "interval",
        "time" | "time without time zone" => "time",
        _ => "other",
    }
}

/// Column names compared as they are; types kind by kind, and a column that is NULL in every
/// row has no type of ours. Where PostgreSQL computes `numeric` (`AVG` of integers, `SUM` of
/// `bigint`) the sandbox still computes a float or an integer of the same value: such columns
/// are counted in `numeric_as`, not failed, and the count is reported.
fn compare_columns(
    ours: &[(String, String)],
    theirs: &[(String, String)],
    numeric_as: &mut usize,
) -> Result<(), String> {
    let names = |columns: &[(String, String)]| -> Vec<String> {
        columns.iter().map(|(name, _)| name.clone()).collect()
    };
    if names(ours) != names(theirs) {
        return Err(format!(
            "column names differ: ours {:?}, PostgreSQL's {:?}",
            names(ours),
            names(theirs)
        ));
    }
    let mut differ = false;
    for ((_, a), (_, b)) in ours.iter().zip(theirs) {
        match (type_kind(a), type_kind(b)) {
            _ if a == "NULL" => {}
            (a, b) if a == b => {}
            ("integer" | "float", "numeric") => *numeric_as += 1,
            _ => differ = true,
        }
    }
    if differ {
        return Err(format!(
            "column types differ: ours {ours:?}, PostgreSQL's {theirs:?}"
        ));
    }
    Ok(())
}

#[test]
fn sandbox_answers_as_postgres_does() {
    let mut cases = cases();
    assert!(cases.len() >= 150, "{} cases", cases.len());
    // For working on a few cases: SANDBOX_COMPAT_CASES=substring, SANDBOX_COMPAT_SEEDS=1,2.
    if let Ok(filter) = std::env::var("SANDBOX_COMPAT_CASES") {
        cases.retain(|case| case.name.contains(&filter));
    }
    let seeds: Vec<u64> = match std::env::var("SANDBOX_COMPAT_SEEDS") {
        Ok(list) => list.split(',').map(|s| s.trim().parse().unwrap()).collect(),
        Err(_) => SEEDS.to_vec(),
    };
    let postgres = Postgres::start("compat");
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut refused = 0;
    let mut same_errors = 0;
    let mut numeric_as = 0;
    for (seed_index, seed) in seeds.into_iter().enumerate() {
        let database = format!("seed_{seed}");
        postgres.load(&database, seed, Scale::S, ANCHOR);
        let data = generate::generate(seed, Scale::S);
        let mut config = Config::new(seed, Scale::S);
        config.row_cap = usize::MAX;
        let mut engine = Engine::with_data(config, &data).unwrap();
        for case in &cases {
            let setup: Vec<&str> = case.setup.iter().map(String::as_str).collect();
            let theirs = postgres.typed_query(&database, &setup, &case.query);
            let ours = run_ours(&mut engine, case);
            let outcome = match (ours, theirs, &case.pending) {
                (Err(ours), Err(theirs), None) if case.error => {
                    same_errors += 1;
                    same_error(&ours, &theirs)
                }
                (Ok(_), Err(theirs), None) if case.error => {
                    Err(format!("sandbox answered; postgres: {theirs}"))
                }
                (_, Ok(_), _) if case.error => {
                    Err("postgres answered a case marked error".to_owned())
                }
                // Names and types do not depend on the data: checked on the first seed.
                (Ok((ours, columns)), Ok((theirs, their_columns)), None) => {
                    compare(case, &ours, &theirs).and_then(|()| match (seed_index, their_columns) {
                        (0, Some(their_columns)) => {
                            compare_columns(&columns, &their_columns, &mut numeric_as)
                        }
                        _ => Ok(()),
                    })
                }
                (Ok((ours, _)), Ok((theirs, _)), Some(_)) => match compare(case, &ours, &theirs) {
                    Ok(()) => Err("answers as PostgreSQL now: remove its pending line".to_owned()),
                    Err(why) => Err(format!(
                        "a pending case must be refused, not answered: {why}"
                    )),
                },
                (Err(_), Ok(_), Some(_)) => {
                    refused += 1;
                    continue;
                }
                (Err(ours), Ok(_), None) => Err(format!("sandbox refused: {ours}")),
                (_, Err(theirs), _) => Err(format!("postgres refused: {theirs}")),
            };
            match outcome {
                Ok(()) => passed += 1,
                Err(why) => failures.push(format!("seed {seed}, {}: {why}", case.name)),
            }
        }
    }
    eprintln!(
        "{passed} equal to PostgreSQL (of them {same_errors} refused by both), {refused} refused \
         by name (pending), {} failed; {numeric_as} columns numeric in PostgreSQL computed as \
         float or integer here",
        failures.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
