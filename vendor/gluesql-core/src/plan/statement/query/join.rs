mod condition;
mod hash;
mod inner;
mod left_outer;
mod nested_loop;

pub use {
    condition::{JoinConditionInputPlan, JoinConditionPlan},
    hash::{HashJoinInputPlan, HashJoinPlan},
    inner::{InnerJoinInputPlan, InnerJoinPlan},
    left_outer::{LeftOuterJoinInputPlan, LeftOuterJoinPlan},
    nested_loop::{NestedLoopJoinInputPlan, NestedLoopJoinPlan},
};
