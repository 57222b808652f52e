// Answers from three engines, made comparable. Each engine's adapter hands over rows of plain JS
// values (null, number, string, boolean) and per column a kind: 'decimal' when the engine knows the
// column is exact money-like DECIMAL, 'int', 'float', 'text', 'bool', or '' when it cannot say
// (SQLite). Then:
//   - booleans become 1/0 (SQLite has no boolean type);
//   - a column any engine calls DECIMAL is money: compared to the cent (values within half a cent
//     agree; SQLite keeps money as REAL, so its sums differ from exact decimals in far digits and
//     a value on a half cent may round either way) and checksummed rounded to cents;
//   - other non-integer numbers agree within 1e-9 relative, checksummed to 9 significant digits;
//   - rows are compared as a sorted multiset: ORDER BY ties and NULL placement differ between
//     engines (PostgreSQL and ours put NULLs first under DESC, SQLite and DuckDB last), and the
//     compatibility suite already checks our order against PostgreSQL.
// No dependencies and no I/O: the same file runs under node and in the browser bench page.

const MONEY_TOLERANCE = 0.005 + 1e-9;
const RELATIVE_TOLERANCE = 1e-9;

/** Merges the column kinds several engines reported for one query: money wins. */
export function mergeKinds(kindLists) {
  const width = Math.max(0, ...kindLists.map((kinds) => kinds.length));
  return Array.from({ length: width }, (_, i) =>
    kindLists.some((kinds) => kinds[i] === 'decimal') ? 'money' : 'plain');
}

/** One cell as a canonical value: null, a finite number, or a string. */
export function cellValue(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return Object.is(value, -0) ? 0 : value;
  }
  return String(value);
}

/** The text a cell contributes to the checksum, with money rounded to cents. */
export function cellText(value, kind) {
  const v = cellValue(value);
  if (v === null) return 'NULL';
  if (typeof v === 'string') return `s:${v}`;
  if (kind === 'money') return `n:${roundCents(v)}`;
  if (Number.isInteger(v)) return `n:${v}`;
  return `n:${Number(v.toPrecision(9))}`;
}

/** Half away from zero, as PostgreSQL rounds numeric; the float error of `v * 100` is removed. */
export function roundCents(v) {
  const cents = Math.round(Math.abs(v) * 100 + 1e-7) * Math.sign(v);
  return (cents / 100).toFixed(2);
}

/** Rows as canonical values, sorted by their checksum text (so order does not matter). */
export function canonicalRows(rows, kinds) {
  return rows
    .map((row) => {
      const values = row.map(cellValue);
      const key = values.map((v, i) => cellText(v, kinds[i])).join('\u001f');
      return { key, values };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A short stable hash of the canonical rows (cyrb53: 53 bits, no crypto API needed). */
export function checksum(rows, kinds) {
  const text = canonicalRows(rows, kinds).map((r) => r.key).join('\u001e');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${rows.length}r:${hash.toString(16).padStart(14, '0')}`;
}

function sameValue(a, b, kind) {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') {
    if (kind === 'money') return Math.abs(a - b) <= MONEY_TOLERANCE;
    if (a === b) return true;
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}

/**
 * Compares two answers (rows + kinds each); returns null when they agree, else a sentence naming
 * the first difference. Rows are sorted by their canonical text first; should a rounding boundary
 * sort two near-equal rows differently, the second pass pairs rows by tolerant search.
 */
export function compareAnswers(a, b, kinds) {
  if (a.rows.length !== b.rows.length) {
    return `${a.rows.length} rows vs ${b.rows.length} rows`;
  }
  const width = (rows) => (rows.length ? rows[0].length : 0);
  if (a.rows.length && width(a.rows) !== width(b.rows)) {
    return `${width(a.rows)} columns vs ${width(b.rows)} columns`;
  }
  const left = canonicalRows(a.rows, kinds);
  const right = canonicalRows(b.rows, kinds);
  const rowsMatch = (x, y) => x.values.every((v, i) => sameValue(v, y.values[i], kinds[i]));
  if (left.every((row, i) => rowsMatch(row, right[i]))) return null;
  // Slow path: match each row of `left` to any unused equal row of `right`.
  const used = new Array(right.length).fill(false);
  for (const row of left) {
    const j = right.findIndex((other, k) => !used[k] && rowsMatch(row, other));
    if (j < 0) {
      const near = right.find((other, k) => !used[k] && other.values[0] === row.values[0]);
      const shown = (r) => JSON.stringify(r.values);
      return `row ${shown(row)} has no match` + (near ? ` (nearest: ${shown(near)})` : '');
    }
    used[j] = true;
  }
  return null;
}
