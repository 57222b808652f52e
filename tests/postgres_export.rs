//! The production PostgreSQL export in a real PostgreSQL: it loads (as a folder and as one file),
//! holds exactly the generated rows, answers every preset and analysis as the sandbox does,
//! drops exactly the partitions out of policy, and prunes partitions for a recent payout.
//!
//! The sandbox's `NOW()` is its dataset clock. Here every check takes the clock explicitly: the
//! retention script gets it as a psql variable, the pruning check as a literal, and the query
//! comparison through a `now()` in `public` that shadows PostgreSQL's in the test databases only
//! (the export itself never shadows it).

mod support;

use livestream_sandbox::engine::{Config, Engine};
use livestream_sandbox::generate::{self, Dataset, Scale, ANCHOR};
use livestream_sandbox::postgres_export::{self, PartitionedTable};
use livestream_sandbox::rows::{self, Datum};
use livestream_sandbox::schema::{self, SqlType};
use livestream_sandbox::time::{self, Timestamp, DAY};
use livestream_sandbox::{analyses, queries};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::time::Instant;
use support::compare::{same_value, sorted, Rows};
use support::postgres::{checked, parse_csv, Postgres};

const SEEDS: [u64; 3] = [1, 2, 3];

/// Runs `sandbox export` with `args` and returns where it wrote.
fn export(postgres: &Postgres, seed: u64, scale: Scale, format: &str) -> PathBuf {
    let name = format!("export-{format}-{seed}-{}", scale.name());
    let out = match format {
        "postgres-file" => postgres.scratch("files").join(format!("{name}.sql")),
        _ => postgres.scratch(&name),
    };
    checked(
        Command::new(env!("CARGO_BIN_EXE_sandbox"))
            .args([
                "export",
                "--seed",
                &seed.to_string(),
                "--scale",
                scale.name(),
            ])
            .args(["--format", format, "--out"])
            .arg(&out)
            .output()
            .unwrap(),
        "sandbox export",
    );
    out
}

/// Creates `database` and runs `script` into it from `folder`; returns the seconds it took.
fn load(postgres: &Postgres, database: &str, folder: &Path, script: &Path) -> f64 {
    postgres.create_database(database);
    let start = Instant::now();
    checked(
        postgres
            .psql(database)
            .arg("-f")
            .arg(script)
            .current_dir(folder)
            .output()
            .unwrap(),
        "loading the export",
    );
    start.elapsed().as_secs_f64()
}

/// Loads `sandbox export --format postgres` for `seed` into a database named after it.
fn load_folder(postgres: &Postgres, seed: u64, scale: Scale) -> String {
    let folder = export(postgres, seed, scale, "postgres");
    let database = format!("export_{seed}_{}", scale.name().to_lowercase());
    let seconds = load(postgres, &database, &folder, &folder.join("load.sql"));
    let size: u64 = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().metadata().unwrap().len())
        .sum();
    eprintln!(
        "seed {seed}, scale {}: export {:.1} MB, loaded into PostgreSQL in {seconds:.1} s",
        scale.name(),
        size as f64 / 1e6
    );
    database
}

/// Per table, the row count and for every column its non-NULL count and a sum: the value for
/// numbers, epoch seconds for timestamps, characters for text, trues for booleans. Computed in
/// PostgreSQL.
fn contents_in_postgres(postgres: &Postgres, database: &str) -> Vec<Vec<Decimal>> {
    schema::TABLES
        .iter()
        .map(|table| {
            let mut measures = vec!["COUNT(*)".to_owned()];
            for column in table.columns {
                let name = column.name;
                measures.push(format!("COUNT({name})"));
                measures.push(match column.sql_type {
                    SqlType::Int | SqlType::Decimal => format!("COALESCE(SUM({name}), 0)"),
                    SqlType::Timestamp => {
                        format!("COALESCE(SUM(EXTRACT(EPOCH FROM {name})), 0)")
                    }
                    SqlType::Text => format!("COALESCE(SUM(LENGTH({name})), 0)"),
                    SqlType::Boolean => format!("COUNT(*) FILTER (WHERE {name})"),
                });
            }
            let sql = format!("SELECT {} FROM {}", measures.join(", "), table.name);
            let rows = postgres.query(database, &[], &sql).unwrap();
            rows[0]
                .iter()
                .map(|value| Decimal::from_str(value.as_deref().unwrap()).unwrap())
                .collect()
        })
        .collect()
}

/// The same measures computed in Rust from the generated rows.
fn contents_expected(data: &Dataset) -> Vec<Vec<Decimal>> {
    rows::all_tables(data)
        .into_iter()
        .map(|(table, table_rows)| {
            let mut measures = vec![Decimal::from(table_rows.len())];
            for (index, _) in table.columns.iter().enumerate() {
                let mut count = Decimal::ZERO;
                let mut sum = Decimal::ZERO;
                for row in &table_rows {
                    let value = match &row[index] {
                        Datum::Null => continue,
                        Datum::Int(value) | Datum::Timestamp(value) => Decimal::from(*value),
                        Datum::Decimal(value) => *value,
                        Datum::Text(text) => Decimal::from(text.chars().count()),
                        Datum::Bool(value) => Decimal::from(u8::from(*value)),
                    };
                    count += Decimal::ONE;
                    sum += value;
                }
                measures.extend([count, sum]);
            }
            measures
        })
        .collect()
}

fn assert_contents(postgres: &Postgres, database: &str, data: &Dataset) {
    let theirs = contents_in_postgres(postgres, database);
    for ((table, ours), theirs) in schema::TABLES
        .iter()
        .zip(contents_expected(data))
        .zip(theirs)
    {
        assert_eq!(ours, theirs, "{database}: {} counts and sums", table.name);
    }
}

/// The partitions `table` has in `database`, by name.
fn partitions_in_postgres(postgres: &Postgres, database: &str, table: &str) -> BTreeSet<String> {
    let sql = format!(
        "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = '{table}'::regclass"
    );
    let rows = postgres.query(database, &[], &sql).unwrap();
    rows.into_iter()
        .map(|row| row[0].clone().unwrap())
        .collect()
}

/// Every partition the plan made, and only those, exists in `database`.
fn assert_partitions(postgres: &Postgres, database: &str, plan: &[PartitionedTable]) {
    for partitioned in plan {
        let mut expected: BTreeSet<String> = partitioned
            .partitions
            .iter()
            .map(|p| p.name.clone())
            .collect();
        expected.insert(partitioned.default_partition());
        let name = partitioned.table.name;
        assert_eq!(partitions_in_postgres(postgres, database, name), expected);
    }
}

/// Shadows `now()` in `database` with the dataset clock, as the sandbox reads it, for sessions
/// that put `public` before `pg_catalog` (see [`SHADOW_NOW`]).
fn use_dataset_clock(postgres: &Postgres, database: &str, clock: Timestamp) {
    let sql = format!(
        "CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE sql IMMUTABLE \
         AS $$ SELECT TIMESTAMPTZ '{}+00' $$",
        time::format(clock)
    );
    checked(
        postgres.psql(database).args(["-c", &sql]).output().unwrap(),
        "shadowing now()",
    );
}

/// Makes `now()` the shadow [`use_dataset_clock`] created. Per session, since a database's
/// settings do not travel to its copies.
const SHADOW_NOW: &str = "SET search_path = public, pg_catalog";

/// Splits a script into statements at `;` outside quotes, dollar quotes and comments; a piece
/// that holds only comments is not a statement.
fn statements(script: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0; // where the current piece begins
    let mut has_code = false;
    let mut i = 0;
    let rest = |i: usize| &script[i..];
    // The end of what opens at `i`, when something does (a quote, a comment, a dollar quote).
    let skip = |i: usize| -> Option<(usize, bool)> {
        let text = rest(i);
        let close = |opening: usize, closing: &str| {
            text[opening..]
                .find(closing)
                .map_or(script.len(), |at| i + opening + at + closing.len())
        };
        if text.starts_with('\'') || text.starts_with('"') {
            return Some((close(1, &text[..1]), true));
        }
        if text.starts_with("--") {
            return Some((close(2, "\n"), false));
        }
        if text.starts_with("/*") {
            return Some((close(2, "*/"), false));
        }
        let tag = text.strip_prefix('$')?;
        let tag_end = tag.find(|c: char| !(c.is_alphanumeric() || c == '_'))? + 1;
        if text[tag_end..].starts_with('$') {
            let tag = &text[..=tag_end];
            return Some((close(tag.len(), tag), true));
        }
        None
    };
    while i < script.len() {
        if let Some((end, code)) = skip(i) {
            has_code |= code;
            i = end;
            continue;
        }
        let c = rest(i).chars().next().unwrap();
        if c == ';' {
            if has_code {
                out.push(script[start..i].trim().to_owned());
            }
            start = i + 1;
            has_code = false;
        } else if !c.is_whitespace() {
            has_code = true;
        }
        i += c.len_utf8();
    }
    if has_code {
        out.push(script[start..].trim().to_owned());
    }
    out
}

#[test]
fn statements_split_where_postgresql_does() {
    let script = "-- a; comment\nSELECT 'a;b', \"c;\" FROM t; /* x; */ DO $f$ BEGIN; END $f$;\n\
                  SELECT $$;$$;\n-- only a comment;\n";
    assert_eq!(
        statements(script),
        [
            "-- a; comment\nSELECT 'a;b', \"c;\" FROM t",
            "/* x; */ DO $f$ BEGIN; END $f$",
            "SELECT $$;$$",
        ]
    );
}

/// A value as the sandbox prints it: PostgreSQL adds the zone to a `TIMESTAMPTZ`.
fn as_sandbox_prints(value: Option<String>) -> Option<String> {
    value.map(|text| match text.strip_suffix("+00") {
        Some(bare) if time::parse(&text).is_some() => bare.to_owned(),
        _ => text,
    })
}

/// Money to the cent: a value with at most two decimals on both sides must be equal exactly.
fn to_the_cent(ours: &Option<String>, theirs: &Option<String>) -> bool {
    let cents = |value: &Option<String>| {
        let text = value.as_deref()?;
        let decimals = text
            .split_once('.')
            .map_or(0, |(_, fraction)| fraction.len());
        (decimals <= 2).then(|| Decimal::from_str(text).ok())?
    };
    match (cents(ours), cents(theirs)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Both sides sorted by every column (an explicit order, so ties cannot differ), then equal
/// value by value.
fn same_answer(ours: &Rows, theirs: &Rows) -> Result<(), String> {
    let (ours, theirs) = (sorted(ours), sorted(theirs));
    let equal = ours.len() == theirs.len()
        && ours.iter().zip(&theirs).all(|(a, b)| {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(x, y)| same_value(x, y) && to_the_cent(x, y))
        });
    if equal {
        return Ok(());
    }
    let first = |rows: &Rows| format!("{} rows, first {:?}", rows.len(), rows.first());
    Err(format!(
        "sandbox: {}\npostgres: {}",
        first(&ours),
        first(&theirs)
    ))
}

/// Every preset and every guided analysis, by name.
fn scripts() -> Vec<(String, &'static str)> {
    let presets = queries::PRESETS
        .iter()
        .map(|p| (format!("preset {}", p.id), p.sql));
    let analyses = analyses::ANALYSES
        .iter()
        .map(|a| (format!("analysis {}", a.id), a.sql));
    presets.chain(analyses).collect()
}

/// Runs `script` in the sandbox and in PostgreSQL and compares every statement that returns
/// rows. A script that changes data runs on a copy of the database; afterwards every table's
/// count must agree too.
fn compare_script(
    postgres: &Postgres,
    database: &str,
    engine: &mut Engine,
    name: &str,
    script: &str,
) -> Result<usize, String> {
    let pieces = statements(script);
    let ours = engine.run(script).map_err(|e| format!("sandbox: {e}"))?;
    let our_counts = engine.table_counts();
    engine.reset().unwrap();
    assert_eq!(ours.len(), pieces.len(), "{name}: statements");
    // The sandbox's CURRENT_TIMESTAMP is its clock too; PostgreSQL's cannot be shadowed.
    let for_postgres: Vec<String> = pieces
        .iter()
        .map(|s| s.replace("CURRENT_TIMESTAMP", "now()"))
        .collect();
    let writes = ours.iter().any(|result| result.columns.is_empty());
    let target = if writes {
        let copy = format!("{database}_copy");
        postgres.copy_database(database, &copy);
        copy
    } else {
        database.to_owned()
    };
    let mut text = vec![SHADOW_NOW];
    text.extend(for_postgres.iter().map(String::as_str));
    let counts_sql = schema::TABLES
        .iter()
        .map(|t| format!("SELECT '{0}', COUNT(*) FROM {0}", t.name))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    if writes {
        text.push(&counts_sql);
    }
    let theirs = postgres.statements(&target, &text);
    if writes {
        postgres.drop_database(&target);
    }
    let mut theirs = theirs.map_err(|e| format!("postgres: {e}"))?;
    theirs.remove(0);
    if writes {
        let counts = theirs.pop().unwrap();
        for count in our_counts {
            let row = counts
                .iter()
                .find(|row| row[0].as_deref() == Some(&count.table))
                .unwrap();
            if row[1].as_deref() != Some(&count.rows.to_string()) {
                return Err(format!(
                    "{}: {} rows in the sandbox, {:?} in PostgreSQL after the script",
                    count.table, count.rows, row[1]
                ));
            }
        }
    }
    let mut compared = 0;
    for (index, (ours, theirs)) in ours.iter().zip(theirs).enumerate() {
        if ours.columns.is_empty() {
            continue;
        }
        let ours: Rows = ours
            .rows
            .iter()
            .map(|row| row.iter().map(|cell| cell.text()).collect())
            .collect();
        let theirs: Rows = theirs
            .into_iter()
            .map(|row| row.into_iter().map(as_sandbox_prints).collect())
            .collect();
        same_answer(&ours, &theirs).map_err(|why| format!("statement {}: {why}", index + 1))?;
        compared += 1;
    }
    Ok(compared)
}

#[test]
fn export_loads_at_s_and_answers_as_the_sandbox_on_three_seeds() {
    let start = Instant::now();
    let postgres = Postgres::start("export");
    let scripts = scripts();
    let mut failures = Vec::new();
    let mut compared = 0;
    for seed in SEEDS {
        let database = load_folder(&postgres, seed, Scale::S);
        let data = generate::generate(seed, Scale::S);
        assert_contents(&postgres, &database, &data);
        assert_partitions(&postgres, &database, &postgres_export::partitioning(&data));
        use_dataset_clock(&postgres, &database, ANCHOR);
        let mut config = Config::new(seed, Scale::S);
        config.row_cap = usize::MAX;
        let mut engine = Engine::with_data(config, &data).unwrap();
        for (name, script) in &scripts {
            match compare_script(&postgres, &database, &mut engine, name, script) {
                Ok(results) => compared += results,
                Err(why) => failures.push(format!("seed {seed}, {name}: {why}")),
            }
        }
    }
    eprintln!(
        "{} scripts on {} seeds: {compared} results equal to PostgreSQL's ({:.1} s)",
        scripts.len(),
        SEEDS.len(),
        start.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
    // Every preset that returns rows was compared on every seed.
    assert!(compared >= 4 * SEEDS.len(), "{compared} results compared");
}

/// Runs retention.sql with the clock `as_of` and returns the partitions it says it dropped.
fn run_retention(postgres: &Postgres, database: &str, folder: &Path, as_of: Timestamp) -> Rows {
    let output = checked(
        postgres
            .psql(database)
            .args(["--csv", "-v"])
            .arg(format!("as_of={}+00", time::format(as_of)))
            .arg("-f")
            .arg(folder.join("retention.sql"))
            .output()
            .unwrap(),
        "retention.sql",
    );
    let mut rows = parse_csv(&output);
    assert_eq!(
        rows.remove(0),
        ["fact_table", "dropped_partition", "rows_before", "cutoff"].map(|c| Some(c.to_owned()))
    );
    rows
}

#[test]
fn retention_drops_exactly_the_partitions_out_of_policy() {
    let postgres = Postgres::start("retention");
    let folder = export(&postgres, 1, Scale::S, "postgres");
    let database = "retention";
    load(&postgres, database, &folder, &folder.join("load.sql"));
    let data = generate::generate(1, Scale::S);
    let plan = postgres_export::partitioning(&data);
    let at = |text: &str| time::parse(text).unwrap();
    // The dataset clock, whose chat cutoff falls on midnight; 13 hours later, whose does not; a
    // clock that puts the first month of visits out of policy; one that puts every gift out.
    let clocks = [
        ANCHOR,
        ANCHOR + 13 * 3600,
        at("2028-09-21 06:00:00"),
        at("2033-12-01 00:00:00"),
    ];
    let mut dropped_before: BTreeSet<String> = BTreeSet::new();
    let mut dropped_per_table = std::collections::BTreeMap::<&str, usize>::new();
    for as_of in clocks {
        // Expected: every partition that lies entirely before its table's cutoff.
        let mut expected = BTreeSet::new();
        for partitioned in &plan {
            let keep_days = partitioned.table.retention.as_ref().unwrap().keep_days;
            let cutoff = as_of - keep_days * DAY;
            for partition in &partitioned.partitions {
                if partition.to <= cutoff && !dropped_before.contains(&partition.name) {
                    expected.insert((partitioned.table.name.to_owned(), partition.name.clone()));
                    *dropped_per_table.entry(partitioned.table.name).or_default() += 1;
                }
            }
        }
        let said: BTreeSet<(String, String)> = run_retention(&postgres, database, &folder, as_of)
            .into_iter()
            .map(|row| (row[0].clone().unwrap(), row[1].clone().unwrap()))
            .collect();
        assert_eq!(said, expected, "dropped as of {}", time::format(as_of));
        assert!(
            run_retention(&postgres, database, &folder, as_of).is_empty(),
            "a second run with the same clock drops nothing"
        );
        dropped_before.extend(expected.into_iter().map(|(_, name)| name));
        for partitioned in &plan {
            let mut left: BTreeSet<String> = partitioned
                .partitions
                .iter()
                .map(|p| p.name.clone())
                .filter(|name| !dropped_before.contains(name))
                .collect();
            left.insert(partitioned.default_partition());
            let name = partitioned.table.name;
            assert_eq!(partitions_in_postgres(&postgres, database, name), left);
        }

        // The sandbox's purge with the same cutoff, rounded down to the partition boundary.
        let mut config = Config::new(1, Scale::S);
        config.clock = as_of;
        let mut engine = Engine::with_data(config, &data).unwrap();
        for partitioned in &plan {
            let keep_days = partitioned.table.retention.as_ref().unwrap().keep_days;
            let purge = format!(
                "DELETE FROM {} WHERE {} < DATE_TRUNC('{}', NOW() - INTERVAL '{keep_days} days')",
                partitioned.table.name,
                partitioned.time_column,
                partitioned.period.unit()
            );
            engine.run(&purge).unwrap();
        }
        for count in engine.table_counts() {
            let sql = format!("SELECT COUNT(*) FROM {}", count.table);
            let theirs = postgres.query(database, &[], &sql).unwrap();
            assert_eq!(
                theirs[0][0].as_deref(),
                Some(count.rows.to_string().as_str()),
                "{} rows as of {}",
                count.table,
                time::format(as_of)
            );
        }
    }
    eprintln!("partitions dropped over the four clocks: {dropped_per_table:?}");
    // Each fact lost partitions at some clock, so every kind of drop was checked.
    assert_eq!(dropped_per_table.len(), 3, "{dropped_per_table:?}");

    // At a clock off midnight, rows older than the cutoff that share a day with newer ones stay:
    // the row-by-row purge would remove more.
    let mut config = Config::new(1, Scale::S);
    config.clock = ANCHOR + 13 * 3600;
    let mut engine = Engine::with_data(config, &data).unwrap();
    let mut count = |sql: &str| -> i64 {
        let result = engine.query(sql).unwrap();
        result.rows[0][0].text().unwrap().parse().unwrap()
    };
    let exact =
        count("SELECT COUNT(*) FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days'");
    let by_day = count(
        "SELECT COUNT(*) FROM chat_messages \
         WHERE sent_at < DATE_TRUNC('day', NOW() - INTERVAL '30 days')",
    );
    assert!(
        exact > by_day,
        "{exact} rows past the cutoff, {by_day} in whole days"
    );
}

/// The relations a plan reads, from `EXPLAIN (FORMAT JSON)`.
fn relations_read(postgres: &Postgres, database: &str, query: &str) -> BTreeSet<String> {
    let plan = postgres
        .query(database, &[], &format!("EXPLAIN (FORMAT JSON) {query}"))
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(plan[0][0].as_deref().unwrap()).unwrap();
    let mut names = BTreeSet::new();
    let mut nodes = vec![&json];
    while let Some(node) = nodes.pop() {
        match node {
            serde_json::Value::Array(items) => nodes.extend(items),
            serde_json::Value::Object(fields) => {
                if let Some(serde_json::Value::String(name)) = fields.get("Relation Name") {
                    names.insert(name.clone());
                }
                nodes.extend(fields.values());
            }
            _ => {}
        }
    }
    names
}

#[test]
fn a_payout_over_the_last_7_days_reads_only_its_partitions() {
    let postgres = Postgres::start("pruning");
    let folder = export(&postgres, 1, Scale::S, "postgres");
    load(&postgres, "pruning", &folder, &folder.join("load.sql"));
    let data = generate::generate(1, Scale::S);
    let plan = postgres_export::partitioning(&data);
    let clock = format!("TIMESTAMPTZ '{}+00'", time::format(ANCHOR));
    let window =
        |column: &str| format!("{column} >= {clock} - INTERVAL '7 days' AND {column} < {clock}");
    let payout = format!(
        "SELECT c.handle, SUM(g.amount_usd) AS gross_gifts_usd \
         FROM gifts g JOIN streams s ON s.stream_id = g.stream_id \
         JOIN creators c ON c.creator_id = s.creator_id \
         WHERE {} GROUP BY c.handle",
        window("g.sent_at")
    );
    let chat = format!(
        "SELECT COUNT(*) FROM chat_messages WHERE {}",
        window("sent_at")
    );
    for (table, query) in [("gifts", payout), ("chat_messages", chat)] {
        let partitioned = plan.iter().find(|p| p.table.name == table).unwrap();
        let expected: BTreeSet<String> = partitioned
            .partitions
            .iter()
            .filter(|p| p.to > ANCHOR - 7 * DAY && p.from < ANCHOR)
            .map(|p| p.name.clone())
            .collect();
        let read: BTreeSet<String> = relations_read(&postgres, "pruning", &query)
            .into_iter()
            .filter(|name| name.starts_with(table))
            .collect();
        assert_eq!(read, expected, "{table}: partitions in the plan");
        eprintln!(
            "{table}: the last 7 days read {} of {} partitions",
            read.len(),
            partitioned.partitions.len() + 1
        );
    }
}

#[test]
fn the_single_file_loads_the_same_database() {
    let postgres = Postgres::start("single-file");
    let file = export(&postgres, 1, Scale::S, "postgres-file");
    // From another folder: the file needs nothing beside it.
    let seconds = load(&postgres, "single", &std::env::temp_dir(), &file);
    let data = generate::generate(1, Scale::S);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        postgres_export::single_file(&data, 1, Scale::S)
    );
    assert_contents(&postgres, "single", &data);
    assert_partitions(&postgres, "single", &postgres_export::partitioning(&data));
    eprintln!(
        "single file at S: {:.1} MB, loaded in {seconds:.1} s",
        std::fs::metadata(&file).unwrap().len() as f64 / 1e6
    );
}

#[test]
fn export_loads_at_m() {
    // Scale M runs in the release run (`cargo xtask test` sets this), like the M oracles.
    if std::env::var_os("SANDBOX_ORACLE_M").is_none() {
        eprintln!("scale M skipped: set SANDBOX_ORACLE_M=1");
        return;
    }
    let postgres = Postgres::start("export-m");
    let database = load_folder(&postgres, 1, Scale::M);
    let data = generate::generate(1, Scale::M);
    assert_contents(&postgres, &database, &data);
    assert_partitions(&postgres, &database, &postgres_export::partitioning(&data));
}
