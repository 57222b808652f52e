//! Patched: aggregates that read their values in an order, as PostgreSQL computes them:
//! `STRING_AGG(x, sep ORDER BY ...)`, `PERCENTILE_CONT(f)`, `PERCENTILE_DISC(f)` and `MODE()`
//! `WITHIN GROUP (ORDER BY x)`. Each row gave a list: the value, the other argument, the sort
//! keys (see `ast::Ordered`); rows whose value is NULL were skipped.

use {
    crate::{
        ast::{OrderedKind, SortOrder},
        data::{Key, Value},
        executor::{EvaluateError, query::order_by::compare},
        result::Result,
    },
    std::cmp::Ordering,
};

pub fn export(kind: OrderedKind, order: &[SortOrder], rows: Vec<Vec<Value>>) -> Result<Value> {
    let rows = sorted(order, rows)?;
    match kind {
        OrderedKind::StringAgg => string_agg(&rows),
        OrderedKind::PercentileCont => percentile_cont(&rows),
        OrderedKind::PercentileDisc => {
            let Some(fraction) = fraction(&rows)? else {
                return Ok(Value::Null);
            };
            // The first value whose place in the order reaches the fraction.
            let place = (fraction * rows.len() as f64).ceil() as usize;
            Ok(rows[place.max(1) - 1][0].clone())
        }
        OrderedKind::Mode => Ok(mode(&rows)),
    }
}

/// Rows in the order of their keys; rows of equal keys keep the order they came in.
fn sorted(order: &[SortOrder], mut rows: Vec<Vec<Value>>) -> Result<Vec<Vec<Value>>> {
    if order.is_empty() {
        return Ok(rows);
    }
    let keys = rows
        .iter()
        .map(|row| {
            row[2..]
                .iter()
                .map(|value| match value {
                    Value::Null => Ok(None),
                    value => Key::try_from(value).map(Some),
                })
                .collect::<Result<Vec<_>>>()
        })
        .collect::<Result<Vec<_>>>()?;
    let by_keys = |a: usize, b: usize| {
        keys[a]
            .iter()
            .zip(&keys[b])
            .zip(order)
            .map(|((a, b), order)| match (a, b) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) if order.nulls_first => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) if order.nulls_first => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                (Some(a), Some(b)) if order.descending => compare(b, a),
                (Some(a), Some(b)) => compare(a, b),
            })
            .find(|ordering| ordering.is_ne())
            .unwrap_or(Ordering::Equal)
    };
    Ok(merge_sort(rows.len(), &by_keys)
        .into_iter()
        .map(|index| std::mem::take(&mut rows[index]))
        .collect())
}

/// The indexes `0..len` in a stable order. A merge sort of our own: each use of std's sorts is
/// compiled for its element and comparison, and one added ~27 KB to the wasm module.
fn merge_sort(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut sorted: Vec<usize> = (0..len).collect();
    let mut merged = sorted.clone();
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                let from_left =
                    right == end || (left < middle && compare(sorted[left], sorted[right]).is_le());
                let from = if from_left { &mut left } else { &mut right };
                *slot = sorted[*from];
                *from += 1;
            }
        }
        std::mem::swap(&mut sorted, &mut merged);
        width *= 2;
    }
    sorted
}

/// Each value after the first is preceded by its own row's separator (none when NULL).
fn string_agg(rows: &[Vec<Value>]) -> Result<Value> {
    let mut text = String::new();
    for (index, row) in rows.iter().enumerate() {
        let (Value::Str(value), Value::Str(_) | Value::Null) = (&row[0], &row[1]) else {
            return Err(no_function("string_agg", &row[0], &row[1]));
        };
        if let (true, Value::Str(separator)) = (index > 0, &row[1]) {
            text.push_str(separator);
        }
        text.push_str(value);
    }
    Ok(Value::Str(text))
}

/// The value at the fraction of the way through the rows, interpolated between its two
/// neighbours.
fn percentile_cont(rows: &[Vec<Value>]) -> Result<Value> {
    let Some(fraction) = fraction(rows)? else {
        return Ok(Value::Null);
    };
    let place = fraction * (rows.len() - 1) as f64;
    let (below, above) = (&rows[place.floor() as usize][0], &rows[place.ceil() as usize][0]);
    let share = place - place.floor();
    match (number(below), number(above)) {
        (Some(below), Some(above)) => Ok(Value::F64(below + (above - below) * share)),
        _ if matches!(below, Value::Interval(_)) => {
            let share = rust_decimal::Decimal::from_f64_retain(share).unwrap_or_default();
            below.add(&above.subtract(below)?.multiply(&Value::Decimal(share))?)
        }
        _ => Err(no_function("percentile_cont", &rows[0][1], below)),
    }
}

/// The most frequent value; of equally frequent ones, the first in the order.
fn mode(rows: &[Vec<Value>]) -> Value {
    let mut best: Option<(&Value, usize)> = None;
    let mut run: Option<(&Value, usize)> = None;
    for row in rows {
        let value = &row[0];
        run = match run {
            Some((current, count)) if current == value => Some((current, count + 1)),
            _ => Some((value, 1)),
        };
        if run.is_some_and(|(_, count)| best.is_none_or(|(_, most)| count > most)) {
            best = run;
        }
    }
    best.map_or(Value::Null, |(value, _)| value.clone())
}

/// The fraction a percentile asks for, taken from the first row (PostgreSQL reads it once).
fn fraction(rows: &[Vec<Value>]) -> Result<Option<f64>> {
    let argument = &rows[0][1];
    if argument.is_null() {
        return Ok(None);
    }
    match number(argument) {
        Some(fraction) if (0.0..=1.0).contains(&fraction) => Ok(Some(fraction)),
        Some(fraction) => Err(EvaluateError::OrderedAggregate(format!(
            "percentile value {fraction} is not between 0 and 1"
        ))
        .into()),
        None => Err(EvaluateError::OrderedAggregate(
            "the fraction of a percentile must be a number between 0 and 1".to_owned(),
        )
        .into()),
    }
}

fn number(value: &Value) -> Option<f64> {
    use rust_decimal::prelude::ToPrimitive;
    match value {
        Value::I8(n) => Some(f64::from(*n)),
        Value::I16(n) => Some(f64::from(*n)),
        Value::I32(n) => Some(f64::from(*n)),
        Value::I64(n) => Some(*n as f64),
        Value::U8(n) => Some(f64::from(*n)),
        Value::U16(n) => Some(f64::from(*n)),
        Value::U32(n) => Some(f64::from(*n)),
        Value::U64(n) => Some(*n as f64),
        Value::F32(n) => Some(f64::from(*n)),
        Value::F64(n) => Some(*n),
        Value::Decimal(n) => n.to_f64(),
        _ => None,
    }
}

/// PostgreSQL has no such function for these types.
fn no_function(name: &str, first: &Value, second: &Value) -> crate::result::Error {
    // As PostgreSQL names the types in its message.
    let type_name = |value: &Value| match value {
        Value::Bool(_) => "boolean",
        Value::I8(_) | Value::I16(_) | Value::I32(_) | Value::I64(_) | Value::I128(_) => "integer",
        Value::Decimal(_) => "numeric",
        Value::F32(_) | Value::F64(_) => "double precision",
        Value::Str(_) => "text",
        Value::Date(_) => "date",
        Value::Timestamp(_) => "timestamp without time zone",
        Value::Interval(_) => "interval",
        _ => "unknown",
    };
    EvaluateError::OrderedAggregate(format!(
        "function {name}({}, {}) does not exist; cast the value to the type it takes, e.g. x::text",
        type_name(first),
        type_name(second)
    ))
    .into()
}
