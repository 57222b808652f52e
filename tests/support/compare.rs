//! Rows from the sandbox and from PostgreSQL compared by value: booleans as t/f, numbers to
//! 1e-9 relative (money is exact either way), NULL apart from every text.

pub type Rows = Vec<Vec<Option<String>>>;

/// One value in a form both sides agree on: booleans as t/f, numbers by value.
pub fn canonical(value: &Option<String>) -> String {
    match value.as_deref() {
        None => "\u{0}NULL".to_owned(),
        Some("t") | Some("true") => "t".to_owned(),
        Some("f") | Some("false") => "f".to_owned(),
        Some(text) => match text.parse::<f64>() {
            Ok(number) if !text.contains(':') => format!("{number:.9e}"),
            _ => text.to_owned(),
        },
    }
}

pub fn same_value(ours: &Option<String>, theirs: &Option<String>) -> bool {
    if canonical(ours) == canonical(theirs) {
        return true;
    }
    match (
        ours.as_deref().map(str::parse::<f64>),
        theirs.as_deref().map(str::parse::<f64>),
    ) {
        (Some(Ok(a)), Some(Ok(b))) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        _ => false,
    }
}

pub fn same_rows(ours: &Rows, theirs: &Rows) -> bool {
    ours.len() == theirs.len()
        && ours
            .iter()
            .zip(theirs)
            .all(|(a, b)| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_value(x, y)))
}

pub fn sorted(rows: &Rows) -> Rows {
    let mut rows = rows.clone();
    rows.sort_by_cached_key(|row| row.iter().map(canonical).collect::<Vec<_>>());
    rows
}

/// A script's statements, each ending with `;` at the end of a line; comment-only pieces dropped.
pub fn split_statements(script: &str) -> Vec<String> {
    script
        .split(";\n")
        .map(|s| s.trim().trim_end_matches(';').trim().to_owned())
        .filter(|s| !s.is_empty() && !s.lines().all(|l| l.trim_start().starts_with("--")))
        .collect()
}

/// A statement that returns rows: the part of a case that is compared.
pub fn is_query(statement: &str) -> bool {
    // Leading comment lines say what the statement is for; the keyword follows them.
    let code: String = statement
        .lines()
        .skip_while(|line| line.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n");
    let upper = code.trim_start().to_ascii_uppercase();
    ["SELECT", "WITH", "(", "VALUES"]
        .iter()
        .any(|start| upper.starts_with(start))
}
