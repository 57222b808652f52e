//! Queries GlueSQL cannot run as written, run as a few steps it can.
//!
//! A query that uses `WITH`, set operations, window functions, table functions or derived tables
//! inside joins is taken apart here: each piece GlueSQL cannot answer directly is computed on its
//! own (by GlueSQL where it can, by us in Rust where it cannot), stored as a temporary table for
//! the rest of the statement, and referred to by name. What remains is a plain query GlueSQL
//! plans well (hash joins, GROUP BY, point lookups). Each step runs once per statement: a CTE or a
//! derived table is never recomputed per outer row.

use crate::error::EngineError;
use crate::hasher::{FastMap, FastSet};
use crate::sql::unsupported;
use crate::window;
use gluesql::core::data::Value;
use rust_decimal::Decimal;
use sqlparser::ast::{
    Expr, FunctionArg, FunctionArgExpr, GroupByExpr, Ident, JoinConstraint, JoinOperator,
    ObjectName, Query, Select, SelectItem, SetExpr, SetOperator, SetQuantifier, Statement,
    TableAlias, TableFactor, TableWithJoins, Visit, Visitor, VisitorMut, With,
};
use std::collections::HashSet;
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::ControlFlow;

/// Rows with named columns: a result, or the contents of a temporary table.
#[derive(Debug, Clone, Default)]
pub struct Relation {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Relation {
    /// The first value that is not NULL in each column, which tells the column's type. One pass
    /// over the rows, row by row: a column that is NULL throughout (a union branch's padding)
    /// costs no pass of its own.
    pub fn typed_values(&self) -> Vec<Option<&Value>> {
        let mut found = vec![None; self.columns.len()];
        let mut missing = found.len();
        for row in &self.rows {
            if missing == 0 {
                break;
            }
            for (slot, value) in found.iter_mut().zip(row) {
                if slot.is_none() && !matches!(value, Value::Null) {
                    *slot = Some(value);
                    missing -= 1;
                }
            }
        }
        found
    }
}

/// What the steps need from the engine.
pub trait Backend {
    /// Runs a query GlueSQL answers as written.
    fn select(&mut self, query: Query) -> Result<Relation, EngineError>;
    /// Keeps rows as a temporary table until the statement ends; returns the table's name.
    fn materialize(&mut self, relation: Relation) -> Result<String, EngineError>;
    /// Replaces the rows of a temporary table.
    fn replace(&mut self, table: &str, rows: Vec<Vec<Value>>) -> Result<(), EngineError>;
    /// Runs `query`, which GlueSQL answers as written, once per round: before each round the
    /// rows of `table` are replaced by `rows`, then by those `next` makes of each answer, until
    /// there are none.
    fn rounds(
        &mut self,
        query: Query,
        table: &str,
        rows: Vec<Vec<Value>>,
        next: &mut dyn FnMut(Relation) -> Result<Vec<Vec<Value>>, EngineError>,
    ) -> Result<(), EngineError>;
    /// The column names of a table, in order.
    fn columns(&self, table: &str) -> Option<Vec<String>>;
    /// A view's query, ready to run, and its column names.
    fn view(&mut self, name: &str) -> Option<Result<(Query, Vec<Ident>), EngineError>>;
    fn is_view(&self, name: &str) -> bool;
}

/// Most rows a `WITH RECURSIVE` may produce, and most rounds it may take.
const MAX_RECURSIVE_ROWS: usize = 1_000_000;
const MAX_RECURSIVE_ROUNDS: usize = 10_000;

/// Answers a query, in steps when it needs them.
pub fn query(backend: &mut dyn Backend, mut query: Query) -> Result<Relation, EngineError> {
    if answered_as_written(&*backend, &mut query) {
        backend.select(query)
    } else {
        evaluate(backend, query)
    }
}

/// Whether GlueSQL answers `query` as written, with no step before it; then its `GROUP BY` is
/// made to name its inputs (see `group_by_output_names`).
pub fn answered_as_written(backend: &dyn Backend, query: &mut Query) -> bool {
    // A derived table alone in FROM is computed first too: GlueSQL's executor would run it,
    // and every subquery in it per row, where the in-place reads cannot.
    let derived = matches!(&*query.body, SetExpr::Select(select) if reads_derived_table(select));
    if derived
        || needs_steps(&*query)
        || joins_exists(query)
        || !views_read(backend, &*query).is_empty()
    {
        return false;
    }
    if let SetExpr::Select(select) = query.body.as_mut() {
        group_by_output_names(backend, select);
    }
    true
}

/// True when GlueSQL cannot answer the query (or would answer it far too slowly) as written.
pub fn needs_steps<V: Visit>(node: &V) -> bool {
    step_construct(node).is_some()
}

/// What makes a query need steps (see [`needs_steps`]), in the words a message gives it.
fn step_construct<V: Visit>(node: &V) -> Option<&'static str> {
    let mut visitor = NeedsSteps::default();
    crate::walk::walk(node, &mut visitor)
        .is_break()
        .then_some(visitor.construct)
}

/// Finds what needs steps, and keeps its name.
#[derive(Default)]
struct NeedsSteps {
    construct: &'static str,
}

impl NeedsSteps {
    fn found(&mut self, construct: &'static str) -> ControlFlow<()> {
        self.construct = construct;
        ControlFlow::Break(())
    }
}

impl Visitor for NeedsSteps {
    type Break = ();

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        if query.with.is_some() {
            return self.found("WITH");
        }
        let select = match query.body.as_ref() {
            SetExpr::Select(select) => select,
            SetExpr::Values(_) => return ControlFlow::Continue(()),
            _ => return self.found("UNION, INTERSECT or EXCEPT"),
        };
        let construct = if joins_derived_table(select) {
            "a subquery in FROM joined to a table"
        } else if crate::full_join::needs_step(select) {
            "a FULL or RIGHT JOIN"
        } else if crate::sql::joins_need_columns(select) {
            "NATURAL JOIN or JOIN ... USING"
        } else if matches!(select.distinct, Some(sqlparser::ast::Distinct::On(_))) {
            "DISTINCT ON"
        } else if select
            .projection
            .iter()
            .any(|item| series_call(item).is_some())
        {
            "generate_series in the select list"
        } else {
            return ControlFlow::Continue(());
        };
        self.found(construct)
    }

    fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<()> {
        match factor {
            TableFactor::Table { args: Some(_), .. } | TableFactor::Function { .. } => {
                self.found("a function in FROM")
            }
            _ => ControlFlow::Continue(()),
        }
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
        match expr {
            Expr::Function(function) if function.over.is_some() => self.found("a window function"),
            // GlueSQL runs a subquery again for every row; one that does not read the outer
            // query is computed once here.
            Expr::Subquery(_) | Expr::InSubquery { .. } => self.found("a subquery"),
            _ => ControlFlow::Continue(()),
        }
    }
}

/// A `WHERE` or inner join condition with a correlated subquery that [`semi_joins`] runs as a
/// join instead of once per row.
fn joins_exists(query: &Query) -> bool {
    let SetExpr::Select(select) = query.body.as_ref() else {
        return false;
    };
    select
        .selection
        .iter()
        .chain(liftable_conditions(select))
        .any(|condition| {
            crate::sql::conjuncts(condition.clone())
                .iter()
                .any(is_semi_join)
        })
}

/// A correlated subquery [`semi_joins`] runs as a join.
fn is_semi_join(conjunct: &Expr) -> bool {
    matches!(conjunct, Expr::Exists { subquery, .. } if exists_as_values(subquery).is_some())
        || aggregate_by_key(conjunct).is_some()
}

/// The inner joins whose ON conditions hold as well in WHERE: those no RIGHT or FULL join
/// follows (it would keep rows the condition drops).
fn liftable_joins(from: &TableWithJoins) -> impl Iterator<Item = usize> + '_ {
    let outer = from.joins.iter().rposition(|join| {
        !matches!(
            join.join_operator,
            JoinOperator::Inner(_) | JoinOperator::LeftOuter(_) | JoinOperator::CrossJoin
        )
    });
    let start = outer.map_or(0, |last| last + 1);
    (start..from.joins.len())
        .filter(|&index| matches!(from.joins[index].join_operator, JoinOperator::Inner(_)))
}

/// The `ON` conditions of the [`liftable_joins`].
fn liftable_conditions(select: &sqlparser::ast::Select) -> impl Iterator<Item = &Expr> {
    select.from.iter().flat_map(|from| {
        liftable_joins(from).filter_map(|index| match &from.joins[index].join_operator {
            JoinOperator::Inner(JoinConstraint::On(on)) => Some(on),
            _ => None,
        })
    })
}

/// Moves the correlated subqueries [`semi_joins`] runs as joins from inner join conditions to
/// WHERE, where it finds them.
fn lift_semi_joins(select: &mut sqlparser::ast::Select) {
    let mut lifted = Vec::new();
    for from in &mut select.from {
        for index in liftable_joins(from).collect::<Vec<_>>() {
            let JoinOperator::Inner(JoinConstraint::On(on)) = &mut from.joins[index].join_operator
            else {
                continue;
            };
            let (moved, kept): (Vec<_>, Vec<_>) = crate::sql::conjuncts(on.clone())
                .into_iter()
                .partition(is_semi_join);
            if !moved.is_empty() {
                lifted.extend(moved);
                *on = crate::sql::and_all(kept).unwrap_or_else(crate::sql::true_expr);
            }
        }
    }
    if !lifted.is_empty() {
        lifted.extend(select.selection.take());
        select.selection = crate::sql::and_all(lifted);
    }
}

/// GlueSQL re-runs a derived table for every row it is joined to.
fn joins_derived_table(select: &sqlparser::ast::Select) -> bool {
    let count = select
        .from
        .iter()
        .map(|from| 1 + from.joins.len())
        .sum::<usize>();
    count > 1 && reads_derived_table(select)
}

fn reads_derived_table(select: &sqlparser::ast::Select) -> bool {
    select
        .from
        .iter()
        .flat_map(|from| {
            std::iter::once(&from.relation).chain(from.joins.iter().map(|join| &join.relation))
        })
        .any(|factor| matches!(factor, TableFactor::Derived { .. }))
}

/// Names of the views a query reads (a CTE of the same name hides a view).
pub fn views_read<V: Visit>(backend: &dyn Backend, node: &V) -> Vec<Ident> {
    struct Finder<'a> {
        backend: &'a dyn Backend,
        found: Vec<Ident>,
    }
    impl Visitor for Finder<'_> {
        type Break = ();
        fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<()> {
            if let TableFactor::Table {
                name, args: None, ..
            } = factor
            {
                if let [only] = name.0.as_slice() {
                    let known = self.found.iter().any(|found| same_name(found, only));
                    if !known && self.backend.is_view(&identifier_name(only)) {
                        self.found.push(only.clone());
                    }
                }
            }
            ControlFlow::Continue(())
        }
    }
    let mut finder = Finder {
        backend,
        found: Vec::new(),
    };
    let _ = crate::walk::walk(node, &mut finder);
    finder.found
}

/// Computes each view the query reads once, like a CTE.
fn bind_views(backend: &mut dyn Backend, query: &mut Query) -> Result<(), EngineError> {
    let ctes: Vec<Ident> = query
        .with
        .iter()
        .flat_map(|with| with.cte_tables.iter().map(|cte| cte.alias.name.clone()))
        .collect();
    for name in views_read(&*backend, query) {
        if ctes.iter().any(|cte| same_name(cte, &name)) {
            continue;
        }
        let Some(view) = backend.view(&identifier_name(&name)) else {
            continue;
        };
        let (view_query, columns) = view?;
        let relation = rename_columns(self::query(backend, view_query)?, &columns, &name)?;
        let table = backend.materialize(relation)?;
        let _ = crate::walk::walk_mut(
            query,
            &mut RenameTable {
                from: &name,
                to: &table,
            },
        );
    }
    Ok(())
}

/// Answers a query in steps (see [`query`]).
pub fn evaluate(backend: &mut dyn Backend, mut query: Query) -> Result<Relation, EngineError> {
    bind_views(backend, &mut query)?;
    if let Some(with) = query.with.take() {
        bind_ctes(backend, with, &mut query)?;
    }
    crate::flatten::derived_tables(&*backend, &mut query);
    semi_joins(backend, &mut query)?;
    let mut nested = Nested { backend };
    if let ControlFlow::Break(error) = crate::walk::walk_mut(&mut query, &mut nested) {
        return Err(error);
    }
    crate::join_columns::rewrite(&*backend, &mut query)?;
    crate::full_join::rewrite(backend, &mut query)?;
    if let SetExpr::Select(select) = query.body.as_mut() {
        group_by_output_names(&*backend, select);
    }
    match *query.body {
        SetExpr::Select(ref select) if window::has_windows(select, &query) => {
            window::evaluate(backend, query)
        }
        SetExpr::Select(ref select)
            if select
                .projection
                .iter()
                .any(|item| series_call(item).is_some()) =>
        {
            series_in_select_list(backend, query)
        }
        SetExpr::Select(_) | SetExpr::Values(_) => backend.select(query),
        _ => {
            let mut tail = query;
            set_operation_order(&tail)?;
            let placeholder = select_all_from("x").body;
            let body = std::mem::replace(&mut tail.body, placeholder);
            let relation = set_expr(backend, *body)?;
            finish(backend, relation, tail)
        }
    }
}

/// A set operation's `ORDER BY` names its result's columns, by name or position, as in
/// PostgreSQL: an expression (even over those columns) is an error there, not a sort.
fn set_operation_order(query: &Query) -> Result<(), EngineError> {
    let exprs = query.order_by.iter().flat_map(|order| &order.exprs);
    let mut keys = exprs.map(|item| {
        let mut expr = &item.expr;
        while let Expr::Nested(inner) = expr {
            expr = inner;
        }
        expr
    });
    let plain = |expr: &Expr| {
        matches!(
            expr,
            Expr::Identifier(_)
                | Expr::CompoundIdentifier(_)
                | Expr::Value(sqlparser::ast::Value::Number(..))
        )
    };
    match keys.find(|expr| !plain(expr)) {
        None => Ok(()),
        Some(expr) => Err(EngineError::Execution {
            message: format!(
                "invalid UNION/INTERSECT/EXCEPT ORDER BY clause: only result column names can \
                 be used, not expressions or functions ({expr}); add it to every SELECT, or \
                 move the set operation into a FROM clause"
            ),
        }),
    }
}

/// `GROUP BY k` where `k` is no column of the FROM list but an output column's name groups by
/// what that column computes, as in PostgreSQL (GlueSQL reads only input columns there). Left
/// as written when a table's columns are not known here.
fn group_by_output_names(backend: &dyn Backend, select: &mut Select) {
    let GroupByExpr::Expressions(keys, _) = &mut select.group_by else {
        return;
    };
    if !keys.iter().any(|key| matches!(key, Expr::Identifier(_))) {
        return;
    }
    let mut factors = Vec::new();
    for from in &select.from {
        factors.push(&from.relation);
        factors.extend(from.joins.iter().map(|join| &join.relation));
    }
    let mut input = Vec::new();
    for factor in factors {
        let TableFactor::Table { name, .. } = factor else {
            return;
        };
        let [table] = name.0.as_slice() else {
            return;
        };
        let Some(columns) = backend.columns(&identifier_name(table)) else {
            return;
        };
        input.extend(columns);
    }
    for key in keys {
        let Expr::Identifier(name) = key else {
            continue;
        };
        let wanted = identifier_name(name);
        if input.contains(&wanted) {
            continue;
        }
        let output = select.projection.iter().find_map(|item| match item {
            SelectItem::ExprWithAlias { expr, alias } if identifier_name(alias) == wanted => {
                Some(expr)
            }
            _ => None,
        });
        if let Some(expr) = output {
            *key = expr.clone();
        }
    }
}

/// Applies a query's `ORDER BY`, `LIMIT` and `OFFSET` to rows computed in steps.
fn finish(
    backend: &mut dyn Backend,
    relation: Relation,
    tail: Query,
) -> Result<Relation, EngineError> {
    if tail.order_by.is_none() && tail.limit.is_none() && tail.offset.is_none() {
        if tail.fetch.is_some() {
            return Err(unsupported("FETCH FIRST", "use LIMIT"));
        }
        return Ok(relation);
    }
    let mut order_by = tail.order_by;
    // Positions name the combined rows' columns (GlueSQL would read them after `*`).
    for item in order_by.iter_mut().flat_map(|order| order.exprs.iter_mut()) {
        if let Expr::Value(sqlparser::ast::Value::Number(number, false)) = &item.expr {
            let position: usize = number.to_string().parse().unwrap_or(0);
            let Some(column) = relation.columns.get(position.wrapping_sub(1)) else {
                return Err(EngineError::Execution {
                    message: format!("ORDER BY position {number} is not in select list"),
                });
            };
            item.expr = Expr::Identifier(Ident::with_quote('"', column.clone()));
        }
    }
    let table = backend.materialize(relation)?;
    let mut query = select_all_from(&table);
    query.order_by = order_by;
    query.limit = tail.limit;
    query.offset = tail.offset;
    query.fetch = tail.fetch;
    backend.select(query)
}

/// `SELECT * FROM <table>`. Every step of a statement reads its table so: the query is parsed
/// once and copied with the name put in.
pub fn select_all_from(table: &str) -> Query {
    thread_local! {
        static SELECT_ALL: Query = match crate::sql::parse("SELECT * FROM t") {
            Ok(mut statements) => match statements.remove(0) {
                Statement::Query(query) => *query,
                _ => unreachable!("a fixed query parses as one"),
            },
            Err(_) => unreachable!("a fixed query parses"),
        };
    }
    let mut query = SELECT_ALL.with(Query::clone);
    if let SetExpr::Select(select) = query.body.as_mut() {
        select.from[0].relation = table_factor(table, None);
    }
    query
}

fn set_expr(backend: &mut dyn Backend, body: SetExpr) -> Result<Relation, EngineError> {
    match body {
        SetExpr::Query(inner) => evaluate(backend, *inner),
        SetExpr::SetOperation {
            op,
            set_quantifier,
            left,
            right,
        } => {
            let left = set_expr(backend, *left)?;
            let right = set_expr(backend, *right)?;
            combine(op, set_quantifier, left, right)
        }
        SetExpr::Select(select) => {
            let mut query = select_all_from("x");
            *query.body = SetExpr::Select(select);
            evaluate(backend, query)
        }
        SetExpr::Values(values) => {
            let mut query = select_all_from("x");
            *query.body = SetExpr::Values(values);
            backend.select(query)
        }
        other => Err(unsupported(
            &format!("{other} as part of a query"),
            "run it as its own statement",
        )),
    }
}

/// `UNION`, `INTERSECT` and `EXCEPT`, with or without `ALL`. Rows are equal when every value is
/// equal, NULL included, as PostgreSQL compares them here.
fn combine(
    op: SetOperator,
    quantifier: SetQuantifier,
    left: Relation,
    right: Relation,
) -> Result<Relation, EngineError> {
    let name = match op {
        SetOperator::Union => "UNION",
        SetOperator::Intersect => "INTERSECT",
        SetOperator::Except => "EXCEPT",
    };
    let all = match quantifier {
        SetQuantifier::All => true,
        SetQuantifier::Distinct | SetQuantifier::None => false,
        _ => return Err(unsupported(&format!("{name} BY NAME"), "list the columns")),
    };
    if left.columns.len() != right.columns.len() {
        return Err(EngineError::Execution {
            message: format!("each {name} query must have the same number of columns"),
        });
    }
    check_matching_types(name, &left, &right)?;
    let Relation {
        columns,
        rows: mut left,
    } = left;
    let right = right.rows;
    let rows = match (op, all) {
        // The left rows' vector grows in place: no second copy of every row.
        (SetOperator::Union, true) => {
            left.extend(right);
            left
        }
        (SetOperator::Union, false) => distinct(left.into_iter().chain(right)),
        (SetOperator::Intersect, _) | (SetOperator::Except, _) => {
            let mut counts: FastMap<Vec<RowKey>, usize> = FastMap::default();
            for row in &right {
                *counts.entry(row_key(row)).or_default() += 1;
            }
            let keep_when_found = op == SetOperator::Intersect;
            let mut seen = FastSet::default();
            left.into_iter()
                .filter(|row| {
                    let key = row_key(row);
                    if !all && !seen.insert(key.clone()) {
                        return false;
                    }
                    let found = match counts.get_mut(&key) {
                        Some(count) if *count > 0 => {
                            if all {
                                *count -= 1;
                            }
                            true
                        }
                        _ => false,
                    };
                    found == keep_when_found
                })
                .collect()
        }
    };
    Ok(Relation { columns, rows })
}

fn distinct(rows: impl Iterator<Item = Vec<Value>>) -> Vec<Vec<Value>> {
    // Rows kept so far, by hash: the last kept row of each hash, and for each kept row the one
    // of the same hash before it. No key is built per row (a vector of keys per row was a fifth
    // of an anti-join over 50,000 visits).
    let mut kept: Vec<Vec<Value>> = Vec::new();
    let mut same_hash: Vec<Option<usize>> = Vec::new();
    let mut latest: FastMap<u64, usize> = FastMap::default();
    for row in rows {
        let mut hasher = latest.hasher().build_hasher();
        for value in &row {
            match value {
                Value::I64(_) | Value::Decimal(_) | Value::F64(_) => {
                    value_key(value).hash(&mut hasher)
                }
                other => other.hash(&mut hasher),
            }
        }
        let hash = hasher.finish();
        let first = latest.get(&hash).copied();
        let mut candidate = first;
        while let Some(index) = candidate {
            if kept[index].iter().zip(&row).all(|(a, b)| same_key(a, b)) {
                break;
            }
            candidate = same_hash[index];
        }
        if candidate.is_none() {
            same_hash.push(first);
            latest.insert(hash, kept.len());
            kept.push(row);
        }
    }
    kept
}

/// Whether two values have equal [`value_key`]s.
fn same_key(a: &Value, b: &Value) -> bool {
    let number = |value: &Value| matches!(value, Value::I64(_) | Value::Decimal(_) | Value::F64(_));
    match (a, b) {
        (Value::I64(a), Value::I64(b)) => a == b,
        _ if number(a) || number(b) => value_key(a) == value_key(b),
        _ => a == b,
    }
}

/// PostgreSQL refuses to line up columns of unrelated types (`integer` with `text`).
fn check_matching_types(name: &str, left: &Relation, right: &Relation) -> Result<(), EngineError> {
    for (l, r) in left.typed_values().into_iter().zip(right.typed_values()) {
        if let (Some(l), Some(r)) = (l.map(type_category), r.map(type_category)) {
            if l != r {
                return Err(EngineError::Execution {
                    message: format!("{name} types {l} and {r} cannot be matched"),
                });
            }
        }
    }
    Ok(())
}

fn type_category(value: &Value) -> &'static str {
    match value {
        Value::I8(_)
        | Value::I16(_)
        | Value::I32(_)
        | Value::I64(_)
        | Value::I128(_)
        | Value::U8(_)
        | Value::U16(_)
        | Value::U32(_)
        | Value::U64(_)
        | Value::U128(_)
        | Value::F32(_)
        | Value::F64(_)
        | Value::Decimal(_) => "numeric",
        Value::Str(_) => "text",
        Value::Bool(_) => "boolean",
        Value::Date(_) | Value::Timestamp(_) => "timestamp",
        Value::Interval(_) => "interval",
        _ => "other",
    }
}

/// A value as a hashable key; numbers equal in value are equal keys (`1` and `1.0`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RowKey {
    Null,
    /// A number that is a whole `i64`, whatever its type: the common case, hashed cheaply.
    Int(i64),
    Number(Decimal),
    Float(u64),
    /// Any other value: equal only to a value of its own type.
    Other(Value),
}

pub fn value_key(value: &Value) -> RowKey {
    match value {
        Value::Null => RowKey::Null,
        Value::I64(n) => RowKey::Int(*n),
        Value::Decimal(d) => number_key(d.normalize()),
        Value::F64(f) => match Decimal::from_f64_retain(*f) {
            Some(d) if f.fract() == 0.0 => number_key(d.normalize()),
            _ => RowKey::Float(f.to_bits()),
        },
        other => RowKey::Other(other.clone()),
    }
}

fn number_key(number: Decimal) -> RowKey {
    use rust_decimal::prelude::ToPrimitive;
    match number.is_integer().then(|| number.to_i64()).flatten() {
        Some(n) => RowKey::Int(n),
        None => RowKey::Number(number),
    }
}

pub fn row_key(row: &[Value]) -> Vec<RowKey> {
    row.iter().map(value_key).collect()
}

/// Computes each CTE once, in order, and points every later reference at its rows.
fn bind_ctes(backend: &mut dyn Backend, with: With, query: &mut Query) -> Result<(), EngineError> {
    let mut ctes = with.cte_tables;
    for index in 0..ctes.len() {
        let name = ctes[index].alias.name.clone();
        let used = refers_to(query, &name)
            || ctes[index + 1..]
                .iter()
                .any(|later| refers_to(&later.query, &name));
        if !used {
            continue;
        }
        let cte = ctes[index].clone();
        let recursive = with.recursive && refers_to(&cte.query, &name);
        let relation = if recursive {
            recursive_cte(backend, &cte.alias, *cte.query)?
        } else {
            rename_columns(self::query(backend, *cte.query)?, &cte.alias.columns, &name)?
        };
        let table = backend.materialize(relation)?;
        let mut rename = RenameTable {
            from: &name,
            to: &table,
        };
        for later in &mut ctes[index + 1..] {
            let _ = crate::walk::walk_mut(&mut later.query, &mut rename);
        }
        let _ = crate::walk::walk_mut(query, &mut rename);
    }
    Ok(())
}

/// `WITH RECURSIVE name AS (anchor UNION [ALL] step)`: the step runs on the rows the previous
/// round added until a round adds none.
fn recursive_cte(
    backend: &mut dyn Backend,
    alias: &TableAlias,
    query: Query,
) -> Result<Relation, EngineError> {
    let name = &alias.name;
    let shape_hint = "write it as <anchor query> UNION ALL <query that reads the CTE once>, with no ORDER BY or LIMIT inside";
    if query.order_by.is_some() || query.limit.is_some() || query.with.is_some() {
        return Err(unsupported("this form of WITH RECURSIVE", shape_hint));
    }
    let SetExpr::SetOperation {
        op: SetOperator::Union,
        set_quantifier,
        left,
        right,
    } = *query.body
    else {
        return Err(unsupported("this form of WITH RECURSIVE", shape_hint));
    };
    let all = match set_quantifier {
        SetQuantifier::All => true,
        SetQuantifier::Distinct | SetQuantifier::None => false,
        _ => return Err(unsupported("this form of WITH RECURSIVE", shape_hint)),
    };
    if refers_to(&*left, name) {
        return Err(recursion_error(name, "within its non-recursive term"));
    }
    check_recursive_term(&right, name)?;
    let anchor = rename_columns(set_expr(backend, *left)?, &alias.columns, name)?;
    let columns = anchor.columns.clone();
    let types = value_types(&anchor);
    let mut seen: HashSet<Vec<RowKey>> = HashSet::new();
    let mut fresh = if all {
        anchor.rows
    } else {
        distinct(anchor.rows.into_iter())
    };
    if !all {
        seen.extend(fresh.iter().map(|row| row_key(row)));
    }
    let mut rows = fresh.clone();
    let working = backend.materialize(Relation {
        columns: columns.clone(),
        rows: Vec::new(),
    })?;
    let mut step = *right;
    let _ = crate::walk::walk_mut(
        &mut step,
        &mut RenameTable {
            from: name,
            to: &working,
        },
    );
    hoist_derived_tables(backend, &mut step)?;
    let limits = |rounds: usize, rows: usize| {
        if rounds < MAX_RECURSIVE_ROUNDS && rows <= MAX_RECURSIVE_ROWS {
            return Ok(());
        }
        Err(EngineError::Execution {
            message: format!(
                "WITH RECURSIVE {name} stopped after {rounds} rounds and {rows} rows; add a condition that ends it, or use generate_series for a series"
            ),
        })
    };
    limits(0, rows.len())?;
    let mut rounds = 0;
    // What a round's answer adds: the rows it has not seen (all of them with UNION ALL).
    let mut next = |produced: Relation| {
        if produced.columns.len() != columns.len() {
            return Err(EngineError::Execution {
                message: "each UNION query must have the same number of columns".to_owned(),
            });
        }
        // PostgreSQL types the CTE by its first term and refuses a recursive term of another
        // type; integers of any width are one type here, as the engine does not tell them apart.
        for (position, pair) in types.iter().zip(value_types(&produced)).enumerate() {
            if let (Some(first), Some(later)) = pair {
                if *first != later {
                    return Err(EngineError::Execution {
                        message: format!(
                            "recursive query \"{}\" column {} has type {first} in its non-recursive term but {later} in its recursive term; cast one of them to the other's type",
                            identifier_name(name),
                            position + 1
                        ),
                    });
                }
            }
        }
        let fresh: Vec<_> = if all {
            produced.rows
        } else {
            produced
                .rows
                .into_iter()
                .filter(|row| seen.insert(row_key(row)))
                .collect()
        };
        rows.extend(fresh.iter().cloned());
        rounds += 1;
        if !fresh.is_empty() {
            limits(rounds, rows.len())?;
        }
        Ok(fresh)
    };
    let mut query = select_all_from("x");
    *query.body = step;
    if answered_as_written(&*backend, &mut query) {
        // Read and translated once, run every round.
        backend.rounds(query, &working, fresh, &mut next)?;
    } else {
        let step = *query.body;
        while !fresh.is_empty() {
            backend.replace(&working, fresh)?;
            fresh = next(set_expr(backend, step.clone())?)?;
        }
    }
    Ok(Relation { columns, rows })
}

/// The type of each column, as the results name it, where a row has a value for it.
fn value_types(relation: &Relation) -> Vec<Option<&'static str>> {
    let values = relation.typed_values().into_iter();
    values
        .map(|value| value.map(crate::engine::type_name))
        .collect()
}

/// PostgreSQL's rules for the part of `WITH RECURSIVE` that reads the CTE: it reads it once, not
/// in a subquery nor on the side of an outer join that may be missing, and neither aggregates
/// nor windows its rows.
fn check_recursive_term(term: &SetExpr, name: &Ident) -> Result<(), EngineError> {
    struct Reads<'a> {
        name: &'a Ident,
        subqueries: usize,
        references: usize,
        in_subquery: bool,
        aggregate: bool,
        window: bool,
    }
    impl Visitor for Reads<'_> {
        type Break = ();
        fn pre_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
            self.subqueries += 1;
            ControlFlow::Continue(())
        }
        fn post_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
            self.subqueries -= 1;
            ControlFlow::Continue(())
        }
        fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<()> {
            if names_table(factor, self.name) {
                self.references += 1;
                self.in_subquery |= self.subqueries > 0;
            }
            ControlFlow::Continue(())
        }
        fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
            if self.subqueries == 0 {
                self.aggregate |= crate::names::is_aggregate(expr);
                self.window |= matches!(expr, Expr::Function(f) if f.over.is_some());
            }
            ControlFlow::Continue(())
        }
    }
    let mut reads = Reads {
        name,
        subqueries: 0,
        references: 0,
        in_subquery: false,
        aggregate: false,
        window: false,
    };
    let _ = crate::walk::walk(term, &mut reads);
    let clause = if reads.references > 1 {
        "more than once"
    } else if reads.in_subquery {
        "within a subquery"
    } else if outer_join_may_miss(term, name) {
        "within an outer join"
    } else if reads.aggregate || reads.window {
        let what = if reads.aggregate {
            "aggregate"
        } else {
            "window"
        };
        return Err(EngineError::Execution {
            message: format!(
                "{what} functions are not allowed in a recursive query's recursive term"
            ),
        });
    } else {
        return Ok(());
    };
    Err(recursion_error(name, clause))
}

/// Whether `name` is read on a side of an outer join of `term` that the join may leave out.
fn outer_join_may_miss(term: &SetExpr, name: &Ident) -> bool {
    let SetExpr::Select(select) = term else {
        return false;
    };
    select.from.iter().any(|table| {
        let mut before = refers_to(&table.relation, name);
        table.joins.iter().any(|join| {
            let here = refers_to(&join.relation, name);
            let missed = match join.join_operator {
                JoinOperator::LeftOuter(_) => here,
                JoinOperator::RightOuter(_) => before,
                JoinOperator::FullOuter(_) => here || before,
                _ => false,
            };
            before |= here;
            missed
        })
    })
}

fn recursion_error(name: &Ident, clause: &str) -> EngineError {
    EngineError::Execution {
        message: format!(
            "recursive reference to query \"{}\" must not appear {clause}",
            identifier_name(name)
        ),
    }
}

/// A derived table in the FROM of a recursive CTE's step is the same every round: it cannot read
/// the CTE (`check_recursive_term` refuses that) and every function here is deterministic. It
/// is computed once, before the rounds.
fn hoist_derived_tables(backend: &mut dyn Backend, step: &mut SetExpr) -> Result<(), EngineError> {
    let SetExpr::Select(select) = step else {
        return Ok(());
    };
    let factors = select.from.iter_mut().flat_map(|table| {
        std::iter::once(&mut table.relation)
            .chain(table.joins.iter_mut().map(|join| &mut join.relation))
    });
    for factor in factors {
        if let TableFactor::Derived {
            lateral: false,
            subquery,
            alias,
        } = factor
        {
            let relation = query(backend, (**subquery).clone())?;
            *factor = stored_as_table(backend, relation, alias.take())?;
        }
    }
    Ok(())
}

fn rename_columns(
    mut relation: Relation,
    names: &[Ident],
    table: &Ident,
) -> Result<Relation, EngineError> {
    if names.len() > relation.columns.len() {
        return Err(EngineError::Execution {
            message: format!(
                "{table} has {} columns available but {} columns specified",
                relation.columns.len(),
                names.len()
            ),
        });
    }
    for (column, name) in relation.columns.iter_mut().zip(names) {
        *column = identifier_name(name);
    }
    Ok(relation)
}

/// The name an identifier stands for: unquoted names fold to lower case, as in PostgreSQL.
pub fn identifier_name(ident: &Ident) -> String {
    match ident.quote_style {
        Some(_) => ident.value.clone(),
        None => ident.value.to_lowercase(),
    }
}

pub(crate) fn same_name(a: &Ident, b: &Ident) -> bool {
    identifier_name(a) == identifier_name(b)
}

fn refers_to<V: Visit>(node: &V, name: &Ident) -> bool {
    struct Finder<'a>(&'a Ident);
    impl Visitor for Finder<'_> {
        type Break = ();
        fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<()> {
            match names_table(factor, self.0) {
                true => ControlFlow::Break(()),
                false => ControlFlow::Continue(()),
            }
        }
    }
    crate::walk::walk(node, &mut Finder(name)).is_break()
}

/// Whether `factor` reads the table (or CTE) `name`.
fn names_table(factor: &TableFactor, name: &Ident) -> bool {
    matches!(factor, TableFactor::Table { name: table, args: None, .. }
        if matches!(table.0.as_slice(), [only] if same_name(only, name)))
}

/// Points references to a CTE at the table that holds its rows, keeping the name as the alias.
struct RenameTable<'a> {
    from: &'a Ident,
    to: &'a str,
}

impl VisitorMut for RenameTable<'_> {
    type Break = ();

    fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
        if let TableFactor::Table {
            name,
            alias,
            args: None,
            ..
        } = factor
        {
            if matches!(name.0.as_slice(), [only] if same_name(only, self.from)) {
                *name = ObjectName(vec![Ident::new(self.to)]);
                if alias.is_none() {
                    *alias = Some(TableAlias {
                        name: self.from.clone(),
                        columns: Vec::new(),
                    });
                }
            }
        }
        ControlFlow::Continue(())
    }
}

/// Computes derived tables, table functions and subqueries that need steps once, before the
/// query that holds them runs.
struct Nested<'a> {
    backend: &'a mut dyn Backend,
}

impl VisitorMut for Nested<'_> {
    type Break = EngineError;

    fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<EngineError> {
        let outcome = match factor {
            TableFactor::Derived { lateral: true, .. } => Err(unsupported(
                "LATERAL",
                "join to a CTE or derived table that computes the rows for every key",
            )),
            TableFactor::Derived {
                subquery, alias, ..
            } => {
                let subquery = (**subquery).clone();
                let alias = alias.take();
                query(self.backend, subquery)
                    .and_then(|relation| stored_as_table(self.backend, relation, alias))
            }
            TableFactor::Table {
                name,
                args: Some(args),
                alias,
                with_ordinality,
                ..
            } => {
                if *with_ordinality {
                    Err(unsupported(
                        "WITH ORDINALITY",
                        "number the rows with ROW_NUMBER() OVER ()",
                    ))
                } else {
                    let args = args.args.clone();
                    let name = name.clone();
                    let alias = alias.take();
                    table_function(self.backend, &name, &args).and_then(|mut relation| {
                        // A function returning one column takes the alias as its name.
                        if let Some(alias) = &alias {
                            relation.columns = vec![identifier_name(&alias.name)];
                        }
                        stored_as_table(self.backend, relation, alias)
                    })
                }
            }
            TableFactor::Function { name, .. } => Err(unsupported(
                &format!("the table function {name}"),
                "use generate_series(...) or a CTE",
            )),
            _ => return ControlFlow::Continue(()),
        };
        match outcome {
            Ok(table) => {
                *factor = table;
                ControlFlow::Continue(())
            }
            Err(error) => ControlFlow::Break(error),
        }
    }

    fn pre_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<EngineError> {
        let is_exists = matches!(expr, Expr::Exists { .. });
        let (subquery, distinct_values) = match expr {
            Expr::Subquery(subquery) => (subquery, false),
            Expr::InSubquery { subquery, .. } => (subquery, true),
            Expr::Exists { subquery, .. } => (subquery, false),
            _ => return ControlFlow::Continue(()),
        };
        if !needs_steps(&**subquery) {
            // Computed once when it does not read the outer query; otherwise GlueSQL runs it
            // per row as written.
            if is_exists {
                return ControlFlow::Continue(());
            }
            if let Ok(relation) = query(self.backend, (**subquery).clone()) {
                if let Some(value) = (!distinct_values)
                    .then(|| scalar_literal(&relation))
                    .flatten()
                {
                    *expr = value;
                    return ControlFlow::Continue(());
                }
                if relation.columns.len() == 1 {
                    let relation = if distinct_values {
                        Relation {
                            rows: distinct(relation.rows.into_iter()),
                            ..relation
                        }
                    } else {
                        relation
                    };
                    match self.backend.materialize(relation) {
                        Ok(table) => **subquery = select_all_from(&table),
                        Err(error) => return ControlFlow::Break(error),
                    }
                }
            }
            return ControlFlow::Continue(());
        }
        let outcome = query(self.backend, (**subquery).clone())
            .map_err(|error| correlated_hint(error, subquery))
            .and_then(|relation| self.backend.materialize(relation));
        match outcome {
            Ok(table) => {
                **subquery = select_all_from(&table);
                ControlFlow::Continue(())
            }
            Err(error) => ControlFlow::Break(error),
        }
    }
}

/// A scalar subquery's one value (NULL when it has no row) as a constant, for the types whose
/// literal reads back as the same value: GlueSQL then compares a constant instead of reading
/// the subquery's table again for every row.
fn scalar_literal(relation: &Relation) -> Option<Expr> {
    use sqlparser::ast::{DataType, Value as Literal};
    if relation.columns.len() != 1 || relation.rows.len() > 1 {
        return None;
    }
    let Some(row) = relation.rows.first() else {
        return Some(Expr::Value(Literal::Null));
    };
    let (literal, data_type) = match &row[0] {
        Value::Null => return Some(Expr::Value(Literal::Null)),
        Value::Bool(value) => return Some(Expr::Value(Literal::Boolean(*value))),
        Value::I64(value) => (Literal::Number((*value).into(), false), DataType::Int(None)),
        Value::Str(text) => (Literal::SingleQuotedString(text.clone()), DataType::Text),
        _ => return None,
    };
    // Typed, so it stays a 64-bit integer or a text in arithmetic and comparisons.
    Some(Expr::Cast {
        kind: sqlparser::ast::CastKind::Cast,
        expr: Box::new(Expr::Value(literal)),
        data_type,
        format: None,
    })
}

/// A subquery correlated with the outer query by equalities `t.c = o.x` (one or more), its other
/// conditions reading its one table `t` only: `(each o.x, each t.c, the subquery with WHERE
/// <those conditions> AND each t.c IS NOT NULL)`, ready to be computed once for every key. None
/// for any other shape (anything that could see the outer query elsewhere, a GROUP BY, a limit,
/// a join). The caller sets what it selects.
fn correlated_by_keys(subquery: &Query) -> Option<(Vec<Expr>, Vec<Expr>, Query)> {
    use sqlparser::ast::{BinaryOperator, GroupByExpr};
    let SetExpr::Select(select) = subquery.body.as_ref() else {
        return None;
    };
    let plain = subquery.with.is_none()
        && subquery.limit.is_none()
        && subquery.offset.is_none()
        && subquery.fetch.is_none()
        && select.from.len() == 1
        && select.from[0].joins.is_empty()
        && matches!(&select.group_by, GroupByExpr::Expressions(e, m) if e.is_empty() && m.is_empty())
        && select.having.is_none()
        && select.qualify.is_none();
    let TableFactor::Table {
        name,
        alias,
        args: None,
        ..
    } = &select.from[0].relation
    else {
        return None;
    };
    if !plain {
        return None;
    }
    let inner = identifier_name(alias.as_ref().map_or(name.0.last()?, |alias| &alias.name));
    let inner_column =
        |e: &Expr| matches!(e, Expr::CompoundIdentifier(_)) && crate::sql::reads_only(e, &inner);
    let outer_column = |e: &Expr| {
        matches!(e, Expr::CompoundIdentifier(parts)
            if parts.len() == 2 && !parts[0].value.eq_ignore_ascii_case(&inner))
    };
    let (mut outer, mut inner_columns) = (Vec::new(), Vec::new());
    let mut rest = Vec::new();
    for conjunct in crate::sql::conjuncts(select.selection.clone()?) {
        match &conjunct {
            Expr::BinaryOp {
                left,
                op: BinaryOperator::Eq,
                right,
            } => match (left.as_ref(), right.as_ref()) {
                (i, o) | (o, i) if inner_column(i) && outer_column(o) => {
                    outer.push(o.clone());
                    inner_columns.push(i.clone());
                }
                _ => rest.push(conjunct),
            },
            _ => rest.push(conjunct),
        }
    }
    if outer.is_empty() || !rest.iter().all(|e| crate::sql::reads_only(e, &inner)) {
        return None;
    }
    rest.extend(
        inner_columns
            .iter()
            .map(|column| Expr::IsNotNull(Box::new(column.clone()))),
    );
    let mut keyed = subquery.clone();
    keyed.order_by = None;
    if let SetExpr::Select(select) = keyed.body.as_mut() {
        select.selection = crate::sql::and_all(rest);
    }
    Some((outer, inner_columns, keyed))
}

/// `[NOT] EXISTS (...)` correlated by keys ([`correlated_by_keys`]) as the outer `o.x` and the
/// values of `t.c` it looks for (one column each). Not when the subquery aggregates: that is
/// always one row.
fn exists_as_values(subquery: &Query) -> Option<(Vec<Expr>, Query)> {
    use sqlparser::ast::SelectItem;
    let SetExpr::Select(select) = subquery.body.as_ref() else {
        return None;
    };
    let no_aggregate = select.projection.iter().all(|item| match item {
        SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } => matches!(
            expr,
            Expr::Value(_) | Expr::Identifier(_) | Expr::CompoundIdentifier(_)
        ),
        _ => true,
    });
    let (outer, inner, mut values) = correlated_by_keys(subquery).filter(|_| no_aggregate)?;
    if let SetExpr::Select(select) = values.body.as_mut() {
        select.projection = inner.into_iter().map(SelectItem::UnnamedExpr).collect();
    }
    Some((outer, values))
}

/// A comparison with a scalar subquery that takes `MAX`, `MIN`, `SUM` or `AVG` of its rows
/// correlated by keys ([`correlated_by_keys`]): `(each o.x, SELECT each t.c, <aggregate> ...
/// GROUP BY each t.c, the other side, whether the subquery is on the left)`. A key without rows makes the
/// subquery NULL and the comparison not true, exactly as a missing row of an inner join does.
/// (`COUNT` is 0 there, not NULL: left as it is.)
fn aggregate_by_key(conjunct: &Expr) -> Option<(Vec<Expr>, Query, Expr, bool)> {
    use sqlparser::ast::{FunctionArguments, GroupByExpr, SelectItem};
    let Expr::BinaryOp { left, op, right } = conjunct else {
        return None;
    };
    if !crate::sql::is_comparison(op) {
        return None;
    }
    let (subquery, other, on_left) = match (left.as_ref(), right.as_ref()) {
        (Expr::Subquery(q), other) => (q, other, true),
        (other, Expr::Subquery(q)) => (q, other, false),
        _ => return None,
    };
    if refers_to_subquery(other) {
        return None;
    }
    let SetExpr::Select(select) = subquery.body.as_ref() else {
        return None;
    };
    let [SelectItem::UnnamedExpr(aggregate)
    | SelectItem::ExprWithAlias {
        expr: aggregate, ..
    }] = select.projection.as_slice()
    else {
        return None;
    };
    let Expr::Function(function) = aggregate else {
        return None;
    };
    let name = function.name.to_string().to_ascii_lowercase();
    let simple = ["max", "min", "sum", "avg"].contains(&name.as_str())
        && function.filter.is_none()
        && function.over.is_none()
        && function.within_group.is_empty()
        && matches!(function.args, FunctionArguments::List(_));
    if !simple || refers_to_subquery(aggregate) {
        return None;
    }
    let (outer, inner, mut grouped) = correlated_by_keys(subquery)?;
    if let SetExpr::Select(select) = grouped.body.as_mut() {
        select.projection = inner
            .iter()
            .chain(std::iter::once(aggregate))
            .cloned()
            .map(SelectItem::UnnamedExpr)
            .collect();
        select.group_by = GroupByExpr::Expressions(inner, Vec::new());
    }
    Some((outer, grouped, other.clone(), on_left))
}

/// True when the expression holds a subquery.
pub(crate) fn refers_to_subquery(expr: &Expr) -> bool {
    crate::walk::expressions(expr, |e| match e {
        Expr::Subquery(_) | Expr::Exists { .. } | Expr::InSubquery { .. } => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    })
    .is_break()
}

/// Joins the temporary `table` to the query's first table, on `<alias>.<column> = key`; returns
/// the alias.
fn join_step(
    select: &mut sqlparser::ast::Select,
    table: String,
    keys: Vec<Expr>,
    left_outer: bool,
) -> Ident {
    use sqlparser::ast::{BinaryOperator, Join, JoinConstraint, JoinOperator};
    let alias = Ident::new(format!("{table}_in"));
    let equalities = keys
        .into_iter()
        .enumerate()
        .map(|(number, key)| Expr::BinaryOp {
            left: Box::new(Expr::CompoundIdentifier(vec![
                alias.clone(),
                Ident::new(key_column(number)),
            ])),
            op: BinaryOperator::Eq,
            right: Box::new(Expr::Nested(Box::new(key))),
        });
    let on = JoinConstraint::On(
        crate::sql::and_all(equalities.collect()).expect("a join step has a key"),
    );
    select.from[0].joins.push(Join {
        relation: table_factor(&table, Some(alias.clone())),
        global: false,
        join_operator: match left_outer {
            true => JoinOperator::LeftOuter(on),
            false => JoinOperator::Inner(on),
        },
    });
    alias
}

/// The name of a step table's `number`th key column.
fn key_column(number: usize) -> String {
    format!("k{number}")
}

/// `WHERE ... AND x [NOT] IN (SELECT c FROM ...)`, the subquery not reading the outer query:
/// its distinct values joined to the rows (a hash join; a left join for NOT IN) instead of a
/// scan of them per row. Equal rows: a row whose `x` matches one value joins once, and a NULL
/// `x` matches none. `[NOT] EXISTS` correlated by one key is the same join
/// ([`exists_as_values`]), except that `NOT EXISTS` keeps a row whose `x` is NULL; a
/// comparison with an aggregate correlated by one key joins the aggregate of every key
/// ([`aggregate_by_key`]). GlueSQL would run such subqueries again for every row.
fn semi_joins(backend: &mut dyn Backend, query: &mut Query) -> Result<(), EngineError> {
    use sqlparser::ast::SelectItem;
    let SetExpr::Select(select) = query.body.as_mut() else {
        return Ok(());
    };
    let star = select
        .projection
        .iter()
        .any(|item| matches!(item, SelectItem::Wildcard(_)));
    if star || select.from.len() != 1 {
        return Ok(());
    }
    lift_semi_joins(select);
    if select.selection.is_none() {
        return Ok(());
    }
    let conjuncts = crate::sql::conjuncts(select.selection.take().expect("checked above"));
    let bounds = bounds(select, &conjuncts);
    let mut kept = Vec::new();
    for conjunct in conjuncts {
        if let Some((outer, mut grouped, other, on_left)) = aggregate_by_key(&conjunct) {
            restrict(&mut grouped, &outer, &bounds);
            let Ok(relation) = self::query(backend, grouped) else {
                kept.push(conjunct);
                continue;
            };
            let table = backend.materialize(Relation {
                columns: (0..outer.len())
                    .map(key_column)
                    .chain(["v".to_owned()])
                    .collect(),
                rows: relation.rows,
            })?;
            let alias = join_step(select, table, outer, false);
            let value = Expr::CompoundIdentifier(vec![alias, Ident::new("v")]);
            let Expr::BinaryOp { op, .. } = conjunct else {
                unreachable!("aggregate_by_key takes comparisons only")
            };
            let (left, right) = match on_left {
                true => (value, other),
                false => (other, value),
            };
            kept.push(Expr::BinaryOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            });
            continue;
        }
        let (keys, subquery, negated, exists) = match &conjunct {
            Expr::InSubquery {
                expr,
                subquery,
                negated,
            } => (vec![(**expr).clone()], subquery.clone(), *negated, false),
            Expr::Exists { subquery, negated } => match exists_as_values(subquery) {
                Some((outer, mut values)) => {
                    restrict(&mut values, &outer, &bounds);
                    (outer, Box::new(values), *negated, true)
                }
                None => {
                    kept.push(conjunct);
                    continue;
                }
            },
            _ => {
                kept.push(conjunct);
                continue;
            }
        };
        let relation = match self::query(backend, *subquery) {
            Ok(relation) if relation.columns.len() == keys.len() => relation,
            Ok(_) | Err(_) => {
                kept.push(conjunct);
                continue;
            }
        };
        let rows = distinct(relation.rows.into_iter());
        if negated {
            // `x NOT IN (...)`: no row when the values hold a NULL, every row when there are
            // none, else the rows with a non-NULL `x` that find no value (an anti-join).
            if rows.iter().any(|row| matches!(row[0], Value::Null)) {
                kept.push(Expr::Value(sqlparser::ast::Value::Boolean(false)));
                continue;
            }
            if rows.is_empty() {
                continue;
            }
        }
        let table = backend.materialize(Relation {
            columns: (0..keys.len()).map(key_column).collect(),
            rows,
        })?;
        let alias = join_step(select, table, keys.clone(), negated);
        if negated {
            // No key of the step table is NULL (NOT IN stopped above at a NULL; EXISTS keys are
            // not NULL), so a NULL there is a row that found none.
            let found = Expr::CompoundIdentifier(vec![alias, Ident::new(key_column(0))]);
            kept.push(Expr::IsNull(Box::new(found)));
            if !exists {
                // (Not `try_from(keys).expect(..)`: its error's `Debug` would link in the
                // `Debug` code of sqlparser's whole AST.)
                let expr = keys.into_iter().next().expect("IN has one key");
                kept.push(Expr::IsNotNull(Box::new(Expr::Nested(Box::new(expr)))));
            }
        }
    }
    select.selection = crate::sql::and_all(kept);
    Ok(())
}

/// The conditions every row of the query's answer meets that compare one expression with
/// constants (`s.stream_id <= 120`, `g.day BETWEEN $1 AND $2`, `c.tier IN ('gold')`): among
/// its `WHERE` conjuncts and the `ON` of inner joins no RIGHT or FULL join follows.
fn bounds(select: &sqlparser::ast::Select, conjuncts: &[Expr]) -> Vec<Expr> {
    let on = liftable_conditions(select)
        .cloned()
        .flat_map(crate::sql::conjuncts);
    on.chain(conjuncts.iter().cloned())
        .filter(|conjunct| bounded(conjunct).is_some())
        .collect()
}

/// The expression a condition compares with constants, if it is one: `x <op> c`, `c <op> x`,
/// `x [NOT] BETWEEN c AND c`, `x [NOT] IN (c, ...)`.
fn bounded(mut condition: &Expr) -> Option<&Expr> {
    while let Expr::Nested(inner) = condition {
        condition = inner;
    }
    let (target, constants): (&Expr, Vec<&Expr>) = match condition {
        Expr::BinaryOp { left, op, right } if crate::sql::is_comparison(op) => {
            match (constant(left), constant(right)) {
                (false, true) => (left, vec![]),
                (true, false) => (right, vec![]),
                _ => return None,
            }
        }
        Expr::Between {
            expr, low, high, ..
        } => (expr, vec![low, high]),
        Expr::InList { expr, list, .. } => (expr, list.iter().collect()),
        _ => return None,
    };
    constants.into_iter().all(constant).then_some(target)
}

/// An expression of literals and parameters only (no column, function or subquery): the same
/// for every row.
pub(crate) fn constant(expr: &Expr) -> bool {
    crate::walk::expressions(expr, |e| match e {
        Expr::Identifier(_)
        | Expr::CompoundIdentifier(_)
        | Expr::Function(_)
        | Expr::Subquery(_)
        | Expr::Exists { .. }
        | Expr::InSubquery { .. } => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    })
    .is_continue()
}

/// Adds to a subquery computed once for every key (its first columns `outer.len()` key
/// columns, matched with the outer `o.x` of each) the outer query's `bounds` on a key, read on
/// the key's column: a row whose key fails them joins only rows of the outer query that the
/// bound drops, so it need not be computed (`EXISTS (SELECT ... WHERE vs.stream_id =
/// s.stream_id)` with `s.stream_id <= 120` reads only the sessions of those streams). The
/// answer is the same for `NOT EXISTS` (the rows a key keeps are those the bound keeps).
fn restrict(subquery: &mut Query, outer: &[Expr], bounds: &[Expr]) {
    use sqlparser::ast::SelectItem;
    let SetExpr::Select(select) = subquery.body.as_mut() else {
        return;
    };
    let mut added = Vec::new();
    for (key, item) in outer.iter().zip(&select.projection) {
        let SelectItem::UnnamedExpr(column) = item else {
            return;
        };
        for bound in bounds {
            if bounded(bound) == Some(key) {
                let mut condition = bound.clone();
                let _ = crate::walk::expressions_mut(&mut condition, |e| {
                    if e == key {
                        *e = column.clone();
                    }
                    ControlFlow::<()>::Continue(())
                });
                added.push(condition);
            }
        }
    }
    if !added.is_empty() {
        added.extend(select.selection.take());
        select.selection = crate::sql::and_all(added);
    }
}

/// A subquery computed on its own cannot see the outer query's columns: says which of its
/// constructs made it be computed on its own.
fn correlated_hint(error: EngineError, subquery: &Query) -> EngineError {
    match error {
        EngineError::Execution { message } if message.contains("identifier not found") => {
            let construct = step_construct(subquery).unwrap_or("steps of its own");
            unsupported(
                &format!("a subquery with {construct} that refers to the outer query"),
                "compute it for every key in a CTE and join it",
            )
        }
        other => other,
    }
}

fn stored_as_table(
    backend: &mut dyn Backend,
    relation: Relation,
    alias: Option<TableAlias>,
) -> Result<TableFactor, EngineError> {
    let relation = match &alias {
        Some(alias) => rename_columns(relation, &alias.columns, &alias.name)?,
        None => relation,
    };
    let table = backend.materialize(relation)?;
    Ok(table_factor(&table, alias.map(|alias| alias.name)))
}

/// `<table> [AS <alias>]` in a FROM list.
pub(crate) fn table_factor(table: &str, alias: Option<Ident>) -> TableFactor {
    TableFactor::Table {
        name: ObjectName(vec![Ident::new(table)]),
        alias: alias.map(|name| TableAlias {
            name,
            columns: Vec::new(),
        }),
        args: None,
        with_hints: Vec::new(),
        version: None,
        with_ordinality: false,
        partitions: Vec::new(),
    }
}

/// The arguments of a select-list item that is a `generate_series(...)` call.
fn series_call(item: &sqlparser::ast::SelectItem) -> Option<Vec<Expr>> {
    use sqlparser::ast::{FunctionArguments, SelectItem};
    let (SelectItem::UnnamedExpr(Expr::Function(function))
    | SelectItem::ExprWithAlias {
        expr: Expr::Function(function),
        ..
    }) = item
    else {
        return None;
    };
    if function.over.is_some()
        || !function
            .name
            .to_string()
            .eq_ignore_ascii_case("generate_series")
    {
        return None;
    }
    let FunctionArguments::List(list) = &function.args else {
        return None;
    };
    list.args
        .iter()
        .map(|arg| match arg {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(expr)) => Some(expr.clone()),
            _ => None,
        })
        .collect()
}

/// `SELECT x, generate_series(a, b) FROM t`: each row of `t` repeated once per value of its
/// series, as PostgreSQL expands a set-returning function in the select list.
fn series_in_select_list(backend: &mut dyn Backend, query: Query) -> Result<Relation, EngineError> {
    use sqlparser::ast::SelectItem;
    let mut tail = query;
    let placeholder = select_all_from("x").body;
    let SetExpr::Select(mut select) = *std::mem::replace(&mut tail.body, placeholder) else {
        unreachable!("called for a SELECT")
    };
    let grouped = !matches!(&select.group_by, sqlparser::ast::GroupByExpr::Expressions(exprs, _) if exprs.is_empty());
    if grouped || select.having.is_some() {
        return Err(unsupported(
            "generate_series in the select list of a grouped query",
            "put generate_series in FROM: FROM generate_series(a, b) AS g(n)",
        ));
    }
    enum Part {
        Value(usize),
        Series(usize, usize),
    }
    let mut parts = Vec::new();
    let mut names = Vec::new();
    let mut inner = Vec::new();
    let push = |expr: Expr, inner: &mut Vec<SelectItem>| {
        inner.push(SelectItem::ExprWithAlias {
            expr,
            alias: Ident::new(format!("__v{}", inner.len())),
        });
        inner.len() - 1
    };
    for item in std::mem::take(&mut select.projection) {
        let name = match &item {
            SelectItem::ExprWithAlias { alias, .. } => identifier_name(alias),
            SelectItem::UnnamedExpr(Expr::Identifier(ident)) => identifier_name(ident),
            SelectItem::UnnamedExpr(Expr::CompoundIdentifier(parts)) => {
                parts.last().map_or_else(String::new, identifier_name)
            }
            SelectItem::UnnamedExpr(_) => "?column?".to_owned(),
            _ => {
                return Err(unsupported(
                    "* next to generate_series in the select list",
                    "name the columns",
                ))
            }
        };
        names.push(name);
        if let Some(args) = series_call(&item) {
            if parts.iter().any(|part| matches!(part, Part::Series(..))) {
                return Err(unsupported(
                    "two set-returning functions in one select list",
                    "join two generate_series in FROM",
                ));
            }
            let count = args.len();
            let first = inner.len();
            for arg in args {
                push(arg, &mut inner);
            }
            parts.push(Part::Series(first, count));
        } else {
            let (SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. }) = item
            else {
                unreachable!("wildcards refused above")
            };
            parts.push(Part::Value(push(expr, &mut inner)));
        }
    }
    select.projection = inner;
    let distinct = select.distinct.take();
    let mut input = select_all_from("x");
    *input.body = SetExpr::Select(select);
    let Relation { rows: input, .. } = backend.select(input)?;
    let mut rows = Vec::new();
    for row in input {
        let series = parts.iter().find_map(|part| match part {
            Part::Series(first, count) => {
                Some(crate::series::generate(&row[*first..first + count]))
            }
            Part::Value(_) => None,
        });
        for value in series.expect("one series")? {
            let value = value.into_iter().next().unwrap_or(Value::Null);
            rows.push(
                parts
                    .iter()
                    .map(|part| match part {
                        Part::Value(i) => row[*i].clone(),
                        Part::Series(..) => value.clone(),
                    })
                    .collect(),
            );
        }
        if rows.len() > crate::series::MAX_ROWS {
            return Err(EngineError::Execution {
                message: format!(
                    "generate_series would produce more than {} rows",
                    crate::series::MAX_ROWS
                ),
            });
        }
    }
    if distinct.is_some() {
        rows = self::distinct(rows.into_iter());
    }
    finish(
        backend,
        Relation {
            columns: names,
            rows,
        },
        tail,
    )
}

/// `generate_series(start, stop [, step])` over integers or timestamps.
fn table_function(
    backend: &mut dyn Backend,
    name: &ObjectName,
    args: &[FunctionArg],
) -> Result<Relation, EngineError> {
    let function = name.to_string().to_lowercase();
    if function != "generate_series" {
        return Err(unsupported(
            &format!("the table function {function}"),
            "use generate_series(...) or a CTE",
        ));
    }
    let exprs = args
        .iter()
        .map(|arg| match arg {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(expr)) => Ok(expr.clone()),
            _ => Err(unsupported(
                "named arguments to generate_series",
                "pass start, stop and step in order",
            )),
        })
        .collect::<Result<Vec<Expr>, EngineError>>()?;
    if !(2..=3).contains(&exprs.len()) {
        return Err(EngineError::Execution {
            message: "generate_series takes start, stop and an optional step".to_owned(),
        });
    }
    let mut probe = select_all_from("x");
    let projection = exprs
        .into_iter()
        .map(sqlparser::ast::SelectItem::UnnamedExpr)
        .collect();
    let select = sqlparser::ast::Select {
        projection,
        from: Vec::new(),
        ..match *probe.body {
            SetExpr::Select(select) => *select,
            _ => unreachable!("a fixed query parses"),
        }
    };
    probe.body = Box::new(SetExpr::Select(Box::new(select)));
    let values = backend
        .select(probe)?
        .rows
        .pop()
        .expect("a query without FROM returns one row");
    let rows = crate::series::generate(&values)?;
    Ok(Relation {
        columns: vec!["generate_series".to_owned()],
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_all_from_is_the_query_its_text_parses_as() {
        for table in ["x", "__step_12", "gifts"] {
            let parsed = match crate::sql::parse(&format!("SELECT * FROM {table}")) {
                Ok(mut statements) => statements.remove(0),
                Err(error) => panic!("{error}"),
            };
            assert_eq!(Statement::Query(Box::new(select_all_from(table))), parsed);
        }
    }
}
