// Query results as accessible tables, a page of rows at a time, with copy and download as CSV.
// Every value goes in with textContent: data is never markup.
import { toCsv } from './csv.js';
import { saveText } from './download.js';
import { valueText, countText as count, NUMERIC_TYPES } from './values.js';
import { el, button } from './dom.js';

/** Rows drawn at once: the engine sends up to 10,000, the table shows a page of them. */
export const PAGE_ROWS = 200;

const plural = (n, word) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** One cell: NULL gets a marker of its own so it never looks like empty text. */
function cell(text, numeric) {
  const td = el('td', numeric ? 'num' : '');
  if (text === null) {
    td.append(el('span', 'null', 'NULL'));
    td.dataset.null = '';
  } else if (text === '') {
    const mark = el('span', 'empty', 'empty');
    mark.title = 'Empty text (not NULL)';
    td.append(mark);
    td.dataset.empty = '';
  } else {
    td.textContent = text;
  }
  return td;
}

function header(result, numeric) {
  const head = el('tr');
  result.columns.forEach((column, i) => {
    const th = el('th', numeric[i] ? 'num' : '');
    th.scope = 'col';
    th.append(el('span', 'name', column.name), el('span', 'type', column.type));
    head.append(th);
  });
  const thead = el('thead');
  thead.append(head);
  return thead;
}

/** Rows `from`..`to` of `result` as a tbody. */
function body(result, numeric, from, to) {
  const types = result.columns.map((column) => column.type);
  const tbody = el('tbody');
  for (const row of result.rows.slice(from, to)) {
    const tr = el('tr');
    row.forEach((value, i) => tr.append(cell(valueText(value, types[i]), numeric[i])));
    tbody.append(tr);
  }
  return tbody;
}

/** A table with Previous/Next when the result has more rows than a page. */
function pagedTable(result) {
  const numeric = result.columns.map((column) => NUMERIC_TYPES.has(column.type));
  const tableEl = el('table');
  const scroller = el('div', 'scroller');
  scroller.append(tableEl);
  const pages = Math.max(1, Math.ceil(result.rows.length / PAGE_ROWS));
  if (pages === 1) {
    tableEl.append(header(result, numeric), body(result, numeric, 0, result.rows.length));
    return [scroller];
  }
  const nav = el('nav', 'pager');
  nav.setAttribute('aria-label', 'Result pages');
  const where = el('span', 'where');
  where.setAttribute('aria-live', 'polite');
  const prev = button('‹ Previous', `Previous ${PAGE_ROWS} rows`, () => show(page - 1));
  const next = button('Next ›', `Next ${PAGE_ROWS} rows`, () => show(page + 1));
  prev.dataset.testid = 'page-prev';
  next.dataset.testid = 'page-next';
  nav.append(prev, where, next);
  let page = 0;
  const show = (to) => {
    page = Math.min(Math.max(to, 0), pages - 1);
    const from = page * PAGE_ROWS;
    const end = Math.min(from + PAGE_ROWS, result.rows.length);
    tableEl.replaceChildren(header(result, numeric), body(result, numeric, from, end));
    where.textContent = `Rows ${count(from + 1)}–${count(end)} of ${count(result.rows.length)}`;
    prev.disabled = page === 0;
    next.disabled = page === pages - 1;
    scroller.scrollTop = 0;
  };
  show(0);
  return [nav, scroller];
}

/**
 * What a result says about itself: its command tag, the rows it returned (shown and the true
 * total when cut) or changed, the rows it read and its time.
 */
function summary(result) {
  let rows = plural(result.total_rows, 'row');
  if (result.truncated) rows = `Showing the first ${count(result.rows.length)} of ${rows}`;
  // A write's tag says how many rows it changed; a query's rows are said in words.
  const parts = [result.command];
  if (result.columns.length > 0) parts.push(rows);
  parts.push(`${plural(result.rows_read, 'row')} read`);
  if (typeof result.ms === 'number') parts.push(formatMs(result.ms));
  return parts.join(' · ');
}

/**
 * Copy and download buttons for a result's rows; `say` reports what happened. `explain` adds how
 * CSV writes NULL (once per run: a script's every result saying it again is noise).
 */
function csvActions(result, index, say, explain) {
  const bar = el('div', 'csv');
  const name = `query-result-${index + 1}.csv`;
  const copy = button('Copy CSV', 'Copy these rows as CSV', async () => {
    try {
      await navigator.clipboard.writeText(toCsv(result));
      say(`Copied ${plural(result.rows.length, 'row')} as CSV`);
    } catch {
      say('The browser did not allow copying: use Download CSV instead');
    }
  });
  copy.dataset.testid = 'copy-csv';
  const download = button('Download CSV', `Save these rows as ${name}`, () =>
    saveText(name, toCsv(result), 'text/csv;charset=utf-8'),
  );
  download.dataset.testid = 'download-csv';
  bar.append(copy, download);
  if (explain) bar.append(el('span', 'hint', 'In CSV, NULL is an empty field and empty text is "".'));
  if (result.truncated) bar.append(el('span', 'hint', `Only the ${count(result.rows.length)} rows shown are saved.`));
  return bar;
}

/**
 * Replaces `container`'s content with `results` (one per statement) and the time they took.
 * `say(text)` reports copy and download outcomes.
 */
export function showResults(container, results, ms, say = () => {}) {
  const first = results.findIndex((result) => result.columns.length > 0);
  const blocks = results.map((result, index) => {
    const block = el('section', 'result');
    block.dataset.statement = String(index);
    const line = el('p', 'summary', results.length > 1 ? `${index + 1}. ${summary(result)}` : summary(result));
    if (result.truncated) line.classList.add('truncated');
    block.append(line);
    if (result.columns.length > 0) {
      block.append(csvActions(result, index, say, index === first), ...pagedTable(result));
    }
    return block;
  });
  const timing = el('p', 'timing', `${plural(results.length, 'statement')} in ${formatMs(ms)}`);
  timing.dataset.ms = String(ms);
  container.replaceChildren(timing, ...blocks);
}

export function formatMs(ms) {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
