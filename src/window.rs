//! Window functions, computed by us over rows GlueSQL produced.
//!
//! `SELECT ..., f(x) OVER (PARTITION BY p ORDER BY o) FROM ... GROUP BY ... ORDER BY ... LIMIT n`
//! runs in three steps:
//! 1. GlueSQL runs the query without its windows, projecting every value the windows and the
//!    select list need (`x`, `p`, `o`, aggregates, ...) as columns `__c0`, `__c1`, ...
//! 2. We sort those rows per window and compute each window's value per row (`__w0`, ...), with
//!    PostgreSQL's frames: by default from the partition's start to the current row's last peer.
//! 3. GlueSQL runs the select list, `DISTINCT`, `ORDER BY` and `LIMIT` over the result; a select
//!    list of those columns alone, ordered by some of them, is picked and sorted in place.
//!
//! When the query keeps its first rows in the order of every window, and no window reads more
//! than a fixed number of rows past its own (ROWS frames, `ROW_NUMBER`, `LAG`, ...), step 1 keeps
//! only the first rows the answer needs.

use crate::compare;
use crate::error::EngineError;
use crate::pipeline::{identifier_name, select_all_from, Backend, Relation};
use crate::sql::unsupported;
use gluesql::core::data::{Key, Value};
use rust_decimal::Decimal;
use sqlparser::ast::{
    Distinct, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArgumentList,
    FunctionArguments, Ident, NamedWindowExpr, Offset, OrderBy, OrderByExpr, Query, Select,
    SelectItem, SetExpr, TableFactor, TableWithJoins, Value as SqlValue, VisitorMut,
    WindowFrameBound, WindowFrameUnits, WindowSpec, WindowType,
};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::ControlFlow;

/// Values a window computation may visit before it is stopped (a sliding frame over a huge
/// partition would otherwise run for minutes).
const MAX_STEPS: u64 = 100_000_000;

/// True when the select list or the query's `ORDER BY` calls a window function, or the query
/// uses `DISTINCT ON` (computed as one).
pub fn has_windows(select: &Select, query: &Query) -> bool {
    if matches!(select.distinct, Some(Distinct::On(_))) {
        return true;
    }
    let in_projection = select.projection.iter().any(|item| match item {
        SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } => {
            calls_window(expr)
        }
        _ => false,
    });
    let in_order = query
        .order_by
        .iter()
        .flat_map(|order| &order.exprs)
        .any(|item| calls_window(&item.expr));
    in_projection || in_order
}

/// Whether an expression calls a window function outside any subquery of its own.
fn calls_window(expr: &Expr) -> bool {
    crate::names::any_in_own_query(
        expr,
        |e| matches!(e, Expr::Function(function) if function.over.is_some()),
    )
}

/// Runs a query whose select list or `ORDER BY` holds window functions.
pub fn evaluate(backend: &mut dyn Backend, query: Query) -> Result<Relation, EngineError> {
    let Query {
        body,
        order_by,
        limit,
        offset,
        fetch,
        ..
    } = query;
    let SetExpr::Select(select) = *body else {
        unreachable!("only a SELECT holds window functions")
    };
    let mut select = *select;
    for clause in [&select.selection, &select.having].into_iter().flatten() {
        if calls_window(clause) {
            return Err(EngineError::Execution {
                message: "window functions are not allowed in WHERE or HAVING; compute them in a subquery and filter outside it".to_owned(),
            });
        }
    }
    let named = named_windows(&select)?;
    let items = expand_wildcards(backend, &select)?;
    let mut plan = Plan::new(named);
    // `DISTINCT ON (k) ... ORDER BY k, o` keeps the first row of each k in that order: the rows
    // numbered 1 by ROW_NUMBER() OVER (PARTITION BY k ORDER BY k, o).
    let (distinct, first_of_each) = match select.distinct.take() {
        Some(Distinct::On(keys)) => {
            let order = order_by
                .iter()
                .flat_map(|order| &order.exprs)
                .map(|item| {
                    let mut item = item.clone();
                    if let Some((expr, _)) =
                        position(&item.expr).and_then(|k| items.get(k.wrapping_sub(1)))
                    {
                        item.expr = expr.clone();
                    }
                    item
                })
                .collect();
            let number = Expr::Function(Function {
                name: sqlparser::ast::ObjectName(vec![Ident::new("row_number")]),
                parameters: FunctionArguments::None,
                args: FunctionArguments::None,
                filter: None,
                null_treatment: None,
                over: Some(WindowType::WindowSpec(WindowSpec {
                    window_name: None,
                    partition_by: keys,
                    order_by: order,
                    window_frame: None,
                })),
                within_group: Vec::new(),
            });
            (None, Some(plan.outer(number)?))
        }
        other => (other, None),
    };

    let outer_items = items
        .into_iter()
        .map(|(expr, name)| Ok((plan.outer(expr)?, name)))
        .collect::<Result<Vec<(Expr, String)>, EngineError>>()?;
    let outer_order = match order_by {
        Some(mut order_by) => {
            for item in &mut order_by.exprs {
                let expr = std::mem::replace(&mut item.expr, Expr::Value(SqlValue::Null));
                item.expr = match position(&expr) {
                    Some(k) if (1..=outer_items.len()).contains(&k) => outer_items[k - 1].0.clone(),
                    Some(k) => {
                        return Err(EngineError::Execution {
                            message: format!("ORDER BY position {k} is not in select list"),
                        })
                    }
                    None => plan.outer(expr)?,
                };
            }
            Some(order_by)
        }
        None => None,
    };

    if plan.inner.is_empty() {
        plan.push(Expr::Value(SqlValue::Number(1i64.into(), false)));
    }
    select.projection = plan
        .inner
        .iter()
        .enumerate()
        .map(|(i, expr)| SelectItem::ExprWithAlias {
            expr: expr.clone(),
            alias: Ident::new(format!("__c{i}")),
        })
        .collect();
    select.named_window.clear();
    let mut inner = select_all_from("x");
    *inner.body = SetExpr::Select(Box::new(select));
    if distinct.is_none() && first_of_each.is_none() && fetch.is_none() {
        if let Some((keys, needed)) = first_rows(&plan, outer_order.as_ref(), &limit, &offset) {
            inner.order_by = Some(OrderBy {
                exprs: keys,
                interpolate: None,
            });
            inner.limit = Some(Expr::Value(SqlValue::Number(needed.into(), false)));
        }
    }
    let Relation { mut rows, .. } = backend.select(inner)?;

    let inputs = plan.inner.len();
    let mut columns: Vec<String> = (0..inputs).map(|i| format!("__c{i}")).collect();
    let mut steps = 0u64;
    let mut windows = Vec::with_capacity(plan.windows.len());
    for (i, call) in plan.windows.iter().enumerate() {
        windows.push(compute(call, &rows, &mut steps)?);
        columns.push(format!("__w{i}"));
    }
    // A select list of inputs and window values alone, ordered by some of them and cut by
    // constants, is picked from the rows as they are: storing them to read them back once
    // would copy every row twice.
    let picked = |expr: &Expr| match expr {
        Expr::Identifier(ident) => columns.iter().position(|name| *name == ident.value),
        _ => None,
    };
    let picks = outer_items
        .iter()
        .map(|(expr, _)| picked(expr))
        .collect::<Option<Vec<usize>>>();
    let order = outer_order.as_ref().map_or(Some(Vec::new()), |order| {
        order
            .exprs
            .iter()
            .map(|item| match item.nulls_first {
                None => picked(&item.expr).map(|at| (at, item.asc)),
                Some(_) => None,
            })
            .collect()
    });
    let cut = (
        constant(limit.as_ref()),
        constant(offset.as_ref().map(|offset| &offset.value)),
    );
    if let (None, None, None, Some(picks), Some(order), (Some(limit), Some(offset))) =
        (&distinct, &first_of_each, &fetch, picks, order, cut)
    {
        let value = |row: usize, at: usize| match at.checked_sub(inputs) {
            None => &rows[row][at],
            Some(window) => &windows[window][row],
        };
        if let Some(order) = sorted(rows.len(), &order, value) {
            return Ok(Relation {
                columns: outer_items.into_iter().map(|(_, name)| name).collect(),
                rows: order
                    .into_iter()
                    .skip(offset.unwrap_or(0))
                    .take(limit.unwrap_or(usize::MAX))
                    .map(|i| picks.iter().map(|&at| value(i, at).clone()).collect())
                    .collect(),
            });
        }
    }
    let width = windows.len();
    let mut windows: Vec<_> = windows.into_iter().map(Vec::into_iter).collect();
    for row in &mut rows {
        row.reserve_exact(width);
        row.extend(windows.iter_mut().flat_map(Iterator::next));
    }
    let table = backend.materialize(Relation { columns, rows })?;

    let mut outer = select_all_from(&table);
    if let SetExpr::Select(select) = outer.body.as_mut() {
        select.distinct = distinct;
        select.selection = first_of_each.map(|number| Expr::BinaryOp {
            left: Box::new(number),
            op: sqlparser::ast::BinaryOperator::Eq,
            right: Box::new(Expr::Value(SqlValue::Number(1i64.into(), false))),
        });
        select.projection = outer_items
            .into_iter()
            .map(|(expr, name)| SelectItem::ExprWithAlias {
                expr,
                alias: Ident::with_quote('"', name),
            })
            .collect();
    }
    outer.order_by = outer_order;
    outer.limit = limit;
    outer.offset = offset;
    outer.fetch = fetch;
    backend.select(outer)
}

/// When the query keeps its first rows in the order every window reads them in, and each
/// window's value for a row reads only rows before it and a fixed number after it: the inner
/// query's `ORDER BY` (by position) and how many of its first rows the answer needs.
/// `SUM(x) OVER (ORDER BY t ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) ... ORDER BY t LIMIT 20`
/// needs 21. A RANGE frame (the default) reads the current row's peers, which may lie past any
/// count, so it is never cut.
fn first_rows(
    plan: &Plan,
    order: Option<&OrderBy>,
    limit: &Option<Expr>,
    offset: &Option<Offset>,
) -> Option<(Vec<OrderByExpr>, i64)> {
    let (Some(Some(limit)), Some(offset)) = (
        constant(limit.as_ref()),
        constant(offset.as_ref().map(|offset| &offset.value)),
    ) else {
        return None;
    };
    let mut keys = Vec::new();
    let mut sort = Vec::new();
    for item in &order?.exprs {
        let Expr::Identifier(ident) = &item.expr else {
            return None;
        };
        let column: usize = ident.value.strip_prefix("__c")?.parse().ok()?;
        let descending = item.asc == Some(false);
        if item.nulls_first.is_some_and(|first| first != descending) {
            return None;
        }
        sort.push(SortKey {
            column,
            descending,
            nulls_first: descending,
        });
        keys.push(OrderByExpr {
            expr: Expr::Value(SqlValue::Number((column as i64 + 1).into(), false)),
            asc: item.asc,
            nulls_first: None,
            with_fill: None,
        });
    }
    let mut after = 0;
    for call in &plan.windows {
        if !call.partition.is_empty() || call.order != sort || sort.is_empty() {
            return None;
        }
        let reads_after = match call.function {
            Kind::RowNumber | Kind::Rank | Kind::DenseRank | Kind::Lag => 0,
            Kind::Lead if call.args.len() == 1 => 1,
            Kind::FirstValue | Kind::LastValue | Kind::NthValue | Kind::Aggregate(_)
                if call.frame.rows =>
            {
                match call.frame.end {
                    Bound::UnboundedPreceding | Bound::Preceding(_) | Bound::CurrentRow => 0,
                    Bound::Following(k) => k,
                    Bound::UnboundedFollowing => return None,
                }
            }
            _ => return None,
        };
        after = after.max(reads_after);
    }
    let needed = offset.unwrap_or(0).checked_add(limit)?.checked_add(after)?;
    Some((keys, i64::try_from(needed).ok()?))
}

/// A `LIMIT` or `OFFSET`: `Some(None)` when there is none, `None` when it is not a plain number.
fn constant(expr: Option<&Expr>) -> Option<Option<usize>> {
    match expr {
        None => Some(None),
        Some(expr) => position(expr).map(Some),
    }
}

/// The positions of `rows` rows in the order of `keys` (column, ascending) of their values,
/// ties in their own order, as the query over the stored rows would sort them; `None` for a
/// value with no sort key.
fn sorted<'v>(
    rows: usize,
    keys: &[(usize, Option<bool>)],
    value: impl Fn(usize, usize) -> &'v Value,
) -> Option<Vec<usize>> {
    if keys.is_empty() {
        return Some((0..rows).collect());
    }
    let mut ranked = Vec::with_capacity(rows);
    for i in 0..rows {
        let row_keys = keys
            .iter()
            .map(|&(at, asc)| Some((Key::try_from(value(i, at).clone()).ok()?, asc)))
            .collect::<Option<Vec<_>>>()?;
        ranked.push((row_keys, i, Vec::new()));
    }
    // The scan's own sort: positions break ties.
    ranked.sort_unstable_by(crate::scan::ranked_order);
    Some(ranked.into_iter().map(|(_, i, _)| i).collect())
}

fn position(expr: &Expr) -> Option<usize> {
    match expr {
        Expr::Value(SqlValue::Number(number, false)) => number.to_string().parse().ok(),
        _ => None,
    }
}

/// The select list with `*` and `t.*` spelled out, each item with its output name.
fn expand_wildcards(
    backend: &dyn Backend,
    select: &Select,
) -> Result<Vec<(Expr, String)>, EngineError> {
    let mut tables = Vec::new();
    for from in &select.from {
        list_tables(from, &mut tables)?;
    }
    let mut items = Vec::new();
    for item in &select.projection {
        match item {
            SelectItem::UnnamedExpr(expr) => {
                let name = match expr {
                    Expr::Identifier(ident) => identifier_name(ident),
                    Expr::CompoundIdentifier(parts) => {
                        parts.last().map_or_else(String::new, identifier_name)
                    }
                    _ => "?column?".to_owned(),
                };
                items.push((expr.clone(), name));
            }
            SelectItem::ExprWithAlias { expr, alias } => {
                items.push((expr.clone(), identifier_name(alias)))
            }
            SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(..) => {
                let only = match item {
                    SelectItem::QualifiedWildcard(name, _) => name.0.last().map(identifier_name),
                    _ => None,
                };
                let mut found = false;
                for (qualifier, table) in &tables {
                    if only
                        .as_ref()
                        .is_some_and(|only| *only != identifier_name(qualifier))
                    {
                        continue;
                    }
                    found = true;
                    let columns = backend.columns(table).unwrap_or_default();
                    for column in columns {
                        let expr = Expr::CompoundIdentifier(vec![
                            qualifier.clone(),
                            Ident::with_quote('"', column.clone()),
                        ]);
                        items.push((expr, column));
                    }
                }
                if let (Some(only), false) = (only, found) {
                    return Err(EngineError::Execution {
                        message: format!("missing FROM-clause entry for table \"{only}\""),
                    });
                }
            }
        }
    }
    Ok(items)
}

/// `(qualifier, table)` for every table in a FROM item, in order.
fn list_tables(
    from: &TableWithJoins,
    tables: &mut Vec<(Ident, String)>,
) -> Result<(), EngineError> {
    for factor in std::iter::once(&from.relation).chain(from.joins.iter().map(|j| &j.relation)) {
        match factor {
            TableFactor::Table { name, alias, .. } => {
                let table = name
                    .0
                    .last()
                    .map(|part| part.value.clone())
                    .unwrap_or_default();
                let qualifier = match alias {
                    Some(alias) => alias.name.clone(),
                    None => name.0.last().cloned().unwrap_or_else(|| Ident::new("")),
                };
                tables.push((qualifier, table));
            }
            TableFactor::NestedJoin {
                table_with_joins, ..
            } => list_tables(table_with_joins, tables)?,
            _ => {
                return Err(unsupported(
                    "this kind of FROM item together with window functions",
                    "move it into a CTE",
                ))
            }
        }
    }
    Ok(())
}

fn named_windows(select: &Select) -> Result<HashMap<String, WindowSpec>, EngineError> {
    let mut named: HashMap<String, WindowSpec> = HashMap::new();
    for definition in &select.named_window {
        let spec = match &definition.1 {
            NamedWindowExpr::WindowSpec(spec) => spec.clone(),
            NamedWindowExpr::NamedWindow(other) => named
                .get(&identifier_name(other))
                .cloned()
                .ok_or_else(|| unknown_window(other))?,
        };
        named.insert(identifier_name(&definition.0), spec);
    }
    Ok(named)
}

fn unknown_window(name: &Ident) -> EngineError {
    EngineError::Execution {
        message: format!("window \"{}\" does not exist", identifier_name(name)),
    }
}

/// The columns the inner query computes and the windows computed over them.
struct Plan {
    named: HashMap<String, WindowSpec>,
    inner: Vec<Expr>,
    inner_index: HashMap<String, usize>,
    windows: Vec<Call>,
}

impl Plan {
    fn new(named: HashMap<String, WindowSpec>) -> Plan {
        Plan {
            named,
            inner: Vec::new(),
            inner_index: HashMap::new(),
            windows: Vec::new(),
        }
    }

    /// The inner column holding `expr`, added on first use.
    fn push(&mut self, expr: Expr) -> usize {
        let key = expr.to_string();
        if let Some(&index) = self.inner_index.get(&key) {
            return index;
        }
        self.inner.push(expr);
        self.inner_index.insert(key, self.inner.len() - 1);
        self.inner.len() - 1
    }

    /// Rewrites an expression of the select list to read the inner columns and window values.
    fn outer(&mut self, mut expr: Expr) -> Result<Expr, EngineError> {
        let mut windows = ReplaceWindows {
            plan: self,
            depth: 0,
        };
        if let ControlFlow::Break(error) = crate::walk::walk_mut(&mut expr, &mut windows) {
            return Err(error);
        }
        let _ = crate::walk::walk_mut(&mut expr, &mut PushInputs { plan: self });
        Ok(expr)
    }

    fn window(&mut self, function: Function) -> Result<usize, EngineError> {
        let call = Call::new(self, function)?;
        if let Some(index) = self.windows.iter().position(|known| *known == call) {
            return Ok(index);
        }
        self.windows.push(call);
        Ok(self.windows.len() - 1)
    }
}

fn column(name: String) -> Expr {
    Expr::Identifier(Ident::new(name))
}

/// Replaces each window call (outside subqueries) with the column that will hold its values.
struct ReplaceWindows<'a> {
    plan: &'a mut Plan,
    depth: usize,
}

impl VisitorMut for ReplaceWindows<'_> {
    type Break = EngineError;

    fn pre_visit_query(&mut self, _: &mut Query) -> ControlFlow<EngineError> {
        self.depth += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _: &mut Query) -> ControlFlow<EngineError> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }

    fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<EngineError> {
        if self.depth > 0 {
            return ControlFlow::Continue(());
        }
        if let Expr::Function(function) = expr {
            if function.over.is_some() {
                match self.plan.window(function.clone()) {
                    Ok(index) => *expr = column(format!("__w{index}")),
                    Err(error) => return ControlFlow::Break(error),
                }
            }
        }
        ControlFlow::Continue(())
    }
}

/// Moves each largest part of an expression that reads the input (columns, aggregates,
/// subqueries) but no window value into the inner query.
struct PushInputs<'a> {
    plan: &'a mut Plan,
}

impl VisitorMut for PushInputs<'_> {
    type Break = ();

    fn pre_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        if !reads_window(expr) && !crate::pipeline::constant(expr) {
            let index = self.plan.push(expr.clone());
            *expr = column(format!("__c{index}"));
        }
        ControlFlow::Continue(())
    }
}

fn reads_window(expr: &Expr) -> bool {
    let flow = crate::walk::expressions(expr, |inner| match inner {
        Expr::Identifier(ident) if ident.value.starts_with("__w") => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    });
    flow.is_break()
}

/// One window function call, over inner columns.
#[derive(Debug, Clone, PartialEq)]
struct Call {
    function: Kind,
    args: Vec<usize>,
    partition: Vec<usize>,
    order: Vec<SortKey>,
    frame: Frame,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    RowNumber,
    Rank,
    DenseRank,
    PercentRank,
    CumeDist,
    Ntile,
    Lag,
    Lead,
    FirstValue,
    LastValue,
    NthValue,
    Aggregate(Aggregate),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Aggregate {
    Count,
    CountRows,
    Sum,
    Avg,
    Min,
    Max,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct SortKey {
    column: usize,
    descending: bool,
    nulls_first: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Frame {
    rows: bool,
    start: Bound,
    end: Bound,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    UnboundedPreceding,
    Preceding(usize),
    CurrentRow,
    Following(usize),
    UnboundedFollowing,
}

impl Call {
    fn new(plan: &mut Plan, function: Function) -> Result<Call, EngineError> {
        let name = function
            .name
            .0
            .last()
            .map(identifier_name)
            .unwrap_or_default();
        let spec = match function.over {
            Some(WindowType::WindowSpec(spec)) => match &spec.window_name {
                Some(base) => {
                    let mut merged = plan
                        .named
                        .get(&identifier_name(base))
                        .cloned()
                        .ok_or_else(|| unknown_window(base))?;
                    if !spec.partition_by.is_empty() {
                        return Err(EngineError::Execution {
                            message: format!(
                                "cannot override PARTITION BY clause of window \"{}\"",
                                identifier_name(base)
                            ),
                        });
                    }
                    if !spec.order_by.is_empty() {
                        merged.order_by = spec.order_by.clone();
                    }
                    if spec.window_frame.is_some() {
                        merged.window_frame = spec.window_frame.clone();
                    }
                    merged
                }
                None => spec,
            },
            Some(WindowType::NamedWindow(window)) => plan
                .named
                .get(&identifier_name(&window))
                .cloned()
                .ok_or_else(|| unknown_window(&window))?,
            None => unreachable!("only calls with OVER are windows"),
        };
        if function.filter.is_some() || function.null_treatment.is_some() {
            return Err(unsupported(
                &format!("{name}(...) FILTER or IGNORE NULLS in a window"),
                "put the condition in a CASE inside the call",
            ));
        }
        let (star, arg_exprs) = arguments(&name, function.args)?;
        let function = kind(&name, star, arg_exprs.len())?;
        let args = arg_exprs.into_iter().map(|expr| plan.push(expr)).collect();
        let partition = spec
            .partition_by
            .into_iter()
            .map(|expr| plan.push(expr))
            .collect();
        let order: Vec<SortKey> = spec
            .order_by
            .into_iter()
            .map(
                |OrderByExpr {
                     expr,
                     asc,
                     nulls_first,
                     ..
                 }| {
                    let descending = asc == Some(false);
                    SortKey {
                        column: plan.push(expr),
                        descending,
                        nulls_first: nulls_first.unwrap_or(descending),
                    }
                },
            )
            .collect();
        let frame = frame(spec.window_frame.as_ref())?;
        Ok(Call {
            function,
            args,
            partition,
            order,
            frame,
        })
    }
}

/// The call's arguments; `true` for `count(*)`.
fn arguments(name: &str, args: FunctionArguments) -> Result<(bool, Vec<Expr>), EngineError> {
    let list = match args {
        FunctionArguments::None => return Ok((false, Vec::new())),
        FunctionArguments::List(list) => list,
        FunctionArguments::Subquery(_) => {
            return Err(unsupported(&format!("{name}(SELECT ...)"), "pass a column"))
        }
    };
    let FunctionArgumentList {
        duplicate_treatment,
        args,
        clauses,
    } = list;
    if matches!(
        duplicate_treatment,
        Some(sqlparser::ast::DuplicateTreatment::Distinct)
    ) {
        return Err(EngineError::Execution {
            message: "DISTINCT is not implemented for window functions".to_owned(),
        });
    }
    if !clauses.is_empty() {
        return Err(unsupported(
            &format!("clauses inside {name}(...) in a window"),
            "remove ORDER BY or LIMIT from inside the call",
        ));
    }
    let mut exprs = Vec::new();
    let mut star = false;
    for arg in args {
        match arg {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(expr)) => exprs.push(expr),
            FunctionArg::Unnamed(FunctionArgExpr::Wildcard) => star = true,
            _ => {
                return Err(unsupported(
                    &format!("this argument of {name}"),
                    "pass plain expressions",
                ))
            }
        }
    }
    Ok((star, exprs))
}

fn kind(name: &str, star: bool, count: usize) -> Result<Kind, EngineError> {
    let (kind, arity): (Kind, &[usize]) = match name {
        "row_number" => (Kind::RowNumber, &[0]),
        "rank" => (Kind::Rank, &[0]),
        "dense_rank" => (Kind::DenseRank, &[0]),
        "percent_rank" => (Kind::PercentRank, &[0]),
        "cume_dist" => (Kind::CumeDist, &[0]),
        "ntile" => (Kind::Ntile, &[1]),
        "lag" => (Kind::Lag, &[1, 2, 3]),
        "lead" => (Kind::Lead, &[1, 2, 3]),
        "first_value" => (Kind::FirstValue, &[1]),
        "last_value" => (Kind::LastValue, &[1]),
        "nth_value" => (Kind::NthValue, &[2]),
        "count" if star => (Kind::Aggregate(Aggregate::CountRows), &[0]),
        "count" => (Kind::Aggregate(Aggregate::Count), &[1]),
        "sum" => (Kind::Aggregate(Aggregate::Sum), &[1]),
        "avg" => (Kind::Aggregate(Aggregate::Avg), &[1]),
        "min" => (Kind::Aggregate(Aggregate::Min), &[1]),
        "max" => (Kind::Aggregate(Aggregate::Max), &[1]),
        _ => {
            return Err(unsupported(
                &format!("the window function {name}"),
                "window functions available: row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead, first_value, last_value, nth_value, count, sum, avg, min, max",
            ))
        }
    };
    if star && name != "count" || !arity.contains(&count) {
        return Err(EngineError::Execution {
            message: format!("function {name} does not take {count} arguments"),
        });
    }
    Ok(kind)
}

fn frame(frame: Option<&sqlparser::ast::WindowFrame>) -> Result<Frame, EngineError> {
    let Some(frame) = frame else {
        return Ok(Frame {
            rows: false,
            start: Bound::UnboundedPreceding,
            end: Bound::CurrentRow,
        });
    };
    let rows = match frame.units {
        WindowFrameUnits::Rows => true,
        WindowFrameUnits::Range => false,
        WindowFrameUnits::Groups => {
            return Err(unsupported("GROUPS frames", "use ROWS BETWEEN ... AND ..."))
        }
    };
    let bound = |bound: &WindowFrameBound| -> Result<Bound, EngineError> {
        let offset = |expr: &Expr| match expr {
            Expr::Value(SqlValue::Number(number, false)) if rows => number
                .to_string()
                .parse::<usize>()
                .map_err(|_| EngineError::Execution {
                    message: "frame offset must be a non-negative integer".to_owned(),
                }),
            _ if rows => Err(unsupported(
                "a frame offset that is not an integer literal",
                "write the number of rows, e.g. ROWS BETWEEN 6 PRECEDING AND CURRENT ROW",
            )),
            _ => Err(unsupported(
                "RANGE frames with an offset",
                "use ROWS BETWEEN n PRECEDING AND CURRENT ROW, or a self-join on the range",
            )),
        };
        Ok(match bound {
            WindowFrameBound::CurrentRow => Bound::CurrentRow,
            WindowFrameBound::Preceding(None) => Bound::UnboundedPreceding,
            WindowFrameBound::Following(None) => Bound::UnboundedFollowing,
            WindowFrameBound::Preceding(Some(expr)) => Bound::Preceding(offset(expr)?),
            WindowFrameBound::Following(Some(expr)) => Bound::Following(offset(expr)?),
        })
    };
    let start = bound(&frame.start_bound)?;
    let end = match &frame.end_bound {
        Some(end) => bound(end)?,
        None => Bound::CurrentRow,
    };
    if start == Bound::UnboundedFollowing {
        return Err(EngineError::Execution {
            message: "frame start cannot be UNBOUNDED FOLLOWING".to_owned(),
        });
    }
    if end == Bound::UnboundedPreceding {
        return Err(EngineError::Execution {
            message: "frame end cannot be UNBOUNDED PRECEDING".to_owned(),
        });
    }
    Ok(Frame { rows, start, end })
}

/// PostgreSQL's order of two values under one sort key.
fn compare(a: &Value, b: &Value, descending: bool, nulls_first: bool) -> Ordering {
    match (matches!(a, Value::Null), matches!(b, Value::Null)) {
        (true, true) => Ordering::Equal,
        (true, false) => {
            if nulls_first {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (false, true) => {
            if nulls_first {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (false, false) => {
            let order = compare::values(a, b).unwrap_or(Ordering::Equal);
            if descending {
                order.reverse()
            } else {
                order
            }
        }
    }
}

fn same_keys(a: &[Value], b: &[Value], columns: impl IntoIterator<Item = usize>) -> bool {
    columns
        .into_iter()
        .all(|c| compare(&a[c], &b[c], false, false) == Ordering::Equal)
}

/// Sorts row positions by the call's partition and order keys when every key column holds
/// integers or timestamps of one type and no NULL (a visit's stream and join time, say): each
/// row's keys become machine integers side by side instead of values reached in every row.
/// Each column is taken as its distance from the column's smallest value in steps of the
/// largest common step (timestamps of whole seconds step by 10^9 ns), so that the keys of most
/// sorts pack into one `u128`: the sort then compares single integers (and positions, so that
/// keys equal in every column keep the rows' order as a stable sort would). `false`, with
/// `order` untouched, for any other keys or keys too wide to pack.
fn sort_by_integers(call: &Call, rows: &[Vec<Value>], order: &mut [usize]) -> bool {
    let columns: Vec<(usize, bool)> = call
        .partition
        .iter()
        .map(|&column| (column, false))
        .chain(call.order.iter().map(|key| (key.column, key.descending)))
        .collect();
    let integer = |value: &Value| match value {
        Value::I64(n) => Some((0, *n)),
        Value::I32(n) => Some((1, i64::from(*n))),
        Value::Timestamp(t) => Some((2, t.and_utc().timestamp_nanos_opt()?)),
        _ => None,
    };
    // Each column's values in `order`'s order, and how they pack.
    let mut values: Vec<Vec<i64>> = Vec::with_capacity(columns.len());
    let mut packing = Vec::with_capacity(columns.len());
    for &(column, descending) in &columns {
        let mut kind = None;
        let mut column_values = Vec::with_capacity(order.len());
        for &row in order.iter() {
            let Some((this, value)) = integer(&rows[row][column]) else {
                return false;
            };
            if *kind.get_or_insert(this) != this {
                return false;
            }
            column_values.push(value);
        }
        packing.push(Packing::of(&column_values, descending));
        values.push(column_values);
    }
    if packing.iter().map(|packing| packing.bits).sum::<u32>() > u128::BITS {
        return false;
    }
    // The position breaks ties: the order of a stable sort.
    let mut keyed: Vec<(u128, usize)> = (0..order.len())
        .map(|position| {
            let key = packing
                .iter()
                .zip(&values)
                .fold(0u128, |key, (packing, values)| {
                    key << packing.bits | u128::from(packing.packed(values[position]))
                });
            (key, position)
        })
        .collect();
    keyed.sort_unstable();
    let sorted = keyed.into_iter().map(|(_, position)| position);
    let before = order.to_vec();
    for (slot, position) in order.iter_mut().zip(sorted) {
        *slot = before[position];
    }
    true
}

/// How one sort key's integers become unsigned integers of `bits` bits in the same order
/// (reversed when descending): their distance from the smallest, in steps of `step`.
struct Packing {
    smallest: i64,
    step: u64,
    bits: u32,
    largest: u64,
    descending: bool,
}

impl Packing {
    fn of(values: &[i64], descending: bool) -> Packing {
        let smallest = values.iter().copied().min().unwrap_or(0);
        let distance = |value: i64| value.wrapping_sub(smallest) as u64;
        let mut step = 0;
        for &value in values {
            let distance = distance(value);
            if step != 1 && (step == 0 || distance % step != 0) {
                step = gcd(step, distance);
            }
        }
        let step = step.max(1);
        let largest = values
            .iter()
            .map(|&value| distance(value) / step)
            .max()
            .unwrap_or(0);
        Packing {
            smallest,
            step,
            bits: bits(largest),
            largest,
            descending,
        }
    }

    fn packed(&self, value: i64) -> u64 {
        let packed = value.wrapping_sub(self.smallest) as u64 / self.step;
        match self.descending {
            true => self.largest - packed,
            false => packed,
        }
    }
}

/// The bits that hold every number up to `largest`.
fn bits(largest: u64) -> u32 {
    u64::BITS - largest.leading_zeros()
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Sorts row positions by the call's partition and order keys, as PostgreSQL orders them.
fn sort_by_values(call: &Call, rows: &[Vec<Value>], order: &mut [usize]) {
    order.sort_by(|&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        call.partition
            .iter()
            .map(|&c| compare(&a[c], &b[c], false, false))
            .chain(call.order.iter().map(|key| {
                compare(
                    &a[key.column],
                    &b[key.column],
                    key.descending,
                    key.nulls_first,
                )
            }))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    });
}

/// The call's value for every row, in the rows' order.
fn compute(call: &Call, rows: &[Vec<Value>], steps: &mut u64) -> Result<Vec<Value>, EngineError> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if !sort_by_integers(call, rows, &mut order) {
        sort_by_values(call, rows, &mut order);
    }
    let mut out = vec![Value::Null; rows.len()];
    let mut start = 0;
    while start < order.len() {
        let first = &rows[order[start]];
        let end = start
            + order[start..]
                .iter()
                .position(|&i| !same_keys(first, &rows[i], call.partition.iter().copied()))
                .unwrap_or(order.len() - start);
        let partition: Vec<&Vec<Value>> = order[start..end].iter().map(|&i| &rows[i]).collect();
        let values = partition_values(call, &partition, steps)?;
        for (&i, value) in order[start..end].iter().zip(values) {
            out[i] = value;
        }
        start = end;
    }
    Ok(out)
}

fn partition_values(
    call: &Call,
    rows: &[&Vec<Value>],
    steps: &mut u64,
) -> Result<Vec<Value>, EngineError> {
    let m = rows.len();
    // Peer groups: rows equal on every ORDER BY key.
    let mut group = vec![0usize; m];
    let mut peer_start = vec![0usize; m];
    let mut peer_end = vec![m; m];
    for pos in 1..m {
        let peers = same_keys(
            rows[pos - 1],
            rows[pos],
            call.order.iter().map(|k| k.column),
        );
        group[pos] = group[pos - 1] + usize::from(!peers);
        peer_start[pos] = if peers { peer_start[pos - 1] } else { pos };
    }
    for pos in (0..m.saturating_sub(1)).rev() {
        if group[pos] == group[pos + 1] {
            peer_end[pos] = peer_end[pos + 1];
        } else {
            peer_end[pos] = pos + 1;
        }
    }
    let arg = |pos: usize, n: usize| -> &Value { &rows[pos][call.args[n]] };
    let bounds = |pos: usize| frame_bounds(call.frame, pos, peer_start[pos], peer_end[pos], m);
    let values = match call.function {
        Kind::RowNumber => (0..m).map(|pos| Value::I64(pos as i64 + 1)).collect(),
        Kind::Rank => (0..m)
            .map(|pos| Value::I64(peer_start[pos] as i64 + 1))
            .collect(),
        Kind::DenseRank => (0..m)
            .map(|pos| Value::I64(group[pos] as i64 + 1))
            .collect(),
        Kind::PercentRank => (0..m)
            .map(|pos| {
                Value::F64(if m > 1 {
                    peer_start[pos] as f64 / (m - 1) as f64
                } else {
                    0.0
                })
            })
            .collect(),
        Kind::CumeDist => (0..m)
            .map(|pos| Value::F64(peer_end[pos] as f64 / m as f64))
            .collect(),
        Kind::Ntile => (0..m)
            .map(|pos| match arg(pos, 0) {
                Value::Null => Ok(Value::Null),
                value => {
                    let buckets = as_integer(value).filter(|n| *n > 0).ok_or_else(|| {
                        EngineError::Execution {
                            message: "argument of ntile must be greater than zero".to_owned(),
                        }
                    })?;
                    Ok(Value::I64(ntile(pos, m, buckets as usize) as i64))
                }
            })
            .collect::<Result<_, EngineError>>()?,
        Kind::Lag | Kind::Lead => (0..m)
            .map(|pos| {
                let offset = match call.args.get(1).map(|_| arg(pos, 1)) {
                    None => 1,
                    Some(Value::Null) => return Ok(Value::Null),
                    Some(value) => as_integer(value).ok_or_else(|| EngineError::Execution {
                        message: "the offset of lag and lead must be an integer".to_owned(),
                    })?,
                };
                let offset = if call.function == Kind::Lag {
                    -offset
                } else {
                    offset
                };
                let target = pos as i64 + offset;
                Ok(if (0..m as i64).contains(&target) {
                    arg(target as usize, 0).clone()
                } else if call.args.len() > 2 {
                    arg(pos, 2).clone()
                } else {
                    Value::Null
                })
            })
            .collect::<Result<_, EngineError>>()?,
        Kind::FirstValue | Kind::LastValue | Kind::NthValue => (0..m)
            .map(|pos| {
                let (lo, hi) = bounds(pos);
                let index = match call.function {
                    Kind::FirstValue => Some(lo),
                    Kind::LastValue => hi.checked_sub(1),
                    _ => match arg(pos, 1) {
                        Value::Null => None,
                        value => {
                            let n = as_integer(value).filter(|n| *n > 0).ok_or_else(|| {
                                EngineError::Execution {
                                    message: "argument of nth_value must be greater than zero"
                                        .to_owned(),
                                }
                            })?;
                            Some(lo + n as usize - 1)
                        }
                    },
                };
                Ok(match index {
                    Some(i) if i >= lo && i < hi => arg(i, 0).clone(),
                    _ => Value::Null,
                })
            })
            .collect::<Result<_, EngineError>>()?,
        Kind::Aggregate(aggregate) => {
            let mut values = Vec::with_capacity(m);
            let mut acc = Accumulator::new(aggregate);
            let (mut lo, mut hi) = (0, 0);
            for pos in 0..m {
                let (new_lo, new_hi) = bounds(pos);
                if new_lo != lo || new_hi < hi {
                    acc = Accumulator::new(aggregate);
                    (lo, hi) = (new_lo, new_lo);
                }
                for row in &rows[hi..new_hi.max(hi)] {
                    let value = call.args.first().map_or(&Value::Null, |&c| &row[c]);
                    acc.add(value)?;
                }
                *steps += (new_hi.max(hi) - hi) as u64;
                if *steps > MAX_STEPS {
                    return Err(EngineError::Execution {
                        message: "the window frames are too large to compute here; use a frame that starts at UNBOUNDED PRECEDING, or fewer rows".to_owned(),
                    });
                }
                hi = new_hi.max(hi);
                values.push(acc.result());
            }
            values
        }
    };
    Ok(values)
}

fn as_integer(value: &Value) -> Option<i64> {
    match value {
        Value::I64(n) => Some(*n),
        Value::Decimal(d) if d.fract().is_zero() => i64::try_from(*d).ok(),
        _ => None,
    }
}

/// PostgreSQL's ntile: the first `m % n` buckets hold one row more than the others.
fn ntile(pos: usize, m: usize, n: usize) -> usize {
    let size = m / n;
    let bigger = m % n;
    if size == 0 {
        return pos + 1;
    }
    let in_bigger = bigger * (size + 1);
    if pos < in_bigger {
        pos / (size + 1) + 1
    } else {
        bigger + (pos - in_bigger) / size + 1
    }
}

/// The frame of the row at `pos` as a half-open range of partition positions.
fn frame_bounds(
    frame: Frame,
    pos: usize,
    peer_start: usize,
    peer_end: usize,
    m: usize,
) -> (usize, usize) {
    let lo = match frame.start {
        Bound::UnboundedPreceding => 0,
        Bound::Preceding(k) => pos.saturating_sub(k),
        Bound::CurrentRow if frame.rows => pos,
        Bound::CurrentRow => peer_start,
        Bound::Following(k) => pos.saturating_add(k),
        Bound::UnboundedFollowing => m,
    };
    let hi = match frame.end {
        Bound::UnboundedPreceding => 0,
        Bound::Preceding(k) => (pos + 1).saturating_sub(k),
        Bound::CurrentRow if frame.rows => pos + 1,
        Bound::CurrentRow => peer_end,
        Bound::Following(k) => pos.saturating_add(k).saturating_add(1),
        Bound::UnboundedFollowing => m,
    };
    let (lo, hi) = (lo.min(m), hi.min(m));
    (lo, hi.max(lo))
}

/// A running aggregate over a frame.
struct Accumulator {
    aggregate: Aggregate,
    count: i64,
    sum: Sum,
    best: Option<Value>,
}

enum Sum {
    Int(i128),
    Decimal(Decimal),
    Float(f64),
}

impl Accumulator {
    fn new(aggregate: Aggregate) -> Accumulator {
        Accumulator {
            aggregate,
            count: 0,
            sum: Sum::Int(0),
            best: None,
        }
    }

    fn add(&mut self, value: &Value) -> Result<(), EngineError> {
        if self.aggregate == Aggregate::CountRows {
            self.count += 1;
            return Ok(());
        }
        if matches!(value, Value::Null) {
            return Ok(());
        }
        self.count += 1;
        match self.aggregate {
            Aggregate::Sum | Aggregate::Avg => self.add_number(value),
            Aggregate::Min | Aggregate::Max => {
                let wanted = if self.aggregate == Aggregate::Min {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
                let better = match &self.best {
                    None => true,
                    Some(best) => compare::values(value, best) == Some(wanted),
                };
                if better {
                    self.best = Some(value.clone());
                }
                Ok(())
            }
            Aggregate::Count | Aggregate::CountRows => Ok(()),
        }
    }

    fn add_number(&mut self, value: &Value) -> Result<(), EngineError> {
        let overflow = || EngineError::Execution {
            message: "numeric value out of range in a window sum".to_owned(),
        };
        self.sum = match (&self.sum, value) {
            (Sum::Int(total), Value::I64(n)) => Sum::Int(total + i128::from(*n)),
            (Sum::Int(total), Value::Decimal(d)) => Sum::Decimal(
                Decimal::try_from_i128_with_scale(*total, 0)
                    .ok()
                    .and_then(|t| t.checked_add(*d))
                    .ok_or_else(overflow)?,
            ),
            (Sum::Decimal(total), Value::I64(n)) => {
                Sum::Decimal(total.checked_add(Decimal::from(*n)).ok_or_else(overflow)?)
            }
            (Sum::Decimal(total), Value::Decimal(d)) => {
                Sum::Decimal(total.checked_add(*d).ok_or_else(overflow)?)
            }
            (Sum::Int(total), Value::F64(f)) => Sum::Float(*total as f64 + f),
            (Sum::Decimal(total), Value::F64(f)) => {
                Sum::Float(f64::try_from(*total).unwrap_or(f64::NAN) + f)
            }
            (Sum::Float(total), value) => Sum::Float(
                total
                    + match value {
                        Value::I64(n) => *n as f64,
                        Value::Decimal(d) => f64::try_from(*d).unwrap_or(f64::NAN),
                        Value::F64(f) => *f,
                        other => return Err(not_a_number(other)),
                    },
            ),
            (_, other) => return Err(not_a_number(other)),
        };
        Ok(())
    }

    fn result(&self) -> Value {
        let none = self.count == 0;
        match self.aggregate {
            Aggregate::Count | Aggregate::CountRows => Value::I64(self.count),
            Aggregate::Min | Aggregate::Max => self.best.clone().unwrap_or(Value::Null),
            _ if none => Value::Null,
            Aggregate::Sum => match self.sum {
                Sum::Int(total) => i64::try_from(total)
                    .map(Value::I64)
                    .unwrap_or_else(|_| Value::Decimal(Decimal::from_i128_with_scale(total, 0))),
                Sum::Decimal(total) => Value::Decimal(total),
                Sum::Float(total) => Value::F64(total),
            },
            Aggregate::Avg => match self.sum {
                Sum::Int(total) => Decimal::try_from_i128_with_scale(total, 0)
                    .ok()
                    .and_then(|t| t.checked_div(Decimal::from(self.count)))
                    .map_or(Value::Null, Value::Decimal),
                Sum::Decimal(total) => total
                    .checked_div(Decimal::from(self.count))
                    .map_or(Value::Null, Value::Decimal),
                Sum::Float(total) => Value::F64(total / self.count as f64),
            },
        }
    }
}

fn not_a_number(value: &Value) -> EngineError {
    EngineError::Execution {
        message: format!(
            "a window sum or average needs numbers, not {}",
            crate::engine::type_name(value).to_lowercase()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ntile_gives_the_first_buckets_the_extra_rows() {
        let buckets: Vec<usize> = (0..10).map(|pos| ntile(pos, 10, 3)).collect();
        assert_eq!(buckets, vec![1, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
        let buckets: Vec<usize> = (0..2).map(|pos| ntile(pos, 2, 5)).collect();
        assert_eq!(buckets, vec![1, 2]);
    }

    #[test]
    fn integer_keys_sort_as_values_do() {
        let at = |seconds: i64| {
            Value::Timestamp(
                gluesql::core::chrono::DateTime::from_timestamp(seconds, 0)
                    .unwrap()
                    .naive_utc(),
            )
        };
        // Many ties on the partition, some on the order key; the sort is stable either way.
        let rows: Vec<Vec<Value>> = (0..500_i64)
            .map(|i| {
                vec![
                    Value::I64(i * 7 % 5),
                    at(i * 13 % 17 - 8),
                    Value::I64(i % 3 - 1),
                ]
            })
            .collect();
        for (descending, partition) in [(false, vec![0]), (true, vec![0]), (true, vec![])] {
            let call = Call {
                function: Kind::RowNumber,
                args: Vec::new(),
                partition,
                order: vec![
                    SortKey {
                        column: 1,
                        descending,
                        nulls_first: false,
                    },
                    SortKey {
                        column: 2,
                        descending: !descending,
                        nulls_first: false,
                    },
                ],
                frame: frame(None).unwrap(),
            };
            let mut by_integers: Vec<usize> = (0..rows.len()).collect();
            let mut by_values = by_integers.clone();
            assert!(sort_by_integers(&call, &rows, &mut by_integers));
            sort_by_values(&call, &rows, &mut by_values);
            assert_eq!(by_integers, by_values);
        }
        // A NULL or a text key leaves the general sort to do it.
        let mixed = vec![vec![Value::I64(1)], vec![Value::Null]];
        let call = Call {
            function: Kind::RowNumber,
            args: Vec::new(),
            partition: vec![0],
            order: Vec::new(),
            frame: frame(None).unwrap(),
        };
        assert!(!sort_by_integers(&call, &mixed, &mut [0, 1]));
    }

    #[test]
    fn keys_packed_in_one_integer_sort_as_values_do() {
        // Values spread over the whole range of i64 need 64 bits each: two keys pack into a
        // u128, three do not (the general sort takes them); narrow ones pack by their step.
        let spread =
            |i: i64| Value::I64(i.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as i64) >> (i % 3));
        let rows: Vec<Vec<Value>> = (0..300_i64)
            .map(|i| {
                vec![
                    spread(i % 7),
                    spread(i % 11),
                    Value::I64(i % 5 * 1_000 - 2_000),
                    spread(i),
                ]
            })
            .chain([vec![Value::I64(i64::MIN); 4], vec![Value::I64(i64::MAX); 4]])
            .collect();
        let key = |column, descending| SortKey {
            column,
            descending,
            nulls_first: false,
        };
        for (partition, order, packs) in [
            (vec![2], vec![key(2, true)], true),
            (vec![0], vec![key(1, true)], true),
            (vec![0], vec![key(1, false), key(2, true)], false),
            (
                vec![3],
                vec![key(0, true), key(1, false), key(2, false)],
                false,
            ),
        ] {
            let call = Call {
                function: Kind::RowNumber,
                args: Vec::new(),
                partition,
                order,
                frame: frame(None).unwrap(),
            };
            let mut by_integers: Vec<usize> = (0..rows.len()).rev().collect();
            let mut by_values = by_integers.clone();
            assert_eq!(sort_by_integers(&call, &rows, &mut by_integers), packs);
            if packs {
                sort_by_values(&call, &rows, &mut by_values);
                assert_eq!(by_integers, by_values);
            }
        }
    }

    #[test]
    fn frames_follow_postgres_defaults() {
        let default = frame(None).unwrap();
        // Peers of row 1 are rows 1..3: the default frame ends after the last peer.
        assert_eq!(frame_bounds(default, 1, 1, 3, 5), (0, 3));
        let sliding = Frame {
            rows: true,
            start: Bound::Preceding(2),
            end: Bound::Following(1),
        };
        assert_eq!(frame_bounds(sliding, 0, 0, 1, 5), (0, 2));
        assert_eq!(frame_bounds(sliding, 4, 4, 5, 5), (2, 5));
    }
}
