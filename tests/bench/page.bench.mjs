// `cargo xtask bench-page`: time to first answer in headless Chromium, each guided analysis
// answered in a warm page, and download sizes.
// Each load is cold: a fresh browser context (own process, no HTTP cache, no service worker)
// opens a share link for the seed payout preset, so the page downloads and compiles the wasm,
// generates and loads the data, runs the query and shows the rows by itself. The page marks
// `sandbox:engine-ready` (module instantiated), `sandbox:data-ready` and `sandbox:first-answer`
// with performance.mark; times are from navigation start. xtask passes SANDBOX_URL (the server),
// SANDBOX_CHROMIUM, SANDBOX_DIST (the built page) and the package paths.
// SANDBOX_CHROMIUM_FLAGS adds Chromium flags, for measurements only (e.g.
// `--js-flags=--liftoff-only` shows what V8's optimizing compiler costs the first answer).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadPackage, need } from '../wasm/pkg.mjs';
import { linkFor } from '../../www/share.js';

const URL = need('SANDBOX_URL');
const DIST = need('SANDBOX_DIST');
const RUNS = Number(process.env.SANDBOX_BENCH_RUNS ?? 5);
const SCALES = (process.env.SANDBOX_BENCH_SCALES ?? 'S,M').split(',');
// SANDBOX_BENCH_ANALYSES=0 times only the first answer and the sizes.
const ANALYSES = process.env.SANDBOX_BENCH_ANALYSES !== '0';
const TARGET_MS = { S: 300 };
const TARGET_GZIP = 1.5e6;

const pkg = await loadPackage();
const payout = pkg.presets().find((preset) => preset.id === 'seed-payout').sql;
const generator = pkg.generatorVersion();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => value.toFixed(0).padStart(7);

const browser = await chromium.launch({
  executablePath: need('SANDBOX_CHROMIUM'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', ...(process.env.SANDBOX_CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean)],
});

/** One cold load of `link`: the page's marks and what it showed. */
async function coldLoad(link) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const page = await context.newPage();
    // Waiting costs the page nothing: no polling over the DevTools connection while it loads
    // (that took CPU from the load it measures), only a check in the page every 50 ms for an
    // error; the answer's mark ends the wait at once.
    await page.goto(link, { waitUntil: 'commit' });
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const answered = () => performance.getEntriesByName('sandbox:first-answer').length > 0;
          const failed = () => document.getElementById('error')?.hidden === false;
          new PerformanceObserver(() => answered() && resolve()).observe({ type: 'mark', buffered: true });
          const check = setInterval(() => (answered() || failed()) && (clearInterval(check), resolve()), 50);
          setTimeout(resolve, 180_000); // reported as no answer
        }),
    );
    const shown = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const resource = (suffix) => performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(suffix));
      const error = document.getElementById('error');
      return {
        origin: performance.timeOrigin,
        error: error.hidden ? null : error.textContent,
        rows: document.querySelectorAll('[data-testid="results"] tbody tr').length,
        mainJs: resource('/main.js')?.responseEnd ?? NaN,
        engine: at('sandbox:engine-ready'),
        data: at('sandbox:data-ready'),
        answer: at('sandbox:first-answer'),
      };
    });
    // The worker fetches the .wasm: its own timeline, moved onto the page's.
    const [worker] = page.workers();
    const inWorker = await worker.evaluate(() => ({
      origin: performance.timeOrigin,
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])),
      wasm: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'))?.toJSON(),
    }));
    const shift = inWorker.origin - shown.origin;
    const mark = (name) => shift + (inWorker.marks[name] ?? NaN);
    return {
      ...shown,
      worker: shift,
      wasmStart: shift + inWorker.wasm.startTime,
      wasmEnd: shift + inWorker.wasm.responseEnd,
      open: mark('sandbox:open'),
      opened: mark('sandbox:opened'),
      run: mark('sandbox:run'),
      ran: mark('sandbox:ran'),
    };
  } finally {
    await context.close();
  }
}

console.log(`Time to first answer: seed payout, seed 1, ${RUNS} cold loads per scale, ms from navigation start`);
console.log('  main.js: page script downloaded; worker: engine thread started; wasm: its download starts, ends;');
console.log('  engine: the page has the module\'s description; open, opened: the worker generates and loads');
console.log('  the data; data: the page knows it is ready; run, ran: the worker runs the query; answer: rows');
console.log('  in the page');
const COLUMNS = ['mainJs', 'worker', 'wasmStart', 'wasmEnd', 'engine', 'open', 'opened', 'data', 'run', 'ran', 'answer'];
console.log(`  ${'scale'.padEnd(6)}${['main.js', 'worker', 'wasm', 'wasm', 'engine', 'open', 'opened', 'data', 'run', 'ran', 'answer'].map((c) => c.padStart(8)).join('')}   (medians)  all answers`);
const answers = {};
for (const scale of SCALES) {
  const link = await linkFor(URL, { sql: payout, seed: 1, scale, clock: '', generator });
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    const load = await coldLoad(link);
    if (load.error || load.rows === 0) throw new Error(`scale ${scale}: no answer (${load.error ?? 'no rows'})`);
    loads.push(load);
  }
  const m = (key) => median(loads.map((load) => load[key]));
  answers[scale] = m('answer');
  const target = TARGET_MS[scale] ? ` (target < ${TARGET_MS[scale]}: ${m('answer') < TARGET_MS[scale] ? 'met' : 'not met'})` : '';
  console.log(`  ${scale.padEnd(6)}${COLUMNS.map((key) => ms(m(key))).join(' ')}              ${loads.map((l) => l.answer.toFixed(0)).join(', ')}${target}`);
}

// The guided analyses, each timed in a warm page from the moment it is asked for to its results
// (and chart) in the document: the first run through the Analyses menu, then the Run button.
const ANALYSIS_TARGET_MS = { S: 100 };

/**
 * Ms from asking (the menu choosing `how.id`, else the Run button) to the results being replaced,
 * and the engine's own ms for the whole script, as measured in its worker.
 */
function timeAnswer(page, start) {
  return page.evaluate(async (how) => {
    const results = document.querySelector('[data-testid="results"]');
    const shown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve();
      });
      observer.observe(results, { childList: true });
    });
    const t0 = performance.now();
    if (how.id) {
      const menu = document.querySelector('[data-testid="analyses"]');
      menu.value = how.id;
      menu.dispatchEvent(new Event('change'));
    } else {
      document.querySelector('[data-testid="run"]').click();
    }
    await shown;
    const ms = performance.now() - t0;
    const error = document.getElementById('error');
    const engine = Number(results.querySelector('.timing')?.dataset.ms);
    return { ms, engine, error: error.hidden ? null : error.textContent };
  }, start);
}

async function benchAnalyses(scale) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const page = await context.newPage();
    await page.goto(`${URL}#`);
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent.startsWith('Ready'), null, { timeout: 180_000 });
    if (scale !== 'S') {
      await page.selectOption('[data-testid="scale"]', scale);
      await page.waitForFunction((s) => document.querySelector('[data-testid="status"]').textContent.startsWith(`Ready: seed 1, scale ${s}`), scale, { timeout: 180_000 });
    }
    const rows = [];
    for (const analysis of pkg.analyses()) {
      const first = await timeAnswer(page, { id: analysis.id });
      if (first.error) throw new Error(`${analysis.id} at ${scale}: ${first.error}`);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeAnswer(page, {}));
      const engine = median(runs.map((run) => run.engine));
      rows.push({ id: analysis.id, first: first.ms, median: median(runs.map((run) => run.ms)), engine });
    }
    return rows;
  } finally {
    await context.close();
  }
}

if (ANALYSES) {
  console.log(`\nGuided analyses: seed 1, ms from asking to results on screen (first: through the menu; median of ${RUNS} runs after it);`);
  console.log('  engine: median time of the script in the worker, without messaging and drawing');
  console.log(`  ${'scale'.padEnd(6)}${'analysis'.padEnd(20)}${'first'.padStart(8)}${'median'.padStart(8)}${'engine'.padStart(8)}`);
  for (const scale of SCALES) {
    for (const row of await benchAnalyses(scale)) {
      const target = ANALYSIS_TARGET_MS[scale] ? ` (target < ${ANALYSIS_TARGET_MS[scale]}: ${row.median < ANALYSIS_TARGET_MS[scale] ? 'met' : 'not met'})` : '';
      console.log(`  ${scale.padEnd(6)}${row.id.padEnd(20)}${ms(row.first).padStart(8)}${ms(row.median).padStart(8)}${ms(row.engine).padStart(8)}${target}`);
    }
  }
}
await browser.close();

console.log('\nWhat the browser downloads (bytes; gzip -9 and brotli -11 as a server could send them):');
let gzipTotal = 0;
let jsGzip = 0;
const files = readdirSync(DIST).sort();
for (const name of files) {
  const bytes = readFileSync(join(DIST, name));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (name.endsWith('.js') || name.endsWith('.wasm')) gzipTotal += gzip;
  if (name.endsWith('.js')) jsGzip += gzip;
  console.log(`  ${name.padEnd(30)} ${bytes.length.toLocaleString('en').padStart(11)} raw ${gzip.toLocaleString('en').padStart(11)} gzip ${brotli.toLocaleString('en').padStart(11)} brotli`);
}
console.log(`  wasm + JS: ${gzipTotal.toLocaleString('en')} gzip (target < ${TARGET_GZIP.toLocaleString('en')}: ${gzipTotal < TARGET_GZIP ? 'met' : 'not met'}); JS ${jsGzip.toLocaleString('en')} gzip (${((100 * jsGzip) / gzipTotal).toFixed(0)}%)`);
