// `cargo xtask bench-wasm`: `sandbox bench`'s work, run by the wasm module through the calls the
// page's worker makes (results cross into JS as they do there), timed with performance.now().
import { performance } from 'node:perf_hooks';
import { loadPackage } from './pkg.mjs';

const RUNS = [['S', 5], ['M', 3]];
const SEED = 1;
const QUERIES = ['seed-payout', 'correct-payout', 'average-concurrency', 'chat-out-of-policy'];

const pkg = await loadPackage();
const presets = new Map(pkg.presets().map((preset) => [preset.id, preset.sql]));

/** Median and first of `runs` timings of `work`, with `prepare` run untimed before each. */
function measure(name, runs, work, prepare = () => {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  const first = times[0];
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(times.length / 2)], first };
}

for (const [scale, runs] of RUNS) {
  const measurements = [];
  // What the page waits for before its first answer: generate and load all but the late tables.
  measurements.push(measure('open', runs, () => new pkg.Sandbox(SEED, scale, '').free()));
  const sandbox = new pkg.Sandbox(SEED, scale, '');
  measurements.push(measure('load late tables', runs, () => sandbox.loadLate(), () => sandbox.reset()));
  const rows = sandbox.tableCounts().reduce((sum, table) => sum + table.rows, 0);
  // Between answers the worker frees what the last one dropped; so does this, untimed.
  const run = (sql) => () => {
    sandbox.run(sql);
    sandbox.release();
  };
  for (const id of QUERIES) measurements.push(measure(id, runs, run(presets.get(id))));
  // Each analysis as the page runs it: the whole script. Those that write undo it themselves.
  for (const analysis of pkg.analyses()) measurements.push(measure(analysis.id, runs, run(analysis.sql)));
  // Each purge starts from the freshly generated data, the chat loaded: the DELETE alone is timed.
  measurements.push(measure('chat purge', runs, run(presets.get('chat-purge')), () => {
    sandbox.reset();
    sandbox.loadLate();
  }));
  sandbox.free();

  console.log(`wasm, scale ${scale} (${rows.toLocaleString('en')} rows), ${runs} runs`);
  console.log(`  ${'step'.padEnd(24)} ${'median ms'.padStart(12)} ${'first ms'.padStart(12)}`);
  for (const m of measurements) {
    console.log(`  ${m.name.padEnd(24)} ${m.median.toFixed(1).padStart(12)} ${m.first.toFixed(1).padStart(12)}`);
  }
  // Linear memory never shrinks: this is the most the module has needed so far in this process.
  const mb = pkg.memory.buffer.byteLength / 1048576;
  console.log(`  linear memory ${mb.toFixed(0)} MB (node RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB)\n`);
}
