// The history of queries run (and drafts put aside), newest first, kept in localStorage. Bounded
// by count and by total size so it never fills the browser's storage.
import { load, save } from './storage.js';
import { el } from './dom.js';
import { countText } from './values.js';

const KEY = 'history';
export const MAX_ENTRIES = 100;
/** Characters of SQL kept across all entries (localStorage holds about 5 million). */
const MAX_CHARS = 1_000_000;

/**
 * An entry: {sql, at (ms since 1970), seed, scale, clock, and either rows + ms (a run), error
 * (a run that failed) or draft: true (editor text put aside, e.g. when a link replaced it)}.
 */
export function entries() {
  const list = load(KEY, []);
  return Array.isArray(list) ? list.filter((entry) => typeof entry?.sql === 'string') : [];
}

/** Adds `entry` at the top; the same SQL on the same data replaces its older entry. */
export function remember(entry) {
  const same = (other) =>
    other.sql === entry.sql && other.seed === entry.seed && other.scale === entry.scale &&
    other.clock === entry.clock && !!other.draft === !!entry.draft;
  const list = [entry, ...entries().filter((other) => !same(other))];
  return store(list);
}

export function clear() {
  save(KEY, []);
}

/** Keeps the newest entries that fit; if storage still refuses, drops the oldest half and retries. */
function store(list) {
  let kept = list.slice(0, MAX_ENTRIES);
  let chars = 0;
  kept = kept.filter((entry) => (chars += entry.sql.length) <= MAX_CHARS || entry === list[0]);
  while (!save(KEY, kept) && kept.length > 1) kept = kept.slice(0, Math.ceil(kept.length / 2));
  return kept;
}

const when = (ms) =>
  new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

function describe(entry) {
  const data = `seed ${entry.seed}, ${entry.scale}${entry.clock ? `, clock ${entry.clock}` : ''}`;
  if (entry.draft) return `${when(entry.at)} · draft put aside · ${data}`;
  if (entry.error) return `${when(entry.at)} · failed · ${data}`;
  const rows = `${countText(entry.rows)} row${entry.rows === 1 ? '' : 's'}`;
  return `${when(entry.at)} · ${rows} · ${Math.round(entry.ms)} ms · ${data}`;
}

/** The first line with text, shortened: what the list shows of each query. */
function headline(sql) {
  const line = sql.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('--')) ?? sql.trim();
  return line.length > 90 ? `${line.slice(0, 89)}…` : line || '(empty)';
}

/**
 * The history panel: `toggle` (the History button) opens `panel`, a list where each entry can be
 * opened in the editor (`onOpen(entry)`) or run again (`onRun(entry)`). Arrow keys move between
 * entries, Escape closes and gives focus back to the button.
 */
export function historyPanel(toggle, panel, { onOpen, onRun }) {
  const isOpen = () => !panel.hidden;
  const close = () => {
    if (!isOpen()) return false;
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
    return true;
  };
  const render = () => {
    const list = entries();
    const head = el('div', 'panel-head');
    head.append(el('h2', '', 'History'));
    const clearButton = el('button', '', 'Clear');
    clearButton.type = 'button';
    clearButton.title = 'Forget every entry';
    clearButton.disabled = list.length === 0;
    clearButton.addEventListener('click', () => {
      clear();
      render();
      toggle.focus();
    });
    const closeButton = el('button', '', 'Close');
    closeButton.type = 'button';
    closeButton.addEventListener('click', close);
    head.append(clearButton, closeButton);
    const items = el('ol', 'entries');
    for (const entry of list) {
      const item = el('li', entry.draft ? 'draft' : entry.error ? 'failed' : '');
      const open = el('button', 'open');
      open.type = 'button';
      open.title = 'Put this query in the editor';
      open.append(el('code', 'sql', headline(entry.sql)), el('span', 'meta', describe(entry)));
      open.addEventListener('click', () => {
        close();
        onOpen(entry);
      });
      const again = el('button', 'again', 'Run');
      again.type = 'button';
      again.title = `Run again on seed ${entry.seed}, scale ${entry.scale}`;
      again.addEventListener('click', () => {
        close();
        onRun(entry);
      });
      item.append(open, again);
      items.append(item);
    }
    if (list.length === 0) items.append(el('li', 'none', 'Queries you run are listed here.'));
    panel.replaceChildren(head, items);
  };

  toggle.addEventListener('click', () => {
    if (close()) return;
    render();
    panel.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    (panel.querySelector('button.open') ?? panel.querySelector('button'))?.focus();
  });
  panel.addEventListener('keydown', (event) => {
    const buttons = [...panel.querySelectorAll('button.open')];
    const at = buttons.indexOf(document.activeElement?.closest('li')?.querySelector('button.open'));
    const moveTo = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (moveTo !== undefined && buttons.length > 0) {
      event.preventDefault();
      buttons[Math.min(Math.max(moveTo, 0), buttons.length - 1)].focus();
    }
  });
  return { close, isOpen };
}
