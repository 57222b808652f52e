// The compatibility suite's timing report (`cargo xtask bench-compat`): per case, ours natively
// and in wasm next to sql.js, the ratios, whether the answers agree, and issue 4's targets. Pure:
// suite.mjs prints and writes what this returns.

import { COMPAT_EXCLUDED } from './workload.mjs';

/** Issue 4's targets at S: every case natively under 100 ms, these presets under 30 ms. */
export const NATIVE_LIMIT_MS = 100;
export const FAST_PRESETS = { 'correct-payout': 30, 'average-concurrency': 30 };
/** No case slower than this many times the same query on SQLite (ours in wasm vs sql.js). */
export const SQLITE_FACTOR = 5;
/** Below this, a ratio measures fixed costs (parsing, our pass, result conversion), not work. */
export const NOTICEABLE_MS = 10;
/** Longest list of names a headline line shows. */
const SHOWN = 15;

const firstLine = (text) => text.split('\n')[0];
const ms = (v) => (v === undefined || v === null ? ''
  : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2));
const times = (s) => (s && !s.error ? { median: s.median ?? s.median_ms, first: s.first ?? s.first_ms } : null);

/**
 * One record per case: `cases` from `benches/compat.rs list`, `native` its timings, `results` the
 * node runs ({ ours, sqljs }: harness.mjs), `check` report.mjs's crossCheck of them.
 */
export function suiteRecords({ cases, native, results, check }) {
  const nativeByName = Object.fromEntries(native.map((n) => [n.name, n]));
  return cases.map((c) => {
    const n = nativeByName[c.name];
    const wasm = results.ours.steps[c.name];
    const sqlite = results.sqljs.steps[c.name];
    const record = {
      name: c.name,
      preset: c.preset,
      writes: c.setup.length > 0,
      native: times(n),
      wasm: times(wasm),
      sqlite: times(sqlite),
      oursError: n?.error ? firstLine(n.error) : wasm?.error ? firstLine(wasm.error) : null,
      pending: c.pending,
      expectsError: c.error,
      sqliteError: sqlite?.error ? firstLine(sqlite.error) : null,
    };
    const agree = check.checks[c.name]?.agree;
    const bothAnswered = check.checks[c.name]?.answered.length === 2;
    record.answers = !bothAnswered ? 'n/a'
      : agree ? 'agree'
      : 'differ';
    record.differs = record.answers === 'differ'
      ? COMPAT_EXCLUDED[c.name] ?? check.disagreements.find((d) => d.id === c.name)?.problem ?? ''
      : null;
    // Ratios only where both did the same work (the answers agree).
    if (record.sqlite && agree && bothAnswered) {
      const base = Math.max(record.sqlite.median, 0.01);
      if (record.wasm) record.wasmRatio = record.wasm.median / base;
      if (record.native) record.nativeRatio = record.native.median / base;
    }
    return record;
  });
}

const ratioText = (r) => (r === undefined ? '' : `${r.toFixed(r >= 10 ? 0 : 1)}x`);
const shown = (items, text) => items.slice(0, SHOWN).map(text).join('; ')
  + (items.length > SHOWN ? `; and ${items.length - SHOWN} more` : '');

/** The markdown table of one scale, in the suite's order. */
export function suiteTable(records) {
  const header = ['case', 'native median', 'first', 'wasm median', 'first', 'sql.js median', 'first',
    'wasm / sql.js', 'native / sql.js', 'answers'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of records) {
    const ours = (t) => (t ? [ms(t.median), ms(t.first)]
      : [r.pending ? 'refused (pending)' : r.expectsError ? 'error, as PostgreSQL' : 'error', '']);
    const sqlite = r.sqlite ? [ms(r.sqlite.median), ms(r.sqlite.first)] : ['cannot run', ''];
    const answers = r.answers === 'differ' ? `differ: ${r.differs}`
      : r.answers === 'agree' ? 'agree'
      : r.sqliteError ? `sql.js: ${r.sqliteError.slice(0, 90).replaceAll('|', '\\|')}`
      : r.oursError ? `ours: ${r.oursError.slice(0, 90).replaceAll('|', '\\|')}` : '';
    const name = r.name + (r.writes ? ' (writes)' : '');
    lines.push(`| ${[name, ...ours(r.native), ...ours(r.wasm), ...sqlite, ratioText(r.wasmRatio),
      ratioText(r.nativeRatio), answers].join(' | ')} |`);
  }
  return lines.join('\n');
}

/** How many cases meet each target, and the worst ten by time and by ratio. */
export function suiteHeadline(records, scale) {
  const timed = records.filter((r) => r.native);
  const slow = timed.filter((r) => r.native.median >= NATIVE_LIMIT_MS)
    .sort((a, b) => b.native.median - a.native.median);
  const compared = records.filter((r) => r.wasmRatio !== undefined);
  const far = compared.filter((r) => r.wasmRatio > SQLITE_FACTOR).sort((a, b) => b.wasmRatio - a.wasmRatio);
  const byTime = [...timed].sort((a, b) => b.native.median - a.native.median).slice(0, 10);
  const byRatio = [...compared].sort((a, b) => b.wasmRatio - a.wasmRatio).slice(0, 10);
  const refused = records.filter((r) => !r.native);
  const asPostgres = refused.filter((r) => r.expectsError);
  const cannot = records.filter((r) => r.native && !r.sqlite);
  const differ = records.filter((r) => r.answers === 'differ');
  const lines = [
    `- ${records.length} cases; ours answers ${timed.length} and refuses ${refused.length} `
      + `(${asPostgres.length} that PostgreSQL refuses too, ${refused.length - asPostgres.length} pending), `
      + `sql.js cannot run ${cannot.length} of those, answers differ on ${differ.length}; `
      + `compared (both answer, answers agree): ${compared.length}.`,
    `- Natively under ${NATIVE_LIMIT_MS} ms (median): ${timed.length - slow.length} of ${timed.length}`
      + `${scale === 'S' ? '' : ' (the target is at S)'}`
      + (slow.length ? `; over: ${shown(slow, (r) => `${r.name} ${ms(r.native.median)}`)}` : '') + '.',
  ];
  for (const [preset, limit] of Object.entries(FAST_PRESETS)) {
    for (const r of records.filter((x) => x.preset === preset && x.native)) {
      lines.push(`- ${r.name} (preset ${preset}) natively ${ms(r.native.median)} ms: target under ${limit} ms `
        + `${scale === 'S' ? (r.native.median < limit ? 'met' : 'missed') : '(at S)'}.`);
    }
  }
  const farAndSlow = far.filter((r) => r.wasm.median >= NOTICEABLE_MS);
  lines.push(`- Within ${SQLITE_FACTOR}x of sql.js (ours in wasm, medians): ${compared.length - far.length} of `
    + `${compared.length}` + (far.length === 0 ? '.' : `. Of the ${far.length} over, `
    + `${far.length - farAndSlow.length} take ours under ${NOTICEABLE_MS} ms (fixed costs against `
    + 'sub-millisecond SQLite answers)'
    + (farAndSlow.length ? `; the ${farAndSlow.length} others: ${shown(farAndSlow, (r) => `${r.name} `
      + `${ratioText(r.wasmRatio)} (${ms(r.wasm.median)} vs ${ms(r.sqlite.median)} ms)`)}` : '') + '.'));
  lines.push('', 'Slowest 10 natively (native, wasm, sql.js medians in ms; wasm / sql.js):', '');
  for (const r of byTime) {
    lines.push(`1. ${r.name}: ${ms(r.native.median)}, ${ms(r.wasm?.median)}, `
      + `${r.sqlite ? ms(r.sqlite.median) : 'sql.js cannot run'}${r.wasmRatio ? `; ${ratioText(r.wasmRatio)}` : ''}`);
  }
  lines.push('', 'Furthest from sql.js (wasm / sql.js; native, wasm, sql.js medians in ms):', '');
  for (const r of byRatio) {
    lines.push(`1. ${r.name}: ${ratioText(r.wasmRatio)}; ${ms(r.native?.median)}, ${ms(r.wasm.median)}, ${ms(r.sqlite.median)}`);
  }
  return lines.join('\n');
}
