//! Helpers shared by the integration tests.
// Each test crate uses the part it needs.
#![allow(dead_code)]
pub mod cases;
pub mod compare;
pub mod postgres;
