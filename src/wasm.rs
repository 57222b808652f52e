//! The browser edge: one handle over the engine, plain JS values in and out. Nothing here decides
//! anything; it converts and forwards.

use crate::engine::{Config, Engine, QueryResult};
use crate::error::EngineError;
use crate::generate::{self, Scale};
use crate::{analyses, postgres_export, queries, schema, time};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Values cross as one JSON text that the engine's thread parses: building the same objects
/// property by property from here took twice as long for a 10,000-row answer.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// Errors cross as `{kind, message, ...}` objects, with `message` ready to show.
fn error_to_js(error: EngineError) -> JsValue {
    #[derive(Serialize)]
    struct Shown {
        message: String,
        #[serde(flatten)]
        error: EngineError,
    }
    let shown = Shown {
        message: error.to_string(),
        error,
    };
    to_js(&shown).unwrap_or_else(|e| e)
}

fn usage(message: String) -> JsValue {
    error_to_js(EngineError::Usage { message })
}

/// Grows the module's memory in one step to about what opening `scale` allocates (measured:
/// 20 MB at S, 190 MB at M, some 400 bytes per visit). The allocator grows it in 64 KiB steps
/// otherwise, some 300 calls into the browser at S before the first answer. The block is freed
/// at once and stays with the allocator: wasm memory never shrinks.
fn reserve_heap(scale: Scale) {
    let block: Vec<u8> = Vec::with_capacity(scale.counts().sessions * 400);
    std::hint::black_box(&block);
}

fn parse_scale(scale: &str) -> Result<Scale, JsValue> {
    match Scale::parse(scale) {
        Some(Scale::L) => Err(usage("scale L runs natively only".to_owned())),
        Some(scale) => Ok(scale),
        None => Err(usage(format!("unknown scale {scale:?}: use S or M"))),
    }
}

fn parse_seed(seed: f64) -> Result<u64, JsValue> {
    if seed.fract() != 0.0 || !(0.0..=9_007_199_254_740_991.0).contains(&seed) {
        return Err(usage(format!(
            "seed must be a whole number from 0 to 2^53-1, not {seed}"
        )));
    }
    Ok(seed as u64)
}

/// A count from JS: a whole number, not negative (a bare `usize` parameter would wrap -1).
fn parse_count(what: &str, count: f64) -> Result<usize, JsValue> {
    if count.fract() != 0.0 || !(0.0..=4_294_967_295.0).contains(&count) {
        return Err(usage(format!(
            "{what} must be a whole number from 0, not {count}"
        )));
    }
    Ok(count as usize)
}

fn parse_clock(clock: &str) -> Result<i64, JsValue> {
    time::parse(clock).ok_or_else(|| {
        usage(format!(
            "{clock:?} is not a timestamp like '2026-11-01 00:00:00'"
        ))
    })
}

#[wasm_bindgen]
pub struct Sandbox {
    engine: Engine,
}

#[wasm_bindgen]
impl Sandbox {
    /// Generates the data for `seed` and `scale` ("S" or "M") and loads it. `clock` is what
    /// `NOW()` returns; empty for the dataset's own clock.
    #[wasm_bindgen(constructor)]
    pub fn new(seed: f64, scale: &str, clock: &str) -> Result<Sandbox, JsValue> {
        // A panic traps the module; say why on the console before it does.
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&info.to_string().into())
        }));
        let mut config = Config::new(parse_seed(seed)?, parse_scale(scale)?);
        if !clock.is_empty() {
            config.clock = parse_clock(clock)?;
        }
        reserve_heap(config.scale);
        let engine = Engine::new(config).map_err(error_to_js)?;
        Ok(Sandbox { engine })
    }

    /// Runs every statement; returns one result per statement, each with `ms`, the time it
    /// took (the first also parsing the script), or throws an error object.
    pub fn run(&mut self, sql: &str) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Timed<'a> {
            #[serde(flatten)]
            result: &'a QueryResult,
            ms: f64,
        }
        let mut ends = vec![performance_now()];
        let results = self
            .engine
            .run_observed(sql, || ends.push(performance_now()))
            .map_err(error_to_js)?;
        let timed: Vec<Timed> = results
            .iter()
            .zip(ends.windows(2))
            .map(|(result, span)| Timed {
                result,
                ms: span[1] - span[0],
            })
            .collect();
        to_js(&timed)
    }

    /// Loads the tables the engine defers (the chat among them) now rather than before the first
    /// statement that reads them.
    /// Frees what dropped and rolled-back tables held; the next `run` does it anyway.
    pub fn release(&mut self) {
        self.engine.release();
    }

    #[wasm_bindgen(js_name = loadLate)]
    pub fn load_late(&mut self) -> Result<(), JsValue> {
        self.engine.load_late().map_err(error_to_js)
    }

    /// Back to the freshly generated data.
    pub fn reset(&mut self) -> Result<(), JsValue> {
        self.engine.reset().map_err(error_to_js)
    }

    #[wasm_bindgen(js_name = setClock)]
    pub fn set_clock(&mut self, clock: &str) -> Result<(), JsValue> {
        self.engine.set_clock(parse_clock(clock)?);
        Ok(())
    }

    pub fn clock(&self) -> String {
        time::format(self.engine.config().clock)
    }

    #[wasm_bindgen(js_name = setRowCap)]
    pub fn set_row_cap(&mut self, row_cap: f64) -> Result<(), JsValue> {
        self.engine
            .set_row_cap(parse_count("the row cap", row_cap)?);
        Ok(())
    }

    #[wasm_bindgen(js_name = tableCounts)]
    pub fn table_counts(&self) -> Result<JsValue, JsValue> {
        to_js(&self.engine.table_counts())
    }
}

/// The data as one PostgreSQL script (schema, data inline, keys, indexes, retention), exactly as
/// `sandbox export --format postgres-file` writes it, with the file name to save it under.
#[wasm_bindgen(js_name = exportPostgres)]
pub fn export_postgres(seed: f64, scale: &str) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Script {
        name: String,
        sql: String,
    }
    let (seed, scale) = (parse_seed(seed)?, parse_scale(scale)?);
    let data = generate::generate(seed, scale);
    to_js(&Script {
        name: postgres_export::single_file_name(seed, scale),
        sql: postgres_export::single_file(&data, seed, scale),
    })
}

/// The schema description (tables, columns, keys, grain, retention).
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsValue> {
    to_js(schema::TABLES)
}

#[wasm_bindgen]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(queries::PRESETS)
}

/// The guided analyses: SQL, explanation and chart of each.
#[wasm_bindgen]
pub fn analyses() -> Result<JsValue, JsValue> {
    to_js(analyses::ANALYSES)
}

#[wasm_bindgen(js_name = generatorVersion)]
pub fn generator_version() -> u32 {
    generate::GENERATOR_VERSION
}

fn performance_now() -> f64 {
    // `performance` is a global in windows, workers and node alike.
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .map(|performance| performance.unchecked_into::<web_sys::Performance>().now())
        .unwrap_or(0.0)
}
