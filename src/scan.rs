//! Single-table queries answered by walking the stored rows in place.
//!
//! GlueSQL spends most of a scan on bookkeeping per row: it copies the row out of storage, wraps
//! it in a reference-counted context, looks columns up by name and clones each value it reads
//! (about 1,800 instructions per row for `COUNT(*) ... WHERE sent_at < ...`). Most statements the
//! pipeline hands it are one table, a filter and perhaps a grouping: a CTE body, one branch of a
//! `UNION ALL`, a count. Those are answered here instead, reading values where they lie.
//!
//! Every operation on values is GlueSQL's own (`binary_op`, `between`, `Evaluated::cast`, its
//! literal handling and `Value::add`/`evaluate_cmp` in the aggregates), so the answer is the
//! one GlueSQL gives, only without the copies. `DELETE ... WHERE` finds its rows the same way.
//! Anything outside these shapes is left to GlueSQL: joins, subqueries, function calls,
//! `DISTINCT`, `ORDER BY`, `LIMIT`, key lookups.

use crate::storage::SandboxStorage;
use gluesql::core::ast::{
    Aggregate, AggregateFunction, BinaryOperator, CountArgExpr, DataType, Expr, Function, Literal,
    Projection, Query, Select, SelectItem, SetExpr, Statement, TableFactor, UnaryOperator,
};
use gluesql::core::data::Value;
use gluesql::core::error::Result;
use gluesql::core::executor::{
    between, binary_op, comparable, literal, unary_op, Evaluated, Payload,
};
use gluesql::core::store::{Store, StoreMut};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// The answer to `statement`, or `None` when it is not a shape answered here.
pub fn run(storage: &mut SandboxStorage, statement: &Statement) -> Option<Result<Payload>> {
    match statement {
        Statement::Query(query) => {
            let plan = Plan::new(storage, query)?;
            Some(plan.execute(storage))
        }
        Statement::Delete {
            table_name,
            selection,
        } => delete(storage, table_name, selection.as_ref()),
        _ => None,
    }
}

/// `DELETE FROM t WHERE ...` on a table no foreign key points at: the keys to delete are found
/// in place, then deleted as GlueSQL would.
fn delete(
    storage: &mut SandboxStorage,
    table: &str,
    selection: Option<&Expr>,
) -> Option<Result<Payload>> {
    if !storage.fetch_referencings(table).ok()?.is_empty() {
        return None;
    }
    let keys = {
        let (_, filter) = Scope::of_table(storage, table, None, selection)?;
        let item = storage.item(table)?;
        let mut keys = Vec::new();
        for (key, row) in &item.rows {
            if let Err(error) = storage.count_row() {
                return Some(Err(error));
            }
            match keeps(filter.as_ref(), row) {
                Ok(true) => keys.push(key.clone()),
                Ok(false) => {}
                Err(error) => return Some(Err(error)),
            }
        }
        keys
    };
    let deleted = keys.len();
    Some(
        storage
            .delete_data(table, keys)
            .map(|()| Payload::Delete(deleted)),
    )
}

/// Whether a row passes a filter: NULL does not.
fn keeps(filter: Option<&Node>, row: &[Value]) -> Result<bool> {
    let Some(filter) = filter else {
        return Ok(true);
    };
    let keep = filter.eval(row, &[])?;
    Ok(!keep.is_null() && bool::try_from(keep)?)
}

/// An expression with its column names resolved to positions in the row.
enum Node<'q> {
    Column(usize),
    Literal(&'q Literal),
    Value(&'q Value),
    /// An operation on constants, computed once when compiled.
    Constant(Value),
    Binary(Box<Node<'q>>, &'q BinaryOperator, Box<Node<'q>>),
    Unary(&'q UnaryOperator, Box<Node<'q>>),
    IsNull(Box<Node<'q>>, bool),
    Between {
        target: Box<Node<'q>>,
        negated: bool,
        low: Box<Node<'q>>,
        high: Box<Node<'q>>,
    },
    InList(Box<Node<'q>>, Vec<Node<'q>>, bool),
    Cast(Box<Node<'q>>, &'q DataType),
    Case {
        operand: Option<Box<Node<'q>>>,
        when_then: Vec<(Node<'q>, Node<'q>)>,
        otherwise: Option<Box<Node<'q>>>,
    },
    /// The value of an aggregate, by slot; only in the output of a grouped query.
    Aggregate(usize),
}

struct Plan<'q> {
    table: &'q str,
    labels: Vec<String>,
    filter: Option<Node<'q>>,
    /// `None`: one output row per row kept; `Some`: one per group.
    grouping: Option<Grouping<'q>>,
    output: Vec<Node<'q>>,
}

struct Grouping<'q> {
    keys: Vec<Node<'q>>,
    aggregates: Vec<(&'q Aggregate, Option<Node<'q>>)>,
    having: Option<Node<'q>>,
}

/// Resolves names against one table; collects aggregates when compiling a grouped output.
struct Scope<'q> {
    table: &'q str,
    alias: &'q str,
    columns: Vec<&'q str>,
    aggregates: Option<Vec<(&'q Aggregate, Option<Node<'q>>)>>,
}

impl<'q> Plan<'q> {
    fn new(storage: &'q SandboxStorage, query: &'q Query) -> Option<Plan<'q>> {
        let SetExpr::Select(select) = &query.body else {
            return None;
        };
        if !query.order_by.is_empty() || query.limit.is_some() || query.offset.is_some() {
            return None;
        }
        let Select {
            distinct: false,
            projection: Projection::SelectItems(items),
            from,
            selection,
            group_by,
            having,
        } = select.as_ref()
        else {
            return None;
        };
        let TableFactor::Table { name, alias } = &from.relation else {
            return None;
        };
        if !from.joins.is_empty() {
            return None;
        }
        let alias = alias.as_ref().map(|alias| alias.name.as_str());
        let (mut scope, filter) = Scope::of_table(storage, name, alias, selection.as_ref())?;
        let keys = group_by
            .iter()
            .map(|e| scope.compile(e))
            .collect::<Option<Vec<_>>>()?;
        let mut labels = Vec::with_capacity(items.len());
        let mut exprs = Vec::with_capacity(items.len());
        for item in items {
            let SelectItem::Expr { expr, label } = item else {
                return None;
            };
            labels.push(label.clone());
            exprs.push(expr);
        }
        scope.aggregates = Some(Vec::new());
        let output = exprs
            .iter()
            .map(|e| scope.compile(e))
            .collect::<Option<Vec<_>>>()?;
        let having = scope.optional(having.as_ref())?;
        let aggregates = scope.aggregates.take().unwrap_or_default();
        let grouping = if aggregates.is_empty() && keys.is_empty() {
            if having.is_some() {
                return None;
            }
            None
        } else {
            Some(Grouping {
                keys,
                aggregates,
                having,
            })
        };
        Some(Plan {
            table: name,
            labels,
            filter,
            grouping,
            output,
        })
    }

    fn execute(self, storage: &SandboxStorage) -> Result<Payload> {
        let rows = match storage.item(self.table) {
            Some(item) => &item.rows,
            None => return Ok(self.payload(Vec::new())),
        };
        let mut kept = Vec::new();
        let mut groups = Groups::default();
        if let Some(grouping) = &self.grouping {
            if grouping.keys.is_empty() {
                groups.global(grouping.aggregates.len());
            }
        }
        for row in rows.values() {
            storage.count_row()?;
            if !keeps(self.filter.as_ref(), row)? {
                continue;
            }
            match &self.grouping {
                None => kept.push(
                    self.output
                        .iter()
                        .map(|node| Value::try_from(node.eval(row, &[])?))
                        .collect::<Result<Vec<_>>>()?,
                ),
                Some(grouping) => groups.add(grouping, row)?,
            }
        }
        let Some(grouping) = &self.grouping else {
            return Ok(self.payload(kept));
        };
        let empty = Vec::new();
        for group in groups.groups {
            let values = group
                .slots
                .into_iter()
                .zip(&grouping.aggregates)
                .map(|(slot, (aggregate, _))| match slot {
                    Some(slot) => slot.export(),
                    None => Ok(empty_value(aggregate)),
                })
                .collect::<Result<Vec<_>>>()?;
            let row = group.representative.unwrap_or(&empty);
            if let Some(having) = &grouping.having {
                let keep = having.eval(row, &values)?;
                if keep.is_null() || !bool::try_from(keep)? {
                    continue;
                }
            }
            kept.push(
                self.output
                    .iter()
                    .map(|node| Value::try_from(node.eval(row, &values)?))
                    .collect::<Result<Vec<_>>>()?,
            );
        }
        Ok(self.payload(kept))
    }

    fn payload(self, rows: Vec<Vec<Value>>) -> Payload {
        Payload::Select {
            labels: self.labels,
            rows,
        }
    }
}

/// Whether `expr` holds `column = ...` anywhere: GlueSQL may answer that from the key.
fn compares_with(expr: &Expr, column: &str) -> bool {
    let names = |expr: &Expr| match expr {
        Expr::Identifier(name) | Expr::CompoundIdentifier { ident: name, .. } => name == column,
        _ => false,
    };
    match expr {
        Expr::BinaryOp { left, op, right } => {
            (*op == BinaryOperator::Eq && (names(left) || names(right)))
                || compares_with(left, column)
                || compares_with(right, column)
        }
        Expr::Nested(inner) => compares_with(inner, column),
        _ => false,
    }
}

impl<'q> Scope<'q> {
    /// The scope of one stored table and its compiled filter. Schemaless tables stay with
    /// GlueSQL, and so do lookups it answers from a key or an index without a scan.
    fn of_table(
        storage: &'q SandboxStorage,
        table: &'q str,
        alias: Option<&'q str>,
        filter: Option<&'q Expr>,
    ) -> Option<(Scope<'q>, Option<Node<'q>>)> {
        let item = storage.item(table)?;
        let columns = item.schema.column_defs.as_ref()?;
        if !item.schema.indexes.is_empty() {
            return None;
        }
        let key = columns
            .iter()
            .find(|column| column.unique.as_ref().is_some_and(|u| u.is_primary));
        if let (Some(key), Some(filter)) = (key, filter) {
            if compares_with(filter, &key.name) {
                return None;
            }
        }
        let mut scope = Scope {
            table,
            alias: alias.unwrap_or(table),
            columns: columns.iter().map(|column| column.name.as_str()).collect(),
            aggregates: None,
        };
        let filter = scope.optional(filter)?;
        Some((scope, filter))
    }

    fn column(&self, name: &str) -> Option<Node<'q>> {
        self.columns
            .iter()
            .position(|column| *column == name)
            .map(Node::Column)
    }

    /// `Some(None)` for an absent expression, `None` for one that cannot be compiled.
    fn optional(&mut self, expr: Option<&'q Expr>) -> Option<Option<Node<'q>>> {
        match expr {
            None => Some(None),
            Some(expr) => self.compile(expr).map(Some),
        }
    }

    fn compile(&mut self, expr: &'q Expr) -> Option<Node<'q>> {
        let boxed = |scope: &mut Self, expr| scope.compile(expr).map(Box::new);
        Some(match expr {
            Expr::Identifier(name) => self.column(name)?,
            Expr::CompoundIdentifier { alias, ident } => {
                if alias != self.alias && !(alias == self.table && self.alias == self.table) {
                    return None;
                }
                self.column(ident)?
            }
            Expr::Literal(value) => Node::Literal(value),
            Expr::Value(value) => Node::Value(value),
            Expr::Nested(inner) => self.compile(inner)?,
            Expr::BinaryOp { left, op, right } => {
                fold(Node::Binary(boxed(self, left)?, op, boxed(self, right)?))
            }
            Expr::UnaryOp { op, expr } => fold(Node::Unary(op, boxed(self, expr)?)),
            Expr::IsNull(expr) => Node::IsNull(boxed(self, expr)?, false),
            Expr::IsNotNull(expr) => Node::IsNull(boxed(self, expr)?, true),
            Expr::Between {
                expr,
                negated,
                low,
                high,
            } => Node::Between {
                target: boxed(self, expr)?,
                negated: *negated,
                low: boxed(self, low)?,
                high: boxed(self, high)?,
            },
            Expr::InList {
                expr,
                list,
                negated,
            } => Node::InList(
                boxed(self, expr)?,
                list.iter()
                    .map(|e| self.compile(e))
                    .collect::<Option<_>>()?,
                *negated,
            ),
            Expr::Function(function) => match function.as_ref() {
                Function::Cast { expr, data_type } => {
                    fold(Node::Cast(boxed(self, expr)?, data_type))
                }
                _ => return None,
            },
            Expr::Case {
                operand,
                when_then,
                else_result,
            } => Node::Case {
                operand: self.optional(operand.as_deref())?.map(Box::new),
                when_then: when_then
                    .iter()
                    .map(|(when, then)| Some((self.compile(when)?, self.compile(then)?)))
                    .collect::<Option<_>>()?,
                otherwise: self.optional(else_result.as_deref())?.map(Box::new),
            },
            Expr::Aggregate(aggregate) => {
                // Aggregates are computed over rows: their arguments see the row, not other
                // aggregates.
                let outer = self.aggregates.take()?;
                let argument = match &aggregate.func {
                    AggregateFunction::Count(CountArgExpr::Wildcard) if aggregate.distinct => None,
                    AggregateFunction::Count(CountArgExpr::Wildcard) => Some(None),
                    AggregateFunction::Count(CountArgExpr::Expr(expr))
                    | AggregateFunction::Sum(expr)
                    | AggregateFunction::Min(expr)
                    | AggregateFunction::Max(expr)
                    | AggregateFunction::Avg(expr) => self.compile(expr).map(Some),
                    AggregateFunction::Variance(_) | AggregateFunction::Stdev(_) => None,
                };
                let mut aggregates = outer;
                let slot = aggregates.len();
                aggregates.push((aggregate.as_ref(), argument?));
                self.aggregates = Some(aggregates);
                Node::Aggregate(slot)
            }
            _ => return None,
        })
    }
}

/// `NOW() - 30 * INTERVAL '1 day'` is the same for every row: an operation whose operands are
/// constants is computed once, by the same code that would compute it per row. If that fails,
/// it is left to fail (or not, on an empty table) where it would have.
fn fold(node: Node) -> Node {
    let constant =
        |node: &Node| matches!(node, Node::Literal(_) | Node::Value(_) | Node::Constant(_));
    let operands_constant = match &node {
        Node::Binary(left, _, right) => constant(left) && constant(right),
        Node::Unary(_, operand) | Node::Cast(operand, _) => constant(operand),
        _ => false,
    };
    if !operands_constant {
        return node;
    }
    match node.eval(&[], &[]).and_then(Value::try_from) {
        Ok(value) => Node::Constant(value),
        Err(_) => node,
    }
}

impl<'q> Node<'q> {
    /// Evaluates against a row (the group's first row in a grouped output) and the group's
    /// aggregate values.
    fn eval<'a>(&'a self, row: &'a [Value], aggregated: &'a [Value]) -> Result<Evaluated<'a>>
    where
        'q: 'a,
    {
        let eval = |node: &'a Node<'q>| node.eval(row, aggregated);
        let value = |value: Value| Ok(Evaluated::Value(Cow::Owned(value)));
        match self {
            Node::Column(index) => Ok(Evaluated::Value(Cow::Borrowed(
                row.get(*index).unwrap_or(&Value::Null),
            ))),
            Node::Literal(literal_value) => Ok(literal(literal_value)),
            Node::Value(v) => Ok(Evaluated::Value(Cow::Borrowed(v))),
            Node::Constant(v) => Ok(Evaluated::Value(Cow::Borrowed(v))),
            Node::Aggregate(slot) => Ok(Evaluated::Value(Cow::Borrowed(&aggregated[*slot]))),
            Node::Binary(left, op, right) => binary_op(op, eval(left)?, eval(right)?),
            Node::Unary(op, expr) => unary_op(op, eval(expr)?),
            Node::IsNull(expr, negated) => value(Value::Bool(eval(expr)?.is_null() ^ negated)),
            Node::Between {
                target,
                negated,
                low,
                high,
            } => between(&eval(target)?, *negated, &eval(low)?, &eval(high)?),
            Node::InList(target, list, negated) => {
                // As GlueSQL's (patched) IN: no match against a list holding NULL is NULL.
                let target = eval(target)?;
                if target.is_null() {
                    return Ok(target);
                }
                let mut saw_null = false;
                for item in list {
                    let item = eval(item)?;
                    saw_null |= item.is_null();
                    if !item.is_null() {
                        comparable(&target, "=", &item)?;
                    }
                    if item.evaluate_eq(&target).is_true() {
                        return value(Value::Bool(!negated));
                    }
                }
                value(if saw_null {
                    Value::Null
                } else {
                    Value::Bool(*negated)
                })
            }
            Node::Cast(expr, data_type) => eval(expr)?.cast(data_type),
            Node::Case {
                operand,
                when_then,
                otherwise,
            } => {
                let operand = match operand {
                    Some(operand) => eval(operand)?,
                    None => Evaluated::Value(Cow::Owned(Value::Bool(true))),
                };
                for (when, then) in when_then {
                    if eval(when)?.evaluate_eq(&operand).is_true() {
                        return eval(then);
                    }
                }
                match otherwise {
                    Some(otherwise) => eval(otherwise),
                    None => value(Value::Null),
                }
            }
        }
    }
}

/// Groups in the order first seen, as GlueSQL's aggregation keeps them.
#[derive(Default)]
struct Groups<'r> {
    index: HashMap<Vec<Value>, usize>,
    groups: Vec<Group<'r>>,
}

struct Group<'r> {
    representative: Option<&'r Vec<Value>>,
    slots: Vec<Option<Accumulator>>,
}

impl<'r> Groups<'r> {
    /// The one group of an aggregate without `GROUP BY`, there even when no row is.
    fn global(&mut self, slots: usize) {
        self.index.insert(Vec::new(), 0);
        self.groups.push(Group {
            representative: None,
            slots: (0..slots).map(|_| None).collect(),
        });
    }

    fn add(&mut self, grouping: &Grouping, row: &'r Vec<Value>) -> Result<()> {
        let index = if grouping.keys.is_empty() {
            0
        } else {
            let key = grouping
                .keys
                .iter()
                .map(|node| Value::try_from(node.eval(row, &[])?))
                .collect::<Result<Vec<_>>>()?;
            let next = self.groups.len();
            let index = *self.index.entry(key).or_insert(next);
            if index == next {
                self.groups.push(Group {
                    representative: None,
                    slots: (0..grouping.aggregates.len()).map(|_| None).collect(),
                });
            }
            index
        };
        let group = &mut self.groups[index];
        group.representative.get_or_insert(row);
        for (slot, (aggregate, argument)) in group.slots.iter_mut().zip(&grouping.aggregates) {
            let value = match argument {
                None => Value::Null,
                Some(argument) => Value::try_from(argument.eval(row, &[])?)?,
            };
            // Every aggregate but COUNT skips NULL inputs.
            if value.is_null() && !matches!(aggregate.func, AggregateFunction::Count(_)) {
                continue;
            }
            match slot {
                Some(accumulator) => accumulator.add(value)?,
                None => *slot = Some(Accumulator::new(aggregate, value)),
            }
        }
        Ok(())
    }
}

/// One aggregate's running value, as GlueSQL's aggregation state computes it.
struct Accumulator {
    kind: Kind,
    distinct: Option<HashSet<Value>>,
}

enum Kind {
    Count { wildcard: bool, count: i64 },
    Sum(Value),
    Min(Value),
    Max(Value),
    Avg { sum: Value, count: i64 },
}

impl Accumulator {
    fn new(aggregate: &Aggregate, value: Value) -> Accumulator {
        let mut distinct = aggregate.distinct.then(HashSet::new);
        if let Some(seen) = distinct.as_mut() {
            if !value.is_null() {
                seen.insert(value.clone());
            }
        }
        let kind = match &aggregate.func {
            AggregateFunction::Count(argument) => Kind::Count {
                wildcard: matches!(argument, CountArgExpr::Wildcard),
                count: i64::from(matches!(argument, CountArgExpr::Wildcard) || !value.is_null()),
            },
            AggregateFunction::Sum(_) => Kind::Sum(value),
            AggregateFunction::Min(_) => Kind::Min(value),
            AggregateFunction::Max(_) => Kind::Max(value),
            // Variance and Stdev are never planned here (see `Scope::compile`).
            _ => Kind::Avg {
                sum: value,
                count: 1,
            },
        };
        Accumulator { kind, distinct }
    }

    fn add(&mut self, value: Value) -> Result<()> {
        if !value.is_null() {
            if let Some(seen) = self.distinct.as_mut() {
                if !seen.insert(value.clone()) {
                    return Ok(());
                }
            }
        }
        match &mut self.kind {
            Kind::Count { wildcard, count } => {
                if *wildcard || !value.is_null() {
                    *count += 1;
                }
            }
            Kind::Sum(sum) => *sum = sum.add(&value)?,
            Kind::Min(min) => {
                if min.evaluate_cmp(&value) == Some(Ordering::Greater) {
                    *min = value;
                }
            }
            Kind::Max(max) => {
                if max.evaluate_cmp(&value) == Some(Ordering::Less) {
                    *max = value;
                }
            }
            Kind::Avg { sum, count } => {
                *sum = sum.add(&value)?;
                *count += 1;
            }
        }
        Ok(())
    }

    fn export(self) -> Result<Value> {
        match self.kind {
            Kind::Count { count, .. } => Ok(Value::I64(count)),
            Kind::Sum(value) | Kind::Min(value) | Kind::Max(value) => Ok(value),
            Kind::Avg { sum, count } => sum.cast(&DataType::Float)?.divide(&Value::I64(count)),
        }
    }
}

fn empty_value(aggregate: &Aggregate) -> Value {
    match aggregate.func {
        AggregateFunction::Count(_) => Value::I64(0),
        _ => Value::Null,
    }
}
