// The bench page: the same harness as under node, on the page's main thread (DuckDB-wasm runs in
// its own worker, as its browser build always does). main.mjs drives it through playwright:
// bench.prepare() fetches the plan and the CSVs (untimed), bench.run() times one engine,
// bench.startOnly() times just the start on a fresh page load.
import { installMemoryProbe, linearMemoryBytes } from './memprobe.mjs';
import * as engines from './engines.mjs';
import { runEngine, startOnly } from './harness.mjs';

installMemoryProbe();
const here = (file) => new URL(file, location.href).href;

// Each engine's JavaScript is its own chunk, imported when it starts (so start includes it).
const loaders = {
  async ours() {
    const pkg = await import('sandbox-wasm');
    await pkg.default({ module_or_path: here(WASM_FILE) });
    return pkg;
  },
  async sqljs() {
    const { default: initSqlJs } = await import('sql.js/dist/sql-wasm-browser.js');
    return initSqlJs({ locateFile: (file) => here(file) });
  },
  async duckdb() {
    const duck = await import('@duckdb/duckdb-wasm');
    const worker = new Worker(here('duckdb-browser-eh.worker.js'));
    const db = new duck.AsyncDuckDB(new duck.VoidLogger(), worker);
    await db.instantiate(here('duckdb-eh.wasm'));
    const conn = await db.connect();
    return {
      version: await db.getVersion(),
      query: (sql) => conn.query(sql),
      registerFileText: (name, text) => db.registerFileText(name, text),
    };
  },
};

const log = (line) => {
  document.getElementById('log').textContent += `${line}\n`;
};

async function text(file) {
  const response = await fetch(here(file));
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  return response.text();
}

let prepared = null;

window.bench = {
  async prepare(engineId, scale) {
    const plan = JSON.parse(await text('plan.json'));
    const data = { schema: await text(`data/${scale}/schema.sql`), csv: {} };
    if (engineId !== 'ours') {
      for (const table of engines.parseSchema(data.schema)) {
        data.csv[table.name] = await text(`data/${scale}/${table.name}.csv`);
      }
    }
    prepared = { plan, data };
    return true;
  },
  async run(engineId, scale, runs) {
    const engine = engines[engineId](loaders[engineId]);
    return runEngine(engine, prepared.plan, {
      scale, runs, data: prepared.data, log,
      memory: () => ({ linear: linearMemoryBytes() }),
    });
  },
  async startOnly(engineId) {
    return startOnly(engines[engineId](loaders[engineId]));
  },
};
