//! The SQL engine: GlueSQL over our storage, loaded with generated data, answering one statement
//! at a time with typed results and errors a person can act on.

use crate::constraints::{self, TableRules};
use crate::error::EngineError;
use crate::generate::{self, Dataset, Scale};
use crate::names;
use crate::pipeline::{self, Backend, Relation};
use crate::reads;
use crate::rows::{self, Datum};
use crate::scan;
use crate::schema::{self, SqlType, Table};
use crate::sql::{self, Context, ValueKind};
use crate::storage::{self, SandboxStorage, BUDGET_EXCEEDED, FUNCTION_ERROR};
use crate::time::Timestamp;
use crate::timestamptz::{self, Zone};
use gluesql::core::ast::{ColumnDef, ColumnUniqueOption, DataType};
use gluesql::core::chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike};
use gluesql::core::data::{Interval, Key, Schema, Value};
use gluesql::core::error::Error as GlueError;
use gluesql::core::executor::Payload;
use gluesql::core::store::{AlterTable, Planner, Store, StoreMut};
use gluesql::core::translate::translate_with_params;
use serde::Serialize;
use sqlparser::ast::{
    AssignmentTarget, CreateTable, Ident, ObjectName, Query, SetExpr, Statement, Visitor,
};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::ControlFlow;
use std::rc::Rc;

/// Rows a result shows before it is truncated (the true total is still reported).
pub const DEFAULT_ROW_CAP: usize = 10_000;
/// Rows one statement may read from storage before it is stopped. The heaviest preset reads
/// well under a million at scale M; a join without a condition reads billions.
pub const DEFAULT_ROW_BUDGET: u64 = 50_000_000;

/// How to build and run an engine.
#[derive(Debug, Clone)]
pub struct Config {
    pub seed: u64,
    pub scale: Scale,
    /// What `NOW()` returns.
    pub clock: Timestamp,
    pub row_cap: usize,
    pub row_budget: u64,
}

impl Config {
    pub fn new(seed: u64, scale: Scale) -> Config {
        Config {
            seed,
            scale,
            clock: generate::ANCHOR,
            row_cap: DEFAULT_ROW_CAP,
            row_budget: DEFAULT_ROW_BUDGET,
        }
    }
}

/// A result column: its name and the type of its values (`NULL` when every value is null).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultColumn {
    pub name: String,
    #[serde(rename = "type")]
    pub type_name: String,
}

/// One value of a result. Exact numbers (decimals) and dates travel as text so nothing is rounded
/// on the way to the user.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Null,
    Bool(bool),
    #[serde(serialize_with = "exact_int")]
    Int(i64),
    #[serde(serialize_with = "finite_float")]
    Float(f64),
    Text(String),
}

/// Integers a JavaScript number cannot hold exactly travel as text.
fn exact_int<S: serde::Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
    const SAFE: i64 = (1 << 53) - 1;
    if (-SAFE..=SAFE).contains(value) {
        serializer.serialize_i64(*value)
    } else {
        serializer.serialize_str(&value.to_string())
    }
}

/// `NaN` and infinities travel as PostgreSQL's text for them, never as JSON `null` (which would
/// read as SQL NULL).
fn finite_float<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.is_finite() {
        serializer.serialize_f64(*value)
    } else {
        serializer.serialize_str(&format_float(*value))
    }
}

impl Cell {
    /// The value as PostgreSQL would print it; `None` for NULL.
    pub fn text(&self) -> Option<String> {
        match self {
            Cell::Null => None,
            Cell::Bool(value) => Some(value.to_string()),
            Cell::Int(value) => Some(value.to_string()),
            Cell::Float(value) => Some(format_float(*value)),
            Cell::Text(value) => Some(value.clone()),
        }
    }
}

/// The outcome of one statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryResult {
    /// PostgreSQL's command tag, e.g. `SELECT 12` or `DELETE 65000`.
    pub command: String,
    pub columns: Vec<ResultColumn>,
    pub rows: Vec<Vec<Cell>>,
    /// Rows the statement returned or changed, before truncation.
    pub total_rows: usize,
    pub truncated: bool,
    /// Rows read from storage: what the statement cost.
    pub rows_read: u64,
}

/// Rows per table, for the schema browser.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableCount {
    pub table: String,
    pub rows: usize,
}

pub struct Engine {
    config: Config,
    storage: SandboxStorage,
    /// Tables holding the steps of the statement being run; dropped when it ends.
    steps: Vec<String>,
    /// The views and column rules as they were at `BEGIN`, restored by `ROLLBACK` (the storage
    /// keeps its own undo log for the tables).
    transaction: Option<(BTreeMap<String, View>, HashMap<String, TableRules>)>,
    views: BTreeMap<String, View>,
    /// Column rules GlueSQL does not keep, by table (see `constraints`).
    rules: HashMap<String, TableRules>,
    /// The [`LATE`] tables, not loaded yet (the chat not even made).
    deferred: Option<Deferred>,
    /// Statements and steps GlueSQL's executor ran, rather than `scan` reading them in place.
    executed_by_gluesql: u64,
    /// Statements other than queries run so far: any of them may change the views and rules.
    changes: u64,
    /// What statements are checked and prepared against, while it is current (see `described`).
    described: Option<Described>,
}

/// The catalog and column types of the tables and views, made from the storage's schemas, the
/// views and the rules as they were after `made_at`: the storage's writes and the engine's
/// changes then. A statement reads them rather than making them anew (they were ~10% of a
/// short query's time); any write or statement other than a query makes them stale.
struct Described {
    made_at: (u64, u64),
    catalog: Rc<names::Catalog>,
    column_types: Rc<HashMap<String, ValueKind>>,
    timestamptz: Rc<Vec<String>>,
}

/// What it takes to load the [`LATE`] tables later, exactly as an eager load would have.
struct Deferred {
    /// The dataset but the chat, which is generated from it.
    data: Dataset,
    /// Keys of every table but the chat (the late ones as generated), for reference checks.
    loaded_keys: LoadedKeys,
}

const CHAT: &str = "chat_messages";

/// Tables loaded only before the first statement that could see them: the chat is most of the
/// rows, and the seed payout (the page's usual first statement) reads none of these.
const LATE: [&str; 6] = [
    "stream_categories",
    "viewers",
    "gift_catalog",
    "gift_prices",
    CHAT,
    "retention_policies",
];

/// A view: the query as written, prepared afresh at each use so `NOW()` reads the clock of
/// the moment.
#[derive(Clone)]
struct View {
    query: Query,
    /// The column names given in `CREATE VIEW v (a, b)`, if any.
    renamed: Vec<Ident>,
    /// Every column's name, as queries see it.
    columns: Vec<String>,
}

/// Names of step tables start with this; they never outlive a statement.
const STEP_PREFIX: &str = "__step_";

impl Engine {
    /// Generates the dataset for `config` and loads it; the [`LATE`] tables are loaded (the chat
    /// made) before the first statement that could see them (see [`Engine::load_late`]).
    pub fn new(config: Config) -> Result<Engine, EngineError> {
        let mut engine = Engine::empty(config);
        engine.load_deferring_late()?;
        Ok(engine)
    }

    /// Loads an already generated dataset (its seed and scale are taken from `config`).
    pub fn with_data(config: Config, data: &Dataset) -> Result<Engine, EngineError> {
        let mut engine = Engine::empty(config);
        engine.load(data)?;
        Ok(engine)
    }

    fn empty(config: Config) -> Engine {
        Engine {
            config,
            storage: SandboxStorage::default(),
            steps: Vec::new(),
            transaction: None,
            views: BTreeMap::new(),
            rules: HashMap::new(),
            deferred: None,
            executed_by_gluesql: 0,
            changes: 0,
            described: None,
        }
    }

    fn load_deferring_late(&mut self) -> Result<(), EngineError> {
        let data = generate::generate_all_but_chat(self.config.seed, self.config.scale);
        let loaded_keys = self.load_tables(&data, |table| !LATE.contains(&table.name))?;
        self.deferred = Some(Deferred { data, loaded_keys });
        Ok(())
    }

    /// Makes the chat and loads the [`LATE`] tables if they are still deferred. Until then every
    /// statement has been a query, so the other tables are still as generated and the load is
    /// the same as at start. A load that fails leaves them empty and deferred, so every
    /// statement that needs them fails the same.
    #[inline(never)]
    pub fn load_late(&mut self) -> Result<(), EngineError> {
        let Some(mut deferred) = self.deferred.take() else {
            return Ok(());
        };
        deferred.data.chat_messages = generate::chat_messages_of(&deferred.data);
        let loaded = LATE.iter().try_for_each(|&name| {
            let table = schema::table(name).expect("late tables are schema tables");
            let rows = rows::table_rows(&deferred.data, name).expect("every schema table has rows");
            self.load_rows(table, rows, &mut deferred.loaded_keys)
        });
        if loaded.is_err() {
            for name in LATE {
                self.storage.replace_rows(name, BTreeMap::new());
            }
            deferred.data.chat_messages = Vec::new();
            self.deferred = Some(deferred);
        }
        loaded
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Moves the dataset clock (`NOW()`); the data stays as it is.
    pub fn set_clock(&mut self, clock: Timestamp) {
        self.config.clock = clock;
    }

    pub fn set_row_cap(&mut self, row_cap: usize) {
        self.config.row_cap = row_cap;
    }

    /// Back to the freshly generated database: user tables gone, changes undone. The old storage
    /// is dropped before the new one is built so memory does not hold both.
    pub fn reset(&mut self) -> Result<(), EngineError> {
        self.storage = SandboxStorage::default();
        self.transaction = None;
        self.views.clear();
        self.rules.clear();
        self.deferred = None;
        // The new storage counts its writes from zero again.
        self.described = None;
        self.load_deferring_late()
    }

    /// How many statements and steps GlueSQL's executor has run because `scan` could not read
    /// them in place: both give the same answer, the in-place one far sooner, so tests use this
    /// to keep the guided analyses and presets on the fast path.
    pub fn executed_by_gluesql(&self) -> u64 {
        self.executed_by_gluesql
    }

    /// Frees what dropped and rolled-back tables held. Running the next script does it first;
    /// a host with idle time (the page's worker, once an answer is posted) calls it then, so
    /// the answer does not wait for it.
    pub fn release(&mut self) {
        self.storage.release();
    }

    /// Inside a transaction, the tables a `ROLLBACK` would restore and how many rows it keeps
    /// for each: only what was written is kept.
    pub fn kept_for_rollback(&self) -> Vec<(String, usize)> {
        self.storage.kept_for_rollback()
    }

    pub fn table_counts(&self) -> Vec<TableCount> {
        let mut names: Vec<&String> = self.storage.inner.items.keys().collect();
        names.sort();
        names
            .into_iter()
            .map(|name| TableCount {
                table: name.clone(),
                rows: match &self.deferred {
                    Some(deferred) if name == CHAT => deferred.data.scale.counts().chat_messages,
                    Some(deferred) if LATE.contains(&name.as_str()) => {
                        rows::row_count(&deferred.data, name).expect("late tables have rows")
                    }
                    _ => self.storage.row_count(name).unwrap_or(0),
                },
            })
            .collect()
    }

    /// Runs every statement in `sql`, one at a time, and returns one result per statement. The
    /// first error stops the rest; statements before it have taken effect.
    pub fn run(&mut self, sql: &str) -> Result<Vec<QueryResult>, EngineError> {
        self.run_observed(sql, || {})
    }

    /// [`Engine::run`], calling `finished` as each statement ends: the caller, who owns a clock,
    /// times the statements of a script one by one.
    pub fn run_observed(
        &mut self,
        sql: &str,
        mut finished: impl FnMut(),
    ) -> Result<Vec<QueryResult>, EngineError> {
        self.release();
        let statements = sql::parse(sql)?;
        if statements.is_empty() {
            return Err(EngineError::Syntax {
                message: "there is no statement to run".to_owned(),
                line: None,
                column: None,
            });
        }
        statements
            .into_iter()
            .enumerate()
            .map(|(index, statement)| {
                let outcome = self.run_statement(sql, index, statement);
                finished();
                outcome
            })
            .collect()
    }

    /// Runs the statement at `index` of the script `sql`.
    fn run_statement(
        &mut self,
        sql: &str,
        index: usize,
        statement: Statement,
    ) -> Result<QueryResult, EngineError> {
        let query = matches!(statement, Statement::Query(_));
        let outcome = self.check_and_run(sql, index, statement);
        if !query {
            self.changes += 1;
        }
        outcome
    }

    /// [`Engine::run_statement`]: checks the statement's names, then prepares and runs it.
    fn check_and_run(
        &mut self,
        sql: &str,
        index: usize,
        mut statement: Statement,
    ) -> Result<QueryResult, EngineError> {
        if !reads_none_of(&statement, &LATE) {
            self.load_late()?;
        }
        let context = self.context();
        let described = self.described();
        let (catalog, described_at) = (Rc::clone(&described.catalog), described.made_at);
        names::check(&statement, &catalog).map_err(|error| {
            let position = names::locate(sql, index, &error);
            EngineError::Name {
                message: error.message,
                hint: error.hint,
                line: position.map(|(line, _)| line),
                column: position.map(|(_, column)| column),
            }
        })?;
        if let Statement::CreateView { .. } = statement {
            return self.create_view(statement);
        }
        // Which result columns are TIMESTAMPTZ is read from the query as written.
        let zones = match &statement {
            Statement::Query(query) => self
                .zones()
                .of_query(query)
                .map(|zones| ((**query).clone(), zones)),
            Statement::CreateTable(CreateTable {
                query: Some(query), ..
            }) if self.zones().reads_timestamptz(query) => {
                return Err(sql::unsupported(
                    "CREATE TABLE ... AS a query that reads a TIMESTAMPTZ",
                    "CREATE TABLE with the columns declared, then INSERT ... SELECT",
                ))
            }
            _ => None,
        };
        let new_rules = self.take_rules(&mut statement)?;
        sql::prepare(&mut statement, &context)?;
        self.storage.start_budget(self.config.row_budget);
        let query = matches!(statement, Statement::Query(_));
        let outcome = self.checked_write(statement);
        self.drop_steps();
        if query {
            self.still_described(described_at);
        }
        let outcome = match (outcome, zones) {
            (Ok(result), Some((query, zones))) => self.zones().apply(&query, &zones, result),
            (outcome, _) => outcome,
        };
        if let (Ok(_), Some((table, rules))) = (&outcome, new_rules) {
            self.rules.insert(table, rules);
        }
        outcome
    }

    /// Runs exactly one statement and returns its result.
    pub fn query(&mut self, sql: &str) -> Result<QueryResult, EngineError> {
        let mut results = self.run(sql)?;
        match results.len() {
            1 => Ok(results.remove(0)),
            n => Err(EngineError::Usage {
                message: format!("expected one statement, found {n}"),
            }),
        }
    }

    /// The tables and views a statement may name, with their columns.
    fn zones(&self) -> timestamptz::Zones<'_> {
        timestamptz::Zones {
            timestamptz: self
                .rules
                .iter()
                .filter(|(_, rules)| !rules.timestamptz.is_empty())
                .map(|(table, rules)| (table.clone(), rules.timestamptz.clone()))
                .collect(),
            backend: self,
        }
    }

    /// The catalog and column types (see [`Described`]), made anew only when stale.
    fn described(&mut self) -> &Described {
        let made_at = (self.storage.writes(), self.changes);
        if self.described.as_ref().is_none_or(|d| d.made_at != made_at) {
            self.described = Some(Described {
                made_at,
                catalog: Rc::new(self.catalog()),
                column_types: Rc::new(self.column_types()),
                timestamptz: Rc::new(
                    self.rules
                        .values()
                        .flat_map(|rules| rules.timestamptz.iter().cloned())
                        .collect(),
                ),
            });
        }
        self.described.as_ref().expect("made above")
    }

    /// After a query: it wrote nothing but its steps, dropped by now, so the tables are as they
    /// were when it started; a description made then still holds.
    fn still_described(&mut self, made_at: (u64, u64)) {
        let now = (self.storage.writes(), self.changes);
        if let Some(described) = self.described.as_mut().filter(|d| d.made_at == made_at) {
            described.made_at = now;
        }
    }

    fn context(&mut self) -> Context {
        let clock = self.config.clock;
        let described = self.described();
        Context {
            clock,
            column_types: Rc::clone(&described.column_types),
            timestamptz: Rc::clone(&described.timestamptz),
        }
    }

    fn catalog(&self) -> names::Catalog {
        let schemas = || self.storage.inner.items.values().map(|item| &item.schema);
        let mut single_keys = Vec::new();
        for schema in schemas() {
            let primary = schema
                .column_defs
                .iter()
                .flatten()
                .find(|def| def.unique.as_ref().is_some_and(|unique| unique.is_primary));
            if let Some(def) = primary {
                single_keys.push((
                    schema.table_name.to_ascii_lowercase(),
                    vec![def.name.clone()],
                ));
            }
        }
        let tables = schemas().map(|schema| {
            let columns = (schema.column_defs.as_ref())
                .map(|defs| defs.iter().map(|def| def.name.clone()).collect());
            (schema.table_name.to_ascii_lowercase(), columns)
        });
        let views = self
            .views
            .iter()
            .map(|(name, view)| (name.to_ascii_lowercase(), Some(view.columns.clone())));
        // Composite keys are kept among the rules, single-column ones by GlueSQL.
        let composite = self.rules.iter().filter_map(|(table, rules)| {
            let (key, _) = rules.unique.iter().find(|(_, primary)| *primary)?;
            Some((table.to_ascii_lowercase(), key.clone()))
        });
        let keys: BTreeMap<String, Vec<String>> =
            single_keys.into_iter().chain(composite).collect();
        names::Catalog {
            tables: tables.chain(views).collect(),
            keys,
        }
    }

    /// Column name to its type, for every column name with one type across all tables.
    fn column_types(&self) -> HashMap<String, ValueKind> {
        let schemas = self.storage.inner.items.values().map(|item| &item.schema);
        let mut column_types: HashMap<String, ValueKind> = HashMap::new();
        let mut conflicting = HashSet::new();
        let columns = schemas.flat_map(|schema| {
            let zoned = self.rules.get(&schema.table_name).map(|r| &r.timestamptz);
            schema
                .column_defs
                .iter()
                .flatten()
                .map(move |column| (column, zoned.is_some_and(|z| z.contains(&column.name))))
        });
        for (column, zoned) in columns {
            let kind = match column.data_type {
                DataType::Timestamp if zoned => ValueKind::Timestamp(Zone::Tz),
                DataType::Timestamp => ValueKind::Timestamp(Zone::Plain),
                DataType::Interval => ValueKind::Interval,
                DataType::Int8
                | DataType::Int16
                | DataType::Int32
                | DataType::Int
                | DataType::Int128
                | DataType::Uint8
                | DataType::Uint16
                | DataType::Uint32
                | DataType::Uint64
                | DataType::Uint128 => ValueKind::Integer,
                DataType::Float32 | DataType::Float | DataType::Decimal => ValueKind::Number,
                DataType::Boolean => ValueKind::Boolean,
                _ => ValueKind::Other,
            };
            let name = column.name.to_ascii_lowercase();
            let known = column_types.entry(name.clone()).or_insert(kind);
            match (*known, kind) {
                (a, b) if a == b => {}
                // A timestamp in every table, with a zone in some: which one is meant is unknown.
                (ValueKind::Timestamp(_), ValueKind::Timestamp(_)) => {
                    *known = ValueKind::Timestamp(Zone::Unknown)
                }
                _ => {
                    conflicting.insert(name);
                }
            }
        }
        for name in conflicting {
            column_types.remove(&name);
        }
        column_types
    }

    /// Runs one prepared statement: queries through the pipeline, a statement that reads a
    /// query (`INSERT ... SELECT`, `CREATE TABLE ... AS`) from that query's computed rows, since
    /// GlueSQL plans hash joins only for a query of its own.
    fn statement(&mut self, statement: Statement) -> Result<QueryResult, EngineError> {
        match statement {
            Statement::Query(mut query) => {
                // Answered as written, the rows past those shown may be counted, not copied.
                if pipeline::answered_as_written(self, &mut query) {
                    let shown = Some(self.config.row_cap);
                    let mut statement = Statement::Query(query);
                    let translated = translate(&mut statement)?;
                    let (payload, uncopied) =
                        self.execute_translated(Cow::Owned(translated), &statement, shown)?;
                    return Ok(self.select_result(relation(payload), uncopied));
                }
                let relation = pipeline::evaluate(self, *query)?;
                Ok(self.select_result(relation, 0))
            }
            other => self.other_statement(other),
        }
    }

    /// [`Engine::statement`] of anything but a query; out of line (see
    /// [`Engine::checked_write_to`]).
    #[inline(never)]
    fn other_statement(&mut self, statement: Statement) -> Result<QueryResult, EngineError> {
        match statement {
            Statement::Insert(mut insert) => {
                if let Some(source) = insert.source.as_mut() {
                    self.computed_source(source)?;
                }
                self.execute(Statement::Insert(insert))
            }
            Statement::CreateTable(mut create) => {
                let step = match create.query.as_mut() {
                    Some(source) => self.computed_source(source)?,
                    None => None,
                };
                let target = table_name(&create.name);
                // The computed rows already sit in a table of the right columns: it becomes the
                // new table rather than being copied into it.
                if let Some(step) = step.filter(|_| {
                    create.columns.is_empty()
                        && matches!(self.storage.fetch_schema(&target), Ok(None))
                }) {
                    self.storage
                        .rename_schema(&step, &target)
                        .map_err(glue_error)?;
                    self.steps.retain(|name| *name != step);
                    return Ok(self.tag("CREATE TABLE"));
                }
                self.execute(Statement::CreateTable(create))
            }
            // The storage keeps what each write replaces; views and rules are small enough to
            // copy whole.
            Statement::StartTransaction { .. } => {
                if self.transaction.is_none() {
                    self.transaction = Some((self.views.clone(), self.rules.clone()));
                    self.storage.begin();
                }
                Ok(self.tag("BEGIN"))
            }
            Statement::Commit { .. } => {
                self.transaction = None;
                self.storage.commit();
                Ok(self.tag("COMMIT"))
            }
            Statement::Rollback {
                savepoint: None, ..
            } => {
                if let Some((views, rules)) = self.transaction.take() {
                    self.views = views;
                    self.rules = rules;
                    self.storage.rollback();
                }
                Ok(self.tag("ROLLBACK"))
            }
            // Accepted so PostgreSQL scripts run; every lookup here is a scan or a hash join.
            Statement::CreateIndex(create) => {
                let table = create.table_name.to_string();
                if self
                    .storage
                    .fetch_schema(&table)
                    .map_err(glue_error)?
                    .is_none()
                {
                    return Err(EngineError::Execution {
                        message: format!("relation \"{table}\" does not exist"),
                    });
                }
                Ok(self.tag("CREATE INDEX"))
            }
            Statement::Drop {
                object_type: sqlparser::ast::ObjectType::View,
                names,
                if_exists,
                ..
            } => self.drop_views(&names, if_exists),
            // GlueSQL would answer a bare "SHOW" for some of these, or print the statement back.
            Statement::ShowFunctions { .. }
            | Statement::ShowVariable { .. }
            | Statement::ShowStatus { .. }
            | Statement::ShowVariables { .. }
            | Statement::ShowCreate { .. }
            | Statement::ShowColumns { .. }
            | Statement::ShowDatabases { .. }
            | Statement::ShowSchemas { .. }
            | Statement::ShowTables { .. }
            | Statement::ShowViews { .. }
            | Statement::ShowCollation { .. } => Err(crate::sql::unsupported(
                "SHOW",
                "every table, its columns, keys and row count are in the schema panel; a table's columns: SELECT * FROM t LIMIT 0",
            )),
            Statement::Explain { .. } | Statement::ExplainTable { .. } => {
                Err(crate::sql::unsupported(
                    "EXPLAIN",
                    "run the query: the line above its results gives the time it took and the rows it read",
                ))
            }
            Statement::Truncate { .. } => Err(crate::sql::unsupported(
                "TRUNCATE",
                "DELETE FROM t empties a table (Reset data brings the rows back)",
            )),
            other => self.execute(other),
        }
    }

    /// Rules of a new table, taken out of its `CREATE TABLE`; serial numbers for an `INSERT`, and
    /// the timestamp texts an `INSERT` or `UPDATE` writes read as PostgreSQL reads them.
    fn take_rules(
        &mut self,
        statement: &mut Statement,
    ) -> Result<Option<(String, TableRules)>, EngineError> {
        match statement {
            Statement::CreateTable(_) | Statement::Insert(_) | Statement::Update { .. } => {
                self.write_rules(statement)
            }
            _ => Ok(None),
        }
    }

    /// [`Engine::take_rules`] of the statements that have any; out of line (see
    /// [`Engine::checked_write_to`]).
    #[inline(never)]
    fn write_rules(
        &mut self,
        statement: &mut Statement,
    ) -> Result<Option<(String, TableRules)>, EngineError> {
        match statement {
            Statement::CreateTable(create) => {
                let mut rules = constraints::take_rules(create)?;
                for reference in &mut rules.references {
                    if reference.target_column.is_empty() {
                        reference.target_column = self
                            .primary_key_of(&reference.target)
                            .ok_or_else(|| EngineError::Execution {
                                message: format!(
                                    "there is no primary key for referenced table \"{}\"",
                                    reference.target
                                ),
                            })?;
                    }
                }
                Ok(Some((written_table(statement).unwrap_or_default(), rules)))
            }
            Statement::Insert(_) | Statement::Update { .. } => {
                let table = written_table(statement).unwrap_or_default();
                let columns = self.columns(&table).unwrap_or_default();
                let (timestamptz, timestamp) = self.timestamp_columns(&table);
                match statement {
                    Statement::Insert(insert) => {
                        if let Some(rules) = self.rules.get_mut(&table) {
                            constraints::number_serials(insert, rules)?;
                        }
                        timestamptz::insert_literals(insert, &timestamptz, &timestamp, &columns)?;
                    }
                    Statement::Update { assignments, .. } => {
                        let written = assignments.iter_mut().filter_map(|assignment| {
                            match &assignment.target {
                                AssignmentTarget::ColumnName(name) => Some((
                                    &mut assignment.value,
                                    name.0.last().map(pipeline::identifier_name)?,
                                )),
                                AssignmentTarget::Tuple(_) => None,
                            }
                        });
                        timestamptz::written_literals(written, &timestamptz, &timestamp)?;
                    }
                    _ => {}
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// A table's `TIMESTAMPTZ` columns and its `TIMESTAMP` columns.
    fn timestamp_columns(&self, table: &str) -> (Vec<String>, Vec<String>) {
        let timestamptz = self
            .rules
            .get(table)
            .map_or_else(Vec::new, |rules| rules.timestamptz.clone());
        let timestamp = self
            .storage
            .inner
            .items
            .get(table)
            .and_then(|item| item.schema.column_defs.as_ref())
            .into_iter()
            .flatten()
            .filter(|def| def.data_type == DataType::Timestamp && !timestamptz.contains(&def.name))
            .map(|def| def.name.clone())
            .collect();
        (timestamptz, timestamp)
    }

    fn primary_key_of(&self, table: &str) -> Option<String> {
        if let Some((columns, _)) = self
            .rules
            .get(table)
            .and_then(|rules| rules.unique.iter().find(|(_, primary)| *primary))
        {
            return columns.first().cloned();
        }
        let schema = self
            .storage
            .inner
            .items
            .get(table)?
            .schema
            .column_defs
            .as_ref()?;
        schema
            .iter()
            .find(|def| def.unique.as_ref().is_some_and(|unique| unique.is_primary))
            .map(|def| def.name.clone())
    }

    /// Runs a statement; when it writes a table with rules, checks them afterwards and undoes
    /// the write if one is broken.
    fn checked_write(&mut self, statement: Statement) -> Result<QueryResult, EngineError> {
        match written_table(&statement) {
            Some(table) => self.checked_write_to(table, statement),
            None => self.statement(statement),
        }
    }

    /// [`Engine::checked_write`] of a statement that writes `table`. Out of line, as are the
    /// other steps a query does not take (see ARCHITECTURE.md, "A fresh page's first answer").
    #[inline(never)]
    fn checked_write_to(
        &mut self,
        table: String,
        statement: Statement,
    ) -> Result<QueryResult, EngineError> {
        if let Statement::Drop { .. } = statement {
            if let Some(from) = self
                .rules
                .values()
                .flat_map(|rules| &rules.references)
                .filter(|reference| reference.target == table && reference.table != table)
                // The first by name: the rules' map has no order of its own.
                .min_by(|a, b| a.table.cmp(&b.table))
            {
                return Err(EngineError::Execution {
                    message: format!(
                        "cannot drop table {table} because table {} refers to it",
                        from.table
                    ),
                });
            }
            let outcome = self.statement(statement);
            if outcome.is_ok() {
                self.rules.remove(&table);
            }
            return outcome;
        }
        // Only what the write can break: new rows can point at nothing (INSERT, UPDATE), and
        // removed rows can leave others pointing at nothing (DELETE, UPDATE). A purge of chat
        // checks nothing; a DELETE of streams checks what refers to streams.
        let (adds, removes) = match statement {
            Statement::Insert(_) => (true, false),
            Statement::Delete(_) => (false, true),
            _ => (true, true),
        };
        // An UPDATE changes only the columns it assigns: a rule on the others still holds.
        let assigned = updated_columns(&statement);
        let changes = |column: &String| assigned.as_ref().is_none_or(|a| a.contains(column));
        let mut references: Vec<constraints::Reference> = self
            .rules
            .values()
            .flat_map(|rules| &rules.references)
            .filter(|reference| {
                (adds && reference.table == table && changes(&reference.column))
                    || (removes && reference.target == table && changes(&reference.target_column))
            })
            .cloned()
            .collect();
        // In one order, so a write that breaks several references always names the same one.
        references.sort_by(|a, b| (&a.table, &a.column).cmp(&(&b.table, &b.column)));
        let own = self
            .rules
            .get(&table)
            .filter(|rules| adds && rules.checked_columns().any(changes))
            .cloned();
        if own.is_none() && references.is_empty() {
            return self.statement(statement);
        }
        let before = self
            .storage
            .inner
            .items
            .get(&table)
            .map(|item| item.rows.clone());
        let outcome = self.statement(statement)?;
        let checked = self.check_rules(&table, own.as_ref(), &references);
        if let Err(error) = checked {
            if let (Some(rows), Some(table)) = (before, self.storage.rows_mut(&table)) {
                *table = rows;
            }
            return Err(error);
        }
        Ok(outcome)
    }

    fn check_rules(
        &mut self,
        table: &str,
        own: Option<&TableRules>,
        references: &[constraints::Reference],
    ) -> Result<(), EngineError> {
        let columns_of = |storage: &SandboxStorage, name: &str| -> Vec<String> {
            storage
                .inner
                .items
                .get(name)
                .and_then(|item| item.schema.column_defs.as_ref())
                .map(|defs| defs.iter().map(|def| def.name.clone()).collect())
                .unwrap_or_default()
        };
        if let Some(rules) = own {
            let columns = columns_of(&self.storage, table);
            if let Some(rows) = self.storage.rows_mut(table) {
                constraints::check_columns(table, rules, constraints::Rows { columns, rows })?;
            }
        }
        let mut tables: HashMap<String, (Vec<String>, Vec<&Vec<Value>>)> = HashMap::new();
        for name in references.iter().flat_map(|r| [&r.table, &r.target]) {
            if tables.contains_key(name) {
                continue;
            }
            if let Some(item) = self.storage.inner.items.get(name) {
                tables.insert(
                    name.clone(),
                    (
                        columns_of(&self.storage, name),
                        item.rows.values().collect(),
                    ),
                );
            }
        }
        let references: Vec<&constraints::Reference> = references.iter().collect();
        constraints::check_references(&references, &tables, table)
    }

    #[inline(never)]
    fn create_view(&mut self, statement: Statement) -> Result<QueryResult, EngineError> {
        let Statement::CreateView {
            or_replace,
            materialized,
            name,
            columns,
            query,
            ..
        } = statement
        else {
            unreachable!("called for CREATE VIEW")
        };
        if materialized {
            return Err(sql::unsupported(
                "CREATE MATERIALIZED VIEW",
                "use CREATE TABLE ... AS SELECT",
            ));
        }
        let name = table_name(&name);
        if self
            .storage
            .fetch_schema(&name)
            .map_err(glue_error)?
            .is_some()
            || (self.views.contains_key(&name) && !or_replace)
        {
            return Err(EngineError::Execution {
                message: format!("relation \"{name}\" already exists"),
            });
        }
        let columns: Vec<Ident> = columns.into_iter().map(|column| column.name).collect();
        // Checked now, as PostgreSQL checks a view when it is created.
        let mut check = Statement::Query(query.clone());
        sql::prepare(&mut check, &self.context())?;
        self.storage.start_budget(self.config.row_budget);
        let Statement::Query(check) = check else {
            unreachable!("prepared a query")
        };
        let outcome = pipeline::query(self, *check);
        self.drop_steps();
        let relation = outcome?;
        if columns.len() > relation.columns.len() {
            return Err(EngineError::Execution {
                message: "CREATE VIEW specifies more column names than columns".to_owned(),
            });
        }
        let names = columns
            .iter()
            .map(|ident| ident.value.clone())
            .chain(relation.columns.into_iter().skip(columns.len()))
            .collect();
        let view = View {
            query: *query,
            renamed: columns,
            columns: names,
        };
        self.views.insert(name, view);
        Ok(self.tag("CREATE VIEW"))
    }

    fn drop_views(
        &mut self,
        names: &[sqlparser::ast::ObjectName],
        if_exists: bool,
    ) -> Result<QueryResult, EngineError> {
        for name in names {
            let key = table_name(name);
            if self.views.remove(&key).is_none() && !if_exists {
                return Err(EngineError::Execution {
                    message: format!("view \"{key}\" does not exist"),
                });
            }
        }
        Ok(self.tag("DROP VIEW"))
    }

    fn tag(&self, command: &str) -> QueryResult {
        QueryResult {
            command: command.to_owned(),
            columns: Vec::new(),
            rows: Vec::new(),
            total_rows: 0,
            truncated: false,
            rows_read: 0,
        }
    }

    fn computed_source(&mut self, source: &mut Box<Query>) -> Result<Option<String>, EngineError> {
        let joins = match source.body.as_ref() {
            SetExpr::Select(select) => {
                select.from.len() > 1 || select.from.iter().any(|from| !from.joins.is_empty())
            }
            _ => false,
        };
        if joins
            || pipeline::needs_steps(&**source)
            || !pipeline::views_read(self, &**source).is_empty()
        {
            let relation = pipeline::query(self, (**source).clone())?;
            let table = self.materialize(relation)?;
            **source = pipeline::select_all_from(&table);
            return Ok(Some(table));
        }
        Ok(None)
    }

    /// Hands one statement to GlueSQL.
    fn execute(&mut self, mut statement: Statement) -> Result<QueryResult, EngineError> {
        let payload = self.execute_payload(&mut statement)?;
        Ok(self.result(payload))
    }

    fn execute_payload(&mut self, statement: &mut Statement) -> Result<Payload, EngineError> {
        let translated = translate(statement)?;
        let (payload, _) = self.execute_translated(Cow::Owned(translated), statement, None)?;
        Ok(payload)
    }

    /// Runs a statement [`translate`] made of `statement`; GlueSQL's executor takes it whole, so
    /// one that is run again is copied only then. Beside the answer, how many of its rows past
    /// the first `shown` were counted and not copied (see [`scan::run`]).
    fn execute_translated(
        &mut self,
        translated: Cow<gluesql::core::ast::Statement>,
        statement: &Statement,
        shown: Option<usize>,
    ) -> Result<(Payload, usize), EngineError> {
        let result = match scan::run(&mut self.storage, &translated, shown) {
            Some(result) => result,
            None => self
                .execute_in_gluesql(translated.into_owned(), statement)?
                .map(|payload| (payload, 0)),
        };
        result.map_err(|error| match error {
            GlueError::StorageMsg(message) if message == BUDGET_EXCEEDED => EngineError::Stopped {
                rows_read: self.storage.rows_read(),
                budget: self.config.row_budget,
            },
            other => glue_error(other),
        })
    }

    /// What [`scan::run`] leaves to GlueSQL's planner and executor; out of line (see
    /// [`Engine::checked_write_to`]).
    #[inline(never)]
    fn execute_in_gluesql(
        &mut self,
        translated: gluesql::core::ast::Statement,
        statement: &Statement,
    ) -> Result<Result<Payload, GlueError>, EngineError> {
        self.executed_by_gluesql += 1;
        let plan = self.storage.plan(translated.into()).map_err(glue_error)?;
        self.storage.read_only(reads::named_columns(statement));
        let result = gluesql::core::executor::execute(&mut self.storage, &plan);
        self.storage.read_only(None);
        Ok(result)
    }

    fn drop_steps(&mut self) {
        for table in std::mem::take(&mut self.steps) {
            let _ = self.storage.delete_schema(&table);
        }
    }

    /// The answer to a query: its first rows, up to the row cap, and the count of all of them
    /// (`uncopied` more than `relation` holds).
    fn select_result(&self, relation: Relation, uncopied: usize) -> QueryResult {
        let Relation { columns, rows } = relation;
        let total_rows = rows.len() + uncopied;
        let mut types: Vec<Option<String>> = vec![None; columns.len()];
        let shown: Vec<Vec<Cell>> = rows
            .into_iter()
            .take(self.config.row_cap)
            .map(|row| {
                row.into_iter()
                    .enumerate()
                    .map(|(i, value)| {
                        if types[i].is_none() && value != Value::Null {
                            types[i] = Some(type_name(&value).to_owned());
                        }
                        cell(value)
                    })
                    .collect()
            })
            .collect();
        QueryResult {
            command: format!("SELECT {total_rows}"),
            columns: columns
                .into_iter()
                .zip(types)
                .map(|(name, type_name)| ResultColumn {
                    name,
                    type_name: type_name.unwrap_or_else(|| "NULL".to_owned()),
                })
                .collect(),
            truncated: total_rows > shown.len(),
            rows: shown,
            total_rows,
            rows_read: self.storage.rows_read(),
        }
    }

    fn result(&self, payload: Payload) -> QueryResult {
        let rows_read = self.storage.rows_read();
        let tag = |command: &str, count: Option<usize>| QueryResult {
            command: match count {
                Some(count) => format!("{command} {count}"),
                None => command.to_owned(),
            },
            columns: Vec::new(),
            rows: Vec::new(),
            total_rows: count.unwrap_or(0),
            truncated: false,
            rows_read,
        };
        match payload {
            Payload::Select { labels, rows } => self.select_result(
                Relation {
                    columns: labels,
                    rows,
                },
                0,
            ),
            Payload::Insert(n) => tag("INSERT 0", Some(n)),
            Payload::Delete(n) => tag("DELETE", Some(n)),
            Payload::Update(n) => tag("UPDATE", Some(n)),
            Payload::Create => tag("CREATE TABLE", None),
            Payload::DropTable(_) => tag("DROP TABLE", None),
            Payload::AlterTable => tag("ALTER TABLE", None),
            Payload::CreateIndex => tag("CREATE INDEX", None),
            Payload::DropIndex => tag("DROP INDEX", None),
            Payload::StartTransaction => tag("BEGIN", None),
            Payload::Commit => tag("COMMIT", None),
            Payload::Rollback => tag("ROLLBACK", None),
            Payload::DropFunction => tag("DROP FUNCTION", None),
            Payload::ShowColumns(columns) => QueryResult {
                command: format!("SHOW {}", columns.len()),
                columns: vec![
                    ResultColumn {
                        name: "column".to_owned(),
                        type_name: "TEXT".to_owned(),
                    },
                    ResultColumn {
                        name: "type".to_owned(),
                        type_name: "TEXT".to_owned(),
                    },
                ],
                total_rows: columns.len(),
                rows: columns
                    .into_iter()
                    .map(|(name, data_type)| {
                        vec![Cell::Text(name), Cell::Text(data_type.to_string())]
                    })
                    .collect(),
                truncated: false,
                rows_read,
            },
            Payload::SelectMap(_) | Payload::ShowVariable(_) => tag("SHOW", None),
        }
    }

    /// Creates every table and writes the rows through the storage API after our own checks:
    /// types and NULLs per column, unique keys and columns, and references to loaded keys.
    /// Returns the keys of the loaded tables.
    fn load(&mut self, data: &Dataset) -> Result<LoadedKeys, EngineError> {
        self.load_tables(data, |_| true)
    }

    /// Creates every schema table and loads the rows of those `now` picks. The keys of the others
    /// are taken from their generated rows, so references to them are checked as if loaded.
    fn load_tables(
        &mut self,
        data: &Dataset,
        now: impl Fn(&Table) -> bool,
    ) -> Result<LoadedKeys, EngineError> {
        // Keys of loaded tables, for reference checks: hash lookups are several times faster
        // than probing the storage's B-trees.
        let mut loaded_keys = HashMap::new();
        for table in schema::TABLES {
            self.storage
                .insert_schema(&engine_schema(table))
                .map_err(glue_error)?;
            let rows = rows::table_rows(data, table.name).expect("every schema table has rows");
            if now(table) {
                self.load_rows(table, rows, &mut loaded_keys)?;
            } else if let [key] = table.primary_key {
                loaded_keys.insert(table.name, generated_keys(table, key, rows)?);
            }
        }
        // The dataset's own references hold for what users write too, as in PostgreSQL.
        for table in schema::TABLES {
            let references = table.columns.iter().filter_map(|column| {
                let (target, target_column) = column.references?;
                Some(constraints::Reference {
                    table: table.name.to_owned(),
                    column: column.name.to_owned(),
                    target: target.to_owned(),
                    target_column: target_column.to_owned(),
                })
            });
            let rules = self.rules.entry(table.name.to_owned()).or_default();
            rules.references.extend(references);
        }
        Ok(loaded_keys)
    }

    /// Checks a created table's rows and writes them; a keyed table's keys join `loaded_keys`.
    fn load_rows(
        &mut self,
        table: &'static Table,
        rows: impl Iterator<Item = Vec<Datum>>,
        loaded_keys: &mut LoadedKeys,
    ) -> Result<(), EngineError> {
        let checked = check_rows(table, rows, loaded_keys)?;
        let [key] = table.primary_key else {
            return self
                .storage
                .append_data(table.name, checked)
                .map_err(glue_error);
        };
        let keyed = keyed_rows(table, key, checked)?;
        loaded_keys.insert(table.name, key_set(&keyed));
        self.storage.replace_rows(table.name, keyed);
        Ok(())
    }
}

/// The keys of a table loaded later, for checking references to it now.
#[inline(never)]
fn generated_keys(
    table: &Table,
    key: &str,
    rows: impl Iterator<Item = Vec<Datum>>,
) -> Result<KeySet, EngineError> {
    let index = table.column_index(key).expect("key column");
    let mut ids: Vec<i64> = rows
        .filter_map(|row| match row[index] {
            Datum::Int(id) => Some(id),
            _ => None,
        })
        .collect();
    let generated = ids.len();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != generated {
        return Err(load_error(table, format!("duplicate values of {key}")));
    }
    Ok(KeySet::new(ids))
}

/// A table's checked rows by their one-column key. Out of line, as are the other loops over
/// every row of a load (see ARCHITECTURE.md, "A fresh page's first answer").
#[inline(never)]
fn keyed_rows(
    table: &Table,
    key: &str,
    checked: Vec<Vec<Value>>,
) -> Result<BTreeMap<Key, Vec<Value>>, EngineError> {
    let index = table.column_index(key).expect("key column");
    let count = checked.len();
    // Built in one go from key order, much faster than inserting row by row.
    let mut pairs = Vec::with_capacity(count);
    for row in checked {
        pairs.push((Key::try_from(&row[index]).map_err(glue_error)?, row));
    }
    let keyed = storage::keyed(pairs);
    if keyed.len() != count {
        return Err(load_error(table, format!("duplicate values of {key}")));
    }
    Ok(keyed)
}

#[inline(never)]
fn key_set(keyed: &BTreeMap<Key, Vec<Value>>) -> KeySet {
    let ids = keyed.keys().filter_map(|key| match key {
        Key::I64(id) => Some(*id),
        _ => None,
    });
    KeySet::new(ids.collect())
}

/// The engine's schema of a dataset table, built directly rather than by parsing its `CREATE
/// TABLE`: opening a sandbox then never runs the SQL parser, whose first use in a fresh page
/// costs compiling it. Keys beyond one column and references are checked by our loader, since
/// the engine cannot express them.
fn engine_schema(table: &Table) -> Schema {
    let single_key = match table.primary_key {
        [key] => Some(*key),
        _ => None,
    };
    let column_defs = table
        .columns
        .iter()
        .map(|column| {
            let is_primary = Some(column.name) == single_key;
            ColumnDef {
                name: column.name.to_owned(),
                data_type: match column.sql_type {
                    SqlType::Int => DataType::Int,
                    SqlType::Text => DataType::Text,
                    SqlType::Decimal => DataType::Decimal,
                    SqlType::Timestamp => DataType::Timestamp,
                    SqlType::Boolean => DataType::Boolean,
                },
                nullable: column.nullable && !is_primary,
                default: None,
                unique: (is_primary || column.unique).then_some(ColumnUniqueOption { is_primary }),
                comment: None,
            }
        })
        .collect();
    Schema {
        table_name: table.name.to_owned(),
        column_defs: Some(column_defs),
        indexes: Vec::new(),
        engine: None,
        foreign_keys: Vec::new(),
        comment: None,
    }
}

/// Whether `statement` is a query that names none of `tables`: it changes nothing and cannot
/// read them (views are created by statements that are not queries).
fn reads_none_of(statement: &Statement, tables: &[&str]) -> bool {
    struct Names<'a>(&'a [&'a str]);
    impl Visitor for Names<'_> {
        type Break = ();
        fn pre_visit_relation(&mut self, name: &ObjectName) -> ControlFlow<()> {
            match name.0.last() {
                Some(last) if self.0.iter().any(|t| last.value.eq_ignore_ascii_case(t)) => {
                    ControlFlow::Break(())
                }
                _ => ControlFlow::Continue(()),
            }
        }
        // A write nested in a query.
        fn pre_visit_statement(&mut self, _: &Statement) -> ControlFlow<()> {
            ControlFlow::Break(())
        }
    }
    matches!(statement, Statement::Query(query) if crate::walk::walk(query, &mut Names(tables)).is_continue())
}

fn load_error(table: &Table, message: String) -> EngineError {
    EngineError::Execution {
        message: format!("loading {}: {message}", table.name),
    }
}

/// Checks rows against the table's description and converts them to engine values. Single-column
/// keys are checked when the rows are keyed; natural keys of several columns here.
#[inline(never)]
fn check_rows(
    table: &Table,
    rows: impl Iterator<Item = Vec<Datum>>,
    loaded_keys: &LoadedKeys,
) -> Result<Vec<Vec<Value>>, EngineError> {
    let natural_key: Vec<usize> = match table.primary_key {
        [_] => Vec::new(),
        columns => columns
            .iter()
            .map(|key| table.column_index(key).expect("key column"))
            .collect(),
    };
    let mut seen_keys: HashSet<Vec<Datum>> = HashSet::new();
    let mut seen_unique: Vec<HashSet<String>> = vec![HashSet::new(); table.columns.len()];
    // Each column's referenced keys, looked up once rather than by name for every cell.
    let targets: Vec<Option<(&str, &KeySet)>> = table
        .columns
        .iter()
        .map(|column| {
            let (other, _) = column.references?;
            Some((other, loaded_keys.get(other).unwrap_or(&NO_KEYS)))
        })
        .collect();
    let mut checked = Vec::with_capacity(rows.size_hint().0);
    for row in rows {
        checked.push(check_row(
            table,
            row,
            &targets,
            &natural_key,
            &mut seen_keys,
            &mut seen_unique,
        )?);
    }
    Ok(checked)
}

/// One row of [`check_rows`]; out of line (see ARCHITECTURE.md, "A fresh page's first answer").
#[inline(never)]
fn check_row(
    table: &Table,
    row: Vec<Datum>,
    targets: &[Option<(&str, &KeySet)>],
    natural_key: &[usize],
    seen_keys: &mut HashSet<Vec<Datum>>,
    seen_unique: &mut [HashSet<String>],
) -> Result<Vec<Value>, EngineError> {
    if row.len() != table.columns.len() {
        return Err(load_error(table, format!("row has {} values", row.len())));
    }
    if !natural_key.is_empty() {
        let key: Vec<Datum> = natural_key.iter().map(|&i| row[i].clone()).collect();
        if !seen_keys.insert(key) {
            return Err(load_error(table, "duplicate key".to_owned()));
        }
    }
    // Sized up front: collecting a fallible iterator would start small and grow.
    let mut values = Vec::with_capacity(row.len());
    for (i, (datum, column)) in row.into_iter().zip(table.columns).enumerate() {
        if let (Some((other, ids)), Datum::Int(id)) = (targets[i], &datum) {
            if !ids.contains(*id) {
                return Err(load_error(
                    table,
                    format!("{} = {id} refers to no {other} row", column.name),
                ));
            }
        }
        if column.unique {
            if let Datum::Text(text) = &datum {
                if !seen_unique[i].insert(text.clone()) {
                    return Err(load_error(
                        table,
                        format!("duplicate {} {text:?}", column.name),
                    ));
                }
            }
        }
        values.push(
            to_value(datum, column.sql_type, column.nullable)
                .ok_or_else(|| load_error(table, format!("bad value for {}", column.name)))?,
        );
    }
    Ok(values)
}

/// Keys of a loaded table, for reference checks.
type LoadedKeys = HashMap<&'static str, KeySet>;

/// A table's integer keys, sorted and distinct. Generated keys run 1, 2, 3, ..., so a lookup is
/// usually a range check: no hashing for each of the hundreds of thousands of references.
struct KeySet {
    ids: Vec<i64>,
    /// The keys are every integer from the first to the last.
    dense: bool,
}

/// The keys of a table not loaded: every reference to it is broken.
static NO_KEYS: KeySet = KeySet {
    ids: Vec::new(),
    dense: false,
};

impl KeySet {
    fn new(ids: Vec<i64>) -> KeySet {
        let dense = match (ids.first(), ids.last()) {
            (Some(first), Some(last)) => last.checked_sub(*first) == Some(ids.len() as i64 - 1),
            _ => false,
        };
        KeySet { ids, dense }
    }

    fn contains(&self, id: i64) -> bool {
        match (self.dense, self.ids.first(), self.ids.last()) {
            (true, Some(first), Some(last)) => (*first..=*last).contains(&id),
            _ => self.ids.binary_search(&id).is_ok(),
        }
    }
}

fn to_value(datum: Datum, sql_type: SqlType, nullable: bool) -> Option<Value> {
    let value = match (datum, sql_type) {
        (Datum::Null, _) if nullable => Value::Null,
        (Datum::Int(value), SqlType::Int) => Value::I64(value),
        (Datum::Text(value), SqlType::Text) => Value::Str(value),
        (Datum::Decimal(value), SqlType::Decimal) => Value::Decimal(value),
        (Datum::Bool(value), SqlType::Boolean) => Value::Bool(value),
        (Datum::Timestamp(value), SqlType::Timestamp) => {
            Value::Timestamp(DateTime::from_timestamp(value, 0)?.naive_utc())
        }
        _ => return None,
    };
    Some(value)
}

/// GlueSQL's error as the user should read it: PostgreSQL's words where they exist, never the
/// name of the GlueSQL stage that failed ("evaluate: ", "translate: ").
/// An operation that left its type's range, as PostgreSQL names it.
fn out_of_range(error: gluesql::core::error::ValueError) -> String {
    use gluesql::core::error::ValueError;
    let ValueError::BinaryOperationOverflow { lhs, rhs, .. } = error else {
        return error.to_string();
    };
    match (lhs, rhs) {
        (Value::Decimal(_), _) | (_, Value::Decimal(_)) => {
            "numeric value out of range: a NUMERIC here holds 28 significant digits".to_owned()
        }
        (Value::F32(_) | Value::F64(_), _) | (_, Value::F32(_) | Value::F64(_)) => {
            "value out of range: overflow".to_owned()
        }
        (Value::I64(_), _) => "bigint out of range".to_owned(),
        _ => "integer out of range".to_owned(),
    }
}

fn invalid_input(data_type: &DataType, text: &str) -> String {
    let type_name = match data_type {
        DataType::Boolean => "boolean".to_owned(),
        DataType::Int => "bigint".to_owned(),
        DataType::Float => "double precision".to_owned(),
        DataType::Decimal => "numeric".to_owned(),
        DataType::Timestamp => "timestamp".to_owned(),
        other => other.to_string().to_lowercase(),
    };
    format!("invalid input syntax for type {type_name}: \"{text}\"")
}

fn glue_error(error: GlueError) -> EngineError {
    use gluesql::core::error::{EvaluateError, TranslateError, ValueError};
    let message = match error {
        GlueError::StorageMsg(message) if message.starts_with(FUNCTION_ERROR) => {
            message[FUNCTION_ERROR.len()..].to_owned()
        }
        GlueError::Evaluate(EvaluateError::DivisorShouldNotBeZero) => "division by zero".to_owned(),
        GlueError::Value(value) if matches!(*value, ValueError::DivisorShouldNotBeZero) => {
            "division by zero".to_owned()
        }
        GlueError::Value(value) if matches!(*value, ValueError::BinaryOperationOverflow { .. }) => {
            out_of_range(*value)
        }
        // Text that does not read as the type it is cast to, in PostgreSQL's words.
        GlueError::Value(value)
            if matches!(&*value, ValueError::ConvertFailed { value: Value::Str(_), .. }) =>
        {
            let ValueError::ConvertFailed {
                value: Value::Str(text),
                data_type,
            } = *value
            else {
                unreachable!("matched above")
            };
            invalid_input(&data_type, &text)
        }
        GlueError::Evaluate(
            EvaluateError::TextCastFailed { literal, data_type }
            | EvaluateError::TextParseFailed { literal, data_type },
        ) => invalid_input(&data_type, &literal),
        GlueError::Evaluate(
            EvaluateError::FunctionRequiresStringValue(name)
            | EvaluateError::FunctionRequiresIntegerValue(name)
            | EvaluateError::FunctionRequiresFloatValue(name)
            | EvaluateError::FunctionRequiresFloatOrIntegerValue(name)
            | EvaluateError::FunctionRequiresIntegerOrStringValue(name)
            | EvaluateError::FunctionRequiresDateOrDateTimeValue(name),
        ) => format!(
            "function {}() does not accept an argument of this type. Cast the argument to the type it takes, e.g. {}(x::text) or {}(x::numeric)",
            name.to_lowercase(),
            name.to_lowercase(),
            name.to_lowercase()
        ),
        GlueError::Translate(TranslateError::UnsupportedExpr(expr)) => {
            return crate::sql::unsupported(
                &expr,
                "write it with the operators and functions PostgreSQL and the sandbox share (CASE, COALESCE, IN, EXISTS, ...)",
            )
        }
        other => {
            let text = other.to_string();
            // "stage: message": the stage means nothing to the user.
            match text.split_once(": ") {
                Some((stage, rest)) if stage.chars().all(|c| c.is_ascii_lowercase() || c == '-') => {
                    rest.to_owned()
                }
                _ => text,
            }
        }
    };
    EngineError::Execution { message }
}

/// The columns an UPDATE assigns, by name; `None` for any other statement.
fn updated_columns(statement: &Statement) -> Option<Vec<String>> {
    let Statement::Update { assignments, .. } = statement else {
        return None;
    };
    let names = assignments
        .iter()
        .flat_map(|assignment| match &assignment.target {
            AssignmentTarget::ColumnName(name) => std::slice::from_ref(name),
            AssignmentTarget::Tuple(names) => names.as_slice(),
        });
    Some(
        names
            .filter_map(|name| name.0.last().map(pipeline::identifier_name))
            .collect(),
    )
}

/// The table a statement writes, if it writes one.
fn written_table(statement: &Statement) -> Option<String> {
    let name = match statement {
        Statement::Insert(insert) => &insert.table_name,
        Statement::CreateTable(create) => &create.name,
        Statement::Update { table, .. } => match &table.relation {
            sqlparser::ast::TableFactor::Table { name, .. } => name,
            _ => return None,
        },
        Statement::Delete(delete) => match &delete.from {
            sqlparser::ast::FromTable::WithFromKeyword(from)
            | sqlparser::ast::FromTable::WithoutKeyword(from) => match &from.first()?.relation {
                sqlparser::ast::TableFactor::Table { name, .. } => name,
                _ => return None,
            },
        },
        Statement::Drop {
            object_type: sqlparser::ast::ObjectType::Table,
            names,
            ..
        } => names.first()?,
        _ => return None,
    };
    Some(table_name(name))
}

/// A table's or view's name as the engine keys it.
fn table_name(name: &sqlparser::ast::ObjectName) -> String {
    match name.0.as_slice() {
        [only] => pipeline::identifier_name(only),
        _ => name.to_string(),
    }
}

/// The type of a value as our results name it.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Bool(_) => "BOOLEAN",
        Value::I8(_) | Value::I16(_) | Value::I32(_) | Value::I64(_) | Value::I128(_) => "INT",
        Value::U8(_) | Value::U16(_) | Value::U32(_) | Value::U64(_) | Value::U128(_) => "INT",
        Value::F32(_) | Value::F64(_) => "FLOAT",
        Value::Decimal(_) => "DECIMAL",
        Value::Str(_) => "TEXT",
        Value::Bytea(_) => "BYTEA",
        Value::Inet(_) => "INET",
        Value::Date(_) => "DATE",
        Value::Timestamp(_) => "TIMESTAMP",
        Value::Time(_) => "TIME",
        Value::Interval(_) => "INTERVAL",
        Value::Uuid(_) => "UUID",
        Value::Map(_) => "MAP",
        Value::List(_) => "LIST",
        Value::Point(_) => "POINT",
        Value::Null => "NULL",
    }
}

/// The column type a step table declares for a column whose first value is `value`.
fn data_type(value: Option<&Value>) -> DataType {
    match value {
        Some(Value::Bool(_)) => DataType::Boolean,
        Some(Value::I64(_)) => DataType::Int,
        Some(Value::F64(_)) => DataType::Float,
        Some(Value::Decimal(_)) => DataType::Decimal,
        Some(Value::Date(_)) => DataType::Date,
        Some(Value::Timestamp(_)) => DataType::Timestamp,
        Some(Value::Interval(_)) => DataType::Interval,
        Some(Value::Time(_)) => DataType::Time,
        _ => DataType::Text,
    }
}

/// A value as PostgreSQL prints it; `None` for NULL.
pub(crate) fn value_text(value: &Value) -> Option<String> {
    cell(value.clone()).text()
}

fn cell(value: Value) -> Cell {
    match value {
        Value::Null => Cell::Null,
        Value::Bool(value) => Cell::Bool(value),
        Value::I8(value) => Cell::Int(value.into()),
        Value::I16(value) => Cell::Int(value.into()),
        Value::I32(value) => Cell::Int(value.into()),
        Value::I64(value) => Cell::Int(value),
        Value::U8(value) => Cell::Int(value.into()),
        Value::U16(value) => Cell::Int(value.into()),
        Value::U32(value) => Cell::Int(value.into()),
        Value::F32(value) => Cell::Float(value.into()),
        Value::F64(value) => Cell::Float(value),
        Value::Decimal(value) => Cell::Text(value.to_string()),
        Value::Str(value) => Cell::Text(value),
        Value::Timestamp(value) => Cell::Text(format_timestamp(&value)),
        Value::Date(value) => Cell::Text(format_date(&value)),
        Value::Interval(value) => Cell::Text(format_interval(&value)),
        other => Cell::Text(String::from(&other)),
    }
}

/// `YYYY-MM-DD HH:MM:SS[.ffffff]`, the fraction without its trailing zeros. Written digit by
/// digit: a page of timestamps spent most of its time in chrono's format-string reader.
fn format_timestamp(value: &NaiveDateTime) -> String {
    let nanos = value.nanosecond();
    if !year_of_four_digits(value.year()) || nanos >= 1_000_000_000 {
        // Signed years and leap seconds: as chrono writes them.
        let text = value.format("%Y-%m-%d %H:%M:%S%.6f").to_string();
        return text.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    let mut text = format_date(&value.date());
    text.push(' ');
    push_digits(&mut text, value.hour(), 2);
    text.push(':');
    push_digits(&mut text, value.minute(), 2);
    text.push(':');
    push_digits(&mut text, value.second(), 2);
    let micros = nanos / 1000;
    if micros != 0 {
        text.push('.');
        push_digits(&mut text, micros, 6);
        text.truncate(text.trim_end_matches('0').len());
    }
    text
}

/// `YYYY-MM-DD`.
fn format_date(value: &NaiveDate) -> String {
    if !year_of_four_digits(value.year()) {
        return value.format("%Y-%m-%d").to_string();
    }
    let mut text = String::with_capacity(26);
    push_digits(&mut text, value.year().unsigned_abs(), 4);
    text.push('-');
    push_digits(&mut text, value.month(), 2);
    text.push('-');
    push_digits(&mut text, value.day(), 2);
    text
}

fn year_of_four_digits(year: i32) -> bool {
    (0..=9999).contains(&year)
}

/// `value` in exactly `width` decimal digits, zero-padded (`value` has no more).
fn push_digits(text: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = value / 10u32.pow(place) % 10;
        text.push(char::from(b'0' + digit as u8));
    }
}

/// PostgreSQL's interval output (`IntervalStyle = postgres`): `1 year 2 mons 3 days 04:05:06`,
/// `36:00:00`, `-00:00:30`, `-1 days +03:00:00`.
fn format_interval(value: &Interval) -> String {
    let mut parts = Vec::new();
    // After a negative field, a positive one is written with its sign.
    let mut after_negative = false;
    for (amount, unit) in [
        (i64::from(value.months / 12), "year"),
        (i64::from(value.months % 12), "mon"),
        (i64::from(value.days), "day"),
    ] {
        if amount != 0 {
            let plus = if after_negative && amount > 0 {
                "+"
            } else {
                ""
            };
            let plural = if amount == 1 { "" } else { "s" };
            parts.push(format!("{plus}{amount} {unit}{plural}"));
            after_negative = amount < 0;
        }
    }
    let micros = value.microseconds;
    if micros != 0 || parts.is_empty() {
        let sign = match micros {
            m if m < 0 => "-",
            m if m > 0 && after_negative => "+",
            _ => "",
        };
        let rest = micros.unsigned_abs();
        let seconds = rest / 1_000_000;
        let fraction = rest % 1_000_000;
        let mut clock = format!(
            "{sign}{:02}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
        if fraction != 0 {
            let digits = format!("{fraction:06}");
            clock.push('.');
            clock.push_str(digits.trim_end_matches('0'));
        }
        parts.push(clock);
    }
    parts.join(" ")
}

/// PostgreSQL's `float8` output: shortest round-trip digits, exponent form outside 1e-4..1e15.
pub fn format_float(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if value == 0.0 {
        return if value.is_sign_negative() { "-0" } else { "0" }.to_owned();
    }
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').expect("exponent");
    let exponent: i32 = exponent.parse().expect("exponent digits");
    if (-4..15).contains(&exponent) {
        return value.to_string();
    }
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exponent.abs())
}

/// `statement` as GlueSQL's AST, its parameters bound.
fn translate(statement: &mut Statement) -> Result<gluesql::core::ast::Statement, EngineError> {
    let params = sql::finalize(statement)?;
    translate_with_params(statement, &params).map_err(glue_error)
}

fn relation(payload: Payload) -> Relation {
    match payload {
        Payload::Select { labels, rows } => Relation {
            columns: labels,
            rows,
        },
        _ => unreachable!("a query returns rows"),
    }
}

impl Backend for Engine {
    fn select(&mut self, query: Query) -> Result<Relation, EngineError> {
        Ok(relation(
            self.execute_payload(&mut Statement::Query(Box::new(query)))?,
        ))
    }

    fn rounds(
        &mut self,
        query: Query,
        table: &str,
        mut rows: Vec<Vec<Value>>,
        next: &mut dyn FnMut(Relation) -> Result<Vec<Vec<Value>>, EngineError>,
    ) -> Result<(), EngineError> {
        let mut statement = Statement::Query(Box::new(query));
        let translated = translate(&mut statement)?;
        while !rows.is_empty() {
            self.replace(table, rows)?;
            let (answer, _) =
                self.execute_translated(Cow::Borrowed(&translated), &statement, None)?;
            rows = next(relation(answer))?;
        }
        Ok(())
    }

    fn materialize(&mut self, relation: Relation) -> Result<String, EngineError> {
        let name = format!("{STEP_PREFIX}{}", self.steps.len());
        let column_defs = relation
            .columns
            .iter()
            .zip(relation.typed_values())
            .map(|(name, value)| ColumnDef {
                name: name.clone(),
                data_type: data_type(value),
                nullable: true,
                default: None,
                unique: None,
                comment: None,
            })
            .collect();
        self.storage
            .insert_schema(&Schema {
                table_name: name.clone(),
                column_defs: Some(column_defs),
                indexes: Vec::new(),
                engine: None,
                foreign_keys: Vec::new(),
                comment: None,
            })
            .map_err(glue_error)?;
        self.steps.push(name.clone());
        self.replace(&name, relation.rows)?;
        Ok(name)
    }

    fn replace(&mut self, table: &str, rows: Vec<Vec<Value>>) -> Result<(), EngineError> {
        let keyed = rows.into_iter().enumerate();
        let keyed = keyed.map(|(i, row)| (Key::I64(i as i64), row)).collect();
        self.storage.replace_rows(table, storage::keyed(keyed));
        Ok(())
    }

    fn view(&mut self, name: &str) -> Option<Result<(Query, Vec<Ident>), EngineError>> {
        let view = self.views.get(name)?;
        let (query, columns) = (view.query.clone(), view.renamed.clone());
        let mut statement = Statement::Query(Box::new(query));
        let context = self.context();
        let prepared = sql::prepare(&mut statement, &context).map(|()| match statement {
            Statement::Query(query) => (*query, columns),
            _ => unreachable!("prepared a query"),
        });
        Some(prepared)
    }

    fn is_view(&self, name: &str) -> bool {
        self.views.contains_key(name)
    }

    fn columns(&self, table: &str) -> Option<Vec<String>> {
        let item = self.storage.inner.items.get(table)?;
        let defs = item.schema.column_defs.as_ref()?;
        Some(defs.iter().map(|def| def.name.clone()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written digit by digit, timestamps and dates read as chrono's format strings write them.
    #[test]
    fn timestamps_and_dates_are_written_as_chrono_formats_them() {
        let chrono_timestamp = |value: &NaiveDateTime| {
            let text = value.format("%Y-%m-%d %H:%M:%S%.6f").to_string();
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        let mut seen = 0;
        for year in [-44, 0, 1, 9, 999, 1970, 2024, 9999, 10000] {
            for (month, day) in [(1, 1), (2, 29), (7, 4), (12, 31)] {
                let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
                    continue;
                };
                assert_eq!(format_date(&date), date.format("%Y-%m-%d").to_string());
                for (h, m, s, nanos) in [
                    (0, 0, 0, 0),
                    (23, 59, 59, 999_999_999),
                    (9, 5, 7, 120_000_000),
                    (12, 30, 1, 1_000),
                    (12, 30, 1, 999),
                    (23, 59, 59, 1_500_000_000),
                ] {
                    let value = date.and_hms_nano_opt(h, m, s, nanos).unwrap();
                    assert_eq!(format_timestamp(&value), chrono_timestamp(&value));
                    seen += 1;
                }
            }
        }
        assert!(seen > 150, "{seen}");
    }

    /// The schema the engine is given is the one GlueSQL makes of each table's `CREATE TABLE`,
    /// with a single-column key as `PRIMARY KEY` and the rest as `NOT NULL`/`UNIQUE`.
    #[test]
    fn engine_schemas_are_what_gluesql_makes_of_the_ddl() {
        let mut storage = SandboxStorage::default();
        for table in schema::TABLES {
            let columns: Vec<String> = table
                .columns
                .iter()
                .map(|column| {
                    let mut line = format!("{} {}", column.name, column.sql_type.engine_name());
                    if table.primary_key == [column.name] {
                        line.push_str(" PRIMARY KEY");
                    } else if !column.nullable {
                        line.push_str(" NOT NULL");
                    }
                    if column.unique {
                        line.push_str(" UNIQUE");
                    }
                    line
                })
                .collect();
            let ddl = format!("CREATE TABLE {} ({})", table.name, columns.join(", "));
            let statement = sql::parse(&ddl).unwrap().remove(0);
            let plan = storage.plan(translate_with_params(&statement, &[]).unwrap().into());
            gluesql::core::executor::execute(&mut storage, &plan.unwrap()).unwrap();
            let made = storage.fetch_schema(table.name).unwrap().unwrap();
            assert_eq!(engine_schema(table), made, "{ddl}");
        }
        let keys = |name| {
            let made = engine_schema(schema::table(name).unwrap());
            let defs = made.column_defs.unwrap();
            defs.iter()
                .filter(|def| def.unique.is_some_and(|u| u.is_primary))
                .count()
        };
        assert_eq!(keys("retention_policies"), 1);
        assert_eq!(
            keys("gift_prices"),
            0,
            "composite keys are checked by the loader"
        );
    }

    #[test]
    fn floats_print_like_postgres() {
        assert_eq!(format_float(2.5), "2.5");
        assert_eq!(format_float(0.1), "0.1");
        assert_eq!(format_float(1e20), "1e+20");
        assert_eq!(format_float(1.5e-5), "1.5e-05");
        assert_eq!(format_float(123456789012345.0), "123456789012345");
        assert_eq!(format_float(1e15), "1e+15");
        assert_eq!(format_float(-0.0001), "-0.0001");
    }

    #[test]
    fn intervals_print_like_postgres() {
        let second = 1_000_000;
        let text = |months, days, seconds: i64| {
            format_interval(&Interval::new(months, days, seconds * second))
        };
        assert_eq!(text(0, 0, 0), "00:00:00");
        assert_eq!(text(0, 3, 4 * 3600 + 5 * 60 + 6), "3 days 04:05:06");
        assert_eq!(text(0, 1, 0), "1 day");
        assert_eq!(text(0, 0, 36 * 3600), "36:00:00");
        assert_eq!(text(0, 0, -30), "-00:00:30");
        assert_eq!(
            format_interval(&Interval::microseconds(1_500_000)),
            "00:00:01.5"
        );
        assert_eq!(text(14, 0, 0), "1 year 2 mons");
        assert_eq!(text(38, 5, 4 * 3600), "3 years 2 mons 5 days 04:00:00");
        assert_eq!(text(0, -1, 3 * 3600), "-1 days +03:00:00");
        assert_eq!(text(-10, 0, 0), "-10 mons");
    }
}
