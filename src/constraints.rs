//! Column rules PostgreSQL keeps and GlueSQL does not, checked by us after each write:
//! `NUMERIC(p, s)` rounds to its scale and refuses what exceeds its precision, `VARCHAR(n)`
//! refuses longer text, `SERIAL` numbers new rows, a primary key or `UNIQUE` over several
//! columns refuses duplicates, and `REFERENCES` refuses rows that point at nothing (and deletes
//! that would leave such rows). A write that breaks a rule is undone and reported as PostgreSQL
//! words it.

use crate::error::EngineError;
use crate::pipeline::identifier_name;
use crate::sql::{column_type, unsupported, ColumnType};
use gluesql::core::data::{Key, Value};
use rust_decimal::{Decimal, RoundingStrategy};
use sqlparser::ast::{
    ColumnOption, CreateTable, DataType, Expr, Ident, Insert, ObjectName, SetExpr, TableConstraint,
    TimezoneInfo, Value as SqlValue,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The rules of one table.
#[derive(Debug, Clone, Default)]
pub struct TableRules {
    pub numeric: Vec<(String, u64, u64)>,
    pub varchar: Vec<(String, u64)>,
    /// Serial columns and the next number each hands out.
    pub serial: Vec<(String, i64)>,
    /// Column sets whose values must be unique (and, for a primary key, present).
    pub unique: Vec<(Vec<String>, bool)>,
    pub references: Vec<Reference>,
    /// `TIMESTAMPTZ` columns: stored as UTC timestamps, printed with their zone.
    pub timestamptz: Vec<String>,
}

impl TableRules {
    /// The columns written rows are checked on, against the table's own rules.
    pub fn checked_columns(&self) -> impl Iterator<Item = &String> {
        let numeric = self.numeric.iter().map(|(column, ..)| column);
        let varchar = self.varchar.iter().map(|(column, _)| column);
        let unique = self.unique.iter().flat_map(|(columns, _)| columns);
        numeric.chain(varchar).chain(unique)
    }
}

/// `table.column REFERENCES target(target_column)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub table: String,
    pub column: String,
    pub target: String,
    pub target_column: String,
}

fn name_of(name: &ObjectName) -> String {
    match name.0.as_slice() {
        [only] => identifier_name(only),
        _ => name.to_string(),
    }
}

/// Takes the rules GlueSQL cannot keep out of a `CREATE TABLE`, leaving a statement it runs.
pub fn take_rules(create: &mut CreateTable) -> Result<TableRules, EngineError> {
    let table = name_of(&create.name);
    let mut rules = TableRules::default();
    for column in &mut create.columns {
        let name = identifier_name(&column.name);
        if let DataType::Custom(type_name, _) = &column.data_type {
            let type_name = type_name.to_string().to_lowercase();
            if matches!(
                type_name.as_str(),
                "serial" | "bigserial" | "smallserial" | "serial4" | "serial8"
            ) {
                column.data_type = DataType::BigInt(None);
                rules.serial.push((name.clone(), 1));
            }
        }
        if let DataType::Timestamp(_, zone) = &column.data_type {
            if *zone != TimezoneInfo::None {
                rules.timestamptz.push(name.clone());
            }
        }
        match column_type(&column.data_type) {
            Ok(ColumnType::Numeric(Some((precision, scale)))) => {
                rules.numeric.push((name.clone(), precision, scale))
            }
            Ok(ColumnType::Text(Some(length))) => rules.varchar.push((name.clone(), length)),
            _ => {}
        }
        let mut kept = Vec::new();
        for option in column.options.drain(..) {
            match option.option {
                ColumnOption::ForeignKey {
                    foreign_table,
                    referred_columns,
                    ..
                } => rules.references.push(Reference {
                    table: table.clone(),
                    column: name.clone(),
                    target: name_of(&foreign_table),
                    // Empty: the target's primary key, found when the rule is kept.
                    target_column: referred_columns
                        .first()
                        .map_or_else(String::new, identifier_name),
                }),
                ColumnOption::Check(_) => {
                    return Err(unsupported(
                        "CHECK constraints",
                        "filter the rows in the INSERT instead",
                    ))
                }
                _ => kept.push(option),
            }
        }
        column.options = kept;
    }
    for constraint in create.constraints.drain(..) {
        match constraint {
            TableConstraint::PrimaryKey { columns, .. } => rules
                .unique
                .push((columns.iter().map(identifier_name).collect(), true)),
            TableConstraint::Unique { columns, .. } => rules
                .unique
                .push((columns.iter().map(identifier_name).collect(), false)),
            TableConstraint::ForeignKey {
                columns,
                foreign_table,
                referred_columns,
                ..
            } => {
                let ([column], [target_column]) = (columns.as_slice(), referred_columns.as_slice())
                else {
                    return Err(unsupported(
                        "FOREIGN KEY over several columns",
                        "reference a single key column",
                    ));
                };
                rules.references.push(Reference {
                    table: table.clone(),
                    column: identifier_name(column),
                    target: name_of(&foreign_table),
                    target_column: identifier_name(target_column),
                });
            }
            other => {
                return Err(unsupported(
                    &format!("the table constraint {other}"),
                    "use PRIMARY KEY, UNIQUE or REFERENCES",
                ))
            }
        }
    }
    Ok(rules)
}

/// Gives every row of `INSERT ... (columns) VALUES` the next number of each serial column it
/// leaves out.
pub fn number_serials(insert: &mut Insert, rules: &mut TableRules) -> Result<(), EngineError> {
    if rules.serial.is_empty() || insert.columns.is_empty() {
        return Ok(());
    }
    for (column, next) in &mut rules.serial {
        if insert.columns.iter().any(|c| identifier_name(c) == *column) {
            continue;
        }
        let Some(SetExpr::Values(values)) = insert.source.as_deref_mut().map(|q| q.body.as_mut())
        else {
            return Err(unsupported(
                &format!("INSERT ... SELECT that leaves out the serial column {column}"),
                "list the column and give its values, e.g. with ROW_NUMBER() OVER ()",
            ));
        };
        insert.columns.push(Ident::new(column.clone()));
        for row in &mut values.rows {
            row.push(Expr::Value(SqlValue::Number((*next).into(), false)));
            *next += 1;
        }
    }
    Ok(())
}

/// A table's rows by key, with its column names.
pub struct Rows<'a> {
    pub columns: Vec<String>,
    pub rows: &'a mut BTreeMap<Key, Vec<Value>>,
}

fn index(columns: &[String], name: &str, table: &str) -> Result<usize, EngineError> {
    columns
        .iter()
        .position(|c| c == name)
        .ok_or_else(|| EngineError::Execution {
            message: format!("column \"{name}\" of relation \"{table}\" does not exist"),
        })
}

fn violation(message: String) -> EngineError {
    EngineError::Execution { message }
}

/// Rounds and checks a written table's own columns; an error means the write must be undone.
pub fn check_columns(table: &str, rules: &TableRules, data: Rows) -> Result<(), EngineError> {
    for (column, precision, scale) in &rules.numeric {
        let i = index(&data.columns, column, table)?;
        for row in data.rows.values_mut() {
            let decimal = match &row[i] {
                Value::Decimal(d) => *d,
                Value::I64(n) => Decimal::from(*n),
                Value::F64(f) => Decimal::from_f64_retain(*f).unwrap_or_default(),
                _ => continue,
            };
            let mut rounded = decimal.round_dp_with_strategy(
                u32::try_from(*scale).unwrap_or(28),
                RoundingStrategy::MidpointAwayFromZero,
            );
            rounded.rescale(u32::try_from(*scale).unwrap_or(28));
            let digits = rounded
                .trunc()
                .abs()
                .to_string()
                .trim_start_matches('0')
                .len() as u64;
            if digits + scale > *precision {
                return Err(violation(format!(
                    "numeric field overflow: a field with precision {precision}, scale {scale} must round to an absolute value less than 10^{}",
                    precision - scale
                )));
            }
            row[i] = Value::Decimal(rounded);
        }
    }
    for (column, length) in &rules.varchar {
        let i = index(&data.columns, column, table)?;
        for row in data.rows.values() {
            if let Value::Str(text) = &row[i] {
                if text.chars().count() as u64 > *length {
                    return Err(violation(format!(
                        "value too long for type character varying({length})"
                    )));
                }
            }
        }
    }
    for (columns, primary) in &rules.unique {
        let indices = columns
            .iter()
            .map(|c| index(&data.columns, c, table))
            .collect::<Result<Vec<usize>, EngineError>>()?;
        let mut seen = HashSet::new();
        for row in data.rows.values() {
            let values: Vec<&Value> = indices.iter().map(|&i| &row[i]).collect();
            if values.iter().any(|v| matches!(v, Value::Null)) {
                if *primary {
                    return Err(violation(format!(
                        "null value in column \"{}\" of relation \"{table}\" violates not-null constraint",
                        columns[values.iter().position(|v| matches!(v, Value::Null)).unwrap_or(0)]
                    )));
                }
                continue;
            }
            let key: Vec<crate::pipeline::RowKey> =
                values.into_iter().map(crate::pipeline::value_key).collect();
            if !seen.insert(key) {
                return Err(violation(format!(
                    "duplicate key value violates unique constraint on \"{table}\" ({})",
                    columns.join(", ")
                )));
            }
        }
    }
    Ok(())
}

/// Checks that every reference among `references` points at an existing row.
pub fn check_references(
    references: &[&Reference],
    table_rows: &HashMap<String, (Vec<String>, Vec<&Vec<Value>>)>,
    written: &str,
) -> Result<(), EngineError> {
    for reference in references {
        let (Some((columns, rows)), Some((target_columns, target_rows))) = (
            table_rows.get(&reference.table),
            table_rows.get(&reference.target),
        ) else {
            continue;
        };
        let i = index(columns, &reference.column, &reference.table)?;
        let j = index(target_columns, &reference.target_column, &reference.target)?;
        let keys: HashSet<crate::pipeline::RowKey> = target_rows
            .iter()
            .map(|row| crate::pipeline::value_key(&row[j]))
            .collect();
        for row in rows {
            if matches!(row[i], Value::Null) {
                continue;
            }
            if !keys.contains(&crate::pipeline::value_key(&row[i])) {
                if reference.table != written {
                    return Err(violation(format!(
                        "update or delete on table \"{}\" violates foreign key constraint: key ({})=({}) is still referenced from table \"{}\"",
                        reference.target,
                        reference.target_column,
                        crate::engine::value_text(&row[i]).unwrap_or_default(),
                        reference.table
                    )));
                }
                return Err(violation(format!(
                    "insert or update on table \"{}\" violates foreign key constraint: key ({})=({}) is not present in table \"{}\"",
                    reference.table,
                    reference.column,
                    crate::engine::value_text(&row[i]).unwrap_or_default(),
                    reference.target
                )));
            }
        }
    }
    Ok(())
}
