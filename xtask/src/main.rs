//! `cargo xtask <task>`: the project's build and test commands, in plain Rust.
//!
//! The wasm build settings live in `wasm-pack.toml` and nowhere else; this reads them, then runs
//! cargo, wasm-bindgen and (if enabled) wasm-opt itself. Every task prints the commands it runs
//! and stops at the first failure with one line on standard error and a non-zero exit.

mod bench_peers;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

mod bench_page;
mod offline;

const USAGE: &str = "usage: cargo xtask <task>

  build                 build the wasm package as wasm-pack.toml says, then bundle the page
                        into dist/ with esbuild; print their sizes
  serve [--port N]      set up, build, then serve dist/ on 127.0.0.1 (port: --port, else
                        SANDBOX_PORT, else 8000)
  test-wasm             build, then check the wasm module against the native CLI under node
  bench-wasm            build, then time the wasm module under node at scales S and M
  bench-peers [...]     build, then time ours, sql.js and DuckDB-wasm side by side under node
                        and in headless Chromium (`cargo xtask bench-peers --help`)
  bench-compat [...]    build, then time every compatibility case natively, in wasm and on
                        sql.js (`cargo xtask bench-compat --help`)
  test-e2e              build, then test the page in headless Chromium against the native CLI
  bench-page            build, then time the page's first answer in headless Chromium at S
                        and M (median of 5 cold loads) and report the download sizes
  setup                 install what the build and tests need (wasm target, wasm-bindgen CLI,
                        node, npm packages, Chromium, PostgreSQL); quick when all is there
  test                  setup, then everything CI checks: fmt, clippy, cargo test --release
                        (with the scale M oracles), test-wasm, test-e2e
  wasm-bindgen-version  print the wasm-bindgen version Cargo.lock pins";

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's Chromium, which the page tests drive (playwright-core downloads no browser).
const CHROMIUM: &str = "/usr/bin/chromium";
/// Where `build` puts the page: what `serve` serves. Never committed.
const DIST: &str = "dist";
const DEFAULT_PORT: u16 = 8000;
/// The library's name as Rust sees it: wasm-bindgen names its output after it.
const CRATE: &str = "livestream_sandbox";

type Result<T> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [task, rest @ ..] if task == "bench-peers" => bench_peers::bench_peers(rest),
        [task, rest @ ..] if task == "bench-compat" => bench_peers::bench_compat(rest),
        [task] => run_task(task),
        [task, flag, port] if task == "serve" && flag == "--port" => serve(Some(port)),
        _ => Err(format!("expected one task, got {args:?}\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_task(task: &str) -> Result<()> {
    match task {
        "build" => build_all().map(drop),
        "serve" => serve(None),
        "test-wasm" => test_wasm(),
        "test-e2e" => test_e2e(),
        "bench-page" => bench_page::bench_page(),
        "bench-wasm" => bench_wasm(),
        "setup" => setup_tests(),
        "test" => setup_tests().and_then(|()| test()),
        "wasm-bindgen-version" => locked_version("wasm-bindgen").map(|v| println!("{v}")),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown task {task:?}\n{USAGE}")),
    }
}

// ---------------------------------------------------------------------------------------------
// Tasks

/// What `build` wrote, for the tasks that run it under node.
struct Package {
    js: PathBuf,
    wasm: PathBuf,
}

impl Package {
    /// How the node scripts find the package: no path is written twice.
    fn env(&self) -> [(&'static str, &Path); 2] {
        [
            ("SANDBOX_PKG_JS", &self.js),
            ("SANDBOX_PKG_WASM", &self.wasm),
        ]
    }
}

fn build() -> Result<Package> {
    let config = WasmConfig::load(&root().join("wasm-pack.toml"))?;
    check_wasm_bindgen()?;

    let mut cargo_build = cargo(&["build", "--lib", "--target", WASM_TARGET]);
    cargo_build.args(["--profile", &config.profile]);
    cargo_build.args(config.feature_args());
    run(&mut cargo_build)?;

    // Cargo's folders for its built-in profiles are named after the older two.
    let profile_dir = match config.profile.as_str() {
        "dev" | "test" => "debug",
        "bench" => "release",
        other => other,
    };
    let input = target_dir()
        .join(WASM_TARGET)
        .join(profile_dir)
        .join(format!("{CRATE}.wasm"));
    let out_dir = root().join(&config.out_dir);
    run(Command::new("wasm-bindgen")
        .args(["--target", &config.target, "--out-dir"])
        .arg(&out_dir)
        .args(&config.bindgen_args)
        .arg(&input))?;

    let package = Package {
        js: out_dir.join(format!("{CRATE}.js")),
        wasm: out_dir.join(format!("{CRATE}_bg.wasm")),
    };
    match &config.wasm_opt {
        Some(opt) => wasm_opt(opt, &package.wasm)?,
        None => println!("wasm-opt: disabled in wasm-pack.toml"),
    }
    print_sizes(&package)?;
    Ok(package)
}

/// The wasm package, then the page around it; returns the page's folder.
fn build_all() -> Result<PathBuf> {
    let package = build()?;
    build_page(&package)
}

/// Bundles www/ (scripts and stylesheet) with esbuild into dist/, next to index.html and the
/// .wasm, which the worker loads by a URL relative to itself.
fn build_page(package: &Package) -> Result<PathBuf> {
    let esbuild = root().join("node_modules/.bin/esbuild");
    if !esbuild.exists() {
        return Err("esbuild is missing: run `cargo xtask setup`".into());
    }
    let dist = root().join(DIST);
    // From scratch, so nothing stale from an earlier build is ever served.
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| format!("removing {}: {e}", dist.display()))?;
    }
    let wasm_name = file_name(&package.wasm)?;
    let js = package.js.strip_prefix(root()).unwrap_or(&package.js);
    let bundle = |entries: &[&str]| {
        let mut command = Command::new(&esbuild);
        command
            .args(entries)
            .args(["--bundle", "--format=esm"])
            .args(["--minify", "--target=es2022", "--log-level=warning"])
            .arg(format!("--outdir={DIST}"));
        command
    };
    // The page: the code editor, imported late (www/editor.js), becomes a chunk of its own.
    run(bundle(&["www/main.js", "www/style.css"])
        .arg("--splitting")
        .arg("--chunk-names=[name]-[hash]"))?;
    // The worker apart, in one file: it starts the engine, and shares no chunk with the page.
    run(bundle(&["www/worker.js"])
        // The worker imports the package as `sandbox-wasm`: its folder is set in wasm-pack.toml.
        // esbuild wants `./` to read an alias as a path from the working directory (the root).
        .arg(format!("--alias:sandbox-wasm=./{}", js.display()))
        .arg(format!("--define:WASM_FILE=\"{wasm_name}\"")))?;
    for from in [root().join("index.html"), package.wasm.clone()] {
        let to = dist.join(file_name(&from)?);
        std::fs::copy(&from, &to).map_err(|e| format!("copying {}: {e}", from.display()))?;
    }
    offline::write_service_worker(&root(), &dist)?;
    println!("page bundle sizes (bytes):");
    for script in scripts(&dist)? {
        print_size(&script)?;
    }
    Ok(dist)
}

/// The page's scripts in `dist`, by name: the entry points and the chunks they import.
fn scripts(dist: &Path) -> Result<Vec<PathBuf>> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("reading {}: {e}", dist.display()))?;
    let mut scripts: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "js") && !path.ends_with("sw.js"))
        .collect();
    scripts.sort();
    Ok(scripts)
}

fn file_name(path: &Path) -> Result<&str> {
    path.file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(|| format!("{} has no file name", path.display()))
}

/// Installs what building and serving need and is missing (the wasm target, the wasm-bindgen
/// CLI, node packages), so one command works on a fresh Debian machine with Rust.
fn setup() -> Result<()> {
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    run(Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]))?;
    if let Err(reason) = check_wasm_bindgen() {
        println!("{reason}: installing it (a few minutes)");
        let version = locked_version("wasm-bindgen")?;
        // No --locked: with it, 0.2.130 fails to resolve one of its dependencies.
        run(Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &version,
            "--force",
        ]))?;
        check_wasm_bindgen()?;
    }
    let has = |tool: &str| Command::new(tool).arg("--version").output().is_ok();
    if !has("node") || !has("npm") {
        apt_install(&["nodejs", "npm"])?;
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(root()))?;
    Ok(())
}

/// What only the tests need on top: a browser and a PostgreSQL server.
fn setup_tests() -> Result<()> {
    setup()?;
    if !Path::new(CHROMIUM).exists() {
        apt_install(&["chromium"])?;
    }
    // The compatibility tests start a throwaway PostgreSQL server.
    let has_initdb = Command::new("initdb").arg("--version").output().is_ok();
    if !has_initdb && !has_debian_postgres() {
        apt_install(&["postgresql"])?;
    }
    Ok(())
}

fn has_debian_postgres() -> bool {
    std::fs::read_dir("/usr/lib/postgresql").is_ok_and(|versions| {
        versions
            .filter_map(|entry| entry.ok())
            .any(|entry| entry.path().join("bin/initdb").exists())
    })
}

/// Installs Debian packages, or says how when not root.
fn apt_install(packages: &[&str]) -> Result<()> {
    let list = packages.join(" ");
    if !is_root() {
        return Err(format!(
            "{list} missing: run `sudo apt-get install -y {list}`"
        ));
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

fn test_wasm() -> Result<()> {
    let package = build()?;
    run(&mut cargo(&["build", "--release", "--bin", "sandbox"]))?;
    run(Command::new("node")
        .args(["--test", "--test-reporter=spec", "tests/wasm/wasm.test.mjs"])
        // The peer benchmark's answer normalization (no engine, well under a second).
        .arg("tests/wasm/bench-peers.test.mjs")
        .envs(package.env())
        .env("SANDBOX_BIN", target_dir().join("release").join("sandbox")))
}

/// The page in headless Chromium, served by `serve`'s server on a free port for as long as the
/// tests run (it stops with this process).
fn test_e2e() -> Result<()> {
    if !Path::new(CHROMIUM).exists() {
        return Err(format!("{CHROMIUM} is missing: run `cargo xtask setup`"));
    }
    let package = build()?;
    let dist = build_page(&package)?;
    run(&mut cargo(&["build", "--release", "--bin", "sandbox"]))?;
    let listener = listen(0)?;
    let url = format!("http://{}/", address(&listener)?);
    std::thread::spawn(move || serve_files(listener, dist));
    std::fs::create_dir_all(target_dir().join("e2e"))
        .map_err(|e| format!("creating target/e2e: {e}"))?;
    // The package too: the tests read the analyses the page should list from the module itself.
    run(Command::new("node")
        .args(["--test", "--test-reporter=spec", "--test-timeout=120000"])
        .arg("tests/e2e/page.test.mjs")
        .envs(package.env())
        .env("SANDBOX_URL", url)
        .env("SANDBOX_BIN", target_dir().join("release").join("sandbox"))
        .env("SANDBOX_CHROMIUM", CHROMIUM)
        .env(
            "SANDBOX_SCREENSHOT",
            target_dir().join("e2e").join("page.png"),
        ))
}

fn bench_wasm() -> Result<()> {
    let package = build()?;
    run(Command::new("node")
        .arg("tests/wasm/bench.mjs")
        .envs(package.env()))?;
    print_sizes(&package)
}

fn serve(port: Option<&str>) -> Result<()> {
    let port = match port
        .map(str::to_owned)
        .or_else(|| std::env::var("SANDBOX_PORT").ok())
    {
        Some(text) => text
            .parse()
            .map_err(|_| format!("port {text:?} is not a number from 0 to 65535"))?,
        None => DEFAULT_PORT,
    };
    // Before the build, so a taken port is reported at once.
    let listener = listen(port)?;
    setup()?;
    let dist = build_all()?;
    println!(
        "Serving the sandbox at http://{}/ (Ctrl+C stops)",
        address(&listener)?
    );
    serve_files(listener, dist);
    Ok(())
}

fn test() -> Result<()> {
    let config = WasmConfig::load(&root().join("wasm-pack.toml"))?;
    run(&mut cargo(&["fmt", "--all", "--check"]))?;
    run(&mut cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // src/wasm.rs only compiles for wasm32: lint it there too.
    let mut clippy_wasm = cargo(&["clippy", "--lib", "--target", WASM_TARGET]);
    clippy_wasm.args(config.feature_args());
    run(clippy_wasm.args(["--", "-D", "warnings"]))?;
    // Release: the tests generate data, which is slow unoptimized. This is the release run, so
    // the oracles also check scale M.
    run(cargo(&["test", "--workspace", "--release"]).env("SANDBOX_ORACLE_M", "1"))?;
    test_wasm()?;
    test_e2e()
}

// ---------------------------------------------------------------------------------------------
// Steps

/// The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
fn check_wasm_bindgen() -> Result<()> {
    let want = locked_version("wasm-bindgen")?;
    let install = format!("install it with `cargo install wasm-bindgen-cli --version {want}`");
    let output = Command::new("wasm-bindgen")
        .arg("--version")
        .output()
        .map_err(|e| format!("cannot run wasm-bindgen ({e}): {install}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let have = stdout.trim().strip_prefix("wasm-bindgen ").unwrap_or("");
    // `--version` may add a commit hash after the number.
    if have.split_whitespace().next() != Some(want.as_str()) {
        return Err(format!(
            "wasm-bindgen CLI is {:?} but Cargo.lock pins {want}: {install}",
            stdout.trim()
        ));
    }
    Ok(())
}

/// Optimizes `wasm` in place with the wasm-opt from the npm package `binaryen`.
fn wasm_opt(opt: &WasmOpt, wasm: &Path) -> Result<()> {
    let bin = root().join("node_modules/.bin/wasm-opt");
    if !bin.exists() {
        run(Command::new("npm").arg("ci"))?;
    }
    let optimized = wasm.with_extension("opt.wasm");
    let start = Instant::now();
    run(Command::new(&bin)
        .arg(format!("-O{}", opt.level))
        .args(&opt.args)
        .arg(wasm)
        .arg("-o")
        .arg(&optimized))?;
    println!("wasm-opt took {:.0} s", start.elapsed().as_secs_f64());
    std::fs::rename(&optimized, wasm).map_err(|e| format!("moving {}: {e}", optimized.display()))
}

fn print_sizes(package: &Package) -> Result<()> {
    println!("package sizes (bytes):");
    for path in [&package.wasm, &package.js] {
        print_size(path)?;
    }
    Ok(())
}

fn print_size(path: &Path) -> Result<()> {
    let raw = std::fs::metadata(path)
        .map_err(|e| format!("reading {}: {e}", path.display()))?
        .len();
    let gzip = gzip_size(path)?;
    let shown = path.strip_prefix(root()).unwrap_or(path);
    println!(
        "  {:40} {:>10} raw {:>10} gzip -9n",
        shown.display(),
        thousands(raw),
        thousands(gzip)
    );
    Ok(())
}

fn gzip_size(path: &Path) -> Result<u64> {
    let output = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !output.status.success() {
        return Err(format!("gzip {} failed", path.display()));
    }
    Ok(output.stdout.len() as u64)
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The local web server: static files from dist/, one thread per connection, one request each.

fn listen(port: u16) -> Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => format!(
            "port {port} on 127.0.0.1 is taken: choose another with `--port N` or SANDBOX_PORT"
        ),
        _ => format!("cannot listen on 127.0.0.1:{port}: {e}"),
    })
}

fn address(listener: &TcpListener) -> Result<std::net::SocketAddr> {
    listener
        .local_addr()
        .map_err(|e| format!("cannot read the server's address: {e}"))
}

fn serve_files(listener: TcpListener, dir: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dir = dir.clone();
        std::thread::spawn(move || {
            // A client that hangs up or times out only ends its own connection.
            let _ = respond(stream, &dir);
        });
    }
}

fn respond(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the rest of the head; no request we serve has a body.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut words = request_line.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let (status, content_type, body) = match (method, resolve(dir, target)) {
        ("GET" | "HEAD", Ok(path)) => match std::fs::read(&path) {
            Ok(bytes) => ("200 OK", mime_type(&path), bytes),
            Err(_) => ("404 Not Found", "text/plain", b"Not found\n".to_vec()),
        },
        ("GET" | "HEAD", Err(status)) => (status, "text/plain", format!("{status}\n").into_bytes()),
        _ => (
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n".to_vec(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The file a request target names inside `dir`, or the status to answer instead.
fn resolve(dir: &Path, target: &str) -> std::result::Result<PathBuf, &'static str> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let relative = path.strip_prefix('/').ok_or("400 Bad Request")?;
    // Nothing outside `dir`: no parent steps, no backslashes, no escapes that could hide them.
    if relative.split('/').any(|part| part == "..") || relative.contains(['\\', '%']) {
        return Err("400 Bad Request");
    }
    let file = dir.join(if relative.is_empty() {
        "index.html"
    } else {
        relative
    });
    if file.is_file() {
        Ok(file)
    } else {
        Err("404 Not Found")
    }
}

fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

// ---------------------------------------------------------------------------------------------
// Processes and paths

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the repository root")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

fn cargo(args: &[&str]) -> Command {
    let mut command = Command::new("cargo");
    command.args(args);
    command
}

/// Runs `command` in the repository root, echoing it; any failure is an error.
fn run(command: &mut Command) -> Result<()> {
    command.current_dir(root());
    let shown = shown(command);
    println!("$ {shown}");
    let status = command
        .status()
        .map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// The command as one could type it in the repository root.
fn shown(command: &Command) -> String {
    let root = format!("{}/", root().display());
    let envs = command.get_envs().filter_map(|(name, value)| {
        Some(format!(
            "{}={}",
            name.to_string_lossy(),
            value?.to_string_lossy()
        ))
    });
    let words = std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|word| word.to_string_lossy().into_owned());
    envs.chain(words)
        .map(|word| word.replace(&root, ""))
        .map(|word| match word.contains(' ') {
            true => format!("'{word}'"),
            false => word,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The version of `package` in Cargo.lock; an error unless exactly one is locked.
fn locked_version(package: &str) -> Result<String> {
    let path = root().join("Cargo.lock");
    let lock =
        std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let name_line = format!("name = \"{package}\"");
    let versions: Vec<&str> = lock
        .lines()
        .zip(lock.lines().skip(1))
        .filter(|(name, _)| *name == name_line)
        .filter_map(|(_, version)| version.strip_prefix("version = \"")?.strip_suffix('"'))
        .collect();
    match versions.as_slice() {
        [version] => Ok(version.to_string()),
        _ => Err(format!(
            "Cargo.lock should lock one version of {package}, found {versions:?}"
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// wasm-pack.toml

struct WasmConfig {
    target: String,
    out_dir: String,
    profile: String,
    features: Vec<String>,
    bindgen_args: Vec<String>,
    /// `None` when disabled.
    wasm_opt: Option<WasmOpt>,
}

struct WasmOpt {
    level: String,
    args: Vec<String>,
}

impl WasmConfig {
    fn load(path: &Path) -> Result<WasmConfig> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        WasmConfig::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn parse(text: &str) -> Result<WasmConfig> {
        let mut settings = Settings(parse_toml(text)?);
        let wasm_opt_enabled = settings.bool("wasm-opt", "enabled")?;
        // Read (and checked) even when disabled, so a typo does not wait to be found.
        let wasm_opt = WasmOpt {
            level: settings.string("wasm-opt", "level")?,
            args: settings.list("wasm-opt", "args")?,
        };
        if !["0", "1", "2", "3", "4", "s", "z"].contains(&wasm_opt.level.as_str()) {
            return Err(format!(
                "wasm-opt level {:?} is not one of 0-4, s, z",
                wasm_opt.level
            ));
        }
        let config = WasmConfig {
            target: settings.string("build", "target")?,
            out_dir: settings.string("build", "out-dir")?,
            profile: settings.string("build", "profile")?,
            features: settings.list("build", "features")?,
            bindgen_args: settings.list("wasm-bindgen", "args")?,
            wasm_opt: wasm_opt_enabled.then_some(wasm_opt),
        };
        if let Some((section, key)) = settings.0.keys().next() {
            return Err(format!("unknown setting {key:?} in [{section}]"));
        }
        let out_dir = Path::new(&config.out_dir);
        if config.out_dir.is_empty()
            || out_dir.is_absolute()
            || out_dir
                .components()
                .any(|c| c == std::path::Component::ParentDir)
        {
            return Err(format!(
                "out-dir {:?} must be a folder inside the repository",
                config.out_dir
            ));
        }
        Ok(config)
    }

    fn feature_args(&self) -> Vec<String> {
        if self.features.is_empty() {
            Vec::new()
        } else {
            vec!["--features".to_owned(), self.features.join(",")]
        }
    }
}

#[derive(Debug, PartialEq)]
enum Value {
    String(String),
    Bool(bool),
    List(Vec<String>),
}

/// Parsed settings by (section, key); each is taken out once so leftovers are unknown keys.
struct Settings(BTreeMap<(String, String), Value>);

impl Settings {
    fn take(&mut self, section: &str, key: &str) -> Result<Value> {
        self.0
            .remove(&(section.to_owned(), key.to_owned()))
            .ok_or_else(|| format!("missing setting {key:?} in [{section}]"))
    }

    fn string(&mut self, section: &str, key: &str) -> Result<String> {
        match self.take(section, key)? {
            Value::String(s) => Ok(s),
            other => Err(format!(
                "[{section}] {key} should be a string, not {other:?}"
            )),
        }
    }

    fn bool(&mut self, section: &str, key: &str) -> Result<bool> {
        match self.take(section, key)? {
            Value::Bool(b) => Ok(b),
            other => Err(format!(
                "[{section}] {key} should be true or false, not {other:?}"
            )),
        }
    }

    fn list(&mut self, section: &str, key: &str) -> Result<Vec<String>> {
        match self.take(section, key)? {
            Value::List(items) => Ok(items),
            other => Err(format!(
                "[{section}] {key} should be a list of strings, not {other:?}"
            )),
        }
    }
}

/// The TOML this file needs and no more: `[section]` headers, then `key = value` lines whose value
/// is a "string" (no escapes), true/false, or a one-line ["list", "of strings"]; `#` comments.
fn parse_toml(text: &str) -> Result<BTreeMap<(String, String), Value>> {
    let mut settings = BTreeMap::new();
    let mut section: Option<String> = None;
    for (number, line) in text.lines().enumerate() {
        let at = |message: String| format!("line {}: {message}", number + 1);
        let line = strip_comment(line).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if !is_bare_key(name) {
                return Err(at(format!("bad section header [{name}]")));
            }
            section = Some(name.to_owned());
            continue;
        }
        let (key, value) = line.split_once('=').ok_or_else(|| {
            at(format!(
                "expected `key = value` or `[section]`, found {line:?}"
            ))
        })?;
        let key = key.trim();
        if !is_bare_key(key) {
            return Err(at(format!("bad key {key:?}")));
        }
        let section = section
            .clone()
            .ok_or_else(|| at(format!("{key:?} comes before any [section]")))?;
        let value = parse_value(value.trim()).map_err(at)?;
        if settings
            .insert((section.clone(), key.to_owned()), value)
            .is_some()
        {
            return Err(at(format!("{key:?} is set twice in [{section}]")));
        }
    }
    Ok(settings)
}

fn is_bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The line up to a `#` that is not inside a string.
fn strip_comment(line: &str) -> &str {
    let mut in_string = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_string = !in_string,
            '#' if !in_string => return &line[..i],
            _ => {}
        }
    }
    line
}

fn parse_value(text: &str) -> Result<Value> {
    match text {
        "true" => return Ok(Value::Bool(true)),
        "false" => return Ok(Value::Bool(false)),
        _ => {}
    }
    if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let mut items = Vec::new();
        let mut rest = inner.trim_start();
        while !rest.is_empty() {
            let (item, after) = parse_string(rest)?;
            items.push(item);
            let after = after.trim_start();
            rest = match after.strip_prefix(',') {
                Some(next) => next.trim_start(),
                None if after.is_empty() => after,
                None => return Err(format!("expected `,` or `]` in list, found {after:?}")),
            };
        }
        return Ok(Value::List(items));
    }
    match parse_string(text)? {
        (string, "") => Ok(Value::String(string)),
        (_, after) => Err(format!("unexpected {after:?} after a string")),
    }
}

/// A leading "string" and what follows it.
fn parse_string(text: &str) -> Result<(String, &str)> {
    let unsupported =
        || format!("unsupported value {text:?}: use \"string\", true, false or [\"list\"]");
    let body = text.strip_prefix('"').ok_or_else(unsupported)?;
    let end = body.find('"').ok_or_else(unsupported)?;
    let string = &body[..end];
    if string.contains('\\') {
        return Err(format!("escapes are not supported in {text:?}"));
    }
    Ok((string.to_owned(), &body[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
# comment
[build]
target = "web"   # trailing comment
out-dir = "pkg"
profile = "release"
features = []
[wasm-bindgen]
args = ["--remove-name-section", "--a#b" ,]
[wasm-opt]
enabled = false
level = "z"
args = ["--strip-debug"]
"#;

    #[test]
    fn reads_the_flat_file() {
        let config = WasmConfig::parse(FILE).unwrap();
        assert_eq!(config.target, "web");
        assert_eq!(config.out_dir, "pkg");
        assert_eq!(config.profile, "release");
        assert!(config.features.is_empty());
        assert_eq!(config.bindgen_args, ["--remove-name-section", "--a#b"]);
        assert!(config.wasm_opt.is_none());
        let enabled = WasmConfig::parse(&FILE.replace("false", "true")).unwrap();
        let opt = enabled.wasm_opt.unwrap();
        assert_eq!(
            (opt.level.as_str(), opt.args),
            ("z", vec!["--strip-debug".into()])
        );
    }

    #[test]
    fn the_repository_file_parses() {
        WasmConfig::load(&root().join("wasm-pack.toml")).unwrap();
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        for (from, to, error) in [
            ("target = \"web\"", "target = web", "unsupported value"),
            ("target = \"web\"", "target = 'web'", "unsupported value"),
            ("profile = \"release\"", "", "missing setting \"profile\""),
            (
                "features = []",
                "features = []\nfeature = []",
                "unknown setting",
            ),
            (
                "out-dir = \"pkg\"",
                "out-dir = \"pkg\"\nout-dir = \"x\"",
                "set twice",
            ),
            (
                "out-dir = \"pkg\"",
                "out-dir = \"../x\"",
                "inside the repository",
            ),
            ("enabled = false", "enabled = \"no\"", "true or false"),
            ("level = \"z\"", "level = \"9\"", "level"),
            ("[build]", "[build", "expected `key = value`"),
            (
                "args = [\"--strip-debug\"]",
                "args = [\"a\" \"b\"]",
                "expected `,`",
            ),
            (
                "args = [\"--strip-debug\"]",
                "args = [\"a\",\n\"b\"]",
                "line 13: unsupported",
            ),
        ] {
            assert!(FILE.contains(from), "{from}");
            let result = WasmConfig::parse(&FILE.replace(from, to));
            let message = result.err().unwrap_or_default();
            assert!(message.contains(error), "{to:?}: {message:?}");
        }
    }

    #[test]
    fn serves_only_files_inside_the_folder() {
        let dir = root().join("xtask");
        assert_eq!(resolve(&dir, "/Cargo.toml?x=1"), Ok(dir.join("Cargo.toml")));
        assert_eq!(resolve(&dir, "/src/main.rs"), Ok(dir.join("src/main.rs")));
        for target in [
            "/../Cargo.toml",
            "/src/../../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "x",
        ] {
            assert_eq!(resolve(&dir, target), Err("400 Bad Request"), "{target}");
        }
        for target in ["/", "/missing.js", "/src"] {
            assert_eq!(resolve(&dir, target), Err("404 Not Found"), "{target}");
        }
        assert_eq!(mime_type(Path::new("a_bg.wasm")), "application/wasm");
        assert_eq!(
            mime_type(Path::new("w.js")),
            "text/javascript; charset=utf-8"
        );
    }

    #[test]
    fn formats_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(4_913_123), "4,913,123");
    }
}
