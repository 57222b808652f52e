//! Guided analyses: the questions this schema exists to answer, each as editable SQL, a short
//! explanation of the modeling idea behind it and, where a picture reads better than a table,
//! a chart of one of its results.
//!
//! The SQL is PostgreSQL as a strong candidate writes it and runs unchanged on PostgreSQL unless
//! `postgres_note` says how it differs. A script may hold several statements; the page shows
//! every statement's result, and `Chart::statement` picks which one is drawn.

use serde::Serialize;

/// One guided analysis.
#[derive(Debug, Serialize)]
pub struct Analysis {
    pub id: &'static str,
    pub title: &'static str,
    /// The modeling idea the analysis tests, one plain-text paragraph per entry.
    pub explanation: &'static [&'static str],
    pub sql: &'static str,
    /// How the SQL differs from what PostgreSQL runs, when it does.
    pub postgres_note: Option<&'static str>,
    pub chart: Option<Chart>,
}

/// A chart drawn from one statement's result: `x` against each of the `y` columns.
#[derive(Debug, Serialize)]
pub struct Chart {
    /// Index of the statement in the script whose result is drawn.
    pub statement: usize,
    pub kind: ChartKind,
    pub x: &'static str,
    pub y: &'static [&'static str],
    pub title: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// A line over time or another ordered axis.
    Line,
    /// Bars per category.
    Bar,
}

pub const ANALYSES: &[Analysis] = &[];

pub fn analysis(id: &str) -> Option<&'static Analysis> {
    ANALYSES.iter().find(|analysis| analysis.id == id)
}
