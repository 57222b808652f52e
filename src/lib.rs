//! livestream-sandbox: a livestream analytics star schema you can query.
//!
//! Reading order: [`schema`] describes the tables once; [`generate`] makes their rows from a seed;
//! [`rows`] turns them into typed cells and CSV; [`engine`] loads them into GlueSQL (through
//! [`storage`]) and answers SQL after [`sql`] has checked and rewritten it; [`queries`] holds the
//! named queries; [`bench`] times them. `wasm` is the thin browser edge.

pub mod bench;
pub mod engine;
pub mod error;
pub mod generate;
pub mod queries;
pub mod rows;
pub mod schema;
pub mod sql;
pub mod storage;
pub mod time;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use engine::{Cell, Config, Engine, QueryResult};
pub use error::EngineError;
pub use generate::{generate, Dataset, Scale, GENERATOR_VERSION};
