// A quick check of the peer benchmark's answer normalization and dialect rewrites
// (tests/bench-peers/): no engine, no data, well under a second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checksum, compareAnswers, mergeKinds, roundCents } from '../bench-peers/normalize.mjs';
import { buildPlan, forDuckdb, forSqlite, suitePlan } from '../bench-peers/workload.mjs';
import { parseCsv } from '../bench-peers/engines.mjs';
import { crossCheck } from '../bench-peers/report.mjs';
import { suiteHeadline, suiteRecords, suiteTable } from '../bench-peers/suite-report.mjs';

const kinds = mergeKinds([['int', 'decimal', 'float'], ['', '', '']]);

test('money agrees to the cent, floats to 1e-9 relative, rows in any order', () => {
  assert.deepEqual(kinds, ['plain', 'money', 'plain']);
  const exact = { rows: [[1, 6986.1, 0.1], [2, null, 1 / 3]] };
  // SQLite's REAL sums, another order, NULLs last
  const sqlite = { rows: [[2, null, 0.3333333333333333], [1, 6986.099999999997, 0.1 + 1e-12]] };
  assert.equal(compareAnswers(exact, sqlite, kinds), null);
  assert.equal(checksum(exact.rows, kinds), checksum(sqlite.rows, kinds));
  assert.equal(roundCents(2.675), '2.68');
  assert.equal(roundCents(-0.005), '-0.01');
});

test('a fan-out inflated sum, a missing row or a changed value disagree', () => {
  const right = { rows: [[1, 10.5, 2], [2, 0, 3]] };
  assert.match(compareAnswers(right, { rows: [[1, 21, 2], [2, 0, 3]] }, kinds), /no match/);
  assert.match(compareAnswers(right, { rows: [[1, 10.5, 2]] }, kinds), /2 rows vs 1 rows/);
  assert.match(compareAnswers(right, { rows: [[1, 10.5, 2], [2, 0, 3.001]] }, kinds), /no match/);
  assert.match(compareAnswers(right, { rows: [[1, 10.5, 2], [2, null, 3]] }, kinds), /no match/);
  assert.notEqual(checksum(right.rows, kinds), checksum([[1, 10.51, 2], [2, 0, 3]], kinds));
  // booleans are 1/0 everywhere (SQLite has none)
  assert.equal(compareAnswers({ rows: [[true, null]] }, { rows: [[1, null]] }, ['plain', 'plain']), null);
});

test('dialect rewrites keep the dataset clock', () => {
  const q = "SELECT SUM(EXTRACT(EPOCH FROM (COALESCE(leave_time, NOW()) - join_time))) FROM t "
    + "WHERE sent_at >= NOW() - INTERVAL '1 week' AND CAST(sent_at AS DATE) = '2026-10-01'";
  assert.equal(forSqlite(q).sql,
    "SELECT SUM((unixepoch(COALESCE(leave_time, '2026-11-01 00:00:00')) - unixepoch(join_time) + 0.0)) FROM t "
    + "WHERE sent_at >= datetime('2026-11-01 00:00:00', '-7 days') AND date(sent_at) = '2026-10-01'");
  assert.equal(forDuckdb('SELECT NOW()').sql, "SELECT TIMESTAMP '2026-11-01 00:00:00'");
  assert.deepEqual(forDuckdb('SELECT 1').rules, []);
});

// Cases as `benches/compat.rs list` writes them.
const cases = [
  { name: 'a: fast', preset: null, pending: null, setup: [], query: "SELECT NOW() - INTERVAL '1 day'" },
  { name: 'a: slow', preset: 'correct-payout', pending: null, setup: [], query: 'SELECT 2' },
  { name: 'a: writes', preset: null, pending: null, setup: ['CREATE TABLE t (a INT)'], query: 'SELECT a FROM t' },
  { name: 'a: pending', preset: null, pending: 'no AGE', setup: [], query: 'SELECT AGE(x)' },
];

test('plans: every suite case for ours and sql.js; the peer plan leaves out presets and setup', () => {
  const plan = suitePlan(cases);
  assert.deepEqual(plan.items.map((i) => [i.id, i.writes]),
    [['a: fast', false], ['a: slow', false], ['a: writes', true], ['a: pending', false]]);
  assert.deepEqual(plan.items[2].texts.ours, ['CREATE TABLE t (a INT)', 'SELECT a FROM t']);
  assert.equal(plan.items[0].texts.sqljs[0], "SELECT datetime('2026-11-01 00:00:00', '-1 days')");
  const presets = ['seed-payout', 'correct-payout', 'average-concurrency', 'chat-out-of-policy', 'chat-purge']
    .map((id) => ({ id, sql: 'SELECT 1' }));
  const peers = buildPlan(presets, cases);
  assert.deepEqual(peers.items.filter((i) => i.group === 'compat').map((i) => i.id),
    ['compat: a: fast', 'compat: a: pending']);
  assert.deepEqual(peers.excludedCompat, [{ name: 'a: writes', reason: 'changes data (setup statements)' }]);
});

test('suite report: targets, ratios only where the answers agree, refusals named', () => {
  const step = (median, rows) => ({ median, first: median + 1, times: [median], answer: { kinds: ['int'], rows } });
  const results = {
    ours: { steps: { 'a: fast': step(20, [[1]]), 'a: slow': step(300, [[2]]), 'a: writes': step(5, [[3]]),
      'a: pending': { error: 'AGE is not supported yet' } } },
    sqljs: { steps: { 'a: fast': step(2, [[1]]), 'a: slow': step(100, [[2]]), 'a: writes': step(1, [[4]]),
      'a: pending': { error: 'no such function: AGE' } } },
  };
  const native = [
    { name: 'a: fast', median_ms: 10, first_ms: 12 }, { name: 'a: slow', median_ms: 150, first_ms: 150 },
    { name: 'a: writes', median_ms: 3, first_ms: 3 }, { name: 'a: pending', error: 'AGE is not supported yet' },
  ];
  const plan = suitePlan(cases);
  const records = suiteRecords({ cases, native, results, check: crossCheck(plan, results) });
  assert.equal(records[0].wasmRatio, 10);
  assert.equal(records[1].nativeRatio, 1.5);
  assert.equal(records[2].answers, 'differ');
  assert.equal(records[2].wasmRatio, undefined);
  const headline = suiteHeadline(records, 'S');
  assert.match(headline, /Natively under 100 ms \(median\): 2 of 3; over: a: slow 150\./);
  assert.match(headline, /a: slow \(preset correct-payout\) natively 150 ms: target under 30 ms missed/);
  assert.match(headline, /Within 5x of sql\.js .*: 1 of 2\. Of the 1 over, 0 take ours under 10 ms .*; the 1 others: a: fast 10x \(20\.0 vs 2\.0 ms\)\./);
  const table = suiteTable(records);
  assert.match(table, /\| a: writes \(writes\) \| 3\.0 \| 3\.0 \| 5\.0 \| 6\.0 \| 1\.0 \| 2\.0 \|  \|  \| differ: /);
  assert.match(table, /\| a: pending \| refused \(pending\) \|  \| refused \(pending\) \|  \| cannot run \|  \|  \|  \| sql\.js: no such function: AGE \|/);
});

test('CSV as the export writes it: quotes, empty NULLs', () => {
  const rows = [];
  parseCsv('a,b,c\n1,"say ""hi"", ok",\n2,,x\n', (r) => rows.push([...r]));
  assert.deepEqual(rows, [['1', 'say "hi", ok', null], ['2', null, 'x']]);
});
