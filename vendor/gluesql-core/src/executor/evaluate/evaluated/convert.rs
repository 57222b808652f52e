mod number;
mod text;

pub(crate) use number::{cast_number_to_value, number_to_value};
pub(crate) use text::{cast_text_to_value, text_to_value};
