//! Joins GlueSQL does not run, computed as steps: `FULL [OUTER] JOIN`, `RIGHT JOIN` after other
//! joins (or wherever the FROM list holds a step already), and a parenthesized join on the right
//! of any join.
//!
//! `L FULL JOIN r ON c` is the rows of `L LEFT JOIN r ON c` plus, NULL-extended on the left,
//! the rows of `r` that matched none; `L RIGHT JOIN r ON c` is `L JOIN r ON c` plus the same.
//! GlueSQL runs the left or inner join (a hash join when `c` has an equality); the right side
//! carries its row numbers through it, so the rows that found no match are the numbers that did
//! not come back. A parenthesized right side is computed first (in steps itself if it needs
//! them) and joined as one table, its columns renamed apart and `c` reading them so. The joined
//! rows are then stored one table per relation of the join, each with the row's number
//! (`__rid`), and the query reads them joined one-to-one on that number under the relations' own
//! names: every `a.x`, bare name, later join, `WHERE`, grouping and ordering of the query stays
//! as it was written, applied after the join. An inner join to a parenthesized join (a comma
//! before `b FULL JOIN c` is one) is opened instead: the parentheses' steps are computed alone
//! and their relations joined in line, so no pair of the outer rows with theirs is stored.

use crate::error::EngineError;
use crate::join_columns::{column, expand_wildcards, relations_of, sides, Side, ROW_ID};
use crate::pipeline::{identifier_name, select_all_from, table_factor, Backend, Relation};
use crate::sql::{true_expr, unsupported};
use gluesql::core::data::Value;
use sqlparser::ast::{
    BinaryOperator, Expr, Ident, Join, JoinConstraint, JoinOperator, Query, Select, SelectItem,
    SetExpr, TableFactor, TableWithJoins, VisitorMut,
};
use std::collections::HashSet;
use std::ops::ControlFlow;

/// The column that numbers the right side's rows while the join runs.
const RIGHT_ROW: &str = "__row";

/// The name a parenthesized right side is joined under while the join runs.
const NESTED: &str = "__nested";

/// True when the SELECT holds a join computed here. A `RIGHT JOIN` first in its FROM list is
/// `sql::plain_joins`'s (swapped into a left join) unless the SELECT has other such joins or a
/// `*`, whose column order the swap would change; here it is computed with the others.
pub fn needs_step(select: &Select) -> bool {
    let star = crate::sql::has_star(&select.projection);
    select.from.iter().any(|from| {
        from.joins.iter().enumerate().any(|(index, join)| {
            let swappable = index == 0
                && !star
                && !matches!(join.relation, TableFactor::NestedJoin { .. })
                && matches!(join.join_operator, JoinOperator::RightOuter(_));
            is_step(join) && !swappable
        })
    })
}

/// A join GlueSQL cannot run as it stands.
pub fn is_step(join: &Join) -> bool {
    matches!(join.relation, TableFactor::NestedJoin { .. })
        || matches!(
            join.join_operator,
            JoinOperator::FullOuter(_) | JoinOperator::RightOuter(_)
        )
}

/// `(a JOIN b ON ...) JOIN c ...` as `a JOIN b ON ... JOIN c ...`: joins group from the left, so
/// parentheses around the first relations change nothing.
pub fn open_leading_parentheses(from: &mut TableWithJoins) {
    while let TableFactor::NestedJoin {
        table_with_joins,
        alias: None,
    } = &mut from.relation
    {
        let TableWithJoins { relation, joins } = std::mem::replace(
            table_with_joins.as_mut(),
            TableWithJoins {
                relation: table_factor("x", None),
                joins: Vec::new(),
            },
        );
        from.relation = relation;
        from.joins.splice(0..0, joins);
    }
}

/// Replaces every join of the query's FROM list that GlueSQL cannot run with its computed rows.
/// Run after derived tables, CTEs and views are stored as tables.
pub fn rewrite(backend: &mut dyn Backend, query: &mut Query) -> Result<(), EngineError> {
    let SetExpr::Select(select) = query.body.as_mut() else {
        return Ok(());
    };
    if !needs_step(select) {
        return Ok(());
    }
    expand_wildcards(backend, select)?;
    let used = used_names(query);
    let SetExpr::Select(select) = query.body.as_mut() else {
        unreachable!("checked above")
    };
    for from in &mut select.from {
        compute_steps(backend, from, &used)?;
    }
    Ok(())
}

/// Every name the query reads a column by, anywhere in it (its `*` listed and its `USING` and
/// `NATURAL` joins written out with `ON` by now). The joined rows are stored with these columns
/// only: a name that is not a column, or a column of another relation, only keeps a column that
/// was not needed.
fn used_names(query: &Query) -> HashSet<String> {
    let mut names = HashSet::new();
    let _ = crate::walk::expressions(query, |expr| {
        match expr {
            Expr::Identifier(ident) => {
                names.insert(identifier_name(ident));
            }
            Expr::CompoundIdentifier(parts) => {
                names.extend(parts.last().map(identifier_name));
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    names
}

fn compute_steps(
    backend: &mut dyn Backend,
    from: &mut TableWithJoins,
    used: &HashSet<String>,
) -> Result<(), EngineError> {
    while let Some(index) = from.joins.iter().position(is_step) {
        if !open_inner_parentheses(backend, from, index, used)? {
            outer_join(backend, from, index, used)?;
        }
    }
    Ok(())
}

/// The columns of `sides` the query reads (at least one each, so every relation keeps a
/// column to be selected by).
fn narrowed(mut sides: Vec<Side>, used: &HashSet<String>) -> Vec<Side> {
    for side in &mut sides {
        let first = side.columns.first().cloned();
        side.columns.retain(|name| used.contains(name));
        if side.columns.is_empty() {
            side.columns.extend(first);
        }
    }
    sides
}

/// `a JOIN (b JOIN c ON p) ON q` first in its FROM list as `b JOIN c ON p JOIN a ON q` (an inner
/// join commutes); after other joins, as `a JOIN b ON TRUE JOIN c ON p AND q`, the FULL and
/// RIGHT joins inside the parentheses computed first: an inner join distributes over the inner
/// and left joins of a parenthesized join (their conditions cannot see `a`). `a, b FULL JOIN c`
/// then costs the rows of the FULL JOIN, not of its pairs with every row of `a`. False, and
/// nothing done, for the joins this does not hold for.
fn open_inner_parentheses(
    backend: &mut dyn Backend,
    from: &mut TableWithJoins,
    index: usize,
    used: &HashSet<String>,
) -> Result<bool, EngineError> {
    let join = &from.joins[index];
    let (
        JoinOperator::Inner(JoinConstraint::On(on)),
        TableFactor::NestedJoin {
            table_with_joins,
            alias: None,
        },
    ) = (&join.join_operator, &join.relation)
    else {
        return Ok(false);
    };
    let mut inner = (**table_with_joins).clone();
    open_leading_parentheses(&mut inner);
    for join in &mut inner.joins {
        if join.join_operator == JoinOperator::CrossJoin {
            join.join_operator = JoinOperator::Inner(JoinConstraint::On(true_expr()));
        }
    }
    let all_on = inner.joins.iter().all(|join| {
        matches!(
            join.join_operator,
            JoinOperator::Inner(JoinConstraint::On(_))
                | JoinOperator::LeftOuter(JoinConstraint::On(_))
                | JoinOperator::RightOuter(JoinConstraint::On(_))
                | JoinOperator::FullOuter(JoinConstraint::On(_))
        )
    });
    if !all_on {
        return Ok(false);
    }
    if index == 0 {
        // `a JOIN (b ... ) ON q` is `b ... JOIN a ON q`: the parenthesized joins run first, as
        // written, and `a` meets their rows by `q` (through a hash where `q` has an equality),
        // rather than every row of `a` meeting every row of `b` before `q` is tested.
        let on = on.clone();
        let first = std::mem::replace(&mut from.relation, inner.relation);
        let after = from.joins.split_off(1);
        from.joins = inner.joins;
        from.joins.push(Join {
            relation: first,
            global: false,
            join_operator: JoinOperator::Inner(JoinConstraint::On(on)),
        });
        from.joins.extend(after);
        return Ok(true);
    }
    let on_true = *on == true_expr();
    // The joins after the last step keep their kind; those up to it become inner joins.
    let kept = inner
        .joins
        .iter()
        .rposition(is_step)
        .map_or(0, |last| last + 1);
    let opens = inner.joins[kept..]
        .iter()
        .all(|join| match join.join_operator {
            JoinOperator::Inner(_) => true,
            JoinOperator::LeftOuter(_) => on_true,
            _ => false,
        });
    if !opens {
        return Ok(false);
    }
    let on = on.clone();
    compute_steps(backend, &mut inner, used)?;
    let mut joins = vec![Join {
        relation: inner.relation,
        global: false,
        join_operator: JoinOperator::Inner(JoinConstraint::On(true_expr())),
    }];
    joins.extend(inner.joins);
    if !on_true {
        let last = joins.last_mut().expect("one join at least");
        let JoinOperator::Inner(JoinConstraint::On(condition)) = &mut last.join_operator else {
            unreachable!("checked above: a condition is only added to an inner join")
        };
        let previous = std::mem::replace(condition, true_expr());
        let both = [previous, on]
            .into_iter()
            .filter(|c| *c != true_expr())
            .collect();
        *condition = crate::sql::and_all(both).unwrap_or_else(true_expr);
    }
    from.joins.splice(index..=index, joins);
    Ok(true)
}

/// The right side of a join: its rows, numbered, stored as a table, with the name the join
/// condition reads it under.
fn numbered_right(
    backend: &mut dyn Backend,
    factor: &TableFactor,
    right: &[Side],
    on: &mut Expr,
) -> Result<(Relation, String, Ident), EngineError> {
    let mut rows = match factor {
        TableFactor::NestedJoin {
            table_with_joins, ..
        } => {
            let mut query = select_all_from("x");
            let SetExpr::Select(select) = query.body.as_mut() else {
                unreachable!("a fixed query is a SELECT")
            };
            select.from = vec![(**table_with_joins).clone()];
            select.projection = every_column(right);
            // Its joins as the query's own would be (`USING`, `CROSS` and `RIGHT JOIN` rewritten).
            let columns = |factor: &TableFactor| relations_of(&*backend, factor);
            crate::sql::rewrite_joins(&mut query, Some(&columns))?;
            let mut rows = crate::pipeline::query(backend, query)?;
            // Named apart (two relations may share a column name), and read so by the condition.
            let mut renamed = RenameColumns {
                right,
                depth: 0,
                names: Vec::new(),
            };
            for (number, name) in rows.columns.iter_mut().enumerate() {
                *name = format!("__c{number}");
            }
            for side in right {
                for name in &side.columns {
                    renamed
                        .names
                        .push((identifier_name(&side.name), name.clone()));
                }
            }
            let _ = crate::walk::walk_mut(on, &mut renamed);
            rows
        }
        _ => {
            let mut query = select_all_from(&right[0].table);
            let SetExpr::Select(select) = query.body.as_mut() else {
                unreachable!("a fixed query is a SELECT")
            };
            select.projection = right[0]
                .columns
                .iter()
                .map(|name| SelectItem::ExprWithAlias {
                    expr: Expr::Identifier(Ident::with_quote('"', name)),
                    alias: Ident::new(name),
                })
                .collect();
            backend.select(query)?
        }
    };
    for (number, row) in rows.rows.iter_mut().enumerate() {
        row.push(Value::I64(number as i64));
    }
    rows.columns.push(RIGHT_ROW.to_owned());
    let table = backend.materialize(rows.clone())?;
    let name = match factor {
        TableFactor::NestedJoin { .. } => Ident::new(NESTED),
        _ => right[0].name.clone(),
    };
    Ok((rows, table, name))
}

/// Every column of every relation, qualified.
fn every_column(sides: &[Side]) -> Vec<SelectItem> {
    sides
        .iter()
        .flat_map(|side| side.columns.iter().map(|name| column(&side.name, name)))
        .map(SelectItem::UnnamedExpr)
        .collect()
}

/// Points a join condition's references to the relations of a parenthesized right side at
/// their renamed columns (`__c<N>` of [`NESTED`]), in this condition only (not in a subquery).
struct RenameColumns<'a> {
    right: &'a [Side],
    depth: usize,
    /// (relation, column) of each renamed column, in order.
    names: Vec<(String, String)>,
}

impl VisitorMut for RenameColumns<'_> {
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
        if self.depth > 0 {
            return ControlFlow::Continue(());
        }
        let (relation, name) = match &*expr {
            Expr::CompoundIdentifier(parts) => match parts.as_slice() {
                [relation, name] => (Some(identifier_name(relation)), identifier_name(name)),
                _ => return ControlFlow::Continue(()),
            },
            // A bare name of the right side (the name check found it unambiguous).
            Expr::Identifier(ident) => (None, identifier_name(ident)),
            _ => return ControlFlow::Continue(()),
        };
        let relation = relation.or_else(|| {
            self.right
                .iter()
                .find(|side| side.columns.contains(&name))
                .map(|side| identifier_name(&side.name))
        });
        if let Some(number) = self
            .names
            .iter()
            .position(|(r, c)| Some(r) == relation.as_ref() && *c == name)
        {
            *expr = column(&Ident::new(NESTED), &format!("__c{number}"));
        }
        ControlFlow::Continue(())
    }
}

/// Computes the join at `joins[index]` of `from` (its left side is everything before it, plain
/// by now) and puts the joined rows in its place.
fn outer_join(
    backend: &mut dyn Backend,
    from: &mut TableWithJoins,
    index: usize,
    used: &HashSet<String>,
) -> Result<(), EngineError> {
    let join = &from.joins[index];
    let (JoinOperator::FullOuter(constraint)
    | JoinOperator::RightOuter(constraint)
    | JoinOperator::LeftOuter(constraint)
    | JoinOperator::Inner(constraint)) = &join.join_operator
    else {
        return Err(unsupported(
            "this join next to a parenthesized join",
            "write it as JOIN b ON b.col = a.col",
        ));
    };
    let JoinConstraint::On(on) = constraint else {
        return Err(unsupported(
            "this form of FULL or RIGHT JOIN",
            "write the condition out: FULL JOIN b ON b.col = a.col",
        ));
    };
    let mut on = on.clone();
    // Which rows the join runs in GlueSQL, and whether right rows that matched none are added.
    let (runs_as, keeps_right) = match join.join_operator {
        JoinOperator::FullOuter(_) => (JoinOperator::LeftOuter as fn(_) -> _, true),
        JoinOperator::RightOuter(_) => (JoinOperator::Inner as fn(_) -> _, true),
        JoinOperator::LeftOuter(_) => (JoinOperator::LeftOuter as fn(_) -> _, false),
        _ => (JoinOperator::Inner as fn(_) -> _, false),
    };
    let mut left = Vec::new();
    for factor in
        std::iter::once(&from.relation).chain(from.joins[..index].iter().map(|j| &j.relation))
    {
        left.extend(narrowed(sides(&*backend, factor)?, used));
    }
    let right = narrowed(sides(&*backend, &join.relation)?, used);
    let right_relation = join.relation.clone();
    let (right_rows, numbered, right_name) =
        numbered_right(backend, &right_relation, &right, &mut on)?;
    let right_width = right_rows.columns.len() - 1;

    // The join, every column of every relation and the right row's number.
    let mut pairs = select_all_from("x");
    let SetExpr::Select(select) = pairs.body.as_mut() else {
        unreachable!("a fixed query is a SELECT")
    };
    let mut joins = from.joins[..index].to_vec();
    joins.push(Join {
        relation: table_factor(&numbered, Some(right_name.clone())),
        global: false,
        join_operator: runs_as(JoinConstraint::On(on)),
    });
    select.from = vec![TableWithJoins {
        relation: from.relation.clone(),
        joins,
    }];
    select.projection = every_column(&left)
        .into_iter()
        .chain(
            right_rows
                .columns
                .iter()
                .map(|name| SelectItem::UnnamedExpr(column(&right_name, name))),
        )
        .collect();
    let mut rows = backend.select(pairs)?.rows;
    let matched: HashSet<i64> = rows
        .iter_mut()
        .filter_map(|row| match row.pop() {
            Some(Value::I64(number)) => Some(number),
            _ => None,
        })
        .collect();
    if keeps_right {
        let left_width: usize = left.iter().map(|side| side.columns.len()).sum();
        rows.extend(
            right_rows
                .rows
                .into_iter()
                .enumerate()
                .filter(|(number, _)| !matched.contains(&(*number as i64)))
                .map(|(_, mut row)| {
                    row.truncate(right_width);
                    let mut joined = vec![Value::Null; left_width];
                    joined.extend(row);
                    joined
                }),
        );
    }

    // One table per relation, read back joined on the row number.
    let sides: Vec<Side> = left.into_iter().chain(right).collect();
    let mut start = 0;
    let mut factors = Vec::with_capacity(sides.len());
    for side in &sides {
        let end = start + side.columns.len();
        let relation = Relation {
            columns: side
                .columns
                .iter()
                .cloned()
                .chain(std::iter::once(ROW_ID.to_owned()))
                .collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(number, row)| {
                    let mut values = row[start..end].to_vec();
                    values.push(Value::I64(number as i64));
                    values
                })
                .collect(),
        };
        start = end;
        let table = backend.materialize(relation)?;
        factors.push(table_factor(&table, Some(side.name.clone())));
    }
    let first = &sides[0].name;
    let mut factors = factors.into_iter();
    from.relation = factors.next().expect("a join has two sides");
    let rest = from.joins.split_off(index + 1);
    from.joins = factors
        .zip(&sides[1..])
        .map(|(relation, side)| Join {
            relation,
            global: false,
            join_operator: JoinOperator::Inner(JoinConstraint::On(Expr::BinaryOp {
                left: Box::new(column(&side.name, ROW_ID)),
                op: BinaryOperator::Eq,
                right: Box::new(column(first, ROW_ID)),
            })),
        })
        .chain(rest)
        .collect();
    Ok(())
}
