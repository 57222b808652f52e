//! The generated tables as rows of typed cells in schema column order, and their CSV form.
//!
//! The loader, the CSV export and the checksums all read rows through [`table_rows`], so what
//! the engine holds and what a CSV file holds cannot drift apart.

use crate::generate::Dataset;
use crate::schema::{self, Table};
use crate::time::{self, Timestamp};
use rust_decimal::Decimal;

/// One cell of a generated row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Datum {
    Null,
    Int(i64),
    Text(String),
    Decimal(Decimal),
    Timestamp(Timestamp),
    Bool(bool),
}

impl From<i64> for Datum {
    fn from(value: i64) -> Datum {
        Datum::Int(value)
    }
}

impl From<&str> for Datum {
    fn from(value: &str) -> Datum {
        Datum::Text(value.to_owned())
    }
}

impl From<&String> for Datum {
    fn from(value: &String) -> Datum {
        Datum::Text(value.clone())
    }
}

impl From<Decimal> for Datum {
    fn from(value: Decimal) -> Datum {
        Datum::Decimal(value)
    }
}

impl From<bool> for Datum {
    fn from(value: bool) -> Datum {
        Datum::Bool(value)
    }
}

fn ts(value: Timestamp) -> Datum {
    Datum::Timestamp(value)
}

fn maybe_ts(value: Option<Timestamp>) -> Datum {
    value.map_or(Datum::Null, Datum::Timestamp)
}

/// Rows of one table, made one at a time as they are read, or `None` for a name that is not in
/// the schema. Lazy, so the loader never holds a second copy of a whole table.
pub fn table_rows<'a>(
    data: &'a Dataset,
    table: &str,
) -> Option<Box<dyn Iterator<Item = Vec<Datum>> + 'a>> {
    let rows: Box<dyn Iterator<Item = Vec<Datum>> + 'a> = match table {
        "stream_categories" => Box::new(
            data.categories
                .iter()
                .map(|c| vec![c.category_id.into(), c.name.into(), c.is_gaming.into()]),
        ),
        "creators" => Box::new(data.creators.iter().map(|c| {
            vec![
                c.creator_id.into(),
                (&c.handle).into(),
                c.country.into(),
                ts(c.joined_at),
                c.is_partner.into(),
                c.revenue_share.into(),
            ]
        })),
        "viewers" => Box::new(data.viewers.iter().map(|v| {
            vec![
                v.viewer_id.into(),
                (&v.username).into(),
                v.country.into(),
                ts(v.joined_at),
            ]
        })),
        "gift_catalog" => Box::new(
            data.gift_catalog
                .iter()
                .map(|g| vec![g.gift_type_id.into(), g.name.into(), g.tier.into()]),
        ),
        "gift_prices" => Box::new(data.gift_prices.iter().map(|p| {
            vec![
                p.gift_type_id.into(),
                p.price_usd.into(),
                ts(p.valid_from),
                maybe_ts(p.valid_to),
            ]
        })),
        "streams" => Box::new(data.streams.iter().map(|s| {
            vec![
                s.stream_id.into(),
                s.creator_id.into(),
                s.category_id.into(),
                (&s.title).into(),
                ts(s.started_at),
                maybe_ts(s.ended_at),
            ]
        })),
        "viewer_sessions" => Box::new(data.sessions.iter().map(|s| {
            vec![
                s.session_id.into(),
                s.stream_id.into(),
                s.viewer_id.into(),
                ts(s.join_time),
                maybe_ts(s.leave_time),
                s.device.into(),
            ]
        })),
        "gifts" => Box::new(data.gifts.iter().map(|g| {
            vec![
                g.gift_id.into(),
                g.stream_id.into(),
                g.viewer_id.into(),
                g.gift_type_id.into(),
                g.quantity.into(),
                g.amount_usd.into(),
                ts(g.sent_at),
            ]
        })),
        "chat_messages" => Box::new(data.chat_messages.iter().map(|m| {
            vec![
                m.message_id.into(),
                m.stream_id.into(),
                m.viewer_id.into(),
                ts(m.sent_at),
                (&m.body).into(),
            ]
        })),
        "retention_policies" => Box::new(
            data.retention_policies
                .iter()
                .map(|p| vec![p.table_name.into(), p.keep_days.into(), p.reason.into()]),
        ),
        _ => return None,
    };
    Some(rows)
}

/// How many rows [`table_rows`] gives for `table`, without making them.
pub fn row_count(data: &Dataset, table: &str) -> Option<usize> {
    Some(match table {
        "stream_categories" => data.categories.len(),
        "creators" => data.creators.len(),
        "viewers" => data.viewers.len(),
        "gift_catalog" => data.gift_catalog.len(),
        "gift_prices" => data.gift_prices.len(),
        "streams" => data.streams.len(),
        "viewer_sessions" => data.sessions.len(),
        "gifts" => data.gifts.len(),
        "chat_messages" => data.chat_messages.len(),
        "retention_policies" => data.retention_policies.len(),
        _ => return None,
    })
}

/// Every table with its rows, in load order.
pub fn all_tables(data: &Dataset) -> Vec<(&'static Table, Vec<Vec<Datum>>)> {
    schema::TABLES
        .iter()
        .map(|table| {
            let rows = table_rows(data, table.name).expect("every schema table has rows");
            (table, rows.collect())
        })
        .collect()
}

/// Every table as a CSV file: (`<table>.csv`, contents), in load order.
pub fn csv_files(data: &Dataset) -> Vec<(String, String)> {
    schema::TABLES
        .iter()
        .map(|table| {
            let rows = table_rows(data, table.name).expect("every schema table has rows");
            (format!("{}.csv", table.name), to_csv(table, rows))
        })
        .collect()
}

/// Appends one CSV field: RFC 4180 quoting, NULL as an empty unquoted field and the empty string
/// as `""`, so that PostgreSQL's `COPY ... CSV` reads both back as they were.
pub fn push_csv_field(out: &mut String, text: Option<&str>) {
    let Some(text) = text else { return };
    let needs_quotes =
        text.is_empty() || text.contains([',', '"', '\n', '\r']) || text.trim() != text;
    if needs_quotes {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn datum_text(datum: &Datum) -> Option<String> {
    match datum {
        Datum::Null => None,
        Datum::Int(value) => Some(value.to_string()),
        Datum::Text(value) => Some(value.clone()),
        Datum::Decimal(value) => Some(value.to_string()),
        Datum::Timestamp(value) => Some(time::format(*value)),
        Datum::Bool(value) => Some(value.to_string()),
    }
}

/// One table as CSV text with a header row; lines end in `\n`.
pub fn to_csv<R: AsRef<[Datum]>>(table: &Table, rows: impl IntoIterator<Item = R>) -> String {
    let mut out = String::new();
    let header: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
    out.push_str(&header.join(","));
    out.push('\n');
    for row in rows {
        for (i, datum) in row.as_ref().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_csv_field(&mut out, datum_text(datum).as_deref());
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_count_is_the_number_of_rows_made() {
        let data = crate::generate::generate(1, crate::generate::Scale::S);
        for table in schema::TABLES {
            let made = table_rows(&data, table.name).unwrap().count();
            assert_eq!(row_count(&data, table.name), Some(made), "{}", table.name);
        }
        assert_eq!(row_count(&data, "nope"), None);
    }

    #[test]
    fn csv_quotes_what_needs_it_and_keeps_null_apart_from_empty() {
        let mut out = String::new();
        for field in [
            None,
            Some(""),
            Some("plain"),
            Some("a,b"),
            Some("say \"hi\""),
            Some("two\nlines"),
            Some(" padded "),
        ] {
            push_csv_field(&mut out, field);
            out.push('|');
        }
        assert_eq!(
            out,
            "|\"\"|plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\" padded \"|"
        );
    }
}
