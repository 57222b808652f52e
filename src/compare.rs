//! Comparing two values of the same plain type directly. GlueSQL's `evaluate_cmp` gives the same
//! order for these pairs, but reaches it through conversions that dominated sorts and filters
//! over whole tables; every other pair (mixed types, NULL) still goes to GlueSQL.

use gluesql::core::data::Value;
use std::cmp::Ordering;

/// The order of two values of one plain type; `None` for any other pair.
pub fn plain(a: &Value, b: &Value) -> Option<Ordering> {
    Some(match (a, b) {
        (Value::I64(a), Value::I64(b)) => a.cmp(b),
        (Value::I32(a), Value::I32(b)) => a.cmp(b),
        (Value::Str(a), Value::Str(b)) => a.cmp(b),
        (Value::Timestamp(a), Value::Timestamp(b)) => a.cmp(b),
        (Value::Date(a), Value::Date(b)) => a.cmp(b),
        (Value::Decimal(a), Value::Decimal(b)) => a.cmp(b),
        (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
        _ => return None,
    })
}

/// GlueSQL's order of two values, taking the direct way when there is one.
pub fn values(a: &Value, b: &Value) -> Option<Ordering> {
    plain(a, b).or_else(|| a.evaluate_cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn agrees_with_gluesql_on_every_plain_pair() {
        let timestamp = |s: &str| Value::Timestamp(s.parse().unwrap());
        let samples = [
            vec![Value::I64(-3), Value::I64(0), Value::I64(7)],
            vec![Value::I32(-1), Value::I32(5)],
            vec![
                Value::Str(String::new()),
                Value::Str("B".into()),
                Value::Str("a".into()),
                Value::Str("ab".into()),
            ],
            vec![
                timestamp("2026-01-01T00:00:00"),
                timestamp("2026-01-01T00:00:01"),
            ],
            vec![
                Value::Date("2026-01-01".parse().unwrap()),
                Value::Date("2025-12-31".parse().unwrap()),
            ],
            vec![
                Value::Decimal(Decimal::new(150, 2)),
                Value::Decimal(Decimal::new(15, 1)),
                Value::Decimal(Decimal::new(-2, 0)),
            ],
            vec![Value::Bool(false), Value::Bool(true)],
        ];
        for kind in &samples {
            for a in kind {
                for b in kind {
                    assert_eq!(plain(a, b), a.evaluate_cmp(b), "{a:?} {b:?}");
                }
            }
        }
        // Mixed types and NULL are left to GlueSQL.
        assert_eq!(plain(&Value::I64(1), &Value::Decimal(Decimal::ONE)), None);
        assert_eq!(plain(&Value::Null, &Value::Null), None);
    }
}
