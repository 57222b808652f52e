//! Comparing rows from the sandbox with rows from PostgreSQL, both as text (`None` for NULL).

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
