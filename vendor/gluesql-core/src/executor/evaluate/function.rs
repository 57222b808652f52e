use {
    super::{EvaluateError, Evaluated},
    crate::{
        ast::DateTimeField,
        data::Value,
        result::{Error, Result},
    },
    md5::{Digest, Md5},
    std::{
        borrow::Cow,
        ops::ControlFlow::{self as StdControlFlow, Break, Continue},
    },
};

type ControlFlow<T> = std::ops::ControlFlow<BreakCase, T>;

pub enum BreakCase {
    Null,
    Err(Error),
}

trait ContinueOrBreak<T> {
    fn continue_or_break(self, err: Error) -> ControlFlow<T>;
}

impl<T> ContinueOrBreak<T> for Option<T> {
    fn continue_or_break(self, err: Error) -> ControlFlow<T> {
        match self {
            Some(v) => Continue(v),
            None => Break(BreakCase::Err(err)),
        }
    }
}

trait BreakIfNull<T> {
    fn break_if_null(self) -> ControlFlow<T>;
}

impl<'a> BreakIfNull<Evaluated<'a>> for Result<Evaluated<'a>> {
    fn break_if_null(self) -> ControlFlow<Evaluated<'a>> {
        match self {
            Err(err) => Break(BreakCase::Err(err)),
            Ok(value) if value.is_null() => Break(BreakCase::Null),
            Ok(value) => Continue(value),
        }
    }
}

impl<'a> BreakIfNull<Evaluated<'a>> for Evaluated<'a> {
    fn break_if_null(self) -> ControlFlow<Evaluated<'a>> {
        if self.is_null() {
            Break(BreakCase::Null)
        } else {
            Continue(self)
        }
    }
}

impl BreakIfNull<Value> for Result<Value> {
    fn break_if_null(self) -> ControlFlow<Value> {
        match self {
            Err(err) => Break(BreakCase::Err(err)),
            Ok(value) if value.is_null() => Break(BreakCase::Null),
            Ok(value) => Continue(value),
        }
    }
}

trait ControlFlowMapErr<T, F> {
    fn map_err(self, f: F) -> ControlFlow<T>
    where
        F: FnOnce(Error) -> Error;
}

impl<T, F> ControlFlowMapErr<T, F> for ControlFlow<T> {
    fn map_err(self, f: F) -> ControlFlow<T>
    where
        F: FnOnce(Error) -> Error,
    {
        match self {
            Continue(v) => Continue(v),
            Break(BreakCase::Null) => Break(BreakCase::Null),
            Break(BreakCase::Err(err)) => Break(BreakCase::Err(f(err))),
        }
    }
}

pub trait IntoControlFlow<T> {
    fn into_control_flow(self) -> ControlFlow<T>;
}

impl<T> IntoControlFlow<T> for Result<T> {
    fn into_control_flow(self) -> ControlFlow<T> {
        match self {
            Err(err) => Break(BreakCase::Err(err)),
            Ok(value) => Continue(value),
        }
    }
}

fn eval_to_str(name: &str, evaluated: Evaluated<'_>) -> ControlFlow<String> {
    match evaluated.try_into().break_if_null()? {
        Value::Str(value) => Continue(value),
        _ => Break(BreakCase::Err(
            EvaluateError::FunctionRequiresStringValue(name.to_owned()).into(),
        )),
    }
}

fn eval_to_int(name: &str, evaluated: Evaluated<'_>) -> ControlFlow<i64> {
    match evaluated.try_into().break_if_null()? {
        Value::I64(num) => Continue(num),
        _ => Break(BreakCase::Err(
            EvaluateError::FunctionRequiresIntegerValue(name.to_owned()).into(),
        )),
    }
}

fn eval_to_float(name: &str, evaluated: Evaluated<'_>) -> ControlFlow<f64> {
    match evaluated.try_into().break_if_null()? {
        Value::I64(v) => Continue(v as f64),
        Value::F32(v) => Continue(v.into()),
        Value::F64(v) => Continue(v),
        _ => Break(BreakCase::Err(
            EvaluateError::FunctionRequiresFloatValue(name.to_owned()).into(),
        )),
    }
}

pub fn lower<'a>(name: &str, expr: Evaluated<'a>) -> ControlFlow<Evaluated<'a>> {
    eval_to_str(name, expr)
        .map_continue(|value| value.to_lowercase())
        .map_continue(Value::Str)
        .map_continue(|v| Evaluated::Value(Cow::Owned(v)))
}

pub fn initcap<'a>(name: &str, expr: Evaluated<'a>) -> ControlFlow<Evaluated<'a>> {
    let string = eval_to_str(name, expr)?
        .chars()
        .scan(true, |state, c| {
            let c = if *state {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
            *state = !c.is_alphanumeric();
            Some(c)
        })
        .collect();

    Continue(Evaluated::Value(Cow::Owned(Value::Str(string))))
}

pub fn upper<'a>(name: &str, expr: Evaluated<'a>) -> ControlFlow<Evaluated<'a>> {
    eval_to_str(name, expr)
        .map_continue(|value| value.to_uppercase())
        .map_continue(Value::Str)
        .map_continue(|v| Evaluated::Value(Cow::Owned(v)))
}

pub fn lpad_or_rpad<'a>(
    name: &str,
    expr: Evaluated<'_>,
    size: Evaluated<'_>,
    fill: Option<Evaluated<'_>>,
) -> ControlFlow<Evaluated<'a>> {
    let string = eval_to_str(name, expr)?;
    let size = eval_to_int(name, size)
        .map_continue(usize::try_from)?
        .map_err(|_| EvaluateError::FunctionRequiresUSizeValue(name.to_owned()).into())
        .into_control_flow()?;

    let fill = match fill {
        Some(expr) => eval_to_str(name, expr)?,
        None => " ".to_owned(),
    };

    let result = if size > string.len() {
        let padding_size = size - string.len();
        let repeat_count = padding_size / fill.len();
        let plus_count = padding_size % fill.len();
        let fill = fill.repeat(repeat_count) + &fill[0..plus_count];

        if name == "LPAD" {
            fill + &string
        } else {
            string + &fill
        }
    } else {
        string[0..size].to_owned()
    };

    Continue(Evaluated::Value(Cow::Owned(Value::Str(result))))
}

pub fn reverse<'a>(name: &str, expr: Evaluated<'a>) -> ControlFlow<Evaluated<'a>> {
    let value = eval_to_str(name, expr)?.chars().rev().collect::<String>();

    Continue(Evaluated::Value(Cow::Owned(Value::Str(value))))
}

pub fn repeat<'a>(
    name: &str,
    expr: Evaluated<'_>,
    num: Evaluated<'_>,
) -> ControlFlow<Evaluated<'a>> {
    let expr = eval_to_str(name, expr)?;
    let num = eval_to_int(name, num)? as usize;
    let value = expr.repeat(num);

    Continue(Evaluated::Value(Cow::Owned(Value::Str(value))))
}

pub fn replace<'a>(
    name: &str,
    expr: Evaluated<'_>,
    old: Evaluated<'_>,
    new: Evaluated<'_>,
) -> ControlFlow<Evaluated<'a>> {
    let expr = eval_to_str(name, expr)?;
    let old = eval_to_str(name, old)?;
    let new = eval_to_str(name, new)?;
    let value = expr.replace(&old, &new);

    Continue(Evaluated::Value(Cow::Owned(Value::Str(value))))
}

pub fn ascii<'a>(name: &str, expr: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    let string = eval_to_str(name, expr)?;
    let mut iter = string.chars();

    match (iter.next(), iter.next()) {
        (Some(c), None) => {
            if c.is_ascii() {
                Continue(Evaluated::Value(Cow::Owned(Value::U8(c as u8))))
            } else {
                Err(EvaluateError::NonAsciiCharacterNotAllowed.into()).into_control_flow()
            }
        }
        _ => {
            Err(EvaluateError::AsciiFunctionRequiresSingleCharacterValue.into()).into_control_flow()
        }
    }
}

pub fn chr<'a>(name: &str, expr: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    let expr = eval_to_int(name, expr)?;

    match expr {
        0..=255 => {
            let expr = expr as u8;

            Continue(Evaluated::Value(Cow::Owned(Value::Str(
                (expr as char).to_string(),
            ))))
        }
        _ => Err(EvaluateError::ChrFunctionRequiresIntegerValueInRange0To255.into())
            .into_control_flow(),
    }
}

pub fn md5<'a>(name: &str, expr: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    let string = eval_to_str(name, expr)?;
    let mut hasher = Md5::new();
    hasher.update(string.as_bytes());
    let result = hasher.finalize();
    let result = format!("{result:x}");

    Continue(Evaluated::Value(Cow::Owned(Value::Str(result))))
}

// --- float ---

pub fn abs<'a>(name: &str, n: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    let value = match n.try_into().break_if_null()? {
        Value::I8(v) => Value::I8(v.abs()),
        Value::I32(v) => Value::I32(v.abs()),
        Value::I64(v) => Value::I64(v.abs()),
        Value::I128(v) => Value::I128(v.abs()),
        Value::Decimal(v) => Value::Decimal(v.abs()),
        Value::F32(v) => Value::F32(v.abs()),
        Value::F64(v) => Value::F64(v.abs()),
        _ => {
            return Err(EvaluateError::FunctionRequiresFloatValue(name.to_owned()).into())
                .into_control_flow();
        }
    };

    Continue(Evaluated::Value(Cow::Owned(value)))
}

pub fn nullif<'a>(expr1: Evaluated<'a>, expr2: &Evaluated<'a>) -> ControlFlow<Evaluated<'a>> {
    Continue(if expr1.evaluate_eq(expr2).is_true() {
        Evaluated::Value(Cow::Owned(Value::Null))
    } else {
        expr1
    })
}

pub fn radians<'a>(name: &str, n: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    eval_to_float(name, n)
        .map_continue(|n| Evaluated::Value(Cow::Owned(Value::F64(n.to_radians()))))
}

pub fn degrees<'a>(name: &str, n: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    eval_to_float(name, n)
        .map_continue(|n| Evaluated::Value(Cow::Owned(Value::F64(n.to_degrees()))))
}

pub fn sin<'a>(name: &str, n: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    eval_to_float(name, n).map_continue(|n| Evaluated::Value(Cow::Owned(Value::F64(n.sin()))))
}

pub fn cos<'a>(name: &str, n: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    eval_to_float(name, n).map_continue(|n| Evaluated::Value(Cow::Owned(Value::F64(n.cos()))))
}

pub fn tan<'a>(name: &str, n: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    eval_to_float(name, n).map_continue(|n| Evaluated::Value(Cow::Owned(Value::F64(n.tan()))))
}

pub fn atan<'a>(name: &str, n: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    eval_to_float(name, n).map_continue(|n| Evaluated::Value(Cow::Owned(Value::F64(n.atan()))))
}

// --- integer ---

pub fn div<'a>(
    name: &str,
    dividend: Evaluated<'_>,
    divisor: Evaluated<'_>,
) -> ControlFlow<Evaluated<'a>> {
    let dividend = eval_to_float(name, dividend)
        .map_err(|_| EvaluateError::FunctionRequiresFloatOrIntegerValue(name.to_owned()).into())?;
    let divisor = eval_to_float(name, divisor)
        .map_err(|_| EvaluateError::FunctionRequiresFloatOrIntegerValue(name.to_owned()).into())?;

    if divisor == 0.0 {
        return Err(EvaluateError::DivisorShouldNotBeZero.into()).into_control_flow();
    }

    Continue(Evaluated::Value(Cow::Owned(Value::I64(
        (dividend / divisor) as i64,
    ))))
}

pub fn gcd<'a>(
    name: &str,
    left: Evaluated<'_>,
    right: Evaluated<'_>,
) -> ControlFlow<Evaluated<'a>> {
    let left = eval_to_int(name, left)?;
    let right = eval_to_int(name, right)?;

    gcd_i64(left, right).map_continue(|gcd| Evaluated::Value(Cow::Owned(Value::I64(gcd))))
}

pub fn lcm<'a>(
    name: &str,
    left: Evaluated<'_>,
    right: Evaluated<'_>,
) -> ControlFlow<Evaluated<'a>> {
    fn lcm(a: i64, b: i64) -> ControlFlow<i64> {
        let gcd_val: i128 = gcd_i64(a, b)?.into();

        let a: i128 = a.into();
        let b: i128 = b.into();

        // lcm(a, b) = abs(a * b) / gcd(a, b)   if gcd(a, b) != 0
        // lcm(a, b) = 0                        if gcd(a, b) == 0
        let result = (a * b).abs().checked_div(gcd_val).unwrap_or(0);

        i64::try_from(result)
            .map_err(|_| EvaluateError::LcmResultOutOfRange.into())
            .into_control_flow()
    }

    let left = eval_to_int(name, left)?;
    let right = eval_to_int(name, right)?;

    lcm(left, right).map_continue(|lcm| Evaluated::Value(Cow::Owned(Value::I64(lcm))))
}

fn gcd_i64(a: i64, b: i64) -> ControlFlow<i64> {
    let mut a = a
        .checked_abs()
        .continue_or_break(EvaluateError::GcdLcmOverflow(a).into())?;
    let mut b = b
        .checked_abs()
        .continue_or_break(EvaluateError::GcdLcmOverflow(b).into())?;

    while b > 0 {
        (a, b) = (b, a % b);
    }

    Continue(a)
}

// --- etc ---

pub fn position<'a>(
    from_expr: Evaluated<'_>,
    sub_expr: Evaluated<'_>,
) -> ControlFlow<Evaluated<'a>> {
    let from: Value = from_expr.try_into().break_if_null()?;
    let sub = sub_expr.try_into().break_if_null()?;

    from.position(&sub)
        .map(|v| Evaluated::Value(Cow::Owned(v)))
        .into_control_flow()
}

pub fn extract<'a>(field: DateTimeField, expr: Evaluated<'_>) -> ControlFlow<Evaluated<'a>> {
    Value::try_from(expr)
        .and_then(|v| v.extract(&field))
        .map(|v| Evaluated::Value(Cow::Owned(v)))
        .into_control_flow()
}

pub fn coalesce<'a>(exprs: Vec<Evaluated<'_>>) -> Result<Evaluated<'a>> {
    if exprs.is_empty() {
        return Err((EvaluateError::FunctionRequiresMoreArguments {
            function_name: "COALESCE".to_owned(),
            required_minimum: 1,
            found: exprs.len(),
        })
        .into());
    }

    let control_flow =
        exprs
            .into_iter()
            .map(TryInto::try_into)
            .try_for_each(|item: Result<Value>| match item {
                Ok(value) if value.is_null() => StdControlFlow::Continue(()),
                Ok(value) => StdControlFlow::Break(Ok(value)),
                Err(err) => StdControlFlow::Break(Err(err)),
            });

    match control_flow {
        StdControlFlow::Break(Ok(value)) => Ok(Evaluated::Value(Cow::Owned(value))),
        StdControlFlow::Break(Err(err)) => Err(err),
        StdControlFlow::Continue(()) => Ok(Evaluated::Value(Cow::Owned(Value::Null))),
    }
}

pub fn select_arrow_value(base: &Value, selector: &Value) -> Result<Value> {
    if base.is_null() {
        return Ok(Value::Null);
    }

    match base {
        Value::Map(map) => {
            let key = match selector {
                Value::Str(value) => Cow::Borrowed(value.as_str()),
                Value::I8(value) => Cow::Owned(value.to_string()),
                Value::I16(value) => Cow::Owned(value.to_string()),
                Value::I32(value) => Cow::Owned(value.to_string()),
                Value::I64(value) => Cow::Owned(value.to_string()),
                Value::I128(value) => Cow::Owned(value.to_string()),
                Value::U8(value) => Cow::Owned(value.to_string()),
                Value::U16(value) => Cow::Owned(value.to_string()),
                Value::U32(value) => Cow::Owned(value.to_string()),
                Value::U64(value) => Cow::Owned(value.to_string()),
                Value::U128(value) => Cow::Owned(value.to_string()),
                _ => {
                    return Err(EvaluateError::ArrowSelectorRequiresIntegerOrString(format!(
                        "{selector:?}"
                    ))
                    .into());
                }
            };

            Ok(map.get(key.as_ref()).cloned().unwrap_or(Value::Null))
        }
        Value::List(list) => {
            let index = match selector {
                Value::Str(value) => value.parse::<usize>().ok(),
                Value::I8(value) => usize::try_from(*value).ok(),
                Value::I16(value) => usize::try_from(*value).ok(),
                Value::I32(value) => usize::try_from(*value).ok(),
                Value::I64(value) => usize::try_from(*value).ok(),
                Value::I128(value) => usize::try_from(*value).ok(),
                Value::U8(value) => Some(*value as usize),
                Value::U16(value) => Some(*value as usize),
                Value::U32(value) => usize::try_from(*value).ok(),
                Value::U64(value) => usize::try_from(*value).ok(),
                Value::U128(value) => usize::try_from(*value).ok(),
                _ => {
                    return Err(EvaluateError::ArrowSelectorRequiresIntegerOrString(format!(
                        "{selector:?}?"
                    ))
                    .into());
                }
            };

            Ok(index
                .and_then(|idx| list.get(idx).cloned())
                .unwrap_or(Value::Null))
        }
        _ => Err(EvaluateError::ArrowBaseRequiresMapOrList.into()),
    }
}
