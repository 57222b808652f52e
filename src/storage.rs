//! The engine's storage: GlueSQL's in-memory tables behind two changes that matter here.
//!
//! - Scans walk the table in place. GlueSQL's `MemoryStorage` clones a whole table before every
//!   scan, which doubles the memory a query touches and the time a full scan takes.
//! - Every row handed to the executor is counted against a budget, so a runaway query (a join
//!   that rescans a table per row of another) stops with an error instead of running for hours.
//!   Counting rows rather than time keeps the cut-off the same on every machine and in wasm.
//! - Inside a transaction every write keeps what it replaces, so `ROLLBACK` puts back exactly
//!   what changed: a purge keeps the rows it deleted (moved, not copied), a table created in the
//!   transaction is simply dropped again, and tables nobody wrote are never copied.
//! - A table's zone maps (see `zone_maps.rs`) are kept here once a scan has built them; any write
//!   drops them, so a scan never reads a map of rows that have changed.

use crate::hasher::FastMap;
use crate::zone_maps::{self, ZoneMap};
use gluesql::core::ast::ColumnDef;
use gluesql::core::data::{Key, Schema, Value};
use gluesql::core::error::{Error, Result};
use gluesql::core::store::{
    AlterTable, CustomFunction, CustomFunctionMut, Index, IndexMut, Metadata, Planner, RowIter,
    Store, StoreMut, Transaction,
};
use gluesql::gluesql_memory_storage::{Item, MemoryStorage};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

/// Message prefix that marks a stopped query; the engine turns it into its own error.
pub const BUDGET_EXCEEDED: &str = "row budget exceeded";
/// Message prefix of an error raised by one of our functions; the engine shows the rest.
pub const FUNCTION_ERROR: &str = "function error: ";

/// One of our functions (`crate::functions`), as GlueSQL sees it: errors carry their marker.
pub fn native_function(name: &str, args: Vec<Value>) -> Result<Value> {
    crate::functions::call(name, args).map_err(function_error)
}

/// A function of a unit (see `crate::functions::call_with_unit`) with the unit already read.
pub fn native_unit_function(name: &str, unit: &str, source: &Value) -> Result<Value> {
    crate::functions::call_with_unit(name, unit, source)
        .expect("a function of a unit")
        .map_err(function_error)
}

fn function_error(message: String) -> Error {
    Error::StorageMsg(format!("{FUNCTION_ERROR}{message}"))
}

#[derive(Debug, Default)]
pub struct SandboxStorage {
    pub inner: MemoryStorage,
    rows_read: Cell<u64>,
    row_budget: Cell<u64>,
    /// What `ROLLBACK` puts back, while a transaction is open.
    journal: Option<Journal>,
    /// Column names the running query can read (see `reads.rs`); scans hand out NULL for the
    /// others instead of copying them. `None`: every column.
    reading: Option<HashSet<String>>,
    /// Tables and rows dropped, deleted or rolled back, not yet freed (see `release`).
    retired: Vec<Undo>,
    /// Zone maps by table and column (see `zone_maps.rs`), built when a scan first asks; a write
    /// to a table drops its maps.
    zone_maps: RefCell<FastMap<(String, usize), Rc<ZoneMap>>>,
    /// Whether every row of a table is stored under its own value of an integer column (see
    /// `stored_by`), by table and column, once asked; dropped as zone maps are.
    stored_by: RefCell<FastMap<(String, usize), bool>>,
    /// How many writes there have been: what is derived from the storage is current while this
    /// stays the same.
    writes: u64,
}

/// The undo log of a transaction: entries in the order written, each restoring the state before
/// one write, so applying them newest first brings back the state at `BEGIN`.
#[derive(Debug, Default)]
struct Journal {
    entries: Vec<Undo>,
    /// Tables whose whole earlier state is already kept: later writes to them need no entry.
    whole: HashSet<String>,
}

#[derive(Debug)]
enum Undo {
    /// A table as it was; `None` when it did not exist.
    Table(String, Option<Item>),
    /// The rows one write replaced, in the order written: each as it was, `None` when there
    /// was no row under that key.
    Rows(String, Vec<(Key, Option<Vec<Value>>)>),
}

impl SandboxStorage {
    /// Starts counting afresh for one statement.
    pub fn start_budget(&self, row_budget: u64) {
        self.rows_read.set(0);
        self.row_budget.set(row_budget);
    }

    pub fn rows_read(&self) -> u64 {
        self.rows_read.get()
    }

    /// Counts one row read against the budget; an error once the budget is spent.
    pub fn count_row(&self) -> Result<()> {
        self.count_rows(1)
    }

    /// Counts `rows` rows read at once: a table counted whole rather than walked.
    pub fn count_rows(&self, rows: u64) -> Result<()> {
        let read = self.rows_read.get() + rows;
        self.rows_read.set(read);
        if read > self.row_budget.get() {
            return Err(Error::StorageMsg(BUDGET_EXCEEDED.to_owned()));
        }
        Ok(())
    }

    /// Replaces a table's rows wholesale: the loader's fast path, after its own checks.
    pub fn replace_rows(&mut self, table_name: &str, rows: BTreeMap<Key, Vec<Value>>) {
        if let Some(table) = self.rows_mut(table_name) {
            *table = rows;
        }
    }

    /// A table's rows, to change in place.
    pub fn rows_mut(&mut self, table_name: &str) -> Option<&mut BTreeMap<Key, Vec<Value>>> {
        self.written(Some(table_name));
        self.inner
            .items
            .get_mut(table_name)
            .map(|item| &mut item.rows)
    }

    /// Drops what was computed from the rows of a table as they were (of every table, for
    /// `None`). The maps of other tables stay: a query's steps leave the tables' maps be.
    fn written(&mut self, table_name: Option<&str>) {
        let stale = |table: &String| table_name.is_none_or(|name| name == table);
        self.zone_maps
            .get_mut()
            .retain(|(table, _), _| !stale(table));
        self.stored_by
            .get_mut()
            .retain(|(table, _), _| !stale(table));
        self.writes += 1;
    }

    /// How many writes there have been (see `writes`).
    pub fn writes(&self) -> u64 {
        self.writes
    }

    /// Whether every row of a table is stored under the key its integer `column` holds, so that
    /// a range of keys is a range of that column's values. A table with an integer primary key
    /// is (GlueSQL keys rows by it and refuses to update it); the rows of a step are stored by
    /// their position whatever their columns.
    pub fn stored_by(&self, table_name: &str, column: usize) -> bool {
        let Some(item) = self.inner.items.get(table_name) else {
            return false;
        };
        let key = (table_name.to_owned(), column);
        if let Some(&stored) = self.stored_by.borrow().get(&key) {
            return stored;
        }
        let stored = item.rows.iter().all(|(stored, row)| {
            matches!((stored, row.get(column)), (Key::I64(stored), Some(Value::I64(own))) if stored == own)
        });
        self.stored_by.borrow_mut().insert(key, stored);
        stored
    }

    /// The zone map of a table's column, or `None` for a table too small to need one.
    pub fn zone_map(&self, table_name: &str, column: usize) -> Option<Rc<ZoneMap>> {
        let rows = &self.inner.items.get(table_name)?.rows;
        if rows.len() < zone_maps::WORTH_IT {
            return None;
        }
        let key = (table_name.to_owned(), column);
        if let Some(map) = self.zone_maps.borrow().get(&key) {
            return Some(Rc::clone(map));
        }
        let map = Rc::new(ZoneMap::build(rows, column));
        self.zone_maps.borrow_mut().insert(key, Rc::clone(&map));
        Some(map)
    }

    /// Frees the tables dropped or rolled back since the last call. Freeing a big table's rows
    /// one by one takes longer than many queries, so it waits until the answer is out: the
    /// engine calls this before its next script, the page also when the worker is idle.
    pub fn release(&mut self) {
        self.retired.clear();
    }

    /// Starts keeping what writes replace; inside a transaction already, keeps going.
    pub fn begin(&mut self) {
        self.journal.get_or_insert_with(Journal::default);
    }

    /// Keeps every change and forgets the undo log.
    pub fn commit(&mut self) {
        if let Some(journal) = self.journal.take() {
            self.retired.extend(journal.entries);
        }
    }

    /// Undoes every write since `begin`, newest first.
    pub fn rollback(&mut self) {
        let Some(journal) = self.journal.take() else {
            return;
        };
        self.written(None);
        for entry in journal.entries.into_iter().rev() {
            match entry {
                Undo::Table(name, Some(item)) => {
                    let replaced = self.inner.items.insert(name.clone(), item);
                    self.retired.push(Undo::Table(name, replaced));
                }
                Undo::Table(name, None) => {
                    let dropped = self.inner.items.remove(&name);
                    self.inner.metadata.remove(&name);
                    self.retired.push(Undo::Table(name, dropped));
                }
                Undo::Rows(name, rows) => {
                    if let Some(item) = self.inner.items.get_mut(&name) {
                        restore(&mut item.rows, rows);
                    }
                }
            }
        }
    }

    /// The tables a `ROLLBACK` would restore and the rows it keeps for each, sorted by name;
    /// empty outside a transaction.
    pub fn kept_for_rollback(&self) -> Vec<(String, usize)> {
        let mut kept: BTreeMap<String, usize> = BTreeMap::new();
        for entry in self.journal.iter().flat_map(|journal| &journal.entries) {
            let (name, rows) = match entry {
                Undo::Table(name, item) => (name, item.as_ref().map_or(0, |item| item.rows.len())),
                Undo::Rows(name, rows) => {
                    (name, rows.iter().filter(|(_, row)| row.is_some()).count())
                }
            };
            *kept.entry(name.clone()).or_default() += rows;
        }
        kept.into_iter().collect()
    }

    /// Before a write that changes a table's shape or existence: keeps the whole table once.
    fn keep_table(&mut self, table_name: &str) {
        if let Some(journal) = self.journal.as_mut() {
            if journal.whole.insert(table_name.to_owned()) {
                let item = self.inner.items.get(table_name).cloned();
                journal
                    .entries
                    .push(Undo::Table(table_name.to_owned(), item));
            }
        }
    }

    /// Writes rows under their keys, keeping the rows they replace.
    fn put_rows(&mut self, table_name: &str, rows: impl IntoIterator<Item = (Key, Vec<Value>)>) {
        self.written(Some(table_name));
        let Some(item) = self.inner.items.get_mut(table_name) else {
            return;
        };
        let replaced = rows
            .into_iter()
            .map(|(key, row)| {
                let old = item.rows.insert(key.clone(), row);
                (key, old)
            })
            .collect();
        self.keep_rows(table_name, replaced);
    }

    /// Keeps the rows a write replaced for `ROLLBACK`; outside a transaction, or when the whole
    /// table is kept already, they wait to be freed.
    fn keep_rows(&mut self, table_name: &str, rows: Vec<(Key, Option<Vec<Value>>)>) {
        let entry = Undo::Rows(table_name.to_owned(), rows);
        match self
            .journal
            .as_mut()
            .filter(|journal| !journal.whole.contains(table_name))
        {
            Some(journal) => journal.entries.push(entry),
            None => self.retired.push(entry),
        }
    }

    /// Narrows what scans copy to the named columns until called again with `None`.
    pub fn read_only(&mut self, columns: Option<HashSet<String>>) {
        self.reading = columns;
    }

    /// Which of a table's columns scans copy, or `None` for all of them.
    fn read_mask(&self, item: &Item) -> Option<Vec<bool>> {
        let names = self.reading.as_ref()?;
        let mask: Vec<bool> = item
            .schema
            .column_defs
            .as_ref()?
            .iter()
            .map(|column| names.contains(&column.name.to_lowercase()))
            .collect();
        mask.contains(&false).then_some(mask)
    }

    /// A table's schema and rows, for readers that walk them in place (see `scan.rs`).
    pub fn item(&self, table_name: &str) -> Option<&Item> {
        self.inner.items.get(table_name)
    }

    /// Number of rows in a table, without scanning it.
    pub fn row_count(&self, table_name: &str) -> Option<usize> {
        self.inner.items.get(table_name).map(|item| item.rows.len())
    }
}

impl Store for SandboxStorage {
    fn fetch_schema(&self, table_name: &str) -> Result<Option<Schema>> {
        self.inner.fetch_schema(table_name)
    }

    fn fetch_all_schemas(&self) -> Result<Vec<Schema>> {
        self.inner.fetch_all_schemas()
    }

    fn fetch_data(&self, table_name: &str, key: &Key) -> Result<Option<Vec<Value>>> {
        self.count_row()?;
        self.inner.fetch_data(table_name, key)
    }

    fn scan_data<'a>(&'a self, table_name: &str) -> Result<RowIter<'a>> {
        let Some(item) = self.inner.items.get(table_name) else {
            return Ok(Box::new(std::iter::empty()));
        };
        let mask = self.read_mask(item);
        let mut stopped = false;
        let rows = item.rows.iter().map_while(move |(key, row)| {
            if stopped {
                return None;
            }
            if let Err(error) = self.count_row() {
                stopped = true;
                return Some(Err(error));
            }
            let row = match &mask {
                None => row.clone(),
                Some(mask) => row
                    .iter()
                    .zip(mask)
                    .map(|(value, &read)| if read { value.clone() } else { Value::Null })
                    .collect(),
            };
            Some(Ok((key.clone(), row)))
        });
        Ok(Box::new(rows))
    }
}

impl StoreMut for SandboxStorage {
    fn insert_schema(&mut self, schema: &Schema) -> Result<()> {
        self.written(Some(&schema.table_name));
        self.keep_table(&schema.table_name);
        self.inner.insert_schema(schema)
    }

    /// The dropped table moves into the undo log rather than being copied there.
    fn delete_schema(&mut self, table_name: &str) -> Result<()> {
        self.written(Some(table_name));
        let item = self.inner.items.remove(table_name);
        self.inner.metadata.remove(table_name);
        let journal = self.journal.as_mut();
        match journal.filter(|journal| !journal.whole.contains(table_name)) {
            Some(journal) => {
                journal.whole.insert(table_name.to_owned());
                journal
                    .entries
                    .push(Undo::Table(table_name.to_owned(), item));
            }
            None => self.retired.push(Undo::Table(table_name.to_owned(), item)),
        }
        Ok(())
    }

    /// Keys as `MemoryStorage` numbers them: one counter across all tables.
    fn append_data(&mut self, table_name: &str, rows: Vec<Vec<Value>>) -> Result<()> {
        if !self.inner.items.contains_key(table_name) {
            return Ok(());
        }
        let first = self.inner.id_counter + 1;
        self.inner.id_counter += rows.len() as i64;
        let keyed = (first..).map(Key::I64).zip(rows);
        self.put_rows(table_name, keyed);
        Ok(())
    }

    fn insert_data(&mut self, table_name: &str, rows: Vec<(Key, Vec<Value>)>) -> Result<()> {
        self.put_rows(table_name, rows);
        Ok(())
    }

    /// Deleted rows move into the undo log, when one is kept.
    fn delete_data(&mut self, table_name: &str, keys: Vec<Key>) -> Result<()> {
        self.written(Some(table_name));
        let Some(item) = self.inner.items.get_mut(table_name) else {
            return Ok(());
        };
        let deleted = if keys.len() > item.rows.len() / 8 && keys.is_sorted() {
            // Many rows (a purge): one pass that rebuilds the table beats removing them one by
            // one, each a search and a rebalance.
            let mut doomed = keys.into_iter().peekable();
            let mut deleted = Vec::with_capacity(doomed.len());
            let mut kept = Vec::with_capacity(item.rows.len().saturating_sub(doomed.len()));
            for (key, row) in std::mem::take(&mut item.rows) {
                while doomed.next_if(|doomed| *doomed < key).is_some() {}
                if doomed.next_if_eq(&key).is_some() {
                    deleted.push((key, Some(row)));
                } else {
                    kept.push((key, row));
                }
            }
            item.rows = keyed(kept);
            deleted
        } else {
            keys.into_iter()
                .filter_map(|key| {
                    let row = item.rows.remove(&key)?;
                    Some((key, Some(row)))
                })
                .collect()
        };
        self.keep_rows(table_name, deleted);
        Ok(())
    }
}

/// A table built from rows in one go (a sort, then a bulk build): every caller shares this one
/// copy of the sort, which each `collect` into a map would otherwise compile again.
#[inline(never)]
pub fn keyed(rows: Vec<(Key, Vec<Value>)>) -> BTreeMap<Key, Vec<Value>> {
    BTreeMap::from_iter(rows)
}

/// Puts back the rows one write replaced. Many rows with keys in order (a purge, a wide update)
/// go back in one merge with the table rather than one search each.
fn restore(table: &mut BTreeMap<Key, Vec<Value>>, rows: Vec<(Key, Option<Vec<Value>>)>) {
    if rows.len() > table.len() / 8 && rows.is_sorted_by(|a, b| a.0 < b.0) {
        // Each key once: the order of putting back does not matter.
        let mut current = std::mem::take(table).into_iter().peekable();
        let mut merged = Vec::with_capacity(current.len() + rows.len());
        for (key, row) in rows {
            while let Some(entry) = current.next_if(|(k, _)| *k < key) {
                merged.push(entry);
            }
            current.next_if(|(k, _)| *k == key);
            if let Some(row) = row {
                merged.push((key, row));
            }
        }
        merged.extend(current);
        *table = keyed(merged);
        return;
    }
    for (key, row) in rows.into_iter().rev() {
        match row {
            Some(row) => table.insert(key, row),
            None => table.remove(&key),
        };
    }
}

impl AlterTable for SandboxStorage {
    fn rename_schema(&mut self, table_name: &str, new_table_name: &str) -> Result<()> {
        self.written(Some(table_name));
        self.written(Some(new_table_name));
        self.keep_table(table_name);
        self.keep_table(new_table_name);
        self.inner.rename_schema(table_name, new_table_name)
    }

    fn rename_column(&mut self, table_name: &str, old_name: &str, new_name: &str) -> Result<()> {
        self.written(Some(table_name));
        self.keep_table(table_name);
        self.inner.rename_column(table_name, old_name, new_name)
    }

    fn add_column(&mut self, table_name: &str, column_def: &ColumnDef) -> Result<()> {
        self.written(Some(table_name));
        self.keep_table(table_name);
        self.inner.add_column(table_name, column_def)
    }

    fn drop_column(&mut self, table_name: &str, column_name: &str, if_exists: bool) -> Result<()> {
        self.written(Some(table_name));
        self.keep_table(table_name);
        self.inner.drop_column(table_name, column_name, if_exists)
    }
}

// Indexes, transactions and user-defined functions are not offered; the traits' defaults
// refuse them.
impl Index for SandboxStorage {}
impl IndexMut for SandboxStorage {}
impl Transaction for SandboxStorage {}
impl Metadata for SandboxStorage {}
/// PostgreSQL functions GlueSQL lacks are computed by `functions`.
impl CustomFunction for SandboxStorage {
    /// Every call GlueSQL does not know comes here (user-defined functions are not offered), so
    /// an unknown name gets PostgreSQL's "function ... does not exist".
    fn has_native_function(&self, _func_name: &str) -> bool {
        true
    }

    fn call_native_function(&self, func_name: &str, args: Vec<Value>) -> Result<Value> {
        native_function(func_name, args)
    }
}
impl CustomFunctionMut for SandboxStorage {}
impl Planner for SandboxStorage {}
