// Results as CSV, exactly as the command line writes them: RFC 4180 quoting, `\n` line ends, NULL
// as an empty field and empty text as `""`, so the two stay apart when the file is read back.
import { valueText } from './values.js';

function field(text) {
  if (text === null) return '';
  const quote = text === '' || /[",\n\r]/.test(text) || text.trim() !== text;
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One result (columns and rows from the engine) as CSV text. */
export function toCsv(result) {
  const types = result.columns.map((column) => column.type);
  const lines = [result.columns.map((column) => field(column.name)).join(',')];
  for (const row of result.rows) {
    lines.push(row.map((value, i) => field(valueText(value, types[i]))).join(','));
  }
  return `${lines.join('\n')}\n`;
}
