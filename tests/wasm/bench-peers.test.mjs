// A quick check of the peer benchmark's answer normalization and dialect rewrites
// (tests/bench-peers/): no engine, no data, well under a second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checksum, compareAnswers, mergeKinds, roundCents } from '../bench-peers/normalize.mjs';
import { forDuckdb, forSqlite, parseCompat } from '../bench-peers/workload.mjs';
import { parseCsv } from '../bench-peers/engines.mjs';

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
  const [c] = parseCompat('f', '-- case: one\n-- ordered\nSELECT 1;\n');
  assert.deepEqual(c, { name: 'f: one', preset: null, statements: ['SELECT 1'] });
});

test('CSV as the export writes it: quotes, empty NULLs', () => {
  const rows = [];
  parseCsv('a,b,c\n1,"say ""hi"", ok",\n2,,x\n', (r) => rows.push([...r]));
  assert.deepEqual(rows, [['1', 'say "hi", ok', null], ['2', null, 'x']]);
});
