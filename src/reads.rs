//! Which columns a query can read, so a scan copies only those out of storage.
//!
//! Every row a scan hands to GlueSQL is a copy: for `COUNT(*) ... WHERE sent_at < ...` over
//! chat that used to mean copying every message's text too. The answer here is deliberately
//! coarse and errs towards reading more: any column whose name appears anywhere in the query, as
//! a plain or qualified name, whatever table it belongs to. A wildcard (`*`, `t.*`, `TABLE t`) or
//! a `NATURAL` join reads everything. Only queries are narrowed: writes must see whole rows.

use sqlparser::ast::{
    Expr, FunctionArg, FunctionArgExpr, FunctionArguments, JoinConstraint, JoinOperator, Query,
    SelectItem, SetExpr, Statement, Visitor,
};
use std::collections::HashSet;
use std::ops::ControlFlow;

/// The column names (lowercase) `statement` can read, or `None` when it may read every column.
pub fn named_columns(statement: &Statement) -> Option<HashSet<String>> {
    if !matches!(statement, Statement::Query(_)) {
        return None;
    }
    let mut names = Names::default();
    match crate::walk::walk(statement, &mut names) {
        ControlFlow::Continue(()) => Some(names.0),
        ControlFlow::Break(()) => None,
    }
}

#[derive(Default)]
struct Names(HashSet<String>);

impl Names {
    fn add(&mut self, name: &str) {
        self.0.insert(name.to_lowercase());
    }
}

/// Breaks on anything that reads columns without naming them.
impl Visitor for Names {
    type Break = ();

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        set_expr(&query.body, self)
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
        match expr {
            Expr::Identifier(ident) => self.add(&ident.value),
            Expr::CompoundIdentifier(parts) => {
                if let Some(last) = parts.last() {
                    self.add(&last.value);
                }
            }
            Expr::Wildcard | Expr::QualifiedWildcard(_) => return ControlFlow::Break(()),
            Expr::Function(function) => {
                if let FunctionArguments::List(list) = &function.args {
                    let qualified_wildcard = list.args.iter().any(|arg| {
                        matches!(
                            arg,
                            FunctionArg::Unnamed(FunctionArgExpr::QualifiedWildcard(_))
                                | FunctionArg::Named {
                                    arg: FunctionArgExpr::QualifiedWildcard(_),
                                    ..
                                }
                        )
                    });
                    if qualified_wildcard {
                        return ControlFlow::Break(());
                    }
                }
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

/// The parts of a query body the expression walk does not see: select lists and join columns.
/// Nested queries are reached by the visitor itself.
fn set_expr(body: &SetExpr, names: &mut Names) -> ControlFlow<()> {
    match body {
        SetExpr::Select(select) => {
            let wildcard = select.projection.iter().any(|item| {
                matches!(
                    item,
                    SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(..)
                )
            });
            if wildcard {
                return ControlFlow::Break(());
            }
            for join in select.from.iter().flat_map(|table| &table.joins) {
                let constraint = match &join.join_operator {
                    JoinOperator::Inner(c)
                    | JoinOperator::LeftOuter(c)
                    | JoinOperator::RightOuter(c)
                    | JoinOperator::FullOuter(c)
                    | JoinOperator::LeftSemi(c)
                    | JoinOperator::RightSemi(c)
                    | JoinOperator::LeftAnti(c)
                    | JoinOperator::RightAnti(c) => Some(c),
                    _ => None,
                };
                match constraint {
                    Some(JoinConstraint::Natural) => return ControlFlow::Break(()),
                    Some(JoinConstraint::Using(columns)) => {
                        for column in columns {
                            names.add(&column.to_string());
                        }
                    }
                    _ => {}
                }
            }
            ControlFlow::Continue(())
        }
        SetExpr::SetOperation { left, right, .. } => {
            set_expr(left, names)?;
            set_expr(right, names)
        }
        SetExpr::Query(_) | SetExpr::Values(_) => ControlFlow::Continue(()),
        _ => ControlFlow::Break(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::parser::Parser;

    fn columns(sql: &str) -> Option<Vec<String>> {
        let statement = Parser::parse_sql(&PostgreSqlDialect {}, sql)
            .unwrap()
            .remove(0);
        named_columns(&statement).map(|names| {
            let mut names: Vec<_> = names.into_iter().collect();
            names.sort();
            names
        })
    }

    #[test]
    fn names_anywhere_in_the_query_are_read() {
        assert_eq!(
            columns(
                "SELECT COUNT(*) FROM chat_messages c WHERE c.Sent_At < NOW() \
                 AND EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = c.stream_id)"
            ),
            Some(vec!["sent_at".into(), "stream_id".into()])
        );
        assert_eq!(
            columns("SELECT a FROM t JOIN u USING (b) ORDER BY c"),
            Some(vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(
            columns("SELECT x FROM (SELECT y AS x FROM t) d UNION ALL SELECT z FROM u"),
            Some(vec!["x".into(), "y".into(), "z".into()])
        );
    }

    #[test]
    fn wildcards_natural_joins_and_writes_read_everything() {
        assert_eq!(columns("SELECT * FROM t"), None);
        assert_eq!(columns("SELECT a FROM (SELECT t.* FROM t) d"), None);
        assert_eq!(
            columns("SELECT a FROM t WHERE b IN (SELECT * FROM u)"),
            None
        );
        assert_eq!(columns("SELECT a FROM t NATURAL JOIN u"), None);
        assert_eq!(columns("SELECT a FROM t UNION TABLE u"), None);
        assert_eq!(columns("DELETE FROM t WHERE a = 1"), None);
        assert_eq!(columns("UPDATE t SET a = 1"), None);
    }
}
