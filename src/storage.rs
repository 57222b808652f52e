//! The engine's storage: GlueSQL's in-memory tables behind two changes that matter here.
//!
//! - Scans walk the table in place. GlueSQL's `MemoryStorage` clones a whole table before every
//!   scan, which doubles the memory a query touches and the time a full scan takes.
//! - Every row handed to the executor is counted against a budget, so a runaway query (a join
//!   that rescans a table per row of another) stops with an error instead of running for hours.
//!   Counting rows rather than time keeps the cut-off the same on every machine and in wasm.

use gluesql::core::ast::ColumnDef;
use gluesql::core::data::{Key, Schema, Value};
use gluesql::core::error::{Error, Result};
use gluesql::core::store::{
    AlterTable, CustomFunction, CustomFunctionMut, Index, IndexMut, Metadata, Planner, RowIter,
    Store, StoreMut, Transaction,
};
use gluesql::gluesql_memory_storage::MemoryStorage;
use std::cell::Cell;
use std::collections::BTreeMap;

/// Message prefix that marks a stopped query; the engine turns it into its own error.
pub const BUDGET_EXCEEDED: &str = "row budget exceeded";
/// Message prefix of an error raised by one of our functions; the engine shows the rest.
pub const FUNCTION_ERROR: &str = "function error: ";

#[derive(Debug, Default)]
pub struct SandboxStorage {
    pub inner: MemoryStorage,
    rows_read: Cell<u64>,
    row_budget: Cell<u64>,
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

    fn count_row(&self) -> Result<()> {
        let read = self.rows_read.get() + 1;
        self.rows_read.set(read);
        if read > self.row_budget.get() {
            return Err(Error::StorageMsg(BUDGET_EXCEEDED.to_owned()));
        }
        Ok(())
    }

    /// Replaces a table's rows wholesale: the loader's fast path, after its own checks.
    pub fn replace_rows(&mut self, table_name: &str, rows: BTreeMap<Key, Vec<Value>>) {
        if let Some(item) = self.inner.items.get_mut(table_name) {
            item.rows = rows;
        }
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
        let mut stopped = false;
        let rows = item.rows.iter().map_while(move |(key, row)| {
            if stopped {
                return None;
            }
            if let Err(error) = self.count_row() {
                stopped = true;
                return Some(Err(error));
            }
            Some(Ok((key.clone(), row.clone())))
        });
        Ok(Box::new(rows))
    }
}

impl StoreMut for SandboxStorage {
    fn insert_schema(&mut self, schema: &Schema) -> Result<()> {
        self.inner.insert_schema(schema)
    }

    fn delete_schema(&mut self, table_name: &str) -> Result<()> {
        self.inner.delete_schema(table_name)
    }

    fn append_data(&mut self, table_name: &str, rows: Vec<Vec<Value>>) -> Result<()> {
        self.inner.append_data(table_name, rows)
    }

    fn insert_data(&mut self, table_name: &str, rows: Vec<(Key, Vec<Value>)>) -> Result<()> {
        self.inner.insert_data(table_name, rows)
    }

    fn delete_data(&mut self, table_name: &str, keys: Vec<Key>) -> Result<()> {
        self.inner.delete_data(table_name, keys)
    }
}

impl AlterTable for SandboxStorage {
    fn rename_schema(&mut self, table_name: &str, new_table_name: &str) -> Result<()> {
        self.inner.rename_schema(table_name, new_table_name)
    }

    fn rename_column(&mut self, table_name: &str, old_name: &str, new_name: &str) -> Result<()> {
        self.inner.rename_column(table_name, old_name, new_name)
    }

    fn add_column(&mut self, table_name: &str, column_def: &ColumnDef) -> Result<()> {
        self.inner.add_column(table_name, column_def)
    }

    fn drop_column(&mut self, table_name: &str, column_name: &str, if_exists: bool) -> Result<()> {
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
    fn has_native_function(&self, func_name: &str) -> bool {
        crate::functions::NAMES.contains(&func_name)
    }

    fn call_native_function(&self, func_name: &str, args: Vec<Value>) -> Result<Value> {
        crate::functions::call(func_name, args)
            .map_err(|message| Error::StorageMsg(format!("{FUNCTION_ERROR}{message}")))
    }
}
impl CustomFunctionMut for SandboxStorage {}
impl Planner for SandboxStorage {}
