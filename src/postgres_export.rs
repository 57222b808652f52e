//! The dataset as a production PostgreSQL database: `TIMESTAMPTZ` and `NUMERIC` columns, keys
//! and foreign keys, facts partitioned by time, the indexes the presets read, and retention by
//! dropping whole partitions.
//!
//! Everything is derived from [`schema::TABLES`]: a fact with a retention rule is partitioned on
//! its time column, finely (by day) when it is kept briefly and by month when it is kept for
//! years, so that retention always drops a small slice of what is kept. Two forms:
//! [`folder`] (CSV files and a `load.sql` that `\copy`s them, plus `retention.sql`) and
//! [`single_file`] (one SQL file with the data inline, which the page offers).

use crate::generate::{Dataset, Scale, GENERATOR_VERSION};
use crate::rows::{self, Datum};
use crate::schema::{self, Table, TABLES};
use crate::time::{self, Timestamp, DAY};

/// Facts kept at most this long are partitioned by day, longer-kept ones by month: a day is 1/30
/// of chat's 30 days, a month 1/24 of the visits' two years.
const DAILY_UP_TO_DAYS: i64 = 92;

/// Partitions reach this far past a fact's last row, so the next days' rows land in a partition
/// of their own rather than in the default one.
const ROOM_AHEAD: i64 = 7 * DAY;

/// Indexes beyond keys and foreign keys, with what reads them.
const QUERY_INDEXES: &[(&str, &str, &str)] = &[(
    "streams",
    "started_at",
    "the payout presets keep the streams of the last 7 days",
)];

/// How finely a fact is partitioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Month,
}

impl Period {
    /// The period a table is partitioned by; `None` for a table that is not partitioned (no
    /// retention rule or no time column to measure it on).
    pub fn of(table: &Table) -> Option<Period> {
        table.time_column?;
        let keep_days = table.retention.as_ref()?.keep_days;
        Some(if keep_days <= DAILY_UP_TO_DAYS {
            Period::Day
        } else {
            Period::Month
        })
    }

    /// The unit as `DATE_TRUNC` names it.
    pub fn unit(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Month => "month",
        }
    }

    /// Start of the period holding `ts`.
    pub fn start(self, ts: Timestamp) -> Timestamp {
        match self {
            Period::Day => ts - ts.rem_euclid(DAY),
            Period::Month => time::month_start(ts, 0),
        }
    }

    /// Start of the period after the one starting at `start`.
    fn next(self, start: Timestamp) -> Timestamp {
        match self {
            Period::Day => start + DAY,
            Period::Month => time::month_start(start, 1),
        }
    }

    /// The partition name's suffix for the period starting at `start`: `p20261025`, `p202610`.
    fn suffix(self, start: Timestamp) -> String {
        let date: String = time::format(start)[..10].replace('-', "");
        match self {
            Period::Day => format!("p{date}"),
            Period::Month => format!("p{}", &date[..6]),
        }
    }
}

/// One range partition: rows with `from <= time < to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    pub name: String,
    pub from: Timestamp,
    pub to: Timestamp,
}

/// A fact table split by time, with the partitions the export creates (besides the default).
#[derive(Debug)]
pub struct PartitionedTable {
    pub table: &'static Table,
    pub time_column: &'static str,
    pub period: Period,
    /// In time order, back to back, from the period of the first row to [`ROOM_AHEAD`] past the
    /// last.
    pub partitions: Vec<Partition>,
}

impl PartitionedTable {
    /// The partition for rows no range partition takes. Retention never drops it.
    pub fn default_partition(&self) -> String {
        format!("{}_default", self.table.name)
    }
}

/// The partitioned facts and their partitions for `data`, in schema order.
pub fn partitioning(data: &Dataset) -> Vec<PartitionedTable> {
    TABLES
        .iter()
        .filter_map(|table| {
            let period = Period::of(table)?;
            let time_column = table.time_column?;
            let index = table.column_index(time_column).expect("time column");
            let times = rows::table_rows(data, table.name)
                .expect("schema table")
                .filter_map(|row| match row[index] {
                    Datum::Timestamp(ts) => Some(ts),
                    _ => None,
                });
            let (first, last) = times.fold((Timestamp::MAX, Timestamp::MIN), |(lo, hi), ts| {
                (lo.min(ts), hi.max(ts))
            });
            let mut partitions = Vec::new();
            if first <= last {
                let mut from = period.start(first);
                while from <= last + ROOM_AHEAD {
                    let to = period.next(from);
                    partitions.push(Partition {
                        name: format!("{}_{}", table.name, period.suffix(from)),
                        from,
                        to,
                    });
                    from = to;
                }
            }
            Some(PartitionedTable {
                table,
                time_column,
                period,
                partitions,
            })
        })
        .collect()
}

/// `ts` as a `TIMESTAMPTZ` literal in UTC.
fn timestamptz(ts: Timestamp) -> String {
    format!("'{}+00'", time::format(ts))
}

fn header(seed: u64, scale: Scale, how_to_run: &str, plan: &[PartitionedTable]) -> String {
    let partitions: String = plan
        .iter()
        .map(|p| {
            format!(
                "--   {} by {} on {}: {} partitions and {}\n",
                p.table.name,
                p.period.unit(),
                p.time_column,
                p.partitions.len(),
                p.default_partition()
            )
        })
        .collect();
    let scale = scale.name();
    format!(
        "-- Livestream sandbox as a production PostgreSQL database: seed {seed}, scale {scale}, \
         generator v{GENERATOR_VERSION}.\n\
         --\n\
         -- {how_to_run}\n\
         -- Needs PostgreSQL 12 or later (tested on 15); loads into an empty database in one\n\
         -- transaction, so a failed load leaves nothing behind.\n\
         --\n\
         -- Timestamps are TIMESTAMPTZ and were recorded in UTC; money is NUMERIC(12,2). The facts\n\
         -- are partitioned by time, each with a default partition for rows outside every range:\n\
         {partitions}\
         -- The partitions reach a week past the last row: create the coming ones ahead of time.\n\
         --\n\
         -- Retention: SELECT * FROM enforce_retention(as_of) drops every partition whose rows are\n\
         -- all older than as_of minus its table's keep_days in retention_policies, and lists them.\n\
         -- The clock is an argument, never read implicitly: pass now() in production, and\n\
         -- '2026-11-01 00:00:00+00' (the sandbox's dataset clock) to match its answers. A\n\
         -- partition is dropped only when it lies entirely before the cutoff, so rows older than\n\
         -- the cutoff but sharing a partition with newer ones stay until a later run; the sandbox's\n\
         -- equivalent is DELETE ... WHERE time < DATE_TRUNC(period, as_of - keep_days).\n\
         -- The sandbox's NOW() is its dataset clock; here now() is the real one, so queries\n\
         -- copied from the sandbox answer as of today unless you put the clock in them.\n\n\
         \\set ON_ERROR_STOP on\n\
         SET client_min_messages = warning;\n\
         SET timezone = 'UTC';\n\
         BEGIN;\n\n"
    )
}

/// `CREATE TABLE`s (columns only: keys come after the load, which is faster and checks them in
/// one pass) and the partitions.
fn tables(plan: &[PartitionedTable]) -> String {
    let mut out = String::new();
    for table in TABLES {
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|column| format!("    {}", schema::postgres_column(column, "TIMESTAMPTZ")))
            .collect();
        let partitioned = plan.iter().find(|p| p.table.name == table.name);
        let by = partitioned.map_or(String::new(), |p| {
            format!(" PARTITION BY RANGE ({})", p.time_column)
        });
        out.push_str(&format!(
            "-- {}\nCREATE TABLE {} (\n{}\n){by};\n",
            table.grain,
            table.name,
            columns.join(",\n")
        ));
        if let Some(partitioned) = partitioned {
            for partition in &partitioned.partitions {
                out.push_str(&format!(
                    "CREATE TABLE {} PARTITION OF {} FOR VALUES FROM ({}) TO ({});\n",
                    partition.name,
                    table.name,
                    timestamptz(partition.from),
                    timestamptz(partition.to)
                ));
            }
            out.push_str(&format!(
                "CREATE TABLE {} PARTITION OF {} DEFAULT;\n",
                partitioned.default_partition(),
                table.name
            ));
        }
        out.push('\n');
    }
    out
}

/// The columns of `table`'s keys in PostgreSQL: on a partitioned table a key must contain the
/// partition column, so it is added there.
fn key_columns(columns: &[&str], plan: &[PartitionedTable], table: &Table) -> String {
    let mut columns = columns.to_vec();
    if let Some(partitioned) = plan.iter().find(|p| p.table.name == table.name) {
        if !columns.contains(&partitioned.time_column) {
            columns.push(partitioned.time_column);
        }
    }
    columns.join(", ")
}

fn keys_and_indexes(plan: &[PartitionedTable]) -> String {
    let mut out = String::from(
        "-- Keys, after the load. On a partitioned fact PostgreSQL checks uniqueness within a\n\
         -- partition, so its keys carry the time column too.\n",
    );
    for table in TABLES {
        out.push_str(&format!(
            "ALTER TABLE {} ADD PRIMARY KEY ({});\n",
            table.name,
            key_columns(table.primary_key, plan, table)
        ));
        for column in table.columns.iter().filter(|c| c.unique) {
            out.push_str(&format!(
                "ALTER TABLE {} ADD UNIQUE ({});\n",
                table.name,
                key_columns(&[column.name], plan, table)
            ));
        }
    }
    out.push('\n');
    let mut indexes = String::from(
        "-- Indexes: every foreign key (joins to dimensions, and deleting a dimension row checks\n\
         -- them) and every fact's time column (ranges inside a partition), plus what the presets\n\
         -- filter on.\n",
    );
    for table in TABLES {
        for column in table.columns {
            if let Some((other, key)) = column.references {
                out.push_str(&format!(
                    "ALTER TABLE {} ADD FOREIGN KEY ({}) REFERENCES {other} ({key});\n",
                    table.name, column.name
                ));
                // A key that starts with the column serves as its index already.
                if table.primary_key.first() != Some(&column.name) {
                    indexes.push_str(&index(table.name, column.name));
                }
            }
        }
    }
    for partitioned in plan {
        indexes.push_str(&index(partitioned.table.name, partitioned.time_column));
    }
    for (table, column, why) in QUERY_INDEXES {
        indexes.push_str(&format!("-- {why}\n{}", index(table, column)));
    }
    out.push('\n');
    out.push_str(&indexes);
    out
}

fn index(table: &str, column: &str) -> String {
    format!("CREATE INDEX {table}_{column}_idx ON {table} ({column});\n")
}

/// The retention function. It reads the partitions from the catalog, so it keeps working as
/// partitions are added; `datestyle` is pinned because it reads their bounds back from text.
const RETENTION_FUNCTION: &str = r#"-- Retention: drops every partition of a table in retention_policies whose upper bound is at
-- or before as_of - keep_days, so no row is deleted one by one and every row it drops is out of
-- policy. Returns (and announces) each dropped partition. The default partition is never
-- dropped; out-of-policy rows in it are reported as a warning. In production, call it from a
-- daily job with now(); on a busy database, DETACH PARTITION ... CONCURRENTLY first.
CREATE FUNCTION enforce_retention(as_of timestamptz)
RETURNS TABLE (fact_table text, dropped_partition text, rows_before timestamptz, cutoff timestamptz)
LANGUAGE plpgsql
SET datestyle = 'ISO, YMD'
AS $$
DECLARE
    policy record;
    part record;
    stale bigint;
BEGIN
    IF as_of IS NULL THEN
        RAISE EXCEPTION 'enforce_retention needs the clock: pass now() or a timestamp';
    END IF;
    FOR policy IN
        SELECT r.table_name, r.keep_days, c.oid AS parent, c.relkind
        FROM retention_policies r
        LEFT JOIN pg_class c ON c.oid = to_regclass(r.table_name)
        ORDER BY r.table_name
    LOOP
        IF policy.relkind IS DISTINCT FROM 'p' THEN
            RAISE WARNING 'retention: % is not a partitioned table; nothing dropped', policy.table_name;
            CONTINUE;
        END IF;
        cutoff := as_of - make_interval(days => policy.keep_days::int);
        FOR part IN
            SELECT child.relname::text AS name,
                   (regexp_match(pg_get_expr(child.relpartbound, child.oid),
                                 'TO \(''([^'']*)''\)'))[1]::timestamptz AS upper_bound
            FROM pg_inherits i
            JOIN pg_class child ON child.oid = i.inhrelid
            WHERE i.inhparent = policy.parent
            ORDER BY 2 NULLS LAST
        LOOP
            IF part.upper_bound IS NULL THEN
                EXECUTE format('SELECT count(*) FROM %I WHERE %s < $1', part.name,
                               substring(pg_get_partkeydef(policy.parent) FROM '\((.*)\)'))
                    INTO stale USING cutoff;
                IF stale > 0 THEN
                    RAISE WARNING 'retention: % holds % rows before %; add partitions for them so they can be dropped',
                        part.name, stale, cutoff;
                END IF;
                CONTINUE;
            END IF;
            CONTINUE WHEN part.upper_bound > cutoff;
            EXECUTE format('DROP TABLE %I', part.name);
            RAISE NOTICE 'retention: dropped % (rows before %; % keeps % days, cutoff %)',
                part.name, part.upper_bound, policy.table_name, policy.keep_days, cutoff;
            fact_table := policy.table_name;
            dropped_partition := part.name;
            rows_before := part.upper_bound;
            RETURN NEXT;
        END LOOP;
    END LOOP;
END
$$;

"#;

const FOOTER: &str = "COMMIT;\n\nANALYZE;\n";

/// Builds the script; `load` writes the statements that fill one table.
fn script(
    data: &Dataset,
    seed: u64,
    scale: Scale,
    how_to_run: &str,
    load: impl Fn(&'static Table) -> String,
) -> String {
    let plan = partitioning(data);
    let mut out = header(seed, scale, how_to_run, &plan);
    out.push_str(&tables(&plan));
    out.push_str("-- Data, in load order.\n");
    for table in TABLES {
        out.push_str(&load(table));
    }
    out.push('\n');
    out.push_str(&keys_and_indexes(&plan));
    out.push('\n');
    out.push_str(RETENTION_FUNCTION);
    out.push_str(FOOTER);
    out
}

fn column_list(table: &Table) -> String {
    let names: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
    names.join(", ")
}

/// The file name of [`single_file`]'s script.
pub fn single_file_name(seed: u64, scale: Scale) -> String {
    format!("livestream-sandbox-seed{seed}-{}.sql", scale.name())
}

/// One SQL file: schema, the data inline as `COPY ... FROM stdin` blocks, keys, indexes and the
/// retention function. Run with `psql -d DB -f FILE`.
pub fn single_file(data: &Dataset, seed: u64, scale: Scale) -> String {
    let how = format!(
        "Run: createdb livestream && psql -d livestream -f {}",
        single_file_name(seed, scale)
    );
    script(data, seed, scale, &how, |table| {
        // Row by row, so no second copy of a table is held.
        let table_rows = rows::table_rows(data, table.name).expect("schema table");
        format!(
            "COPY {} ({}) FROM stdin WITH (FORMAT csv, HEADER true);\n{}\\.\n",
            table.name,
            column_list(table),
            rows::to_csv(table, table_rows)
        )
    })
}

/// What runs retention from psql with the clock as a variable.
const RETENTION_SCRIPT: &str = r#"-- Enforces retention_policies as of a clock you give (see enforce_retention in load.sql):
--   psql -d livestream -v as_of='2026-11-01 00:00:00+00' -f retention.sql   (the dataset clock)
--   psql -d livestream -v as_of=now -f retention.sql                        (production)
-- Lists every partition it drops; running it again with the same clock drops nothing more.
\set ON_ERROR_STOP on
\if :{?as_of}
SELECT * FROM enforce_retention(:'as_of');
\else
DO $$ BEGIN RAISE EXCEPTION 'give the clock: psql -v as_of=now -f retention.sql'; END $$;
\endif
"#;

/// The files of `sandbox export --format postgres`, as (name, contents): one CSV per table,
/// `load.sql` (run from that folder: `\copy` reads paths relative to psql's working directory)
/// and `retention.sql`.
pub fn folder(data: &Dataset, seed: u64, scale: Scale) -> Vec<(String, String)> {
    let how = "Run from this folder: createdb livestream && psql -d livestream -f load.sql";
    let load = script(data, seed, scale, how, |table| {
        format!(
            "\\copy {} ({}) FROM '{}.csv' WITH (FORMAT csv, HEADER true)\n",
            table.name,
            column_list(table),
            table.name
        )
    });
    let mut files = rows::csv_files(data);
    files.push(("load.sql".to_owned(), load));
    files.push(("retention.sql".to_owned(), RETENTION_SCRIPT.to_owned()));
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{generate, ANCHOR};

    #[test]
    fn chat_by_day_and_the_long_kept_facts_by_month() {
        let period = |name| Period::of(schema::table(name).unwrap());
        assert_eq!(period("chat_messages"), Some(Period::Day));
        assert_eq!(period("gifts"), Some(Period::Month));
        assert_eq!(period("viewer_sessions"), Some(Period::Month));
        assert_eq!(period("streams"), None);
        assert_eq!(period("retention_policies"), None);
    }

    #[test]
    fn partitions_are_back_to_back_and_hold_every_row_with_a_week_to_spare() {
        let data = generate(1, Scale::S);
        let plan = partitioning(&data);
        assert_eq!(plan.len(), 3);
        for partitioned in &plan {
            let parts = &partitioned.partitions;
            for pair in parts.windows(2) {
                assert_eq!(pair[0].to, pair[1].from, "{}", pair[1].name);
            }
            for part in parts {
                assert_eq!(
                    partitioned.period.start(part.from),
                    part.from,
                    "{}",
                    part.name
                );
            }
            let index = partitioned
                .table
                .column_index(partitioned.time_column)
                .unwrap();
            let mut last = Timestamp::MIN;
            for row in rows::table_rows(&data, partitioned.table.name).unwrap() {
                let Datum::Timestamp(ts) = row[index] else {
                    panic!("time column")
                };
                assert!(parts[0].from <= ts, "{} before the first partition", ts);
                last = last.max(ts);
            }
            assert!(parts.last().unwrap().to > last + ROOM_AHEAD);
        }
        let chat = &plan.iter().find(|p| p.period == Period::Day).unwrap();
        // 90 days of data and a week ahead.
        assert!((97..=99).contains(&chat.partitions.len()));
        assert!(chat
            .partitions
            .iter()
            .any(|p| p.name == "chat_messages_p20261025"
                && time::format(p.from) == "2026-10-25 00:00:00"));
        assert_eq!(time::format(ANCHOR), "2026-11-01 00:00:00");
    }

    #[test]
    fn month_partitions_are_named_by_month() {
        let start = time::parse("2026-10-01").unwrap();
        assert_eq!(Period::Month.suffix(start), "p202610");
        assert_eq!(
            time::format(Period::Month.next(start)),
            "2026-11-01 00:00:00"
        );
        assert_eq!(Period::Day.suffix(start), "p20261001");
    }

    #[test]
    fn query_indexes_name_real_columns() {
        for (table, column, _) in QUERY_INDEXES {
            assert!(schema::table(table).unwrap().column(column).is_some());
        }
    }
}
