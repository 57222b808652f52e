// `cargo xtask bench-peers`: our wasm module, sql.js and DuckDB-wasm on the same work and data,
// under node (one process per engine) and in headless Chromium (a fresh browser per engine).
// xtask builds the module, exports the data (seed 1) into SANDBOX_BENCH_WWW/data/<scale>/, serves
// SANDBOX_BENCH_WWW at SANDBOX_BENCH_URL and passes the rest in the environment:
//   SANDBOX_PKG_JS, SANDBOX_PKG_WASM   our package
//   SANDBOX_BENCH_SCALES  "S,M"    SANDBOX_BENCH_RUNS  5    SANDBOX_BENCH_ENVS  "node,chromium"
//   SANDBOX_CHROMIUM      the browser    SANDBOX_BENCH_RESULTS  the folder for the results file
//   SANDBOX_BENCH_CASES   the compatibility suite's cases (JSON, from `benches/compat.rs list`)
// Prints a table per scale and environment; writes the results file only if every engine's
// answers agree (else it names the query and exits 1). Raw results land in SANDBOX_BENCH_WWW/..
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { buildPlan, ENGINES, ENGINE_NAMES } from './workload.mjs';
import { crossCheck, machine, notTimed, table, targets, variants } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through \`cargo xtask bench-peers\``);
  return value;
}

const PKG_JS = need('SANDBOX_PKG_JS');
const PKG_WASM = need('SANDBOX_PKG_WASM');
const WWW = need('SANDBOX_BENCH_WWW');
const SCALES = need('SANDBOX_BENCH_SCALES').split(',');
const RUNS = Number(need('SANDBOX_BENCH_RUNS'));
const ENVS = need('SANDBOX_BENCH_ENVS').split(',');
const RESULTS = need('SANDBOX_BENCH_RESULTS');
// Set: no engine runs; the tables and the results file are made again from the raw results of
// the last run (target/bench-peers/raw/), e.g. after a change to the report's layout.
const REPORT_ONLY = process.env.SANDBOX_BENCH_REPORT_ONLY === '1';
const RAW = join(WWW, '..', 'raw');
mkdirSync(RAW, { recursive: true });

// ---------------------------------------------------------------------------------------------
// The plan, from our module's presets and the compatibility suite.

const pkg = await import(pathToFileURL(PKG_JS).href);
pkg.initSync({ module: readFileSync(PKG_WASM) });
const cases = JSON.parse(readFileSync(need('SANDBOX_BENCH_CASES'), 'utf8'));
const plan = buildPlan(pkg.presets(), cases);
const planFile = join(WWW, 'plan.json');
writeFileSync(planFile, JSON.stringify(plan));

// ---------------------------------------------------------------------------------------------
// Shipped bytes: what a page downloads to run each engine (wasm + its JavaScript, minified).

const esbuild = require('esbuild');

async function minifiedGzip(entry) {
  const out = await esbuild.build({
    stdin: { contents: `export * from ${JSON.stringify(entry)};`, resolveDir: root },
    bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', logLevel: 'error',
  });
  return out.outputFiles.reduce((sum, f) => sum + gzipSync(f.contents, { level: 9 }).length, 0);
}
const fileGzip = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const duckDist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const sqlDist = dirname(require.resolve('sql.js/dist/sql-wasm-browser.wasm'));
const shippedFiles = {
  ours: { wasm: PKG_WASM, js: PKG_JS },
  sqljs: { wasm: join(sqlDist, 'sql-wasm-browser.wasm'), js: 'sql.js/dist/sql-wasm-browser.js' },
  duckdb: { wasm: join(duckDist, 'duckdb-eh.wasm'), js: '@duckdb/duckdb-wasm',
    worker: join(duckDist, 'duckdb-browser-eh.worker.js') },
};
const shipped = {};
for (const e of ENGINES) {
  const f = shippedFiles[e];
  const js = await minifiedGzip(f.js);
  const gzip = fileGzip(f.wasm) + js + (f.worker ? fileGzip(f.worker) : 0);
  shipped[e] = { gzip, wasmGzip: fileGzip(f.wasm), jsGzip: js + (f.worker ? fileGzip(f.worker) : 0) };
}

// ---------------------------------------------------------------------------------------------
// Under node: one process per engine (its RSS is its own), plus start-only processes.

function nodeChild(args) {
  const out = join(RAW, `child-${process.pid}.json`);
  const child = spawnSync(process.execPath, [join(here, 'node-engine.mjs'), ...args.slice(0, 5), out,
    ...args.slice(5)], { stdio: 'inherit', env: process.env });
  if (child.status !== 0) throw new Error(`node-engine.mjs ${args.join(' ')} failed (${child.status})`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

function runNode(scale) {
  const results = {};
  const starts = {};
  const dataDir = join(WWW, 'data', scale);
  for (const e of ENGINES) {
    console.log(`node, scale ${scale}: ${ENGINE_NAMES[e]}`);
    results[e] = nodeChild([e, scale, String(RUNS), planFile, dataDir]);
    starts[e] = [results[e].steps.start.first];
    for (let i = 1; i < RUNS; i++) {
      starts[e].push(nodeChild([e, scale, '1', planFile, dataDir, 'start-only']).start);
    }
  }
  return { results, starts };
}

// ---------------------------------------------------------------------------------------------
// In Chromium: the bench page, bundled here; a fresh browser per engine. Memory: the resident
// set of the whole browser (every process started under this one), peak over the run minus the
// level once the page has fetched its data.

async function bundlePage() {
  await esbuild.build({
    entryPoints: { page: join(here, 'page.mjs') },
    bundle: true, splitting: true, format: 'esm', minify: true, target: 'es2022',
    outdir: WWW, alias: { 'sandbox-wasm': PKG_JS }, logLevel: 'warning',
    define: { WASM_FILE: JSON.stringify(basename(PKG_WASM)) },
  });
  copyFileSync(join(here, 'page.html'), join(WWW, 'index.html'));
  for (const file of [PKG_WASM, shippedFiles.sqljs.wasm, shippedFiles.duckdb.wasm, shippedFiles.duckdb.worker]) {
    copyFileSync(file, join(WWW, basename(file)));
  }
}

/** Resident bytes of every process descended from this one (the browser's). */
function treeRss() {
  const parent = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      // gone meanwhile
    }
  }
  const mine = new Set([String(process.pid)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  mine.delete(String(process.pid));
  let total = 0;
  for (const pid of mine) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

let chromiumVersion = '';

async function runChromium(scale) {
  const { chromium } = await import('playwright-core');
  const url = `${need('SANDBOX_BENCH_URL')}index.html`;
  const results = {};
  const starts = {};
  for (const e of ENGINES) {
    console.log(`Chromium, scale ${scale}: ${ENGINE_NAMES[e]}`);
    const browser = await chromium.launch({
      executablePath: need('SANDBOX_CHROMIUM'),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--no-first-run'],
    });
    chromiumVersion = browser.version();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await page.evaluate(([id, s]) => window.bench.prepare(id, s), [e, scale]);
      const base = treeRss();
      let peak = base;
      const timer = setInterval(() => {
        peak = Math.max(peak, treeRss());
      }, 50);
      let result;
      try {
        result = await page.evaluate(([id, s, n]) => window.bench.run(id, s, n), [e, scale, RUNS]);
      } finally {
        clearInterval(timer);
      }
      peak = Math.max(peak, treeRss());
      result.memory.end.rssDelta = peak - base;
      for (const [id, step] of Object.entries(result.steps)) {
        const shown = step.error ? `error: ${step.error.split('\n')[0]}` : `${step.median.toFixed(1)} ms`;
        if (!id.startsWith('compat')) console.log(`  [chromium] ${e} ${id}: ${shown}`);
      }
      starts[e] = [result.steps.start.first];
      for (let i = 1; i < RUNS; i++) {
        await page.goto(url);
        starts[e].push(await page.evaluate((id) => window.bench.startOnly(id), e));
      }
      if (errors.length) throw new Error(`errors on the bench page: ${errors.join('; ')}`);
      results[e] = result;
    } finally {
      await browser.close();
    }
  }
  return { results, starts };
}

// ---------------------------------------------------------------------------------------------
// Report

const sections = [];
const failures = [];
for (const scale of SCALES) {
  for (const env of ENVS) {
    const rawFile = join(RAW, `${scale}-${env}.json`);
    let measured;
    if (REPORT_ONLY) {
      measured = JSON.parse(readFileSync(rawFile, 'utf8'));
      chromiumVersion = measured.chromiumVersion
        ?? /\d+(\.\d+)+/.exec(execFileSync(need('SANDBOX_CHROMIUM'), ['--version'], { encoding: 'utf8' }))?.[0] ?? '';
    } else if (env === 'node') {
      measured = runNode(scale);
    } else {
      if (!sections.bundled) {
        await bundlePage();
        sections.bundled = true;
      }
      measured = { ...await runChromium(scale), chromiumVersion };
      writeFileSync(rawFile, JSON.stringify(measured));
    }
    if (env === 'node' && !REPORT_ONLY) writeFileSync(rawFile, JSON.stringify(measured));
    const { results, starts } = measured;
    const check = crossCheck(plan, results);
    // Peers must answer the whole workload; ours may refuse what it cannot do yet.
    for (const item of plan.items.filter((i) => i.group === 'workload')) {
      for (const e of ENGINES.filter((x) => x !== 'ours')) {
        const error = results[e].steps[item.id]?.error;
        if (error) check.disagreements.push({ id: item.id, problem: `${ENGINE_NAMES[e]} failed: ${error}` });
      }
    }
    const memoryLabel = env === 'node'
      ? 'process peak RSS over the baseline (node, own process)'
      : 'browser RSS, peak over the page with its data fetched';
    const text = table({ plan, results, starts, check, shipped, memoryLabel });
    const versions = ENGINES.map((e) => `${ENGINE_NAMES[e]}: ${results[e].version}`).join('; ');
    const title = `## Scale ${scale}, ${env === 'node' ? `node ${process.version}` : `headless Chromium ${chromiumVersion}`}`;
    const goals = targets({ plan, results, starts, scale, shipped, check });
    const section = `${title}\n\n${RUNS} runs; milliseconds. ${versions}.\n\n${text}\n\n`
      + `Against issue 5's targets (ours):\n\n${goals}\n`;
    console.log(`\n${section}`);
    sections.push(section);
    // The workload must agree everywhere; a compat case a peer answers differently is left
    // untimed and listed (see report.mjs, timedCompat).
    for (const d of check.disagreements) {
      if (plan.items.find((i) => i.id === d.id)?.group === 'compat') continue;
      failures.push(`scale ${scale}, ${env}: ${d.id}: ${d.problem}`);
    }
    if (failures.length) break;
  }
  if (failures.length) break;
}

if (failures.length) {
  console.error('\nANSWERS DISAGREE: no results file written.');
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}

const date = new Date().toISOString().slice(0, 10);
const lastRaw = JSON.parse(readFileSync(join(RAW, `${SCALES[0]}-${ENVS[0]}.json`), 'utf8'));
const rerun = `cargo xtask bench-peers${SCALES.length === 1 ? ` --scale ${SCALES[0]}` : ''} --runs ${RUNS}`
  + (ENVS.length === 1 ? ` --env ${ENVS[0]}` : '');
const doc = `# Peer benchmark, ${date}

Our wasm module, sql.js and DuckDB-wasm on the same work and the same data (seed 1; the peers load
\`sandbox export\` CSVs with the exported DDL adapted per engine, ours generates in place), under
node and in headless Chromium. Machine: ${machine()}. The machine is noisy (2 cores): compare within
one table, not across runs.

Re-run: \`${rerun}\` (\`cargo xtask bench-peers --help\` for the options; code in
\`xtask/src/bench_peers.rs\` and \`tests/bench-peers/\`).

How to read it:
- Median of ${RUNS} runs and the first run, in ms; "ours / fastest peer" compares medians.
  Chromium's clock ticks in 0.1 ms here (the page is not cross-origin isolated): 0.00 there means
  less than that, and a ratio against it is shown as ">Nx", taking 0.1 ms.
- **start**: import the engine's JavaScript, compile and instantiate its wasm (DuckDB: also start
  its worker and connect). Measured once per fresh process (node) or page load (Chromium); "first"
  is the cold one.
- **data in**: ours generates and loads the tables from the seed (with its type, key and reference
  checks); sql.js parses the CSV text and inserts in one transaction; DuckDB registers the CSV text
  and COPYs it. The CSV text is already in memory (read or fetched untimed).
- **chat purge**: the DELETE and a COUNT(*); each run starts from the full table, restored untimed.
- A query whose first run takes over 5 s runs once (marked "(1 run)").
- **answers**: a checksum of each engine's answer (rows count and hash), normalized: money to the
  cent, other floats to 1e-9 relative, rows sorted (ORDER BY ties and NULL placement differ:
  PostgreSQL and ours put NULLs first under DESC, SQLite and DuckDB last). \`≈\` means the
  engines agree within those tolerances but not bit for bit (SQLite keeps money as REAL). The run
  fails, naming the query, if any two engines disagree.
- **memory**: wasm linear memory (it never shrinks: the value at the end is the peak; DuckDB's
  lives in its worker in the browser, out of reach; sql.js keeps its database file in
  Emscripten's in-memory file system, on the JavaScript heap, so its linear memory stays small and
  its data shows only in RSS); process RSS under node is the peak over a baseline taken after the
  CSV text was read; in Chromium it is the whole browser's RSS (all its processes).
- **shipped**: gzip -9 of the wasm plus the engine's JavaScript minified (DuckDB: and its worker).
  Ours: ${shipped.ours.wasmGzip.toLocaleString('en')} + ${shipped.ours.jsGzip.toLocaleString('en')} bytes;
  sql.js ${shipped.sqljs.wasmGzip.toLocaleString('en')} + ${shipped.sqljs.jsGzip.toLocaleString('en')};
  DuckDB-wasm ${shipped.duckdb.wasmGzip.toLocaleString('en')} + ${shipped.duckdb.jsGzip.toLocaleString('en')}.

## Which text each engine ran

${variants(plan)}

The compatibility queries run as written in \`tests/compat/*.sql\`, with the same dialect rewrites
for the peers (named in \`tests/bench-peers/workload.mjs\`). Not timed:

${notTimed(plan, lastRaw.results, crossCheck(plan, lastRaw.results))}

${sections.join('\n')}`;
mkdirSync(RESULTS, { recursive: true });
const suffix = SCALES.length === 1 ? `-${SCALES[0]}` : '';
const out = join(RESULTS, `peers-${date}${suffix}.md`);
writeFileSync(out, doc);
console.log(`\nresults: ${relative(root, out)}`);
