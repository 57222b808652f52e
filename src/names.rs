//! Names checked before anything runs: every table, alias and column a statement mentions is
//! resolved the way PostgreSQL resolves it, so a typo is reported with where it is and the
//! nearest real name. Left to the executor, a wrong name is found only when a row reaches it
//! (never, over an empty table or an untaken `CASE` branch), and without a position.
//!
//! The pass only reports what it is sure of: a relation whose columns it cannot know (a table
//! function, a derived table with unnamed expressions) makes every lookup that might land on it
//! succeed.

use sqlparser::ast::{
    AssignmentTarget, Delete, Distinct, Expr, FromTable, GroupByExpr, Ident, Insert,
    JoinConstraint, JoinOperator, ObjectName, OrderBy, Query, Select, SelectItem, SetExpr,
    Statement, TableAlias, TableFactor, TableWithJoins, Visit, Visitor,
};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::tokenizer::{Token, TokenWithLocation, Tokenizer};
use std::collections::BTreeMap;
use std::ops::ControlFlow;

/// What a statement may name.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Column names of every table and view, by lower-case name; `None` for a table without a
    /// fixed set of columns.
    pub tables: BTreeMap<String, Option<Vec<String>>>,
    /// Primary key columns by lower-case table name: grouping by them groups by every column.
    pub keys: BTreeMap<String, Vec<String>>,
}

/// A name that does not resolve: PostgreSQL's message, a suggestion, and the name as written
/// (qualifier first) so its place in the text can be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameError {
    pub message: String,
    pub hint: Option<String>,
    pub path: Vec<String>,
    /// The clause the name is in (`ORDER BY`) when it is written elsewhere first.
    pub clause: Option<&'static str>,
}

/// Checks one statement's names against `catalog`.
pub fn check(statement: &Statement, catalog: &Catalog) -> Result<(), NameError> {
    let resolver = Resolver { catalog };
    let nothing = Scope::default();
    let top = Level {
        scope: &nothing,
        outer: None,
    };
    match statement {
        Statement::Query(query) => resolver.query(query, &top, &Ctes::default()).map(drop),
        Statement::Insert(insert) => resolver.insert(insert),
        Statement::Update {
            table,
            assignments,
            from,
            selection,
            returning,
        } => {
            let ctes = Ctes::default();
            let mut scope = Scope::default();
            resolver.add_from_item(table, &mut scope, &top, &ctes)?;
            let target = scope.relations[0].clone();
            for assignment in assignments {
                let columns = match &assignment.target {
                    AssignmentTarget::ColumnName(name) => std::slice::from_ref(name),
                    AssignmentTarget::Tuple(names) => names.as_slice(),
                };
                for column in columns {
                    target.require_column(last(column))?;
                }
            }
            if let Some(item) = from {
                resolver.add_from_item(item, &mut scope, &top, &ctes)?;
            }
            let level = Level {
                scope: &scope,
                outer: None,
            };
            for value in assignments.iter().map(|a| &a.value).chain(selection) {
                resolver.names(value, &level, &ctes)?;
            }
            resolver.returning(returning.as_deref(), &level, &ctes)
        }
        Statement::Delete(delete) => resolver.delete(delete),
        Statement::CreateTable(create) => match &create.query {
            Some(query) => resolver.query(query, &top, &Ctes::default()).map(drop),
            None => Ok(()),
        },
        Statement::CreateView { query, .. } => {
            resolver.query(query, &top, &Ctes::default()).map(drop)
        }
        _ => Ok(()),
    }
}

/// Where `error`'s name is in `sql` (the statement at `index`): 1-based line and column.
pub fn locate(sql: &str, index: usize, error: &NameError) -> Option<(u64, u64)> {
    let tokens = Tokenizer::new(&PostgreSqlDialect {}, sql)
        .tokenize_with_location()
        .ok()?;
    let meaningful = |t: &&TokenWithLocation| !matches!(t.token, Token::Whitespace(_));
    let tokens: Vec<&TokenWithLocation> = tokens.iter().filter(meaningful).collect();
    // Statements are what lies between semicolons; runs of semicolons make no statement.
    let statement = tokens
        .split(|t| t.token == Token::SemiColon)
        .filter(|part| !part.is_empty())
        .nth(index)?;
    let word = |t: &TokenWithLocation, name: &str| match &t.token {
        Token::Word(word) => same(&word.value, name),
        _ => false,
    };
    let period = |t: &TokenWithLocation| t.token == Token::Period;
    let n = error.path.len();
    // The name is looked for after the clause's keywords when it has one.
    let keywords: Vec<&str> = error.clause.iter().flat_map(|c| c.split(' ')).collect();
    let from = match keywords.len() {
        0 => 0,
        k => (0..statement.len()).find_map(|start| {
            let window = statement.get(start..start + k)?;
            let all = window.iter().zip(&keywords).all(|(t, k)| word(t, k));
            all.then_some(start + k)
        })?,
    };
    (from..statement.len()).find_map(|start| {
        let window = statement.get(start..start + 2 * n - 1)?;
        let matches = error.path.iter().enumerate().all(|(i, name)| {
            word(window[2 * i], name) && (i + 1 == n || period(window[2 * i + 1]))
        });
        // A bare name must not be one part of a longer dotted name.
        let dotted_before = start > 0 && period(statement[start - 1]);
        let dotted_after = statement.get(start + 2 * n - 1).is_some_and(|t| period(t));
        (matches && !dotted_before && !dotted_after)
            .then(|| (window[0].location.line, window[0].location.column))
    })
}

fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn last(name: &ObjectName) -> &str {
    name.0.last().map_or("", |ident| ident.value.as_str())
}

/// The columns of a relation; `None` for a name the pass cannot predict.
type Columns = Option<Vec<Option<String>>>;

/// One entry of a FROM list, by the name queries use for it.
#[derive(Debug, Clone)]
struct Relation {
    name: String,
    columns: Columns,
    /// The primary key of a table read as it is stored; empty otherwise.
    key: Vec<String>,
}

impl Relation {
    /// `Some(true)` when the relation surely has `column`, `None` when it cannot be known.
    fn has(&self, column: &str) -> Option<bool> {
        let columns = self.columns.as_ref()?;
        if columns.iter().flatten().any(|c| same(c, column)) {
            Some(true)
        } else if columns.iter().any(Option::is_none) {
            None
        } else {
            Some(false)
        }
    }

    /// How many of its known columns are named `column` (two and more: a reference is ambiguous,
    /// as after `SELECT *` over a join).
    fn count(&self, column: &str) -> usize {
        self.known_columns().filter(|c| same(c, column)).count()
    }

    fn known_columns(&self) -> impl Iterator<Item = &String> {
        self.columns.iter().flatten().flatten()
    }

    fn require_column(&self, column: &str) -> Result<(), NameError> {
        if self.has(column) != Some(false) {
            return Ok(());
        }
        Err(NameError {
            message: format!(
                "column \"{column}\" of relation \"{}\" does not exist",
                self.name
            ),
            hint: nearest(column, self.known_columns().map(String::as_str)).map(did_you_mean),
            path: vec![column.to_owned()],
            clause: None,
        })
    }
}

/// The relations of one query level's FROM list.
#[derive(Debug, Default)]
struct Scope {
    relations: Vec<Relation>,
    /// Columns merged by `JOIN ... USING`: a bare name reads the merged column, not ambiguous.
    merged: Vec<String>,
}

/// A query level and the levels around it, innermost first: a subquery may read the columns
/// of every query it sits in.
struct Level<'a> {
    scope: &'a Scope,
    outer: Option<&'a Level<'a>>,
}

impl<'a> Level<'a> {
    fn levels(&self) -> impl Iterator<Item = &Level<'a>> {
        std::iter::successors(Some(self), |level| level.outer)
    }

    fn relation(&self, name: &str) -> Option<&Relation> {
        self.levels()
            .find_map(|level| level.scope.relations.iter().find(|r| same(&r.name, name)))
    }

    /// Every column name in sight, qualified by its relation, for suggestions.
    fn all_columns(&self) -> impl Iterator<Item = (&str, &str)> {
        self.levels().flat_map(|level| {
            level.scope.relations.iter().flat_map(|r| {
                r.known_columns()
                    .map(move |c| (r.name.as_str(), c.as_str()))
            })
        })
    }

    /// Resolves a bare column name, as PostgreSQL does: the innermost level that has it wins,
    /// and two relations of that level having it is an error.
    fn column(&self, ident: &Ident) -> Result<(), NameError> {
        let name = ident.value.as_str();
        for level in self.levels() {
            let mut found = 0;
            let mut unsure = false;
            for relation in &level.scope.relations {
                match relation.has(name) {
                    Some(true) => found += relation.count(name),
                    Some(false) => {}
                    None => unsure = true,
                }
                // A bare relation name reads the whole row.
                unsure |= same(&relation.name, name);
            }
            if found > 1 && !level.scope.merged.iter().any(|m| same(m, name)) {
                let twice = level.scope.relations.iter().find(|r| r.count(name) > 1);
                return Err(NameError {
                    message: format!("column reference \"{name}\" is ambiguous"),
                    hint: Some(match twice {
                        Some(relation) => same_names_hint(&relation.name, name),
                        None => format!("Qualify it: {}.", qualify_hint(name, level)),
                    }),
                    path: vec![name.to_owned()],
                    clause: None,
                });
            }
            if found > 0 || unsure {
                return Ok(());
            }
        }
        Err(NameError {
            message: format!("column \"{name}\" does not exist"),
            hint: nearest_qualified(name, self).map(did_you_mean),
            path: vec![name.to_owned()],
            clause: None,
        })
    }

    fn qualified(&self, parts: &[Ident]) -> Result<(), NameError> {
        // `schema.table.column` and longer are left to the executor.
        let [qualifier, column] = parts else {
            return Ok(());
        };
        let path = vec![qualifier.value.clone(), column.value.clone()];
        let Some(relation) = self.relation(&qualifier.value) else {
            let names: Vec<&str> = self
                .levels()
                .flat_map(|l| l.scope.relations.iter().map(|r| r.name.as_str()))
                .collect();
            return Err(NameError {
                message: format!(
                    "missing FROM-clause entry for table \"{}\"",
                    qualifier.value
                ),
                hint: nearest(&qualifier.value, names.into_iter()).map(did_you_mean),
                path,
                clause: None,
            });
        };
        if relation.count(&column.value) > 1 {
            return Err(NameError {
                message: format!("column reference \"{}\" is ambiguous", column.value),
                hint: Some(same_names_hint(&qualifier.value, &column.value)),
                path,
                clause: None,
            });
        }
        if relation.has(&column.value) != Some(false) {
            return Ok(());
        }
        // The column may belong to another relation in sight: say which.
        let elsewhere = self
            .all_columns()
            .find(|(_, c)| same(c, &column.value))
            .map(|(r, c)| format!("{r}.{c}"));
        let hint = elsewhere
            .or_else(|| {
                nearest(&column.value, relation.known_columns().map(String::as_str))
                    .map(|c| format!("{}.{c}", relation.name))
            })
            .map(did_you_mean);
        Err(NameError {
            message: format!("column {}.{} does not exist", qualifier.value, column.value),
            hint,
            path,
            clause: None,
        })
    }
}

/// For a relation with two columns of one name (a subquery's `*` over a join, say).
fn same_names_hint(relation: &str, column: &str) -> String {
    format!("{relation} has two columns named {column}: give them names apart where {relation} is made (AS).")
}

fn qualify_hint(name: &str, level: &Level) -> String {
    let owners: Vec<String> = level
        .scope
        .relations
        .iter()
        .filter(|r| r.has(name) == Some(true))
        .map(|r| format!("{}.{name}", r.name))
        .collect();
    owners.join(" or ")
}

fn nearest_qualified(name: &str, level: &Level) -> Option<String> {
    let columns: Vec<(&str, &str)> = level.all_columns().collect();
    let best = nearest(name, columns.iter().map(|(_, c)| *c))?;
    // Qualify the suggestion when more than one relation has that column.
    let owners: Vec<&str> = columns
        .iter()
        .filter(|(_, c)| *c == best)
        .map(|(r, _)| *r)
        .collect();
    Some(match owners.as_slice() {
        [_] => best,
        _ => format!("{}.{best}", owners[0]),
    })
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let name = name.to_ascii_lowercase();
    let allowed = (name.chars().count() / 3).clamp(1, 3);
    candidates
        .map(|c| (edit_distance(&name, &c.to_ascii_lowercase()), c))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_owned())
}

fn did_you_mean(name: String) -> String {
    format!("Did you mean {name}?")
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// Common table expressions in sight, innermost last, with their columns.
#[derive(Default, Clone)]
struct Ctes {
    names: Vec<(String, Columns)>,
}

impl Ctes {
    fn get(&self, name: &str) -> Option<&Columns> {
        self.names
            .iter()
            .rev()
            .find(|(n, _)| same(n, name))
            .map(|(_, c)| c)
    }
}

struct Resolver<'a> {
    catalog: &'a Catalog,
}

impl Resolver<'_> {
    /// Checks a query and returns its output columns.
    fn query(&self, query: &Query, outer: &Level, ctes: &Ctes) -> Result<Columns, NameError> {
        let mut ctes = ctes.clone();
        if let Some(with) = &query.with {
            for cte in &with.cte_tables {
                let name = cte.alias.name.value.clone();
                let named = (!cte.alias.columns.is_empty()).then(|| {
                    cte.alias
                        .columns
                        .iter()
                        .map(|c| Some(c.value.clone()))
                        .collect()
                });
                if with.recursive {
                    // The recursive part reads the CTE itself before its columns are known.
                    ctes.names.push((name.clone(), named.clone()));
                }
                let columns = self.query(&cte.query, outer, &ctes)?;
                // Names given to the first columns; the others keep theirs.
                let columns = match (named, columns) {
                    (Some(named), Some(mut columns)) => {
                        let rest = columns.split_off(named.len().min(columns.len()));
                        Some(named.into_iter().chain(rest).collect())
                    }
                    (named, columns) => named.or(columns),
                };
                ctes.names.push((name, columns));
            }
        }
        self.set_expr(&query.body, outer, &ctes, query.order_by.as_ref())
    }

    /// Checks a query body; `order_by` is the ORDER BY that applies to its result.
    fn set_expr(
        &self,
        body: &SetExpr,
        outer: &Level,
        ctes: &Ctes,
        order_by: Option<&OrderBy>,
    ) -> Result<Columns, NameError> {
        let columns = match body {
            SetExpr::Select(select) => return self.select(select, outer, ctes, order_by),
            SetExpr::Query(inner) => self.query(inner, outer, ctes)?,
            SetExpr::SetOperation { left, right, .. } => {
                let columns = self.set_expr(left, outer, ctes, None)?;
                self.set_expr(right, outer, ctes, None)?;
                columns
            }
            SetExpr::Values(values) => {
                self.names(&values.rows, outer, ctes)?;
                let width = values.rows.first().map_or(0, Vec::len);
                Some((1..=width).map(|i| Some(format!("column{i}"))).collect())
            }
            _ => None,
        };
        // Over a combined result, ORDER BY sees only the result's column names; two of one
        // name are two columns.
        if let (Some(order), Some(names)) = (order_by, &columns) {
            let outputs: Vec<(String, Option<String>)> = names
                .iter()
                .enumerate()
                .filter_map(|(i, name)| Some((name.as_ref()?.to_lowercase(), Some(i.to_string()))))
                .collect();
            let keys = order.exprs.iter().map(|item| &item.expr);
            same_name_outputs("ORDER BY", keys, &outputs)?;
            let scope = Scope {
                relations: vec![Relation {
                    name: String::new(),
                    columns: Some(names.clone()),
                    key: Vec::new(),
                }],
                ..Scope::default()
            };
            let level = Level {
                scope: &scope,
                outer: None,
            };
            self.names(&order.exprs, &level, ctes)?;
        }
        Ok(columns)
    }

    fn select(
        &self,
        select: &Select,
        outer: &Level,
        ctes: &Ctes,
        order_by: Option<&OrderBy>,
    ) -> Result<Columns, NameError> {
        let mut scope = Scope::default();
        for item in &select.from {
            self.add_from_item(item, &mut scope, outer, ctes)?;
        }
        let level = Level {
            scope: &scope,
            outer: Some(outer),
        };
        for item in &select.from {
            self.join_conditions(item, &level, ctes)?;
        }
        let mut output: Vec<Option<String>> = Vec::new();
        let mut output_known = true;
        for item in &select.projection {
            match item {
                SelectItem::UnnamedExpr(expr) => {
                    self.names(expr, &level, ctes)?;
                    output.push(column_name(expr));
                }
                SelectItem::ExprWithAlias { expr, alias } => {
                    self.names(expr, &level, ctes)?;
                    output.push(Some(alias.value.clone()));
                }
                SelectItem::Wildcard(_) => match wildcard(scope.relations.iter()) {
                    Some(columns) => output.extend(merged_first(columns, &scope.merged)),
                    None => output_known = false,
                },
                SelectItem::QualifiedWildcard(name, _) => {
                    let relation = level.relation(last(name)).ok_or_else(|| NameError {
                        message: format!("missing FROM-clause entry for table \"{}\"", last(name)),
                        hint: None,
                        path: vec![last(name).to_owned()],
                        clause: None,
                    })?;
                    match wildcard(std::iter::once(relation)) {
                        Some(columns) => output.extend(columns),
                        None => output_known = false,
                    }
                }
            }
        }
        let aliases: Vec<&str> = output.iter().flatten().map(String::as_str).collect();
        self.names(&select.selection, &level, ctes)?;
        self.names(&select.having, &level, ctes)?;
        self.names(&select.named_window, &level, ctes)?;
        // GROUP BY, ORDER BY and DISTINCT ON may also name output columns.
        if let GroupByExpr::Expressions(exprs, _) = &select.group_by {
            self.keys("GROUP BY", exprs.iter().collect(), &level, ctes, &aliases)?;
        }
        if let Some(Distinct::On(exprs)) = &select.distinct {
            self.keys(
                "DISTINCT ON",
                exprs.iter().collect(),
                &level,
                ctes,
                &aliases,
            )?;
        }
        if let Some(order) = order_by {
            let exprs = order.exprs.iter().map(|item| &item.expr).collect();
            self.keys("ORDER BY", exprs, &level, ctes, &aliases)?;
        }
        ambiguous_outputs(select, &level, order_by)?;
        grouping(select, &level, order_by, &aliases)?;
        Ok(output_known.then_some(output))
    }

    /// Adds a FROM item (and its joins) to `scope`. Derived tables see only the outer levels,
    /// as in PostgreSQL without LATERAL.
    fn add_from_item(
        &self,
        item: &TableWithJoins,
        scope: &mut Scope,
        outer: &Level,
        ctes: &Ctes,
    ) -> Result<(), NameError> {
        let start = scope.relations.len();
        let relation = self.factor(&item.relation, scope, outer, ctes)?;
        scope.relations.extend(relation);
        for join in &item.joins {
            let left = scope.relations.len();
            let relation = self.factor(&join.relation, scope, outer, ctes)?;
            scope.relations.extend(relation);
            if let Some(columns) = using_columns(&join.join_operator) {
                scope
                    .merged
                    .extend(columns.iter().map(|column| column.value.clone()));
            }
            if natural(&join.join_operator) {
                // The columns both sides have, where both are known.
                let (before, after) = scope.relations.split_at(left);
                let common: Vec<String> = after
                    .iter()
                    .flat_map(Relation::known_columns)
                    .filter(|column| {
                        before[start..]
                            .iter()
                            .any(|relation| relation.has(column) == Some(true))
                    })
                    .cloned()
                    .collect();
                scope.merged.extend(common);
            }
        }
        Ok(())
    }

    fn factor(
        &self,
        factor: &TableFactor,
        scope: &mut Scope,
        outer: &Level,
        ctes: &Ctes,
    ) -> Result<Option<Relation>, NameError> {
        let mut key = Vec::new();
        let (name, columns, alias) = match factor {
            TableFactor::Table {
                name, alias, args, ..
            } => {
                let table = last(name).to_owned();
                let columns = match args {
                    // A table function: `generate_series(...) AS g` has one column, `g`.
                    Some(args) => {
                        // Functions in FROM may read the items before them.
                        let so_far = Scope {
                            relations: scope.relations.clone(),
                            merged: scope.merged.clone(),
                        };
                        let level = Level {
                            scope: &so_far,
                            outer: Some(outer),
                        };
                        self.names(&args.args, &level, ctes)?;
                        let single = same(&table, "generate_series");
                        let column = alias
                            .as_ref()
                            .map_or(table.clone(), |a| a.name.value.clone());
                        single.then(|| vec![Some(column)])
                    }
                    None => self.table_columns(name, ctes)?,
                };
                let stored = args.is_none() && (name.0.len() > 1 || ctes.get(&table).is_none());
                if stored {
                    key = self
                        .catalog
                        .keys
                        .get(&table.to_ascii_lowercase())
                        .cloned()
                        .unwrap_or_default();
                }
                (table, columns, alias.as_ref())
            }
            TableFactor::Derived {
                lateral,
                subquery,
                alias,
            } => {
                let so_far = Scope {
                    relations: if *lateral {
                        scope.relations.clone()
                    } else {
                        Vec::new()
                    },
                    ..Scope::default()
                };
                let level = Level {
                    scope: &so_far,
                    outer: Some(outer),
                };
                let columns = self.query(subquery, &level, ctes)?;
                (String::new(), columns, alias.as_ref())
            }
            TableFactor::NestedJoin {
                table_with_joins,
                alias,
            } => {
                let mut inner = Scope::default();
                self.add_from_item(table_with_joins, &mut inner, outer, ctes)?;
                let level = Level {
                    scope: &inner,
                    outer: Some(outer),
                };
                self.join_conditions(table_with_joins, &level, ctes)?;
                if alias.is_none() {
                    scope.relations.append(&mut inner.relations);
                    scope.merged.append(&mut inner.merged);
                    return Ok(None);
                }
                let columns = wildcard(inner.relations.iter())
                    .map(|columns| merged_first(columns, &inner.merged));
                (String::new(), columns, alias.as_ref())
            }
            // Other table factors are not PostgreSQL's, or not ours to predict.
            _ => {
                let alias = factor_alias(factor);
                (String::new(), None, alias)
            }
        };
        let Some(alias) = alias else {
            return Ok(Some(Relation { name, columns, key }));
        };
        let mut columns = columns;
        if !alias.columns.is_empty() {
            key.clear();
            let renamed = alias.columns.iter().map(|c| Some(c.value.clone()));
            columns = columns.map(|mut known| {
                let rest = known.split_off(alias.columns.len().min(known.len()));
                renamed.chain(rest).collect()
            });
        }
        Ok(Some(Relation {
            name: alias.name.value.clone(),
            columns,
            key,
        }))
    }

    fn table_columns(&self, name: &ObjectName, ctes: &Ctes) -> Result<Columns, NameError> {
        let table = last(name);
        if name.0.len() == 1 {
            if let Some(columns) = ctes.get(table) {
                return Ok(columns.clone());
            }
        }
        if let Some(columns) = self.catalog.tables.get(&table.to_ascii_lowercase()) {
            return Ok(columns
                .as_ref()
                .map(|names| names.iter().cloned().map(Some).collect()));
        }
        let names = self
            .catalog
            .tables
            .keys()
            .map(String::as_str)
            .chain(ctes.names.iter().map(|(n, _)| n.as_str()));
        Err(NameError {
            message: format!("relation \"{table}\" does not exist"),
            hint: nearest(table, names).map(did_you_mean),
            path: name.0.iter().map(|i| i.value.clone()).collect(),
            clause: None,
        })
    }

    fn join_conditions(
        &self,
        item: &TableWithJoins,
        level: &Level,
        ctes: &Ctes,
    ) -> Result<(), NameError> {
        for join in &item.joins {
            if let Some(on) = join_condition(&join.join_operator) {
                self.names(on, level, ctes)?;
            }
        }
        Ok(())
    }

    /// Checks the keys of a `clause` that may name an output column (one of `aliases`), as
    /// PostgreSQL reads them: a key that is only a name may be an output column; inside an
    /// expression, names are the FROM list's columns.
    fn keys(
        &self,
        clause: &'static str,
        keys: Vec<&Expr>,
        level: &Level,
        ctes: &Ctes,
        aliases: &[&str],
    ) -> Result<(), NameError> {
        for key in keys {
            if let Expr::Identifier(ident) = key {
                if aliases.iter().any(|alias| same(alias, &ident.value)) {
                    continue;
                }
            }
            self.names(key, level, ctes).map_err(|mut error| {
                if let [name] = error.path.as_slice() {
                    if aliases.iter().any(|alias| same(alias, name)) {
                        error.hint = Some(format!(
                            "\"{name}\" is an output column: {clause} can use it only on its own. In an expression, write what it computes again, or use it from a subquery."
                        ));
                        error.clause = Some(clause);
                    }
                }
                error
            })?;
        }
        Ok(())
    }

    /// Checks the names in the expressions of `node`.
    fn names(&self, node: &impl Visit, level: &Level, ctes: &Ctes) -> Result<(), NameError> {
        let mut visitor = Names {
            resolver: self,
            level,
            ctes,
            depth: 0,
        };
        match crate::walk::walk(node, &mut visitor) {
            ControlFlow::Break(error) => Err(error),
            ControlFlow::Continue(()) => Ok(()),
        }
    }

    fn insert(&self, insert: &Insert) -> Result<(), NameError> {
        let ctes = Ctes::default();
        let top = Scope::default();
        let level = Level {
            scope: &top,
            outer: None,
        };
        let columns = self.table_columns(&insert.table_name, &ctes)?;
        let table = Relation {
            name: last(&insert.table_name).to_owned(),
            columns,
            key: Vec::new(),
        };
        for column in &insert.columns {
            table.require_column(&column.value)?;
        }
        if let Some(source) = &insert.source {
            self.query(source, &level, &ctes)?;
        }
        let scope = Scope {
            relations: vec![table],
            ..Scope::default()
        };
        self.returning(
            insert.returning.as_deref(),
            &Level {
                scope: &scope,
                outer: None,
            },
            &ctes,
        )
    }

    fn delete(&self, delete: &Delete) -> Result<(), NameError> {
        let ctes = Ctes::default();
        let top = Scope::default();
        let outer = Level {
            scope: &top,
            outer: None,
        };
        let (FromTable::WithFromKeyword(from) | FromTable::WithoutKeyword(from)) = &delete.from;
        let mut scope = Scope::default();
        for item in from.iter().chain(delete.using.iter().flatten()) {
            self.add_from_item(item, &mut scope, &outer, &ctes)?;
        }
        let level = Level {
            scope: &scope,
            outer: None,
        };
        if let Some(selection) = &delete.selection {
            self.names(selection, &level, &ctes)?;
        }
        self.returning(delete.returning.as_deref(), &level, &ctes)
    }

    fn returning(
        &self,
        items: Option<&[SelectItem]>,
        level: &Level,
        ctes: &Ctes,
    ) -> Result<(), NameError> {
        for item in items.unwrap_or_default() {
            if let SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } = item {
                self.names(expr, level, ctes)?;
            }
        }
        Ok(())
    }
}

/// Walks one expression; a subquery inside it is checked as a query of its own, with this
/// level as its outer one, and the walk skips its insides.
struct Names<'a, 'b> {
    resolver: &'a Resolver<'a>,
    level: &'a Level<'b>,
    ctes: &'a Ctes,
    depth: usize,
}

impl Visitor for Names<'_, '_> {
    type Break = NameError;

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<NameError> {
        if self.depth == 0 {
            if let Err(error) = self.resolver.query(query, self.level, self.ctes) {
                return ControlFlow::Break(error);
            }
        }
        self.depth += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _: &Query) -> ControlFlow<NameError> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<NameError> {
        if self.depth > 0 {
            return ControlFlow::Continue(());
        }
        let outcome = match expr {
            Expr::Identifier(ident) => self.level.column(ident),
            Expr::CompoundIdentifier(parts) => self.level.qualified(parts),
            _ => Ok(()),
        };
        match outcome {
            Ok(()) => ControlFlow::Continue(()),
            Err(error) => ControlFlow::Break(error),
        }
    }
}

fn join_condition(operator: &JoinOperator) -> Option<&Expr> {
    match operator {
        JoinOperator::Inner(JoinConstraint::On(on))
        | JoinOperator::LeftOuter(JoinConstraint::On(on))
        | JoinOperator::RightOuter(JoinConstraint::On(on))
        | JoinOperator::FullOuter(JoinConstraint::On(on)) => Some(on),
        _ => None,
    }
}

/// The columns of `JOIN ... USING (...)`.
pub fn using_columns(operator: &JoinOperator) -> Option<&[Ident]> {
    match operator {
        JoinOperator::Inner(JoinConstraint::Using(columns))
        | JoinOperator::LeftOuter(JoinConstraint::Using(columns))
        | JoinOperator::RightOuter(JoinConstraint::Using(columns))
        | JoinOperator::FullOuter(JoinConstraint::Using(columns)) => Some(columns),
        _ => None,
    }
}

pub(crate) fn natural(operator: &JoinOperator) -> bool {
    matches!(
        operator,
        JoinOperator::Inner(JoinConstraint::Natural)
            | JoinOperator::LeftOuter(JoinConstraint::Natural)
            | JoinOperator::RightOuter(JoinConstraint::Natural)
            | JoinOperator::FullOuter(JoinConstraint::Natural)
    )
}

/// The alias of a table factor whose columns are not predicted.
fn factor_alias(factor: &TableFactor) -> Option<&TableAlias> {
    match factor {
        TableFactor::TableFunction { alias, .. }
        | TableFactor::Function { alias, .. }
        | TableFactor::UNNEST { alias, .. } => alias.as_ref(),
        _ => None,
    }
}

/// The name PostgreSQL gives an output column written without an alias, where it is sure.
fn column_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Identifier(ident) => Some(ident.value.clone()),
        Expr::CompoundIdentifier(parts) => parts.last().map(|ident| ident.value.clone()),
        Expr::Function(function) => Some(last(&function.name).to_ascii_lowercase()),
        Expr::Nested(inner) => column_name(inner),
        Expr::Cast { expr, .. } => match expr.as_ref() {
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) => column_name(expr),
            _ => None,
        },
        _ => None,
    }
}

/// What `*` stands for over `relations`, if every one of them is known.
fn wildcard<'a>(relations: impl Iterator<Item = &'a Relation>) -> Columns {
    let mut columns = Vec::new();
    for relation in relations {
        columns.extend(relation.columns.clone()?);
    }
    Some(columns)
}

/// `*` over joins with merged columns (`USING`, `NATURAL`): each merged column once, first.
fn merged_first(columns: Vec<Option<String>>, merged: &[String]) -> Vec<Option<String>> {
    let mut first: Vec<Option<String>> = Vec::new();
    for name in merged {
        if !first.iter().flatten().any(|known| same(known, name)) {
            first.push(Some(name.clone()));
        }
    }
    let rest = columns.into_iter().filter(|column| {
        !column
            .as_ref()
            .is_some_and(|c| merged.iter().any(|m| same(m, c)))
    });
    first.into_iter().chain(rest).collect()
}

/// PostgreSQL reads a bare name in `ORDER BY`, `DISTINCT ON` and (when no column of the FROM
/// list has it) `GROUP BY` as an output column; two output columns of that name that compute
/// different things make it ambiguous. GlueSQL would take one of them.
fn ambiguous_outputs(
    select: &Select,
    level: &Level,
    order_by: Option<&OrderBy>,
) -> Result<(), NameError> {
    // Most queries name no output column there: the outputs (each expression's text) are not
    // worth making for them.
    let ordered = order_by.into_iter().flat_map(|order| &order.exprs);
    let distinct_on = match &select.distinct {
        Some(Distinct::On(exprs)) => &exprs[..],
        _ => &[],
    };
    let grouped = match &select.group_by {
        GroupByExpr::Expressions(exprs, _) => &exprs[..],
        _ => &[],
    };
    let bare = (ordered.map(|item| &item.expr))
        .chain(distinct_on)
        .chain(grouped)
        .any(|expr| matches!(expr, Expr::Identifier(_)));
    if !bare {
        return Ok(());
    }
    let outputs = outputs(select, level);
    if let Some(order) = order_by {
        same_name_outputs(
            "ORDER BY",
            order.exprs.iter().map(|item| &item.expr),
            &outputs,
        )?;
    }
    if let Some(Distinct::On(exprs)) = &select.distinct {
        same_name_outputs("DISTINCT ON", exprs.iter(), &outputs)?;
    }
    if let GroupByExpr::Expressions(exprs, _) = &select.group_by {
        let not_input = exprs.iter().filter(|expr| match expr {
            Expr::Identifier(ident) => level
                .scope
                .relations
                .iter()
                .all(|relation| relation.has(&ident.value) == Some(false)),
            _ => false,
        });
        same_name_outputs("GROUP BY", not_input, &outputs)?;
    }
    Ok(())
}

/// Fails when a bare name among `keys` names two `outputs` (name, what it computes) that
/// surely compute different things (`None`: cannot tell).
fn same_name_outputs<'a>(
    clause: &'static str,
    keys: impl Iterator<Item = &'a Expr>,
    outputs: &[(String, Option<String>)],
) -> Result<(), NameError> {
    for key in keys {
        let Expr::Identifier(ident) = key else {
            continue;
        };
        let name = crate::pipeline::identifier_name(ident);
        let mut named = outputs.iter().filter(|(output, _)| *output == name);
        let Some((_, first)) = named.next() else {
            continue;
        };
        let differ = named.any(|(_, other)| match (first, other) {
            (Some(first), Some(other)) => first != other,
            _ => false,
        });
        if differ {
            return Err(NameError {
                message: format!("{clause} \"{name}\" is ambiguous"),
                hint: Some(format!(
                    "Two output columns are named \"{name}\": give one of them another alias, or write the column's position instead."
                )),
                path: vec![ident.value.clone()],
                clause: Some(clause),
            });
        }
    }
    Ok(())
}

/// Each output column of a SELECT by its name (folded as PostgreSQL folds it), with what it
/// computes: a column as `relation.column`, any other expression as its text, `None` for one
/// that reads a column merged by `USING` (the side it reads depends on the join).
fn outputs(select: &Select, level: &Level) -> Vec<(String, Option<String>)> {
    let computes = |expr: &Expr| {
        let mut expr = expr.clone();
        let mut merged = false;
        let _ = crate::walk::expressions_mut(&mut expr, |e| {
            if let Expr::Identifier(ident) = e {
                merged |= level.scope.merged.iter().any(|m| same(m, &ident.value));
            }
            if let Ok((relation, column)) = own_column(level, e) {
                *e = Expr::CompoundIdentifier(vec![Ident::new(relation), Ident::new(column)]);
            }
            ControlFlow::<()>::Continue(())
        });
        (!merged).then(|| expr.to_string().to_ascii_lowercase())
    };
    let relation_columns = |relation: &Relation, merged: &[String]| {
        let name = relation.name.to_ascii_lowercase();
        relation
            .known_columns()
            .map(|column| {
                let is_merged = merged.iter().any(|m| same(m, column));
                let computes = (!is_merged).then(|| format!("{name}.{}", column.to_lowercase()));
                (column.to_lowercase(), computes)
            })
            .collect::<Vec<_>>()
    };
    let mut outputs = Vec::new();
    for item in &select.projection {
        match item {
            SelectItem::UnnamedExpr(expr) => {
                if let Some(name) = output_name(expr) {
                    outputs.push((name, computes(expr)));
                }
            }
            SelectItem::ExprWithAlias { expr, alias } => {
                outputs.push((crate::pipeline::identifier_name(alias), computes(expr)))
            }
            SelectItem::Wildcard(_) => {
                for relation in &level.scope.relations {
                    outputs.extend(relation_columns(relation, &level.scope.merged));
                }
            }
            SelectItem::QualifiedWildcard(name, _) => {
                if let Some(relation) = level
                    .scope
                    .relations
                    .iter()
                    .find(|r| same(&r.name, last(name)))
                {
                    outputs.extend(relation_columns(relation, &[]));
                }
            }
        }
    }
    outputs
}

/// [`column_name`], folded as PostgreSQL folds the name.
fn output_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Identifier(ident) => Some(crate::pipeline::identifier_name(ident)),
        Expr::CompoundIdentifier(parts) => parts.last().map(crate::pipeline::identifier_name),
        Expr::Nested(inner) => output_name(inner),
        Expr::Cast { expr: inner, .. } => output_name(inner),
        _ => column_name(expr),
    }
}

/// Aggregate functions: their arguments are not grouped values.
pub(crate) const AGGREGATES: &[&str] = &[
    "count",
    "sum",
    "avg",
    "min",
    "max",
    "string_agg",
    "array_agg",
    "percentile_cont",
    "percentile_disc",
    "mode",
    "bool_and",
    "bool_or",
    "every",
    "stddev",
    "stddev_pop",
    "stddev_samp",
    "variance",
    "var_pop",
    "var_samp",
];

pub(crate) fn is_aggregate(expr: &Expr) -> bool {
    matches!(expr, Expr::Function(function)
        if function.over.is_none()
            && AGGREGATES.contains(&last(&function.name).to_ascii_lowercase().as_str()))
}

/// What a grouped query groups by: columns (by relation and name) and other expressions (by
/// their text).
#[derive(Default)]
struct Groups {
    columns: Vec<(String, String)>,
    exprs: Vec<String>,
}

/// A column reference of the query level itself, as (relation, column); `Err(())` when it is
/// not one (an outer reference, or a relation whose columns are unknown).
fn own_column(level: &Level, expr: &Expr) -> Result<(String, String), ()> {
    let (qualifier, column) = match expr {
        Expr::Identifier(ident) => (None, &ident.value),
        Expr::CompoundIdentifier(parts) => match parts.as_slice() {
            [qualifier, column] => (Some(&qualifier.value), &column.value),
            _ => return Err(()),
        },
        _ => return Err(()),
    };
    let mut owners = level
        .scope
        .relations
        .iter()
        .filter(|relation| match qualifier {
            Some(qualifier) => same(&relation.name, qualifier),
            None => relation.has(column) == Some(true),
        });
    match (owners.next(), owners.next()) {
        (Some(relation), None) if relation.has(column) == Some(true) => Ok((
            relation.name.to_ascii_lowercase(),
            column.to_ascii_lowercase(),
        )),
        _ => Err(()),
    }
}

/// PostgreSQL refuses a grouped query that shows a column it neither groups by nor
/// aggregates; the engine would show one arbitrary row's value instead.
fn grouping(
    select: &Select,
    level: &Level,
    order_by: Option<&OrderBy>,
    aliases: &[&str],
) -> Result<(), NameError> {
    let group_by: &[Expr] = match &select.group_by {
        GroupByExpr::Expressions(exprs, _) => exprs,
        GroupByExpr::All(_) => return Ok(()),
    };
    let projection: Vec<&Expr> = select
        .projection
        .iter()
        .filter_map(|item| match item {
            SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } => Some(expr),
            _ => None,
        })
        .collect();
    let aggregated = projection.iter().any(|expr| contains_aggregate(expr))
        || select.having.as_ref().is_some_and(contains_aggregate);
    if group_by.is_empty() && !aggregated {
        return Ok(());
    }
    let mut groups = Groups::default();
    for expr in group_by {
        // `GROUP BY 2` and `GROUP BY alias` group by an output column's expression.
        let output = match expr {
            Expr::Value(sqlparser::ast::Value::Number(n, _)) => n
                .to_string()
                .parse::<usize>()
                .ok()
                .and_then(|n| select.projection.get(n.wrapping_sub(1))),
            Expr::Identifier(ident) => select.projection.iter().find(|item| {
                matches!(item, SelectItem::ExprWithAlias { alias, .. } if same(&alias.value, &ident.value))
            }),
            _ => None,
        };
        let mut grouped = vec![expr];
        if let Some(
            SelectItem::UnnamedExpr(output) | SelectItem::ExprWithAlias { expr: output, .. },
        ) = output
        {
            grouped.push(output);
        }
        for expr in grouped {
            match own_column(level, expr) {
                Ok(column) => groups.columns.push(column),
                Err(()) => groups.exprs.push(expr.to_string().to_ascii_lowercase()),
            }
        }
    }
    let mut check = Grouped {
        level,
        groups: &groups,
        covered: None,
        depth: 0,
    };
    let order: Vec<&Expr> = order_by
        .iter()
        .flat_map(|order| &order.exprs)
        .map(|item| &item.expr)
        // Output columns and positions in ORDER BY are checked where they are defined.
        .filter(|expr| match expr {
            Expr::Identifier(ident) => !aliases.iter().any(|a| same(a, &ident.value)),
            Expr::Value(_) => false,
            _ => true,
        })
        .collect();
    let flow = projection
        .into_iter()
        .chain(&select.having)
        .chain(order)
        .try_for_each(|expr| crate::walk::walk(expr, &mut check));
    match flow {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(error) => Err(error),
    }
}

/// Whether `expr` aggregates rows of its own query (not of a subquery inside it).
fn contains_aggregate(expr: &Expr) -> bool {
    any_in_own_query(expr, is_aggregate)
}

/// Whether some part of `expr` outside the subqueries inside it satisfies `test`.
pub fn any_in_own_query(expr: &Expr, test: impl Fn(&Expr) -> bool) -> bool {
    struct Finder<F> {
        depth: usize,
        test: F,
    }
    impl<F: Fn(&Expr) -> bool> Visitor for Finder<F> {
        type Break = ();
        fn pre_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
            self.depth += 1;
            ControlFlow::Continue(())
        }
        fn post_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
            self.depth -= 1;
            ControlFlow::Continue(())
        }
        fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
            match self.depth == 0 && (self.test)(expr) {
                true => ControlFlow::Break(()),
                false => ControlFlow::Continue(()),
            }
        }
    }
    crate::walk::walk(expr, &mut Finder { depth: 0, test }).is_break()
}

/// Walks a grouped query's output: aggregates and grouped expressions cover what is inside
/// them; any other column of the level must be grouped, or belong to a table whose primary
/// key is grouped.
struct Grouped<'a, 'b> {
    level: &'a Level<'b>,
    groups: &'a Groups,
    /// The expression whose insides need no check, while the walk is inside it.
    covered: Option<*const Expr>,
    depth: usize,
}

impl Visitor for Grouped<'_, '_> {
    type Break = NameError;

    fn pre_visit_query(&mut self, _: &Query) -> ControlFlow<NameError> {
        self.depth += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _: &Query) -> ControlFlow<NameError> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<NameError> {
        if self.covered.is_some() || self.depth > 0 {
            return ControlFlow::Continue(());
        }
        let text = expr.to_string().to_ascii_lowercase();
        if is_aggregate(expr) || self.groups.exprs.contains(&text) {
            self.covered = Some(expr);
            return ControlFlow::Continue(());
        }
        let Ok((relation, column)) = own_column(self.level, expr) else {
            return ControlFlow::Continue(());
        };
        let grouped = |relation: &str, column: &str| {
            self.groups
                .columns
                .iter()
                .any(|(r, c)| r == relation && c == column)
        };
        let key = self
            .level
            .scope
            .relations
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(&relation))
            .map(|r| r.key.as_slice())
            .unwrap_or_default();
        let by_key = !key.is_empty()
            && key
                .iter()
                .all(|k| grouped(&relation, &k.to_ascii_lowercase()));
        if grouped(&relation, &column) || by_key {
            self.covered = Some(expr);
            return ControlFlow::Continue(());
        }
        let path = match expr {
            Expr::CompoundIdentifier(parts) => parts.iter().map(|p| p.value.clone()).collect(),
            _ => vec![column.clone()],
        };
        ControlFlow::Break(NameError {
            message: format!(
                "column \"{relation}.{column}\" must appear in the GROUP BY clause or be used in an aggregate function"
            ),
            hint: Some("Add it to GROUP BY, or wrap it in an aggregate such as MAX(...).".to_owned()),
            path,
            clause: None,
        })
    }

    fn post_visit_expr(&mut self, expr: &Expr) -> ControlFlow<NameError> {
        if self.covered == Some(expr as *const Expr) {
            self.covered = None;
        }
        ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let table = |name: &str, columns: &[&str]| {
            let columns = columns.iter().map(|c| c.to_string()).collect();
            (name.to_owned(), Some(columns))
        };
        let tables = [
            table(
                "streams",
                &["stream_id", "creator_id", "started_at", "ended_at"],
            ),
            table("creators", &["creator_id", "handle"]),
            table("gifts", &["gift_id", "stream_id", "amount_usd", "sent_at"]),
            ("loose".to_owned(), None),
        ];
        let keys = [("streams", "stream_id"), ("creators", "creator_id")];
        Catalog {
            tables: tables.into_iter().collect(),
            keys: keys
                .into_iter()
                .map(|(table, key)| (table.to_owned(), vec![key.to_owned()]))
                .collect(),
        }
    }

    fn checked(sql: &str) -> Result<(), NameError> {
        let statements = crate::sql::parse(sql).unwrap();
        check(&statements[0], &catalog())
    }

    fn error(sql: &str) -> (String, Option<String>, Option<(u64, u64)>) {
        let error = checked(sql).expect_err(sql);
        let position = locate(sql, 0, &error);
        (error.message, error.hint, position)
    }

    #[test]
    fn names_postgres_accepts_pass() {
        for sql in [
            "SELECT stream_id, s.creator_id FROM streams s",
            "SELECT stream_id, COUNT(*) FROM gifts JOIN streams USING (stream_id) GROUP BY stream_id",
            "SELECT c.handle, COUNT(*) AS n FROM streams s JOIN creators c ON c.creator_id = s.creator_id GROUP BY c.handle ORDER BY n DESC",
            "SELECT stream_id AS id FROM streams GROUP BY id ORDER BY id",
            "SELECT DISTINCT ON (creator_id) creator_id, stream_id FROM streams ORDER BY creator_id, started_at",
            "WITH g AS (SELECT stream_id, SUM(amount_usd) AS total FROM gifts GROUP BY stream_id) SELECT s.stream_id, g.total FROM streams s LEFT JOIN g ON g.stream_id = s.stream_id",
            "WITH a(x) AS (SELECT stream_id FROM streams) SELECT x FROM a",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n",
            "SELECT * FROM (SELECT stream_id, COUNT(*) FROM gifts GROUP BY stream_id) t WHERE t.count > 1",
            "SELECT s.stream_id FROM streams s WHERE EXISTS (SELECT 1 FROM gifts g WHERE g.stream_id = s.stream_id)",
            "SELECT (SELECT MAX(amount_usd) FROM gifts WHERE gifts.stream_id = streams.stream_id) FROM streams",
            "SELECT m FROM streams s, generate_series(s.started_at, s.ended_at, INTERVAL '1 minute') AS m",
            "SELECT x FROM loose",
            "SELECT t.anything FROM (SELECT 1 + 1) t",
            "SELECT stream_id FROM streams UNION SELECT stream_id FROM gifts ORDER BY stream_id",
            "SELECT column1 FROM (VALUES (1), (2)) v",
            "SELECT s FROM streams s",
            "SELECT ROW_NUMBER() OVER w FROM streams WINDOW w AS (PARTITION BY creator_id ORDER BY started_at)",
            "INSERT INTO creators (creator_id, handle) SELECT creator_id, 'x' FROM streams",
            "UPDATE gifts SET amount_usd = 0 WHERE stream_id IN (SELECT stream_id FROM streams)",
            "DELETE FROM gifts WHERE sent_at < NOW()",
            "CREATE TABLE t AS SELECT handle FROM creators",
            "SELECT EXTRACT(EPOCH FROM ended_at - started_at), DATE_TRUNC('day', started_at) FROM streams",
            "SELECT creator_id, handle FROM streams NATURAL JOIN creators",
            "SELECT stream_id FROM gifts g FULL JOIN streams s USING (stream_id)",
            "WITH x(a, b, c) AS (SELECT * FROM streams JOIN creators USING (creator_id)) SELECT a, c, ended_at, handle FROM x",
        ] {
            assert_eq!(checked(sql), Ok(()), "{sql}");
        }
    }

    #[test]
    fn star_over_using_lists_the_merged_column_once_and_first() {
        // Renamed by position: a is the merged creator_id, so the name is gone.
        let sql = "WITH x(a, b, c) AS (SELECT * FROM streams JOIN creators USING (creator_id)) SELECT creator_id FROM x";
        assert_eq!(
            error(sql).0,
            "column \"creator_id\" does not exist".to_owned()
        );
    }

    #[test]
    fn unknown_names_are_reported_where_they_are_with_the_nearest_name() {
        assert_eq!(
            error("SELECT handel FROM creators"),
            (
                "column \"handel\" does not exist".to_owned(),
                Some("Did you mean handle?".to_owned()),
                Some((1, 8))
            )
        );
        assert_eq!(
            error("SELECT *\nFROM stream"),
            (
                "relation \"stream\" does not exist".to_owned(),
                Some("Did you mean streams?".to_owned()),
                Some((2, 6))
            )
        );
        assert_eq!(
            error("SELECT s.handle FROM streams s JOIN creators c ON c.creator_id = s.creator_id"),
            (
                "column s.handle does not exist".to_owned(),
                Some("Did you mean c.handle?".to_owned()),
                Some((1, 8))
            )
        );
        assert_eq!(
            error("SELECT x.stream_id FROM streams s"),
            (
                "missing FROM-clause entry for table \"x\"".to_owned(),
                Some("Did you mean s?".to_owned()),
                Some((1, 8))
            )
        );
        // The second `stream_id` is the bare one.
        assert_eq!(
            error("SELECT s.stream_id, stream_id FROM streams s JOIN gifts g ON g.stream_id = s.stream_id"),
            (
                "column reference \"stream_id\" is ambiguous".to_owned(),
                Some("Qualify it: s.stream_id or g.stream_id.".to_owned()),
                Some((1, 21))
            )
        );
    }

    #[test]
    fn every_clause_and_statement_is_checked() {
        for sql in [
            "SELECT 1 FROM streams WHERE CASE WHEN false THEN nope ELSE 1 END = 1",
            "SELECT 1 FROM streams GROUP BY nope",
            "SELECT 1 FROM streams HAVING COUNT(nope) > 0",
            "SELECT 1 FROM streams s JOIN gifts g ON g.nope = s.stream_id",
            "SELECT (SELECT nope FROM gifts) FROM streams",
            "WITH a AS (SELECT 1 AS x) SELECT y FROM a",
            "SELECT stream_id FROM streams UNION SELECT stream_id FROM gifts ORDER BY started_at",
            "SELECT t.x FROM (SELECT stream_id FROM streams) t",
            "INSERT INTO creators (creator_id, nope) VALUES (1, 2)",
            "INSERT INTO nope VALUES (1)",
            "UPDATE gifts SET nope = 0",
            "UPDATE gifts SET amount_usd = nope",
            "DELETE FROM gifts WHERE nope = 1",
            "CREATE VIEW v AS SELECT nope FROM gifts",
        ] {
            assert!(checked(sql).is_err(), "{sql}");
        }
    }

    #[test]
    fn a_grouped_query_shows_only_grouped_or_aggregated_columns() {
        for sql in [
            "SELECT creator_id, COUNT(*) FROM streams GROUP BY creator_id",
            "SELECT creator_id AS c, COUNT(*) FROM streams GROUP BY c ORDER BY c",
            "SELECT DATE_TRUNC('day', started_at), COUNT(*) FROM streams GROUP BY 1",
            "SELECT DATE_TRUNC('day', started_at), COUNT(*) FROM streams GROUP BY DATE_TRUNC('day', started_at)",
            // Grouping by a primary key groups by every column of its table.
            "SELECT s.stream_id, s.started_at, SUM(g.amount_usd) FROM streams s JOIN gifts g ON g.stream_id = s.stream_id GROUP BY s.stream_id",
            "SELECT COUNT(*), MAX(started_at) - MIN(started_at) FROM streams",
            "SELECT creator_id, SUM(COUNT(*)) OVER () FROM streams GROUP BY creator_id",
            "SELECT creator_id FROM streams s GROUP BY creator_id HAVING COUNT(*) > (SELECT COUNT(*) FROM gifts g WHERE g.stream_id > 0)",
        ] {
            assert_eq!(checked(sql), Ok(()), "{sql}");
        }
        for (sql, at) in [
            ("SELECT stream_id FROM streams GROUP BY creator_id", (1, 8)),
            ("SELECT stream_id, COUNT(*) FROM streams", (1, 8)),
            ("SELECT g.stream_id, g.sent_at FROM gifts g GROUP BY g.stream_id", (1, 21)),
            ("SELECT creator_id FROM streams GROUP BY creator_id ORDER BY started_at", (1, 61)),
            ("SELECT creator_id, COUNT(*) FROM streams GROUP BY creator_id HAVING MAX(stream_id) > ended_at", (1, 86)),
        ] {
            let (message, _, position) = error(sql);
            assert!(message.contains("must appear in the GROUP BY clause"), "{sql}: {message}");
            assert_eq!(position, Some(at), "{sql}");
        }
    }

    #[test]
    fn an_output_name_is_a_key_only_on_its_own() {
        // Where the name stands in the clause, not where the select list gives it.
        let sql = "SELECT stream_id AS k\nFROM streams\nORDER BY k + 1";
        let (message, hint, position) = error(sql);
        assert_eq!(message, "column \"k\" does not exist");
        assert!(hint
            .unwrap()
            .contains("ORDER BY can use it only on its own"));
        assert_eq!(position, Some((3, 10)));
        let (_, hint, _) = error("SELECT stream_id % 3 AS k, COUNT(*) FROM streams GROUP BY k + 0");
        assert!(hint
            .unwrap()
            .contains("GROUP BY can use it only on its own"));
        for sql in [
            "SELECT stream_id AS k FROM streams ORDER BY k DESC",
            "SELECT stream_id % 3 AS k, COUNT(*) FROM streams GROUP BY k",
            // Inside an expression the FROM list's column is meant.
            "SELECT creator_id AS stream_id FROM streams ORDER BY stream_id + 0",
        ] {
            assert_eq!(checked(sql), Ok(()), "{sql}");
        }
    }

    #[test]
    fn a_name_two_different_output_columns_share_is_ambiguous_where_it_is_used() {
        let sql =
            "SELECT s.stream_id AS k,\n  s.creator_id AS K FROM streams s\nORDER BY started_at, k";
        let (message, hint, position) = error(sql);
        assert_eq!(message, "ORDER BY \"k\" is ambiguous");
        assert!(hint.unwrap().contains("another alias"));
        assert_eq!(position, Some((3, 22)));
        for (sql, message) in [
            (
                "SELECT stream_id AS k, creator_id AS k FROM streams GROUP BY k",
                "GROUP BY \"k\" is ambiguous",
            ),
            (
                "SELECT DISTINCT ON (k) stream_id AS k, creator_id AS k FROM streams",
                "DISTINCT ON \"k\" is ambiguous",
            ),
            (
                "SELECT * FROM streams s JOIN creators c ON c.creator_id = s.creator_id ORDER BY creator_id",
                "ORDER BY \"creator_id\" is ambiguous",
            ),
            (
                "SELECT 1 AS k, 2 AS k UNION SELECT 3, 4 ORDER BY k",
                "ORDER BY \"k\" is ambiguous",
            ),
        ] {
            assert_eq!(error(sql).0, message, "{sql}");
        }
        // One expression under two names, a qualified name, a GROUP BY name a table has, a
        // merged USING column, and names apart by quoting are not ambiguous.
        for sql in [
            "SELECT s.stream_id AS k, stream_id AS k FROM streams s ORDER BY k",
            "SELECT stream_id AS k, creator_id AS k FROM streams s ORDER BY s.stream_id",
            "SELECT stream_id AS creator_id, creator_id FROM streams GROUP BY creator_id, stream_id",
            "SELECT s.stream_id AS k, stream_id AS k FROM streams s JOIN gifts USING (stream_id) ORDER BY k",
            "SELECT stream_id AS k, creator_id AS \"K\" FROM streams ORDER BY k",
            "SELECT COUNT(*) AS n, COUNT(*) AS n FROM streams ORDER BY n",
        ] {
            assert_eq!(checked(sql), Ok(()), "{sql}");
        }
    }

    #[test]
    fn a_bare_name_is_found_outside_a_dotted_one() {
        let sql = "SELECT g.amount_usd FROM gifts g WHERE amount_us > 1";
        assert_eq!(error(sql).2, Some((1, 40)));
    }
}
