mod plan_expr;
mod visit;

pub mod deterministic;
pub mod evaluable;
pub mod nullability;
pub use plan_expr::PlanExpr;
pub use visit::{try_visit_expr, visit_mut_expr};
