//! Queries answered by walking the stored rows in place.
//!
//! GlueSQL spends most of a scan on bookkeeping per row: it copies the row out of storage, wraps
//! it in a reference-counted context, looks columns up by name and clones each value it reads
//! (about 1,800 instructions per row for `COUNT(*) ... WHERE sent_at < ...`), and a join builds
//! such a context for every pair of rows. Most statements the pipeline hands it are a table or a
//! chain of equi-joins, a filter and perhaps a grouping and an order: a CTE body, one branch of a
//! `UNION ALL`, a payout. Those are answered here instead, reading values where they lie.
//!
//! Joins are hash joins on one equality of the `ON` condition, built on the joined table and
//! probed with each row joined so far; the rest of the condition is tested per pair, `LEFT JOIN`
//! pads with NULLs, and `WHERE` conditions are tested as soon as the tables they name are joined.
//!
//! Every operation on values is GlueSQL's own (`binary_op`, `between`, `Evaluated::cast`, its
//! literal handling, `Value::add`/`evaluate_cmp` in the aggregates, its join key and its sort
//! order), so the answer is the one GlueSQL gives, only without the copies. `DELETE ... WHERE`
//! finds its rows the same way. Anything outside these shapes is left to GlueSQL: `EXISTS` and
//! `IN` subqueries, joins without an equality, functions other than casts, `COALESCE`, `EXTRACT`
//! and our own, key lookups.

use crate::compare;
use crate::functions;
use crate::hasher::{FastMap, FastSet};
use crate::matching::PreparedRegex;
use crate::storage::{self, SandboxStorage};
use crate::zone_maps::{Verdict, ZoneMap};
use gluesql::core::ast::{
    Aggregate, AggregateFunction, BinaryOperator, CountArgExpr, DataType, DateTimeField, Expr,
    Function, Join, JoinConstraint, JoinOperator, Literal, OrderByExpr, Projection, Query, Select,
    SelectItem, SetExpr, Statement, TableFactor, UnaryOperator,
};
use gluesql::core::data::{Key, LikePattern, RegexPattern, Value};
use gluesql::core::error::Result;
use gluesql::core::executor::{
    between, binary_op, change_case, comparable, literal, number_key, ordered_aggregate, sort_by,
    unary_op, EvaluateError, Evaluated, Payload,
};
use gluesql::core::store::{Store, StoreMut};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::ControlFlow;
use std::rc::Rc;

/// The answer to `statement`, or `None` when it is not a shape answered here; beside it, how
/// many rows of the answer were counted and not copied. With `shown` (for a statement's own
/// answer, of which the user sees that many rows), the rows past the first `shown` are only
/// counted when nothing is computed for them: see [`Plan::copied`].
pub fn run(
    storage: &mut SandboxStorage,
    statement: &Statement,
    shown: Option<usize>,
) -> Option<Result<(Payload, usize)>> {
    match statement {
        Statement::Query(query) => {
            let mut plan = Plan::new(storage, query)?;
            plan.shown = shown;
            Some(plan.execute().map(|payload| (payload, plan.uncopied.get())))
        }
        Statement::Delete {
            table_name,
            selection,
        } => delete(storage, table_name, selection.as_ref())
            .map(|result| result.map(|payload| (payload, 0))),
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
    if !storage.fetch_referencings(table).ok()?.is_empty()
        || looks_up_key(storage, table, selection)
    {
        return None;
    }
    let keys = {
        let mut scope = Scope {
            levels: vec![0],
            ..Scope::default()
        };
        let rows = scope.add(storage, table, None)?;
        let filter = scope.optional(selection)?.map(Condition::new);
        let mut keys = Vec::new();
        for (key, row) in rows {
            if let Err(error) = storage.count_row() {
                return Some(Err(error));
            }
            match keeps(filter.as_ref(), &[row]) {
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
fn keeps(filter: Option<&Condition>, tuple: &[&[Value]]) -> Result<bool> {
    match filter {
        None => Ok(true),
        Some(filter) => passes(std::slice::from_ref(filter), tuple),
    }
}

/// Whether every condition holds. All are evaluated, as GlueSQL's `AND` evaluates both sides,
/// so an error in any of them is not hidden by another that is false.
fn passes(conditions: &[Condition], tuple: &[&[Value]]) -> Result<bool> {
    let mut holds = true;
    for condition in conditions {
        holds &= match condition.quick.as_ref().and_then(|quick| quick.test(tuple)) {
            Some(holds) => holds,
            None => condition.node.holds(tuple)?,
        };
    }
    Ok(holds)
}

/// A condition as rows are tested against it: a column compared with a constant is compared
/// directly when the row holds a value of the constant's plain type, and a column tested for
/// NULL is tested directly; anything else (NULL, a mixed pair, another expression) is
/// evaluated as GlueSQL would.
struct Condition<'q> {
    node: Node<'q>,
    quick: Option<Quick>,
}

/// `column <op> constant` (the column moved to the left), `column [NOT] IN (constants)` or
/// `column IS [NOT] NULL`.
#[derive(Clone)]
struct Quick {
    table: usize,
    index: usize,
    test: Test,
}

#[derive(Clone)]
enum Test {
    /// The constant, and whether a value less than, equal to or greater than it passes.
    Compare(Value, [bool; 3]),
    /// True when the column is NULL, or when it is not.
    Null(bool),
    /// The constants (none NULL), and whether the list is negated.
    In(Vec<Value>, bool),
}

impl<'q> Condition<'q> {
    fn new(node: Node<'q>) -> Condition<'q> {
        let quick = Quick::of(&node);
        Condition { node, quick }
    }
}

impl Quick {
    fn of(node: &Node) -> Option<Quick> {
        let (left, op, right) = match node {
            Node::Binary(left, op, right) => (left, op, right),
            Node::InList(target, list, negated) => {
                let Node::Column(table, index) = target.as_ref() else {
                    return None;
                };
                let list = list
                    .iter()
                    .map(|item| compared_constant(item, &BinaryOperator::Eq))
                    .collect::<Option<_>>()?;
                return Some(Quick {
                    table: *table,
                    index: *index,
                    test: Test::In(list, *negated),
                });
            }
            Node::IsNull(column, negated) => {
                let Node::Column(table, index) = column.as_ref() else {
                    return None;
                };
                return Some(Quick {
                    table: *table,
                    index: *index,
                    test: Test::Null(!negated),
                });
            }
            _ => return None,
        };
        let (column, constant, op) = match (left.as_ref(), right.as_ref()) {
            (Node::Column(table, index), constant) => ((*table, *index), constant, (*op).clone()),
            (constant, Node::Column(table, index)) => ((*table, *index), constant, flipped(op)?),
            _ => return None,
        };
        let constant = compared_constant(constant, &op)?;
        // Which of less, equal and greater pass: a lookup rather than a call through a pointer.
        let passing = match op {
            BinaryOperator::Eq => [false, true, false],
            BinaryOperator::NotEq => [true, false, true],
            BinaryOperator::Lt => [true, false, false],
            BinaryOperator::LtEq => [true, true, false],
            BinaryOperator::Gt => [false, false, true],
            BinaryOperator::GtEq => [false, true, true],
            _ => return None,
        };
        Some(Quick {
            table: column.0,
            index: column.1,
            test: Test::Compare(constant, passing),
        })
    }

    fn test(&self, tuple: &[&[Value]]) -> Option<bool> {
        let value = column(tuple, self.table, self.index);
        match &self.test {
            Test::Compare(constant, passing) => {
                compare::plain(value, constant).map(|order| passing[(order as i8 + 1) as usize])
            }
            Test::Null(null) => Some(value.is_null() == *null),
            Test::In(list, negated) => {
                // Every constant is compared, so that one of another type leaves the row to
                // GlueSQL (and its error) whatever the others are.
                let mut found = false;
                for constant in list {
                    found |= compare::plain(value, constant)?.is_eq();
                }
                Some(found != *negated)
            }
        }
    }
}

/// A constant that a column compares with directly under `op`: of a plain type, never NULL.
fn compared_constant(node: &Node, op: &BinaryOperator) -> Option<Value> {
    let constant = match node {
        Node::Value(value) => (*value).clone(),
        Node::Constant(value) => value.clone(),
        // An integer literal next to an integer column (`stream_id <= 120`).
        literal @ Node::Literal(Literal::Number(number)) if number.is_integer() => {
            Value::I64(integer(literal)?)
        }
        // A quoted literal next to text is that text, for equality only.
        Node::Literal(Literal::QuotedString(text))
            if matches!(op, BinaryOperator::Eq | BinaryOperator::NotEq) =>
        {
            Value::Str(text.clone())
        }
        _ => return None,
    };
    compare::plain(&constant, &constant)?;
    Some(constant)
}

/// The operator that keeps the meaning when its sides swap.
fn flipped(op: &BinaryOperator) -> Option<BinaryOperator> {
    Some(match op {
        BinaryOperator::Eq => BinaryOperator::Eq,
        BinaryOperator::NotEq => BinaryOperator::NotEq,
        BinaryOperator::Lt => BinaryOperator::Gt,
        BinaryOperator::LtEq => BinaryOperator::GtEq,
        BinaryOperator::Gt => BinaryOperator::Lt,
        BinaryOperator::GtEq => BinaryOperator::LtEq,
        _ => return None,
    })
}

impl Node<'_> {
    /// Whether the condition this node is holds for a row: NULL does not.
    fn holds(&self, tuple: &[&[Value]]) -> Result<bool> {
        truth(self.eval(tuple, &[])?)
    }
}

/// Whether a condition's value lets a row through: NULL does not.
fn truth(value: Evaluated) -> Result<bool> {
    Ok(!value.is_null() && bool::try_from(value)?)
}

type Rows = BTreeMap<Key, Vec<Value>>;

/// An expression with its column names resolved to positions: which joined table, which column.
enum Node<'q> {
    Column(usize, usize),
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
    /// `UPPER` (true) or `LOWER` (false).
    ChangeCase(bool, Box<Node<'q>>),
    /// `[NOT] LIKE` (`ILIKE` when not case-sensitive).
    Like {
        target: Box<Node<'q>>,
        pattern: Box<Node<'q>>,
        negated: bool,
        case_sensitive: bool,
        /// The pattern read once, when it is constant text.
        prepared: Option<LikePattern>,
    },
    /// `~`, `~*`, `!~`, `!~*`: a POSIX-style regular expression match.
    Regex {
        target: Box<Node<'q>>,
        pattern: Box<Node<'q>>,
        negated: bool,
        case_sensitive: bool,
        /// The expression built once, when it is constant text that compiles.
        prepared: Option<PreparedRegex>,
    },
    /// `[NOT] IN (SELECT * FROM t)` of a one-column table (as the pipeline leaves a subquery
    /// computed once): its values, read in place.
    InSet(Box<InSet<'q>>),
    Cast(Box<Node<'q>>, &'q DataType),
    Coalesce(Vec<Node<'q>>),
    /// The values of an ordered aggregate's row: its value, its other argument, its sort keys.
    List(Vec<Node<'q>>),
    Extract(&'q DateTimeField, Box<Node<'q>>),
    /// One of the functions the storage computes natively (`DATE_TRUNC`, `ROUND`, ...).
    Call(&'q str, Vec<Node<'q>>),
    /// One of those whose first argument names a unit, named by a constant: read once.
    UnitCall(&'q str, String, Box<Node<'q>>),
    Case {
        operand: Option<Box<Node<'q>>>,
        /// Each `WHEN` with `THEN`; a searched CASE's conditions have their quick test.
        when_then: Vec<(Condition<'q>, Node<'q>)>,
        otherwise: Option<Box<Node<'q>>>,
    },
    /// The value of an aggregate, by slot; only in the output of a grouped query.
    Aggregate(usize),
    /// A scalar subquery; it sees the enclosing query's tables.
    Subquery(Box<Subquery<'q>>),
    /// `[NOT] EXISTS (...)`: whether the subquery finds a row (negated when true).
    Exists(Box<Subquery<'q>>, bool),
}

/// A scalar or `EXISTS` subquery and its last value, kept while the enclosing rows stay the
/// same (always, when it reads none of them).
struct Subquery<'q> {
    plan: Plan<'q>,
    last: RefCell<Option<Answered>>,
}

/// The enclosing rows a subquery was answered for (by address: stored rows do not move while a
/// statement runs) and its value.
type Answered = (Vec<*const [Value]>, Value);

/// The values `IN` looks a target up in; when they are all integers (or NULL), an integer target
/// is found by hashing instead of comparing it with each.
struct InSet<'q> {
    target: Node<'q>,
    values: Vec<&'q Value>,
    integers: Option<FastSet<i64>>,
    has_null: bool,
    negated: bool,
}

impl<'q> InSet<'q> {
    fn new(target: Node<'q>, values: Vec<&'q Value>, negated: bool) -> InSet<'q> {
        let integers = values
            .iter()
            .filter(|value| !value.is_null())
            .map(|value| match value {
                Value::I64(integer) => Some(*integer),
                _ => None,
            })
            .collect();
        InSet {
            target,
            has_null: values.iter().any(|value| value.is_null()),
            values,
            integers,
            negated,
        }
    }
}

impl<'q> Subquery<'q> {
    /// The subquery's value for the enclosing rows in `tuple`, computed by `compute` unless
    /// they are the rows it was last computed for.
    fn answer<'r>(
        &'r self,
        tuple: &[&'r [Value]],
        compute: impl FnOnce(&'r Plan<'q>, &[&'r [Value]]) -> Result<Value>,
    ) -> Result<Value> {
        let outer = &tuple[..self.plan.depth.min(tuple.len())];
        let rows: Vec<*const [Value]> = outer.iter().map(|row| *row as *const _).collect();
        let mut last = self.last.borrow_mut();
        if let Some((seen, value)) = last.as_ref() {
            if *seen == rows {
                return Ok(value.clone());
            }
        }
        let answer = compute(&self.plan, outer)?;
        *last = Some((rows, answer.clone()));
        Ok(answer)
    }
}

struct Plan<'q> {
    storage: &'q SandboxStorage,
    /// Tables of enclosing queries, before this query's own in every row tuple.
    depth: usize,
    sources: Vec<Source<'q>>,
    labels: Vec<String>,
    /// `None`: one output row per joined row kept; `Some`: one per group.
    grouping: Option<Grouping<'q>>,
    output: Vec<Node<'q>>,
    order: Vec<(Sort<'q>, Option<bool>)>,
    distinct: bool,
    offset: usize,
    limit: Option<usize>,
    /// How many rows of the answer are shown (see [`run`]).
    shown: Option<usize>,
    /// The answer's rows counted past those copied (see [`Plan::copied`]).
    uncopied: Cell<usize>,
}

/// One table of the `FROM` chain.
struct Source<'q> {
    /// The stored table's name, for its zone maps.
    table: &'q str,
    rows: &'q Rows,
    /// Conditions on this table alone, tested as its rows are read.
    filter: Vec<Condition<'q>>,
    /// `WHERE` conditions whose last table is this one, tested once it is joined.
    after: Vec<Condition<'q>>,
    /// How it joins the tables before it; `None` for the first.
    join: Option<Link<'q>>,
    /// For the first table of a subquery, its equality with the enclosing rows, if it has one.
    correlation: Option<Correlation<'q>>,
    /// For the first table, its integer primary key column, by which its rows are stored.
    key: Option<usize>,
    /// What the join equalities imply for this table's rows ([`imply_through_joins`]).
    implied: Vec<Implied>,
}

/// A test a row of a table must pass to be in the answer, implied by a join's equality and a
/// condition on the other side (`a.x = b.x` and `a.x = 5`: `b.x = 5`). A row that surely fails
/// it is skipped as it is read (with the zone maps, a block of such rows is never read); one it
/// cannot judge (a value of another type, NULL) is kept. The condition itself is still tested
/// where it was placed.
struct Implied {
    quick: Quick,
    /// The position of the table it was implied from.
    from: usize,
}

/// A subquery's equality between an integer column of its first table and the enclosing rows
/// (`g.stream_id = s.stream_id`). The table's rows are indexed by the column once, as the
/// query is planned, and each enclosing row reads only the rows holding its value instead of
/// all of them; the equality is still tested on those. A table with a value of another type in
/// the column is not indexed, and a value of another type from the enclosing row reads every
/// row: both as before (meeting whatever error the comparison gives).
struct Correlation<'q> {
    outer: Node<'q>,
    index: FastMap<i64, Vec<&'q [Value]>>,
}

/// `t.c = o.x` of a subquery's first table `t` (at `depth`, its rows `rows`) and a column of an
/// enclosing row, with `t`'s rows indexed by `c`.
fn correlation<'q>(node: &Node<'q>, depth: usize, rows: &'q Rows) -> Option<Correlation<'q>> {
    let Node::Binary(left, BinaryOperator::Eq, right) = node else {
        return None;
    };
    let (column, outer) = match (left.as_ref(), right.as_ref()) {
        (Node::Column(t, column), &Node::Column(o, index))
        | (&Node::Column(o, index), Node::Column(t, column))
            if *t == depth && o < depth =>
        {
            (*column, Node::Column(o, index))
        }
        _ => return None,
    };
    let mut index: FastMap<i64, Vec<&[Value]>> = FastMap::default();
    for row in rows.values() {
        match row.get(column)? {
            Value::I64(key) => index.entry(*key).or_default().push(row),
            Value::Null => {}
            _ => return None,
        }
    }
    Some(Correlation { outer, index })
}

/// The rows of a plan's first table that may pass for the enclosing row.
enum Candidates<'r> {
    All(std::collections::btree_map::Values<'r, Key, Vec<Value>>),
    Found(std::slice::Iter<'r, &'r [Value]>),
    /// Those whose key is in the range the conditions on it allow.
    Keys(std::collections::btree_map::Range<'r, Key, Vec<Value>>),
}

impl Candidates<'_> {
    fn len(&self) -> usize {
        match self {
            Candidates::All(rows) => rows.len(),
            Candidates::Found(rows) => rows.len(),
            // Walked for the count only where one is asked for (a count of the table's rows).
            Candidates::Keys(rows) => rows.clone().count(),
        }
    }
}

impl<'r> Iterator for Candidates<'r> {
    type Item = &'r [Value];

    fn next(&mut self) -> Option<&'r [Value]> {
        match self {
            Candidates::All(rows) => rows.next().map(Vec::as_slice),
            Candidates::Found(rows) => rows.next().copied(),
            Candidates::Keys(rows) => rows.next().map(|(_, row)| row.as_slice()),
        }
    }
}

impl<'q> Source<'q> {
    /// What the zone maps of this table's columns say of each block of its rows for the
    /// conditions tested as they are read (at `at` in the tuple): a block is skipped when one
    /// condition passes none of its rows, and passes whole when every condition passes all of
    /// them. `None` when the maps rule out no block and pass none whole, when no condition
    /// compares a column with a constant, the table is too small for zone maps, or only some
    /// rows are read (see `candidates`).
    fn zoned(&self, storage: &SandboxStorage, at: usize) -> Option<(Rc<ZoneMap>, Vec<Verdict>)> {
        let conditions = self.filter.iter().chain(&self.after);
        let quicks = conditions.map(|condition| condition.quick.as_ref());
        let implied = self.implied.iter().map(|implied| Some(&implied.quick));
        let (map, verdicts) = self.verdicts(storage, at, quicks.chain(implied))?;
        (!verdicts.iter().all(|verdict| *verdict == Verdict::Some)).then_some((map, verdicts))
    }

    /// What the zone maps say of each block for `conditions` together (see `zoned`), even when
    /// that is `Some` for every block.
    #[inline(never)]
    fn verdicts<'c>(
        &self,
        storage: &SandboxStorage,
        at: usize,
        conditions: impl Iterator<Item = Option<&'c Quick>>,
    ) -> Option<(Rc<ZoneMap>, Vec<Verdict>)> {
        if self.correlation.is_some() {
            return None;
        }
        let mut zoned: Option<(Rc<ZoneMap>, Vec<Verdict>)> = None;
        let mut every_condition = true;
        for quick in conditions {
            let Some(Quick {
                table,
                index,
                test: Test::Compare(constant, passing),
            }) = quick
            else {
                every_condition = false;
                continue;
            };
            if *table != at {
                every_condition = false;
                continue;
            }
            let map = storage.zone_map(self.table, *index)?;
            let verdicts = map
                .blocks()
                .iter()
                .map(|zone| zone.verdict(constant, passing));
            zoned = Some(match zoned {
                None => {
                    let verdicts = verdicts.collect();
                    (map, verdicts)
                }
                // Every map of a table has the same blocks: the rows as they are now.
                Some((first, mut combined)) => {
                    for (verdict, other) in combined.iter_mut().zip(verdicts) {
                        *verdict = (*verdict).min(other);
                    }
                    (first, combined)
                }
            });
        }
        let (map, mut verdicts) = zoned?;
        if !every_condition {
            for verdict in &mut verdicts {
                *verdict = (*verdict).min(Verdict::Some);
            }
        }
        Some((map, verdicts))
    }

    /// The rows to read for the enclosing row in `tuple` (`depth` tables long).
    fn candidates<'r>(&'r self, storage: &SandboxStorage, tuple: &[&[Value]]) -> Candidates<'r>
    where
        'q: 'r,
    {
        let all = Candidates::All(self.rows.values());
        let Some(correlation) = &self.correlation else {
            return match self.key_range(storage, tuple.len()) {
                // `range` panics when its start is past its end.
                Some((low, high)) if low > high => Candidates::Found([].iter()),
                Some((low, high)) => {
                    Candidates::Keys(self.rows.range(Key::I64(low)..=Key::I64(high)))
                }
                None => all,
            };
        };
        let value = match correlation.outer.direct(tuple) {
            Some(Value::I64(value)) => value,
            // NULL equals nothing.
            Some(Value::Null) => return Candidates::Found([].iter()),
            _ => return all,
        };
        let found = correlation.index.get(value).map_or(&[][..], Vec::as_slice);
        Candidates::Found(found.iter())
    }
}

impl Source<'_> {
    /// The keys of the rows that may pass the conditions comparing the key column (at `at` in
    /// the tuple) with integer constants (`id < 4`, `id BETWEEN 10 AND 20`); `None` when none
    /// does, or when the rows are not stored by that column. The conditions are still tested on
    /// each row read: the range only leaves out rows they would reject. Empty when the lowest
    /// key is past the highest.
    fn key_range(&self, storage: &SandboxStorage, at: usize) -> Option<(i64, i64)> {
        let key = self.key?;
        let (mut low, mut high) = (i64::MIN, i64::MAX);
        let mut bounded = false;
        let conditions = self.filter.iter().chain(&self.after);
        let conditions =
            conditions.map(|condition| (condition.quick.as_ref(), Some(&condition.node)));
        let implied = self
            .implied
            .iter()
            .map(|implied| (Some(&implied.quick), None));
        for condition in conditions.chain(implied) {
            let (from, to) = match condition {
                (
                    Some(Quick {
                        table,
                        index,
                        test: Test::Compare(Value::I64(constant), passing),
                    }),
                    _,
                ) if (*table, *index) == (at, key) => {
                    let c = *constant;
                    match passing {
                        [false, true, false] => (c, c),
                        [true, false, false] => (i64::MIN, c.checked_sub(1)?),
                        [true, true, false] => (i64::MIN, c),
                        [false, false, true] => (c.checked_add(1)?, i64::MAX),
                        [false, true, true] => (c, i64::MAX),
                        _ => continue,
                    }
                }
                (
                    _,
                    Some(Node::Between {
                        target,
                        negated: false,
                        low,
                        high,
                    }),
                ) if matches!(target.as_ref(), Node::Column(table, index) if (*table, *index) == (at, key)) => {
                    match (integer(low), integer(high)) {
                        (Some(low), Some(high)) => (low, high),
                        _ => continue,
                    }
                }
                _ => continue,
            };
            low = low.max(from);
            high = high.min(to);
            bounded = true;
        }
        (bounded && storage.stored_by(self.table, key)).then_some((low, high))
    }
}

/// An integer constant: a literal (`10`) or a value computed once.
fn integer(node: &Node) -> Option<i64> {
    match node {
        Node::Literal(Literal::Number(number)) => crate::sql::integer(number),
        Node::Value(Value::I64(value)) | Node::Constant(Value::I64(value)) => Some(*value),
        _ => None,
    }
}

struct Link<'q> {
    outer: bool,
    /// The equality that matches rows: `probe` over the tables joined so far, `build` over this
    /// one. Without one (a cross join), every row of this table meets every row before it.
    key: Option<(Node<'q>, Node<'q>)>,
    /// The rest of the `ON` condition, tested per matching pair.
    residual: Vec<Condition<'q>>,
}

enum Sort<'q> {
    /// An output column, by position.
    Output(usize),
    Node(Node<'q>),
}

struct Grouping<'q> {
    keys: Vec<Node<'q>>,
    aggregates: Vec<(&'q Aggregate, Option<Node<'q>>)>,
    having: Option<Node<'q>>,
}

/// The tables of a `FROM` chain by name, after those of the queries it is nested in; collects
/// aggregates when compiling a grouped output.
#[derive(Default)]
struct Scope<'q> {
    storage: Option<&'q SandboxStorage>,
    tables: Vec<(&'q str, Vec<&'q str>)>,
    /// Where each query's tables start in `tables`, outermost first.
    levels: Vec<usize>,
    aggregates: Option<Vec<(&'q Aggregate, Option<Node<'q>>)>>,
}

impl<'q> Plan<'q> {
    fn new(storage: &'q SandboxStorage, query: &'q Query) -> Option<Plan<'q>> {
        Plan::nested(storage, query, Scope::default())
    }

    /// The plan of `query` inside the queries whose tables `scope` holds.
    fn nested(
        storage: &'q SandboxStorage,
        query: &'q Query,
        mut scope: Scope<'q>,
    ) -> Option<Plan<'q>> {
        let SetExpr::Select(select) = &query.body else {
            return None;
        };
        let Select {
            distinct,
            projection: Projection::SelectItems(items),
            from,
            selection,
            group_by,
            having,
        } = select.as_ref();
        let depth = scope.tables.len();
        scope.storage = Some(storage);
        scope.levels.push(depth);
        let mut sources = Vec::with_capacity(from.joins.len() + 1);
        let TableFactor::Table { name, alias } = &from.relation else {
            return None;
        };
        // GlueSQL finds a key's row without a scan; inside a subquery, the enclosing query
        // would go to GlueSQL with it, and a key read from the enclosing rows is indexed here.
        if depth == 0 && looks_up_key(storage, name, selection.as_ref()) {
            return None;
        }
        let alias = alias.as_ref().map(|alias| alias.name.as_str());
        let key = storage.item(name).and_then(|item| {
            item.schema.column_defs.as_ref()?.iter().position(|column| {
                column.unique.is_some_and(|unique| unique.is_primary)
                    && column.data_type == DataType::Int
            })
        });
        sources.push(Source {
            table: name,
            rows: scope.add(storage, name, alias)?,
            filter: Vec::new(),
            after: Vec::new(),
            join: None,
            correlation: None,
            key,
            implied: Vec::new(),
        });
        for join in &from.joins {
            sources.push(scope.join(storage, join)?);
        }
        if depth + sources.len() > 64 {
            return None;
        }
        // What an inner join's ON asks only of the tables before it (often the WHERE, moved
        // there for GlueSQL, or the condition of a parenthesized join opened in line) is asked
        // as a WHERE condition would be: where its last table is read or joined. The rows it
        // rejects then never meet the tables after (`a JOIN b ON TRUE JOIN c ON b.x = a.x AND
        // ...` would otherwise pair every row of a with every row of b first). The inner join
        // would drop those rows anyway, and joins in between neither drop nor change them.
        let mut earlier = Vec::new();
        for (position, source) in sources.iter_mut().enumerate().skip(1) {
            if let Some(link) = source.join.as_mut().filter(|link| !link.outer) {
                let (before, rest) = std::mem::take(&mut link.residual)
                    .into_iter()
                    .partition(|condition| condition.node.tables() >> depth < 1 << position);
                link.residual = rest;
                earlier.extend::<Vec<_>>(before);
            }
        }
        for condition in earlier {
            place(&mut sources, condition, depth);
        }
        for condition in conjuncts(selection.as_ref()) {
            for node in scope.conditions(condition)? {
                place(&mut sources, Condition::new(node), depth);
            }
        }
        imply_through_joins(&mut sources, depth);
        sources[0].correlation = sources[0]
            .after
            .iter()
            .find_map(|condition| correlation(&condition.node, depth, sources[0].rows));
        let keys = group_by
            .iter()
            .map(|e| scope.compile(e))
            .collect::<Option<Vec<_>>>()?;
        let mut labels = Vec::with_capacity(items.len());
        let mut output = Vec::with_capacity(items.len());
        scope.aggregates = Some(Vec::new());
        for item in items {
            match item {
                SelectItem::Expr { expr, label } => {
                    labels.push(label.clone());
                    output.push(scope.compile(expr)?);
                }
                // `*` is every column of this query's tables; `t.*` those of `t` alone.
                SelectItem::Wildcard | SelectItem::QualifiedWildcard(_) => {
                    let only = match item {
                        SelectItem::QualifiedWildcard(name) => Some(name.as_str()),
                        _ => None,
                    };
                    let mut found = false;
                    for (table, (named, columns)) in scope.tables.iter().enumerate().skip(depth) {
                        if only.is_some_and(|only| only != *named) {
                            continue;
                        }
                        found = true;
                        for (index, column) in columns.iter().enumerate() {
                            labels.push((*column).to_owned());
                            output.push(Node::Column(table, index));
                        }
                    }
                    if only.is_some() && !found {
                        return None;
                    }
                }
            }
        }
        let having = scope.optional(having.as_ref())?;
        let order = query
            .order_by
            .iter()
            .map(|by| Some((scope.sort(by, &labels)?, by.asc)))
            .collect::<Option<Vec<_>>>()?;
        let offset = count(query.offset.as_ref())?.unwrap_or(0);
        let limit = count(query.limit.as_ref())?;
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
            storage,
            depth,
            sources,
            labels,
            grouping,
            output,
            order,
            distinct: *distinct,
            offset,
            limit,
            shown: None,
            uncopied: Cell::new(0),
        })
    }

    fn execute(&self) -> Result<Payload> {
        let rows = self.rows(&[])?;
        Ok(Payload::Select {
            labels: self.labels.clone(),
            rows,
        })
    }

    /// How many rows to copy before the rest are only counted: the rows shown, when every row
    /// passing the filters is one of the answer's, in the order read (no grouping, `DISTINCT`,
    /// `ORDER BY`, `OFFSET` or `LIMIT`), and nothing is computed for it (every output a
    /// column), so that no error a later row would raise goes unseen. Every row otherwise.
    fn copied(&self) -> usize {
        match self.shown {
            Some(shown)
                if self.depth == 0
                    && self.grouping.is_none()
                    && !self.distinct
                    && self.order.is_empty()
                    && self.offset == 0
                    && self.limit.is_none()
                    && self
                        .output
                        .iter()
                        .all(|node| matches!(node, Node::Column(..))) =>
            {
                shown
            }
            _ => usize::MAX,
        }
    }

    /// The answer, within the enclosing queries' current rows.
    ///
    /// Each loop over rows is in a function of its own, out of line (see ARCHITECTURE.md, "A
    /// fresh page's first answer").
    fn rows<'r>(&'r self, outer: &[&'r [Value]]) -> Result<Vec<Vec<Value>>>
    where
        'q: 'r,
    {
        let mut tables = Vec::with_capacity(self.sources.len() - 1);
        for (position, source) in self.sources.iter().enumerate().skip(1) {
            let wanted = self.probe_keys(source, outer)?;
            tables.push(source.build(self.storage, self.depth + position, wanted.as_ref())?);
        }
        let joins = Joins { plan: self, tables };
        let mut kept: Vec<(Vec<Value>, Vec<Value>)> = Vec::new();
        let mut groups = Groups::default();
        if let Some(grouping) = &self.grouping {
            if grouping.keys.is_empty() {
                groups.global(grouping.aggregates.len());
            }
        }
        let mut tuple = Vec::with_capacity(self.depth + self.sources.len());
        tuple.extend_from_slice(outer);
        tuple.resize(self.depth, &[]);
        // Whether DISTINCT already dropped repeated rows as they came.
        let mut deduplicated = false;
        if let Some((source, counts)) = self.counts_only() {
            count_only(self.storage, source, &counts, &tuple, &mut groups)?;
        } else if self.extremes_only(&tuple, &mut groups)? {
            // Answered by the zone maps and the blocks they could not judge.
        } else if let Some(first) = self.first_in_key_order(&tuple)? {
            kept = first;
        } else if let Some(mut leading) = self.leading() {
            joins.first(&mut tuple, &mut |tuple| {
                leading.offer(self, tuple)?;
                Ok(ControlFlow::Continue(()))
            })?;
            return leading.rows(self.offset);
        } else {
            // Rows equal to one kept are dropped as they come when the order is by output
            // columns alone: equal rows sort alike, so which one is kept cannot show.
            let mut seen = (self.distinct && self.sorts_by_output()).then(Seen::default);
            deduplicated = seen.is_some() && self.grouping.is_none();
            // Rows past the LIMIT, unordered or coming in order, are never seen: reading stops
            // at the last one kept.
            let enough = match (self.limit, &self.grouping) {
                (Some(limit), None) if self.order.is_empty() || self.comes_in_order() => {
                    self.offset.saturating_add(limit)
                }
                _ => usize::MAX,
            };
            let copied = self.copied();
            joins.first(&mut tuple, &mut |tuple| match &self.grouping {
                None if kept.len() >= copied => {
                    self.uncopied.set(self.uncopied.get() + 1);
                    Ok(ControlFlow::Continue(()))
                }
                None => {
                    match seen.as_mut() {
                        Some(seen) => self.keep_distinct(seen, &mut kept, tuple)?,
                        None => kept.push(self.emit(tuple, &[])?),
                    }
                    Ok(match kept.len() >= enough {
                        true => ControlFlow::Break(()),
                        false => ControlFlow::Continue(()),
                    })
                }
                Some(grouping) => groups.add(grouping, tuple).map(ControlFlow::Continue),
            })?;
        }
        if let Some(grouping) = &self.grouping {
            self.emit_groups(grouping, groups, &tuple, &mut kept)?;
        }
        ordered(self, kept, deduplicated)
    }

    /// Each group's output row (those HAVING keeps) onto `kept`.
    #[inline(never)]
    fn emit_groups<'r>(
        &self,
        grouping: &Grouping,
        groups: Groups<'r>,
        tuple: &[&'r [Value]],
        kept: &mut Vec<Emitted>,
    ) -> Result<()> {
        let mut nulls = tuple.to_vec();
        nulls.resize(self.depth + self.sources.len(), &[]);
        let width = grouping.aggregates.len();
        let mut slots = groups.slots.into_iter();
        for group in &groups.groups {
            let tuple = match group.representative {
                Some(start) => &groups.rows[start..start + nulls.len()],
                None => &nulls,
            };
            if let Some(emitted) = self.emit_group(grouping, slots.by_ref().take(width), tuple)? {
                kept.push(emitted);
            }
        }
        Ok(())
    }

    /// One group's output row, unless HAVING drops it: `tuple` is its first row (or NULLs for
    /// the one group of an aggregate over no rows), `slots` its aggregates.
    #[inline(never)]
    fn emit_group(
        &self,
        grouping: &Grouping,
        slots: impl Iterator<Item = Option<Accumulator>>,
        tuple: &[&[Value]],
    ) -> Result<Option<Emitted>> {
        let values = slots
            .zip(&grouping.aggregates)
            .map(|(slot, (aggregate, _))| match slot {
                Some(slot) => slot.export(aggregate),
                None => Ok(empty_value(aggregate)),
            })
            .collect::<Result<Vec<_>>>()?;
        if let Some(having) = &grouping.having {
            if !truth(having.eval(tuple, &values)?)? {
                return Ok(None);
            }
        }
        self.emit(tuple, &values).map(Some)
    }

    /// The keys `source`'s join looks up, when they come from the first table alone and that
    /// table is much the smaller: its rows that pass their own conditions give every key, and
    /// rows of `source` with any other key are left out of its hash table (they match nothing).
    #[inline(never)]
    fn probe_keys(&self, source: &Source<'q>, outer: &[&[Value]]) -> Result<Option<FastSet<Key>>> {
        let link = source.join.as_ref().expect("joined tables have a link");
        let first = &self.sources[0];
        let Some((probe, _)) = &link.key else {
            return Ok(None);
        };
        if probe.tables() != 1 << self.depth || first.rows.len() * 4 > source.rows.len() {
            return Ok(None);
        }
        let mut tuple = Vec::with_capacity(self.depth + 1);
        tuple.extend_from_slice(outer);
        tuple.resize(self.depth, &[]);
        tuple.push(&[]);
        let mut keys = FastSet::default();
        for row in first.rows.values() {
            tuple[self.depth] = row;
            if passes(&first.filter, &tuple)? {
                keys.insert(join_key(probe, &tuple)?);
            }
        }
        Ok(Some(keys))
    }

    /// The rows of `... FROM t ORDER BY <t's integer key> [DESC] LIMIT n` of one table: its rows
    /// are stored in key order, so reading (from either end) stops after the first that pass,
    /// instead of computing every row and sorting. `None` for any other query, or a table whose
    /// rows turn out to be stored by another key.
    #[inline(never)]
    fn first_in_key_order(&self, outer: &[&[Value]]) -> Result<Option<Vec<Emitted>>> {
        let (Some(limit), [source], None, false) = (
            self.limit,
            self.sources.as_slice(),
            &self.grouping,
            self.distinct,
        ) else {
            return Ok(None);
        };
        let Some(key) = source.key else {
            return Ok(None);
        };
        let [(sort, ascending)] = self.order.as_slice() else {
            return Ok(None);
        };
        if !self.sorts_by_first_column(sort, key) {
            return Ok(None);
        }
        let wanted = self.offset.saturating_add(limit);
        let mut tuple = outer.to_vec();
        tuple.push(&[]);
        let at = tuple.len() - 1;
        let mut kept = Vec::new();
        let in_order: Box<dyn Iterator<Item = (&Key, &Vec<Value>)>> = match ascending {
            Some(false) => Box::new(source.rows.iter().rev()),
            _ => Box::new(source.rows.iter()),
        };
        for (stored, row) in in_order {
            if kept.len() == wanted {
                break;
            }
            // Rows stored under another key than their own are not in its order.
            if !matches!((stored, &row[key]), (Key::I64(stored), Value::I64(own)) if stored == own)
            {
                return Ok(None);
            }
            self.storage.count_row()?;
            tuple[at] = row;
            if passes(&source.filter, &tuple)? && passes(&source.after, &tuple)? {
                kept.push(self.emit(&tuple, &[])?);
            }
        }
        Ok(Some(kept))
    }

    /// Whether `sort` is the first table's column `column`.
    fn sorts_by_first_column(&self, sort: &Sort, column: usize) -> bool {
        match sort {
            Sort::Output(at) => {
                matches!(self.output[*at], Node::Column(table, index) if table == self.depth && index == column)
            }
            Sort::Node(Node::Column(table, index)) => *table == self.depth && *index == column,
            Sort::Node(_) => false,
        }
    }

    /// Whether the joined rows come in the query's order, ties in the order they are joined:
    /// the query sorts (ascending, without `DISTINCT`) by the integer key of its first table,
    /// whose rows are read in key order and joined as they are read.
    fn comes_in_order(&self) -> bool {
        let ([(sort, ascending)], Some(first)) = (self.order.as_slice(), self.sources.first())
        else {
            return false;
        };
        *ascending != Some(false)
            && !self.distinct
            && first.correlation.is_none()
            && first.key.is_some_and(|key| {
                self.sorts_by_first_column(sort, key) && self.storage.stored_by(first.table, key)
            })
    }

    /// For an ungrouped query with `ORDER BY` and `LIMIT` (and no `DISTINCT`) whose rows do not
    /// come in order, what keeps only the rows that can be among those asked for as they come.
    fn leading(&self) -> Option<Leading> {
        let wanted = self.offset.saturating_add(self.limit?);
        let unordered = !self.order.is_empty() && !self.comes_in_order();
        (self.grouping.is_none() && unordered && !self.distinct && wanted > 0).then(|| Leading {
            wanted,
            rows: Vec::new(),
            bar: None,
            offered: 0,
            key_error: None,
        })
    }

    /// Whether every sort key is an output column (by position, name or the column itself).
    fn sorts_by_output(&self) -> bool {
        self.order.iter().all(|(sort, _)| match sort {
            Sort::Output(_) => true,
            Sort::Node(Node::Column(table, index)) => self
                .output
                .iter()
                .any(|output| matches!(output, Node::Column(t, i) if t == table && i == index)),
            Sort::Node(_) => false,
        })
    }

    /// The one table read, when the query is only counts of its rows: each aggregate counts
    /// every row that passes the table's conditions (`COUNT(*)`), or only those where its own
    /// condition holds too (`COUNT(CASE WHEN c THEN 1 END)`, which `COUNT(*) FILTER (WHERE c)`
    /// becomes).
    fn counts_only(&self) -> Option<(&Source<'q>, Vec<Count<'_, 'q>>)> {
        let grouping = self.grouping.as_ref()?;
        let [source] = self.sources.as_slice() else {
            return None;
        };
        if !grouping.keys.is_empty() {
            return None;
        }
        let counts = grouping.aggregates.iter().map(|(aggregate, argument)| {
            if aggregate.distinct {
                return None;
            }
            let Some(Node::Case {
                operand: None,
                when_then,
                otherwise,
            }) = argument
            else {
                return matches!(
                    aggregate.func,
                    AggregateFunction::Count(CountArgExpr::Wildcard)
                )
                .then_some((None, false));
            };
            let [(condition, then)] = when_then.as_slice() else {
                return None;
            };
            match (&aggregate.func, otherwise.as_deref()) {
                (AggregateFunction::Count(CountArgExpr::Expr(_)), None) => {
                    matches!(then, Node::Constant(then) if !then.is_null())
                        .then_some((Some(condition), false))
                }
                // `SUM(CASE WHEN c THEN 1 ELSE 0 END)`, the usual conditional count.
                (AggregateFunction::Sum(_), Some(otherwise)) => (integer(then) == Some(1)
                    && integer(otherwise) == Some(0))
                .then_some((Some(condition), true)),
                _ => None,
            }
        });
        Some((source, counts.collect::<Option<_>>()?))
    }

    /// A query that is only `MIN`s and `MAX`s of one table's columns: the zone maps hold each
    /// block's smallest and largest values, so a block the table's conditions pass whole is not
    /// read, one they pass none of is skipped, and only the rest are. False, having done
    /// nothing, for any other query or a table without zone maps.
    #[inline(never)]
    fn extremes_only<'r>(&'r self, outer: &[&'r [Value]], groups: &mut Groups<'r>) -> Result<bool> {
        let (Some(grouping), [source]) = (&self.grouping, self.sources.as_slice()) else {
            return Ok(false);
        };
        let at = outer.len();
        if !grouping.keys.is_empty() || source.correlation.is_some() {
            return Ok(false);
        }
        if !matches!(source.candidates(self.storage, outer), Candidates::All(_)) {
            return Ok(false);
        }
        let mut columns = Vec::with_capacity(grouping.aggregates.len());
        for (aggregate, argument) in &grouping.aggregates {
            let (
                AggregateFunction::Min(_) | AggregateFunction::Max(_),
                Some(Node::Column(table, index)),
            ) = (&aggregate.func, argument)
            else {
                return Ok(false);
            };
            match self.storage.zone_map(source.table, *index) {
                Some(map) if *table == at => columns.push((*index, map)),
                _ => return Ok(false),
            }
        }
        let mut conditions = source.filter.iter().chain(&source.after).peekable();
        let verdicts = match conditions.peek() {
            None => None,
            Some(_) => match source.verdicts(
                self.storage,
                at,
                conditions.map(|condition| condition.quick.as_ref()),
            ) {
                Some((_, verdicts)) => Some(verdicts),
                None => return Ok(false),
            },
        };
        let Some((_, first)) = columns.first() else {
            return Ok(false);
        };
        let fold = |slot: &mut Option<Accumulator>, aggregate, value: &Value| match slot {
            Some(accumulator) => accumulator.add(Cow::Borrowed(value)),
            None => {
                *slot = Some(Accumulator::new(aggregate, Cow::Borrowed(value)));
                Ok(())
            }
        };
        // The one group there is.
        let slots = &mut groups.slots;
        let mut tuple = outer.to_vec();
        tuple.push(&[]);
        for (block, zone) in first.blocks().iter().enumerate() {
            let verdict = verdicts
                .as_ref()
                .map_or(Verdict::All, |verdicts| verdicts[block]);
            let ranges: Option<Vec<_>> = columns
                .iter()
                .map(|(_, map)| map.blocks()[block].range())
                .collect();
            match (verdict, ranges) {
                (Verdict::None, _) => {}
                (Verdict::All, Some(ranges)) => {
                    let aggregates = slots.iter_mut().zip(&grouping.aggregates);
                    for ((slot, (aggregate, _)), range) in aggregates.zip(ranges) {
                        if let Some((min, max)) = range {
                            let min_wanted = matches!(aggregate.func, AggregateFunction::Min(_));
                            fold(slot, aggregate, if min_wanted { min } else { max })?;
                        }
                    }
                }
                _ => {
                    for row in zone.of_rows(source.rows) {
                        self.storage.count_row()?;
                        tuple[at] = row;
                        if verdict == Verdict::Some
                            && !(passes(&source.filter, &tuple)? && passes(&source.after, &tuple)?)
                        {
                            continue;
                        }
                        let aggregates = slots.iter_mut().zip(&grouping.aggregates);
                        for ((slot, (aggregate, _)), (index, _)) in aggregates.zip(&columns) {
                            if !row[*index].is_null() {
                                fold(slot, aggregate, &row[*index])?;
                            }
                        }
                    }
                }
            }
        }
        Ok(true)
    }

    /// The value of a scalar subquery: NULL without rows, an error with more than one.
    fn value<'r>(&'r self, outer: &[&'r [Value]]) -> Result<Value>
    where
        'q: 'r,
    {
        if self.labels.len() > 1 {
            return Err(EvaluateError::MoreThanOneColumnReturned.into());
        }
        let mut rows = self.rows(outer)?.into_iter();
        let value = rows.next().and_then(|row| row.into_iter().next());
        if rows.next().is_some() {
            return Err(EvaluateError::MoreThanOneRowReturned.into());
        }
        Ok(value.unwrap_or(Value::Null))
    }

    /// Keeps the row unless an equal one is kept already. A row of plain columns is looked up
    /// before anything is copied: most rows under DISTINCT repeat one kept.
    #[inline(never)]
    fn keep_distinct(
        &self,
        seen: &mut Seen,
        kept: &mut Vec<Emitted>,
        tuple: &[&[Value]],
    ) -> Result<()> {
        let direct = self.output.iter().all(|node| node.direct(tuple).is_some());
        let emitted = match direct {
            true => None,
            false => Some(self.emit(tuple, &[])?),
        };
        // The row's values, without a vector of them (nor a box: this runs twice per row).
        let values = || {
            let direct = self.output.iter().filter(|_| emitted.is_none());
            let emitted = emitted.iter().flat_map(|(row, _)| row.iter());
            emitted.chain(direct.filter_map(|node| node.direct(tuple)))
        };
        let mut hasher = seen.latest.hasher().build_hasher();
        values().for_each(|value| value.hash(&mut hasher));
        let latest = seen.latest.entry(hasher.finish()).or_insert(usize::MAX);
        let mut candidate = Some(*latest).filter(|&index| index != usize::MAX);
        let before = candidate;
        while let Some(index) = candidate {
            if kept[index].0.iter().eq(values()) {
                return Ok(());
            }
            candidate = seen.same_hash[index];
        }
        *latest = kept.len();
        seen.same_hash.push(before);
        kept.push(match emitted {
            Some(emitted) => emitted,
            None => self.emit(tuple, &[])?,
        });
        Ok(())
    }

    /// One output row and the values it sorts by.
    #[inline(never)]
    fn emit(&self, tuple: &[&[Value]], aggregated: &[Value]) -> Result<(Vec<Value>, Vec<Value>)> {
        // Sized up front: collecting through `Result` would grow the row three times.
        let mut row = Vec::with_capacity(self.output.len());
        for node in &self.output {
            row.push(match node.direct(tuple) {
                // Copied as it lies: most output columns are plain columns.
                Some(value) => value.clone(),
                None => Value::try_from(node.eval(tuple, aggregated)?)?,
            });
        }
        let keys = self
            .order
            .iter()
            .map(|(sort, _)| match sort {
                Sort::Output(position) => Ok(row[*position].clone()),
                Sort::Node(node) => Value::try_from(node.eval(tuple, aggregated)?),
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((row, keys))
    }
}

/// Some of a table's rows, in key order.
type RowsOf<'r> = Box<dyn Iterator<Item = &'r [Value]> + 'r>;

/// A count's own condition, if any, and whether it is a `SUM` of 1s and 0s (NULL over no rows).
type Count<'c, 'q> = (Option<&'c Condition<'q>>, bool);

/// Counts the rows of `source` that pass its conditions (and each count's own, if it has one:
/// see `Plan::counts_only`) into the one global group, without handing rows on one by one. With
/// zone maps, a block of rows is skipped when the table's conditions pass none of its rows, and
/// added to a count whole when they and the count's own pass all of them; without, a whole
/// table's count is its size.
#[inline(never)]
fn count_only<'r>(
    storage: &SandboxStorage,
    source: &'r Source,
    counts: &[Count],
    tuple: &[&'r [Value]],
    groups: &mut Groups<'r>,
) -> Result<()> {
    let mut tuple = tuple.to_vec();
    let candidates = source.candidates(storage, &tuple);
    storage.count_rows(candidates.len() as u64)?;
    tuple.push(&[]);
    let at = tuple.len() - 1;
    let table = source.filter.iter().chain(&source.after);
    let verdicts = |own: Option<&Condition>| {
        let mut conditions = table.clone().chain(own).peekable();
        match conditions.peek() {
            // No condition: every row passes.
            None => Some(None),
            Some(_) => source
                .verdicts(
                    storage,
                    at,
                    conditions.map(|condition| condition.quick.as_ref()),
                )
                .map(Some),
        }
    };
    // Per block (the table as one when there are no maps), what the table's conditions and
    // each count's say of its rows.
    let base = verdicts(None);
    let own: Vec<_> = counts.iter().map(|(count, _)| verdicts(*count)).collect();
    let map = std::iter::once(&base)
        .chain(&own)
        .find_map(|found| found.as_ref().and_then(|found| found.as_ref()))
        .map(|(map, _)| Rc::clone(map));
    let verdict = |of: &Option<Option<(Rc<ZoneMap>, Vec<Verdict>)>>, block: usize| match of {
        Some(None) => Verdict::All,
        Some(Some((_, verdicts))) => verdicts[block],
        None => Verdict::Some,
    };
    let blocks: Box<dyn Iterator<Item = (usize, RowsOf<'r>)>> = match &map {
        Some(map) => Box::new(map.blocks().iter().map(|block| {
            let rows: RowsOf<'r> = Box::new(block.of_rows(source.rows));
            (block.rows, rows)
        })),
        None => Box::new(std::iter::once((
            candidates.len(),
            Box::new(candidates) as RowsOf<'r>,
        ))),
    };
    let mut totals = vec![0; counts.len()];
    let mut first = None;
    for (index, (size, mut rows)) in blocks.enumerate() {
        let base = verdict(&base, index);
        if base == Verdict::None {
            continue;
        }
        let own: Vec<Verdict> = own
            .iter()
            .map(|own| verdict(own, index).min(base))
            .collect();
        for (total, own) in totals.iter_mut().zip(&own) {
            if *own == Verdict::All {
                *total += size;
            }
        }
        // The rows are read when a count needs them tested, or for the first that passes.
        let testing = own.contains(&Verdict::Some);
        if !testing && first.is_some() {
            continue;
        }
        for row in &mut rows {
            tuple[at] = row;
            if base == Verdict::Some
                && !(passes(&source.filter, &tuple)? && passes(&source.after, &tuple)?)
            {
                continue;
            }
            first.get_or_insert_with(|| tuple.clone());
            if !testing {
                break;
            }
            for ((total, own), (count, _)) in totals.iter_mut().zip(&own).zip(counts) {
                if *own == Verdict::Some
                    && count.map_or(Ok(true), |own| passes(std::slice::from_ref(own), &tuple))?
                {
                    *total += 1;
                }
            }
        }
    }
    for ((slot, total), (_, sum)) in groups.slots.iter_mut().zip(totals).zip(counts) {
        let kind = match sum {
            true if first.is_none() => Kind::Sum(Value::Null),
            true => Kind::Sum(Value::I64(total as i64)),
            false => Kind::Count {
                wildcard: true,
                count: total as i64,
            },
        };
        *slot = Some(Accumulator {
            kind,
            distinct: None,
        });
    }
    if let Some(first) = first {
        groups.represent(0, &first);
    }
    Ok(())
}

/// The first `wanted` rows in a query's order, among the rows offered so far: each row is kept
/// with its sort keys and its position, which breaks ties as GlueSQL's stable sort does. Once
/// twice as many are kept, they are sorted and all but the first `wanted` dropped; the last of
/// those is the bar: a later row that does not sort before it is dropped before its output is
/// copied.
///
/// Every offered row is computed as `Plan::emit` computes it (its outputs, then its sort keys),
/// so an error any row meets is met. A sort key that cannot be a key (GlueSQL's error in
/// `ordered`) is reported once every row is computed, as there.
struct Leading {
    wanted: usize,
    rows: Vec<Ranked>,
    bar: Option<Vec<(Key, Option<bool>)>>,
    /// Rows kept so far: the next one's position.
    offered: usize,
    key_error: Option<gluesql::core::error::Error>,
}

/// A row with its sort keys and its position among the rows sorted, which breaks ties.
pub(crate) type Ranked = (Vec<(Key, Option<bool>)>, usize, Vec<Value>);

/// Two rows in the query's order (GlueSQL's stable sort: ties keep their positions).
pub(crate) fn ranked_order((a, i, _): &Ranked, (b, j, _): &Ranked) -> Ordering {
    sort_by(a, b).then(i.cmp(j))
}

impl Leading {
    fn offer(&mut self, plan: &Plan, tuple: &[&[Value]]) -> Result<()> {
        // Outputs that are not a column or a constant, computed; none, most often.
        let mut computed = Vec::new();
        if plan.output.iter().any(|node| node.direct(tuple).is_none()) {
            for node in &plan.output {
                computed.push(match node.direct(tuple) {
                    Some(_) => None,
                    None => Some(Value::try_from(node.eval(tuple, &[])?)?),
                });
            }
        }
        let output = |at: usize| match computed.get(at) {
            Some(Some(value)) => value,
            _ => plan.output[at].direct(tuple).expect("a direct output"),
        };
        let mut keys = Vec::with_capacity(plan.order.len());
        let mut unkeyed = None;
        for (sort, asc) in &plan.order {
            let value = match sort {
                Sort::Output(at) => output(*at).clone(),
                Sort::Node(node) => Value::try_from(node.eval(tuple, &[])?)?,
            };
            match Key::try_from(value) {
                Ok(key) => keys.push((key, *asc)),
                Err(error) => unkeyed = unkeyed.or(Some(error)),
            }
        }
        if let Some(error) = unkeyed {
            self.key_error.get_or_insert(error);
            return Ok(());
        }
        if self
            .bar
            .as_ref()
            .is_some_and(|bar| sort_by(&keys, bar) != Ordering::Less)
        {
            return Ok(());
        }
        let row = (0..plan.output.len())
            .map(|at| output(at).clone())
            .collect();
        self.rows.push((keys, self.offered, row));
        self.offered += 1;
        if self.rows.len() >= 2 * self.wanted {
            // Sorted rather than selected: the module has one sort of ranked rows, and no
            // selection (3 KB less to download; the latest 20 of 100k rows stored oldest first,
            // each of which beats the bar, take ~14 ms instead of ~11).
            self.rows.sort_unstable_by(ranked_order);
            self.rows.truncate(self.wanted);
            self.bar = Some(self.rows[self.wanted - 1].0.clone());
        }
        Ok(())
    }

    fn rows(mut self, offset: usize) -> Result<Vec<Vec<Value>>> {
        if let Some(error) = self.key_error {
            return Err(error);
        }
        self.rows.sort_unstable_by(ranked_order);
        Ok(self
            .rows
            .into_iter()
            .skip(offset)
            .take(self.wanted - offset)
            .map(|(_, _, row)| row)
            .collect())
    }
}

/// Sorts as GlueSQL's `ORDER BY` does (a stable sort on its keys), keeps the first of equal
/// rows under `DISTINCT` as its distinct step does, then skips and limits.
#[inline(never)]
fn ordered(
    plan: &Plan,
    rows: Vec<(Vec<Value>, Vec<Value>)>,
    deduplicated: bool,
) -> Result<Vec<Vec<Value>>> {
    let order = &plan.order;
    let mut rows = if order.is_empty() {
        rows.into_iter().map(|(row, _)| row).collect()
    } else {
        let mut ranked = rows
            .into_iter()
            .enumerate()
            .map(|(position, (row, keys))| {
                let keys = keys
                    .into_iter()
                    .zip(order)
                    .map(|(value, (_, asc))| Ok((Key::try_from(value)?, *asc)))
                    .collect::<Result<Vec<_>>>()?;
                Ok((keys, position, row))
            })
            .collect::<Result<Vec<Ranked>>>()?;
        // The position breaks ties: the order of a stable sort, with the one sort of ranked
        // rows the module has (see `Leading`).
        ranked.sort_unstable_by(ranked_order);
        ranked
            .into_iter()
            .map(|(_, _, row)| row)
            .collect::<Vec<_>>()
    };
    if plan.distinct && !deduplicated {
        let mut seen = FastSet::default();
        rows.retain(|row| seen.insert(row.clone()));
    }
    Ok(rows
        .into_iter()
        .skip(plan.offset)
        .take(plan.limit.unwrap_or(usize::MAX))
        .collect())
}

/// An output row and the values it sorts by.
type Emitted = (Vec<Value>, Vec<Value>);

/// The rows kept under DISTINCT, by the hash of their values: the last kept row of each hash,
/// and for each kept row the one of the same hash kept before it (no vector per row: most
/// hashes have one).
#[derive(Default)]
struct Seen {
    latest: FastMap<u64, usize>,
    same_hash: Vec<Option<usize>>,
}

/// A constant `LIMIT` or `OFFSET`: `Some(None)` when absent, `None` when not a plain count.
fn count(expr: Option<&Expr>) -> Option<Option<usize>> {
    let Some(expr) = expr else {
        return Some(None);
    };
    let Expr::Literal(Literal::Number(number)) = expr else {
        return None;
    };
    ordinal(number).map(Some)
}

/// A number that can be a position (`ORDER BY 2`) or a count (`LIMIT 10`).
fn ordinal(number: &bigdecimal::BigDecimal) -> Option<usize> {
    usize::try_from(crate::sql::integer(number)?).ok()
}

/// Whether GlueSQL may answer `filter` from the table's primary key without a scan.
fn looks_up_key(storage: &SandboxStorage, table: &str, filter: Option<&Expr>) -> bool {
    let key = storage.item(table).and_then(|item| {
        let columns = item.schema.column_defs.as_ref()?;
        columns
            .iter()
            .find(|column| column.unique.as_ref().is_some_and(|u| u.is_primary))
    });
    matches!((key, filter), (Some(key), Some(filter)) if compares_with(filter, &key.name))
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

/// The `AND`ed parts of a condition.
/// `target [NOT] IN (items)` as GlueSQL's (patched) IN: a NULL target is NULL, and so is no
/// match among items holding a NULL.
fn in_values<'a>(
    target: Evaluated<'a>,
    items: impl Iterator<Item = Result<Evaluated<'a>>>,
    negated: bool,
) -> Result<Evaluated<'a>> {
    if target.is_null() {
        return Ok(target);
    }
    let mut saw_null = false;
    for item in items {
        let item = item?;
        saw_null |= item.is_null();
        if !item.is_null() {
            comparable(&target, "=", &item)?;
        }
        if item.evaluate_eq(&target).is_true() {
            return Ok(Evaluated::Value(Cow::Owned(Value::Bool(!negated))));
        }
    }
    let answer = if saw_null {
        Value::Null
    } else {
        Value::Bool(negated)
    };
    Ok(Evaluated::Value(Cow::Owned(answer)))
}

/// Puts a condition of a query at `depth` where its last table is: tested as that table's rows
/// are read when it reads that table alone, else once that table is joined. A table a LEFT JOIN
/// pads with NULLs must keep its rows until the padding is done; a condition on enclosing rows
/// is tested with them.
fn place<'q>(sources: &mut [Source<'q>], condition: Condition<'q>, depth: usize) {
    let all = condition.node.tables();
    let tables = all >> depth;
    let last = (u64::BITS - tables.leading_zeros()).saturating_sub(1) as usize;
    let source = &mut sources[last];
    if tables == 1 << last
        && all >> depth << depth == all
        && source.join.as_ref().is_none_or(|link| !link.outer)
    {
        source.filter.push(condition);
    } else {
        source.after.push(condition);
    }
}

/// Adds to each table the tests its join equalities imply ([`Implied`]). Forward, `a.x = b.x`
/// with a condition on `a.x` (tested before `b` is joined): a row of `b` whose `b.x` fails it
/// meets no row of `a` that reaches the join, whether the join is inner or outer. Backward, an
/// inner join's own condition on `b.x`: a row of `a` (not padded by an outer join) whose `a.x`
/// fails it finds no row of `b` and the inner join drops it. Integer ranges of a first table's
/// key and the zone maps then leave out what cannot join (`gifts g JOIN chat_messages m ON
/// m.stream_id = g.stream_id WHERE g.stream_id = 9` reads only the chat of stream 9).
fn imply_through_joins(sources: &mut [Source], depth: usize) {
    // (joined table's position, earlier table's position and column, joined table's column)
    let mut equalities = Vec::new();
    for (position, source) in sources.iter().enumerate().skip(1) {
        let Some(link) = &source.join else {
            continue;
        };
        let this = depth + position;
        let mut pairs: Vec<(&Node, &Node)> = Vec::new();
        if let Some((probe, build)) = &link.key {
            pairs.push((probe, build));
        }
        for condition in &link.residual {
            if let Node::Binary(left, BinaryOperator::Eq, right) = &condition.node {
                pairs.push((left, right));
            }
        }
        for pair in pairs {
            if let (&Node::Column(a, i), &Node::Column(b, j)) = pair {
                let ((t, i), (u, j)) = if b == this {
                    ((a, i), (b, j))
                } else {
                    ((b, j), (a, i))
                };
                if u == this && (depth..this).contains(&t) {
                    equalities.push((position, t - depth, i, j));
                }
            }
        }
    }
    // Later joins first, so that what one implies for the table before it goes on backward.
    for &(position, earlier, i, j) in equalities.iter().rev() {
        let inner = !sources[position]
            .join
            .as_ref()
            .is_some_and(|link| link.outer);
        let padded = sources[earlier]
            .join
            .as_ref()
            .is_some_and(|link| link.outer);
        if inner && !padded {
            imply(sources, (position, j), (earlier, i), depth, usize::MAX);
        }
    }
    for &(position, earlier, i, j) in &equalities {
        imply(sources, (earlier, i), (position, j), depth, position);
    }
}

/// Adds to the table at `to` (position, column) the tests the table at `from` has of its
/// column, except those it was given by the table at `skip`.
fn imply(
    sources: &mut [Source],
    from: (usize, usize),
    to: (usize, usize),
    depth: usize,
    skip: usize,
) {
    let source = &sources[from.0];
    let mut tests = Vec::new();
    let own = source.filter.iter().chain(&source.after);
    let given = source.implied.iter().filter(|implied| implied.from != skip);
    for quick in own
        .filter_map(|condition| condition.quick.as_ref())
        .chain(given.map(|implied| &implied.quick))
    {
        if (quick.table, quick.index) == (depth + from.0, from.1)
            && !matches!(quick.test, Test::Null(_))
        {
            tests.push(Implied {
                quick: Quick {
                    table: depth + to.0,
                    index: to.1,
                    test: quick.test.clone(),
                },
                from: from.0,
            });
        }
    }
    sources[to.0].implied.extend(tests);
}

/// The rows of the blocks the zone maps did not rule out.
fn unruled_blocks<'z, 'r: 'z>(
    map: &'z ZoneMap,
    verdicts: &'z [Verdict],
    rows: &'r Rows,
) -> impl Iterator<Item = &'r [Value]> + 'z {
    map.blocks()
        .iter()
        .zip(verdicts)
        .filter(|(_, verdict)| **verdict != Verdict::None)
        .flat_map(|(zone, _)| zone.of_rows(rows))
}

/// Whether a row surely fails a test its table's joins imply.
#[inline]
fn ruled_out(implied: &[Implied], tuple: &[&[Value]]) -> bool {
    implied
        .iter()
        .any(|implied| implied.quick.test(tuple) == Some(false))
}

fn conjuncts(expr: Option<&Expr>) -> Vec<&Expr> {
    fn split<'e>(expr: &'e Expr, parts: &mut Vec<&'e Expr>) {
        match expr {
            Expr::BinaryOp {
                left,
                op: BinaryOperator::And,
                right,
            } => {
                split(left, parts);
                split(right, parts);
            }
            Expr::Nested(inner) => split(inner, parts),
            _ => parts.push(expr),
        }
    }
    let mut parts = Vec::new();
    if let Some(expr) = expr {
        split(expr, &mut parts);
    }
    parts
}

impl<'q> Source<'q> {
    /// The rows of a joined table by join key (or all of them, without one), those its own
    /// conditions reject left out, and those with a key not `wanted`, when that is known.
    #[inline(never)]
    fn build<'r>(
        &'r self,
        storage: &SandboxStorage,
        position: usize,
        wanted: Option<&FastSet<Key>>,
    ) -> Result<Lookup<'r>>
    where
        'q: 'r,
    {
        let link = self.join.as_ref().expect("joined tables have a link");
        let mut table: FastMap<Key, Matches> = FastMap::default();
        let mut every = Vec::new();
        let mut tuple: Vec<&[Value]> = vec![&[]; position + 1];
        // A block of rows none of which can pass or join is not read.
        let conditions = self.filter.iter().map(|condition| condition.quick.as_ref());
        let implied = self.implied.iter().map(|implied| Some(&implied.quick));
        let zoned = self.verdicts(storage, position, conditions.chain(implied));
        let rows: Box<dyn Iterator<Item = &'r [Value]> + '_> = match &zoned {
            Some((map, verdicts)) => Box::new(unruled_blocks(map, verdicts, self.rows)),
            None => Box::new(self.rows.values().map(Vec::as_slice)),
        };
        for row in rows {
            storage.count_row()?;
            tuple[position] = row;
            if ruled_out(&self.implied, &tuple) || !passes(&self.filter, &tuple)? {
                continue;
            }
            let Some((_, build)) = &link.key else {
                every.push(row);
                continue;
            };
            let key = join_key(build, &tuple)?;
            if !matches!(key, Key::None) && wanted.is_none_or(|wanted| wanted.contains(&key)) {
                match table.entry(key) {
                    Entry::Occupied(mut rows) => rows.get_mut().push(row),
                    Entry::Vacant(rows) => {
                        rows.insert(Matches::One(row));
                    }
                }
            }
        }
        Ok(match &link.key {
            Some((probe, _)) => Lookup::ByKey(probe, table),
            None => Lookup::Every(every),
        })
    }
}

/// The key a row joins on, as GlueSQL's hash join makes it; an integer column's without a copy
/// of its value.
fn join_key(node: &Node, tuple: &[&[Value]]) -> Result<Key> {
    match node.direct(tuple) {
        Some(Value::I64(n)) => Ok(Key::I64(*n)),
        Some(Value::Timestamp(at)) => Ok(Key::Timestamp(*at)),
        _ => evaluated_join_key(node, tuple),
    }
}

/// [`join_key`] of anything but an integer column, out of line: the integer keys of the usual
/// joins then take a small function of their own.
#[inline(never)]
fn evaluated_join_key(node: &Node, tuple: &[&[Value]]) -> Result<Key> {
    Ok(number_key(Key::try_from(Value::try_from(
        node.eval(tuple, &[])?,
    )?)?))
}

/// The join of a plan's tables, one depth per table.
struct Joins<'r, 'q> {
    plan: &'r Plan<'q>,
    tables: Vec<Lookup<'r>>,
}

/// How a joined table's rows are found for the rows before it.
enum Lookup<'r> {
    /// By the key `probe` takes over the rows before.
    ByKey(&'r Node<'r>, FastMap<Key, Matches<'r>>),
    Every(Vec<&'r [Value]>),
}

/// The rows of one join key. Most keys (a dimension's) have one row, kept without a vector of
/// its own: a vector per key was a fifth of building a table of 50,000 keys.
enum Matches<'r> {
    One(&'r [Value]),
    Many(Vec<&'r [Value]>),
}

impl<'r> Matches<'r> {
    fn push(&mut self, row: &'r [Value]) {
        match self {
            Matches::One(first) => *self = Matches::Many(vec![*first, row]),
            Matches::Many(rows) => rows.push(row),
        }
    }

    fn as_slice(&self) -> &[&'r [Value]] {
        match self {
            Matches::One(row) => std::slice::from_ref(row),
            Matches::Many(rows) => rows,
        }
    }
}

/// Takes each joined row; breaks when it needs no more.
type Sink<'s, 'r> = dyn FnMut(&[&'r [Value]]) -> Result<ControlFlow<()>> + 's;

impl<'r, 'q: 'r> Joins<'r, 'q> {
    #[inline(never)]
    fn first(&self, tuple: &mut Vec<&'r [Value]>, sink: &mut Sink<'_, 'r>) -> Result<()> {
        let source = &self.plan.sources[0];
        let storage = self.plan.storage;
        let candidates = source.candidates(storage, tuple);
        tuple.push(&[]);
        let at = tuple.len() - 1;
        // A block of rows none of which can pass is not read (a range of keys reads fewer).
        let zoned = match candidates {
            Candidates::All(_) => source.zoned(storage, at),
            _ => None,
        };
        let mut rows: Box<dyn Iterator<Item = &'r [Value]> + '_> = match &zoned {
            Some((map, verdicts)) => Box::new(unruled_blocks(map, verdicts, source.rows)),
            None => Box::new(candidates),
        };
        for row in &mut rows {
            storage.count_row()?;
            tuple[at] = row;
            if !ruled_out(&source.implied, tuple)
                && passes(&source.filter, tuple)?
                && passes(&source.after, tuple)?
                && self.next(tuple, sink)?.is_break()
            {
                break;
            }
        }
        tuple.pop();
        Ok(())
    }

    /// Joins the table after those in `tuple`, or hands a complete row to `sink`.
    fn next(
        &self,
        tuple: &mut Vec<&'r [Value]>,
        sink: &mut Sink<'_, 'r>,
    ) -> Result<ControlFlow<()>> {
        let position = tuple.len() - self.plan.depth;
        let Some(source) = self.plan.sources.get(position) else {
            return sink(tuple);
        };
        let link = source.join.as_ref().expect("joined tables have a link");
        let matches: &[&[Value]] = match &self.tables[position - 1] {
            Lookup::ByKey(probe, table) => match join_key(probe, tuple)? {
                Key::None => &[],
                key => table.get(&key).map_or(&[], Matches::as_slice),
            },
            Lookup::Every(rows) => rows,
        };
        let mut matched = false;
        for &row in matches {
            // Each pair counts, so a join that multiplies rows out of bounds is stopped.
            self.plan.storage.count_row()?;
            tuple.push(row);
            let mut flow = ControlFlow::Continue(());
            if passes(&link.residual, tuple)? {
                matched = true;
                if passes(&source.after, tuple)? {
                    flow = self.next(tuple, sink)?;
                }
            }
            tuple.pop();
            if flow.is_break() {
                return Ok(flow);
            }
        }
        let mut flow = ControlFlow::Continue(());
        if link.outer && !matched {
            tuple.push(&[]);
            if passes(&source.after, tuple)? {
                flow = self.next(tuple, sink)?;
            }
            tuple.pop();
        }
        Ok(flow)
    }
}

impl<'q> Scope<'q> {
    /// Adds a stored table to the scope and returns its rows. Schemaless tables stay with
    /// GlueSQL, and so do tables with an index, which it may answer without a scan.
    /// The values of a subquery that reads a one-column table whole (`SELECT * FROM t`, as the
    /// pipeline leaves an `IN (...)` it computed once), in place.
    fn stored_column(&self, query: &'q Query) -> Option<Vec<&'q Value>> {
        let Query {
            body: SetExpr::Select(select),
            order_by,
            limit: None,
            offset: None,
        } = query
        else {
            return None;
        };
        let Select {
            distinct: false,
            projection: Projection::SelectItems(items),
            from,
            selection: None,
            group_by,
            having: None,
        } = select.as_ref()
        else {
            return None;
        };
        let TableFactor::Table { name, .. } = &from.relation else {
            return None;
        };
        if !order_by.is_empty()
            || !from.joins.is_empty()
            || !group_by.is_empty()
            || !matches!(items.as_slice(), [SelectItem::Wildcard])
        {
            return None;
        }
        let item = self.storage?.item(name)?;
        if item.schema.column_defs.as_ref()?.len() != 1 {
            return None;
        }
        Some(item.rows.values().map(|row| &row[0]).collect())
    }

    fn add(
        &mut self,
        storage: &'q SandboxStorage,
        table: &'q str,
        alias: Option<&'q str>,
    ) -> Option<&'q Rows> {
        let item = storage.item(table)?;
        let columns = item.schema.column_defs.as_ref()?;
        if !item.schema.indexes.is_empty() {
            return None;
        }
        self.tables.push((
            alias.unwrap_or(table),
            columns.iter().map(|column| column.name.as_str()).collect(),
        ));
        Some(&item.rows)
    }

    /// A joined table: its `ON` condition split into the key equality, conditions on the table
    /// alone and the rest.
    fn join(&mut self, storage: &'q SandboxStorage, join: &'q Join) -> Option<Source<'q>> {
        let Join {
            relation: TableFactor::Table { name, alias },
            join_operator,
        } = join
        else {
            return None;
        };
        let (outer, constraint) = match join_operator {
            JoinOperator::Inner(constraint) => (false, constraint),
            JoinOperator::LeftOuter(constraint) => (true, constraint),
        };
        let on = match constraint {
            JoinConstraint::On(on) => Some(on),
            JoinConstraint::None => None,
        };
        let alias = alias.as_ref().map(|alias| alias.name.as_str());
        let rows = self.add(storage, name, alias)?;
        let this = 1u64 << (self.tables.len() - 1);
        let mut filter = Vec::new();
        let mut key = None;
        let mut residual = Vec::new();
        for condition in conjuncts(on) {
            if let (
                None,
                Expr::BinaryOp {
                    left,
                    op: BinaryOperator::Eq,
                    right,
                },
            ) = (&key, condition)
            {
                let (left, right) = (self.compile(left)?, self.compile(right)?);
                let earlier = |node: &Node| node.tables() != 0 && node.tables() < this;
                if earlier(&left) && right.tables() == this {
                    key = Some((left, right));
                    continue;
                }
                if earlier(&right) && left.tables() == this {
                    key = Some((right, left));
                    continue;
                }
            }
            let condition = self.compile(condition)?;
            if matches!(
                condition,
                Node::Value(Value::Bool(true)) | Node::Constant(Value::Bool(true))
            ) {
                // `ON TRUE`, as a cross join is written: nothing to test.
                continue;
            }
            if condition.tables() == this {
                filter.push(Condition::new(condition));
            } else {
                residual.push(Condition::new(condition));
            }
        }
        Some(Source {
            table: name,
            rows,
            filter,
            after: Vec::new(),
            join: Some(Link {
                outer,
                key,
                residual,
            }),
            correlation: None,
            key: None,
            implied: Vec::new(),
        })
    }

    /// The column of that name in the innermost query that has one, if only one table there
    /// has it.
    fn column(&self, alias: Option<&str>, name: &str) -> Option<Node<'q>> {
        let mut end = self.tables.len();
        for &start in self.levels.iter().rev() {
            let mut found = (start..end).filter_map(|table| {
                let (named, columns) = &self.tables[table];
                if alias.is_some_and(|alias| alias != *named) {
                    return None;
                }
                let index = columns.iter().position(|column| *column == name)?;
                Some(Node::Column(table, index))
            });
            if let Some(column) = found.next() {
                return found.next().is_none().then_some(column);
            }
            end = start;
        }
        None
    }

    /// A subquery's plan: it sees this query's tables, and has aggregates of its own.
    fn subquery(&self, query: &'q Query) -> Option<Subquery<'q>> {
        let inner = Scope {
            storage: self.storage,
            tables: self.tables.clone(),
            levels: self.levels.clone(),
            aggregates: None,
        };
        Some(Subquery {
            plan: Plan::nested(self.storage?, query, inner)?,
            last: RefCell::new(None),
        })
    }

    /// An `ORDER BY` item: a position, an output column's name when no table column has it (as
    /// GlueSQL looks names up), or an expression.
    fn sort(&mut self, by: &'q OrderByExpr, labels: &[String]) -> Option<Sort<'q>> {
        let position = match &by.expr {
            Expr::Literal(Literal::Number(number)) => Some(ordinal(number)?),
            Expr::UnaryOp {
                op: UnaryOperator::Plus,
                expr,
            } => match expr.as_ref() {
                Expr::Literal(Literal::Number(number)) => Some(ordinal(number)?),
                _ => None,
            },
            _ => None,
        };
        if let Some(position) = position {
            let position: usize = position;
            return (1..=labels.len())
                .contains(&position)
                .then_some(Sort::Output(position - 1));
        }
        if let Expr::Identifier(name) = &by.expr {
            let named = |scope: &Self| {
                scope
                    .tables
                    .iter()
                    .any(|(_, columns)| columns.contains(&name.as_str()))
            };
            if !named(self) {
                return labels
                    .iter()
                    .position(|label| label == name)
                    .map(Sort::Output);
            }
        }
        self.compile(&by.expr).map(Sort::Node)
    }

    /// `Some(None)` for an absent expression, `None` for one that cannot be compiled.
    fn optional(&mut self, expr: Option<&'q Expr>) -> Option<Option<Node<'q>>> {
        match expr {
            None => Some(None),
            Some(expr) => self.compile(expr).map(Some),
        }
    }

    fn list(&mut self, exprs: &'q [Expr]) -> Option<Vec<Node<'q>>> {
        exprs.iter().map(|e| self.compile(e)).collect()
    }

    /// A condition of `WHERE` as the conditions it is: `column BETWEEN low AND high` is
    /// `column >= low` and `column <= high` (as PostgreSQL defines it), two comparisons with a
    /// quick test each instead of one general one.
    fn conditions(&mut self, expr: &'q Expr) -> Option<Vec<Node<'q>>> {
        static AT_LEAST: BinaryOperator = BinaryOperator::GtEq;
        static AT_MOST: BinaryOperator = BinaryOperator::LtEq;
        if let Expr::Between {
            expr: target,
            negated: false,
            low,
            high,
        } = expr
        {
            if matches!(
                **target,
                Expr::Identifier(_) | Expr::CompoundIdentifier { .. }
            ) {
                let mut boxed = |expr| self.compile(expr).map(Box::new);
                let from = Node::Binary(boxed(target)?, &AT_LEAST, boxed(low)?);
                let to = Node::Binary(boxed(target)?, &AT_MOST, boxed(high)?);
                return Some(vec![fold(from), fold(to)]);
            }
        }
        Some(vec![self.compile(expr)?])
    }

    fn compile(&mut self, expr: &'q Expr) -> Option<Node<'q>> {
        let boxed = |scope: &mut Self, expr| scope.compile(expr).map(Box::new);
        Some(match expr {
            Expr::Identifier(name) => self.column(None, name)?,
            Expr::CompoundIdentifier { alias, ident } => self.column(Some(alias), ident)?,
            Expr::Literal(value) => Node::Literal(value),
            Expr::Value(value) => Node::Value(value),
            Expr::Nested(inner) => self.compile(inner)?,
            Expr::BinaryOp { left, op, right } => {
                let (mut left, mut right) = (boxed(self, left)?, boxed(self, right)?);
                if arithmetic(op).is_some() {
                    left = number_beside_column(left, &right);
                    right = number_beside_column(right, &left);
                }
                fold(Node::Binary(left, op, right))
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
            } => Node::InList(boxed(self, expr)?, self.list(list)?, *negated),
            like @ (Expr::Like {
                expr,
                negated,
                pattern,
            }
            | Expr::ILike {
                expr,
                negated,
                pattern,
            }) => {
                let pattern = boxed(self, pattern)?;
                let case_sensitive = matches!(like, Expr::Like { .. });
                Node::Like {
                    target: boxed(self, expr)?,
                    prepared: constant_text(&pattern)
                        .map(|text| LikePattern::new(text, case_sensitive)),
                    pattern,
                    negated: *negated,
                    case_sensitive,
                }
            }
            Expr::Regex {
                expr,
                negated,
                pattern,
                case_sensitive,
            } => {
                let pattern = boxed(self, pattern)?;
                Node::Regex {
                    target: boxed(self, expr)?,
                    // One that does not compile fails as GlueSQL has it, on the first row.
                    prepared: constant_text(&pattern)
                        .and_then(|text| RegexPattern::new(text, *case_sensitive).ok())
                        .map(PreparedRegex::new),
                    pattern,
                    negated: *negated,
                    case_sensitive: *case_sensitive,
                }
            }
            Expr::InSubquery {
                expr,
                subquery,
                negated,
            } => {
                let values = self.stored_column(subquery)?;
                Node::InSet(Box::new(InSet::new(self.compile(expr)?, values, *negated)))
            }
            Expr::Function(function) => match function.as_ref() {
                Function::Cast { expr, data_type } => {
                    fold(Node::Cast(boxed(self, expr)?, data_type))
                }
                Function::Coalesce(exprs) if !exprs.is_empty() => {
                    fold(Node::Coalesce(self.list(exprs)?))
                }
                Function::Extract { field, expr } => Node::Extract(field, boxed(self, expr)?),
                Function::Upper(expr) => fold(Node::ChangeCase(true, boxed(self, expr)?)),
                Function::Lower(expr) => fold(Node::ChangeCase(false, boxed(self, expr)?)),
                Function::Custom { name, exprs } => {
                    unit_call(fold(Node::Call(name, self.list(exprs)?)))
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
                    .map(|(when, then)| {
                        let when = self.compile(when)?;
                        // `CASE x WHEN c` compares c with x: c is not a condition of its own.
                        let when = match operand {
                            None => Condition::new(when),
                            Some(_) => Condition {
                                node: when,
                                quick: None,
                            },
                        };
                        Some((when, self.compile(then)?))
                    })
                    .collect::<Option<_>>()?,
                otherwise: self.optional(else_result.as_deref())?.map(Box::new),
            },
            Expr::Subquery(query) => Node::Subquery(Box::new(self.subquery(query)?)),
            Expr::Exists { subquery, negated } => {
                let mut exists = self.subquery(subquery)?;
                // Whether a row exists is known at the first one found, in any order.
                let plan = &mut exists.plan;
                if plan.limit.is_none() && plan.offset == 0 {
                    plan.limit = Some(1);
                    plan.order.clear();
                }
                Node::Exists(Box::new(exists), *negated)
            }
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
                    | AggregateFunction::Avg(expr) => {
                        self.compile(expr).map(|node| Some(literal_results(node)))
                    }
                    AggregateFunction::Ordered(ordered) => match &ordered.args {
                        Expr::Array { elem } => self.list(elem).map(|list| Some(Node::List(list))),
                        _ => None,
                    },
                    // GlueSQL's executor computes the rest.
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

/// An aggregate's argument with the literal results of its `CASE` (`SUM(CASE WHEN ... THEN 1
/// ELSE 0 END)`) made the values the aggregate would make of them, once instead of per row.
fn literal_results(node: Node) -> Node {
    fn value(node: Node) -> Node {
        match node {
            Node::Literal(found) => match Value::try_from(literal(found)) {
                Ok(value) => Node::Constant(value),
                Err(_) => node,
            },
            other => other,
        }
    }
    match node {
        Node::Case {
            operand,
            when_then,
            otherwise,
        } => Node::Case {
            operand,
            when_then: when_then
                .into_iter()
                .map(|(when, then)| (when, value(then)))
                .collect(),
            otherwise: otherwise.map(|node| Box::new(value(*node))),
        },
        other => other,
    }
}

/// A number literal in arithmetic with a column (`viewer_id % 7`) as the value GlueSQL makes of
/// it for the operation, made once instead of for every row; anything else as it is.
fn number_beside_column<'q>(node: Box<Node<'q>>, other: &Node) -> Box<Node<'q>> {
    match (node.as_ref(), other) {
        (Node::Literal(found @ Literal::Number(_)), Node::Column(..)) => {
            match Value::try_from(literal(found)) {
                Ok(value) => Box::new(Node::Constant(value)),
                Err(_) => node,
            }
        }
        _ => node,
    }
}

/// The operation of an arithmetic operator on two values.
fn arithmetic(op: &BinaryOperator) -> Option<fn(&Value, &Value) -> Result<Value>> {
    Some(match op {
        BinaryOperator::Plus => Value::add,
        BinaryOperator::Minus => Value::subtract,
        BinaryOperator::Multiply => Value::multiply,
        BinaryOperator::Divide => Value::divide,
        BinaryOperator::Modulo => Value::modulo,
        _ => return None,
    })
}

/// A call of a function of a unit with a constant unit, as a `UnitCall`; any other node as it is.
fn unit_call(node: Node) -> Node {
    let Node::Call(name, mut arguments) = node else {
        return node;
    };
    let unit = match arguments.first() {
        Some(Node::Literal(Literal::QuotedString(text))) => Some(text),
        Some(Node::Value(Value::Str(text)) | Node::Constant(Value::Str(text))) => Some(text),
        _ => None,
    };
    match unit {
        Some(unit) if arguments.len() == 2 && functions::UNIT_FUNCTIONS.contains(&name) => {
            let unit = functions::field_name(&Value::Str(unit.clone())).expect("text names a unit");
            let source = arguments.pop().expect("two arguments");
            Node::UnitCall(name, unit, Box::new(source))
        }
        _ => Node::Call(name, arguments),
    }
}

/// `NOW() - 30 * INTERVAL '1 day'` is the same for every row: an operation or function (ours
/// are pure: the clock comes in as a value) whose operands are constants is computed once, by
/// the same code that would compute it per row. If that fails, it is left to fail (or not, on
/// an empty table) where it would have.
fn fold(node: Node) -> Node {
    let constant =
        |node: &Node| matches!(node, Node::Literal(_) | Node::Value(_) | Node::Constant(_));
    let operands_constant = match &node {
        Node::Binary(left, _, right) => constant(left) && constant(right),
        Node::Unary(_, operand) | Node::Cast(operand, _) | Node::ChangeCase(_, operand) => {
            constant(operand)
        }
        Node::Coalesce(arguments) | Node::Call(_, arguments) => arguments.iter().all(constant),
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
    /// The tables an expression reads, one bit per position in the `FROM` chain.
    fn tables(&self) -> u64 {
        let all = |nodes: &[Node]| nodes.iter().fold(0, |tables, node| tables | node.tables());
        match self {
            Node::Column(table, _) => 1 << table,
            Node::Literal(_) | Node::Value(_) | Node::Constant(_) | Node::Aggregate(_) => 0,
            // Evaluated once every enclosing table is joined.
            Node::Subquery(subquery) | Node::Exists(subquery, _) => (1 << subquery.plan.depth) - 1,
            Node::Binary(left, _, right) => left.tables() | right.tables(),
            Node::Unary(_, expr)
            | Node::ChangeCase(_, expr)
            | Node::IsNull(expr, _)
            | Node::Cast(expr, _)
            | Node::Extract(_, expr)
            | Node::UnitCall(_, _, expr) => expr.tables(),
            Node::Between {
                target, low, high, ..
            } => target.tables() | low.tables() | high.tables(),
            Node::InList(target, list, _) => target.tables() | all(list),
            Node::Like {
                target, pattern, ..
            }
            | Node::Regex {
                target, pattern, ..
            } => target.tables() | pattern.tables(),
            Node::InSet(set) => set.target.tables(),
            Node::Coalesce(list) | Node::Call(_, list) | Node::List(list) => all(list),
            Node::Case {
                operand,
                when_then,
                otherwise,
            } => {
                let pairs = when_then.iter().fold(0, |tables, (when, then)| {
                    tables | when.node.tables() | then.tables()
                });
                pairs
                    | operand.as_ref().map_or(0, |node| node.tables())
                    | otherwise.as_ref().map_or(0, |node| node.tables())
            }
        }
    }

    /// The value a column or constant stands for, found without evaluating anything.
    fn direct<'a>(&'a self, tuple: &[&'a [Value]]) -> Option<&'a Value>
    where
        'q: 'a,
    {
        match self {
            Node::Column(table, index) => Some(column(tuple, *table, *index)),
            Node::Value(value) => Some(value),
            Node::Constant(value) => Some(value),
            _ => None,
        }
    }

    /// The value of arithmetic on integer columns and constants, computed on machine integers
    /// as GlueSQL's operations on two integers compute it; `None` when an operand is anything
    /// else (NULL among them) or an operation overflows or divides by zero: `eval` then gives
    /// the value or the error.
    fn integer(&self, tuple: &[&[Value]]) -> Option<i64> {
        match self {
            Node::Column(table, index) => match column(tuple, *table, *index) {
                Value::I64(value) => Some(*value),
                _ => None,
            },
            Node::Value(Value::I64(value)) | Node::Constant(Value::I64(value)) => Some(*value),
            Node::Binary(left, op, right) => {
                let operation = match op {
                    BinaryOperator::Plus => i64::checked_add,
                    BinaryOperator::Minus => i64::checked_sub,
                    BinaryOperator::Multiply => i64::checked_mul,
                    BinaryOperator::Divide => i64::checked_div,
                    BinaryOperator::Modulo => i64::checked_rem,
                    _ => return None,
                };
                operation(left.integer(tuple)?, right.integer(tuple)?)
            }
            _ => None,
        }
    }

    /// Evaluates against a row (the group's first row in a grouped output) and the group's
    /// aggregate values.
    fn eval<'a>(&'a self, tuple: &[&'a [Value]], aggregated: &'a [Value]) -> Result<Evaluated<'a>>
    where
        'q: 'a,
    {
        let eval = |node: &'a Node<'q>| node.eval(tuple, aggregated);
        let value = |value: Value| Ok(Evaluated::Value(Cow::Owned(value)));
        match self {
            Node::Column(table, index) => Ok(Evaluated::Value(Cow::Borrowed(column(
                tuple, *table, *index,
            )))),
            Node::Literal(literal_value) => Ok(literal(literal_value)),
            Node::Value(v) => Ok(Evaluated::Value(Cow::Borrowed(v))),
            Node::Constant(v) => Ok(Evaluated::Value(Cow::Borrowed(v))),
            Node::Aggregate(slot) => Ok(Evaluated::Value(Cow::Borrowed(&aggregated[*slot]))),
            Node::Binary(left, op, right) => match compare_plain(left, op, right, tuple) {
                Some(holds) => value(Value::Bool(holds)),
                None => {
                    if let Some(integer) = self.integer(tuple) {
                        return value(Value::I64(integer));
                    }
                    let (left, right) = (eval(left)?, eval(right)?);
                    // Arithmetic on two values is the value operation GlueSQL's `binary_op`
                    // would end in, without the steps that other operands need.
                    match (&left, &right, arithmetic(op)) {
                        (Evaluated::Value(left), Evaluated::Value(right), Some(operation)) => {
                            if left.is_null() || right.is_null() {
                                value(Value::Null)
                            } else {
                                value(operation(left, right)?)
                            }
                        }
                        _ => match integer_against_literal(op, &left, &right) {
                            Some(holds) => value(Value::Bool(holds)),
                            None => binary_op(op, left, right),
                        },
                    }
                }
            },
            Node::IsNull(expr, negated) => value(Value::Bool(eval(expr)?.is_null() ^ negated)),
            Node::Unary(op, expr) => unary_op(op, eval(expr)?),
            Node::Between {
                target,
                negated,
                low,
                high,
            } => between(&eval(target)?, *negated, &eval(low)?, &eval(high)?),
            Node::InList(target, list, negated) => {
                in_values(eval(target)?, list.iter().map(eval), *negated)
            }
            Node::ChangeCase(upper, expr) => change_case(*upper, eval(expr)?),
            Node::Like {
                target,
                pattern,
                negated,
                case_sensitive,
                prepared,
            } => {
                let target = eval(target)?;
                if let (Some(prepared), Some(text)) = (prepared, text(&target)) {
                    return value(Value::Bool(prepared.matches(text) ^ negated));
                }
                let matched = target.like(eval(pattern)?, *case_sensitive)?;
                // As GlueSQL's executor negates it.
                match negated {
                    false => Ok(matched),
                    true => value(Value::from(
                        matched.evaluate_eq(&Evaluated::Value(Cow::Owned(Value::Bool(false)))),
                    )),
                }
            }
            Node::Regex {
                target,
                pattern,
                negated,
                case_sensitive,
                prepared,
            } => {
                let target = eval(target)?;
                if let (Some(prepared), Some(text)) = (prepared, text(&target)) {
                    return value(Value::Bool(prepared.matches(text) ^ negated));
                }
                target.regex(eval(pattern)?, *negated, *case_sensitive)
            }
            Node::InSet(set) => {
                let target = eval(&set.target)?;
                if let (Some(integers), Evaluated::Value(found)) = (&set.integers, &target) {
                    if let Value::I64(integer) = found.as_ref() {
                        let answer = if integers.contains(integer) {
                            Value::Bool(!set.negated)
                        } else if set.has_null {
                            Value::Null
                        } else {
                            Value::Bool(set.negated)
                        };
                        return value(answer);
                    }
                }
                let values = set
                    .values
                    .iter()
                    .map(|&item| Ok(Evaluated::Value(Cow::Borrowed(item))));
                in_values(target, values, set.negated)
            }
            Node::Cast(expr, data_type) => eval(expr)?.cast(data_type),
            Node::List(list) => value(Value::List(
                list.iter()
                    .map(|item| Value::try_from(eval(item)?))
                    .collect::<Result<_>>()?,
            )),
            Node::Coalesce(list) => {
                // As GlueSQL's COALESCE: every argument is evaluated, the first not NULL wins.
                let mut first = None;
                for argument in list {
                    let evaluated = eval(argument)?;
                    if first.is_none() && !evaluated.is_null() {
                        first = Some(evaluated);
                    }
                }
                match first {
                    Some(Evaluated::Value(found)) => Ok(Evaluated::Value(found)),
                    Some(found) => value(Value::try_from(found)?),
                    None => value(Value::Null),
                }
            }
            Node::Extract(field, expr) => value(Value::try_from(eval(expr)?)?.extract(field)?),
            Node::Subquery(subquery) => {
                value(subquery.answer(tuple, |plan, outer| plan.value(outer))?)
            }
            Node::Exists(subquery, negated) => value(subquery.answer(tuple, |plan, outer| {
                Ok(Value::Bool(plan.rows(outer)?.is_empty() == *negated))
            })?),
            Node::Call(name, arguments) => {
                let arguments = arguments
                    .iter()
                    .map(|argument| Value::try_from(eval(argument)?))
                    .collect::<Result<Vec<_>>>()?;
                value(storage::native_function(name, arguments)?)
            }
            Node::UnitCall(name, unit, source) => {
                let source = borrowed(eval(source)?)?;
                value(storage::native_unit_function(name, unit, &source)?)
            }
            Node::Case {
                operand,
                when_then,
                otherwise,
            } => {
                let compared = operand.is_none();
                let operand = match operand {
                    Some(operand) => eval(operand)?,
                    None => Evaluated::Value(Cow::Owned(Value::Bool(true))),
                };
                for (Condition { node: when, quick }, then) in when_then {
                    let holds = match quick.as_ref().and_then(|quick| quick.test(tuple)) {
                        Some(holds) => holds,
                        None => match when {
                            Node::Binary(left, op, right) if compared => {
                                match compare_plain(left, op, right, tuple) {
                                    Some(holds) => holds,
                                    None => binary_op(op, eval(left)?, eval(right)?)?
                                        .evaluate_eq(&operand)
                                        .is_true(),
                                }
                            }
                            // What `IS [NOT] NULL` = TRUE comes to, without the comparison.
                            Node::IsNull(expr, negated) if compared => {
                                eval(expr)?.is_null() ^ negated
                            }
                            _ => eval(when)?.evaluate_eq(&operand).is_true(),
                        },
                    };
                    if holds {
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
    /// By the one key of a `GROUP BY` of one expression, looked up without a copy; an integer
    /// column's by the integer (a `Value`'s equality is GlueSQL's, across types, and slower).
    by_integer: FastMap<i64, usize>,
    /// By a key of two integer values (a stream and a viewer, say), likewise.
    by_integers: FastMap<(i64, i64), usize>,
    by_value: FastMap<Value, usize>,
    by_values: FastMap<Vec<Value>, usize>,
    /// By the hash of a key of several columns: the last group with that hash (see
    /// `Group::same_hash`), told apart by comparing the columns with each group's first row, so
    /// no key is copied.
    by_hash: FastMap<u64, usize>,
    groups: Vec<Group>,
    /// Each group's aggregate slots, one group's after another's: one allocation for them all
    /// rather than one per group.
    slots: Vec<Option<Accumulator>>,
    /// The first row of each group, one after another (see `Group::representative`).
    rows: Vec<&'r [Value]>,
    /// The group of the row before, and that row. The rows of a group often come one after
    /// another (every pair a join makes from one row): when the key is columns, they are
    /// matched by comparing those with the row before (still in the cache), without hashing or
    /// copying the key.
    last: Option<usize>,
    last_row: Vec<&'r [Value]>,
}

struct Group {
    /// Where the group's first row starts in `Groups::rows`; none for the one group of an
    /// aggregate over no rows.
    representative: Option<usize>,
    /// The group made before this one whose key has the same hash in `Groups::by_hash`.
    same_hash: Option<usize>,
}

impl<'r> Groups<'r> {
    /// The one group of an aggregate without `GROUP BY`, there even when no row is.
    fn global(&mut self, slots: usize) {
        self.groups.push(Group {
            representative: None,
            same_hash: None,
        });
        self.slots.extend((0..slots).map(|_| None));
    }

    /// Makes `tuple` the first row of the group at `index`, unless it has one.
    fn represent(&mut self, index: usize, tuple: &[&'r [Value]]) {
        let group = &mut self.groups[index];
        if group.representative.is_none() {
            group.representative = Some(self.rows.len());
            self.rows.extend_from_slice(tuple);
        }
    }

    #[inline(never)]
    fn add(&mut self, grouping: &Grouping, tuple: &[&'r [Value]]) -> Result<()> {
        let next = self.groups.len();
        let mut same_hash = None;
        let same = |_: &usize| same_key_columns(&grouping.keys, tuple, &self.last_row);
        let index = match (self.last.filter(same), grouping.keys.as_slice()) {
            (Some(last), _) => last,
            (None, []) => 0,
            (None, [key]) if matches!(key.direct(tuple), Some(Value::I64(_))) => {
                let Some(Value::I64(key)) = key.direct(tuple) else {
                    unreachable!("matched above")
                };
                *self.by_integer.entry(*key).or_insert(next)
            }
            (None, [a, b])
                if matches!(
                    (a.direct(tuple), b.direct(tuple)),
                    (Some(Value::I64(_)), Some(Value::I64(_)))
                ) =>
            {
                let (Some(Value::I64(a)), Some(Value::I64(b))) = (a.direct(tuple), b.direct(tuple))
                else {
                    unreachable!("matched above")
                };
                *self.by_integers.entry((*a, *b)).or_insert(next)
            }
            (None, [key]) => {
                let key = borrowed(key.eval(tuple, &[])?)?;
                match self.by_value.get(&*key) {
                    Some(index) => *index,
                    None => *self.by_value.entry(key.into_owned()).or_insert(next),
                }
            }
            (None, keys) if keys.iter().all(|key| matches!(key, Node::Column(..))) => {
                let mut hasher = self.by_hash.hasher().build_hasher();
                for value in keys.iter().filter_map(|key| key.direct(tuple)) {
                    value.hash(&mut hasher);
                }
                let latest = self.by_hash.entry(hasher.finish()).or_insert(next);
                let mut candidate = Some(*latest).filter(|&index| index != next);
                while let Some(index) = candidate {
                    let group = &self.groups[index];
                    let first = group
                        .representative
                        .map(|start| &self.rows[start..start + tuple.len()]);
                    if first.is_some_and(|first| same_key_columns(keys, tuple, first)) {
                        break;
                    }
                    candidate = group.same_hash;
                }
                match candidate {
                    Some(index) => index,
                    None => {
                        same_hash = Some(*latest).filter(|&index| index != next);
                        *latest = next;
                        next
                    }
                }
            }
            (None, keys) => {
                let key = keys
                    .iter()
                    .map(|node| Value::try_from(node.eval(tuple, &[])?))
                    .collect::<Result<Vec<_>>>()?;
                *self.by_values.entry(key).or_insert(next)
            }
        };
        let width = grouping.aggregates.len();
        if index == next && !grouping.keys.is_empty() {
            self.groups.push(Group {
                representative: None,
                same_hash,
            });
            self.slots.extend((0..width).map(|_| None));
        }
        self.last = Some(index);
        self.last_row.clear();
        self.last_row.extend_from_slice(tuple);
        self.represent(index, tuple);
        let slots = &mut self.slots[index * width..(index + 1) * width];
        for (slot, (aggregate, argument)) in slots.iter_mut().zip(&grouping.aggregates) {
            // A plain COUNT only asks whether its argument is NULL: no value is taken.
            if let Some(Accumulator {
                kind: Kind::Count { wildcard, count },
                distinct: None,
            }) = slot
            {
                let counted = *wildcard
                    || match argument {
                        None => true,
                        Some(Node::Column(table, index)) => {
                            !column(tuple, *table, *index).is_null()
                        }
                        Some(argument) => !argument.eval(tuple, &[])?.is_null(),
                    };
                *count += i64::from(counted);
                continue;
            }
            let value = match argument {
                None => Cow::Borrowed(&Value::Null),
                Some(Node::Column(table, index)) => Cow::Borrowed(column(tuple, *table, *index)),
                Some(argument) => borrowed(argument.eval(tuple, &[])?)?,
            };
            // Every aggregate but COUNT skips NULL inputs; an ordered one, a row whose value (its
            // list's first item) is NULL.
            let skipped = match (&aggregate.func, &*value) {
                (AggregateFunction::Count(_), _) => false,
                (AggregateFunction::Ordered(_), Value::List(row)) => row[0].is_null(),
                _ => value.is_null(),
            };
            if skipped {
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

/// Whether `keys` are columns that hold the same values in two rows (in the sense a key of
/// `Groups`' maps is the same).
fn same_key_columns(keys: &[Node], tuple: &[&[Value]], other: &[&[Value]]) -> bool {
    !keys.is_empty()
        && keys.iter().all(|key| match key {
            Node::Column(table, index) => {
                same_value(column(tuple, *table, *index), column(other, *table, *index))
            }
            _ => false,
        })
}

/// `a == b`, taking the direct way for the usual key types (GlueSQL's equality first looks for
/// a comparison across types).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::I64(a), Value::I64(b)) => a == b,
        (Value::Str(a), Value::Str(b)) => a == b,
        (Value::Timestamp(a), Value::Timestamp(b)) => a == b,
        _ => a == b,
    }
}

/// One aggregate's running value, as GlueSQL's aggregation state computes it.
struct Accumulator {
    kind: Kind,
    distinct: Option<FastSet<Value>>,
}

enum Kind {
    Count {
        wildcard: bool,
        count: i64,
    },
    Sum(Value),
    Min(Value),
    Max(Value),
    Avg {
        sum: Value,
        count: i64,
    },
    /// An ordered aggregate's rows, sorted and read when the group is done.
    Ordered(Vec<Vec<Value>>),
}

impl Accumulator {
    #[inline(never)]
    fn new(aggregate: &Aggregate, value: Cow<Value>) -> Accumulator {
        let mut distinct = aggregate.distinct.then(FastSet::default);
        if let Some(seen) = distinct.as_mut() {
            if !value.is_null() {
                seen.insert(value.clone().into_owned());
            }
        }
        let value = value.into_owned();
        let kind = match &aggregate.func {
            AggregateFunction::Count(argument) => Kind::Count {
                wildcard: matches!(argument, CountArgExpr::Wildcard),
                count: i64::from(matches!(argument, CountArgExpr::Wildcard) || !value.is_null()),
            },
            AggregateFunction::Sum(_) => Kind::Sum(value),
            AggregateFunction::Min(_) => Kind::Min(value),
            AggregateFunction::Max(_) => Kind::Max(value),
            AggregateFunction::Ordered(_) => Kind::Ordered(vec![list_items(value)]),
            // Variance and Stdev are never planned here (see `Scope::compile`).
            _ => Kind::Avg {
                sum: value,
                count: 1,
            },
        };
        Accumulator { kind, distinct }
    }

    #[inline(never)]
    fn add(&mut self, value: Cow<Value>) -> Result<()> {
        if !value.is_null() {
            if let Some(seen) = self.distinct.as_mut() {
                if seen.contains(&*value) {
                    return Ok(());
                }
                seen.insert(value.clone().into_owned());
            }
        }
        match &mut self.kind {
            Kind::Count { wildcard, count } => {
                if *wildcard || !value.is_null() {
                    *count += 1;
                }
            }
            Kind::Sum(sum) => add_into(sum, &value)?,
            Kind::Min(min) => {
                if compare::values(min, &value) == Some(Ordering::Greater) {
                    *min = value.into_owned();
                }
            }
            Kind::Max(max) => {
                if compare::values(max, &value) == Some(Ordering::Less) {
                    *max = value.into_owned();
                }
            }
            Kind::Avg { sum, count } => {
                add_into(sum, &value)?;
                *count += 1;
            }
            Kind::Ordered(rows) => rows.push(list_items(value.into_owned())),
        }
        Ok(())
    }

    fn export(self, aggregate: &Aggregate) -> Result<Value> {
        match self.kind {
            Kind::Ordered(rows) => match &aggregate.func {
                AggregateFunction::Ordered(ordered) => {
                    ordered_aggregate(ordered.kind, &ordered.order, rows)
                }
                _ => unreachable!("only an ordered aggregate collects rows"),
            },
            Kind::Count { count, .. } => Ok(Value::I64(count)),
            Kind::Sum(value) | Kind::Min(value) | Kind::Max(value) => Ok(value),
            // Exact for integers and decimals, as GlueSQL's (patched) and PostgreSQL's `avg`.
            Kind::Avg { sum, count } => match sum {
                Value::F32(_) | Value::F64(_) => sum.cast(&DataType::Float)?,
                Value::Decimal(_) => sum,
                other => other.cast(&DataType::Decimal)?,
            }
            .divide(&Value::I64(count)),
        }
    }
}

/// A comparison of a column with a constant or another column when both hold values of the
/// same plain type, computed directly: GlueSQL's comparison gives the same answer for these
/// pairs through far more steps, and a filter runs it once per row. `None` for anything else
/// (NULL, mixed types, literals read as the other side's type), which takes the general path.
fn compare_plain(
    left: &Node,
    op: &BinaryOperator,
    right: &Node,
    tuple: &[&[Value]],
) -> Option<bool> {
    let Some(left) = left.direct(tuple) else {
        // An integer expression compared (`viewer_id % 7 = 0`), computed on machine integers;
        // not for arithmetic (`holds` answers comparisons only).
        holds(op, Ordering::Equal)?;
        let left = left.integer(tuple)?;
        let right = match right {
            Node::Literal(Literal::Number(number)) => crate::sql::integer(number)?,
            other => other.integer(tuple)?,
        };
        return holds(op, left.cmp(&right));
    };
    let ordering = match (left, right) {
        // A quoted literal next to text is that text: GlueSQL compares the two for equality.
        (Value::Str(l), Node::Literal(Literal::QuotedString(r))) => {
            return match op {
                BinaryOperator::Eq => Some(l == r),
                BinaryOperator::NotEq => Some(l != r),
                _ => None,
            };
        }
        (left, right) => compare::plain(left, right.direct(tuple)?)?,
    };
    holds(op, ordering)
}

/// An integer compared with an integer literal (`viewer_id % 7 = 0`), as GlueSQL compares
/// them (exactly), without first making a `BigDecimal` of the integer.
fn integer_against_literal(
    op: &BinaryOperator,
    left: &Evaluated,
    right: &Evaluated,
) -> Option<bool> {
    let ordering = match (left, right) {
        (Evaluated::Value(value), Evaluated::Number(number)) => match value.as_ref() {
            Value::I64(value) => value.cmp(&crate::sql::integer(number)?),
            _ => return None,
        },
        (Evaluated::Number(number), Evaluated::Value(value)) => match value.as_ref() {
            Value::I64(value) => crate::sql::integer(number)?.cmp(value),
            _ => return None,
        },
        _ => return None,
    };
    holds(op, ordering)
}

/// Whether a comparison holds for two values in that order; `None` for another operator.
fn holds(op: &BinaryOperator, ordering: Ordering) -> Option<bool> {
    match op {
        BinaryOperator::Eq => Some(ordering == Ordering::Equal),
        BinaryOperator::NotEq => Some(ordering != Ordering::Equal),
        BinaryOperator::Lt => Some(ordering == Ordering::Less),
        BinaryOperator::LtEq => Some(ordering != Ordering::Greater),
        BinaryOperator::Gt => Some(ordering == Ordering::Greater),
        BinaryOperator::GtEq => Some(ordering != Ordering::Less),
        _ => None,
    }
}

/// The text a node always is: a quoted literal or a constant string.
fn constant_text<'a>(node: &'a Node) -> Option<&'a str> {
    match node {
        Node::Literal(Literal::QuotedString(text)) => Some(text),
        Node::Value(Value::Str(text)) | Node::Constant(Value::Str(text)) => Some(text),
        _ => None,
    }
}

/// The text a value is, when it is one; NULL and other types take the general path.
fn text<'a>(evaluated: &'a Evaluated) -> Option<&'a str> {
    match evaluated {
        Evaluated::Value(value) => match value.as_ref() {
            Value::Str(text) => Some(text),
            _ => None,
        },
        Evaluated::Text(text) => Some(text),
        Evaluated::StrSlice { source, range } => source.get(range.clone()),
        Evaluated::Number(_) => None,
    }
}

/// A table a LEFT JOIN padded is an empty row: every column reads as NULL.
fn column<'a>(tuple: &[&'a [Value]], table: usize, index: usize) -> &'a Value {
    tuple
        .get(table)
        .and_then(|row| row.get(index))
        .unwrap_or(&Value::Null)
}

/// `*sum + value` as GlueSQL's `Value::sum_add` computes it; integers and decimals, the usual
/// sums, are added in place (an overflow goes to `sum_add`: past the 64-bit range an integer sum
/// goes on as a decimal; a decimal's is an error).
fn add_into(sum: &mut Value, value: &Value) -> Result<()> {
    let added = match (&mut *sum, value) {
        (Value::I64(sum), Value::I64(value)) => sum.checked_add(*value).map(|total| *sum = total),
        (Value::Decimal(sum), Value::Decimal(value)) => {
            sum.checked_add(*value).map(|total| *sum = total)
        }
        _ => None,
    };
    if added.is_none() {
        *sum = sum.sum_add(value)?;
    }
    Ok(())
}

/// A value without a copy when it is read where it lies.
fn borrowed(evaluated: Evaluated) -> Result<Cow<Value>> {
    match evaluated {
        Evaluated::Value(value) => Ok(value),
        other => Value::try_from(other).map(Cow::Owned),
    }
}

/// The items of an ordered aggregate's row (see `Node::List`).
fn list_items(value: Value) -> Vec<Value> {
    match value {
        Value::List(items) => items,
        _ => unreachable!("an ordered aggregate's argument is a list"),
    }
}

fn empty_value(aggregate: &Aggregate) -> Value {
    match aggregate.func {
        AggregateFunction::Count(_) => Value::I64(0),
        _ => Value::Null,
    }
}
