//! Every case of the compatibility suite, timed natively: the native column of
//! `cargo xtask bench-compat` (which runs this; see BENCHMARKS.md).
//!
//!   compat list <out.json>                  the cases as `tests/support/cases.rs` reads them
//!   compat time <S|M|L> <runs> <out.json>   median and first run of each case, seed 1
//!
//! `SANDBOX_COMPAT_CASES=substring` times only the cases whose name holds it (as in
//! `tests/postgres_compat.rs`), for measuring a change on the cases it is for.
//!
//! A case with setup statements (they write) is timed setup included, and each run starts from
//! the freshly generated data (restored untimed), as its wasm and SQLite runs do.

#[path = "../tests/support/mod.rs"]
mod support;

use livestream_sandbox::bench::measure;
use livestream_sandbox::engine::{Config, Engine};
use livestream_sandbox::generate::{self, Scale};
use serde::Serialize;
use std::cell::RefCell;
use support::cases::{cases, Case};

#[derive(Serialize)]
struct Timed {
    name: String,
    first_ms: Option<f64>,
    median_ms: Option<f64>,
    runs: usize,
    /// Why the case did not run (our engine refuses a pending case by name).
    error: Option<String>,
}

fn time_all(scale: Scale, runs: usize) -> Vec<Timed> {
    let clock = std::time::Instant::now();
    let now = move || clock.elapsed().as_secs_f64() * 1000.0;
    let seed = 1;
    let mut config = Config::new(seed, scale);
    config.row_cap = usize::MAX;
    let engine = RefCell::new(Engine::with_data(config, &generate::generate(seed, scale)).unwrap());
    let run_case = |case: &Case| {
        let mut engine = engine.borrow_mut();
        for statement in case.setup.iter().chain([&case.query]) {
            engine.run(statement)?;
        }
        Ok(())
    };
    let filter = std::env::var("SANDBOX_COMPAT_CASES").unwrap_or_default();
    cases()
        .iter()
        .filter(|case| case.name.contains(&filter))
        .map(|case| {
            let writes = !case.setup.is_empty();
            let measured = measure(
                &case.name,
                runs,
                &now,
                // As the wasm run restores (and the page's worker once idle): the tables the
                // engine defers are loaded again, untimed, not by the first timed statement.
                || match writes {
                    true => {
                        let mut engine = engine.borrow_mut();
                        engine.reset()?;
                        engine.load_late()
                    }
                    false => Ok(()),
                },
                || run_case(case),
            );
            if writes || measured.is_err() {
                engine.borrow_mut().reset().unwrap();
            }
            eprintln!("native {}: {}: {measured:?}", scale.name(), case.name);
            match measured {
                Ok(m) => Timed {
                    name: m.name,
                    first_ms: Some(m.first_ms),
                    median_ms: Some(m.median_ms),
                    runs: m.runs,
                    error: None,
                },
                Err(error) => Timed {
                    name: case.name.clone(),
                    first_ms: None,
                    median_ms: None,
                    runs: 0,
                    error: Some(error.to_string()),
                },
            }
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: compat list <out.json> | compat time <S|M|L> <runs> <out.json>";
    let (json, out) = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["list", out, ..] => (serde_json::to_string(&cases()), out),
        ["time", scale, runs, out, ..] => {
            let scale = Scale::parse(scale).expect(usage);
            let runs = runs.parse().expect(usage);
            (serde_json::to_string(&time_all(scale, runs)), out)
        }
        _ => panic!("{usage}"),
    };
    std::fs::write(out, json.unwrap()).unwrap();
}
