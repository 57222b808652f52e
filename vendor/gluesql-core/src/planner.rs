mod aggregate;
mod context;
mod error;
mod expr;
mod hash_join;
mod index;
mod primary_key;
mod query;
mod schema;
mod schemaless;
mod validate;

pub use {
    self::validate::validate, aggregate::plan as plan_aggregate, error::*,
    hash_join::plan as plan_hash_join, index::plan as plan_index,
    primary_key::plan as plan_primary_key, schema::fetch_schema_map,
    schemaless::plan as plan_schemaless,
};
