use {
    rust_decimal::Decimal,
    super::super::{SelectedRows, SourceColumns, source},
    super::{JoinCandidateGroup, JoinCandidates, inner, left_outer},
    crate::{
        data::{Key, Row},
        executor::{context::RowContext, evaluate::evaluate, filter::check_expr},
        plan::{ExprPlan, HashJoinInputPlan, HashJoinPlan},
        result::Result,
        store::GStore,
    },
    itertools::Itertools,
    std::{borrow::Cow, collections::HashMap, iter, rc::Rc},
};

pub(super) fn execute<'a, T: GStore>(
    storage: &'a T,
    plan: &'a HashJoinPlan,
    filter_context: Option<&Rc<RowContext<'a>>>,
) -> Result<JoinCandidates<'a>> {
    let HashJoinPlan {
        input,
        right,
        input_key,
        right_key,
        right_filter,
    } = plan;
    let SelectedRows { mut sources, rows } = match input {
        HashJoinInputPlan::Source(source_plan) => source::execute(storage, source_plan)?
            .rows(None)?
            .into_selected(None),
        HashJoinInputPlan::InnerJoin(join) => inner::execute(storage, join, filter_context)?,
        HashJoinInputPlan::LeftOuterJoin(join) => {
            left_outer::execute(storage, join, filter_context)?
        }
    };
    let right = source::execute(storage, right)?;
    let (rows_map, right_source) = build_rows(
        storage,
        right,
        filter_context,
        right_key,
        right_filter.as_ref(),
    )?;
    sources.joined.push(SourceColumns {
        alias: right_source.alias,
        names: Rc::clone(&right_source.names),
    });
    let right_alias = right_source.alias;
    let filter_context = filter_context.map(Rc::clone);
    let groups = rows.map(move |left| {
        let left = left?;
        let evaluation_context = match &filter_context {
            Some(filter_context) => Some(Rc::new(RowContext::concat(
                Rc::clone(&left),
                Rc::clone(filter_context),
            ))),
            None => Some(Rc::clone(&left)),
        };
        let rows = evaluate(storage, evaluation_context.as_ref(), None, input_key)
            .and_then(|evaluated| {
                Key::try_from(evaluated).map(|key| rows_map.get(&number_key(key)).cloned())
            });
        let rows: Box<dyn Iterator<Item = Result<Row>> + 'a> = match rows {
            Ok(Some(rows)) => Box::new(rows.into_iter().map(Ok)),
            Ok(None) => Box::new(iter::empty()),
            Err(error) => Box::new(iter::once(Err(error))),
        };

        Ok(candidate_group(left, right_alias, rows))
    });

    Ok(JoinCandidates {
        sources,
        right: right_source,
        groups: Box::new(groups),
    })
}

fn build_rows<'a, T: GStore>(
    storage: &'a T,
    source: source::PreparedSource<'a>,
    filter_context: Option<&Rc<RowContext<'a>>>,
    right_key: &'a ExprPlan,
    right_filter: Option<&'a ExprPlan>,
) -> Result<(HashMap<Key, Vec<Row>>, SourceColumns<'a>)> {
    let mut rows = Vec::new();
    for row in source.rows(filter_context.map(Rc::clone))?.rows {
        let row = row?;
        let context = Rc::new(RowContext::new(
            source.output.alias,
            Cow::Borrowed(&row),
            filter_context.map(Rc::clone),
        ));
        let key: Key = number_key(evaluate(storage, Some(&context), None, right_key)?.try_into()?);
        if matches!(key, Key::None) {
            continue;
        }
        let pass = match right_filter {
            Some(expr) => check_expr(storage, Some(&context), None, expr)?,
            None => true,
        };
        if pass {
            rows.push((key, row));
        }
    }

    Ok((rows.into_iter().into_group_map(), source.output))
}

fn candidate_group<'a>(
    left: Rc<RowContext<'a>>,
    right_alias: &'a str,
    rows: impl Iterator<Item = Result<Row>> + 'a,
) -> JoinCandidateGroup<'a> {
    let left_context = Rc::clone(&left);
    let rows = rows.map(move |row| {
        row.map(|row| {
            Rc::new(RowContext::new(
                right_alias,
                Cow::Owned(row),
                Some(Rc::clone(&left_context)),
            ))
        })
    });

    JoinCandidateGroup {
        left,
        rows: Box::new(rows),
    }
}

/// Patched: numbers equal in value are one join key, whatever their types (`3` and `3.0`), as
/// the join condition `=` compares them; upstream hashed the types apart, so an integer column
/// joined to a decimal expression matched nothing.
pub fn number_key(key: Key) -> Key {
    use rust_decimal::prelude::ToPrimitive;
    let decimal = match &key {
        Key::I8(n) => Some(Decimal::from(*n)),
        Key::I16(n) => Some(Decimal::from(*n)),
        Key::I32(n) => Some(Decimal::from(*n)),
        Key::I64(n) => return Key::I64(*n),
        Key::U8(n) => Some(Decimal::from(*n)),
        Key::U16(n) => Some(Decimal::from(*n)),
        Key::U32(n) => Some(Decimal::from(*n)),
        Key::U64(n) => Some(Decimal::from(*n)),
        Key::F32(f) => Decimal::from_f32_retain(f.0),
        Key::F64(f) => Decimal::from_f64_retain(f.0),
        Key::Decimal(d) => Some(*d),
        _ => None,
    };
    match decimal {
        Some(d) if d.fract().is_zero() => d.to_i64().map_or(Key::Decimal(d.normalize()), Key::I64),
        Some(d) => Key::Decimal(d.normalize()),
        None => key,
    }
}
