//! livestream-sandbox: a livestream analytics star schema you can query.
//!
//! Reading order: [`schema`] describes the tables once; [`generate`] makes their rows from a seed;
//! [`rows`] turns them into typed cells and CSV, and [`postgres_export`] into a partitioned
//! PostgreSQL database; [`engine`] loads them into GlueSQL (through [`storage`]) and answers SQL
//! after [`sql`] has checked and rewritten it; [`queries`] holds the named queries and
//! [`analyses`] the guided analyses; [`bench`] times them. `wasm` is the thin browser edge.

pub mod analyses;
pub mod bench;
mod compare;
mod constraints;
pub mod engine;
pub mod error;
mod flatten;
mod full_join;
mod functions;
pub mod generate;
mod hasher;
mod join_columns;
mod matching;
mod names;
pub mod pipeline;
pub mod postgres_export;
pub mod queries;
mod reads;
pub mod rows;
mod scan;
pub mod schema;
mod series;
pub mod sql;
pub mod storage;
pub mod time;
mod timestamptz;
mod walk;
mod window;
mod zone_maps;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use engine::{Cell, Config, Engine, QueryResult};
pub use error::EngineError;
pub use generate::{generate, Dataset, Scale, GENERATOR_VERSION};
