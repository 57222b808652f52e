use {
    crate::{
        ast::DataType,
        data::Value,
        executor::{
            context::{AggregateContext, AggregateValues, RowContext},
            evaluate::evaluate,
        },
        plan::{AggregateExprPlan, AggregateFunctionPlan, CountArgExprPlan},
        result::Result,
        store::GStore,
    },
    std::{
        cmp::Ordering,
        collections::{HashMap, HashSet},
        rc::Rc,
    },
};

#[derive(Clone)]
enum AggrValue {
    Count {
        wildcard: bool,
        count: i64,
        distinct_values: Option<HashSet<Value>>,
    },
    Sum {
        value: Value,
        distinct_values: Option<HashSet<Value>>,
    },
    Min {
        value: Value,
        distinct_values: Option<HashSet<Value>>,
    },
    Max {
        value: Value,
        distinct_values: Option<HashSet<Value>>,
    },
    Avg {
        sum: Value,
        count: i64,
        distinct_values: Option<HashSet<Value>>,
    },
    Variance {
        sum_square: Value,
        sum: Value,
        count: i64,
        distinct_values: Option<HashSet<Value>>,
    },
    Stdev {
        sum_square: Value,
        sum: Value,
        count: i64,
        distinct_values: Option<HashSet<Value>>,
    },
    Ordered {
        rows: Vec<Vec<Value>>,
        distinct_values: Option<HashSet<Value>>,
    },
}

impl AggrValue {
    fn track_distinct(distinct_values: &mut Option<HashSet<Value>>, new_value: &Value) -> bool {
        match distinct_values {
            Some(set) => {
                if set.contains(new_value) {
                    false
                } else {
                    set.insert(new_value.clone());
                    true
                }
            }
            None => true,
        }
    }

    fn new(aggregate: &AggregateExprPlan, value: &Value) -> Result<Self> {
        let value = value.clone();

        Ok(match &aggregate.func {
            AggregateFunctionPlan::Count(CountArgExprPlan::Wildcard) => {
                let distinct_values = aggregate.distinct.then(|| HashSet::from([value.clone()]));

                Self::Count {
                    wildcard: true,
                    count: 1,
                    distinct_values,
                }
            }
            AggregateFunctionPlan::Count(CountArgExprPlan::Expr(_)) => {
                let mut distinct_values = aggregate.distinct.then(HashSet::new);

                if let Some(set) = distinct_values.as_mut()
                    && !value.is_null()
                {
                    set.insert(value.clone());
                }

                Self::Count {
                    wildcard: false,
                    count: i64::from(!value.is_null()),
                    distinct_values,
                }
            }
            AggregateFunctionPlan::Sum(_) => {
                let mut distinct_values = aggregate.distinct.then(HashSet::new);

                if let Some(set) = distinct_values.as_mut() {
                    set.insert(value.clone());
                }

                Self::Sum {
                    value,
                    distinct_values,
                }
            }
            AggregateFunctionPlan::Min(_) => {
                let mut distinct_values = aggregate.distinct.then(HashSet::new);

                if let Some(set) = distinct_values.as_mut() {
                    set.insert(value.clone());
                }

                Self::Min {
                    value,
                    distinct_values,
                }
            }
            AggregateFunctionPlan::Max(_) => {
                let mut distinct_values = aggregate.distinct.then(HashSet::new);

                if let Some(set) = distinct_values.as_mut() {
                    set.insert(value.clone());
                }

                Self::Max {
                    value,
                    distinct_values,
                }
            }
            AggregateFunctionPlan::Avg(_) => {
                let mut distinct_values = aggregate.distinct.then(HashSet::new);

                if let Some(set) = distinct_values.as_mut() {
                    set.insert(value.clone());
                }

                Self::Avg {
                    sum: value,
                    count: 1,
                    distinct_values,
                }
            }
            AggregateFunctionPlan::Variance(_) => {
                let mut distinct_values = aggregate.distinct.then(HashSet::new);

                if let Some(set) = distinct_values.as_mut() {
                    set.insert(value.clone());
                }

                Self::Variance {
                    sum_square: value.multiply(&value)?,
                    sum: value,
                    count: 1,
                    distinct_values,
                }
            }
            AggregateFunctionPlan::Stdev(_) => {
                let mut distinct_values = aggregate.distinct.then(HashSet::new);

                if let Some(set) = distinct_values.as_mut() {
                    set.insert(value.clone());
                }

                Self::Stdev {
                    sum_square: value.multiply(&value)?,
                    sum: value,
                    count: 1,
                    distinct_values,
                }
            }
            AggregateFunctionPlan::Ordered { .. } => {
                let distinct_values = aggregate.distinct.then(|| HashSet::from([value.clone()]));
                let Value::List(row) = value else {
                    unreachable!("an ordered aggregate's arguments are a list")
                };
                Self::Ordered {
                    rows: vec![row],
                    distinct_values,
                }
            }
        })
    }

    fn accumulate(&mut self, new_value: &Value) -> Result<bool> {
        match self {
            Self::Count {
                wildcard,
                count,
                distinct_values,
            } => {
                if !new_value.is_null() && !Self::track_distinct(distinct_values, new_value) {
                    return Ok(false);
                }

                if *wildcard || !new_value.is_null() {
                    *count += 1;
                    Ok(true)
                } else {
                    Ok(false)
                }
            }
            Self::Sum {
                value,
                distinct_values,
            } => {
                if !Self::track_distinct(distinct_values, new_value) {
                    return Ok(false);
                }

                *value = value.sum_add(new_value)?;
                Ok(true)
            }
            Self::Min {
                value,
                distinct_values,
            } => {
                if !Self::track_distinct(distinct_values, new_value) {
                    return Ok(false);
                }

                if let Some(Ordering::Greater) = value.evaluate_cmp(new_value) {
                    *value = new_value.clone();
                }

                Ok(true)
            }
            Self::Max {
                value,
                distinct_values,
            } => {
                if !Self::track_distinct(distinct_values, new_value) {
                    return Ok(false);
                }

                if let Some(Ordering::Less) = value.evaluate_cmp(new_value) {
                    *value = new_value.clone();
                }

                Ok(true)
            }
            Self::Avg {
                sum,
                count,
                distinct_values,
            } => {
                if !Self::track_distinct(distinct_values, new_value) {
                    return Ok(false);
                }

                *sum = sum.sum_add(new_value)?;
                *count += 1;
                Ok(true)
            }
            Self::Variance {
                sum_square,
                sum,
                count,
                distinct_values,
            }
            | Self::Stdev {
                sum_square,
                sum,
                count,
                distinct_values,
            } => {
                if !Self::track_distinct(distinct_values, new_value) {
                    return Ok(false);
                }

                *sum_square = sum_square.add(&new_value.multiply(new_value)?)?;
                *sum = sum.sum_add(new_value)?;
                *count += 1;
                Ok(true)
            }
            Self::Ordered {
                rows,
                distinct_values,
            } => {
                if !Self::track_distinct(distinct_values, new_value) {
                    return Ok(false);
                }
                if let Value::List(row) = new_value {
                    rows.push(row.clone());
                }
                Ok(true)
            }
        }
    }

    fn export(self, aggregate: &AggregateExprPlan) -> Result<Value> {
        let variance = |sum_square: Value, sum: Value, count: i64| -> Result<Value> {
            let count = Value::I64(count);
            let sum_expr1 = sum_square.multiply(&count)?;
            let sum_expr2 = sum.multiply(&sum)?;
            let expr_sub = sum_expr1.cast(&DataType::Float)?.subtract(&sum_expr2)?;
            let cnt_square = count.multiply(&count)?;
            expr_sub.divide(&cnt_square)
        };

        match self {
            Self::Count { count, .. } => Ok(Value::I64(count)),
            Self::Sum { value, .. } | Self::Min { value, .. } | Self::Max { value, .. } => {
                Ok(value)
            }
            // Integers and decimals average exactly, as PostgreSQL's numeric `avg` does: a
            // float average of 0.99 is below 0.99, so `amount > AVG(amount)` kept such rows.
            Self::Avg { sum, count, .. } => {
                let sum = match sum {
                    Value::F32(_) | Value::F64(_) => sum.cast(&DataType::Float)?,
                    Value::Decimal(_) => sum,
                    other => other.cast(&DataType::Decimal)?,
                };
                sum.divide(&Value::I64(count))
            }
            Self::Variance {
                sum_square,
                sum,
                count,
                ..
            } => variance(sum_square, sum, count),
            Self::Stdev {
                sum_square,
                sum,
                count,
                ..
            } => variance(sum_square, sum, count)?.sqrt(),
            Self::Ordered { rows, .. } => match &aggregate.func {
                AggregateFunctionPlan::Ordered { kind, order, .. } => {
                    super::ordered::export(*kind, order, rows)
                }
                _ => unreachable!("an ordered aggregate's state"),
            },
        }
    }
}

struct GroupState<'a> {
    representative: Option<Rc<RowContext<'a>>>,
    values: Vec<Option<AggrValue>>,
}

impl<'a> GroupState<'a> {
    fn new(slot_count: usize, representative: Option<Rc<RowContext<'a>>>) -> Self {
        Self {
            representative,
            values: vec![None; slot_count],
        }
    }
}

pub struct State<'a, T: GStore> {
    storage: &'a T,
    slot_count: usize,
    groups: Vec<GroupState<'a>>,
    group_indexes: HashMap<Vec<Value>, usize>,
}

impl<'a, T: GStore> State<'a, T> {
    pub fn new(storage: &'a T, slot_count: usize, global: bool) -> Self {
        let mut groups = Vec::new();
        let mut group_indexes = HashMap::new();

        if global {
            groups.push(GroupState::new(slot_count, None));
            group_indexes.insert(Vec::new(), 0);
        }

        Self {
            storage,
            slot_count,
            groups,
            group_indexes,
        }
    }

    pub fn apply(&mut self, group: Vec<Value>, context: Rc<RowContext<'a>>) -> usize {
        if let Some(index) = self.group_indexes.get(&group).copied() {
            if self.groups[index].representative.is_none() {
                self.groups[index].representative = Some(context);
            }

            return index;
        }

        let index = self.groups.len();
        self.groups
            .push(GroupState::new(self.slot_count, Some(Rc::clone(&context))));
        self.group_indexes.insert(group, index);

        index
    }

    pub fn accumulate(
        &mut self,
        group_index: usize,
        filter_context: &Rc<RowContext<'a>>,
        slot: usize,
        aggregate: &AggregateExprPlan,
    ) -> Result<()> {
        let value = match &aggregate.func {
            AggregateFunctionPlan::Count(CountArgExprPlan::Wildcard) => {
                if aggregate.distinct {
                    let entries = filter_context.get_all_entries();
                    let values: Vec<Value> = entries.into_iter().map(|(_, value)| value).collect();
                    Value::List(values)
                } else {
                    Value::Null
                }
            }
            AggregateFunctionPlan::Count(CountArgExprPlan::Expr(expr))
            | AggregateFunctionPlan::Sum(expr)
            | AggregateFunctionPlan::Min(expr)
            | AggregateFunctionPlan::Max(expr)
            | AggregateFunctionPlan::Avg(expr)
            | AggregateFunctionPlan::Variance(expr)
            | AggregateFunctionPlan::Stdev(expr)
            | AggregateFunctionPlan::Ordered { args: expr, .. } => {
                evaluate(self.storage, Some(filter_context), None, expr)?.try_into()?
            }
        };
        // An ordered aggregate skips the rows whose value (its list's first item) is NULL.
        if let (AggregateFunctionPlan::Ordered { .. }, Value::List(row)) = (&aggregate.func, &value)
            && row[0].is_null()
        {
            return Ok(());
        }

        // SQL eliminates NULL before applying a set function, so every aggregate but
        // COUNT ignores NULL inputs entirely. Groups that see nothing but NULL keep an
        // empty slot and fall back to `empty_value` on export.
        if value.is_null() && !matches!(aggregate.func, AggregateFunctionPlan::Count(_)) {
            return Ok(());
        }

        let group = self
            .groups
            .get_mut(group_index)
            .expect("group index must exist");
        match group.values[slot].as_mut() {
            Some(aggr_value) => {
                aggr_value.accumulate(&value)?;
            }
            None => {
                group.values[slot] = Some(AggrValue::new(aggregate, &value)?);
            }
        }

        Ok(())
    }

    pub fn export(
        self,
        aggregate_slots: &[AggregateExprPlan],
    ) -> Result<Vec<AggregateContext<'a>>> {
        let groups = self.groups;

        groups
            .into_iter()
            .map(|group| {
                let values = if aggregate_slots.is_empty() {
                    None
                } else {
                    let values = group
                        .values
                        .into_iter()
                        .zip(aggregate_slots.iter())
                        .map(|(value, aggregate)| match value {
                            Some(value) => value.export(aggregate),
                            None => Ok(empty_value(aggregate)),
                        })
                        .collect::<Result<Vec<_>>>()?;

                    Some(Rc::new(AggregateValues::new(values)))
                };

                Ok(AggregateContext {
                    aggregated: values,
                    next: group.representative,
                })
            })
            .collect()
    }
}

fn empty_value(aggregate: &AggregateExprPlan) -> Value {
    match &aggregate.func {
        AggregateFunctionPlan::Count(_) => Value::I64(0),
        AggregateFunctionPlan::Sum(_)
        | AggregateFunctionPlan::Min(_)
        | AggregateFunctionPlan::Max(_)
        | AggregateFunctionPlan::Avg(_)
        | AggregateFunctionPlan::Variance(_)
        | AggregateFunctionPlan::Stdev(_)
        | AggregateFunctionPlan::Ordered { .. } => Value::Null,
    }
}
