//! Our pass over the user's SQL before GlueSQL sees it.
//!
//! GlueSQL parses some PostgreSQL it then ignores or computes differently. Each function here has
//! one job: either rewrite a construct into a form GlueSQL answers exactly as PostgreSQL would, or
//! refuse it with a message naming the construct. A query that would come back silently different
//! from PostgreSQL must never reach the executor.

use crate::error::EngineError;
use crate::time::{self, Timestamp};
use crate::timestamptz::Zone;
use bigdecimal::{BigDecimal, ToPrimitive};
use gluesql::core::chrono;
use gluesql::core::data::{parse_bool, Interval as GlueInterval, Value as GlueValue};
use gluesql::core::translate::{IntoParamLiteral, ParamLiteral};
use sqlparser::ast::{
    AlterTableOperation, BinaryOperator, CastKind, DataType, DateTimeField, DuplicateTreatment,
    ExactNumberInfo, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArgumentClause,
    FunctionArgumentList, FunctionArguments, GroupByExpr, Ident, Interval, Join, JoinConstraint,
    JoinOperator, ObjectName, Query, Select, SelectItem, SetExpr, Statement, TableAlias,
    TableFactor, TimezoneInfo, TrimWhereField, UnaryOperator, Value, Visitor, VisitorMut,
};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Token, Tokenizer};
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::rc::Rc;

/// What the rewrites need to know about the database.
pub struct Context {
    /// `NOW()` and friends.
    pub clock: Timestamp,
    /// Column name to its type, for every column name with one type across all tables.
    pub column_types: Rc<HashMap<String, ValueKind>>,
    /// Names of the `TIMESTAMPTZ` columns of every table.
    pub timestamptz: Rc<Vec<String>>,
}

/// The coarse type of an expression, as far as our pass can tell without running it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// With a time zone (`Tz`), without (`Plain`), or either (`Unknown`).
    Timestamp(Zone),
    Interval,
    Integer,
    /// Exact or floating point.
    Number,
    Boolean,
    Other,
}

/// Splits SQL text into statements. Syntax errors carry the line and column they name.
/// Unquoted names fold to lower case first, as PostgreSQL folds them (ASCII letters only):
/// `SELECT Handle FROM Creators` reads `creators.handle`; `"Handle"` stays as written.
pub fn parse(sql: &str) -> Result<Vec<Statement>, EngineError> {
    // The message of an error quotes the text as it was written.
    statements(sql, true)
        .map_err(|folded| syntax_error(statements(sql, false).err().unwrap_or(folded)))
}

fn statements(sql: &str, fold: bool) -> Result<Vec<Statement>, ParserError> {
    let dialect = PostgreSqlDialect {};
    let mut tokens = Tokenizer::new(&dialect, sql).tokenize_with_location()?;
    for token in tokens.iter_mut().filter(|_| fold) {
        if let Token::Word(word) = &mut token.token {
            if word.quote_style.is_none() {
                word.value.make_ascii_lowercase();
            }
        }
    }
    Parser::new(&dialect)
        .with_tokens_with_locations(tokens)
        .parse_statements()
}

fn syntax_error(error: ParserError) -> EngineError {
    let text = match error {
        ParserError::TokenizerError(text) | ParserError::ParserError(text) => text,
        ParserError::RecursionLimitExceeded => {
            return EngineError::Syntax {
                message: "the statement nests too deeply".to_owned(),
                line: None,
                column: None,
            }
        }
    };
    // sqlparser puts the position at the end of its message: "... at Line: 2, Column: 7".
    let (message, line, column) = match text.rfind(" at Line: ") {
        Some(at) => {
            let position = &text[at + " at Line: ".len()..];
            let mut numbers = position
                .split(", Column: ")
                .map(|n| n.trim().parse::<u64>().ok());
            let line = numbers.next().flatten();
            let column = numbers.next().flatten();
            (text[..at].to_owned(), line, column)
        }
        None => (text, None, None),
    };
    EngineError::Syntax {
        message,
        line,
        column,
    }
}

/// Applies every check and rewrite to one statement, in place.
pub fn prepare(statement: &mut Statement, context: &Context) -> Result<(), EngineError> {
    // First, before anything else recurses over the tree.
    check_depth(statement)?;
    // Before any rewrite, so a column is named for what the user wrote.
    let _ = crate::walk::walk_mut(statement, &mut OutputNames);
    rewrite_column_types(statement)?;
    if let ControlFlow::Break(error) = crate::walk::walk_mut(statement, &mut GroupByPositions) {
        return Err(error);
    }
    let _ = crate::walk::walk_mut(statement, &mut OrderByOutputNames);
    let flow = crate::walk::expressions_mut(statement, |expr| {
        let outcome = refuse_ignored_clauses(expr)
            .map(|()| rewrite_date_function(expr))
            .and_then(|()| replace_clock(expr, context.clock))
            .and_then(|()| refuse_timestamptz_text(expr, context))
            .and_then(|()| rewrite_cast(expr))
            .and_then(|()| rewrite_timestamptz(expr))
            .and_then(|()| rewrite_functions(expr))
            .and_then(|()| check_interval_text(expr))
            .and_then(|()| rewrite_any_all(expr))
            .and_then(|()| check_typed_literals(expr, context));
        match outcome {
            Ok(()) => ControlFlow::Continue(()),
            Err(error) => ControlFlow::Break(error),
        }
    });
    if let ControlFlow::Break(error) = flow {
        return Err(error);
    }
    let _ = crate::walk::walk_mut(statement, &mut AliasedJoins);
    if let ControlFlow::Break(error) = crate::walk::walk_mut(statement, &mut PlainJoins) {
        return Err(error);
    }
    let _ = crate::walk::walk_mut(statement, &mut SubqueriesAfterJoin);
    let _ = crate::walk::walk_mut(statement, &mut PushRootFilters);
    let _ = crate::walk::walk_mut(statement, &mut FilterJoinedTables);
    Ok(())
}

/// The last pass before a statement goes to GlueSQL, on the statements our steps build too.
pub fn finalize(statement: &mut Statement) -> Result<Vec<ParamLiteral>, EngineError> {
    if let ControlFlow::Break(error) = crate::walk::walk_mut(statement, &mut NullsOrder) {
        return Err(error);
    }
    Ok(hoist_constants(statement))
}

/// `ORDER BY x NULLS FIRST` (or `DESC NULLS LAST`) sorts by `x IS NULL` first; GlueSQL has no
/// NULLS clause, and its default places NULLs as PostgreSQL's does.
struct NullsOrder;

impl VisitorMut for NullsOrder {
    type Break = EngineError;

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<EngineError> {
        let Some(order_by) = query.order_by.as_mut() else {
            return ControlFlow::Continue(());
        };
        let projection = match query.body.as_ref() {
            SetExpr::Select(select) => Some(&select.projection),
            _ => None,
        };
        let mut keys = Vec::with_capacity(order_by.exprs.len());
        for mut item in std::mem::take(&mut order_by.exprs) {
            let descending = item.asc == Some(false);
            match item.nulls_first.take() {
                Some(nulls_first) if nulls_first != descending => {
                    let sorted = match &item.expr {
                        Expr::Value(Value::Number(number, false)) => {
                            let position: usize = number.to_string().parse().unwrap_or(0);
                            let projected = projection.and_then(|items| {
                                match items.get(position.wrapping_sub(1))? {
                                    SelectItem::UnnamedExpr(expr)
                                    | SelectItem::ExprWithAlias { expr, .. } => Some(expr.clone()),
                                    _ => None,
                                }
                            });
                            match projected {
                                Some(expr) => expr,
                                None => {
                                    return ControlFlow::Break(unsupported(
                                        "NULLS FIRST/LAST on this ORDER BY position",
                                        "order by the expression itself",
                                    ))
                                }
                            }
                        }
                        expr => expr.clone(),
                    };
                    keys.push(sqlparser::ast::OrderByExpr {
                        expr: Expr::IsNull(Box::new(sorted)),
                        asc: Some(!nulls_first),
                        nulls_first: None,
                        with_fill: None,
                    });
                    keys.push(item);
                }
                _ => keys.push(item),
            }
        }
        order_by.exprs = keys;
        ControlFlow::Continue(())
    }
}

/// `(a JOIN b ...) AS x` as `(SELECT * FROM a JOIN b ...) AS x`: the same columns (those of `*`
/// over the join), under the alias alone, as PostgreSQL reads an aliased join.
struct AliasedJoins;

impl VisitorMut for AliasedJoins {
    type Break = ();

    fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
        if let TableFactor::NestedJoin {
            table_with_joins,
            alias: Some(alias),
        } = factor
        {
            let mut subquery = crate::pipeline::select_all_from("joined");
            if let SetExpr::Select(select) = subquery.body.as_mut() {
                select.from = vec![(**table_with_joins).clone()];
            }
            *factor = TableFactor::Derived {
                lateral: false,
                subquery: Box::new(subquery),
                alias: Some(alias.clone()),
            };
        }
        ControlFlow::Continue(())
    }
}

/// `CROSS JOIN`, comma-separated tables and `RIGHT JOIN` in the forms GlueSQL runs: inner joins
/// whose `ON` holds the `WHERE` conditions that link them (so they run as hash joins), and
/// `a RIGHT JOIN b` as `b LEFT JOIN a`.
struct PlainJoins;

impl VisitorMut for PlainJoins {
    type Break = EngineError;

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<EngineError> {
        match rewrite_joins(query, None) {
            Ok(()) => ControlFlow::Continue(()),
            Err(error) => ControlFlow::Break(error),
        }
    }
}

/// The relations a FROM item reads (one, or those of a parenthesized join) by the names the
/// query uses for them, with their columns, where they are known.
pub type FactorColumns<'a> = &'a dyn Fn(&TableFactor) -> Option<Vec<(String, Vec<String>)>>;

/// [`PlainJoins`] on one query, not the queries inside it. A SELECT whose joins need the
/// columns of its tables ([`joins_need_columns`]) is left for the pipeline, which calls this
/// again with them (`columns`).
pub(crate) fn rewrite_joins(
    query: &mut Query,
    columns: Option<FactorColumns>,
) -> Result<(), EngineError> {
    let unknown = |select: &Select| columns.is_none() && joins_need_columns(select);
    let _ = each_select(query.body.as_mut(), &mut |select| {
        for from in &mut select.from {
            crate::full_join::open_leading_parentheses(from);
        }
        ControlFlow::<()>::Continue(())
    });
    if let SetExpr::Select(select) = query.body.as_mut() {
        if unknown(select) {
            return Ok(());
        }
        let merged = rewrite_using(select, columns.unwrap_or(&|_| None))?;
        for item in query.order_by.iter_mut().flat_map(|o| o.exprs.iter_mut()) {
            let _ = crate::walk::walk_mut(&mut item.expr, &mut MergedColumns::new(&merged));
        }
    }
    let flow = each_select(query.body.as_mut(), &mut |select| {
        if unknown(select) {
            return ControlFlow::Continue(());
        }
        match plain_joins(select) {
            Ok(()) => ControlFlow::Continue(()),
            Err(error) => ControlFlow::Break(error),
        }
    });
    match flow {
        ControlFlow::Break(error) => Err(error),
        ControlFlow::Continue(()) => Ok(()),
    }
}

/// Whether a select list holds `*` or `t.*`.
pub fn has_star(projection: &[SelectItem]) -> bool {
    projection.iter().any(|item| {
        matches!(
            item,
            SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(..)
        )
    })
}

/// Joins whose meaning depends on the columns of their tables, which this pass does not know:
/// `NATURAL JOIN` (which columns it joins on) and `SELECT *` over `JOIN ... USING` (the merged
/// columns first, once). `join_columns` rewrites them once the tables are stored.
pub fn joins_need_columns(select: &Select) -> bool {
    let star = select
        .projection
        .iter()
        .any(|item| matches!(item, SelectItem::Wildcard(_)));
    select
        .from
        .iter()
        .flat_map(|from| from.joins.iter().enumerate())
        .any(|(index, join)| match &join.join_operator {
            JoinOperator::Inner(constraint)
            | JoinOperator::LeftOuter(constraint)
            | JoinOperator::RightOuter(constraint)
            | JoinOperator::FullOuter(constraint) => match constraint {
                JoinConstraint::Natural => true,
                // After another join, the left side's column is found among its relations.
                JoinConstraint::Using(_) => star || index > 0,
                _ => false,
            },
            _ => false,
        })
}

/// Calls `visit` on every SELECT of a query body: the body itself, or each branch of a set
/// operation (a subquery in parentheses is a query of its own, visited on its own).
fn each_select<B>(
    body: &mut SetExpr,
    visit: &mut impl FnMut(&mut Select) -> ControlFlow<B>,
) -> ControlFlow<B> {
    match body {
        SetExpr::SetOperation { left, right, .. } => {
            each_select(left, visit)?;
            each_select(right, visit)
        }
        SetExpr::Select(select) => visit(select),
        _ => ControlFlow::Continue(()),
    }
}

/// `a JOIN b USING (c)` becomes `a JOIN b ON a.c = b.c`, and a bare `c` in the SELECT reads the
/// merged column as in PostgreSQL: the left side's, the right side's for `RIGHT JOIN`, the one
/// that is not NULL for `FULL JOIN`. After other joins, the left side's `c` is the one relation
/// before the join that has it (`columns`), or what an earlier `USING` merged. Returns the
/// merged columns with what they read, for the query's ORDER BY.
fn rewrite_using(
    select: &mut Select,
    columns: FactorColumns,
) -> Result<Vec<(String, Expr)>, EngineError> {
    let column =
        |table: &str, name: &Ident| Expr::CompoundIdentifier(vec![Ident::new(table), name.clone()]);
    let mut merged: Vec<(String, Expr)> = Vec::new();
    for from in &mut select.from {
        let first = qualifier(&from.relation);
        // The relations before each join, with their columns where known.
        let relations = |factor: &TableFactor| match columns(factor) {
            Some(known) => known
                .into_iter()
                .map(|(name, columns)| (Some(name), Some(columns)))
                .collect(),
            None => vec![(qualifier(factor), None)],
        };
        let mut before: Vec<(Option<String>, Option<Vec<String>>)> = relations(&from.relation);
        let mut merged_here: Vec<(String, Expr)> = Vec::new();
        for (index, join) in from.joins.iter_mut().enumerate() {
            let right = qualifier(&join.relation);
            let Some(names) = crate::names::using_columns(&join.join_operator) else {
                before.extend(relations(&join.relation));
                continue;
            };
            let names = names.to_vec();
            let refuse = || {
                unsupported(
                    "JOIN ... USING on a subquery without an alias, or after a join whose columns are not known",
                    "write the condition out: JOIN b ON b.col = a.col",
                )
            };
            let Some(right) = right else {
                return Err(refuse());
            };
            let mut left_reads = Vec::with_capacity(names.len());
            for name in &names {
                let key = name.value.to_lowercase();
                let earlier = merged_here.iter().rev().find(|(m, _)| *m == key);
                let read = match (earlier, index, &first) {
                    (Some((_, read)), _, _) => read.clone(),
                    (None, 0, Some(first)) => column(first, name),
                    (None, 0, None) => return Err(refuse()),
                    (None, _, _) => {
                        let mut owners = Vec::new();
                        for (relation, known) in &before {
                            match (relation, known) {
                                (Some(relation), Some(known)) => {
                                    if known.iter().any(|c| c.to_lowercase() == key) {
                                        owners.push(relation);
                                    }
                                }
                                _ => return Err(refuse()),
                            }
                        }
                        match owners.as_slice() {
                            [owner] => column(owner, name),
                            [] => {
                                return Err(EngineError::Execution {
                                    message: format!("column \"{key}\" specified in USING clause does not exist in left table"),
                                })
                            }
                            _ => {
                                return Err(EngineError::Execution {
                                    message: format!("common column name \"{key}\" appears more than once in left table"),
                                })
                            }
                        }
                    }
                };
                left_reads.push(read);
            }
            let on = names
                .iter()
                .zip(&left_reads)
                .map(|(name, left)| Expr::BinaryOp {
                    left: Box::new(left.clone()),
                    op: BinaryOperator::Eq,
                    right: Box::new(column(&right, name)),
                })
                .reduce(|a, b| Expr::BinaryOp {
                    left: Box::new(a),
                    op: BinaryOperator::And,
                    right: Box::new(b),
                })
                .expect("USING names a column");
            let operator = match &join.join_operator {
                JoinOperator::Inner(_) => JoinOperator::Inner(JoinConstraint::On(on)),
                JoinOperator::LeftOuter(_) => JoinOperator::LeftOuter(JoinConstraint::On(on)),
                JoinOperator::RightOuter(_) => JoinOperator::RightOuter(JoinConstraint::On(on)),
                _ => JoinOperator::FullOuter(JoinConstraint::On(on)),
            };
            for (name, left) in names.iter().zip(left_reads) {
                let read = match &operator {
                    JoinOperator::Inner(_) | JoinOperator::LeftOuter(_) => left,
                    JoinOperator::RightOuter(_) => column(&right, name),
                    // Either side may be NULL-extended: the merged column is the one that is not.
                    _ => call("COALESCE", vec![left, column(&right, name)]),
                };
                let key = name.value.to_lowercase();
                merged_here.retain(|(m, _)| *m != key);
                merged_here.push((key, read));
            }
            join.join_operator = operator;
            before.extend(relations(&join.relation));
        }
        merged.extend(merged_here);
    }
    if merged.is_empty() {
        return Ok(merged);
    }
    // A merged column keeps its name when it reads as `COALESCE(a.c, b.c)`.
    for item in &mut select.projection {
        if let SelectItem::UnnamedExpr(Expr::Identifier(ident)) = item {
            let name = ident.value.to_lowercase();
            if merged.iter().any(|(merged, _)| *merged == name) {
                *item = SelectItem::ExprWithAlias {
                    alias: Ident::with_quote('"', crate::pipeline::identifier_name(ident)),
                    expr: Expr::Identifier(ident.clone()),
                };
            }
        }
    }
    let mut visitor = MergedColumns::new(&merged);
    let _ = crate::walk::walk_mut(&mut select.projection, &mut visitor);
    let _ = crate::walk::walk_mut(&mut select.selection, &mut visitor);
    let _ = crate::walk::walk_mut(&mut select.group_by, &mut visitor);
    let _ = crate::walk::walk_mut(&mut select.having, &mut visitor);
    Ok(merged)
}

/// Qualifies bare names of merged `USING` columns, in this query only (a subquery's bare name
/// may be its own column).
struct MergedColumns<'a> {
    merged: &'a [(String, Expr)],
    depth: usize,
}

impl<'a> MergedColumns<'a> {
    fn new(merged: &'a [(String, Expr)]) -> Self {
        MergedColumns { merged, depth: 0 }
    }
}

impl VisitorMut for MergedColumns<'_> {
    type Break = ();

    fn pre_visit_query(&mut self, _: &mut Query) -> ControlFlow<()> {
        self.depth += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _: &mut Query) -> ControlFlow<()> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }

    fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        if let (0, Expr::Identifier(ident)) = (self.depth, &*expr) {
            let name = ident.value.to_lowercase();
            if let Some((_, column)) = self.merged.iter().find(|(merged, _)| *merged == name) {
                *expr = column.clone();
            }
        }
        ControlFlow::Continue(())
    }
}

fn on_true() -> JoinOperator {
    JoinOperator::Inner(JoinConstraint::On(true_expr()))
}

/// `TRUE`, as a condition that keeps every row.
pub(crate) fn true_expr() -> Expr {
    Expr::Value(Value::Boolean(true))
}

fn qualifier(factor: &TableFactor) -> Option<String> {
    match factor {
        TableFactor::Table { name, alias, .. } => match alias {
            Some(alias) => Some(alias.name.value.to_lowercase()),
            None => name.0.last().map(|part| part.value.to_lowercase()),
        },
        TableFactor::Derived {
            alias: Some(alias), ..
        } => Some(alias.name.value.to_lowercase()),
        _ => None,
    }
}

fn plain_joins(select: &mut Select) -> Result<(), EngineError> {
    // FULL and RIGHT joins the pipeline computes as steps are left as they are.
    let steps = crate::full_join::needs_step(select);
    for from in &mut select.from {
        if let (Some(first), false) = (from.joins.first(), steps) {
            if let JoinOperator::RightOuter(constraint) = &first.join_operator {
                let constraint = constraint.clone();
                let right = std::mem::replace(&mut from.joins[0].relation, from.relation.clone());
                from.relation = right;
                from.joins[0].join_operator = JoinOperator::LeftOuter(constraint);
            }
        }
        for join in &mut from.joins {
            match &join.join_operator {
                JoinOperator::CrossJoin => join.join_operator = on_true(),
                // Left by `rewrite_using` only in a branch of a set operation.
                operator if crate::names::using_columns(operator).is_some() => {
                    return Err(unsupported(
                        "JOIN ... USING (...)",
                        "write the condition out: JOIN b ON b.col = a.col",
                    ))
                }
                _ => {}
            }
        }
    }
    if select.from.len() > 1 {
        let mut rest = select.from.split_off(1);
        let first = &mut select.from[0];
        for from in rest.drain(..) {
            // `a, b FULL JOIN c ON ...` pairs `a` with the rows of the whole FULL JOIN: kept in
            // parentheses, not chained after `a`.
            if from.joins.iter().any(crate::full_join::is_step) {
                first.joins.push(sqlparser::ast::Join {
                    relation: TableFactor::NestedJoin {
                        table_with_joins: Box::new(from),
                        alias: None,
                    },
                    global: false,
                    join_operator: on_true(),
                });
                continue;
            }
            first.joins.push(sqlparser::ast::Join {
                relation: from.relation,
                global: false,
                join_operator: on_true(),
            });
            first.joins.extend(from.joins);
        }
    }
    // Move each WHERE condition to the first `ON TRUE` join after which all its tables exist.
    let Some(from) = select.from.first_mut() else {
        return Ok(());
    };
    if !from
        .joins
        .iter()
        .any(|join| join.join_operator == on_true())
    {
        return Ok(());
    }
    let Some(selection) = select.selection.take() else {
        return Ok(());
    };
    let mut visible: Vec<String> = qualifier(&from.relation).into_iter().collect();
    let mut remaining = conjuncts(selection);
    for join in &mut from.joins {
        let Some(name) = qualifier(&join.relation) else {
            continue;
        };
        visible.push(name);
        let JoinOperator::Inner(JoinConstraint::On(on)) = &mut join.join_operator else {
            continue;
        };
        if *on != true_expr() {
            continue;
        }
        let (movable, kept): (Vec<Expr>, Vec<Expr>) = remaining
            .into_iter()
            .partition(|conjunct| reads_only_tables(conjunct, &visible));
        remaining = kept;
        if let Some(moved) = and_all(movable) {
            *on = moved;
        }
    }
    select.selection = and_all(remaining);
    Ok(())
}

/// True when every column the expression reads is qualified with one of `tables`, and it
/// holds no subquery.
fn reads_only_tables(expr: &Expr, tables: &[String]) -> bool {
    let flow = crate::walk::expressions(expr, |inner| match inner {
        Expr::Identifier(_) | Expr::Subquery(_) | Expr::Exists { .. } | Expr::InSubquery { .. } => {
            ControlFlow::Break(())
        }
        Expr::CompoundIdentifier(parts)
            if parts.len() != 2 || !tables.contains(&parts[0].value.to_lowercase()) =>
        {
            ControlFlow::Break(())
        }
        _ => ControlFlow::Continue(()),
    });
    flow.is_continue()
}

/// Replaces timestamp, date and interval literals with parameters holding their parsed values.
/// GlueSQL parses a typed literal again for every row it evaluates (chrono's format parser was
/// half the time of the payout query); a parameter is a ready value. Runs after [`prepare`],
/// whose checks need to see the literals.
pub fn hoist_constants(statement: &mut Statement) -> Vec<ParamLiteral> {
    // In INSERT and UPDATE, GlueSQL casts a number literal to its column's type; a decimal
    // parameter would not fit a FLOAT column.
    let exact_decimals = matches!(statement, Statement::Query(_));
    let mut params = Vec::new();
    fn hoist(params: &mut Vec<ParamLiteral>, expr: &mut Expr, param: ParamLiteral) {
        params.push(param);
        *expr = Expr::Value(Value::Placeholder(format!("${}", params.len())));
    }
    // Children are visited first, so an operator sees its operands already hoisted.
    let _ = crate::walk::expressions_mut(statement, |expr| {
        let is_decimal = matches!(expr, Expr::Value(Value::Number(..)));
        if let Some(param) = constant(expr).filter(|_| exact_decimals || !is_decimal) {
            hoist(&mut params, expr, param);
        }
        if let Some(param) = fold_time_arithmetic(expr, &params) {
            hoist(&mut params, expr, param);
        }
        // GlueSQL computes between two number literals exactly, so `7 / 2` gave 3.5; as 64-bit
        // integers they divide as PostgreSQL's integers do. Only when both sides are integer
        // literals: against a decimal, GlueSQL would truncate the decimal to the integer's type.
        if let Expr::BinaryOp { left, op, right } = expr {
            if let (true, Some(l), Some(r)) = (
                is_arithmetic(op),
                integer_literal(left),
                integer_literal(right),
            ) {
                hoist(&mut params, left, l.into_param_literal());
                hoist(&mut params, right, r.into_param_literal());
            }
        }
        ControlFlow::<()>::Continue(())
    });
    params
}

/// `NOW() - INTERVAL '30 days'` is one timestamp for the whole statement: computed here once,
/// by GlueSQL's own arithmetic, rather than again for every row. Anything that fails is left to
/// fail where it would have.
fn fold_time_arithmetic(expr: &Expr, params: &[ParamLiteral]) -> Option<ParamLiteral> {
    let Expr::BinaryOp { left, op, right } = expr else {
        return None;
    };
    let (left, right) = (param_value(left, params)?, param_value(right, params)?);
    let value = match (&left, op, &right) {
        (GlueValue::Timestamp(_), BinaryOperator::Plus, GlueValue::Interval(_))
        | (GlueValue::Interval(_), BinaryOperator::Plus, GlueValue::Timestamp(_)) => {
            left.add(&right)
        }
        (GlueValue::Timestamp(_), BinaryOperator::Minus, GlueValue::Interval(_)) => {
            left.subtract(&right)
        }
        _ => return None,
    };
    match value.ok()? {
        GlueValue::Timestamp(timestamp) => Some(timestamp.into_param_literal()),
        _ => None,
    }
}

/// The value of a hoisted parameter, seen through parentheses.
fn param_value(expr: &Expr, params: &[ParamLiteral]) -> Option<GlueValue> {
    let expr = match expr {
        Expr::Nested(inner) => inner.as_ref(),
        other => other,
    };
    let Expr::Value(Value::Placeholder(name)) = expr else {
        return None;
    };
    let index: usize = name.strip_prefix('$')?.parse().ok()?;
    match params.get(index.checked_sub(1)?)?.clone().into_expr() {
        gluesql::core::ast::Expr::Value(value) => Some(value),
        _ => None,
    }
}

fn is_arithmetic(op: &BinaryOperator) -> bool {
    matches!(
        op,
        BinaryOperator::Plus
            | BinaryOperator::Minus
            | BinaryOperator::Multiply
            | BinaryOperator::Divide
            | BinaryOperator::Modulo
    )
}

fn integer_literal(expr: &Expr) -> Option<i64> {
    match expr {
        Expr::Value(Value::Number(number, false)) => integer(number),
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => integer_literal(expr)?.checked_neg(),
        Expr::Nested(inner) => integer_literal(inner),
        _ => None,
    }
}

/// A number as written, when it is a 64-bit integer (`2.0` is not: it is a decimal, as its text
/// says). Plain digits, most literals, are read without printing the number.
pub(crate) fn integer(number: &BigDecimal) -> Option<i64> {
    match number.fractional_digit_count() {
        0 => number.to_i64(),
        _ => number.to_string().parse().ok(),
    }
}

fn constant(expr: &Expr) -> Option<ParamLiteral> {
    match expr {
        // PostgreSQL reads `2.5` as an exact numeric; GlueSQL as a float (`0.1 + 0.2` would not
        // be `0.3`).
        Expr::Value(Value::Number(number, false)) => {
            // Plain digits (most literals) print without a point or an exponent.
            if number.fractional_digit_count() == 0 {
                return None;
            }
            let text = number.to_string();
            if !text.contains(['.', 'e', 'E']) {
                return None;
            }
            let decimal = text
                .parse::<rust_decimal::Decimal>()
                .or_else(|_| rust_decimal::Decimal::from_scientific(&text))
                .ok()?;
            Some(decimal.into_param_literal())
        }
        Expr::TypedString {
            data_type: DataType::Timestamp(_, TimezoneInfo::None),
            value,
        } => {
            let ts = time::parse(value)?;
            Some(
                chrono::DateTime::from_timestamp(ts, 0)?
                    .naive_utc()
                    .into_param_literal(),
            )
        }
        Expr::TypedString {
            data_type: DataType::Date,
            value,
        } if value.len() == 10 => {
            let ts = time::parse(value)?;
            Some(
                chrono::DateTime::from_timestamp(ts, 0)?
                    .date_naive()
                    .into_param_literal(),
            )
        }
        Expr::Interval(Interval {
            value,
            leading_field: None,
            ..
        }) => match value.as_ref() {
            Expr::Value(Value::SingleQuotedString(text)) => {
                Some(interval_text(text)?.into_param_literal())
            }
            _ => None,
        },
        Expr::Interval(Interval {
            value,
            leading_field: Some(field),
            leading_precision: None,
            last_field: None,
            fractional_seconds_precision: None,
        }) => {
            let Expr::Value(Value::SingleQuotedString(text)) = value.as_ref() else {
                return None;
            };
            let amount: i64 = text.trim().parse().ok()?;
            let amount = i32::try_from(amount).ok()?;
            let interval = match field {
                DateTimeField::Year => GlueInterval::months(amount.checked_mul(12)?),
                DateTimeField::Month => GlueInterval::months(amount),
                DateTimeField::Day => GlueInterval::days(amount),
                DateTimeField::Hour => GlueInterval::hours(amount),
                DateTimeField::Minute => GlueInterval::minutes(amount),
                DateTimeField::Second => GlueInterval::seconds(i64::from(amount)),
                _ => return None,
            };
            Some(interval.into_param_literal())
        }
        _ => None,
    }
}

/// Deepest expression nesting accepted. The executor recurses once per level with large frames
/// (a chain of 4,000 `+` overflowed an 8 MB stack; wasm has 1 MB), so deeper trees are refused
/// before they reach it. Real queries stay far below this.
pub const MAX_EXPRESSION_DEPTH: usize = 200;

struct DepthCheck {
    depth: usize,
}

impl Visitor for DepthCheck {
    type Break = ();

    fn pre_visit_expr(&mut self, _expr: &Expr) -> ControlFlow<()> {
        self.depth += 1;
        if self.depth > MAX_EXPRESSION_DEPTH {
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    }

    fn post_visit_expr(&mut self, _expr: &Expr) -> ControlFlow<()> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }
}

fn check_depth(statement: &Statement) -> Result<(), EngineError> {
    match crate::walk::walk(statement, &mut DepthCheck { depth: 0 }) {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(()) => Err(unsupported(
            &format!("an expression nested more than {MAX_EXPRESSION_DEPTH} levels deep"),
            "split it into smaller expressions, or use IN (...) instead of a long chain of OR",
        )),
    }
}

/// A refusal naming the construct and a way around it.
pub fn unsupported(construct: &str, hint: &str) -> EngineError {
    // Hints are written as the rest of a sentence; shown after the construct, one starts.
    let mut chars = hint.chars();
    let first: String = chars
        .next()
        .map(char::to_uppercase)
        .into_iter()
        .flatten()
        .collect();
    EngineError::Unsupported {
        construct: construct.to_owned(),
        hint: first + chars.as_str(),
    }
}

/// GlueSQL parses `FILTER (WHERE ...)`, `WITHIN GROUP` and `IGNORE NULLS` on a function call and
/// then drops them, answering a different question. (`OVER` is ours: see `window`.)
fn refuse_ignored_clauses(expr: &mut Expr) -> Result<(), EngineError> {
    if let Expr::Value(Value::Placeholder(placeholder)) = expr {
        // Our own constants travel as parameters; a user's would be bound to one of them.
        return Err(unsupported(
            &format!("the parameter {placeholder}"),
            "write the value into the query",
        ));
    }
    let Expr::Function(function) = expr else {
        return Ok(());
    };
    let name = function.name.to_string().to_uppercase();
    refuse_argument_clauses(function, &name)?;
    if function.filter.is_some() {
        rewrite_filter(function)?;
    }
    if function.null_treatment.is_some() {
        return Err(unsupported(
            &format!("{name}(...) IGNORE/RESPECT NULLS"),
            "null treatment clauses are not supported",
        ));
    }
    Ok(())
}

/// `ORDER BY` inside `STRING_AGG(...)`, `WITHIN GROUP (ORDER BY x)` after the percentiles and
/// `MODE()`: GlueSQL would drop either anywhere else, or the other clauses sqlparser reads there.
fn refuse_argument_clauses(function: &Function, name: &str) -> Result<(), EngineError> {
    let ordered_set = ["PERCENTILE_CONT", "PERCENTILE_DISC", "MODE"].contains(&name);
    let has_within_group = !function.within_group.is_empty();
    if ordered_set != has_within_group {
        return Err(match ordered_set {
            true => unsupported(
                &format!("{name} without WITHIN GROUP (ORDER BY ...)"),
                &format!(
                    "write {}(...) WITHIN GROUP (ORDER BY x)",
                    name.to_lowercase()
                ),
            ),
            false => unsupported(
                &format!("{name}(...) WITHIN GROUP (ORDER BY ...)"),
                "WITHIN GROUP works with percentile_cont, percentile_disc and mode",
            ),
        });
    }
    let (distinct, clauses, first) = match &function.args {
        FunctionArguments::List(list) => (
            matches!(list.duplicate_treatment, Some(DuplicateTreatment::Distinct)),
            list.clauses.as_slice(),
            list.args.first(),
        ),
        _ => (false, &[][..], None),
    };
    if ordered_set && (distinct || function.within_group.len() != 1) {
        return Err(unsupported(
            &format!("{name} with DISTINCT or several sort keys"),
            &format!("write {}(f) WITHIN GROUP (ORDER BY x)", name.to_lowercase()),
        ));
    }
    for clause in clauses {
        let keys = match clause {
            FunctionArgumentClause::OrderBy(keys) => keys,
            // Named by kind: printing the clause would bring sqlparser's printer of every
            // expression into the module.
            other => {
                let kind = match other {
                    FunctionArgumentClause::Limit(_) => "LIMIT",
                    FunctionArgumentClause::Having(_) => "HAVING",
                    FunctionArgumentClause::Separator(_) => "SEPARATOR",
                    FunctionArgumentClause::OnOverflow(_) => "ON OVERFLOW",
                    _ => "IGNORE/RESPECT NULLS",
                };
                return Err(unsupported(
                    &format!("{kind} inside {name}(...)"),
                    "filter or limit the rows in a subquery first",
                ));
            }
        };
        let lower = name.to_lowercase();
        if !crate::names::AGGREGATES.contains(&lower.as_str()) {
            return Err(EngineError::Execution {
                message: format!("ORDER BY specified, but {lower} is not an aggregate function"),
            });
        }
        let argument = match first {
            Some(FunctionArg::Unnamed(FunctionArgExpr::Expr(argument))) => Some(argument),
            _ => None,
        };
        if distinct && keys.iter().any(|key| Some(&key.expr) != argument) {
            return Err(EngineError::Execution {
                message: "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list".to_owned(),
            });
        }
    }
    Ok(())
}

/// `agg(x) FILTER (WHERE c)` is `agg(CASE WHEN c THEN x END)` for the aggregates that skip
/// NULLs, and `count(*) FILTER (WHERE c)` is `count(CASE WHEN c THEN 1 END)`.
fn rewrite_filter(function: &mut Function) -> Result<(), EngineError> {
    let name = function_name(function);
    let refuse = || {
        unsupported(
            &format!("{}(...) FILTER (WHERE ...)", name.to_uppercase()),
            "FILTER works with count, sum, avg, min, max, bool_and, bool_or, string_agg, the percentiles, mode and the variance family; write the condition inside other calls, e.g. agg(CASE WHEN cond THEN x END)",
        )
    };
    let skips_nulls = [
        "count",
        "sum",
        "avg",
        "min",
        "max",
        "bool_and",
        "bool_or",
        "every",
        "string_agg",
        "percentile_cont",
        "percentile_disc",
        "mode",
    ];
    if !skips_nulls.contains(&name.as_str()) && !VARIANCES.contains(&name.as_str()) {
        return Err(refuse());
    }
    let Some(condition) = function.filter.take() else {
        return Ok(());
    };
    let filtered = |value| Expr::Case {
        operand: None,
        conditions: vec![*condition],
        results: vec![value],
        else_result: None,
    };
    // The value is the sorted one after WITHIN GROUP, else the first argument (of one, or of
    // STRING_AGG's two).
    if let [key] = function.within_group.as_mut_slice() {
        let value = std::mem::replace(&mut key.expr, Expr::Value(Value::Null));
        key.expr = filtered(value);
        return Ok(());
    }
    let FunctionArguments::List(list) = &mut function.args else {
        return Err(refuse());
    };
    let arg = match list.args.as_mut_slice() {
        [arg] => arg,
        [arg, _] if name == "string_agg" => arg,
        _ => return Err(refuse()),
    };
    let value = match arg {
        FunctionArg::Unnamed(FunctionArgExpr::Expr(expr)) => {
            std::mem::replace(expr, Expr::Value(Value::Null))
        }
        FunctionArg::Unnamed(FunctionArgExpr::Wildcard) => {
            Expr::Value(Value::Number(1i64.into(), false))
        }
        _ => return Err(refuse()),
    };
    *arg = FunctionArg::Unnamed(FunctionArgExpr::Expr(filtered(value)));
    Ok(())
}

fn function_name(function: &Function) -> String {
    function.name.to_string().to_ascii_lowercase()
}

fn timestamp_literal(ts: Timestamp) -> Expr {
    Expr::TypedString {
        data_type: DataType::Timestamp(None, TimezoneInfo::None),
        value: time::format(ts),
    }
}

/// `NOW()`, `CURRENT_TIMESTAMP`, `LOCALTIMESTAMP` and `CURRENT_DATE` read the dataset clock, never
/// the wall clock, so that a query answers the same today and next year.
fn replace_clock(expr: &mut Expr, clock: Timestamp) -> Result<(), EngineError> {
    let Expr::Function(function) = expr else {
        return Ok(());
    };
    // `AGE(ts)` is the age at midnight of the current date.
    if function_name(function) == "age" {
        if let FunctionArguments::List(list) = &mut function.args {
            if list.args.len() == 1 {
                let midnight = clock - clock.rem_euclid(86_400);
                list.args.insert(
                    0,
                    FunctionArg::Unnamed(FunctionArgExpr::Expr(timestamp_literal(midnight))),
                );
            }
        }
        return Ok(());
    }
    let no_arguments = match &function.args {
        FunctionArguments::None => true,
        FunctionArguments::List(list) => list.args.is_empty(),
        FunctionArguments::Subquery(_) => false,
    };
    if !no_arguments {
        return Ok(());
    }
    match function_name(function).as_str() {
        "now"
        | "current_timestamp"
        | "localtimestamp"
        | "transaction_timestamp"
        | "statement_timestamp"
        | "clock_timestamp" => *expr = timestamp_literal(clock),
        "current_date" => {
            *expr = Expr::TypedString {
                data_type: DataType::Date,
                value: time::format(clock)[..10].to_owned(),
            }
        }
        _ => {}
    }
    Ok(())
}

/// `x = ANY(ARRAY[...])` is `x IN (...)` and `x <> ALL(ARRAY[...])` is `x NOT IN (...)`, NULLs
/// included (GlueSQL's `IN` is three-valued); the same with a subquery. GlueSQL has neither form.
fn rewrite_any_all(expr: &mut Expr) -> Result<(), EngineError> {
    let (left, op, right, any) = match expr {
        Expr::AnyOp {
            left,
            compare_op,
            right,
            ..
        } => (left, compare_op, right, true),
        Expr::AllOp {
            left,
            compare_op,
            right,
        } => (left, compare_op, right, false),
        _ => return Ok(()),
    };
    let keyword = if any { "ANY" } else { "ALL" };
    let negated = match (any, &*op) {
        (true, BinaryOperator::Eq) => false,
        (false, BinaryOperator::NotEq) => true,
        _ => {
            return Err(unsupported(
                &format!("{op} {keyword}(...)"),
                "use = ANY(...) or <> ALL(...), which read as IN and NOT IN; for other comparisons compare with MIN or MAX of a subquery",
            ))
        }
    };
    let mut inner = right.as_mut();
    while let Expr::Nested(nested) = inner {
        inner = nested.as_mut();
    }
    let left = Box::new(std::mem::replace(left.as_mut(), Expr::Value(Value::Null)));
    *expr = match inner {
        Expr::Array(array) => Expr::InList {
            expr: left,
            list: std::mem::take(&mut array.elem),
            negated,
        },
        Expr::Subquery(query) => Expr::InSubquery {
            expr: left,
            subquery: query.clone(),
            negated,
        },
        _ => {
            return Err(unsupported(
                &format!("{keyword}(...) over an array value"),
                "write the elements out: x = ANY(ARRAY[1, 2, 3]), or x IN (1, 2, 3)",
            ))
        }
    };
    Ok(())
}

/// PostgreSQL's `INTERVAL '1 day 2 hours'` is checked here and becomes a parameter holding its
/// months, days and time in [`hoist_constants`]; GlueSQL reads only the standard `'7' DAY`.
fn check_interval_text(expr: &Expr) -> Result<(), EngineError> {
    let Expr::Interval(Interval {
        value,
        leading_field: None,
        ..
    }) = expr
    else {
        return Ok(());
    };
    let Expr::Value(Value::SingleQuotedString(text)) = value.as_ref() else {
        return Ok(());
    };
    match interval_text(text) {
        Some(_) => Ok(()),
        None => Err(unsupported(
            &format!("INTERVAL '{text}'"),
            "write whole amounts and units, e.g. INTERVAL '7 days', INTERVAL '1 year 2 months' or INTERVAL '1 day 01:30:00'",
        )),
    }
}

/// Reads `'<n> <unit> [<n> <unit> ...] [[-]hh:mm[:ss]]'` as PostgreSQL does: years and months
/// into months, weeks and days into days, the rest into time, each kept apart (`'36 hours'` is
/// 36 hours, `'1 day 12 hours'` one day and 12 hours).
fn interval_text(text: &str) -> Option<GlueInterval> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let (mut months, mut days, mut micros) = (0i32, 0i32, 0i64);
    let second = 1_000_000i64;
    // A trailing `hh:mm[:ss]`, as in '1 day 01:30:00'.
    if let Some(clock) = words.last().filter(|word| word.contains(':')) {
        let (sign, clock) = match clock.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, *clock),
        };
        let parts: Vec<i64> = clock
            .split(':')
            .map(|part| part.parse().ok())
            .collect::<Option<Vec<i64>>>()?;
        let total = match parts.as_slice() {
            [h, m] => h * 3_600 + m * 60,
            [h, m, s] => h * 3_600 + m * 60 + s,
            _ => return None,
        };
        micros = sign * total.checked_mul(second)?;
        words.pop();
    }
    if !words.len().is_multiple_of(2) || (words.is_empty() && micros == 0 && text.trim().is_empty())
    {
        return None;
    }
    for pair in words.chunks(2) {
        let amount: i32 = pair[0].parse().ok()?;
        let unit = pair[1].to_ascii_lowercase();
        let (field, factor): (&mut i32, i32) = match unit.trim_end_matches('s') {
            "day" => (&mut days, 1),
            "week" => (&mut days, 7),
            "month" | "mon" => (&mut months, 1),
            "year" | "yr" => (&mut months, 12),
            time_unit => {
                let size = match time_unit {
                    "second" | "sec" => second,
                    "minute" | "min" => 60 * second,
                    "hour" | "hr" => 3_600 * second,
                    _ => return None,
                };
                micros = micros.checked_add(i64::from(amount).checked_mul(size)?)?;
                continue;
            }
        };
        *field = field.checked_add(amount.checked_mul(factor)?)?;
    }
    Some(GlueInterval::new(months, days, micros))
}

/// A column type as PostgreSQL DDL writes it, in GlueSQL's terms. `INT8` is the trap: 8 bits in
/// GlueSQL, 64 in PostgreSQL (GlueSQL's `INT`).
fn rewrite_column_type(data_type: &mut DataType) -> Result<(), EngineError> {
    *data_type = match column_type(data_type)? {
        ColumnType::Integer => DataType::Int(None),
        ColumnType::Numeric(None) => DataType::Decimal(ExactNumberInfo::None),
        // Scale, precision and length are kept and checked by `constraints`.
        ColumnType::Numeric(Some(_)) => DataType::Decimal(ExactNumberInfo::None),
        ColumnType::Text(_) => DataType::Text,
        ColumnType::Other(other) => other,
    };
    Ok(())
}

fn rewrite_column_types(statement: &mut Statement) -> Result<(), EngineError> {
    let flow = crate::walk::statements_mut(statement, |statement| {
        let altering = matches!(statement, Statement::AlterTable { .. });
        let columns: Vec<&mut DataType> = match statement {
            Statement::CreateTable(create) => create
                .columns
                .iter_mut()
                .map(|column| &mut column.data_type)
                .collect(),
            Statement::AlterTable { operations, .. } => operations
                .iter_mut()
                .filter_map(|operation| match operation {
                    AlterTableOperation::AddColumn { column_def, .. } => {
                        Some(&mut column_def.data_type)
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        for data_type in columns {
            // The zone of a column is kept only for the columns of a CREATE TABLE.
            if matches!(data_type, DataType::Timestamp(_, zone) if *zone != TimezoneInfo::None)
                && altering
            {
                return ControlFlow::Break(unsupported(
                    "ALTER TABLE ... ADD COLUMN ... TIMESTAMPTZ",
                    "declare the column in CREATE TABLE, or add it as TIMESTAMP (every time here is UTC)",
                ));
            }
            if let Err(error) = rewrite_column_type(data_type) {
                return ControlFlow::Break(error);
            }
        }
        ControlFlow::Continue(())
    });
    match flow {
        ControlFlow::Break(error) => Err(error),
        ControlFlow::Continue(()) => Ok(()),
    }
}

/// The kind of value an expression yields, when our pass can tell.
fn kind_of(expr: &Expr, context: &Context) -> ValueKind {
    match expr {
        Expr::Identifier(ident) => column_kind(&ident.value, context),
        Expr::CompoundIdentifier(parts) => parts
            .last()
            .map_or(ValueKind::Other, |ident| column_kind(&ident.value, context)),
        Expr::Interval(_) => ValueKind::Interval,
        Expr::TypedString { data_type, .. } | Expr::Cast { data_type, .. } => match data_type {
            DataType::Timestamp(..) if crate::timestamptz::is_timestamptz(data_type) => {
                ValueKind::Timestamp(Zone::Tz)
            }
            DataType::Timestamp(..) | DataType::Datetime(_) => ValueKind::Timestamp(Zone::Plain),
            DataType::Interval => ValueKind::Interval,
            DataType::Bool | DataType::Boolean => ValueKind::Boolean,
            _ => ValueKind::Other,
        },
        Expr::Value(Value::Boolean(_)) => ValueKind::Boolean,
        Expr::Nested(inner) => kind_of(inner, context),
        Expr::BinaryOp { left, op, right } => {
            let (left, right) = (kind_of(left, context), kind_of(right, context));
            match (left, op, right) {
                (ValueKind::Timestamp(_), BinaryOperator::Minus, ValueKind::Timestamp(_)) => {
                    ValueKind::Interval
                }
                (ValueKind::Timestamp(zone), BinaryOperator::Plus | BinaryOperator::Minus, _)
                | (_, BinaryOperator::Plus, ValueKind::Timestamp(zone)) => {
                    ValueKind::Timestamp(zone)
                }
                (ValueKind::Interval, _, _) | (_, _, ValueKind::Interval) => ValueKind::Interval,
                _ => ValueKind::Other,
            }
        }
        Expr::Function(function) => match &function.args {
            FunctionArguments::List(list)
                if matches!(
                    function_name(function).as_str(),
                    "coalesce" | "greatest" | "least"
                ) =>
            {
                list.args
                    .iter()
                    .find_map(|arg| match arg {
                        FunctionArg::Unnamed(FunctionArgExpr::Expr(inner)) => {
                            Some(kind_of(inner, context)).filter(|k| *k != ValueKind::Other)
                        }
                        _ => None,
                    })
                    .unwrap_or(ValueKind::Other)
            }
            _ => ValueKind::Other,
        },
        _ => ValueKind::Other,
    }
}

fn column_kind(name: &str, context: &Context) -> ValueKind {
    context
        .column_types
        .get(&name.to_ascii_lowercase())
        .copied()
        .unwrap_or(ValueKind::Other)
}

/// Calls GlueSQL answers differently from PostgreSQL go to our own functions (see
/// `functions`): `ROUND` and friends keep decimals exact, `GREATEST` skips NULLs, and `EXTRACT`
/// knows every field of timestamps and intervals.
fn rewrite_functions(expr: &mut Expr) -> Result<(), EngineError> {
    let is_ceil = matches!(expr, Expr::Ceil { .. });
    let distinct = matches!(expr, Expr::IsDistinctFrom(..));
    match expr {
        Expr::Function(function) if VARIANCES.contains(&function_name(function).as_str()) => {
            *expr = variance(function)?;
        }
        Expr::Trim {
            expr: text,
            trim_where,
            trim_what,
            trim_characters,
        } => {
            let name = match trim_where {
                Some(TrimWhereField::Leading) => "PG_LTRIM",
                Some(TrimWhereField::Trailing) => "PG_RTRIM",
                _ => "PG_BTRIM",
            };
            let mut args = vec![std::mem::replace(text.as_mut(), Expr::Value(Value::Null))];
            args.extend(trim_what.take().map(|what| *what));
            args.extend(trim_characters.take().into_iter().flatten());
            *expr = call(name, args);
        }
        Expr::Function(function)
            if matches!(
                function_name(function).as_str(),
                "bool_and" | "bool_or" | "every"
            ) =>
        {
            // `MIN`/`MAX` of 1 for true and 0 for false, compared with 1: NULLs skipped, NULL
            // when there is nothing else, FILTER, DISTINCT and OVER kept as they are.
            let Some([x]) = unnamed_arguments(function) else {
                return Err(unsupported(
                    &format!("{} of other than one value", function_name(function)),
                    "pass one boolean",
                ));
            };
            let bit = Expr::Case {
                operand: None,
                conditions: vec![
                    x.clone(),
                    Expr::UnaryOp {
                        op: UnaryOperator::Not,
                        expr: Box::new(x),
                    },
                ],
                results: vec![number(1), number(0)],
                else_result: None,
            };
            let any = function_name(function) == "bool_or";
            let mut extreme = function.clone();
            extreme.name = ObjectName(vec![Ident::new(if any { "MAX" } else { "MIN" })]);
            if let FunctionArguments::List(list) = &mut extreme.args {
                list.args = vec![FunctionArg::Unnamed(FunctionArgExpr::Expr(bit))];
            }
            *expr = Expr::Nested(Box::new(Expr::BinaryOp {
                left: Box::new(Expr::Function(extreme)),
                op: BinaryOperator::Eq,
                right: Box::new(number(1)),
            }));
        }
        // `regexp_like(x, p [, 'i' | 'c'])` is `x ~ p` (`~*` with 'i'), whose matcher remembers
        // its answer for a text already seen: chat repeats its lines (55 → 9 ms over chat).
        Expr::Function(function) if function_name(function) == "regexp_like" => {
            let operator = match (unnamed_arguments(function), unnamed_arguments(function)) {
                (Some([text, pattern]), _) => Some((text, pattern, BinaryOperator::PGRegexMatch)),
                (_, Some([text, pattern, Expr::Value(Value::SingleQuotedString(flags))])) => {
                    match flags.as_str() {
                        "c" => Some((text, pattern, BinaryOperator::PGRegexMatch)),
                        "i" => Some((text, pattern, BinaryOperator::PGRegexIMatch)),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some((text, pattern, op)) = operator {
                *expr = Expr::BinaryOp {
                    left: Box::new(text),
                    op,
                    right: Box::new(pattern),
                };
            }
        }
        Expr::Function(function) if function_name(function) == "strpos" => {
            let [text, part] = unnamed_arguments(function).ok_or_else(|| {
                unsupported(
                    "strpos of other than two values",
                    "write strpos(text, part)",
                )
            })?;
            *expr = Expr::Position {
                expr: Box::new(part),
                r#in: Box::new(text),
            };
        }
        Expr::Function(function) if function.over.is_none() => {
            let renamed = match function_name(function).as_str() {
                "round" => "PG_ROUND",
                "trunc" => "PG_TRUNC",
                "floor" => "PG_FLOOR",
                "ceil" | "ceiling" => "PG_CEIL",
                "greatest" => "PG_GREATEST",
                "concat" => "PG_CONCAT",
                "length" | "char_length" | "character_length" => "PG_LENGTH",
                "sign" => "PG_SIGN",
                "age" => "PG_AGE",
                "log" => "PG_LOG",
                "left" => "PG_LEFT",
                "right" => "PG_RIGHT",
                "concat_ws" => "PG_CONCAT_WS",
                "power" | "pow" => "PG_POWER",
                "sqrt" => "PG_SQRT",
                "btrim" => "PG_BTRIM",
                "ltrim" => "PG_LTRIM",
                "rtrim" => "PG_RTRIM",
                "ln" => "PG_LN",
                "log10" => "PG_LOG",
                "exp" => "PG_EXP",
                "asin" => "PG_ASIN",
                "acos" => "PG_ACOS",
                _ => return Ok(()),
            };
            function.name = ObjectName(vec![Ident::new(renamed)]);
        }
        Expr::Ceil { expr: inner, field } | Expr::Floor { expr: inner, field } => {
            let name = if is_ceil { "PG_CEIL" } else { "PG_FLOOR" };
            let scale = match field {
                sqlparser::ast::CeilFloorKind::DateTimeField(DateTimeField::NoDateTime) => None,
                sqlparser::ast::CeilFloorKind::Scale(scale) => Some(Expr::Value(scale.clone())),
                sqlparser::ast::CeilFloorKind::DateTimeField(field) => {
                    return Err(unsupported(
                        &format!("CEIL/FLOOR(... TO {field})"),
                        "use DATE_TRUNC for timestamps",
                    ))
                }
            };
            let mut args = vec![std::mem::replace(inner.as_mut(), Expr::Value(Value::Null))];
            if let Some(scale) = scale {
                args.push(scale);
            }
            *expr = call(name, args);
        }
        Expr::Substring {
            expr: inner,
            substring_from,
            substring_for,
            ..
        } => {
            let mut args = vec![std::mem::replace(inner.as_mut(), Expr::Value(Value::Null))];
            args.push(
                substring_from
                    .take()
                    .map_or_else(|| number(1), |from| *from),
            );
            if let Some(length) = substring_for.take() {
                args.push(*length);
            }
            *expr = call("SUBSTR", args);
        }
        Expr::IsDistinctFrom(left, right) | Expr::IsNotDistinctFrom(left, right) => {
            // With NULL on one side it is whether the other is (not) NULL.
            let null = |side: &Expr| matches!(side, Expr::Value(Value::Null));
            if null(left) || null(right) {
                let other = Box::new(Expr::Nested(if null(left) {
                    right.clone()
                } else {
                    left.clone()
                }));
                *expr = if distinct {
                    Expr::IsNotNull(other)
                } else {
                    Expr::IsNull(other)
                };
                return Ok(());
            }
            // NULL-safe comparison: never NULL itself.
            let (a, b) = (Expr::Nested(left.clone()), Expr::Nested(right.clone()));
            let both_null = and(
                Expr::IsNull(Box::new(a.clone())),
                Expr::IsNull(Box::new(b.clone())),
            );
            let one_null = Expr::BinaryOp {
                left: Box::new(Expr::IsNull(Box::new(a.clone()))),
                op: BinaryOperator::Or,
                right: Box::new(Expr::IsNull(Box::new(b.clone()))),
            };
            let differ = Expr::BinaryOp {
                left: Box::new(a),
                op: BinaryOperator::NotEq,
                right: Box::new(b),
            };
            let boolean = |value: bool| Expr::Value(Value::Boolean(value));
            *expr = Expr::Nested(Box::new(Expr::Case {
                operand: None,
                conditions: vec![both_null, one_null],
                results: vec![boolean(!distinct), boolean(distinct)],
                else_result: Some(Box::new(if distinct {
                    differ
                } else {
                    Expr::UnaryOp {
                        op: UnaryOperator::Not,
                        expr: Box::new(Expr::Nested(Box::new(differ))),
                    }
                })),
            }));
        }
        Expr::Extract {
            field, expr: inner, ..
        } => {
            let unit = match field {
                DateTimeField::Custom(ident) => ident.value.to_lowercase(),
                other => other.to_string().to_lowercase(),
            };
            let source = std::mem::replace(inner.as_mut(), Expr::Value(Value::Null));
            *expr = call(
                "PG_EXTRACT",
                vec![Expr::Value(Value::SingleQuotedString(unit)), source],
            );
        }
        _ => {}
    }
    Ok(())
}

/// `date(x)` is PostgreSQL's function-style cast, `x::date`.
fn rewrite_date_function(expr: &mut Expr) {
    let Expr::Function(function) = expr else {
        return;
    };
    if function_name(function) != "date" {
        return;
    }
    if let Some([x]) = unnamed_arguments(function) {
        *expr = Expr::Cast {
            kind: CastKind::DoubleColon,
            expr: Box::new(x),
            data_type: DataType::Date,
            format: None,
        };
    }
}

/// The variance family, as PostgreSQL names it.
const VARIANCES: [&str; 6] = [
    "variance",
    "var_samp",
    "var_pop",
    "stddev",
    "stddev_samp",
    "stddev_pop",
];

/// A call's arguments when it has exactly `N`, none named.
fn unnamed_arguments<const N: usize>(function: &Function) -> Option<[Expr; N]> {
    let FunctionArguments::List(list) = &function.args else {
        return None;
    };
    let exprs = list.args.iter().map(|arg| match arg {
        FunctionArg::Unnamed(FunctionArgExpr::Expr(expr)) => Some(expr.clone()),
        _ => None,
    });
    exprs.collect::<Option<Vec<_>>>()?.try_into().ok()
}

/// `VAR_SAMP(x)` and its family as sums GlueSQL computes, `(SUM(x²) - SUM(x)² / n) / (n - 1)`
/// over `x` as NUMERIC, so exact as PostgreSQL's numeric ones are (GlueSQL's own `VARIANCE` is
/// of the population, in floats). The call's OVER goes to every sum (its FILTER is inside `x`
/// by now: [`rewrite_filter`]).
fn variance(function: &Function) -> Result<Expr, EngineError> {
    let name = function_name(function);
    let distinct = matches!(&function.args, FunctionArguments::List(list)
        if list.duplicate_treatment == Some(sqlparser::ast::DuplicateTreatment::Distinct));
    if distinct {
        return Err(unsupported(
            &format!("{name}(DISTINCT ...)"),
            &format!("apply {name} to a subquery that selects the DISTINCT values"),
        ));
    }
    let [x] = unnamed_arguments(function).ok_or_else(|| {
        unsupported(
            &format!("{name} of other than one value"),
            "pass one column",
        )
    })?;
    let aggregate = |name: &str, arg: Expr| {
        let mut sum = call(name, vec![arg]);
        if let Expr::Function(sum) = &mut sum {
            sum.over.clone_from(&function.over);
        }
        sum
    };
    let numeric = Expr::Cast {
        kind: CastKind::Cast,
        expr: Box::new(x.clone()),
        data_type: DataType::Decimal(ExactNumberInfo::None),
        format: None,
    };
    let op = |left: Expr, op: BinaryOperator, right: Expr| Expr::BinaryOp {
        left: Box::new(left),
        op,
        right: Box::new(right),
    };
    let nonzero = |n: Expr| call("NULLIF", vec![n, number(0)]);
    let n = aggregate("COUNT", x);
    let sum = aggregate("SUM", numeric.clone());
    let squares = aggregate(
        "SUM",
        op(numeric.clone(), BinaryOperator::Multiply, numeric),
    );
    let mean_square = op(
        op(sum.clone(), BinaryOperator::Multiply, sum),
        BinaryOperator::Divide,
        nonzero(n.clone()),
    );
    let deviations = Expr::Nested(Box::new(op(squares, BinaryOperator::Minus, mean_square)));
    let count = if name.ends_with("_pop") {
        n
    } else {
        op(n, BinaryOperator::Minus, number(1))
    };
    let variance = op(deviations, BinaryOperator::Divide, nonzero(count));
    Ok(if name.starts_with("stddev") {
        call("PG_SQRT", vec![variance])
    } else {
        variance
    })
}

fn call(name: &str, args: Vec<Expr>) -> Expr {
    Expr::Function(Function {
        name: ObjectName(vec![Ident::new(name)]),
        parameters: FunctionArguments::None,
        args: FunctionArguments::List(FunctionArgumentList {
            duplicate_treatment: None,
            args: args
                .into_iter()
                .map(|arg| FunctionArg::Unnamed(FunctionArgExpr::Expr(arg)))
                .collect(),
            clauses: Vec::new(),
        }),
        filter: None,
        null_treatment: None,
        over: None,
        within_group: Vec::new(),
    })
}

fn number(n: u64) -> Expr {
    Expr::Value(Value::Number(n.into(), false))
}

/// `CAST(x AS type)` and `x::type` with PostgreSQL's types and semantics: integers round
/// (GlueSQL truncates), `NUMERIC(p, s)` rounds to its scale and checks its precision,
/// `VARCHAR(n)` cuts to `n` characters, and the many names of each type map to GlueSQL's.
/// `TIMESTAMPTZ '...'` (and `'...'::timestamptz`, made one by [`rewrite_cast`]) as the UTC
/// `TIMESTAMP` it stands for: every time here is UTC. `TIMESTAMP '...'` ignores an offset in
/// its text, as PostgreSQL does.
fn rewrite_timestamptz(expr: &mut Expr) -> Result<(), EngineError> {
    if let Expr::TypedString { data_type, value } = expr {
        if let DataType::Timestamp(..) = data_type {
            let zoned = crate::timestamptz::is_timestamptz(data_type);
            *value = crate::timestamptz::timestamp_text(value, zoned)?;
            *data_type = DataType::Timestamp(None, TimezoneInfo::None);
        }
    }
    Ok(())
}

/// A `TIMESTAMPTZ` column made text (`::text`, `||`, `CONCAT`) would lose the zone PostgreSQL
/// writes in it; refused by the column's name.
fn refuse_timestamptz_text(expr: &Expr, context: &Context) -> Result<(), EngineError> {
    if context.timestamptz.is_empty() {
        return Ok(());
    }
    let zoned = |e: &Expr| {
        let name = match e {
            Expr::Identifier(ident) => ident,
            Expr::CompoundIdentifier(parts) => match parts.last() {
                Some(last) => last,
                None => return false,
            },
            _ => return false,
        };
        context
            .timestamptz
            .contains(&crate::pipeline::identifier_name(name))
    };
    let as_text = match expr {
        Expr::Cast {
            expr, data_type, ..
        } => zoned(expr) && matches!(column_type(data_type), Ok(ColumnType::Text(_))),
        Expr::BinaryOp {
            left,
            op: BinaryOperator::StringConcat,
            right,
        } => zoned(left) || zoned(right),
        Expr::Function(function) => {
            let name = function_name(function);
            (name == "concat" || name == "to_char")
                && matches!(&function.args, FunctionArguments::List(list)
                    if list.args.iter().any(|arg| matches!(arg,
                        FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) if zoned(e))))
        }
        _ => false,
    };
    if as_text {
        return Err(unsupported(
            "a TIMESTAMPTZ column as text",
            "format it yourself: col::timestamp::text || '+00'",
        ));
    }
    Ok(())
}

fn rewrite_cast(expr: &mut Expr) -> Result<(), EngineError> {
    let Expr::Cast {
        expr: inner,
        data_type,
        format: None,
        ..
    } = expr
    else {
        return Ok(());
    };
    // A typed literal is parsed once and checked, like `TIMESTAMP '...'`.
    if let Expr::Value(Value::SingleQuotedString(text)) = inner.as_ref() {
        match data_type {
            DataType::Timestamp(..) | DataType::Date => {
                *expr = Expr::TypedString {
                    data_type: data_type.clone(),
                    value: text.clone(),
                };
                return Ok(());
            }
            DataType::Interval => {
                *expr = Expr::Interval(Interval {
                    value: Box::new(Expr::Value(Value::SingleQuotedString(text.clone()))),
                    leading_field: None,
                    leading_precision: None,
                    last_field: None,
                    fractional_seconds_precision: None,
                });
                return Ok(());
            }
            _ => {}
        }
    }
    let mapped = match column_type(data_type)? {
        ColumnType::Other(engine_type) => {
            *data_type = engine_type;
            return Ok(());
        }
        ColumnType::Text(None) => {
            *data_type = DataType::Text;
            return Ok(());
        }
        mapped => mapped,
    };
    let source = std::mem::replace(inner.as_mut(), Expr::Value(Value::Null));
    *expr = match mapped {
        ColumnType::Integer => call("PG_TO_INT", vec![source]),
        ColumnType::Numeric(None) => call("PG_TO_NUMERIC", vec![source]),
        ColumnType::Numeric(Some((precision, scale))) => call(
            "PG_TO_NUMERIC",
            vec![source, number(precision), number(scale)],
        ),
        ColumnType::Text(Some(length)) => {
            let text = Expr::Cast {
                kind: CastKind::Cast,
                expr: Box::new(source),
                data_type: DataType::Text,
                format: None,
            };
            call("LEFT", vec![text, number(length)])
        }
        ColumnType::Text(None) | ColumnType::Other(_) => unreachable!("handled above"),
    };
    Ok(())
}

/// PostgreSQL's own name for a type, as it names a cast's result column (`int4`, `numeric`).
fn pg_type_name(data_type: &DataType) -> String {
    use DataType as T;
    match data_type {
        T::Int(_) | T::Integer(_) | T::Int4(_) => "int4",
        T::BigInt(_) | T::Int8(_) | T::Int64 => "int8",
        T::SmallInt(_) | T::Int2(_) => "int2",
        T::Numeric(_) | T::Decimal(_) | T::Dec(_) => "numeric",
        T::Varchar(_) | T::CharacterVarying(_) => "varchar",
        T::Char(_) | T::Character(_) => "bpchar",
        T::Real | T::Float4 => "float4",
        T::Double | T::DoublePrecision | T::Float8 | T::Float(_) | T::Float64 => "float8",
        T::Bool | T::Boolean => "bool",
        T::Timestamp(_, TimezoneInfo::None) => "timestamp",
        T::Timestamp(..) => "timestamptz",
        other => return other.to_string().to_lowercase(),
    }
    .to_owned()
}

/// What a PostgreSQL type name means here.
pub enum ColumnType {
    /// 64-bit integers (`SMALLINT`, `INTEGER`, `BIGINT`, `SERIAL` ... are all one type here).
    Integer,
    /// `NUMERIC`, optionally with precision and scale.
    Numeric(Option<(u64, u64)>),
    /// `TEXT`, `VARCHAR(n)`.
    Text(Option<u64>),
    /// Any other type, as GlueSQL names it.
    Other(DataType),
}

/// Maps a PostgreSQL type to ours; unknown types are refused by name.
pub fn column_type(data_type: &DataType) -> Result<ColumnType, EngineError> {
    use DataType as T;
    Ok(match data_type {
        T::Int(_)
        | T::Integer(_)
        | T::BigInt(_)
        | T::SmallInt(_)
        | T::TinyInt(_)
        | T::Int2(_)
        | T::Int4(_)
        | T::Int8(_)
        | T::Int64 => ColumnType::Integer,
        T::Numeric(info) | T::Decimal(info) | T::Dec(info) => ColumnType::Numeric(match info {
            ExactNumberInfo::None => None,
            ExactNumberInfo::Precision(p) => Some((*p, 0)),
            ExactNumberInfo::PrecisionAndScale(p, s) => Some((*p, *s)),
        }),
        T::Text | T::String(None) => ColumnType::Text(None),
        T::Varchar(length) | T::CharacterVarying(length) | T::Char(length) | T::Character(length) => {
            ColumnType::Text(length.as_ref().and_then(|length| match length {
                sqlparser::ast::CharacterLength::IntegerLength { length, .. } => Some(*length),
                sqlparser::ast::CharacterLength::Max => None,
            }))
        }
        T::Real | T::Float4 | T::Float8 | T::Double | T::DoublePrecision | T::Float(_) | T::Float64 => {
            ColumnType::Other(T::Float(None))
        }
        T::Bool | T::Boolean => ColumnType::Other(T::Boolean),
        // Every time here is UTC: a TIMESTAMPTZ is stored as the UTC timestamp, and the columns
        // declared so are printed with their zone (`timestamptz`).
        T::Timestamp(_, _) | T::Datetime(_) => {
            ColumnType::Other(T::Timestamp(None, TimezoneInfo::None))
        }
        T::Date => ColumnType::Other(T::Date),
        T::Interval => ColumnType::Other(T::Interval),
        T::Time(_, TimezoneInfo::None) => ColumnType::Other(data_type.clone()),
        T::Uuid => ColumnType::Other(T::Uuid),
        other => {
            return Err(unsupported(
                &format!("the type {other}"),
                "use INTEGER, BIGINT, NUMERIC, DOUBLE PRECISION, TEXT, VARCHAR, BOOLEAN, DATE, TIMESTAMP or INTERVAL",
            ))
        }
    })
}

/// A timestamp compared with a string literal: PostgreSQL reads the string as a timestamp (and
/// refuses garbage); GlueSQL would compare quietly false. The literal becomes a typed timestamp.
/// A quoted literal compared with a timestamp, number or boolean column is read as that type, as
/// in PostgreSQL; GlueSQL would compare it as text and match nothing.
fn check_typed_literals(expr: &mut Expr, context: &Context) -> Result<(), EngineError> {
    match expr {
        Expr::BinaryOp { left, op, right } if is_comparison(op) => {
            type_literal(right, kind_of(left, context))?;
            type_literal(left, kind_of(right, context))?;
        }
        Expr::Between {
            expr, low, high, ..
        } => {
            let kind = kind_of(expr, context);
            type_literal(low, kind)?;
            type_literal(high, kind)?;
        }
        Expr::InList { expr, list, .. } => {
            let kind = kind_of(expr, context);
            for item in list {
                type_literal(item, kind)?;
            }
        }
        _ => {}
    }
    Ok(())
}

pub(crate) fn is_comparison(op: &BinaryOperator) -> bool {
    matches!(
        op,
        BinaryOperator::Eq
            | BinaryOperator::NotEq
            | BinaryOperator::Lt
            | BinaryOperator::LtEq
            | BinaryOperator::Gt
            | BinaryOperator::GtEq
    )
}

/// Reads a quoted literal as `kind`, or fails as PostgreSQL does.
fn type_literal(expr: &mut Expr, kind: ValueKind) -> Result<(), EngineError> {
    let Expr::Value(Value::SingleQuotedString(text)) = expr else {
        return Ok(());
    };
    let invalid = |type_name: &str| EngineError::InvalidValue {
        message: format!("invalid input syntax for type {type_name}: \"{text}\""),
    };
    let number = text.trim();
    *expr = match kind {
        // With `TimeZone` UTC, PostgreSQL moves text with an offset to UTC for a TIMESTAMPTZ and
        // ignores the offset for a TIMESTAMP.
        ValueKind::Timestamp(Zone::Tz) => timestamp_literal(
            time::parse_with_zone(text).ok_or_else(|| invalid("timestamp with time zone"))?,
        ),
        ValueKind::Timestamp(Zone::Unknown) if time::has_offset(text) => {
            return Err(unsupported(
                "text with a zone offset compared with a column that is TIMESTAMPTZ in one table and TIMESTAMP in another",
                "write the type out: TIMESTAMPTZ '...' or TIMESTAMP '...'",
            ))
        }
        ValueKind::Timestamp(_) => timestamp_literal(
            time::parse_ignoring_zone(text).ok_or_else(|| invalid("timestamp"))?,
        ),
        ValueKind::Integer => {
            let integer = number.parse::<i64>().map_err(|_| invalid("integer"))?;
            Expr::Value(Value::Number(integer.into(), false))
        }
        ValueKind::Number => {
            number
                .parse::<rust_decimal::Decimal>()
                .map_err(|_| invalid("numeric"))?;
            let exact = number.parse().map_err(|_| invalid("numeric"))?;
            Expr::Value(Value::Number(exact, false))
        }
        ValueKind::Boolean => {
            let boolean = parse_bool(text).ok_or_else(|| invalid("boolean"))?;
            Expr::Value(Value::Boolean(boolean))
        }
        ValueKind::Interval | ValueKind::Other => return Ok(()),
    };
    Ok(())
}

/// `GROUP BY 2` groups by the second select-list item; GlueSQL would group by the constant 2,
/// putting every row in one group.
struct GroupByPositions;

impl VisitorMut for GroupByPositions {
    type Break = EngineError;

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<EngineError> {
        each_select(query.body.as_mut(), &mut group_by_positions)
    }
}

fn group_by_positions(select: &mut Select) -> ControlFlow<EngineError> {
    let GroupByExpr::Expressions(exprs, _) = &mut select.group_by else {
        return ControlFlow::Continue(());
    };
    for expr in exprs {
        let Expr::Value(Value::Number(number, false)) = expr else {
            continue;
        };
        let position: usize = number.to_string().parse().unwrap_or(0);
        let item = select.projection.get(position.wrapping_sub(1));
        let has_wildcard = has_star(&select.projection);
        match item {
            _ if has_wildcard => {
                return ControlFlow::Break(unsupported(
                    "GROUP BY a position in a select list with *",
                    "name the column in GROUP BY",
                ))
            }
            Some(SelectItem::UnnamedExpr(item) | SelectItem::ExprWithAlias { expr: item, .. }) => {
                *expr = item.clone()
            }
            _ => {
                return ControlFlow::Break(EngineError::Execution {
                    message: format!("GROUP BY position {number} is not in select list"),
                })
            }
        }
    }
    ControlFlow::Continue(())
}

/// In `ORDER BY`, PostgreSQL reads a bare name as an output column first; GlueSQL reads it as an
/// input column, so `SELECT COALESCE(x, 0) AS x ... ORDER BY x` would sort by the raw `x`. Such
/// names become the output column's position, which both read the same way.
struct OrderByOutputNames;

impl VisitorMut for OrderByOutputNames {
    type Break = ();

    fn post_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        let (Some(order_by), SetExpr::Select(select)) = (&mut query.order_by, query.body.as_ref())
        else {
            return ControlFlow::Continue(());
        };
        // A `*` makes projection positions differ from output positions: then the output
        // column's expression itself is used.
        let has_wildcard = has_star(&select.projection);
        for item in &mut order_by.exprs {
            let Expr::Identifier(name) = &item.expr else {
                continue;
            };
            let found = select
                .projection
                .iter()
                .enumerate()
                .find_map(|(position, projected)| match projected {
                    SelectItem::ExprWithAlias { expr, alias }
                        if alias.value.eq_ignore_ascii_case(&name.value) =>
                    {
                        Some((position, expr))
                    }
                    _ => None,
                });
            match found {
                Some((_, expr)) if has_wildcard => item.expr = expr.clone(),
                Some((position, _)) => {
                    item.expr = Expr::Value(Value::Number((position as i64 + 1).into(), false))
                }
                None => {}
            }
        }
        ControlFlow::Continue(())
    }
}

/// `... JOIN t ON <key equality> AND <a condition with a subquery that reads the other tables>`:
/// GlueSQL cannot hash such a join and runs the subquery for every pair of rows (4 million for a
/// table joined to itself). For the last join of the FROM list, and an inner one, the condition
/// means the same in `WHERE`, where it runs once per joined row, after the hash join and the
/// filters moved into the join have cut the rows down.
struct SubqueriesAfterJoin;

impl VisitorMut for SubqueriesAfterJoin {
    type Break = ();

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        each_select(query.body.as_mut(), &mut |select| {
            subqueries_after_join(select);
            ControlFlow::Continue(())
        })
    }
}

fn subqueries_after_join(select: &mut Select) {
    let [from] = select.from.as_mut_slice() else {
        return;
    };
    let Some(JoinOperator::Inner(JoinConstraint::On(on))) =
        from.joins.last_mut().map(|join| &mut join.join_operator)
    else {
        return;
    };
    let (moved, kept): (Vec<Expr>, Vec<Expr>) = conjuncts(on.clone())
        .into_iter()
        .partition(crate::pipeline::refers_to_subquery);
    let (Some(moved), Some(kept)) = (and_all(moved), and_all(kept)) else {
        return;
    };
    *on = kept;
    select.selection = Some(match select.selection.take() {
        Some(selection) => and(Expr::Nested(Box::new(selection)), moved),
        None => moved,
    });
}

/// `FROM a JOIN b ON ... LEFT JOIN c ON ... WHERE <only a's columns>`: GlueSQL joins every row of
/// `a` through all joins before it filters. A filter on `a` alone gives the same rows when applied
/// at the first inner join, because later inner and left joins never drop or invent rows of `a`;
/// applied there, the fan-out of the later joins is built for the kept rows only (the seed payout
/// went from 56 to 18 ms).
struct PushRootFilters;

impl VisitorMut for PushRootFilters {
    type Break = ();

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        each_select(query.body.as_mut(), &mut |select| {
            push_root_filters(select);
            ControlFlow::Continue(())
        })
    }
}

fn push_root_filters(select: &mut Select) {
    let [from] = select.from.as_mut_slice() else {
        return;
    };
    let root = match &from.relation {
        TableFactor::Table { name, alias, .. } => match (alias, name.0.last()) {
            (Some(alias), _) => alias.name.value.clone(),
            (None, Some(name)) => name.value.clone(),
            (None, None) => return,
        },
        _ => return,
    };
    let first_is_inner = matches!(
        from.joins.first().map(|join| &join.join_operator),
        Some(JoinOperator::Inner(JoinConstraint::On(_)))
    );
    let all_inner_or_left = from.joins.iter().all(|join| {
        matches!(
            join.join_operator,
            JoinOperator::Inner(JoinConstraint::On(_))
                | JoinOperator::LeftOuter(JoinConstraint::On(_))
        )
    });
    if !first_is_inner || !all_inner_or_left {
        return;
    }
    let Some(selection) = select.selection.take() else {
        return;
    };
    let (movable, kept): (Vec<Expr>, Vec<Expr>) = conjuncts(selection)
        .into_iter()
        .partition(|conjunct| reads_only(conjunct, &root));
    select.selection = and_all(kept);
    if let (Some(moved), JoinOperator::Inner(JoinConstraint::On(on))) =
        (and_all(movable), &mut from.joins[0].join_operator)
    {
        let condition = std::mem::replace(on, Expr::Value(Value::Null));
        *on = and(
            Expr::Nested(Box::new(condition)),
            Expr::Nested(Box::new(moved)),
        );
    }
}

/// `... JOIN t ON <conditions on t alone> AND <conditions without an equality between the two
/// sides>`: with no key to hash on, GlueSQL compares every row of `t` with every row before it
/// (a per-minute series joined to 50,000 visits: 28 million comparisons). The conditions on `t`
/// alone are applied first, in a derived table computed once, so only the rows they keep are
/// compared. Same rows: they hold for a row of `t` whatever it is joined to.
struct FilterJoinedTables;

impl VisitorMut for FilterJoinedTables {
    type Break = ();

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        each_select(query.body.as_mut(), &mut |select| {
            for join in select
                .from
                .iter_mut()
                .flat_map(|from| from.joins.iter_mut())
            {
                filter_joined_table(join);
            }
            ControlFlow::Continue(())
        })
    }
}

fn filter_joined_table(join: &mut Join) {
    let (JoinOperator::Inner(JoinConstraint::On(on))
    | JoinOperator::LeftOuter(JoinConstraint::On(on))) = &mut join.join_operator
    else {
        return;
    };
    let TableFactor::Table {
        name,
        alias,
        args: None,
        ..
    } = &join.relation
    else {
        return;
    };
    let Some(table) = alias
        .as_ref()
        .map(|alias| alias.name.value.clone())
        .or_else(|| name.0.last().map(|name| name.value.clone()))
    else {
        return;
    };
    let hashable = |conjunct: &Expr| {
        matches!(conjunct, Expr::BinaryOp { left, op: BinaryOperator::Eq, right }
            if matches!(**left, Expr::CompoundIdentifier(_) | Expr::Identifier(_))
                && matches!(**right, Expr::CompoundIdentifier(_) | Expr::Identifier(_)))
    };
    let parts = conjuncts(on.clone());
    if parts.iter().any(hashable) {
        return;
    }
    let (own, rest): (Vec<Expr>, Vec<Expr>) = parts
        .into_iter()
        .partition(|conjunct| reads_only(conjunct, &table));
    let Some(own) = and_all(own) else {
        return;
    };
    let Ok(Some(Statement::Query(mut subquery))) =
        parse("SELECT * FROM t").map(|statements| statements.into_iter().next())
    else {
        return;
    };
    let SetExpr::Select(select) = subquery.body.as_mut() else {
        return;
    };
    select.from[0].relation = join.relation.clone();
    select.selection = Some(own);
    join.relation = TableFactor::Derived {
        lateral: false,
        subquery,
        alias: Some(TableAlias {
            name: Ident::new(table),
            columns: Vec::new(),
        }),
    };
    *on = and_all(rest).unwrap_or_else(true_expr);
}

/// The parts of an `AND` chain.
pub fn conjuncts(expr: Expr) -> Vec<Expr> {
    match expr {
        Expr::BinaryOp {
            left,
            op: BinaryOperator::And,
            right,
        } => {
            let mut all = conjuncts(*left);
            all.extend(conjuncts(*right));
            all
        }
        Expr::Nested(inner)
            if matches!(
                *inner,
                Expr::BinaryOp {
                    op: BinaryOperator::And,
                    ..
                }
            ) =>
        {
            conjuncts(*inner)
        }
        other => vec![other],
    }
}

fn and(left: Expr, right: Expr) -> Expr {
    Expr::BinaryOp {
        left: Box::new(left),
        op: BinaryOperator::And,
        right: Box::new(right),
    }
}

pub fn and_all(exprs: Vec<Expr>) -> Option<Expr> {
    exprs.into_iter().reduce(and)
}

/// True when every column the expression reads is qualified with `table`, and it holds no
/// subquery (whose meaning could depend on the other tables).
pub(crate) fn reads_only(expr: &Expr, table: &str) -> bool {
    let flow = crate::walk::expressions(expr, |inner| match inner {
        Expr::Identifier(_) | Expr::Subquery(_) | Expr::Exists { .. } | Expr::InSubquery { .. } => {
            ControlFlow::Break(())
        }
        Expr::CompoundIdentifier(parts)
            if parts.len() != 2 || !parts[0].value.eq_ignore_ascii_case(table) =>
        {
            ControlFlow::Break(())
        }
        _ => ControlFlow::Continue(()),
    });
    flow.is_continue()
}

/// Names unnamed result columns as PostgreSQL does (`count`, `sum`, `?column?`, ...). GlueSQL
/// would label them with their SQL text, which after our rewrites is no longer what the user
/// wrote. Plain column references keep the column's name.
struct OutputNames;

impl VisitorMut for OutputNames {
    type Break = ();

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        name_outputs(query.body.as_mut());
        ControlFlow::Continue(())
    }
}

/// Names a SELECT's unnamed columns, and those of every branch of a set operation.
fn name_outputs(body: &mut SetExpr) {
    match body {
        SetExpr::SetOperation { left, right, .. } => {
            name_outputs(left);
            name_outputs(right);
        }
        SetExpr::Select(select) => {
            for item in &mut select.projection {
                if let SelectItem::UnnamedExpr(expr) = item {
                    if let Some(name) = output_name(expr) {
                        let expr = std::mem::replace(expr, Expr::Value(Value::Null));
                        *item = SelectItem::ExprWithAlias {
                            expr,
                            alias: Ident::with_quote('"', name),
                        };
                    }
                }
            }
        }
        _ => {}
    }
}

/// PostgreSQL's name for an unnamed result column; `None` for a column reference.
fn output_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Identifier(_) | Expr::CompoundIdentifier(_) => None,
        Expr::Nested(inner) => output_name(inner),
        _ => Some(column_name(expr)),
    }
}

/// The name PostgreSQL gives a result column computed by `expr`: a cast is named after what it
/// casts (`CAST(stream_id AS TEXT)` is `stream_id`).
fn column_name(expr: &Expr) -> String {
    match expr {
        Expr::Identifier(ident) => ident.value.clone(),
        Expr::CompoundIdentifier(parts) => parts
            .last()
            .map_or_else(|| "?column?".to_owned(), |part| part.value.clone()),
        Expr::Nested(inner) => column_name(inner),
        Expr::Function(function) => function
            .name
            .0
            .last()
            .map_or_else(|| "?column?".to_owned(), |part| part.value.to_lowercase()),
        Expr::Cast {
            expr, data_type, ..
        } => match column_name(expr) {
            name if name != "?column?" => name,
            _ => pg_type_name(data_type),
        },
        Expr::Extract { .. } => "extract".to_owned(),
        Expr::Case { .. } => "case".to_owned(),
        Expr::Interval(_) => "interval".to_owned(),
        Expr::TypedString { data_type, .. } => pg_type_name(data_type),
        _ => "?column?".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use sqlparser::ast::{Expr, SelectItem, SetExpr, Statement};
    use sqlparser::keywords::{Keyword, ALL_KEYWORDS, ALL_KEYWORDS_INDEX};
    use sqlparser::tokenizer::Token;

    fn keyword(word: &str) -> Keyword {
        match Token::make_word(word, None) {
            Token::Word(word) => word.keyword,
            other => panic!("{other:?} is no word"),
        }
    }

    // The vendored tokenizer looks keywords up among those with the same first letter.
    #[test]
    fn every_keyword_is_found_in_any_case_and_nothing_else_is() {
        for (text, expected) in ALL_KEYWORDS.iter().zip(ALL_KEYWORDS_INDEX) {
            assert_eq!(keyword(&text.to_lowercase()), *expected, "{text}");
            assert_eq!(keyword(&format!("{text}x")), Keyword::NoKeyword, "{text}x");
        }
        assert_eq!(keyword("SeLeCt"), Keyword::SELECT);
        // Upper-cased as Unicode does it, as upstream does.
        assert_eq!(keyword("ſelect"), Keyword::SELECT);
        assert_eq!(keyword(&"a".repeat(100)), Keyword::NoKeyword);
        assert_eq!(keyword("_select"), Keyword::NoKeyword);
        let quoted = Token::make_word("select", Some('"'));
        assert!(matches!(quoted, Token::Word(w) if w.keyword == Keyword::NoKeyword));
    }

    // The vendored parser tries a typed literal only where a keyword naming a built-in type
    // starts the operand.
    #[test]
    fn typed_literals_parse_and_type_names_alone_are_columns() {
        let items = |sql: &str| match super::parse(sql).unwrap().remove(0) {
            Statement::Query(query) => match *query.body {
                SetExpr::Select(select) => select.projection,
                other => panic!("{other}"),
            },
            other => panic!("{other}"),
        };
        let typed = items(
            "SELECT DATE '2026-01-02', TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00', \
             DOUBLE PRECISION '1.5', BOOL 'true', INTERVAL '1' DAY",
        );
        assert_eq!(typed.len(), 5);
        for item in &typed[..4] {
            assert!(
                matches!(item, SelectItem::UnnamedExpr(Expr::TypedString { .. })),
                "{item}"
            );
        }
        assert!(matches!(
            &typed[4],
            SelectItem::UnnamedExpr(Expr::Interval(_))
        ));
        let plain = items("SELECT date, handle, 1, 'x', (2) FROM t");
        assert!(matches!(
            &plain[0],
            SelectItem::UnnamedExpr(Expr::Identifier(_))
        ));
        assert!(matches!(
            &plain[1],
            SelectItem::UnnamedExpr(Expr::Identifier(_))
        ));
        assert!(matches!(&plain[2], SelectItem::UnnamedExpr(Expr::Value(_))));
        assert!(matches!(&plain[3], SelectItem::UnnamedExpr(Expr::Value(_))));
        assert!(matches!(
            &plain[4],
            SelectItem::UnnamedExpr(Expr::Nested(_))
        ));
        // Keywords that are operands, not types, parse as they always did.
        let keywords = items(
            "SELECT TRUE, NULL, CASE WHEN FALSE THEN 1 END, COUNT(*), NOT FALSE, \
             TEXT 'x', NUMERIC '1.5', TIMESTAMPTZ '2026-01-02 03:04:05+00'",
        );
        let expr = |i: usize| match &keywords[i] {
            SelectItem::UnnamedExpr(expr) => expr,
            other => panic!("{other}"),
        };
        assert!(matches!(expr(0), Expr::Value(_)));
        assert!(matches!(expr(1), Expr::Value(_)));
        assert!(matches!(expr(2), Expr::Case { .. }));
        assert!(matches!(expr(3), Expr::Function(_)));
        assert!(matches!(expr(4), Expr::UnaryOp { .. }));
        for i in 5..8 {
            assert!(matches!(expr(i), Expr::TypedString { .. }), "{}", expr(i));
        }
    }
}
