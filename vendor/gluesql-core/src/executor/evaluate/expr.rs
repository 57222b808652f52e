use {
    super::{EvaluateError, Evaluated},
    crate::{
        ast::{BinaryOperator, DataType, Literal, ToSql, UnaryOperator},
        data::Value,
        executor::evaluate::evaluated::convert::text_to_value,
        result::Result,
    },
    std::{borrow::Cow, cmp::Ordering},
};

pub fn literal(literal: &Literal) -> Evaluated<'_> {
    match literal {
        Literal::Number(value) => Evaluated::Number(Cow::Borrowed(value)),
        Literal::QuotedString(value) => Evaluated::Text(Cow::Borrowed(value)),
    }
}

pub fn typed_string<'a>(data_type: &'a DataType, value: &'a str) -> Result<Evaluated<'a>> {
    text_to_value(data_type, value).map(|v| Evaluated::Value(Cow::Owned(v)))
}

pub fn binary_op<'a>(
    op: &BinaryOperator,
    l: Evaluated<'a>,
    r: Evaluated<'a>,
) -> Result<Evaluated<'a>> {
    macro_rules! cmp {
        ($expr: expr) => {
            Ok(Evaluated::Value(Cow::Owned(Value::Bool($expr))))
        };
    }

    macro_rules! cond {
        (l $op: tt r) => {{
            let l: bool = l.try_into()?;
            let r: bool = r.try_into()?;
            let v = l $op r;

            Ok(Evaluated::Value(Cow::Owned(Value::Bool(v))))
        }};
    }

    // SQL's three-valued logic: TRUE OR NULL is TRUE and FALSE AND NULL is FALSE; only when
    // the known side does not decide is the result NULL.
    if matches!(op, BinaryOperator::And | BinaryOperator::Or) {
        let truth = |v: Evaluated<'a>| -> Result<Option<bool>> {
            if v.is_null() {
                Ok(None)
            } else {
                v.try_into().map(Some)
            }
        };
        let deciding = matches!(op, BinaryOperator::Or);
        let v = match (truth(l)?, truth(r)?) {
            (Some(l), _) if l == deciding => Value::Bool(deciding),
            (_, Some(r)) if r == deciding => Value::Bool(deciding),
            (Some(_), Some(_)) => Value::Bool(!deciding),
            _ => Value::Null,
        };
        return Ok(Evaluated::Value(Cow::Owned(v)));
    }

    if l.is_null() || r.is_null() {
        return Ok(Evaluated::Value(Cow::Owned(Value::Null)));
    }

    if matches!(
        op,
        BinaryOperator::Eq
            | BinaryOperator::NotEq
            | BinaryOperator::Lt
            | BinaryOperator::LtEq
            | BinaryOperator::Gt
            | BinaryOperator::GtEq
    ) && incomparable(&l, &r)
    {
        comparable(&l, &op.to_sql(), &r)?;
    }

    match op {
        BinaryOperator::Plus => l.add(&r),
        BinaryOperator::Minus => l.subtract(&r),
        BinaryOperator::Multiply => l.multiply(&r),
        BinaryOperator::Divide => l.divide(&r),
        BinaryOperator::Modulo => l.modulo(&r),
        BinaryOperator::StringConcat => Ok(l.concat(r)),
        BinaryOperator::Eq => Ok(Evaluated::from(l.evaluate_eq(&r))),
        BinaryOperator::NotEq => Ok(Evaluated::from(!l.evaluate_eq(&r))),
        BinaryOperator::Lt => cmp!(l.evaluate_cmp(&r) == Some(Ordering::Less)),
        BinaryOperator::LtEq => cmp!(matches!(
            l.evaluate_cmp(&r),
            Some(Ordering::Less | Ordering::Equal)
        )),
        BinaryOperator::Gt => cmp!(l.evaluate_cmp(&r) == Some(Ordering::Greater)),
        BinaryOperator::GtEq => cmp!(matches!(
            l.evaluate_cmp(&r),
            Some(Ordering::Greater | Ordering::Equal)
        )),
        BinaryOperator::And => cond!(l && r),
        BinaryOperator::Or => cond!(l || r),
        BinaryOperator::Xor => cond!(l ^ r),
        BinaryOperator::BitwiseAnd => l.bitwise_and(&r),
        BinaryOperator::BitwiseShiftLeft => l.bitwise_shift_left(&r),
        BinaryOperator::BitwiseShiftRight => l.bitwise_shift_right(&r),
        BinaryOperator::Arrow => l.arrow(&r),
    }
}

/// Patched: a text value (not a quoted literal, which reads as the other side's type), a number
/// and a boolean compared with one another is an error, as in PostgreSQL, not a silent FALSE.
/// `op` names the comparison in the message as PostgreSQL does (`IN` compares with `=`,
/// `BETWEEN` with `>=` and `<=`).
pub fn comparable(l: &Evaluated<'_>, op: &str, r: &Evaluated<'_>) -> Result<()> {
    if incomparable(l, r) {
        return Err(EvaluateError::OperatorDoesNotExist {
            left: type_name(l).to_owned(),
            op: op.to_owned(),
            right: type_name(r).to_owned(),
        }
        .into());
    }
    Ok(())
}

/// [`comparable`] for a column of type `data_type` on the left (a key looked up by value).
pub fn comparable_to_column(data_type: &DataType, op: &str, r: &Evaluated<'_>) -> Result<()> {
    use DataType::*;
    let (left, kind_of_left) = match data_type {
        Text => ("text", Kind::Text),
        Boolean => ("boolean", Kind::Boolean),
        Float32 | Float => ("double precision", Kind::Number),
        Decimal => ("numeric", Kind::Number),
        Int => ("bigint", Kind::Number),
        Int8 | Int16 | Int32 | Int128 | Uint8 | Uint16 | Uint32 | Uint64 | Uint128 => {
            ("integer", Kind::Number)
        }
        _ => return Ok(()),
    };
    match kind(r) {
        Some(kind_of_right) if kind_of_right != kind_of_left => {
            Err(EvaluateError::OperatorDoesNotExist {
                left: left.to_owned(),
                op: op.to_owned(),
                right: type_name(r).to_owned(),
            }
            .into())
        }
        _ => Ok(()),
    }
}

fn incomparable(l: &Evaluated<'_>, r: &Evaluated<'_>) -> bool {
    matches!((kind(l), kind(r)), (Some(l), Some(r)) if l != r)
}

#[derive(PartialEq)]
enum Kind {
    Text,
    Number,
    Boolean,
}

/// The kinds of operand PostgreSQL has no comparison between; `None` for the rest (a quoted
/// literal among them).
fn kind(v: &Evaluated<'_>) -> Option<Kind> {
    match v {
        Evaluated::Number(_) => Some(Kind::Number),
        Evaluated::Value(value) => match value.as_ref() {
            Value::Str(_) => Some(Kind::Text),
            Value::Bool(_) => Some(Kind::Boolean),
            Value::I8(_)
            | Value::I16(_)
            | Value::I32(_)
            | Value::I64(_)
            | Value::I128(_)
            | Value::U8(_)
            | Value::U16(_)
            | Value::U32(_)
            | Value::U64(_)
            | Value::U128(_)
            | Value::F32(_)
            | Value::F64(_)
            | Value::Decimal(_) => Some(Kind::Number),
            _ => None,
        },
        _ => None,
    }
}

/// PostgreSQL's name for the type of a text, boolean or number operand.
fn type_name(v: &Evaluated<'_>) -> &'static str {
    match v {
        Evaluated::Value(value) => match value.as_ref() {
            Value::Str(_) => "text",
            Value::Bool(_) => "boolean",
            Value::F32(_) | Value::F64(_) => "double precision",
            Value::Decimal(_) => "numeric",
            // The dataset's integer columns are BIGINT.
            Value::I64(_) => "bigint",
            _ => "integer",
        },
        _ => "integer",
    }
}

pub fn unary_op<'a>(op: &UnaryOperator, v: Evaluated<'a>) -> Result<Evaluated<'a>> {
    match op {
        UnaryOperator::Plus => v.unary_plus(),
        UnaryOperator::Minus => v.unary_minus(),
        UnaryOperator::Not => v.unary_not(),
        UnaryOperator::Factorial => v.unary_factorial(),
        UnaryOperator::BitwiseNot => v.unary_bitwise_not(),
    }
}

pub fn between<'a>(
    target: &Evaluated<'a>,
    negated: bool,
    low: &Evaluated<'a>,
    high: &Evaluated<'a>,
) -> Result<Evaluated<'a>> {
    if target.is_null() || low.is_null() || high.is_null() {
        return Ok(Evaluated::Value(Cow::Owned(Value::Null)));
    }
    comparable(target, ">=", low)?;
    comparable(target, "<=", high)?;

    let v = low.evaluate_cmp(target) != Some(Ordering::Greater)
        && target.evaluate_cmp(high) != Some(Ordering::Greater);
    let v = negated ^ v;

    Ok(Evaluated::Value(Cow::Owned(Value::Bool(v))))
}

pub fn array_index<'a>(obj: Evaluated<'a>, indexes: Vec<Evaluated<'a>>) -> Result<Evaluated<'a>> {
    let Evaluated::Value(value) = obj else {
        return Err(EvaluateError::MapOrListTypeRequired.into());
    };
    let indexes = indexes
        .into_iter()
        .map(Value::try_from)
        .collect::<Result<Vec<_>>>()?;
    value
        .into_owned()
        .selector_by_index(&indexes)
        .map(|v| Evaluated::Value(Cow::Owned(v)))
}

#[cfg(test)]
mod tests {
    use {
        super::{Evaluated, literal},
        crate::ast::Literal,
        bigdecimal::BigDecimal,
        std::borrow::Cow,
    };

    #[test]
    fn test_literal() {
        assert_eq!(
            literal(&Literal::Number(BigDecimal::from(42))),
            Evaluated::Number(Cow::Owned(BigDecimal::from(42)))
        );
        assert_eq!(
            literal(&Literal::QuotedString("hello".to_owned())),
            Evaluated::Text(Cow::Owned("hello".to_owned()))
        );
    }
}
