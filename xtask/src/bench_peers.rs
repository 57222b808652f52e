//! `cargo xtask bench-peers`: our wasm module side by side with sql.js and DuckDB-wasm, on the
//! same work and the same data, under node and in headless Chromium; and `cargo xtask
//! bench-compat`: every compatibility case natively, in wasm and on sql.js. Benchmarks, not
//! tests: they are not part of `cargo xtask test`.
//!
//! This side builds what the run needs (the wasm package, the CLI), exports the data the peers
//! load (seed 1, per scale, into `target/bench-peers/www/data/<scale>/`), serves that folder on
//! 127.0.0.1 for the browser, and hands over to `tests/bench-peers/main.mjs`, which runs the
//! engines, checks that their answers agree, prints the tables and writes the results file into
//! `bench/results/`.

use crate::{address, build, cargo, listen, root, run, serve_files, target_dir, Result, CHROMIUM};
use std::path::Path;
use std::process::Command;

pub const USAGE: &str =
    "usage: cargo xtask bench-peers [--scale S|M|S,M] [--runs N] [--env node|chromium|both]

  Times our wasm module, sql.js and DuckDB-wasm on the same work and data (seed 1): start, data
  in, the seed and correct payouts, average and peak concurrency, the chat purge and the
  compatibility suite's queries; checks that every engine's answers agree; prints a table per
  scale and environment and writes bench/results/peers-<date>.md.

  --scale   S, M or both (default S,M)
  --runs    runs per measurement, median and first reported (default 5)
  --env     node, chromium or both (default both)
  --report-only
            run no engine: make the tables and the results file again from the raw results
            of the last run (target/bench-peers/raw/)";

pub const COMPAT_USAGE: &str = "usage: cargo xtask bench-compat [--scale S|M|S,M] [--report-only]

  Times every case of tests/compat/ (seed 1) natively (median of 5 at S, 3 at M, and the first
  run), in our wasm module under node and on sql.js over the same data; checks that the two wasm
  engines' answers agree; writes bench/results/compat-<date>[-<scale>].md with issue 4's targets.

  --scale   S, M or both (default S,M)
  --report-only
            run nothing: make the results file again from the raw results of the last run
            (target/bench-compat/)";

fn parse_scales(value: &str) -> Result<Vec<String>> {
    value
        .split(',')
        .map(|scale| match scale.to_ascii_uppercase().as_str() {
            s @ ("S" | "M") => Ok(s.to_owned()),
            _ => Err(format!(
                "scale {scale:?} is not S or M (L runs natively only)"
            )),
        })
        .collect()
}

#[derive(Debug, PartialEq)]
struct Options {
    scales: Vec<String>,
    runs: u32,
    envs: Vec<&'static str>,
    report_only: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            scales: vec!["S".into(), "M".into()],
            runs: 5,
            envs: vec!["node", "chromium"],
            report_only: false,
        };
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            if flag == "--report-only" {
                options.report_only = true;
                continue;
            }
            let value = args
                .next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
            match flag.as_str() {
                "--scale" => options.scales = parse_scales(value)?,
                "--runs" => {
                    options.runs = value
                        .parse()
                        .ok()
                        .filter(|runs| (1..=100).contains(runs))
                        .ok_or_else(|| format!("--runs {value:?} is not a number from 1 to 100"))?;
                }
                "--env" => {
                    options.envs = match value.as_str() {
                        "node" => vec!["node"],
                        "chromium" => vec!["chromium"],
                        "both" => vec!["node", "chromium"],
                        _ => return Err(format!("--env {value:?} is not node, chromium or both")),
                    };
                }
                _ => return Err(format!("unknown option {flag:?}\n{USAGE}")),
            }
        }
        Ok(options)
    }
}

pub fn bench_peers(args: &[String]) -> Result<()> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return Ok(());
    }
    let options = Options::parse(args)?;
    if options.envs.contains(&"chromium") && !Path::new(CHROMIUM).exists() {
        return Err(format!("{CHROMIUM} is missing: run `cargo xtask setup`"));
    }
    let package = build()?;
    let www = www();
    if !options.report_only {
        export_data(&options.scales)?;
    }
    let cases = www.join("cases.json");
    compat_bench(&["list", &cases.to_string_lossy()])?;
    let listener = listen(0)?;
    let url = format!("http://{}/", address(&listener)?);
    let served = www.clone();
    std::thread::spawn(move || serve_files(listener, served));

    run(Command::new("node")
        .arg("tests/bench-peers/main.mjs")
        .envs(package.env())
        .env("SANDBOX_BENCH_SCALES", options.scales.join(","))
        .env("SANDBOX_BENCH_RUNS", options.runs.to_string())
        .env("SANDBOX_BENCH_ENVS", options.envs.join(","))
        .env("SANDBOX_BENCH_WWW", &www)
        .env("SANDBOX_BENCH_URL", url)
        .env("SANDBOX_BENCH_CASES", &cases)
        .env(
            "SANDBOX_BENCH_RESULTS",
            root().join("bench").join("results"),
        )
        .env("SANDBOX_CHROMIUM", CHROMIUM)
        .env(
            "SANDBOX_BENCH_REPORT_ONLY",
            if options.report_only { "1" } else { "0" },
        ))
}

/// The served folder: the bench page, the engines' files and the data. Generated, never
/// committed (it is under target/).
fn www() -> std::path::PathBuf {
    target_dir().join("bench-peers").join("www")
}

/// The data the peers load: `sandbox export` of seed 1 into `www/data/<scale>/`.
fn export_data(scales: &[String]) -> Result<()> {
    run(&mut cargo(&["build", "--release", "--bin", "sandbox"]))?;
    let sandbox = target_dir().join("release").join("sandbox");
    for scale in scales {
        run(Command::new(&sandbox)
            .args(["export", "--seed", "1", "--scale", scale, "--out"])
            .arg(www().join("data").join(scale)))?;
    }
    Ok(())
}

/// `benches/compat.rs` with these arguments (release build).
fn compat_bench(args: &[&str]) -> Result<()> {
    let mut command = cargo(&["bench", "--quiet", "--bench", "compat", "--"]);
    run(command.args(args))
}

pub fn bench_compat(args: &[String]) -> Result<()> {
    let mut scales = vec!["S".to_owned(), "M".to_owned()];
    let mut report_only = false;
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--help" | "-h" => {
                println!("{COMPAT_USAGE}");
                return Ok(());
            }
            "--report-only" => report_only = true,
            "--scale" => {
                let value = args
                    .next()
                    .ok_or(format!("--scale needs a value\n{COMPAT_USAGE}"))?;
                scales = parse_scales(value)?;
            }
            _ => return Err(format!("unknown option {flag:?}\n{COMPAT_USAGE}")),
        }
    }
    let package = build()?;
    let raw = target_dir().join("bench-compat");
    std::fs::create_dir_all(&raw).map_err(|e| format!("creating {}: {e}", raw.display()))?;
    let file = |name: String| raw.join(name).to_string_lossy().into_owned();
    if !report_only {
        export_data(&scales)?;
        compat_bench(&["list", &file("cases.json".into())])?;
        for (scale, runs) in scales.iter().map(|s| (s, if s == "S" { "5" } else { "3" })) {
            compat_bench(&["time", scale, runs, &file(format!("native-{scale}.json"))])?;
        }
    }
    run(Command::new("node")
        .arg("tests/bench-peers/suite.mjs")
        .envs(package.env())
        .env("SANDBOX_BENCH_SCALES", scales.join(","))
        .env("SANDBOX_BENCH_WWW", www())
        .env("SANDBOX_BENCH_RAW", &raw)
        .env(
            "SANDBOX_BENCH_RESULTS",
            root().join("bench").join("results"),
        )
        .env(
            "SANDBOX_BENCH_REPORT_ONLY",
            if report_only { "1" } else { "0" },
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options> {
        Options::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn reads_the_options() {
        let defaults = parse(&[]).unwrap();
        assert_eq!(defaults.scales, ["S", "M"]);
        assert_eq!(
            (defaults.runs, defaults.envs),
            (5, vec!["node", "chromium"])
        );
        let set = parse(&["--scale", "m", "--runs", "3", "--env", "node"]).unwrap();
        assert_eq!(set.scales, ["M"]);
        assert_eq!((set.runs, set.envs), (3, vec!["node"]));
        assert_eq!(parse(&["--scale", "S,M"]).unwrap().scales, ["S", "M"]);
        assert!(!defaults.report_only);
        assert!(
            parse(&["--report-only", "--runs", "2"])
                .unwrap()
                .report_only
        );
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        for (args, error) in [
            (&["--scale", "L"][..], "not S or M"),
            (&["--runs", "0"], "from 1 to 100"),
            (&["--runs"], "needs a value"),
            (&["--env", "firefox"], "not node, chromium or both"),
            (&["--fast", "yes"], "unknown option"),
        ] {
            let message = parse(args).err().unwrap_or_default();
            assert!(message.contains(error), "{args:?}: {message}");
        }
    }
}
