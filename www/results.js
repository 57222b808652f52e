// Query results as accessible tables. Every value goes in with textContent: data is never markup.

const NUMERIC = new Set(['INT', 'INT8', 'BIGINT', 'SMALLINT', 'FLOAT', 'DECIMAL', 'NUMERIC']);

const count = (n) => n.toLocaleString('en');
const plural = (n, word) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One cell: NULL gets a marker of its own so it never looks like empty text. */
function cell(value, numeric) {
  const td = el('td', numeric ? 'num' : '');
  if (value === null) {
    td.append(el('span', 'null', 'NULL'));
    td.dataset.null = '';
  } else {
    td.textContent = String(value);
  }
  return td;
}

function table(result) {
  const tableEl = el('table');
  const numeric = result.columns.map((column) => NUMERIC.has(column.type));
  const head = el('tr');
  result.columns.forEach((column, i) => {
    const th = el('th', numeric[i] ? 'num' : '');
    th.scope = 'col';
    th.append(el('span', 'name', column.name), el('span', 'type', column.type));
    head.append(th);
  });
  const body = el('tbody');
  for (const row of result.rows) {
    const tr = el('tr');
    row.forEach((value, i) => tr.append(cell(value, numeric[i])));
    body.append(tr);
  }
  tableEl.append(el('thead'), body);
  tableEl.tHead.append(head);
  return tableEl;
}

/** What a result says about itself: rows shown, the true total when cut, or the command tag. */
function summary(result) {
  if (result.columns.length === 0) return result.command;
  if (result.truncated) {
    return `Showing the first ${count(result.rows.length)} of ${plural(result.total_rows, 'row')}`;
  }
  return plural(result.total_rows, 'row');
}

/** Replaces `container`'s content with `results` (one per statement) and the time they took. */
export function showResults(container, results, ms) {
  const blocks = results.map((result) => {
    const block = el('section', 'result');
    const line = el('p', 'summary', summary(result));
    if (result.truncated) line.classList.add('truncated');
    block.append(line);
    if (result.columns.length > 0) {
      const scroller = el('div', 'scroller');
      scroller.append(table(result));
      block.append(scroller);
    }
    return block;
  });
  const timing = el('p', 'timing', `${plural(results.length, 'statement')} in ${formatMs(ms)}`);
  container.replaceChildren(timing, ...blocks);
}

export function formatMs(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
