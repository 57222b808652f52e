use {
    super::{
        super::{QueryError, SourceColumns},
        PreparedSource, SourceRows,
    },
    crate::{
        ast::DataType,
        data::{Key, Row, Value, ValueError},
        executor::{
            context::RowContext,
            evaluate::{comparable_to_column, evaluate},
            fetch::fetch_columns,
        },
        plan::{TableAccessPlan, TableSourcePlan},
        result::Error,
        result::Result,
        store::GStore,
    },
    std::{iter, rc::Rc},
};

pub(super) fn execute<'a, T: GStore>(
    storage: &'a T,
    table: &'a TableSourcePlan,
) -> Result<PreparedSource<'a>> {
    let names = fetch_columns(storage, &table.name)?;
    let names = match &table.alias {
        None => names,
        Some(alias) if alias.columns.len() > names.len() => {
            return Err(QueryError::TooManyColumnAliases(
                table.name.clone(),
                names.len(),
                alias.columns.len(),
            )
            .into());
        }
        Some(alias) => alias
            .columns
            .iter()
            .cloned()
            .chain(names[alias.columns.len()..].iter().cloned())
            .collect(),
    };

    let output = SourceColumns {
        alias: table
            .alias
            .as_ref()
            .map_or(table.name.as_str(), |alias| alias.name.as_str()),
        names: Rc::from(names),
    };
    let source = SourceColumns {
        alias: output.alias,
        names: Rc::clone(&output.names),
    };
    let rows = Box::new(move |evaluation_context: Option<Rc<RowContext<'a>>>| {
        rows(
            storage,
            table,
            SourceColumns {
                alias: source.alias,
                names: Rc::clone(&source.names),
            },
            evaluation_context.as_ref(),
        )
    });

    Ok(PreparedSource { output, rows })
}

fn rows<'a, T: GStore>(
    storage: &'a T,
    table: &'a TableSourcePlan,
    source: SourceColumns<'a>,
    evaluation_context: Option<&Rc<RowContext<'a>>>,
) -> Result<SourceRows<'a>> {
    let columns = Rc::clone(&source.names);
    let rows = match &table.access {
        TableAccessPlan::FullScan => {
            let rows = storage.scan_data(&table.name)?.map({
                let columns = Rc::clone(&columns);

                move |row| {
                    let (_, values) = row?;
                    Ok(Row {
                        columns: Rc::clone(&columns),
                        values,
                    })
                }
            });

            Box::new(rows) as Box<dyn Iterator<Item = Result<Row>> + 'a>
        }
        TableAccessPlan::PrimaryKey { expr } => {
            let schema = storage.fetch_schema(&table.name)?.ok_or_else(|| {
                QueryError::UnreachableTableSchemaMissingAfterPreparation(table.name.clone())
            })?;
            let evaluated = evaluate(storage, evaluation_context, None, expr)?;
            let column_def = schema
                .column_defs
                .as_ref()
                .and_then(|column_defs| {
                    column_defs
                        .iter()
                        .find(|column_def| column_def.unique.is_some_and(|u| u.is_primary))
                })
                .ok_or_else(|| QueryError::PrimaryKeyColumnNotFound(table.name.clone()))?;
            // Patched: `id = TRUE` is refused as `=` refuses it elsewhere, not with the
            // conversion's message.
            comparable_to_column(&column_def.data_type, "=", &evaluated)?;
            // `None`: no key can equal the value.
            let key = match evaluated.try_into_value(&column_def.data_type, column_def.nullable) {
                Ok(value) => Some(Key::try_from(value)?),
                // Patched: a number of another type than the key's (`id = 2.5` on an integer
                // key) is compared with the keys by value, as `=` compares numbers elsewhere.
                // Upstream this was an error.
                Err(Error::Value(error)) if refused_number(&error) => {
                    let ValueError::IncompatibleDataType { value, .. } = *error else {
                        unreachable!("matched above")
                    };
                    // An integer key equals a decimal or a float only when it is that whole
                    // number: one lookup, or no row.
                    let whole = match &value {
                        Value::Decimal(d) => Some(i64::try_from(d.trunc()).ok()),
                        Value::F64(f) => Some((f.abs() < 9.2e18).then(|| *f as i64)),
                        Value::F32(f) => Some((f.abs() < 9.2e18).then(|| *f as i64)),
                        _ => None,
                    };
                    match (&column_def.data_type, whole) {
                        (DataType::Int, Some(whole)) => whole
                            .filter(|n| Value::I64(*n).evaluate_eq(&value).is_true())
                            .map(Key::I64),
                        // Any other key type: each key compared with the value.
                        _ => {
                            let index = schema
                                .column_defs
                                .iter()
                                .flatten()
                                .position(|column| column.name == column_def.name)
                                .expect("the key is one of the table's columns");
                            let rows = storage.scan_data(&table.name)?.filter_map(move |row| {
                                match row {
                                    Ok((_, values)) => {
                                        values[index].evaluate_eq(&value).is_true().then(|| {
                                            Ok(Row {
                                                columns: Rc::clone(&columns),
                                                values,
                                            })
                                        })
                                    }
                                    Err(error) => Some(Err(error)),
                                }
                            });
                            return Ok(SourceRows {
                                source,
                                rows: Box::new(rows),
                            });
                        }
                    }
                }
                Err(error) => return Err(error),
            };
            let found = match key {
                Some(key) => storage.fetch_data(&table.name, &key)?,
                None => None,
            };

            match found {
                Some(values) => Box::new(iter::once(Ok(Row {
                    columns: Rc::clone(&columns),
                    values,
                }))) as Box<dyn Iterator<Item = Result<Row>> + 'a>,
                None => Box::new(iter::empty()) as Box<dyn Iterator<Item = Result<Row>> + 'a>,
            }
        }
        TableAccessPlan::Index {
            name,
            asc,
            predicate,
        } => {
            let predicate = match predicate {
                Some(predicate) => {
                    let evaluated = evaluate(storage, None, None, &predicate.expr)?;

                    Some((&predicate.operator, evaluated.try_into()?))
                }
                None => None,
            };
            let rows = storage
                .scan_indexed_data(&table.name, name, *asc, predicate)?
                .map({
                    let columns = Rc::clone(&columns);

                    move |row| {
                        let (_, values) = row?;
                        Ok(Row {
                            columns: Rc::clone(&columns),
                            values,
                        })
                    }
                });

            Box::new(rows)
        }
    };

    Ok(SourceRows { source, rows })
}

/// Whether `error` refused a number as the value of a number column.
fn refused_number(error: &ValueError) -> bool {
    let number = |data_type: &DataType| {
        use DataType::*;
        matches!(
            data_type,
            Int8 | Int16
                | Int32
                | Int
                | Int128
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uint128
                | Float32
                | Float
                | Decimal
        )
    };
    matches!(
        error,
        ValueError::IncompatibleDataType { data_type, value }
            if number(data_type) && value.get_type().is_some_and(|t| number(&t))
    )
}
