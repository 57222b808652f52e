//! A subquery read alone in FROM, merged into the query that reads it, as PostgreSQL's planner
//! pulls such subqueries up: `SELECT t.a FROM (SELECT x AS a FROM s JOIN c ON ...) AS t WHERE
//! t.a > 1 ORDER BY t.a LIMIT 8` runs as `SELECT x AS a FROM s JOIN c ON ... WHERE x > 1 ORDER BY
//! x LIMIT 8`. Computed apart, the subquery's rows would all be stored, every column of them,
//! before the outer query keeps eight; merged, the outer filter, ordering and limit apply as
//! the inner tables are read.
//!
//! Only a plain projection of its FROM is merged (no grouping, aggregate, window, DISTINCT,
//! ORDER BY, LIMIT or subquery of its own), into a query that reads nothing else and holds no
//! subquery that could name it. Every name the outer query uses must be one column of the
//! subquery; anything else leaves the query as it was, to be computed in steps.

use crate::pipeline::{identifier_name, same_name, Backend};
use sqlparser::ast::{
    Expr, GroupByExpr, Ident, OrderBy, Query, Select, SelectItem, SetExpr, TableFactor, Visit,
    VisitMut, Visitor, WildcardAdditionalOptions,
};
use std::ops::ControlFlow;

/// Merges the subquery the query reads alone, again while what it read is one subquery.
pub fn derived_tables(backend: &dyn Backend, query: &mut Query) {
    while let SetExpr::Select(select) = query.body.as_mut() {
        let Some((merged, order_by)) = merged(backend, select, query.order_by.as_ref()) else {
            return;
        };
        **select = merged;
        query.order_by = order_by;
    }
}

/// The outer SELECT and its ORDER BY with the subquery merged in; `None` where that would not
/// mean the same.
fn merged(
    backend: &dyn Backend,
    outer: &Select,
    order_by: Option<&OrderBy>,
) -> Option<(Select, Option<OrderBy>)> {
    let [from] = outer.from.as_slice() else {
        return None;
    };
    let TableFactor::Derived {
        lateral: false,
        subquery,
        alias: Some(alias),
    } = &from.relation
    else {
        return None;
    };
    let SetExpr::Select(inner) = subquery.body.as_ref() else {
        return None;
    };
    // Joins that merge columns are rewritten once their tables are known: not yet.
    if !from.joins.is_empty()
        || !alias.columns.is_empty()
        || !plain(subquery, inner)
        || crate::sql::joins_need_columns(inner)
    {
        return None;
    }
    let mut inner = (**inner).clone();
    crate::join_columns::expand_wildcards(backend, &mut inner).ok()?;
    if holds_query(&inner.projection)
        || holds_query(&inner.selection)
        || computed_apart(&inner.projection)
    {
        return None;
    }
    let columns = Columns {
        alias: &alias.name,
        items: &inner.projection,
    };

    let mut merged = Select {
        from: Vec::new(),
        projection: Vec::new(),
        ..outer.clone()
    };
    let mut order_by = order_by.cloned();
    if holds_query(&merged) || holds_query(&order_by) {
        return None;
    }
    columns.substitute(&mut merged)?;
    columns.substitute(&mut order_by)?;
    for item in &outer.projection {
        match item {
            SelectItem::Wildcard(options) if *options == WildcardAdditionalOptions::default() => {
                merged.projection.extend(inner.projection.iter().cloned())
            }
            SelectItem::QualifiedWildcard(name, options)
                if *options == WildcardAdditionalOptions::default()
                    && matches!(name.0.as_slice(), [table] if same_name(table, &alias.name)) =>
            {
                merged.projection.extend(inner.projection.iter().cloned())
            }
            SelectItem::UnnamedExpr(expr) => {
                // A column keeps the name it had, not that of what it reads.
                let name = column_named(expr).map(identifier_name);
                let mut expr = expr.clone();
                columns.substitute(&mut expr)?;
                merged.projection.push(match name {
                    Some(name) => SelectItem::ExprWithAlias {
                        expr,
                        alias: Ident::with_quote('"', name),
                    },
                    None => SelectItem::UnnamedExpr(expr),
                });
            }
            SelectItem::ExprWithAlias { expr, alias } => {
                let mut expr = expr.clone();
                columns.substitute(&mut expr)?;
                merged.projection.push(SelectItem::ExprWithAlias {
                    expr,
                    alias: alias.clone(),
                });
            }
            _ => return None,
        }
    }
    let filters = inner.selection.take().into_iter().chain(merged.selection);
    merged.selection = crate::sql::and_all(filters.collect());
    merged.from = inner.from;
    Some((merged, order_by))
}

/// A query that only selects from its FROM, filtered.
fn plain(query: &Query, select: &Select) -> bool {
    query.with.is_none()
        && query.order_by.is_none()
        && query.limit.is_none()
        && query.limit_by.is_empty()
        && query.offset.is_none()
        && query.fetch.is_none()
        && query.locks.is_empty()
        && query.for_clause.is_none()
        && query.settings.is_none()
        && query.format_clause.is_none()
        && select.distinct.is_none()
        && select.top.is_none()
        && select.into.is_none()
        && select.lateral_views.is_empty()
        && select.prewhere.is_none()
        && matches!(&select.group_by, GroupByExpr::Expressions(exprs, modifiers)
            if exprs.is_empty() && modifiers.is_empty())
        && select.cluster_by.is_empty()
        && select.distribute_by.is_empty()
        && select.sort_by.is_empty()
        && select.having.is_none()
        && select.named_window.is_empty()
        && select.qualify.is_none()
        && select.value_table_mode.is_none()
        && select.connect_by.is_none()
}

fn holds_query(node: &impl Visit) -> bool {
    struct Finds;
    impl Visitor for Finds {
        type Break = ();
        fn pre_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
            ControlFlow::Break(())
        }
    }
    crate::walk::walk(node, &mut Finds).is_break()
}

/// True when a column computes over several rows (an aggregate, a window), makes rows, or
/// differs each time it is computed: merged, it would be computed otherwise.
fn computed_apart(projection: &[SelectItem]) -> bool {
    let apart = |expr: &Expr| match expr {
        Expr::Function(function)
            if function.over.is_some()
                || crate::names::is_aggregate(expr)
                || function.name.0.last().is_some_and(|name| {
                    matches!(
                        identifier_name(name).as_str(),
                        "generate_series" | "unnest" | "random" | "rand"
                    )
                }) =>
        {
            ControlFlow::Break(())
        }
        _ => ControlFlow::Continue(()),
    };
    projection
        .iter()
        .any(|item| crate::walk::expressions(item, apart).is_break())
}

/// The subquery's columns, as the outer query names them.
struct Columns<'a> {
    alias: &'a Ident,
    items: &'a [SelectItem],
}

impl Columns<'_> {
    /// What the one column named `name` computes; `None` when no column or several have it.
    fn find(&self, name: &Ident) -> Option<&Expr> {
        let mut found = self.items.iter().filter_map(|item| match item {
            SelectItem::ExprWithAlias { expr, alias } if same_name(alias, name) => Some(expr),
            SelectItem::UnnamedExpr(expr)
                if column_named(expr).is_some_and(|column| same_name(column, name)) =>
            {
                Some(expr)
            }
            _ => None,
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// Puts what each column computes where `node` names it; `None`, with `node` part done,
    /// where a name is not one of the columns.
    fn substitute(&self, node: &mut impl VisitMut) -> Option<()> {
        let flow = crate::walk::expressions_mut(node, |expr| {
            let name = match expr {
                Expr::Identifier(name) => name,
                Expr::CompoundIdentifier(parts) => match parts.as_slice() {
                    [table, name] if same_name(table, self.alias) => name,
                    _ => return ControlFlow::Break(()),
                },
                _ => return ControlFlow::Continue(()),
            };
            match self.find(name) {
                Some(found) => {
                    *expr = found.clone();
                    ControlFlow::Continue(())
                }
                None => ControlFlow::Break(()),
            }
        });
        flow.is_continue().then_some(())
    }
}

/// The column an expression written without an alias is named for: itself, or the column it
/// casts or parenthesizes.
fn column_named(expr: &Expr) -> Option<&Ident> {
    match expr {
        Expr::Identifier(name) => Some(name),
        Expr::CompoundIdentifier(parts) => parts.last(),
        Expr::Nested(inner) => column_named(inner),
        Expr::Cast { expr: inner, .. } => match inner.as_ref() {
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) => column_named(inner),
            _ => None,
        },
        _ => None,
    }
}
