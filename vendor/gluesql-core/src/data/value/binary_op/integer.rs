mod i128;
mod i16;
mod i32;
mod i64;
mod i8;
mod u128;
mod u16;
mod u32;
mod u64;
mod u8;

mod macros;

use crate::{
    data::{
        Value,
        value::error::{NumericBinaryOperator, ValueError},
    },
    result::Result,
};

/// Applies `op` to an integer already widened to the type of `rhs` (patched in; see PATCHES.md).
fn widened(lhs: &Value, op: NumericBinaryOperator, rhs: &Value) -> Result<Value> {
    match op {
        NumericBinaryOperator::Add => lhs.add(rhs),
        NumericBinaryOperator::Subtract => lhs.subtract(rhs),
        NumericBinaryOperator::Multiply => lhs.multiply(rhs),
        NumericBinaryOperator::Divide => lhs.divide(rhs),
        NumericBinaryOperator::Modulo => lhs.modulo(rhs),
        other => Err(ValueError::NonNumericMathOperation {
            lhs: lhs.clone(),
            operator: other,
            rhs: rhs.clone(),
        }
        .into()),
    }
}
