// Cross-checks the engines' answers and lays out the table: per step, median and first run per
// engine and ours / fastest peer (medians). Pure but for `machine()`: main.mjs prints and
// writes what this returns.

import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { checksum, compareAnswers, mergeKinds } from './normalize.mjs';
import { ENGINES, ENGINE_NAMES } from './workload.mjs';

const PEERS = ENGINES.filter((e) => e !== 'ours');
/** The coarsest clock tick of the environments (Chromium without cross-origin isolation). */
const TICK_MS = 0.1;

/** The machine line of a results file: OS, cores, CPU model, memory and node. */
export function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let os = 'Linux';
  try {
    os = /PRETTY_NAME="([^"]*)"/.exec(readFileSync('/etc/os-release', 'utf8'))[1];
  } catch {
    // keep the generic name
  }
  return `${os}, ${cpus().length} cores (${model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
}

/**
 * For each plan item: which engines answered, whether they agree (compared pairwise against the
 * first engine that answered), each engine's checksum under the merged column kinds.
 */
export function crossCheck(plan, results) {
  const checks = {};
  const disagreements = [];
  for (const item of plan.items) {
    const answered = ENGINES.filter((e) => results[e]?.steps[item.id]?.answer);
    const answers = Object.fromEntries(answered.map((e) => [e, results[e].steps[item.id].answer]));
    const kinds = mergeKinds(answered.map((e) => answers[e].kinds));
    const sums = Object.fromEntries(answered.map((e) => [e, checksum(answers[e].rows, kinds)]));
    const [reference, ...others] = answered;
    const problems = [];
    for (const other of others) {
      const difference = compareAnswers(answers[reference], answers[other], kinds);
      if (difference) problems.push(`${ENGINE_NAMES[other]} vs ${ENGINE_NAMES[reference]}: ${difference}`);
    }
    const errors = Object.fromEntries(ENGINES.filter((e) => results[e]?.steps[item.id]?.error)
      .map((e) => [e, results[e].steps[item.id].error]));
    checks[item.id] = { answered, sums, errors, agree: problems.length === 0 };
    for (const problem of problems) disagreements.push({ id: item.id, problem });
  }
  return { checks, disagreements };
}

/** How a refusal shows in the table: our engine refuses what it cannot do yet by name. */
function status(error) {
  if (/not supported|unsupported/i.test(error)) return 'unsupported';
  if (/stopped/i.test(error)) return 'stopped';
  return 'error';
}

const ms = (v) => (v === undefined || v === null ? ''
  : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2));
const mb = (bytes) => (bytes ? `${(bytes / 1048576).toFixed(0)} MB` : 'n/a');
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

function ratio(ours, peers) {
  const best = Math.min(...peers.filter((v) => typeof v === 'number'));
  if (typeof ours !== 'number' || !Number.isFinite(best)) return '';
  // Chromium's clock ticks in 0.1 ms (the page is not cross-origin isolated).
  if (best === 0 && ours === 0) return 'both < 0.1 ms';
  if (best === 0) return `>${(ours / TICK_MS).toFixed(0)}x`;
  return `${(ours / best).toFixed(2)}x`;
}

/**
 * The markdown table of one scale in one environment. `starts` holds, per engine, the start
 * times of separate processes / page loads (the first is the cold one).
 */
export function table({ plan, results, starts, check, shipped, memoryLabel }) {
  const header = ['step', ...ENGINES.flatMap((e) => [`${ENGINE_NAMES[e]} median`, 'first']),
    'ours / fastest peer', 'answers'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  const median = (e, id) => results[e]?.steps[id]?.median;
  const first = (e, id) => results[e]?.steps[id]?.first;

  const startStats = (e) => {
    const times = starts[e] ?? [results[e].steps.start.first];
    const sorted = [...times].sort((a, b) => a - b);
    return { first: times[0], median: sorted[Math.floor(sorted.length / 2)] };
  };
  const st = Object.fromEntries(ENGINES.map((e) => [e, startStats(e)]));
  row(['start (instantiate)', ...ENGINES.flatMap((e) => [ms(st[e].median), ms(st[e].first)]),
    ratio(st.ours.median, PEERS.map((e) => st[e].median)), '']);
  row(['data in (ours: generate + load; peers: load CSV text)',
    ...ENGINES.flatMap((e) => [ms(median(e, 'load')), ms(first(e, 'load'))]),
    ratio(median('ours', 'load'), PEERS.map((e) => median(e, 'load'))), '']);

  const answersCell = (id) => {
    const c = check.checks[id];
    if (!c.agree) return '**DISAGREE**';
    const distinct = new Set(Object.values(c.sums));
    const sum = Object.values(c.sums)[0] ?? '';
    const missing = ENGINES.filter((e) => !c.answered.includes(e)).map((e) => ENGINE_NAMES[e]);
    const note = missing.length ? ` (${missing.join(', ')}: no answer)` : '';
    return `${distinct.size > 1 ? '≈ ' : ''}\`${sum}\`${note}`;
  };
  const cell = (e, id) => {
    const s = results[e]?.steps[id];
    if (!s) return ['', ''];
    if (s.error) return [status(s.error), ''];
    const once = s.times.length < results[e].runs ? ` (${s.times.length} run)` : '';
    return [ms(s.median) + once, ms(s.first)];
  };
  const itemRow = (item) => row([item.title, ...ENGINES.flatMap((e) => cell(e, item.id)),
    results.ours.steps[item.id]?.error ? status(results.ours.steps[item.id].error) :
      ratio(median('ours', item.id), PEERS.map((e) => median(e, item.id))), answersCell(item.id)]);

  const workload = plan.items.filter((i) => i.group === 'workload');
  // Compat rows: every query both peers answer (ours may refuse or stop); the total only over
  // those all three answer.
  const compatShown = plan.items.filter((i) => timedCompat(i, results, check));
  const compat = compatShown.filter((i) => results.ours.steps[i.id]?.answer);
  for (const item of workload) itemRow(item);

  // Time to first answer: start + data in + the seed payout, each engine's first runs.
  const ttfa = (e) => st[e].first + first(e, 'load') + first(e, 'seed-payout');
  row(['time to first answer (first start + data in + seed payout)',
    ...ENGINES.flatMap((e) => ['', ms(ttfa(e))]), ratio(ttfa('ours'), PEERS.map(ttfa)), '']);

  const total = (e, key) => compat.reduce((sum, i) => sum + results[e].steps[i.id][key], 0);
  row([`**compatibility suite, total of the ${compat.length} queries all three answer**`,
    ...ENGINES.flatMap((e) => [ms(total(e, 'median')), ms(total(e, 'first'))]),
    ratio(total('ours', 'median'), PEERS.map((e) => total(e, 'median'))), '']);
  for (const item of compatShown) itemRow({ ...item, title: `compat: ${item.title}` });

  const mem = (e) => results[e].memory.end;
  row(['wasm linear memory at the end (never shrinks: the peak)',
    ...ENGINES.flatMap((e) => [mem(e).linear ? mb(mem(e).linear) : 'n/a', '']), '', '']);
  row([memoryLabel, ...ENGINES.flatMap((e) => [mb(mem(e).rssDelta), '']), '', '']);
  row(['shipped, gzip -9', ...ENGINES.flatMap((e) => [kb(shipped[e].gzip), '']),
    ratio(shipped.ours.gzip, PEERS.map((e) => shipped[e].gzip)), '']);
  const refused = plan.items.filter((i) => results.ours.steps[i.id]?.error)
    .map((i) => {
      const error = results.ours.steps[i.id].error.split('\n')[0];
      return `- ours, ${i.title}: ${status(error)}: ${error}`;
    });
  return [...lines, ...(refused.length ? ['', ...refused] : [])].join('\n');
}

/**
 * A compat case is timed when both peers answer it and every engine that answers agrees. Where a
 * peer's dialect gives another answer (SQLite's INTERSECT precedence, DuckDB's timestamps), the
 * case times different work: it is listed as not timed. Ours is held to PostgreSQL's answers by
 * the compatibility suite, not here.
 */
function timedCompat(item, results, check) {
  return item.group === 'compat'
    && PEERS.every((e) => results[e]?.steps[item.id]?.answer)
    && check.checks[item.id]?.agree !== false;
}

/** Compat cases that were not timed, and why. */
export function notTimed(plan, results, check) {
  const out = plan.excludedCompat.map((c) => `- ${c.name}: ${c.reason}`);
  for (const item of plan.items.filter((i) => i.group === 'compat')) {
    const failing = PEERS.filter((e) => results[e]?.steps[item.id]?.error);
    if (failing.length) {
      out.push(`- ${item.title}: ${failing.map((e) =>
        `${ENGINE_NAMES[e]} cannot run it (${results[e].steps[item.id].error.split('\n')[0]})`).join('; ')}`);
    } else if (check.checks[item.id]?.agree === false) {
      const why = check.disagreements.find((d) => d.id === item.id)?.problem ?? 'answers differ';
      out.push(`- ${item.title}: the engines answer differently (${why})`);
    }
  }
  return out.join('\n');
}

/** Which text each engine ran for the workload queries. */
export function variants(plan) {
  const lines = ['| query | ' + ENGINES.map((e) => ENGINE_NAMES[e]).join(' | ') + ' |',
    '|---|' + ENGINES.map(() => '---').join('|') + '|'];
  for (const item of plan.items.filter((i) => i.group === 'workload')) {
    lines.push(`| ${item.title} | ${ENGINES.map((e) => item.variants[e]).join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * Issue 5's targets for our wasm module, checked against one table: every query at S under 50 ms
 * and within 2x of the fastest peer, at M under 1 s; time to first answer at S at most half of
 * sql.js's; linear memory under 100 MB at S and 1 GB at M; the wasm under 1 MB gzip.
 */
export function targets({ plan, results, starts, scale, shipped, check }) {
  const queries = plan.items.filter((i) => i.group === 'workload' || timedCompat(i, results, check));
  const ours = (i) => results.ours.steps[i.id];
  const best = (i) => Math.min(...PEERS.map((e) => results[e].steps[i.id]?.median ?? Infinity))
    || TICK_MS;
  const name = (i) => i.title;
  const list = (items, max = 8) => items.slice(0, max).map(name).join('; ')
    + (items.length > max ? `; and ${items.length - max} more` : '');
  const answered = queries.filter((i) => ours(i)?.answer);
  const refused = queries.filter((i) => !ours(i)?.answer);
  const limit = scale === 'S' ? 50 : 1000;
  const slow = answered.filter((i) => ours(i).median >= limit)
    .sort((a, b) => ours(b).median - ours(a).median);
  const lines = [
    `- Queries answered under ${limit} ms (median): ${answered.length - slow.length} of ${queries.length}`
      + (refused.length ? ` (${refused.length} not answered: ${list(refused)})` : '')
      + (slow.length ? `. Slowest: ${slow.slice(0, 8).map((i) => `${name(i)} ${ms(ours(i).median)} ms`).join('; ')}` : ''),
  ];
  if (scale === 'S') {
    const far = answered.filter((i) => ours(i).median > 2 * best(i))
      .sort((a, b) => ours(b).median / best(b) - ours(a).median / best(a));
    lines.push(`- Within 2x of the fastest peer: ${answered.length - far.length} of ${queries.length}`
      + (far.length ? `. Furthest: ${far.slice(0, 8).map((i) => `${name(i)} ${(ours(i).median / best(i)).toFixed(0)}x`).join('; ')}` : ''));
    const firstStart = (e) => (starts[e] ?? [results[e].steps.start.first])[0];
    const ttfa = (e) => firstStart(e) + results[e].steps.load.first + results[e].steps['seed-payout'].first;
    const r = ttfa('ours') / ttfa('sqljs');
    lines.push(`- Time to first answer ${ms(ttfa('ours'))} ms vs sql.js ${ms(ttfa('sqljs'))} ms: ${r.toFixed(2)}x `
      + `(target at most 0.5x: ${r <= 0.5 ? 'met' : 'not met'})`);
  }
  const linear = results.ours.memory.end.linear;
  const cap = scale === 'S' ? 100 : 1024;
  lines.push(`- Linear memory ${mb(linear)} (target under ${cap === 100 ? '100 MB' : '1 GB'}: `
    + `${linear < cap * 1048576 ? 'met' : 'not met'})`);
  lines.push(`- Wasm ${(shipped.ours.wasmGzip / 1e6).toFixed(2)} MB gzip (target under 1 MB: `
    + `${shipped.ours.wasmGzip < 1e6 ? 'met' : 'not met'})`);
  return lines.join('\n');
}
