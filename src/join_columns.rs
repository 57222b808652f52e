//! Joins whose meaning depends on their tables' columns, rewritten once the pipeline has stored
//! every relation of the FROM list as a table and so knows its columns: `NATURAL JOIN` joins on
//! the columns both sides have, and `SELECT *` over `JOIN ... USING` (or `NATURAL`) lists each
//! merged column once, first, then the other columns of each side, as PostgreSQL does. What is
//! left is an ordinary `JOIN ... USING` with a select list, which `sql::rewrite_joins` rewrites
//! as it does any other.

use crate::error::EngineError;
use crate::pipeline::{identifier_name, Backend};
use crate::sql::unsupported;
use sqlparser::ast::{
    Expr, Ident, JoinConstraint, JoinOperator, Query, Select, SelectItem, SetExpr, TableFactor,
};

/// The column our steps number joined rows with; never one of the user's.
pub const ROW_ID: &str = "__rid";

/// A relation of a FROM list: the table it reads, the name the query uses for it, its columns.
pub struct Side {
    pub table: String,
    pub name: Ident,
    pub columns: Vec<String>,
}

/// The relation a table factor stands for, once derived tables, CTEs and views are tables.
pub fn side(backend: &dyn Backend, factor: &TableFactor) -> Result<Side, EngineError> {
    let refuse = || {
        unsupported(
            "a column alias list or an aliased parenthesized join next to FULL JOIN, RIGHT JOIN, a parenthesized join, NATURAL JOIN or SELECT * with USING",
            "join a CTE that holds that part, or rename the columns inside it",
        )
    };
    let TableFactor::Table {
        name,
        alias,
        args: None,
        ..
    } = factor
    else {
        return Err(refuse());
    };
    if alias
        .as_ref()
        .is_some_and(|alias| !alias.columns.is_empty())
    {
        return Err(refuse());
    }
    let [only] = name.0.as_slice() else {
        return Err(refuse());
    };
    let table = identifier_name(only);
    let mut columns = backend
        .columns(&table)
        .ok_or_else(|| EngineError::Execution {
            message: format!("relation \"{table}\" does not exist"),
        })?;
    // A relation of an earlier FULL JOIN: its row numbers are not the user's.
    columns.retain(|column| column != ROW_ID);
    let name = alias.as_ref().map_or(only, |alias| &alias.name).clone();
    Ok(Side {
        table,
        name,
        columns,
    })
}

/// The relations a FROM item reads, parenthesized joins opened.
pub fn sides(backend: &dyn Backend, factor: &TableFactor) -> Result<Vec<Side>, EngineError> {
    match factor {
        TableFactor::NestedJoin {
            table_with_joins,
            alias: None,
        } => {
            let mut all = sides(backend, &table_with_joins.relation)?;
            for join in &table_with_joins.joins {
                all.extend(sides(backend, &join.relation)?);
            }
            Ok(all)
        }
        other => Ok(vec![side(backend, other)?]),
    }
}

/// Whether a parenthesized join merges columns (`USING`, `NATURAL`), which `*` would list once.
fn merges_inside(factor: &TableFactor) -> bool {
    let TableFactor::NestedJoin {
        table_with_joins, ..
    } = factor
    else {
        return false;
    };
    merges_inside(&table_with_joins.relation)
        || table_with_joins.joins.iter().any(|join| {
            merges_inside(&join.relation)
                || crate::names::using_columns(&join.join_operator).is_some()
                || crate::names::natural(&join.join_operator)
        })
}

/// `<relation>."<column>"`.
pub fn column(name: &Ident, column: &str) -> Expr {
    Expr::CompoundIdentifier(vec![name.clone(), Ident::with_quote('"', column)])
}

/// Rewrites the query's own SELECT if its joins need the columns of its tables.
pub fn rewrite(backend: &dyn Backend, query: &mut Query) -> Result<(), EngineError> {
    let SetExpr::Select(select) = query.body.as_mut() else {
        return Ok(());
    };
    if !crate::sql::joins_need_columns(select) {
        return Ok(());
    }
    natural_as_using(backend, select)?;
    expand_wildcards(backend, select)?;
    crate::sql::rewrite_joins(query, Some(&|factor| relations_of(backend, factor)))
}

/// The relations a FROM item reads, by the names the query uses, with their columns.
pub fn relations_of(
    backend: &dyn Backend,
    factor: &TableFactor,
) -> Option<Vec<(String, Vec<String>)>> {
    let sides = sides(backend, factor).ok()?;
    Some(
        sides
            .into_iter()
            .map(|side| (identifier_name(&side.name), side.columns))
            .collect(),
    )
}

/// Every column a FROM item reads.
pub fn columns_of(backend: &dyn Backend, factor: &TableFactor) -> Result<Vec<String>, EngineError> {
    let sides = sides(backend, factor)?;
    Ok(sides.into_iter().flat_map(|side| side.columns).collect())
}

/// `NATURAL JOIN` as `JOIN ... USING (<the columns both sides have>)`, in the left side's
/// order; with none in common it joins every row with every row, as in PostgreSQL.
fn natural_as_using(backend: &dyn Backend, select: &mut Select) -> Result<(), EngineError> {
    let columns = |factor: &TableFactor| columns_of(backend, factor);
    for from in &mut select.from {
        if !from
            .joins
            .iter()
            .any(|join| crate::names::natural(&join.join_operator))
        {
            continue;
        }
        let mut left: Vec<String> = columns(&from.relation)?;
        for join in &mut from.joins {
            let right = columns(&join.relation)?;
            let constraint = match &mut join.join_operator {
                JoinOperator::Inner(constraint)
                | JoinOperator::LeftOuter(constraint)
                | JoinOperator::RightOuter(constraint)
                | JoinOperator::FullOuter(constraint) => Some(constraint),
                _ => None,
            };
            if let Some(constraint @ JoinConstraint::Natural) = constraint {
                let mut common: Vec<Ident> = Vec::new();
                for name in left.iter().filter(|name| right.contains(name)) {
                    let ident = Ident::with_quote('"', name.clone());
                    if !common.contains(&ident) {
                        common.push(ident);
                    }
                }
                *constraint = match common.is_empty() {
                    true => JoinConstraint::On(crate::sql::true_expr()),
                    false => JoinConstraint::Using(common),
                };
            }
            left.extend(right);
        }
    }
    Ok(())
}

/// `SELECT *` and `t.*` as the columns they stand for: a column merged by `JOIN ... USING` once,
/// first (before the columns of the join's left side), by its bare name (which then reads the
/// merged value); row numbers of our steps never.
pub fn expand_wildcards(backend: &dyn Backend, select: &mut Select) -> Result<(), EngineError> {
    if !crate::sql::has_star(&select.projection) {
        return Ok(());
    }
    let mut everything = Vec::new();
    let mut relations = Vec::new();
    for from in &select.from {
        // The columns of the joins so far, by name.
        let mut joined: Vec<(String, SelectItem)> = Vec::new();
        let factors =
            std::iter::once((&from.relation, None)).chain(from.joins.iter().map(|join| {
                (
                    &join.relation,
                    crate::names::using_columns(&join.join_operator),
                )
            }));
        for (factor, using) in factors {
            if merges_inside(factor) {
                return Err(unsupported(
                    "SELECT * over a parenthesized join with USING or NATURAL",
                    "list the columns, or write the inner join's condition with ON",
                ));
            }
            let mut right: Vec<(String, SelectItem)> = Vec::new();
            for side in sides(backend, factor)? {
                right.extend(side.columns.iter().map(|name| {
                    (
                        name.clone(),
                        SelectItem::UnnamedExpr(column(&side.name, name)),
                    )
                }));
                relations.push(side);
            }
            let merged: Vec<(String, SelectItem)> = using
                .into_iter()
                .flatten()
                .map(|name| {
                    let item = SelectItem::UnnamedExpr(Expr::Identifier(name.clone()));
                    (identifier_name(name), item)
                })
                .collect();
            let is_merged =
                |(name, _): &(String, SelectItem)| merged.iter().any(|(m, _)| m == name);
            joined.retain(|item| !is_merged(item));
            right.retain(|item| !is_merged(item));
            joined = merged.iter().cloned().chain(joined).chain(right).collect();
        }
        everything.extend(joined.into_iter().map(|(_, item)| item));
    }
    let mut projection = Vec::with_capacity(select.projection.len());
    for item in std::mem::take(&mut select.projection) {
        match &item {
            SelectItem::Wildcard(_) => projection.extend(everything.iter().cloned()),
            SelectItem::QualifiedWildcard(name, _) => {
                let qualifier = name.0.last().map(identifier_name);
                for side in &relations {
                    if Some(identifier_name(&side.name)) == qualifier {
                        projection.extend(
                            side.columns
                                .iter()
                                .map(|c| SelectItem::UnnamedExpr(column(&side.name, c))),
                        );
                    }
                }
            }
            _ => projection.push(item),
        }
    }
    select.projection = projection;
    Ok(())
}
