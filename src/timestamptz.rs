//! `TIMESTAMPTZ` columns. Every time here is UTC (PostgreSQL with `TimeZone` UTC), so a
//! `TIMESTAMPTZ` is stored as the UTC timestamp it stands for; what differs is its text:
//! PostgreSQL prints `2026-10-20 21:00:00+00`. A result column is printed so when it surely
//! holds a `TIMESTAMPTZ`: a column declared so (the table's rules keep which), a
//! `TIMESTAMPTZ '...'` literal or `::timestamptz` cast, or arithmetic, `CASE` and functions over
//! them. A timestamp column the query's own FROM list cannot vouch for (read through a CTE, a
//! derived table, a view or a set operation) in a statement that reads a `TIMESTAMPTZ` column is
//! refused rather than printed without its zone. `NOW()` reads the dataset clock as a
//! `TIMESTAMP`, as the dataset's own columns are.

use crate::engine::{Cell, QueryResult};
use crate::error::EngineError;
use crate::pipeline::{identifier_name, Backend};
use crate::sql::unsupported;
use sqlparser::ast::{
    BinaryOperator, DataType, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Insert,
    JoinConstraint, JoinOperator, ObjectName, Query, SelectItem, SetExpr, TableFactor,
    TimezoneInfo, Value, Visitor,
};
use std::collections::HashMap;
use std::ops::ControlFlow;

/// The `TIMESTAMPTZ` columns of each table that has any, and the tables and views.
pub struct Zones<'a> {
    pub timestamptz: HashMap<String, Vec<String>>,
    pub backend: &'a dyn Backend,
}

/// Whether a result column holds `TIMESTAMPTZ` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Tz,
    Plain,
    /// A constant, which takes the zone of what it is combined with.
    Either,
    Unknown,
}

impl Zone {
    fn and(self, other: Zone) -> Zone {
        match (self, other) {
            (Zone::Unknown, _) | (_, Zone::Unknown) => Zone::Unknown,
            (Zone::Tz, _) | (_, Zone::Tz) => Zone::Tz,
            (Zone::Plain, _) | (_, Zone::Plain) => Zone::Plain,
            _ => Zone::Either,
        }
    }
}

pub fn is_timestamptz(data_type: &DataType) -> bool {
    matches!(data_type, DataType::Timestamp(_, zone) if *zone != TimezoneInfo::None)
}

/// Timestamp text as PostgreSQL reads it with `TimeZone` UTC, in the one form we print: for a
/// `TIMESTAMPTZ` (`zoned`) an offset moves it to UTC; for a `TIMESTAMP` an offset is ignored.
/// Plain text without an offset is left as written.
pub fn timestamp_text(text: &str, zoned: bool) -> Result<String, EngineError> {
    if !zoned && !crate::time::has_offset(text) {
        return Ok(text.to_owned());
    }
    let (parsed, type_name) = match zoned {
        true => (
            crate::time::parse_with_zone(text),
            "timestamp with time zone",
        ),
        false => (crate::time::parse_ignoring_zone(text), "timestamp"),
    };
    parsed
        .map(crate::time::format)
        .ok_or_else(|| EngineError::InvalidValue {
            message: format!("invalid input syntax for type {type_name}: \"{text}\""),
        })
}

/// The text values an `INSERT ... VALUES` or `UPDATE ... SET` writes into timestamp columns,
/// read as [`timestamp_text`] reads them (GlueSQL would refuse `+02` and move a `TIMESTAMP`'s
/// `+05:30` to UTC). `written` pairs each value with its column; `timestamptz` and `timestamp`
/// are the table's columns of each type.
pub fn written_literals<'a>(
    written: impl Iterator<Item = (&'a mut Expr, String)>,
    timestamptz: &[String],
    timestamp: &[String],
) -> Result<(), EngineError> {
    for (value, column) in written {
        if let Expr::Value(Value::SingleQuotedString(text)) = value {
            let zoned = timestamptz.contains(&column);
            if zoned || timestamp.contains(&column) {
                *text = timestamp_text(text, zoned)?;
            }
        }
    }
    Ok(())
}

/// [`written_literals`] for an `INSERT ... VALUES`; `columns` are the table's columns in order.
pub fn insert_literals(
    insert: &mut Insert,
    timestamptz: &[String],
    timestamp: &[String],
    columns: &[String],
) -> Result<(), EngineError> {
    let targets: Vec<String> = match insert.columns.is_empty() {
        true => columns.to_vec(),
        false => insert.columns.iter().map(identifier_name).collect(),
    };
    match insert.source.as_deref_mut().map(|q| q.body.as_mut()) {
        Some(SetExpr::Values(values)) => {
            let written = values
                .rows
                .iter_mut()
                .flat_map(|row| row.iter_mut().zip(targets.iter().cloned()));
            written_literals(written, timestamptz, timestamp)
        }
        // GlueSQL does not read a text value of `INSERT ... SELECT` as a timestamp: typed here.
        Some(SetExpr::Select(select)) if !crate::sql::has_star(&select.projection) => {
            let written =
                select
                    .projection
                    .iter_mut()
                    .zip(&targets)
                    .filter_map(|(item, column)| {
                        let zoned = timestamptz.contains(column);
                        match item {
                            SelectItem::UnnamedExpr(expr)
                            | SelectItem::ExprWithAlias { expr, .. }
                                if zoned || timestamp.contains(column) =>
                            {
                                Some((expr, zoned))
                            }
                            _ => None,
                        }
                    });
            for (expr, zoned) in written {
                if let Expr::Value(Value::SingleQuotedString(text)) = expr {
                    *expr = Expr::TypedString {
                        data_type: DataType::Timestamp(None, TimezoneInfo::None),
                        value: timestamp_text(text, zoned)?,
                    };
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

impl Zones<'_> {
    fn any(&self) -> bool {
        !self.timestamptz.is_empty()
    }

    /// Whether the statement reads a `TIMESTAMPTZ` column, or a view that may.
    pub fn reads_timestamptz(&self, query: &Query) -> bool {
        struct Reads<'a, 'b>(&'a Zones<'b>);
        impl Visitor for Reads<'_, '_> {
            type Break = ();
            fn pre_visit_relation(&mut self, name: &ObjectName) -> ControlFlow<()> {
                let table = name.0.last().map(identifier_name).unwrap_or_default();
                if self.0.timestamptz.contains_key(&table) || self.0.backend.is_view(&table) {
                    return ControlFlow::Break(());
                }
                ControlFlow::Continue(())
            }
            fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
                match expr {
                    Expr::TypedString { data_type, .. } | Expr::Cast { data_type, .. }
                        if is_timestamptz(data_type) =>
                    {
                        ControlFlow::Break(())
                    }
                    _ => ControlFlow::Continue(()),
                }
            }
        }
        crate::walk::walk(query, &mut Reads(self)).is_break()
    }

    /// The zone of each result column of `query`, as written (before our rewrites), or `None`
    /// when no table has a `TIMESTAMPTZ` column.
    pub fn of_query(&self, query: &Query) -> Option<Vec<Zone>> {
        if !self.any() && !self.reads_timestamptz(query) {
            return None;
        }
        let columns = self.columns_of(query, &HashMap::new());
        Some(columns.into_iter().map(|(_, zone)| zone).collect())
    }

    /// The names and zones of a query's result columns, as far as they can be told (a shorter
    /// list when the rest cannot). `ctes` are the CTEs in sight.
    fn columns_of(&self, query: &Query, ctes: &HashMap<String, Computed>) -> Computed {
        let mut ctes = ctes.clone();
        for cte in query.with.iter().flat_map(|with| &with.cte_tables) {
            let computed = match (&query.with, cte.alias.columns.is_empty()) {
                (Some(with), true) if !with.recursive => self.columns_of(&cte.query, &ctes),
                _ => Vec::new(),
            };
            ctes.insert(identifier_name(&cte.alias.name), computed);
        }
        let SetExpr::Select(select) = query.body.as_ref() else {
            return Vec::new();
        };
        // Each relation of the FROM list by the name the query uses for it, with what it reads.
        let mut relations: Vec<(String, Source)> = Vec::new();
        let mut plain_joins = true;
        for from in &select.from {
            plain_joins &= from.joins.iter().all(|join| {
                matches!(
                    &join.join_operator,
                    JoinOperator::Inner(JoinConstraint::On(_))
                        | JoinOperator::LeftOuter(JoinConstraint::On(_))
                        | JoinOperator::RightOuter(JoinConstraint::On(_))
                        | JoinOperator::FullOuter(JoinConstraint::On(_))
                        | JoinOperator::CrossJoin
                )
            });
            let factors =
                std::iter::once(&from.relation).chain(from.joins.iter().map(|j| &j.relation));
            for factor in factors {
                relations.push(self.source(factor, &ctes));
            }
        }
        let column_zone = |source: &Source, column: &str| match source {
            Source::Table(table) => match self.timestamptz.get(table) {
                Some(columns) if columns.iter().any(|c| c == column) => Zone::Tz,
                _ => Zone::Plain,
            },
            Source::Computed(columns) => columns
                .iter()
                .find(|(name, _)| name.as_deref() == Some(column))
                .map_or(Zone::Unknown, |(_, zone)| *zone),
            Source::Unknown => Zone::Unknown,
        };
        let has = |source: &Source, column: &str| match source {
            Source::Table(table) => self
                .backend
                .columns(table)
                .map(|columns| columns.iter().any(|c| c == column)),
            Source::Computed(columns) => Some(
                columns
                    .iter()
                    .any(|(name, _)| name.as_deref() == Some(column)),
            ),
            Source::Unknown => None,
        };
        let expr_zone = |expr: &Expr| {
            zone_of(expr, &|qualifier, column| match qualifier {
                Some(qualifier) => relations
                    .iter()
                    .find(|(name, _)| *name == qualifier)
                    .map_or(Zone::Unknown, |(_, source)| column_zone(source, column)),
                // A bare name: any relation that might hold it decides.
                None => relations
                    .iter()
                    .map(|(_, source)| match has(source, column) {
                        Some(true) => column_zone(source, column),
                        Some(false) => Zone::Either,
                        None => Zone::Unknown,
                    })
                    .fold(Zone::Either, Zone::and),
            })
        };
        let mut columns = Vec::new();
        for item in &select.projection {
            let wanted: Vec<&Source> = match item {
                SelectItem::UnnamedExpr(expr) => {
                    columns.push((output_name(expr), expr_zone(expr)));
                    continue;
                }
                SelectItem::ExprWithAlias { expr, alias } => {
                    columns.push((Some(identifier_name(alias)), expr_zone(expr)));
                    continue;
                }
                SelectItem::Wildcard(_) if plain_joins => {
                    relations.iter().map(|(_, source)| source).collect()
                }
                SelectItem::QualifiedWildcard(name, _) => {
                    let qualifier = name.0.last().map(identifier_name).unwrap_or_default();
                    relations
                        .iter()
                        .filter(|(n, _)| *n == qualifier)
                        .map(|(_, source)| source)
                        .collect()
                }
                SelectItem::Wildcard(_) => return columns,
            };
            for source in wanted {
                match source {
                    Source::Table(table) => match self.backend.columns(table) {
                        Some(names) => columns.extend(
                            names
                                .into_iter()
                                .map(|name| (Some(name.clone()), column_zone(source, &name))),
                        ),
                        None => return columns,
                    },
                    Source::Computed(computed) => columns.extend(computed.iter().cloned()),
                    // Its columns cannot be counted: the rest are unknown.
                    Source::Unknown => return columns,
                }
            }
        }
        columns
    }

    /// What a FROM item reads, by the name the query uses for it.
    fn source(&self, factor: &TableFactor, ctes: &HashMap<String, Computed>) -> (String, Source) {
        match factor {
            TableFactor::Table {
                name,
                alias,
                args: None,
                ..
            } => {
                let table = name.0.last().map(identifier_name).unwrap_or_default();
                let used = alias
                    .as_ref()
                    .map_or(table.clone(), |a| identifier_name(&a.name));
                let source = if alias.as_ref().is_some_and(|a| !a.columns.is_empty()) {
                    Source::Unknown
                } else if let (Some(cte), 1) = (ctes.get(&table), name.0.len()) {
                    Source::Computed(cte.clone())
                } else if self.backend.is_view(&table) {
                    Source::Unknown
                } else {
                    Source::Table(table)
                };
                (used, source)
            }
            TableFactor::Derived {
                subquery,
                alias: Some(alias),
                ..
            } if alias.columns.is_empty() => (
                identifier_name(&alias.name),
                Source::Computed(self.columns_of(subquery, ctes)),
            ),
            other => {
                let alias = match other {
                    TableFactor::Derived { alias, .. }
                    | TableFactor::Function { alias, .. }
                    | TableFactor::Table { alias, .. } => alias.as_ref(),
                    _ => None,
                };
                (
                    alias.map_or_else(String::new, |a| identifier_name(&a.name)),
                    Source::Unknown,
                )
            }
        }
    }

    /// Prints the `TIMESTAMPTZ` columns of a result with their zone; refuses a timestamp column
    /// whose zone is unknown in a statement that reads a `TIMESTAMPTZ`.
    pub fn apply(
        &self,
        query: &Query,
        zones: &[Zone],
        mut result: QueryResult,
    ) -> Result<QueryResult, EngineError> {
        for (index, column) in result.columns.iter_mut().enumerate() {
            if column.type_name != "TIMESTAMP" {
                continue;
            }
            match zones.get(index).copied().unwrap_or(Zone::Unknown) {
                Zone::Tz => {}
                Zone::Plain | Zone::Either => continue,
                Zone::Unknown if !self.reads_timestamptz(query) => continue,
                Zone::Unknown => {
                    return Err(unsupported(
                        &format!(
                            "a TIMESTAMPTZ value read through a CTE, subquery, view or set operation (column \"{}\")",
                            column.name
                        ),
                        "cast it where it is read, col::timestamp, to get it as a UTC TIMESTAMP",
                    ))
                }
            }
            column.type_name = "TIMESTAMPTZ".to_owned();
            for row in &mut result.rows {
                if let Cell::Text(text) = &mut row[index] {
                    text.push_str("+00");
                }
            }
        }
        Ok(result)
    }
}

/// The names and zones of a query's result columns.
type Computed = Vec<(Option<String>, Zone)>;

/// What a relation of a FROM list reads.
enum Source {
    Table(String),
    Computed(Computed),
    Unknown,
}

/// The name of a result column written without an alias, where it is a column's.
fn output_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Identifier(ident) => Some(identifier_name(ident)),
        Expr::CompoundIdentifier(parts) => parts.last().map(identifier_name),
        _ => None,
    }
}

/// The zone of an expression; `column` gives the zone of a column by qualifier and name.
fn zone_of(expr: &Expr, column: &dyn Fn(Option<String>, &str) -> Zone) -> Zone {
    let all = |exprs: &mut dyn Iterator<Item = &Expr>| {
        exprs.fold(Zone::Either, |zone, e| zone.and(zone_of(e, column)))
    };
    match expr {
        Expr::Identifier(ident) => column(None, &identifier_name(ident)),
        Expr::CompoundIdentifier(parts) => match parts.as_slice() {
            [qualifier, name] => column(Some(identifier_name(qualifier)), &identifier_name(name)),
            _ => Zone::Unknown,
        },
        Expr::Value(_) | Expr::Interval(_) => Zone::Either,
        Expr::TypedString { data_type, .. } | Expr::Cast { data_type, .. } => {
            match (is_timestamptz(data_type), data_type) {
                (true, _) => Zone::Tz,
                (false, DataType::Timestamp(..) | DataType::Datetime(_)) => Zone::Plain,
                // Not a timestamp: its zone does not matter.
                _ => Zone::Either,
            }
        }
        Expr::Nested(inner) => zone_of(inner, column),
        Expr::BinaryOp {
            left,
            op: BinaryOperator::Plus | BinaryOperator::Minus,
            right,
        } => zone_of(left, column).and(zone_of(right, column)),
        Expr::Case {
            operand: _,
            conditions: _,
            results,
            else_result,
        } => all(&mut results.iter().chain(else_result.as_deref())),
        Expr::Function(function) => {
            let name = function.name.to_string().to_ascii_lowercase();
            // The dataset clock is a TIMESTAMP, like the dataset's columns.
            if ["now", "current_timestamp", "localtimestamp"].contains(&name.as_str()) {
                return Zone::Plain;
            }
            let same_as_arguments = [
                "min",
                "max",
                "coalesce",
                "greatest",
                "least",
                "date_trunc",
                "lag",
                "lead",
                "first_value",
                "last_value",
                "nullif",
            ];
            let FunctionArguments::List(list) = &function.args else {
                return Zone::Unknown;
            };
            if !same_as_arguments.contains(&name.as_str()) {
                return Zone::Unknown;
            }
            all(&mut list.args.iter().filter_map(|arg| match arg {
                FunctionArg::Unnamed(FunctionArgExpr::Expr(e))
                | FunctionArg::Named {
                    arg: FunctionArgExpr::Expr(e),
                    ..
                } => Some(e),
                _ => None,
            }))
        }
        _ => Zone::Unknown,
    }
}
