// `cargo xtask test-wasm`: the wasm module must give the native CLI's answers, byte for byte.
// xtask builds both and passes their paths: SANDBOX_PKG_JS, SANDBOX_PKG_WASM, SANDBOX_BIN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPackage, need } from './pkg.mjs';

const SEEDS = [1, 2, 3];
const SCALE = 'S';
const LATER = '2030-01-01 00:00:00';
const OUT_OF_POLICY = "SELECT COUNT(*) AS n FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days'";

// Compared on top of the presets: integers, decimals, floats, booleans, NULLs, a truncated
// result and the command tags of a multi-statement script.
const EXTRA_QUERIES = {
  'count chat': 'SELECT COUNT(*) AS messages FROM chat_messages',
  'gifts by type':
    'SELECT gift_type_id, COUNT(*) AS gifts, SUM(quantity) AS items, SUM(amount_usd) AS usd FROM gifts GROUP BY gift_type_id ORDER BY gift_type_id',
  'partners and floats':
    'SELECT c.handle, c.is_partner, c.revenue_share, AVG(CAST(g.quantity AS FLOAT)) AS avg_quantity FROM creators c JOIN streams s ON s.creator_id = c.creator_id JOIN gifts g ON g.stream_id = s.stream_id GROUP BY c.handle, c.is_partner, c.revenue_share ORDER BY c.handle',
  'open sessions (NULLs)':
    'SELECT session_id, viewer_id, join_time, leave_time, device FROM viewer_sessions WHERE leave_time IS NULL ORDER BY session_id',
  'over the row cap': 'SELECT * FROM viewer_sessions ORDER BY session_id',
  'script':
    "CREATE TABLE notes (id INT, body TEXT); INSERT INTO notes VALUES (1, 'a,\"b\"'), (2, NULL); SELECT * FROM notes ORDER BY id; DROP TABLE notes",
  'windows, CTEs and set operations (floats from our own sort and sums)':
    "WITH events AS (SELECT stream_id, join_time AS t, 1 AS d FROM viewer_sessions UNION ALL SELECT stream_id, COALESCE(leave_time, NOW()), -1 FROM viewer_sessions), running AS (SELECT stream_id, t, SUM(d) OVER (PARTITION BY stream_id ORDER BY t, d ROWS UNBOUNDED PRECEDING) AS viewers FROM events) SELECT stream_id, MAX(viewers) AS peak, PERCENT_RANK() OVER (ORDER BY MAX(viewers)) AS rank FROM running GROUP BY stream_id ORDER BY peak DESC, stream_id LIMIT 50",
  'dates and exact numbers':
    "SELECT DATE_TRUNC('week', started_at) AS week, EXTRACT(ISODOW FROM started_at) AS dow, ROUND(AVG(EXTRACT(EPOCH FROM COALESCE(ended_at, NOW()) - started_at)) / 3600, 3) AS hours FROM streams GROUP BY 1, 2 ORDER BY 1, 2",
};

const pkg = await loadPackage();
const bin = need('SANDBOX_BIN');

function native(args) {
  return execFileSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
}

function nativeQuery(seed, sql, asOf) {
  const clock = asOf ? ['--as-of', asOf] : [];
  const args = ['query', '--seed', String(seed), '--scale', SCALE, '--format', 'json', ...clock, '--', sql];
  return JSON.parse(native(args));
}

/** The native CLI's one-line error for `sql`, without its `error: ` prefix. */
function nativeError(sql) {
  const result = spawnSync(bin, ['query', '--seed', '1', '--', sql], { encoding: 'utf8' });
  assert.equal(result.status, 1, `native exit status for ${sql}`);
  return result.stderr.trim().replace(/^error: /, '');
}

/** The native export of every table, as bytes by file name; and what it said on stderr. */
/** The native CLI's single-file PostgreSQL export of `seed`: its bytes and what it printed. */
function nativeExport(seed) {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-export-'));
  try {
    const out = join(dir, 'data.sql');
    const result = spawnSync(bin, ['export', '--seed', String(seed), '--scale', SCALE, '--format', 'postgres-file', '--out', out], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, `sandbox export failed: ${result.stderr}`);
    return { sql: readFileSync(out), stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withSandbox(seed, clock, use) {
  const sandbox = new pkg.Sandbox(seed, SCALE, clock);
  try {
    return use(sandbox);
  } finally {
    sandbox.free();
  }
}

/** `results` from `run` without the time each statement took, which must be there. */
function untimed(results) {
  return results.map(({ ms, ...result }) => {
    assert.ok(Number.isFinite(ms) && ms >= 0, `statement time ${ms}`);
    return result;
  });
}

/** What `call` threw; fails the test if it returned. */
function thrown(call) {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail(`expected a throw from ${call}`);
}

function assertSameBytes(wasm, native, what) {
  if (wasm.equals(native)) return;
  let i = 0;
  while (i < wasm.length && i < native.length && wasm[i] === native[i]) i++;
  const around = (bytes) => JSON.stringify(bytes.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
  assert.fail(
    `${what}: first difference at byte ${i} (wasm ${wasm.length} bytes, native ${native.length})\n` +
      `  wasm:   ${around(wasm)}\n  native: ${around(native)}`,
  );
}

const tables = pkg.schema().map((table) => table.name);
const queries = [
  ...pkg.presets().map((preset) => [`preset ${preset.id}`, preset.sql]),
  ...Object.entries(EXTRA_QUERIES),
];

test('schema() is the native `sandbox schema --format json`', () => {
  assert.deepEqual(pkg.schema(), JSON.parse(native(['schema', '--format', 'json'])));
  assert.ok(tables.length >= 10, `only ${tables.length} tables`);
});

test('presets() lists named queries with unique ids', () => {
  const presets = pkg.presets();
  assert.ok(presets.length >= 5, `only ${presets.length} presets`);
  assert.equal(new Set(presets.map((p) => p.id)).size, presets.length);
  for (const preset of presets) {
    for (const field of ['id', 'title', 'sql']) assert.ok(preset[field].length > 0, `${preset.id}.${field}`);
  }
});

for (const seed of SEEDS) {
  test(`seed ${seed}: the generated data is the native data, byte for byte`, () => {
    // The export holds every row of every table: the same bytes mean the same data.
    const { sql, stderr } = nativeExport(seed);
    assert.match(stderr, new RegExp(`generator v${pkg.generatorVersion()}\\)`), 'generator version');
    const wasm = pkg.exportPostgres(seed, SCALE);
    for (const table of tables) assert.match(wasm.sql, new RegExp(`^COPY ${table} `, 'm'), `${table} is in the export`);
    assertSameBytes(Buffer.from(wasm.sql, 'utf8'), sql, wasm.name);
  });

  test(`seed ${seed}: query results are the native ones`, async (t) => {
    let rows = 0;
    for (const [name, sql] of queries) {
      await t.test(name, () => {
        const wasm = withSandbox(seed, '', (sandbox) => untimed(sandbox.run(sql)));
        const expected = nativeQuery(seed, sql);
        assert.ok(expected.length > 0);
        assert.deepStrictEqual(wasm, expected);
        rows += expected.reduce((sum, result) => sum + result.rows.length, 0);
      });
    }
    assert.ok(rows > 1000, `only ${rows} rows compared`);
  });
}

test('a syntax error is thrown as an object with kind, line and column', () => {
  withSandbox(1, '', (sandbox) => {
    let error = thrown(() => sandbox.run('SELEC 1'));
    assert.equal(error.kind, 'syntax');
    assert.equal(error.line, 1);
    assert.equal(error.column, 1);
    assert.match(error.message, /SELEC/);
    error = thrown(() => sandbox.run('SELECT 1;\n  SELEC 2'));
    assert.deepEqual([error.kind, error.line, error.column], ['syntax', 2, 3]);
    // The handle still answers after an error.
    assert.deepEqual(sandbox.run('SELECT 1 AS one')[0].rows, [[1]]);
  });
});

test('other errors carry the native CLI message', () => {
  withSandbox(1, '', (sandbox) => {
    for (const [sql, kind] of [
      ['SELECT * FROM nope', 'name'],
      ['SELECT nope FROM gifts', 'name'],
      ['SELECT SUM(amount_usd) WITHIN GROUP (ORDER BY sent_at) FROM gifts', 'unsupported'],
      ["SELECT * FROM gifts WHERE sent_at > 'garbage'", 'invalid_value'],
    ]) {
      const error = thrown(() => sandbox.run(sql));
      assert.equal(error.kind, kind, sql);
      assert.equal(error.message, nativeError(sql), sql);
    }
  });
});

test('a wrong name carries its position and the nearest name', () => {
  withSandbox(1, '', (sandbox) => {
    // One letter off: close enough for the nearest-name suggestion.
    const error = thrown(() => sandbox.run('SELECT 1;\nSELECT g.amout_usd FROM gifts g'));
    assert.deepEqual([error.kind, error.line, error.column], ['name', 2, 8]);
    assert.equal(error.hint, 'Did you mean g.amount_usd?');
  });
});

test('a syntax error carries the native CLI message', () => {
  withSandbox(1, '', (sandbox) => {
    const error = thrown(() => sandbox.run('SELEC 1'));
    assert.equal(error.message, nativeError('SELEC 1'));
    assert.match(error.detail, /SELEC/);
  });
});

test('values JavaScript numbers cannot hold exactly travel as text, as natively', () => {
  const sql = "SELECT 9007199254740993 AS big, -9007199254740993 AS small, 9007199254740991 AS safe, CAST('NaN' AS FLOAT) AS nan";
  withSandbox(1, '', (sandbox) => {
    const result = sandbox.run(sql);
    assert.deepEqual(result[0].rows, [['9007199254740993', '-9007199254740993', 9007199254740991, 'NaN']]);
    assert.deepStrictEqual(untimed(result), nativeQuery(1, sql));
  });
});

test('counts from JavaScript must be whole and not negative', () => {
  withSandbox(1, '', (sandbox) => {
    for (const bad of [-1, 1.5, NaN]) {
      const error = thrown(() => sandbox.setRowCap(bad));
      assert.equal(error.kind, 'usage');
      assert.match(error.message, /row cap/);
    }
    sandbox.setRowCap(3);
    assert.equal(sandbox.run('SELECT * FROM streams')[0].rows.length, 3);
  });
});

test('setClock changes what NOW() returns', () => {
  const now = (sandbox) => sandbox.run('SELECT NOW() AS now')[0].rows[0][0];
  const datasetClock = nativeQuery(1, 'SELECT NOW() AS now')[0].rows[0][0];
  assert.notEqual(datasetClock, LATER);
  withSandbox(1, '', (sandbox) => {
    assert.equal(now(sandbox), datasetClock);
    assert.equal(sandbox.clock(), datasetClock);
    const before = sandbox.run(OUT_OF_POLICY);
    sandbox.setClock(LATER);
    assert.equal(now(sandbox), LATER);
    assert.equal(sandbox.clock(), LATER);
    const after = sandbox.run(OUT_OF_POLICY);
    assert.deepStrictEqual(untimed(after), nativeQuery(1, OUT_OF_POLICY, LATER));
    assert.ok(after[0].rows[0][0] > before[0].rows[0][0], 'more chat is out of policy later');
    const error = thrown(() => sandbox.setClock('tomorrow'));
    assert.equal(error.kind, 'usage');
    assert.match(error.message, /not a timestamp/);
    assert.equal(sandbox.clock(), LATER, 'a refused clock changes nothing');
  });
  withSandbox(1, LATER, (sandbox) => assert.equal(now(sandbox), LATER));
});

test("reset() restores a deleted table's rows and drops user tables", () => {
  const seed = 2;
  const allGifts = 'SELECT * FROM gifts ORDER BY gift_id';
  withSandbox(seed, '', (sandbox) => {
    const counts = sandbox.tableCounts();
    assert.deepEqual(counts.map((c) => c.table), [...tables].sort());
    const gifts = counts.find((c) => c.table === 'gifts').rows;
    assert.ok(gifts > 0);
    assert.equal(sandbox.run('DELETE FROM gifts')[0].command, `DELETE ${gifts}`);
    sandbox.run('CREATE TABLE scratch (id INT)');
    assert.deepEqual(sandbox.run('SELECT COUNT(*) AS n FROM gifts')[0].rows, [[0]]);
    assert.ok(sandbox.tableCounts().some((c) => c.table === 'scratch'));
    sandbox.reset();
    assert.deepEqual(sandbox.tableCounts(), counts);
    assert.deepStrictEqual(untimed(sandbox.run(allGifts)), nativeQuery(seed, allGifts));
  });
});

test('repeated resets do not leak memory', () => {
  withSandbox(1, '', (sandbox) => {
    sandbox.reset();
    const settled = pkg.memory.buffer.byteLength;
    for (let i = 0; i < 4; i++) {
      sandbox.run('DELETE FROM chat_messages');
      sandbox.reset();
    }
    // One more copy of the data would be ~40 MB; linear memory never shrinks, so growth shows.
    const grown = pkg.memory.buffer.byteLength - settled;
    assert.ok(grown <= 8 * 1048576, `linear memory grew ${grown} bytes over 4 resets`);
  });
});

test('scale L, unknown scales, bad seeds and clocks are refused with a message', () => {
  for (const [call, pattern] of [
    [() => new pkg.Sandbox(1, 'L', ''), /scale L runs natively only/],
    [() => pkg.exportPostgres(1, 'L'), /scale L runs natively only/],
    [() => new pkg.Sandbox(1, 'XL', ''), /unknown scale "XL"/],
    [() => new pkg.Sandbox(1.5, 'S', ''), /seed must be a whole number/],
    [() => new pkg.Sandbox(-1, 'S', ''), /seed must be a whole number/],
    [() => new pkg.Sandbox(2 ** 53, 'S', ''), /seed must be a whole number/],
    [() => new pkg.Sandbox(NaN, 'S', ''), /seed must be a whole number/],
    [() => new pkg.Sandbox(1, 'S', 'soon'), /not a timestamp/],
  ]) {
    const error = thrown(call);
    assert.equal(error.kind, 'usage', String(call));
    assert.match(error.message, pattern);
  }
});

test('the largest seed, 2^53-1, crosses the edge exactly', () => {
  const seed = 2 ** 53 - 1;
  const { sql } = nativeExport('9007199254740991');
  assertSameBytes(Buffer.from(pkg.exportPostgres(seed, SCALE).sql, 'utf8'), sql, 'the export');
});
