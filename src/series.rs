//! `generate_series`: the rows of an arithmetic series of integers, decimals or timestamps.

use crate::error::EngineError;
use gluesql::core::chrono::NaiveDateTime;
use gluesql::core::data::{Interval, Value};

/// Most rows one series may produce.
pub const MAX_ROWS: usize = 1_000_000;

/// The series from `start` to `stop` (inclusive) by `step`; `values` holds the call's arguments.
pub fn generate(values: &[Value]) -> Result<Vec<Vec<Value>>, EngineError> {
    if values.iter().any(|value| matches!(value, Value::Null)) {
        return Ok(Vec::new());
    }
    let rows = match values {
        [Value::I64(start), Value::I64(stop)] => integers(*start, *stop, 1)?,
        [Value::I64(start), Value::I64(stop), Value::I64(step)] => integers(*start, *stop, *step)?,
        [start, stop, Value::Interval(step)] => match (timestamp(start), timestamp(stop)) {
            (Some(start), Some(stop)) => timestamps(start, stop, *step)?,
            _ => return Err(argument_error(values)),
        },
        [start, stop] | [start, stop, _] if is_number(start) && is_number(stop) => {
            let step = values.get(2).cloned().unwrap_or(Value::I64(1));
            decimals(start, stop, &step).ok_or_else(|| argument_error(values))??
        }
        _ => return Err(argument_error(values)),
    };
    Ok(rows.into_iter().map(|value| vec![value]).collect())
}

fn argument_error(values: &[Value]) -> EngineError {
    let kinds: Vec<String> = values
        .iter()
        .map(|value| crate::engine::type_name(value).to_lowercase())
        .collect();
    EngineError::Execution {
        message: format!(
            "function generate_series({}) does not exist; it takes integers, numerics, or two timestamps and an interval",
            kinds.join(", ")
        ),
    }
}

fn too_many() -> EngineError {
    EngineError::Execution {
        message: format!("generate_series would produce more than {MAX_ROWS} rows"),
    }
}

fn zero_step() -> EngineError {
    EngineError::Execution {
        message: "step size cannot equal zero".to_owned(),
    }
}

fn integers(start: i64, stop: i64, step: i64) -> Result<Vec<Value>, EngineError> {
    if step == 0 {
        return Err(zero_step());
    }
    let count = (i128::from(stop) - i128::from(start)) / i128::from(step) + 1;
    if count > MAX_ROWS as i128 {
        return Err(too_many());
    }
    let count = usize::try_from(count.max(0)).unwrap_or(0);
    Ok((0..count)
        .map(|i| Value::I64(start + step * i as i64))
        .collect())
}

fn is_number(value: &Value) -> bool {
    matches!(value, Value::I64(_) | Value::Decimal(_))
}

fn decimals(start: &Value, stop: &Value, step: &Value) -> Option<Result<Vec<Value>, EngineError>> {
    let as_decimal = |value: &Value| match value {
        Value::I64(n) => Some(rust_decimal::Decimal::from(*n)),
        Value::Decimal(d) => Some(*d),
        _ => None,
    };
    let (start, stop, step) = (as_decimal(start)?, as_decimal(stop)?, as_decimal(step)?);
    if step.is_zero() {
        return Some(Err(zero_step()));
    }
    let mut rows = Vec::new();
    let mut current = start;
    while (step.is_sign_positive() && current <= stop)
        || (step.is_sign_negative() && current >= stop)
    {
        if rows.len() == MAX_ROWS {
            return Some(Err(too_many()));
        }
        rows.push(Value::Decimal(current));
        current = current.checked_add(step)?;
    }
    Some(Ok(rows))
}

fn timestamp(value: &Value) -> Option<NaiveDateTime> {
    match value {
        Value::Timestamp(ts) => Some(*ts),
        Value::Date(date) => date.and_hms_opt(0, 0, 0),
        _ => None,
    }
}

fn timestamps(
    start: NaiveDateTime,
    stop: NaiveDateTime,
    step: Interval,
) -> Result<Vec<Value>, EngineError> {
    let advance = |ts: NaiveDateTime| step.add_timestamp(&ts).ok();
    let forward = match step.span() {
        0 => return Err(zero_step()),
        span => span > 0,
    };
    let mut rows = Vec::new();
    // Each value is the previous plus the step, as in PostgreSQL (Jan 31 + 1 month, + 1 month
    // gives Feb 28, then Mar 28).
    let mut current = Some(start);
    while let Some(ts) = current {
        if (forward && ts > stop) || (!forward && ts < stop) {
            break;
        }
        if rows.len() == MAX_ROWS {
            return Err(too_many());
        }
        rows.push(Value::Timestamp(ts));
        current = advance(ts);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_series_include_both_ends() {
        let rows = generate(&[Value::I64(1), Value::I64(10), Value::I64(3)]).unwrap();
        let values: Vec<_> = rows.into_iter().map(|mut row| row.remove(0)).collect();
        assert_eq!(
            values,
            vec![Value::I64(1), Value::I64(4), Value::I64(7), Value::I64(10)]
        );
        assert!(generate(&[Value::I64(5), Value::I64(1)])
            .unwrap()
            .is_empty());
        assert!(generate(&[Value::I64(1), Value::I64(5), Value::I64(0)]).is_err());
        assert!(generate(&[Value::I64(0), Value::I64(i64::MAX)]).is_err());
    }
}
