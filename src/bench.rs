//! The benchmark workload, shared by the native CLI and the wasm module so both time the same
//! work. The caller supplies the clock and the memory probe, which differ per platform.

use crate::engine::{Config, Engine};
use crate::error::EngineError;
use crate::generate::{self, Scale};
use crate::queries;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Measurement {
    pub name: String,
    /// The first run, which pays for warm-up (caches, memory growth, wasm tier-up).
    pub first_ms: f64,
    pub median_ms: f64,
    /// Runs timed: fewer than asked when the first run took over [`SLOW_MS`].
    pub runs: usize,
}

/// A step whose first run takes longer is not repeated.
pub const SLOW_MS: f64 = 5000.0;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub scale: &'static str,
    pub rows: usize,
    pub measurements: Vec<Measurement>,
    pub peak_memory_bytes: Option<u64>,
}

/// Times `work` `runs` times (once if the first run is over [`SLOW_MS`]); `prepare` runs untimed
/// before each run.
pub fn measure(
    name: impl Into<String>,
    runs: usize,
    now: &dyn Fn() -> f64,
    mut prepare: impl FnMut() -> Result<(), EngineError>,
    mut work: impl FnMut() -> Result<(), EngineError>,
) -> Result<Measurement, EngineError> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        prepare()?;
        let start = now();
        work()?;
        times.push(now() - start);
        if times[0] > SLOW_MS {
            break;
        }
    }
    let first_ms = times[0];
    times.sort_by(f64::total_cmp);
    Ok(Measurement {
        name: name.into(),
        first_ms,
        median_ms: times[times.len() / 2],
        runs: times.len(),
    })
}

/// Generate, load, the named queries and a purge at one scale.
pub fn run(
    scale: Scale,
    runs: usize,
    now: &dyn Fn() -> f64,
    memory: fn() -> Option<u64>,
) -> Result<Report, EngineError> {
    let seed = 1;
    let mut measurements = Vec::new();
    let none = || Ok(());
    measurements.push(measure("generate", runs, now, none, || {
        generate::generate(seed, scale);
        Ok(())
    })?);
    let data = generate::generate(seed, scale);
    let rows = crate::rows::all_tables(&data)
        .iter()
        .map(|(_, rows)| rows.len())
        .sum();
    measurements.push(measure("load", runs, now, none, || {
        Engine::with_data(Config::new(seed, scale), &data).map(drop)
    })?);
    // What the page waits for before its first answer: generate and load all but the late tables.
    measurements.push(measure("open", runs, now, none, || {
        Engine::new(Config::new(seed, scale)).map(drop)
    })?);
    let engine = std::cell::RefCell::new(Engine::with_data(Config::new(seed, scale), &data)?);
    drop(data);
    for (name, sql) in [
        ("seed payout", queries::SEED_PAYOUT),
        ("correct payout", queries::CORRECT_PAYOUT),
        ("average concurrency", queries::AVERAGE_CONCURRENCY),
        ("chat out of policy", queries::CHAT_OUT_OF_POLICY),
    ] {
        measurements.push(measure(name, runs, now, none, || {
            engine.borrow_mut().run(sql).map(drop)
        })?);
    }
    // Each analysis as the page runs it: the whole script. Those that write undo it themselves.
    for analysis in crate::analyses::ANALYSES {
        measurements.push(measure(analysis.id, runs, now, none, || {
            engine.borrow_mut().run(analysis.sql).map(drop)
        })?);
    }
    // Each purge starts from the freshly generated data, the chat loaded (as the page's worker
    // loads it once idle): what is timed is the DELETE alone.
    measurements.push(measure(
        "chat purge",
        runs,
        now,
        || {
            let mut engine = engine.borrow_mut();
            engine.reset()?;
            engine.load_late()
        },
        || engine.borrow_mut().run(queries::CHAT_PURGE).map(drop),
    )?);
    Ok(Report {
        scale: scale.name(),
        rows,
        measurements,
        peak_memory_bytes: memory(),
    })
}

impl Report {
    pub fn to_text(&self) -> String {
        let mut out = format!("scale {} ({} rows)\n", self.scale, self.rows);
        out.push_str(&format!(
            "  {:24} {:>12} {:>12}\n",
            "step", "median ms", "first ms"
        ));
        for m in &self.measurements {
            out.push_str(&format!(
                "  {:24} {:>12.1} {:>12.1}\n",
                m.name, m.median_ms, m.first_ms
            ));
        }
        if let Some(bytes) = self.peak_memory_bytes {
            out.push_str(&format!(
                "  peak memory {:.0} MB\n",
                bytes as f64 / 1_048_576.0
            ));
        }
        out
    }
}
