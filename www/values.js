// One value of a result as text, the way the command line (and PostgreSQL) prints it. Values
// arrive as JSON: numbers, booleans, text, or null for NULL.

/** Column types whose values are numbers: right-aligned in tables, drawn along chart axes. */
export const NUMERIC_TYPES = new Set(['INT', 'INT8', 'BIGINT', 'SMALLINT', 'FLOAT', 'DECIMAL', 'NUMERIC']);

/**
 * A whole number with thousands separators, `12,345`: what `toLocaleString('en')` gives, without
 * it. The first use of the browser's locale formatting loads its locale data, some 15 ms of a
 * fresh page's time before the first answer.
 */
export function countText(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The text of `value` in a column of `type`; null stays null (NULL is not a text). */
export function valueText(value, type) {
  if (value === null) return null;
  if (typeof value === 'number' && type === 'FLOAT') return floatText(value);
  return String(value);
}

/** PostgreSQL's float output: plain from 1e-4 up to 1e15, else `1.5e+20`, and `-0`. */
function floatText(value) {
  if (Object.is(value, -0)) return '-0';
  if (value === 0) return '0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 15) return String(value);
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
