mod alter;
mod context;
mod delete;
mod evaluate;
mod execute;
mod fetch;
mod filter;
mod insert;
mod query;
mod select;
mod update;
mod validate;

pub use {
    alter::{AlterError, Referencing},
    context::RowContext,
    delete::DeleteError,
    evaluate::{
        EvaluateError, Evaluated, between, binary_op, change_case, comparable, evaluate_stateless,
        literal, unary_op,
    },
    execute::{ExecuteError, Payload, PayloadVariable, execute},
    fetch::FetchError,
    insert::InsertError,
    query::{QueryError, number_key, ordered_aggregate, sort_by},
    update::UpdateError,
    validate::ValidateError,
};
