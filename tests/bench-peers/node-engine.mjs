// One engine under node, in a process of its own (so its memory is its own):
//   node node-engine.mjs <engine> <scale> <runs> <plan.json> <data dir> <out.json> [start-only]
// The orchestrator (main.mjs) runs it; SANDBOX_PKG_JS and SANDBOX_PKG_WASM locate our package.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installMemoryProbe, linearMemoryBytes } from './memprobe.mjs';
import * as engines from './engines.mjs';
import { runEngine, startOnly } from './harness.mjs';

const [engineId, scale, runs, planFile, dataDir, outFile, mode] = process.argv.slice(2);
const require = createRequire(import.meta.url);

const loaders = {
  async ours() {
    const pkg = await import(pathToFileURL(process.env.SANDBOX_PKG_JS).href);
    pkg.initSync({ module: readFileSync(process.env.SANDBOX_PKG_WASM) });
    return pkg;
  },
  async sqljs() {
    const initSqlJs = (await import('sql.js')).default;
    return initSqlJs();
  },
  async duckdb() {
    const path = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
    const dist = dirname(path);
    const duck = require(path);
    const db = await duck.createDuckDB({
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    }, new duck.VoidLogger(), duck.NODE_RUNTIME);
    await db.instantiate(() => {});
    const conn = db.connect();
    return {
      version: db.getVersion(),
      query: (sql) => conn.query(sql),
      registerFileText: (name, text) => db.registerFileText(name, text),
    };
  },
};

installMemoryProbe();
const engine = engines[engineId](loaders[engineId]);
let result;
if (mode === 'start-only') {
  result = { start: await startOnly(engine) };
} else {
  const plan = JSON.parse(readFileSync(planFile, 'utf8'));
  // The CSV text is read before the baseline: data in starts from text in memory, as in the page.
  const data = { schema: readFileSync(join(dataDir, 'schema.sql'), 'utf8'), csv: {} };
  if (engineId !== 'ours') {
    for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.csv'))) {
      data.csv[file.slice(0, -4)] = readFileSync(join(dataDir, file), 'utf8');
    }
  }
  const baseline = process.memoryUsage().rss;
  const memory = () => ({
    linear: linearMemoryBytes(),
    rssDelta: process.resourceUsage().maxRSS * 1024 - baseline,
  });
  result = await runEngine(engine, plan, {
    scale, runs: Number(runs), data, memory,
    log: (line) => console.log(`  [node] ${line}`),
  });
}
writeFileSync(outFile, JSON.stringify(result));
