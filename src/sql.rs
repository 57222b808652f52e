//! Our pass over the user's SQL before GlueSQL sees it.
//!
//! GlueSQL parses some PostgreSQL it then ignores or computes differently. Each function here has
//! one job: either rewrite a construct into a form GlueSQL answers exactly as PostgreSQL would, or
//! refuse it with a message naming the construct. A query that would come back silently different
//! from PostgreSQL must never reach the executor.

use crate::error::EngineError;
use crate::time::{self, Timestamp};
use gluesql::core::chrono;
use gluesql::core::data::Interval as GlueInterval;
use gluesql::core::translate::{IntoParamLiteral, ParamLiteral};
use sqlparser::ast::{
    visit_expressions, visit_expressions_mut, visit_statements_mut, AlterTableOperation,
    BinaryOperator, CastKind, DataType, DateTimeField, ExactNumberInfo, Expr, ExtractSyntax,
    Function, FunctionArg, FunctionArgExpr, FunctionArguments, Ident, Interval, JoinConstraint,
    JoinOperator, Query, Select, SelectItem, SetExpr, Statement, TableFactor, TimezoneInfo,
    UnaryOperator, Value, Visit, VisitMut, Visitor, VisitorMut,
};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::{Parser, ParserError};
use std::collections::HashMap;
use std::ops::ControlFlow;

/// What the rewrites need to know about the database.
pub struct Context {
    /// `NOW()` and friends.
    pub clock: Timestamp,
    /// Column name to its type, for every column name with one type across all tables.
    pub column_types: HashMap<String, ValueKind>,
}

/// The coarse type of an expression, as far as our pass can tell without running it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Timestamp,
    Interval,
    Other,
}

/// Splits SQL text into statements. Syntax errors carry the line and column they name.
pub fn parse(sql: &str) -> Result<Vec<Statement>, EngineError> {
    Parser::parse_sql(&PostgreSqlDialect {}, sql).map_err(syntax_error)
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
    let _ = statement.visit(&mut OutputNames);
    rewrite_int8_columns(statement);
    let _ = statement.visit(&mut OrderByOutputNames);
    let flow = visit_expressions_mut(statement, |expr| {
        let outcome = refuse_ignored_clauses(expr)
            .and_then(|()| replace_clock(expr, context.clock))
            .and_then(|()| rewrite_interval_text(expr))
            .and_then(|()| rewrite_int8_cast(expr))
            .and_then(|()| rewrite_extract(expr, context))
            .and_then(|()| check_timestamp_literals(expr, context));
        match outcome {
            Ok(()) => ControlFlow::Continue(()),
            Err(error) => ControlFlow::Break(error),
        }
    });
    if let ControlFlow::Break(error) = flow {
        return Err(error);
    }
    let _ = statement.visit(&mut PushRootFilters);
    Ok(())
}

/// Replaces timestamp, date and interval literals with parameters holding their parsed values.
/// GlueSQL parses a typed literal again for every row it evaluates (chrono's format parser was
/// half the time of the payout query); a parameter is a ready value. Runs after [`prepare`],
/// whose checks need to see the literals.
pub fn hoist_constants(statement: &mut Statement) -> Vec<ParamLiteral> {
    let mut params = Vec::new();
    let mut hoist = |expr: &mut Expr, param: ParamLiteral| {
        params.push(param);
        *expr = Expr::Value(Value::Placeholder(format!("${}", params.len())));
    };
    let _ = visit_expressions_mut(statement, |expr| {
        if let Some(param) = constant(expr) {
            hoist(expr, param);
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
                hoist(left, l.into_param_literal());
                hoist(right, r.into_param_literal());
            }
        }
        ControlFlow::<()>::Continue(())
    });
    params
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
        Expr::Value(Value::Number(number, false)) => number.to_string().parse().ok(),
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => integer_literal(expr)?.checked_neg(),
        Expr::Nested(inner) => integer_literal(inner),
        _ => None,
    }
}

fn constant(expr: &Expr) -> Option<ParamLiteral> {
    match expr {
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
            leading_field: Some(field),
            leading_precision: None,
            last_field: None,
            fractional_seconds_precision: None,
        }) => {
            let Expr::Value(Value::SingleQuotedString(text)) = value.as_ref() else {
                return None;
            };
            let amount: i64 = text.trim().parse().ok()?;
            let second = 1_000_000i64;
            let interval = match field {
                DateTimeField::Year => {
                    GlueInterval::Month(i32::try_from(amount.checked_mul(12)?).ok()?)
                }
                DateTimeField::Month => GlueInterval::Month(i32::try_from(amount).ok()?),
                DateTimeField::Day => {
                    GlueInterval::Microsecond(amount.checked_mul(86_400 * second)?)
                }
                DateTimeField::Hour => {
                    GlueInterval::Microsecond(amount.checked_mul(3_600 * second)?)
                }
                DateTimeField::Minute => {
                    GlueInterval::Microsecond(amount.checked_mul(60 * second)?)
                }
                DateTimeField::Second => GlueInterval::Microsecond(amount.checked_mul(second)?),
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
    match statement.visit(&mut DepthCheck { depth: 0 }) {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(()) => Err(unsupported(
            &format!("an expression nested more than {MAX_EXPRESSION_DEPTH} levels deep"),
            "split it into smaller expressions, or use IN (...) instead of a long chain of OR",
        )),
    }
}

fn unsupported(construct: &str, hint: &str) -> EngineError {
    EngineError::Unsupported {
        construct: construct.to_owned(),
        hint: hint.to_owned(),
    }
}

/// GlueSQL parses `OVER (...)`, `FILTER (WHERE ...)`, `WITHIN GROUP` and `IGNORE NULLS` on a
/// function call and then drops them, answering a different question.
fn refuse_ignored_clauses(expr: &Expr) -> Result<(), EngineError> {
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
    if function.over.is_some() {
        return Err(unsupported(
            &format!("window function {name}(...) OVER (...)"),
            "window functions are not supported yet; aggregate in a subquery and join it back",
        ));
    }
    if function.filter.is_some() {
        return Err(unsupported(
            &format!("{name}(...) FILTER (WHERE ...)"),
            "write the condition inside the aggregate, e.g. SUM(CASE WHEN cond THEN x END) or COUNT(CASE WHEN cond THEN 1 END)",
        ));
    }
    if !function.within_group.is_empty() {
        return Err(unsupported(
            &format!("{name}(...) WITHIN GROUP (ORDER BY ...)"),
            "ordered-set aggregates are not supported",
        ));
    }
    if function.null_treatment.is_some() {
        return Err(unsupported(
            &format!("{name}(...) IGNORE/RESPECT NULLS"),
            "null treatment clauses are not supported",
        ));
    }
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

/// PostgreSQL's `INTERVAL '7 days'` becomes `INTERVAL '7' DAY`, which GlueSQL reads.
fn rewrite_interval_text(expr: &mut Expr) -> Result<(), EngineError> {
    let Expr::Interval(interval) = expr else {
        return Ok(());
    };
    if interval.leading_field.is_some() {
        return Ok(());
    }
    let Expr::Value(Value::SingleQuotedString(text)) = interval.value.as_ref() else {
        return Ok(());
    };
    let (amount, field) = interval_amount(text).ok_or_else(|| {
        unsupported(
            &format!("INTERVAL '{text}'"),
            "write one amount and unit, e.g. INTERVAL '7 days' or INTERVAL '90 minutes'; add two intervals for mixed units",
        )
    })?;
    *interval = Interval {
        value: Box::new(Expr::Value(Value::SingleQuotedString(amount.to_string()))),
        leading_field: Some(field),
        leading_precision: None,
        last_field: None,
        fractional_seconds_precision: None,
    };
    Ok(())
}

/// Reads `'<integer> <unit>'`; weeks become days.
fn interval_amount(text: &str) -> Option<(i64, DateTimeField)> {
    let mut words = text.split_whitespace();
    let amount: i64 = words.next()?.parse().ok()?;
    let unit = words.next()?.to_ascii_lowercase();
    if words.next().is_some() {
        return None;
    }
    let (factor, field) = match unit.trim_end_matches('s') {
        "second" | "sec" => (1, DateTimeField::Second),
        "minute" | "min" => (1, DateTimeField::Minute),
        "hour" | "hr" => (1, DateTimeField::Hour),
        "day" => (1, DateTimeField::Day),
        "week" => (7, DateTimeField::Day),
        "month" | "mon" => (1, DateTimeField::Month),
        "year" | "yr" => (1, DateTimeField::Year),
        _ => return None,
    };
    Some((amount.checked_mul(factor)?, field))
}

/// GlueSQL's `INT8` is an 8-bit integer; PostgreSQL's is 64-bit, which is GlueSQL's `INT`.
fn rewrite_int8(data_type: &mut DataType) {
    if matches!(data_type, DataType::Int8(_)) {
        *data_type = DataType::Int(None);
    }
}

fn rewrite_int8_cast(expr: &mut Expr) -> Result<(), EngineError> {
    if let Expr::Cast { data_type, .. } = expr {
        rewrite_int8(data_type);
    }
    Ok(())
}

fn rewrite_int8_columns(statement: &mut Statement) {
    let _ = visit_statements_mut(statement, |statement| {
        match statement {
            Statement::CreateTable(create) => {
                create
                    .columns
                    .iter_mut()
                    .for_each(|column| rewrite_int8(&mut column.data_type));
            }
            Statement::AlterTable { operations, .. } => {
                for operation in operations {
                    if let AlterTableOperation::AddColumn { column_def, .. } = operation {
                        rewrite_int8(&mut column_def.data_type);
                    }
                }
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
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
            DataType::Timestamp(..) | DataType::Datetime(_) => ValueKind::Timestamp,
            DataType::Interval => ValueKind::Interval,
            _ => ValueKind::Other,
        },
        Expr::Nested(inner) => kind_of(inner, context),
        Expr::BinaryOp { left, op, right } => {
            let (left, right) = (kind_of(left, context), kind_of(right, context));
            match (left, op, right) {
                (ValueKind::Timestamp, BinaryOperator::Minus, ValueKind::Timestamp) => {
                    ValueKind::Interval
                }
                (ValueKind::Timestamp, BinaryOperator::Plus | BinaryOperator::Minus, _)
                | (_, BinaryOperator::Plus, ValueKind::Timestamp) => ValueKind::Timestamp,
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

/// `EXTRACT(EPOCH FROM ...)` is computed through the one field GlueSQL extracts as a total;
/// other fields of an interval would come back as totals too, unlike PostgreSQL, so they are
/// refused.
fn rewrite_extract(expr: &mut Expr, context: &Context) -> Result<(), EngineError> {
    let Expr::Extract {
        field, expr: inner, ..
    } = expr
    else {
        return Ok(());
    };
    let kind = kind_of(inner, context);
    let seconds_of = |interval: Expr| Expr::Cast {
        kind: CastKind::Cast,
        expr: Box::new(Expr::Extract {
            field: DateTimeField::Second,
            syntax: ExtractSyntax::From,
            expr: Box::new(interval),
        }),
        // PostgreSQL's EXTRACT returns numeric, so division stays exact instead of truncating.
        data_type: DataType::Decimal(ExactNumberInfo::None),
        format: None,
    };
    match (field.clone(), kind) {
        (DateTimeField::Epoch, ValueKind::Interval) => {
            *expr = seconds_of((**inner).clone());
            Ok(())
        }
        (DateTimeField::Epoch, ValueKind::Timestamp) => {
            *expr = seconds_of(Expr::Nested(Box::new(Expr::BinaryOp {
                left: inner.clone(),
                op: BinaryOperator::Minus,
                right: Box::new(timestamp_literal(0)),
            })));
            Ok(())
        }
        (DateTimeField::Epoch, ValueKind::Other) => Err(unsupported(
            "EXTRACT(EPOCH FROM ...) of an expression whose type is not known",
            "apply it to a timestamp column, a difference of timestamps or an interval",
        )),
        (_, ValueKind::Interval) => Err(unsupported(
            &format!("EXTRACT({field} FROM <interval>)"),
            "use EXTRACT(EPOCH FROM <interval>) for the total seconds and divide",
        )),
        _ => Ok(()),
    }
}

/// A timestamp compared with a string literal: PostgreSQL reads the string as a timestamp (and
/// refuses garbage); GlueSQL would compare quietly false. The literal becomes a typed timestamp.
fn check_timestamp_literals(expr: &mut Expr, context: &Context) -> Result<(), EngineError> {
    match expr {
        Expr::BinaryOp { left, op, right } if is_comparison(op) => {
            if kind_of(left, context) == ValueKind::Timestamp {
                type_literal(right)?;
            }
            if kind_of(right, context) == ValueKind::Timestamp {
                type_literal(left)?;
            }
        }
        Expr::Between {
            expr, low, high, ..
        } if kind_of(expr, context) == ValueKind::Timestamp => {
            type_literal(low)?;
            type_literal(high)?;
        }
        Expr::InList { expr, list, .. } if kind_of(expr, context) == ValueKind::Timestamp => {
            for item in list {
                type_literal(item)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn is_comparison(op: &BinaryOperator) -> bool {
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

fn type_literal(expr: &mut Expr) -> Result<(), EngineError> {
    let Expr::Value(Value::SingleQuotedString(text)) = expr else {
        return Ok(());
    };
    let Some(ts) = time::parse(text) else {
        return Err(EngineError::InvalidValue {
            message: format!("invalid input syntax for type timestamp: \"{text}\""),
        });
    };
    *expr = timestamp_literal(ts);
    Ok(())
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
        let has_wildcard = select.projection.iter().any(|projected| {
            matches!(
                projected,
                SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(..)
            )
        });
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

/// `FROM a JOIN b ON ... LEFT JOIN c ON ... WHERE <only a's columns>`: GlueSQL joins every row of
/// `a` through all joins before it filters. A filter on `a` alone gives the same rows when applied
/// at the first inner join, because later inner and left joins never drop or invent rows of `a`;
/// applied there, the fan-out of the later joins is built for the kept rows only (the seed payout
/// went from 56 to 18 ms).
struct PushRootFilters;

impl VisitorMut for PushRootFilters {
    type Break = ();

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        if let SetExpr::Select(select) = query.body.as_mut() {
            push_root_filters(select);
        }
        ControlFlow::Continue(())
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

fn conjuncts(expr: Expr) -> Vec<Expr> {
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

fn and_all(exprs: Vec<Expr>) -> Option<Expr> {
    exprs.into_iter().reduce(and)
}

/// True when every column the expression reads is qualified with `table`, and it holds no
/// subquery (whose meaning could depend on the other tables).
fn reads_only(expr: &Expr, table: &str) -> bool {
    let flow = visit_expressions(expr, |inner| match inner {
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
        if let SetExpr::Select(select) = query.body.as_mut() {
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
        ControlFlow::Continue(())
    }
}

/// PostgreSQL's name for an unnamed result column; `None` for a column reference.
fn output_name(expr: &Expr) -> Option<String> {
    let name = match expr {
        Expr::Identifier(_) | Expr::CompoundIdentifier(_) => return None,
        Expr::Nested(inner) => return output_name(inner),
        Expr::Function(function) => function
            .name
            .0
            .last()
            .map_or_else(|| "?column?".to_owned(), |part| part.value.to_lowercase()),
        Expr::Cast {
            expr, data_type, ..
        } => match output_name(expr) {
            Some(name) if name != "?column?" => name,
            None => return None,
            _ => data_type.to_string().to_lowercase(),
        },
        Expr::Extract { .. } => "extract".to_owned(),
        Expr::Case { .. } => "case".to_owned(),
        Expr::Interval(_) => "interval".to_owned(),
        Expr::TypedString { data_type, .. } => data_type.to_string().to_lowercase(),
        _ => "?column?".to_owned(),
    };
    Some(name)
}
