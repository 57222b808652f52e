//! A throwaway PostgreSQL for tests: its own cluster in a temporary folder, reached over a unix
//! socket, stopped and removed when dropped. Loaded with our generated data through `COPY`.

use livestream_sandbox::generate::{self, Scale};
use livestream_sandbox::{rows, schema, time};
use std::path::PathBuf;
use std::process::{Command, Output};

/// Each result column's name and type.
pub type Columns = Vec<(String, String)>;

/// What psql prints for NULL: text no generated value contains.
const NULL_MARK: &str = "<<NULL>>";

pub struct Postgres {
    root: PathBuf,
    bin: PathBuf,
}

/// Where PostgreSQL's server programs are: next to `initdb` on PATH, or Debian's folder.
fn server_bin() -> PathBuf {
    let on_path = Command::new("sh")
        .args(["-c", "command -v initdb"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
    if let Some(initdb) = on_path {
        let real = std::fs::canonicalize(&initdb).unwrap_or(initdb);
        return real.parent().expect("initdb's folder").to_path_buf();
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dir| {
            dir.filter_map(|e| Some(e.ok()?.path().join("bin")))
                .collect()
        })
        .unwrap_or_default();
    versions.sort();
    versions
        .pop()
        .filter(|bin| bin.join("initdb").exists())
        .expect("PostgreSQL is not installed: `cargo xtask setup` installs it")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// Asserts a command succeeded and returns its standard output.
pub fn checked(output: Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

impl Postgres {
    /// Creates and starts a cluster. initdb refuses to run as root, so as root the server runs
    /// as the `postgres` user.
    pub fn start(name: &str) -> Postgres {
        let root = std::env::temp_dir().join(format!("sandbox-pg-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        // The server's user must be able to create its data folder and socket here.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o777)).unwrap();
        let postgres = Postgres {
            root,
            bin: server_bin(),
        };
        let data = postgres.root.join("data");
        checked(
            postgres
                .server_command("initdb")
                .args([
                    "-D",
                    data.to_str().unwrap(),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                ])
                .args(["--locale=C"])
                .output()
                .unwrap(),
            "initdb",
        );
        let options = format!(
            "-k {} -c listen_addresses='' -c fsync=off",
            postgres.root.display()
        );
        checked(
            postgres
                .server_command("pg_ctl")
                .args(["-D", data.to_str().unwrap(), "-o", &options, "-w", "-l"])
                .arg(postgres.root.join("server.log"))
                .arg("start")
                .output()
                .unwrap(),
            "pg_ctl start",
        );
        postgres
    }

    fn server_command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if is_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }

    /// psql on `database`, stopping at the first error.
    pub fn psql(&self, database: &str) -> Command {
        let mut command = Command::new(self.bin.join("psql"));
        command
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h"])
            .arg(&self.root)
            .args(["-U", "postgres", "-d", database]);
        command
    }

    /// Runs `setup` then `query` in one transaction that is rolled back, and returns the query's
    /// rows as text (`None` for NULL), or PostgreSQL's error message.
    pub fn query(
        &self,
        database: &str,
        setup: &[&str],
        query: &str,
    ) -> Result<Vec<Vec<Option<String>>>, String> {
        let mut statements = vec!["BEGIN"];
        statements.extend(setup);
        statements.extend([query, "ROLLBACK"]);
        let mut results = self.statements(database, &statements)?;
        Ok(results.swap_remove(statements.len() - 2))
    }

    /// [`Postgres::query`], also returning the name and type of each result column, or `None`
    /// when `setup` commits (a second session could not repeat it). psql describes a query only
    /// from a script (`\gdesc`), so columns come from a session of their own.
    pub fn typed_query(
        &self,
        database: &str,
        setup: &[&str],
        query: &str,
    ) -> Result<(super::compare::Rows, Option<Columns>), String> {
        let commits = setup.iter().any(|statement| {
            let upper = statement.trim_start().to_ascii_uppercase();
            upper.starts_with("COMMIT") || upper.starts_with("END")
        });
        let types = match commits {
            true => None,
            false => Some(self.describe(database, setup, query)?),
        };
        Ok((self.query(database, setup, query)?, types))
    }

    fn describe(&self, database: &str, setup: &[&str], query: &str) -> Result<Columns, String> {
        use std::io::Write;
        use std::process::Stdio;
        let mut script = String::from("BEGIN;\n");
        for statement in setup {
            script.push_str(&format!("{statement};\n"));
        }
        // `\gdesc` takes the place of the query's semicolon.
        let query = query.trim().trim_end_matches(';');
        script.push_str(&format!("{query}\n\\gdesc\nROLLBACK;\n"));
        let mut child = self
            .psql(database)
            .arg("--csv")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(script.as_bytes()).unwrap();
        drop(stdin);
        let output = child.wait_with_output().unwrap();
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
        }
        let text = String::from_utf8(output.stdout).expect("utf-8");
        Ok(rows_of(&text)
            .into_iter()
            .map(|column| {
                let field = |i: usize| column.get(i).cloned().flatten().unwrap_or_default();
                (field(0), field(1))
            })
            .collect())
    }

    /// Runs `statements` one after another in one session and returns the rows of each (none
    /// for a statement that returns none), or PostgreSQL's error message.
    pub fn statements(
        &self,
        database: &str,
        statements: &[&str],
    ) -> Result<Vec<Vec<Vec<Option<String>>>>, String> {
        const END: &str = "<<END OF STATEMENT>>";
        let mut command = self.psql(database);
        // psql's CSV prints NULL and the empty string alike unless NULL has a text of its own.
        command.args(["--csv", "-P", &format!("null={NULL_MARK}")]);
        for statement in statements {
            command.args(["-c", statement, "-c", &format!("\\echo {END}")]);
        }
        let output = command.output().unwrap();
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
        }
        let text = String::from_utf8(output.stdout).expect("utf-8");
        let mut outputs: Vec<&str> = text.split(&format!("{END}\n")).collect();
        assert_eq!(outputs.pop(), Some(""), "psql's output ends with a marker");
        assert_eq!(outputs.len(), statements.len());
        Ok(outputs.into_iter().map(rows_of).collect())
    }

    /// A new empty database.
    pub fn create_database(&self, database: &str) {
        checked(
            self.psql("postgres")
                .args(["-c", &format!("CREATE DATABASE {database}")])
                .output()
                .unwrap(),
            "create database",
        );
    }

    /// A copy of `template` named `database`, to change and throw away.
    pub fn copy_database(&self, template: &str, database: &str) {
        checked(
            self.psql("postgres")
                .args([
                    "-c",
                    &format!("CREATE DATABASE {database} TEMPLATE {template}"),
                ])
                .output()
                .unwrap(),
            "copy database",
        );
    }

    pub fn drop_database(&self, database: &str) {
        checked(
            self.psql("postgres")
                .args(["-c", &format!("DROP DATABASE {database}")])
                .output()
                .unwrap(),
            "drop database",
        );
    }

    /// A folder of this cluster's to keep files in; removed with it.
    pub fn scratch(&self, name: &str) -> PathBuf {
        let folder = self.root.join(name);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    /// Creates a database named `database` with the schema and the generated data. `now()` there
    /// reads the dataset clock, as in the sandbox, through a function that shadows PostgreSQL's.
    pub fn load(&self, database: &str, seed: u64, scale: Scale, clock: i64) {
        self.create_database(database);
        let data = generate::generate(seed, scale);
        let folder = self.root.join(format!("data-{seed}-{}", scale.name()));
        std::fs::create_dir_all(&folder).unwrap();
        let mut script = schema::postgres_schema();
        for (table, table_rows) in rows::all_tables(&data) {
            let path = folder.join(format!("{}.csv", table.name));
            std::fs::write(&path, rows::to_csv(table, &table_rows)).unwrap();
            script.push_str(&format!(
                "\\copy {} FROM '{}' WITH (FORMAT csv, HEADER true)\n",
                table.name,
                path.display()
            ));
        }
        script.push_str(&format!(
            "CREATE FUNCTION public.now() RETURNS timestamp LANGUAGE sql IMMUTABLE \
             AS $$ SELECT TIMESTAMP '{}' $$;\n\
             CREATE FUNCTION public.age(timestamp) RETURNS interval LANGUAGE sql IMMUTABLE \
             AS $$ SELECT pg_catalog.age(date_trunc('day', public.now()), $1) $$;\n\
             ALTER DATABASE {database} SET search_path = public, pg_catalog;\n\
             ALTER DATABASE {database} SET timezone = 'UTC';\n",
            time::format(clock)
        ));
        let path = self.root.join(format!("load-{database}.sql"));
        std::fs::write(&path, script).unwrap();
        checked(
            self.psql(database).arg("-f").arg(&path).output().unwrap(),
            "loading data",
        );
    }
}

/// One statement's CSV output as rows: the header dropped, NULL as `None`.
fn rows_of(text: &str) -> Vec<Vec<Option<String>>> {
    let mut records = parse_csv(text);
    if !records.is_empty() {
        records.remove(0); // header
    }
    for value in records.iter_mut().flatten() {
        *value = match value.take() {
            Some(text) if text == NULL_MARK => None,
            Some(text) => Some(text),
            None => Some(String::new()),
        };
    }
    records
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.root.join("data");
        let _ = self
            .server_command("pg_ctl")
            .args([
                "-D",
                data.to_str().unwrap(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ])
            .output();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// RFC 4180 as psql writes it: an unquoted empty field is NULL, `""` is the empty string.
pub fn parse_csv(text: &str) -> Vec<Vec<Option<String>>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                record.push(finish(&mut field, &mut was_quoted));
            }
            (false, '\n') => {
                record.push(finish(&mut field, &mut was_quoted));
                records.push(std::mem::take(&mut record));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || was_quoted || !record.is_empty() {
        record.push(finish(&mut field, &mut was_quoted));
        records.push(record);
    }
    records
}

fn finish(field: &mut String, was_quoted: &mut bool) -> Option<String> {
    let text = std::mem::take(field);
    let quoted = std::mem::replace(was_quoted, false);
    (quoted || !text.is_empty()).then_some(text)
}
