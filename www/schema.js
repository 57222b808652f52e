// The schema browser: every table with its grain, retention, row count and columns. Clicking a
// table or column name inserts it into the editor.
import { el } from './dom.js';
import { countText } from './values.js';

function nameButton(name, onInsert) {
  const button = el('button', 'insert', name);
  button.type = 'button';
  button.title = `Insert ${name}`;
  button.addEventListener('click', () => onInsert(name));
  return button;
}

/** Short tags for a column: PK, FK → table.column, unique, and nullable (most columns are not). */
function keyTags(table, column) {
  const tags = [];
  if (table.primary_key.includes(column.name)) tags.push('PK');
  if (column.references) tags.push(`FK → ${column.references[0]}.${column.references[1]}`);
  if (column.unique) tags.push('unique');
  if (column.nullable) tags.push('nullable');
  return tags;
}

function columnItem(table, column, onInsert) {
  const item = el('li', 'column');
  item.append(nameButton(column.name, onInsert), el('span', 'type', column.type));
  for (const tag of keyTags(table, column)) item.append(el('span', 'key', tag));
  item.title = column.description;
  return item;
}

function tableBlock(table, onInsert) {
  const block = el('details', 'table');
  block.dataset.table = table.name;
  const head = el('summary');
  head.append(nameButton(table.name, onInsert), el('span', 'kind', table.kind), el('span', 'rows'));
  block.append(head, el('p', 'grain', table.grain));
  if (table.retention) {
    const days = countText(table.retention.keep_days);
    block.append(el('p', 'retention', `Kept ${days} days (by ${table.time_column}). ${table.retention.reason}`));
  }
  const columns = el('ul', 'columns');
  for (const column of table.columns) columns.append(columnItem(table, column, onInsert));
  block.append(columns);
  return block;
}

/** Fills `container` with `tables` (the engine's schema()). */
export function showSchema(container, tables, onInsert) {
  container.replaceChildren(...tables.map((table) => tableBlock(table, onInsert)));
}

/** Shows row counts ([{table, rows}] from tableCounts()), or clears them while data regenerates. */
export function showCounts(container, counts) {
  const rows = new Map((counts ?? []).map(({ table, rows }) => [table, rows]));
  for (const block of container.querySelectorAll('details.table')) {
    const n = rows.get(block.dataset.table);
    block.querySelector('.rows').textContent = n === undefined ? '' : `${countText(n)} rows`;
  }
}
