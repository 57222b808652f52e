//! `sandbox`: the native face of the sandbox. Flags in, library calls, text out.

use clap::{Parser, Subcommand, ValueEnum};
use livestream_sandbox::engine::{Cell, Config, Engine, QueryResult};
use livestream_sandbox::generate::{self, Scale};
use livestream_sandbox::{bench, postgres_export, queries, rows, schema, time};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sandbox",
    version,
    about = "Query a livestream analytics star schema filled with deterministic sample data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScaleArg {
    S,
    M,
    L,
}

impl ScaleArg {
    fn scale(self) -> Scale {
        match self {
            ScaleArg::S => Scale::S,
            ScaleArg::M => Scale::M,
            ScaleArg::L => Scale::L,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// One CSV per table and schema.sql.
    Csv,
    /// A partitioned PostgreSQL database: the CSVs, load.sql and retention.sql.
    Postgres,
    /// The same as one SQL file with the data inline; --out names the file.
    PostgresFile,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaFormat {
    Text,
    Json,
    Postgres,
}

#[derive(clap::Args)]
struct DataArgs {
    /// Seed of the generated data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Data size: S (~160k rows), M (10x), L (100x).
    #[arg(long, value_enum, default_value = "s", ignore_case = true)]
    scale: ScaleArg,
}

#[derive(Subcommand)]
enum Command {
    /// Run SQL against freshly generated data and print the results.
    Query {
        #[command(flatten)]
        data: DataArgs,
        /// What NOW() returns, e.g. '2026-11-01 00:00:00' (UTC). Defaults to the dataset clock.
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
        /// Rows shown per result before truncating.
        #[arg(long, default_value_t = livestream_sandbox::engine::DEFAULT_ROW_CAP)]
        max_rows: usize,
        /// Read the SQL from a file ('-' for standard input).
        #[arg(short = 'f', long = "file", conflicts_with = "sql")]
        file: Option<PathBuf>,
        /// Run a named query instead: seed-payout, correct-payout, average-concurrency,
        /// chat-out-of-policy, chat-purge.
        #[arg(long, conflicts_with_all = ["sql", "file"])]
        preset: Option<String>,
        /// The SQL to run.
        sql: Option<String>,
    },
    /// Write every table as CSV with the PostgreSQL DDL, or as a partitioned PostgreSQL database.
    Export {
        #[command(flatten)]
        data: DataArgs,
        #[arg(long, value_enum, default_value = "csv")]
        format: ExportFormat,
        /// The folder to write into (a file for postgres-file).
        #[arg(long)]
        out: PathBuf,
    },
    /// Print the schema: tables, columns, keys, grain and retention.
    Schema {
        #[arg(long, value_enum, default_value = "text")]
        format: SchemaFormat,
    },
    /// Time generation, loading and the named queries (medians over several runs).
    Bench {
        /// Scales to measure, e.g. S,M.
        #[arg(
            long,
            value_enum,
            value_delimiter = ',',
            default_value = "s,m",
            ignore_case = true
        )]
        scale: Vec<ScaleArg>,
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) {
                let _ = error.print();
                return ExitCode::SUCCESS;
            }
            // One line, without clap's usage block.
            let text = error.render().to_string();
            let first = text.lines().next().unwrap_or("bad arguments");
            eprintln!("{first} (see 'sandbox --help')");
            return ExitCode::from(2);
        }
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Query {
            data,
            as_of,
            format,
            max_rows,
            file,
            preset,
            sql,
        } => {
            let sql = match (sql, file, preset) {
                (Some(sql), _, _) => sql,
                (None, Some(path), _) => read_sql(&path)?,
                (None, None, Some(id)) => preset_sql(&id)?.to_owned(),
                (None, None, None) => {
                    return Err("give the SQL to run, -f FILE or --preset NAME".to_owned())
                }
            };
            let mut config = Config::new(data.seed, data.scale.scale());
            if let Some(as_of) = as_of {
                config.clock = time::parse(&as_of).ok_or_else(|| {
                    format!("--as-of {as_of:?} is not a timestamp like '2026-11-01 00:00:00'")
                })?;
            }
            config.row_cap = max_rows;
            let mut engine = Engine::new(config).map_err(|e| e.to_string())?;
            let results = engine.run(&sql).map_err(|e| e.to_string())?;
            let mut out = std::io::stdout().lock();
            let text = match format {
                OutputFormat::Table => results
                    .iter()
                    .map(table_text)
                    .collect::<Vec<_>>()
                    .join("\n"),
                OutputFormat::Csv => results.iter().map(csv_text).collect::<Vec<_>>().join("\n"),
                OutputFormat::Json => {
                    serde_json::to_string_pretty(&results).map_err(|e| e.to_string())? + "\n"
                }
            };
            write_out(&mut out, &text)
        }
        Command::Export { data, format, out } => {
            export(data.seed, data.scale.scale(), format, &out)
        }
        Command::Schema { format } => {
            let text = match format {
                SchemaFormat::Text => schema::describe(),
                SchemaFormat::Json => {
                    serde_json::to_string_pretty(&schema::TABLES).map_err(|e| e.to_string())? + "\n"
                }
                SchemaFormat::Postgres => schema::postgres_schema(),
            };
            write_out(&mut std::io::stdout().lock(), &text)
        }
        Command::Bench { scale, runs } => {
            let clock = std::time::Instant::now();
            let now = move || clock.elapsed().as_secs_f64() * 1000.0;
            for scale in scale {
                let report = bench::run(scale.scale(), runs.max(1), &now, peak_memory_bytes)
                    .map_err(|e| e.to_string())?;
                write_out(&mut std::io::stdout().lock(), &report.to_text())?;
            }
            Ok(())
        }
    }
}

fn preset_sql(id: &str) -> Result<&'static str, String> {
    match queries::PRESETS.iter().find(|preset| preset.id == id) {
        Some(preset) => Ok(preset.sql),
        None => {
            let known: Vec<&str> = queries::PRESETS.iter().map(|p| p.id).collect();
            Err(format!("no preset {id:?}; known: {}", known.join(", ")))
        }
    }
}

fn read_sql(path: &Path) -> Result<String, String> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| format!("reading standard input: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

fn write_out(out: &mut impl Write, text: &str) -> Result<(), String> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("writing output: {e}")),
    }
}

fn export(seed: u64, scale: Scale, format: ExportFormat, out: &Path) -> Result<(), String> {
    let data = generate::generate(seed, scale);
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()))
    };
    let files: Vec<(String, String)> = match format {
        ExportFormat::PostgresFile => {
            write(out, &postgres_export::single_file(&data, seed, scale))?;
            eprintln!(
                "wrote {} (seed {seed}, scale {}, generator v{}): psql -d DB -f {}",
                out.display(),
                scale.name(),
                generate::GENERATOR_VERSION,
                out.display()
            );
            return Ok(());
        }
        ExportFormat::Postgres => postgres_export::folder(&data, seed, scale),
        ExportFormat::Csv => {
            let mut files = rows::csv_files(&data);
            files.push(("schema.sql".to_owned(), schema::postgres_schema()));
            files
        }
    };
    std::fs::create_dir_all(out).map_err(|e| format!("creating {}: {e}", out.display()))?;
    for (name, text) in &files {
        write(&out.join(name), text)?;
    }
    let then = match format {
        ExportFormat::Postgres => format!(
            "; then: cd {} && createdb livestream && psql -d livestream -f load.sql",
            out.display()
        ),
        _ => String::new(),
    };
    eprintln!(
        "wrote {} tables (seed {seed}, scale {}, generator v{}) to {}{then}",
        schema::TABLES.len(),
        scale.name(),
        generate::GENERATOR_VERSION,
        out.display()
    );
    Ok(())
}

fn csv_text(result: &QueryResult) -> String {
    if result.columns.is_empty() {
        return format!("{}\n", result.command);
    }
    let mut out = String::new();
    for (i, column) in result.columns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        rows::push_csv_field(&mut out, Some(&column.name));
    }
    out.push('\n');
    for row in &result.rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            rows::push_csv_field(&mut out, cell.text().as_deref());
        }
        out.push('\n');
    }
    out
}

/// psql-style aligned table; NULL is shown as `NULL` to tell it apart from empty text.
fn table_text(result: &QueryResult) -> String {
    if result.columns.is_empty() {
        return format!("{}\n", result.command);
    }
    let shown: Vec<Vec<String>> = result
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Cell::Null => "NULL".to_owned(),
                    other => other.text().unwrap_or_default().replace('\n', "\\n"),
                })
                .collect()
        })
        .collect();
    let widths: Vec<usize> = result
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            shown
                .iter()
                .map(|row| row[i].chars().count())
                .chain([column.name.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!(" {cell:width$} "))
            .collect::<Vec<_>>()
            .join("|")
            .trim_end()
            .to_owned()
    };
    let mut out = line(result.columns.iter().map(|c| c.name.as_str()).collect());
    out.push('\n');
    out.push_str(
        &widths
            .iter()
            .map(|w| "-".repeat(w + 2))
            .collect::<Vec<_>>()
            .join("+"),
    );
    out.push('\n');
    for row in &shown {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    if result.truncated {
        out.push_str(&format!(
            "({} of {} rows shown; raise --max-rows to see more)\n",
            result.rows.len(),
            result.total_rows
        ));
    } else {
        let plural = if result.total_rows == 1 { "" } else { "s" };
        out.push_str(&format!("({} row{plural})\n", result.total_rows));
    }
    out
}

/// Peak resident memory of this process, from the kernel.
fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
