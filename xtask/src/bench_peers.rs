//! `cargo xtask bench-peers`: our wasm module side by side with sql.js and DuckDB-wasm, on the
//! same work and the same data, under node and in headless Chromium. A benchmark, not a test: it
//! is not part of `cargo xtask test`.
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
                "--scale" => {
                    options.scales = value
                        .split(',')
                        .map(|scale| match scale.to_ascii_uppercase().as_str() {
                            s @ ("S" | "M") => Ok(s.to_owned()),
                            _ => Err(format!(
                                "scale {scale:?} is not S or M (L runs natively only)"
                            )),
                        })
                        .collect::<Result<_>>()?;
                }
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
    run(&mut cargo(&["build", "--release", "--bin", "sandbox"]))?;
    let sandbox = target_dir().join("release").join("sandbox");

    // The served folder: the bench page, the engines' files and the data. Generated, never
    // committed (it is under target/).
    let www = target_dir().join("bench-peers").join("www");
    for scale in options.scales.iter().filter(|_| !options.report_only) {
        let out = www.join("data").join(scale);
        run(Command::new(&sandbox)
            .args(["export", "--seed", "1", "--scale", scale, "--out"])
            .arg(&out))?;
    }
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
