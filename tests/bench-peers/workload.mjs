// What every engine runs, and in which text. Our engine runs the shipped presets exactly as the
// page offers them (read from the wasm module's `presets()`); the peers run the same text with the
// smallest rewrites their dialects need, each rewrite named in the output:
//   - the dataset clock: `NOW()` is the wall clock in SQLite and DuckDB, so it becomes the literal
//     dataset clock (2026-11-01 00:00:00), as our engine and the compatibility suite read it;
//   - SQLite only: `NOW() - INTERVAL 'n unit'` → `datetime(clock, '-n unit')`,
//     `EXTRACT(EPOCH FROM (a - b))` → `(unixepoch(a) - unixepoch(b) + 0.0)`, `TIMESTAMP '..'` → '..',
//     `CAST(x AS DATE)` → `date(x)`, `EXTRACT(HOUR FROM x)` → `CAST(strftime('%H', x) AS INTEGER)`.
// Pure functions of their inputs: the orchestrator builds the plan once and hands it to node
// processes and to the browser page as JSON.

export const CLOCK = '2026-11-01 00:00:00';
export const ENGINES = ['ours', 'sqljs', 'duckdb'];
export const ENGINE_NAMES = { ours: 'ours (wasm)', sqljs: 'sql.js', duckdb: 'DuckDB-wasm' };

/**
 * Peak concurrent viewers per stream, top 10, by a sweep over join (+1) and leave (-1) events:
 * a running SUM over a window. Leaves sort before joins at the same second (visits are half-open).
 * Open visits end at the clock. Every engine is asked; an engine that refuses it is shown as
 * unsupported with its own message.
 */
export const PEAK_CONCURRENCY = `WITH events AS (
    SELECT stream_id, join_time AS event_time, 1 AS delta FROM viewer_sessions
    UNION ALL
    SELECT stream_id, COALESCE(leave_time, NOW()) AS event_time, -1 AS delta FROM viewer_sessions
),
running AS (
    SELECT stream_id,
        SUM(delta) OVER (PARTITION BY stream_id ORDER BY event_time, delta ROWS UNBOUNDED PRECEDING) AS concurrent
    FROM events
)
SELECT stream_id, MAX(concurrent) AS peak_viewers
FROM running
GROUP BY stream_id
ORDER BY peak_viewers DESC, stream_id
LIMIT 10`;

export const CHAT_LEFT = 'SELECT COUNT(*) AS chat_left FROM chat_messages';

/**
 * Compatibility cases left out of the timed set although all three engines run them, because the
 * engines answer different questions there (not because one is wrong). Filled from a first run.
 */
export const COMPAT_EXCLUDED = {
  'sql_basics: integer division truncates, as in PostgreSQL':
    "DuckDB's `/` divides integers as floats (7 / 2 = 3.5)",
  'sql_basics: integer literals divide as integers':
    "DuckDB's `/` divides integers as floats (7 / 2 = 3.5)",
  'payout: snapshotted amounts against the price in force when sent':
    'SQLite keeps money as REAL: `amount_usd = price_usd * quantity` compares floats (905 of 1,000 match at S)',
  'sql_basics: LIKE and ILIKE': 'SQLite has no ILIKE (and its LIKE ignores case)',
  'concurrency: still watching at the clock': 'the answer is an INTERVAL: SQLite has none',
  'concurrency: live streams and how long they have run': 'the answer is an INTERVAL: SQLite has none',
  'concurrency: longest streams': 'the answer is an INTERVAL: SQLite has none',
};

// ---------------------------------------------------------------------------------------------
// Dialect rewrites: each returns { sql, rules } with the names of the rules that changed the text.

function rewrite(sql, steps) {
  const rules = [];
  for (const [name, fn] of steps) {
    const next = fn(sql);
    if (next !== sql) rules.push(name);
    sql = next;
  }
  return { sql, rules };
}

const nowToClock = (literal) => ['NOW() → clock', (sql) => sql.replace(/\bNOW\(\)/gi, literal)];

export function forDuckdb(sql) {
  return rewrite(sql, [nowToClock(`TIMESTAMP '${CLOCK}'`)]);
}

export function forSqlite(sql) {
  return rewrite(sql, [
    ['NOW() ± INTERVAL → datetime()', sqliteIntervals],
    ['EXTRACT(EPOCH FROM (a - b)) → unixepoch()', sqliteEpoch],
    nowToClock(`'${CLOCK}'`),
    ["TIMESTAMP '..' → '..'", (s) => s.replace(/\bTIMESTAMP\s+'([^']*)'/gi, "'$1'")],
    ['CAST(x AS DATE) → date(x)', (s) => s.replace(/CAST\(([\w.]+) AS DATE\)/gi, 'date($1)')],
    ['EXTRACT(HOUR FROM x) → strftime()', (s) =>
      s.replace(/EXTRACT\(HOUR FROM ([\w.]+)\)/gi, "CAST(strftime('%H', $1) AS INTEGER)")],
  ]);
}

function sqliteIntervals(sql) {
  return sql.replace(/\bNOW\(\)\s*([-+])\s*INTERVAL\s*'(\d+)\s*([a-z]+)'/gi, (_, sign, n, unit) => {
    let count = Number(n);
    let u = unit.toLowerCase().replace(/s$/, '');
    if (u === 'week') {
      count *= 7;
      u = 'day';
    }
    return `datetime('${CLOCK}', '${sign}${count} ${u}s')`;
  });
}

/** `EXTRACT(EPOCH FROM (a - b))` with a and b any balanced expressions. */
function sqliteEpoch(sql) {
  const head = /EXTRACT\(EPOCH FROM \(/i;
  let out = '';
  let rest = sql;
  for (let m = head.exec(rest); m; m = head.exec(rest)) {
    const open = m.index + m[0].length; // just inside the inner "("
    let depth = 1;
    let i = open;
    let minus = -1;
    for (; i < rest.length && depth > 0; i++) {
      if (rest[i] === '(') depth++;
      else if (rest[i] === ')') depth--;
      else if (rest[i] === '-' && depth === 1 && minus < 0) minus = i;
    }
    // i is just past the inner ")"; the EXTRACT's own ")" follows.
    if (minus < 0 || rest[i] !== ')') throw new Error(`cannot rewrite EXTRACT(EPOCH ...) in ${sql}`);
    const a = rest.slice(open, minus).trim();
    const b = rest.slice(minus + 1, i - 1).trim();
    out += rest.slice(0, m.index) + `(unixepoch(${a}) - unixepoch(${b}) + 0.0)`;
    rest = rest.slice(i + 1);
  }
  return out + rest;
}

// ---------------------------------------------------------------------------------------------
// The plan.

/**
 * Every timed query: { id, title, group, texts: {engine: [statements]}, variants: {engine: label},
 * writes }. `presets` is the wasm module's presets(); `cases` the compatibility suite as
 * `benches/compat.rs list` writes it ({ name, preset, pending, setup, query }, read by
 * tests/support/cases.rs).
 */
export function buildPlan(presets, cases) {
  const preset = (id) => {
    const found = presets.find((p) => p.id === id);
    if (!found) throw new Error(`no preset ${id}`);
    return found.sql;
  };
  const items = [];
  // A PostgreSQL text each engine runs in its dialect; `ours` overrides what our engine runs.
  const add = (id, title, group, pgStatements, { ours, oursLabel, pgLabel, writes = false } = {}) => {
    const texts = {};
    const variants = {};
    texts.ours = ours ?? pgStatements;
    variants.ours = oursLabel ?? pgLabel ?? 'verbatim';
    for (const [engine, fn] of [['sqljs', forSqlite], ['duckdb', forDuckdb]]) {
      const rewritten = pgStatements.map(fn);
      texts[engine] = rewritten.map((r) => r.sql);
      const rules = [...new Set(rewritten.flatMap((r) => r.rules))];
      variants[engine] = (pgLabel ?? 'verbatim') + (rules.length ? `; ${rules.join(', ')}` : '');
    }
    items.push({ id, title, group, texts, variants, writes });
  };

  add('seed-payout', 'seed payout, verbatim (fan-out)', 'workload', [preset('seed-payout')],
    { pgLabel: 'preset seed-payout' });
  add('correct-payout', 'correct payout (CTE form)', 'workload', [preset('correct-payout')],
    { pgLabel: 'preset correct-payout (CTE form)' });
  add('average-concurrency', 'average concurrency', 'workload', [preset('average-concurrency')],
    { pgLabel: 'preset average-concurrency' });
  add('peak-concurrency', 'peak concurrency (window sweep)', 'workload', [PEAK_CONCURRENCY],
    { pgLabel: 'WITH + UNION ALL + SUM() OVER' });
  add('chat-out-of-policy', 'chat out of policy (COUNT)', 'workload', [preset('chat-out-of-policy')],
    { pgLabel: 'preset chat-out-of-policy' });

  const excludedCompat = [];
  for (const c of cases) {
    if (c.preset) continue; // the presets are in the workload above
    if (c.setup.length) {
      excludedCompat.push({ name: c.name, reason: 'changes data (setup statements)' });
      continue;
    }
    if (COMPAT_EXCLUDED[c.name]) {
      excludedCompat.push({ name: c.name, reason: COMPAT_EXCLUDED[c.name] });
      continue;
    }
    add(`compat: ${c.name}`, c.name, 'compat', [c.query]);
  }

  // Last, as it deletes: each run starts from the full table (restored untimed).
  add('chat-purge', 'chat purge (DELETE) + COUNT', 'workload', [preset('chat-purge'), CHAT_LEFT],
    { pgLabel: 'preset chat-purge + COUNT(*)', writes: true });
  return { items, excludedCompat };
}

/**
 * Every case of the compatibility suite for ours and sql.js (`cargo xtask bench-compat`), in the
 * suite's order. A case with setup writes: each run starts from the loaded data.
 */
/** See `suitePlan`: how long the runs of a fast case add up to, and at most how many there are. */
export const SETTLE_MS = 25;
export const SETTLE_MAX_RUNS = 50;

export function suitePlan(cases) {
  const items = cases.map((c) => {
    const statements = [...c.setup, c.query];
    const texts = { ours: statements, sqljs: statements.map((s) => forSqlite(s).sql) };
    return { id: c.name, title: c.name, group: 'compat', texts, writes: statements.length > 1 };
  });
  // Most cases answer in well under a millisecond: five runs of those time the JIT warming up
  // (the first runs of new code are compiled lazily, then by a baseline compiler), not the
  // engine. Such a case keeps running until its runs add up to SETTLE_MS, in both engines.
  return { items, excludedCompat: [], settle: { totalMs: SETTLE_MS, maxRuns: SETTLE_MAX_RUNS } };
}
