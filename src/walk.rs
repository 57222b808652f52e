//! Walking sqlparser's syntax trees through one visitor type per break type.
//!
//! sqlparser's `Visit::visit` is generic over the visitor, so every visitor type (and every
//! closure given to `visit_expressions`) got its own copy of the whole tree walk: about 27 KB of
//! wasm each, two thirds of a megabyte in all. Here every visitor is reached through a
//! `dyn Visitor`, so the walk is compiled once per break type. A call through a vtable per node
//! costs nothing next to what the statement then does.

use sqlparser::ast::{Expr, ObjectName, Query, Statement, TableFactor};
use sqlparser::ast::{Visit, VisitMut, Visitor, VisitorMut};
use std::ops::ControlFlow;

/// Walks `node` with `visitor`, as `node.visit(visitor)` would.
pub fn walk<B>(node: &impl Visit, visitor: &mut dyn Visitor<Break = B>) -> ControlFlow<B> {
    node.visit(&mut Dyn(visitor))
}

/// Walks `node` with `visitor`, as `node.visit(visitor)` would for a mutating visitor.
pub fn walk_mut<B>(
    node: &mut impl VisitMut,
    visitor: &mut dyn VisitorMut<Break = B>,
) -> ControlFlow<B> {
    node.visit(&mut DynMut(visitor))
}

/// `f` on every expression of `node`, outermost first, as sqlparser's `visit_expressions`.
pub fn expressions<B>(node: &impl Visit, f: impl FnMut(&Expr) -> ControlFlow<B>) -> ControlFlow<B> {
    struct Each<F>(F);
    impl<B, F: FnMut(&Expr) -> ControlFlow<B>> Visitor for Each<F> {
        type Break = B;
        fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<B> {
            (self.0)(expr)
        }
    }
    walk(node, &mut Each(f))
}

/// `f` on every expression of `node`, innermost first, as sqlparser's `visit_expressions_mut`.
pub fn expressions_mut<B>(
    node: &mut impl VisitMut,
    f: impl FnMut(&mut Expr) -> ControlFlow<B>,
) -> ControlFlow<B> {
    struct Each<F>(F);
    impl<B, F: FnMut(&mut Expr) -> ControlFlow<B>> VisitorMut for Each<F> {
        type Break = B;
        fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<B> {
            (self.0)(expr)
        }
    }
    walk_mut(node, &mut Each(f))
}

/// `f` on every statement of `node`, innermost first, as sqlparser's `visit_statements_mut`.
pub fn statements_mut<B>(
    node: &mut impl VisitMut,
    f: impl FnMut(&mut Statement) -> ControlFlow<B>,
) -> ControlFlow<B> {
    struct Each<F>(F);
    impl<B, F: FnMut(&mut Statement) -> ControlFlow<B>> VisitorMut for Each<F> {
        type Break = B;
        fn post_visit_statement(&mut self, statement: &mut Statement) -> ControlFlow<B> {
            (self.0)(statement)
        }
    }
    walk_mut(node, &mut Each(f))
}

struct Dyn<'a, B>(&'a mut dyn Visitor<Break = B>);

impl<B> Visitor for Dyn<'_, B> {
    type Break = B;
    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<B> {
        self.0.pre_visit_query(query)
    }
    fn post_visit_query(&mut self, query: &Query) -> ControlFlow<B> {
        self.0.post_visit_query(query)
    }
    fn pre_visit_relation(&mut self, relation: &ObjectName) -> ControlFlow<B> {
        self.0.pre_visit_relation(relation)
    }
    fn post_visit_relation(&mut self, relation: &ObjectName) -> ControlFlow<B> {
        self.0.post_visit_relation(relation)
    }
    fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<B> {
        self.0.pre_visit_table_factor(factor)
    }
    fn post_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<B> {
        self.0.post_visit_table_factor(factor)
    }
    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<B> {
        self.0.pre_visit_expr(expr)
    }
    fn post_visit_expr(&mut self, expr: &Expr) -> ControlFlow<B> {
        self.0.post_visit_expr(expr)
    }
    fn pre_visit_statement(&mut self, statement: &Statement) -> ControlFlow<B> {
        self.0.pre_visit_statement(statement)
    }
    fn post_visit_statement(&mut self, statement: &Statement) -> ControlFlow<B> {
        self.0.post_visit_statement(statement)
    }
}

struct DynMut<'a, B>(&'a mut dyn VisitorMut<Break = B>);

impl<B> VisitorMut for DynMut<'_, B> {
    type Break = B;
    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<B> {
        self.0.pre_visit_query(query)
    }
    fn post_visit_query(&mut self, query: &mut Query) -> ControlFlow<B> {
        self.0.post_visit_query(query)
    }
    fn pre_visit_relation(&mut self, relation: &mut ObjectName) -> ControlFlow<B> {
        self.0.pre_visit_relation(relation)
    }
    fn post_visit_relation(&mut self, relation: &mut ObjectName) -> ControlFlow<B> {
        self.0.post_visit_relation(relation)
    }
    fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<B> {
        self.0.pre_visit_table_factor(factor)
    }
    fn post_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<B> {
        self.0.post_visit_table_factor(factor)
    }
    fn pre_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<B> {
        self.0.pre_visit_expr(expr)
    }
    fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<B> {
        self.0.post_visit_expr(expr)
    }
    fn pre_visit_statement(&mut self, statement: &mut Statement) -> ControlFlow<B> {
        self.0.pre_visit_statement(statement)
    }
    fn post_visit_statement(&mut self, statement: &mut Statement) -> ControlFlow<B> {
        self.0.post_visit_statement(statement)
    }
}
