//! The one error type the engine returns: each variant is a different thing for the user to do.

use serde::Serialize;
use std::fmt;

/// Serialized with a `kind` tag; the variants' own text is `detail`, leaving `message` free for
/// the display text the faces add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EngineError {
    /// The text is not SQL; line and column are 1-based and point at the offending token.
    Syntax {
        #[serde(rename = "detail")]
        message: String,
        line: Option<u64>,
        column: Option<u64>,
    },
    /// A table, alias or column that does not exist or is ambiguous, found before running;
    /// line and column (1-based) point at it.
    Name {
        #[serde(rename = "detail")]
        message: String,
        hint: Option<String>,
        line: Option<u64>,
        column: Option<u64>,
    },
    /// Valid PostgreSQL the sandbox cannot answer exactly; refused rather than answered wrongly.
    Unsupported { construct: String, hint: String },
    /// A literal that does not read as the type it is compared with.
    InvalidValue {
        #[serde(rename = "detail")]
        message: String,
    },
    /// The engine refused the statement while running it (unknown table, type mismatch, ...).
    Execution {
        #[serde(rename = "detail")]
        message: String,
    },
    /// The statement read more rows than the budget allows: almost always a join without a
    /// usable condition.
    Stopped { rows_read: u64, budget: u64 },
    /// A bad argument from the caller (scale, clock, ...).
    Usage {
        #[serde(rename = "detail")]
        message: String,
    },
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::Syntax {
                message,
                line: Some(line),
                column: Some(column),
            } => write!(
                f,
                "syntax error at line {line}, column {column}: {message}"
            ),
            EngineError::Syntax { message, .. } => write!(f, "syntax error: {message}"),
            EngineError::Name {
                message,
                hint,
                line,
                column,
            } => {
                f.write_str(message)?;
                if let (Some(line), Some(column)) = (line, column) {
                    write!(f, " (line {line}, column {column})")?;
                }
                match hint {
                    Some(hint) => write!(f, ". {hint}"),
                    None => Ok(()),
                }
            }
            EngineError::Unsupported { construct, hint } => {
                write!(f, "not supported: {construct}. {hint}")
            }
            EngineError::InvalidValue { message } | EngineError::Usage { message } => {
                f.write_str(message)
            }
            EngineError::Execution { message } => f.write_str(message),
            EngineError::Stopped { rows_read, budget } => write!(
                f,
                "query stopped after reading {rows_read} rows (the limit is {budget}): check that every join has a condition, and that no subquery runs once for every row (join to a CTE instead)"
            ),
        }
    }
}

impl std::error::Error for EngineError {}
