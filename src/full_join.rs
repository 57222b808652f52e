//! `FULL OUTER JOIN`, which GlueSQL does not run, computed as a step.
//!
//! `L FULL JOIN r ON c` is the rows of `L LEFT JOIN r ON c` plus, NULL-extended on the left,
//! the rows of `r` that matched none. GlueSQL runs the left join (a hash join when `c` has an
//! equality); the right side carries its row numbers through it, so the rows that found no match
//! are the numbers that did not come back. The joined rows are then stored one table per
//! relation of the join, each with the row's number (`__rid`), and the query reads them joined
//! one-to-one on that number under the relations' own names: every `a.x`, bare name, later join,
//! `WHERE`, grouping and ordering of the query stays as it was written, applied after the join.

use crate::error::EngineError;
use crate::join_columns::{column, expand_wildcards, side, Side, ROW_ID};
use crate::pipeline::{select_all_from, table_factor, Backend, Relation};
use crate::sql::unsupported;
use gluesql::core::data::Value;
use sqlparser::ast::{
    BinaryOperator, Expr, Join, JoinConstraint, JoinOperator, Select, SelectItem, SetExpr,
    TableWithJoins,
};
use std::collections::HashSet;

/// The column that numbers the right side's rows while the left join runs.
const RIGHT_ROW: &str = "__row";

/// True when a FROM list holds a `FULL [OUTER] JOIN`.
pub fn has_full_join(select: &Select) -> bool {
    select
        .from
        .iter()
        .flat_map(|from| &from.joins)
        .any(|join| matches!(join.join_operator, JoinOperator::FullOuter(_)))
}

/// Replaces every `FULL JOIN` of the query's FROM list with its computed rows. Run after
/// derived tables, CTEs and views are stored as tables.
pub fn rewrite(backend: &mut dyn Backend, select: &mut Select) -> Result<(), EngineError> {
    if !has_full_join(select) {
        return Ok(());
    }
    expand_wildcards(backend, select)?;
    for from in &mut select.from {
        while let Some(index) = from
            .joins
            .iter()
            .position(|join| matches!(join.join_operator, JoinOperator::FullOuter(_)))
        {
            full_join(backend, from, index)?;
        }
    }
    Ok(())
}

/// Computes the FULL JOIN at `joins[index]` of `from` (its left side is everything before it)
/// and puts the joined rows in its place.
fn full_join(
    backend: &mut dyn Backend,
    from: &mut TableWithJoins,
    index: usize,
) -> Result<(), EngineError> {
    let JoinOperator::FullOuter(JoinConstraint::On(on)) = &from.joins[index].join_operator else {
        return Err(unsupported(
            "this form of FULL JOIN",
            "write the condition out: FULL JOIN b ON b.col = a.col",
        ));
    };
    let on = on.clone();
    let sides = std::iter::once(&from.relation)
        .chain(from.joins[..=index].iter().map(|join| &join.relation))
        .map(|factor| side(&*backend, factor))
        .collect::<Result<Vec<Side>, _>>()?;
    let (right, left) = sides.split_last().expect("a join has two sides");

    // The right side, numbered.
    let mut right_rows = backend.select(select_all_from(&right.table))?;
    for (number, row) in right_rows.rows.iter_mut().enumerate() {
        row.push(Value::I64(number as i64));
    }
    right_rows.columns.push(RIGHT_ROW.to_owned());
    let right_width = right.columns.len();
    let numbered = backend.materialize(right_rows.clone())?;

    // The left join, every column of every relation and the right row's number.
    let mut pairs = select_all_from("x");
    let SetExpr::Select(select) = pairs.body.as_mut() else {
        unreachable!("a fixed query is a SELECT")
    };
    let mut joins = from.joins[..index].to_vec();
    joins.push(Join {
        relation: table_factor(&numbered, Some(right.name.clone())),
        global: false,
        join_operator: JoinOperator::LeftOuter(JoinConstraint::On(on)),
    });
    select.from = vec![TableWithJoins {
        relation: from.relation.clone(),
        joins,
    }];
    select.projection = sides
        .iter()
        .flat_map(|side| side.columns.iter().map(|name| column(&side.name, name)))
        .chain(std::iter::once(column(&right.name, RIGHT_ROW)))
        .map(SelectItem::UnnamedExpr)
        .collect();
    let mut rows = backend.select(pairs)?.rows;
    let matched: HashSet<i64> = rows
        .iter_mut()
        .filter_map(|row| match row.pop() {
            Some(Value::I64(number)) => Some(number),
            _ => None,
        })
        .collect();
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

    // One table per relation, read back joined on the row number.
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
