//! The star schema, described once.
//!
//! Every table, column, key, grain sentence and retention rule lives in [`TABLES`]. The engine's schema,
//! the PostgreSQL DDL in exports, `sandbox schema`, the page's schema browser and its completions are
//! all derived from this description, so a column is added in exactly one place.

use serde::Serialize;

/// Column types, named as PostgreSQL and GlueSQL both spell them (except where noted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum SqlType {
    /// 64-bit integer (`INT` in GlueSQL, `BIGINT` in PostgreSQL).
    Int,
    Text,
    /// Exact decimal; money is always this type.
    Decimal,
    /// UTC timestamp without time zone, second precision.
    Timestamp,
    Boolean,
}

impl SqlType {
    /// The type as the engine (GlueSQL) names it.
    pub fn engine_name(self) -> &'static str {
        match self {
            SqlType::Int => "INT",
            SqlType::Text => "TEXT",
            SqlType::Decimal => "DECIMAL",
            SqlType::Timestamp => "TIMESTAMP",
            SqlType::Boolean => "BOOLEAN",
        }
    }

    /// The type as written in PostgreSQL DDL.
    pub fn postgres_name(self) -> &'static str {
        match self {
            SqlType::Int => "BIGINT",
            SqlType::Text => "TEXT",
            SqlType::Decimal => "NUMERIC(12,2)",
            SqlType::Timestamp => "TIMESTAMP",
            SqlType::Boolean => "BOOLEAN",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Column {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub sql_type: SqlType,
    pub nullable: bool,
    /// Unique on its own (besides the primary key).
    pub unique: bool,
    /// `(table, column)` this column refers to.
    pub references: Option<(&'static str, &'static str)>,
    pub description: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Retention {
    pub keep_days: i64,
    pub reason: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableKind {
    Fact,
    Dimension,
    Reference,
}

#[derive(Debug, Serialize)]
pub struct Table {
    pub name: &'static str,
    pub kind: TableKind,
    pub columns: &'static [Column],
    /// Primary key columns. One column is a storage key; several form a natural key our loader checks.
    pub primary_key: &'static [&'static str],
    /// What one row is.
    pub grain: &'static str,
    pub description: &'static str,
    /// `None`: kept as long as the facts that refer to it.
    pub retention: Option<Retention>,
    /// The column retention is measured on.
    pub time_column: Option<&'static str>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.name == name)
    }

    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.name == name)
    }
}

const fn col(name: &'static str, sql_type: SqlType, description: &'static str) -> Column {
    Column {
        name,
        sql_type,
        nullable: false,
        unique: false,
        references: None,
        description,
    }
}

const fn nullable(column: Column) -> Column {
    Column {
        nullable: true,
        ..column
    }
}

const fn unique(column: Column) -> Column {
    Column {
        unique: true,
        ..column
    }
}

const fn refs(column: Column, table: &'static str, key: &'static str) -> Column {
    Column {
        references: Some((table, key)),
        ..column
    }
}

use SqlType::{Boolean, Decimal, Int, Text, Timestamp};

/// All tables, dimensions first, in load order (every reference points to an earlier table).
pub static TABLES: &[Table] = &[
    Table {
        name: "stream_categories",
        kind: TableKind::Dimension,
        columns: &[
            col("category_id", Int, "Category key."),
            unique(col("name", Text, "Display name, e.g. Music.")),
            col("is_gaming", Boolean, "True for game categories."),
        ],
        primary_key: &["category_id"],
        grain: "One row per category a stream can be listed under.",
        description: "Conformed dimension shared by streams and every fact through them.",
        retention: None,
        time_column: None,
    },
    Table {
        name: "creators",
        kind: TableKind::Dimension,
        columns: &[
            col("creator_id", Int, "Creator key."),
            unique(col("handle", Text, "Public handle, unique.")),
            col("country", Text, "ISO 3166 country code."),
            col("joined_at", Timestamp, "When the creator signed up (UTC)."),
            col("is_partner", Boolean, "Partners keep a larger share of gifts."),
            col(
                "revenue_share",
                Decimal,
                "Share of gross gifts paid out to the creator, e.g. 0.70.",
            ),
        ],
        primary_key: &["creator_id"],
        grain: "One row per creator account.",
        description: "Who goes live. Popularity is heavily skewed: a few creators draw most viewers.",
        retention: None,
        time_column: None,
    },
    Table {
        name: "viewers",
        kind: TableKind::Dimension,
        columns: &[
            col("viewer_id", Int, "Viewer key."),
            unique(col("username", Text, "Public username, unique.")),
            col("country", Text, "ISO 3166 country code."),
            col("joined_at", Timestamp, "When the viewer signed up (UTC)."),
        ],
        primary_key: &["viewer_id"],
        grain: "One row per viewer account.",
        description: "Who watches, chats and sends gifts.",
        retention: None,
        time_column: None,
    },
    Table {
        name: "gift_catalog",
        kind: TableKind::Dimension,
        columns: &[
            col("gift_type_id", Int, "Gift type key."),
            unique(col("name", Text, "Display name, e.g. Rose.")),
            col("tier", Text, "small, medium or large."),
        ],
        primary_key: &["gift_type_id"],
        grain: "One row per kind of gift a viewer can send.",
        description: "What can be bought. Prices live in gift_prices because they change over time.",
        retention: None,
        time_column: None,
    },
    Table {
        name: "gift_prices",
        kind: TableKind::Dimension,
        columns: &[
            refs(
                col("gift_type_id", Int, "The gift this price is for."),
                "gift_catalog",
                "gift_type_id",
            ),
            col("price_usd", Decimal, "Price of one gift in USD."),
            col("valid_from", Timestamp, "First moment this price applies (UTC)."),
            nullable(col(
                "valid_to",
                Timestamp,
                "First moment it no longer applies; NULL for the current price.",
            )),
        ],
        primary_key: &["gift_type_id", "valid_from"],
        grain: "One row per gift type per price period (a type 2 history).",
        description: "Catalog price history. Gifts snapshot the price in force when sent, so a repricing here never changes past payouts.",
        retention: None,
        time_column: None,
    },
    Table {
        name: "streams",
        kind: TableKind::Dimension,
        columns: &[
            col("stream_id", Int, "Stream key."),
            refs(
                col("creator_id", Int, "Who went live."),
                "creators",
                "creator_id",
            ),
            refs(
                col("category_id", Int, "Category the stream was listed under."),
                "stream_categories",
                "category_id",
            ),
            col("title", Text, "Title shown to viewers."),
            col("started_at", Timestamp, "When the stream went live (UTC)."),
            nullable(col(
                "ended_at",
                Timestamp,
                "When it ended; NULL while still live.",
            )),
        ],
        primary_key: &["stream_id"],
        grain: "One row per broadcast: a creator going live once.",
        description: "The dimension every fact hangs off. Most start in the evening; lengths are heavy-tailed.",
        retention: None,
        time_column: None,
    },
    Table {
        name: "viewer_sessions",
        kind: TableKind::Fact,
        columns: &[
            col("session_id", Int, "Visit key, increasing with join_time."),
            refs(
                col("stream_id", Int, "The stream watched."),
                "streams",
                "stream_id",
            ),
            refs(col("viewer_id", Int, "Who watched."), "viewers", "viewer_id"),
            col("join_time", Timestamp, "When the visit began (UTC)."),
            nullable(col(
                "leave_time",
                Timestamp,
                "When the visit ended; NULL while still watching.",
            )),
            col("device", Text, "web, ios, android or tv."),
        ],
        primary_key: &["session_id"],
        grain: "One row per visit: a viewer who leaves and rejoins a stream has one row per visit.",
        description: "Engagement fact. Concurrency is a range-overlap question over these intervals.",
        retention: Some(Retention {
            keep_days: 730,
            reason: "Engagement analytics look back two years; older visits are only kept as aggregates.",
        }),
        time_column: Some("join_time"),
    },
    Table {
        name: "gifts",
        kind: TableKind::Fact,
        columns: &[
            col("gift_id", Int, "Ledger entry key, increasing with sent_at."),
            refs(
                col("stream_id", Int, "Stream the gift was sent in."),
                "streams",
                "stream_id",
            ),
            refs(
                col("viewer_id", Int, "Who paid."),
                "viewers",
                "viewer_id",
            ),
            refs(
                col("gift_type_id", Int, "What was sent."),
                "gift_catalog",
                "gift_type_id",
            ),
            col("quantity", Int, "How many of that gift at once."),
            col(
                "amount_usd",
                Decimal,
                "Price in force at sent_at times quantity, snapshotted; never recomputed.",
            ),
            col("sent_at", Timestamp, "When it was sent (UTC)."),
        ],
        primary_key: &["gift_id"],
        grain: "One row per gift purchase: an immutable money ledger.",
        description: "Monetary fact behind creator payouts. Rows are never updated; corrections would be new rows.",
        retention: Some(Retention {
            keep_days: 2555,
            reason: "Financial records are kept seven years.",
        }),
        time_column: Some("sent_at"),
    },
    Table {
        name: "chat_messages",
        kind: TableKind::Fact,
        columns: &[
            col("message_id", Int, "Message key, increasing with sent_at."),
            refs(
                col("stream_id", Int, "Stream chatted in."),
                "streams",
                "stream_id",
            ),
            refs(
                col("viewer_id", Int, "Author."),
                "viewers",
                "viewer_id",
            ),
            col("sent_at", Timestamp, "When it was posted (UTC)."),
            col("body", Text, "Message text, as typed."),
        ],
        primary_key: &["message_id"],
        grain: "One row per chat message.",
        description: "Highest-volume fact, about 100 times the gifts; short-lived by policy.",
        retention: Some(Retention {
            keep_days: 30,
            reason: "Chat is personal data: deleted after 30 days by law.",
        }),
        time_column: Some("sent_at"),
    },
    Table {
        name: "retention_policies",
        kind: TableKind::Reference,
        columns: &[
            col("table_name", Text, "The table the policy applies to."),
            col("keep_days", Int, "Rows older than this many days are out of policy."),
            col("reason", Text, "Why the policy exists."),
        ],
        primary_key: &["table_name"],
        grain: "One row per fact table with a retention rule.",
        description: "How long each fact is kept, measured on its time column against the dataset clock.",
        retention: None,
        time_column: None,
    },
];

pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|table| table.name == name)
}

/// A column as PostgreSQL declares it: name, type and `NOT NULL`. `timestamp` is the type given
/// to timestamps (`TIMESTAMP` to compare answers with the sandbox, `TIMESTAMPTZ` in production).
pub fn postgres_column(column: &Column, timestamp: &str) -> String {
    let sql_type = match column.sql_type {
        SqlType::Timestamp => timestamp,
        other => other.postgres_name(),
    };
    let null = if column.nullable { "" } else { " NOT NULL" };
    format!("{} {sql_type}{null}", column.name)
}

/// `CREATE TABLE` for PostgreSQL, with keys and foreign keys, as a learner would take it away.
pub fn postgres_ddl(table: &Table) -> String {
    let mut lines: Vec<String> = table
        .columns
        .iter()
        .map(|column| {
            let mut line = format!(
                "    {}",
                postgres_column(column, SqlType::Timestamp.postgres_name())
            );
            if column.unique {
                line.push_str(" UNIQUE");
            }
            if let Some((other, key)) = column.references {
                line.push_str(&format!(" REFERENCES {other} ({key})"));
            }
            line
        })
        .collect();
    lines.push(format!(
        "    PRIMARY KEY ({})",
        table.primary_key.join(", ")
    ));
    format!(
        "-- {}\nCREATE TABLE {} (\n{}\n);\n",
        table.grain,
        table.name,
        lines.join(",\n")
    )
}

/// The whole schema as PostgreSQL DDL, in load order.
pub fn postgres_schema() -> String {
    TABLES
        .iter()
        .map(postgres_ddl)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A human-readable description: what `sandbox schema` prints.
pub fn describe() -> String {
    let mut out = String::new();
    for table in TABLES {
        let kind = match table.kind {
            TableKind::Fact => "fact",
            TableKind::Dimension => "dimension",
            TableKind::Reference => "reference",
        };
        out.push_str(&format!("{} ({kind})\n", table.name));
        out.push_str(&format!("  grain: {}\n", table.grain));
        out.push_str(&format!("  {}\n", table.description));
        match &table.retention {
            Some(retention) => out.push_str(&format!(
                "  retention: {} days on {} ({})\n",
                retention.keep_days,
                table.time_column.unwrap_or("?"),
                retention.reason
            )),
            None => out.push_str("  retention: kept while referenced\n"),
        }
        let width = table
            .columns
            .iter()
            .map(|c| c.name.len())
            .max()
            .unwrap_or(0);
        for column in table.columns {
            let mut flags = Vec::new();
            if table.primary_key.contains(&column.name) {
                flags.push("key".to_owned());
            }
            if column.nullable {
                flags.push("null".to_owned());
            }
            if column.unique {
                flags.push("unique".to_owned());
            }
            if let Some((other, key)) = column.references {
                flags.push(format!("-> {other}.{key}"));
            }
            out.push_str(&format!(
                "    {:width$}  {:9}  {:28}  {}\n",
                column.name,
                column.sql_type.engine_name(),
                flags.join(", "),
                column.description
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_point_to_earlier_tables_and_real_keys() {
        for (position, table) in TABLES.iter().enumerate() {
            for column in table.columns {
                if let Some((other, key)) = column.references {
                    let target = TABLES[..position]
                        .iter()
                        .find(|t| t.name == other)
                        .unwrap_or_else(|| panic!("{}.{} refers ahead", table.name, column.name));
                    assert_eq!(target.primary_key, &[key]);
                }
            }
            for key in table.primary_key {
                assert!(table.column(key).is_some(), "{}: key {key}", table.name);
            }
        }
    }

    #[test]
    fn facts_have_retention_on_a_timestamp_column() {
        for table in TABLES.iter().filter(|t| t.kind == TableKind::Fact) {
            let column = table.column(table.time_column.unwrap()).unwrap();
            assert_eq!(column.sql_type, SqlType::Timestamp);
            assert!(table.retention.is_some());
        }
        assert_eq!(
            table("chat_messages")
                .unwrap()
                .retention
                .as_ref()
                .unwrap()
                .keep_days,
            30
        );
        assert_eq!(
            table("gifts")
                .unwrap()
                .retention
                .as_ref()
                .unwrap()
                .keep_days,
            2555
        );
    }

    #[test]
    fn postgres_ddl_declares_composite_keys() {
        assert!(postgres_ddl(table("gift_prices").unwrap())
            .contains("PRIMARY KEY (gift_type_id, valid_from)"));
    }
}
