pub(super) mod select;
pub(super) mod values;

use {
    crate::data::Key,
    rust_decimal::{Decimal, prelude::ToPrimitive},
    std::cmp::Ordering,
};

/// A sort key's number, when it is one.
enum Number {
    Exact(Decimal),
    Float(f64),
}

fn number(key: &Key) -> Option<Number> {
    let exact = |n: i128| Decimal::try_from_i128_with_scale(n, 0).ok().map(Number::Exact);
    match key {
        Key::I8(n) => exact(i128::from(*n)),
        Key::I16(n) => exact(i128::from(*n)),
        Key::I32(n) => exact(i128::from(*n)),
        Key::I64(n) => exact(i128::from(*n)),
        Key::I128(n) => exact(*n),
        Key::U8(n) => exact(i128::from(*n)),
        Key::U16(n) => exact(i128::from(*n)),
        Key::U32(n) => exact(i128::from(*n)),
        Key::U64(n) => exact(i128::from(*n)),
        Key::U128(n) => exact(i128::try_from(*n).ok()?),
        Key::Decimal(n) => Some(Number::Exact(*n)),
        Key::F32(n) => Some(Number::Float(f64::from(n.0))),
        Key::F64(n) => Some(Number::Float(n.0)),
        _ => None,
    }
}

/// Patched: numbers of different types (a column mixing integers and decimals, as
/// `COALESCE(decimal_column, 0)` makes) sort by value; `Key`'s own order, which storage relies
/// on, puts different types apart.
pub(crate) fn compare(a: &Key, b: &Key) -> Ordering {
    if std::mem::discriminant(a) != std::mem::discriminant(b) {
        match (number(a), number(b)) {
            (Some(Number::Exact(x)), Some(Number::Exact(y))) => return x.cmp(&y),
            (Some(x), Some(y)) => {
                let float = |n: Number| match n {
                    Number::Exact(d) => d.to_f64().unwrap_or(f64::NAN),
                    Number::Float(f) => f,
                };
                return float(x).total_cmp(&float(y));
            }
            _ => {}
        }
    }
    a.cmp(b)
}

pub fn sort_by(keys_a: &[(Key, Option<bool>)], keys_b: &[(Key, Option<bool>)]) -> Ordering {
    let pairs = keys_a
        .iter()
        .map(|(a, _)| a)
        .zip(keys_b.iter())
        .map(|(a, (b, asc))| (a, b, asc.unwrap_or(true)));

    for (key_a, key_b, asc) in pairs {
        match (compare(key_a, key_b), asc) {
            (Ordering::Equal, _) => {}
            (ord, true) => return ord,
            (ord, false) => return ord.reverse(),
        }
    }

    Ordering::Equal
}
