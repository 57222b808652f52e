// Wiring: the controls, the editor, the schema browser and the results, talking to the engine in
// a worker; the draft, history and share links around them.
import { connect } from './rpc.js';
import { createEditor } from './editor.js';
import { showResults, formatMs } from './results.js';
import { showSchema, showCounts } from './schema.js';
import { load, save } from './storage.js';
import * as queries from './history.js';
import { isShareHash, linkFor, readLink, LinkError } from './share.js';
import { keepOffline } from './offline.js';
import { fillMenu, analysisPanel } from './analyses.js';
import { wireExport } from './export.js';
import { el } from './dom.js';

const $ = (id) => document.getElementById(id);
const ui = {
  controls: $('controls'),
  seed: $('seed'),
  scale: $('scale'),
  clock: $('clock'),
  clockDefault: $('clock-default'),
  presets: $('presets'),
  analyses: $('analyses'),
  analysis: $('analysis'),
  reset: $('reset'),
  run: $('run'),
  cancel: $('cancel'),
  share: $('share'),
  sharePanel: $('share-panel'),
  shareSaid: $('share-said'),
  shareLink: $('share-link'),
  history: $('history'),
  historyPanel: $('history-panel'),
  notice: $('notice'),
  noticeText: $('notice-text'),
  status: $('status'),
  error: $('error'),
  results: $('results'),
  schema: $('schema'),
};

const STARTER = 'SELECT name, is_gaming\nFROM stream_categories\nORDER BY name;\n';
const CANCELLED = { kind: 'cancelled', message: 'Cancelled.' };
const DEFAULT_DATA = { seed: 1, scale: 'S', clock: '' };

const editor = createEditor($('editor'), {
  doc: '',
  onRun: (text, base) => run(text, base),
  onChange: (text) => save('draft', text),
});

let engine = null;
/** The engine's data version, from the module; share links carry it. */
let generator = null;
/** What the current data was made from ({seed, scale, clock}), so a restart brings it back. */
let dataset = null;
/** The dataset's own clock, which "Default" goes back to. */
let defaultClock = '';
/** The guided analyses, from the module. */
let analyses = [];
/** How many requests are under way: a cancel starts regenerating before the run it stopped settles. */
let pending = 0;
let answered = false;

function setStatus(text) {
  ui.status.textContent = text;
}

function readyStatus(extra = '') {
  const clock = dataset.clock && dataset.clock !== defaultClock ? `, clock ${dataset.clock}` : '';
  return `Ready: seed ${dataset.seed}, scale ${dataset.scale}${clock}${extra}`;
}

function setBusy(change) {
  pending += change;
  const value = pending > 0;
  for (const control of [ui.run, ui.reset, ui.seed, ui.scale, ui.clock, ui.clockDefault, ui.share, ui.analyses]) {
    control.disabled = value;
  }
  analysisUi.setBusy(value);
  ui.cancel.disabled = !value;
}

/** Shows `status`, with the time since it started, until `work` settles. */
async function busyWith(status, work) {
  setBusy(+1);
  const start = performance.now();
  setStatus(`${status}…`);
  const ticker = setInterval(() => setStatus(`${status}… ${formatMs(performance.now() - start)}`), 100);
  try {
    return await work();
  } finally {
    clearInterval(ticker);
    setBusy(-1);
  }
}

function showError(error, base) {
  // A suggestion ("Did you mean s.started_at?") reads best on its own line under what is wrong.
  const { message, hint } = error;
  if (hint && message.endsWith(hint)) {
    const line = el('span', 'error-hint', hint);
    line.dataset.testid = 'error-hint';
    ui.error.replaceChildren(message.slice(0, -hint.length).replace(/[.\s]+$/, ''), '\n', line);
  } else {
    ui.error.textContent = message;
  }
  ui.error.hidden = false;
  if (error.line) editor.markError(error.line, error.column, error.message, base);
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
  editor.clearError();
}

/** A message about the page itself (a link that could not be used, an update), until dismissed. */
function notice(text) {
  ui.noticeText.textContent = text;
  ui.notice.hidden = false;
}

function dismissNotice() {
  ui.notice.hidden = true;
}

/**
 * A fresh worker with the engine in it; the old one, if any, is stopped first. The first one is
 * the worker index.html started before this script loaded, if it did.
 */
function startEngine() {
  engine?.terminate(CANCELLED);
  const early = window.sandboxWorker;
  window.sandboxWorker = null;
  if (early && !window.sandboxWorkerFailed) {
    engine = connect(early);
  } else {
    early?.terminate();
    engine = connect(new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }));
  }
}

function showData({ seed, scale, clock }) {
  ui.seed.value = String(seed);
  ui.scale.value = scale;
  ui.clock.value = clock;
}

/** Generates the data for `settings` ({seed, scale, clock}); true when it is ready. */
async function openData(settings) {
  dataset = { ...settings };
  showData(dataset);
  showCounts(ui.schema, null);
  clearError();
  try {
    const opened = await busyWith(`Generating seed ${dataset.seed}, scale ${dataset.scale}`, () =>
      engine.call('open', dataset),
    );
    defaultClock = opened.defaultClock;
    dataset.clock = opened.clock;
    ui.clock.value = opened.clock;
    analysisUi.showClock(dataset.clock, defaultClock);
    save('data', dataset);
    showCounts(ui.schema, opened.counts);
    if (opened.clockError) showError(opened.clockError);
    setStatus(readyStatus(` (generated in ${formatMs(opened.ms)})`));
    performance.mark('sandbox:data-ready');
    return true;
  } catch (error) {
    if (error === CANCELLED) return false;
    showError(error);
    setStatus('Not ready');
    return false;
  }
}

/** The seed, scale and clock in the controls, or null (and a message) when one is not valid. */
function chosenData() {
  for (const input of [ui.seed, ui.clock]) {
    if (!input.checkValidity()) {
      showError({ message: `${input === ui.seed ? 'The seed' : 'The dataset clock'} is not valid: ${input.validationMessage}` });
      return null;
    }
  }
  return { seed: Number(ui.seed.value), scale: ui.scale.value, clock: ui.clock.value.trim() };
}

/** Applies the data controls: new data for another seed or scale, or only a moved clock. */
async function applyData() {
  const chosen = chosenData();
  if (!chosen || pending > 0) return;
  if (chosen.seed !== dataset.seed || chosen.scale !== dataset.scale) {
    await openData(chosen);
    return;
  }
  const clock = chosen.clock || defaultClock;
  if (clock === dataset.clock) {
    ui.clock.value = clock;
    return;
  }
  clearError();
  try {
    const moved = await busyWith(`Moving the dataset clock to ${clock}`, () => engine.call('setClock', { clock }));
    dataset.clock = moved.clock;
    analysisUi.showClock(dataset.clock, defaultClock);
    save('data', dataset);
    setStatus(readyStatus(` (NOW() is ${moved.clock})`));
  } catch (error) {
    if (error === CANCELLED) return;
    showError(error);
    setStatus(readyStatus());
  }
  ui.clock.value = dataset.clock;
}

async function run(sql, base = 0) {
  if (pending > 0 || !sql.trim()) return false;
  clearError();
  const data = { ...dataset };
  try {
    const { results, ms } = await busyWith('Running', () => engine.call('run', { sql }));
    showResults(ui.results, results, ms, setStatus);
    analysisUi.showResults(results);
    setStatus(readyStatus());
    // The rows of the last statement that returns rows (a script may end with DROP TABLE).
    const last = results.findLast((result) => result.columns.length > 0) ?? results[results.length - 1];
    queries.remember({ sql, at: Date.now(), ...data, rows: last?.total_rows ?? 0, ms });
    if (!answered) {
      answered = true;
      // For the page benchmark: the first answer is in the document (drawn at the next frame).
      performance.mark('sandbox:first-answer');
    }
    return true;
  } catch (error) {
    if (error === CANCELLED) return false;
    showError(error, base);
    setStatus(readyStatus());
    queries.remember({ sql, at: Date.now(), ...data, error: error.message });
    // After an internal failure the engine may be unusable: start over with the same data.
    if (error.kind === 'internal') await restart();
    return false;
  }
}

/** Stops whatever runs by replacing the worker, then regenerates the same data. */
async function restart() {
  startEngine();
  await openData(dataset);
}

async function cancel() {
  if (pending === 0) return;
  await restart();
  setStatus(`${ui.status.textContent} · query cancelled`);
}

async function resetData() {
  clearError();
  try {
    const { counts } = await busyWith('Resetting the data', () => engine.call('reset'));
    showCounts(ui.schema, counts);
    setStatus(readyStatus(' (fresh data)'));
  } catch (error) {
    if (error !== CANCELLED) showError(error);
  }
}

/**
 * Replaces the editor's text. What it held is kept in the history first (unless it is already
 * there, empty, or the starter), so replacing never loses a draft.
 */
function replaceEditorText(text) {
  putAside(editor.text());
  editor.setText(text);
}

/** The data settings kept from the last visit, if they are usable. */
function savedData() {
  const saved = load('data', null);
  const valid = saved && Number.isSafeInteger(saved.seed) && saved.seed >= 0 && ['S', 'M'].includes(saved.scale);
  return valid ? { seed: saved.seed, scale: saved.scale, clock: typeof saved.clock === 'string' ? saved.clock : '' } : DEFAULT_DATA;
}

function putAside(draft) {
  const known = queries.entries().some((entry) => entry.sql === draft);
  if (typeof draft === 'string' && draft.trim() && draft !== STARTER && !known) {
    queries.remember({ sql: draft, at: Date.now(), ...(dataset ?? savedData()), draft: true });
  }
}

// Analyses -----------------------------------------------------------------------------------

const analysisUi = analysisPanel(ui.analysis, {
  onClose: () => {
    save('analysis', null);
    editor.focus();
  },
  onClock: moveClock,
});

/** Shows `analysis` beside the editor's query; remembered so a reload shows it again. */
function showAnalysis(analysis) {
  analysisUi.show(analysis);
  save('analysis', analysis.id);
}

/** Something other than the open analysis was chosen: its explanation and chart go. */
function closeAnalysis() {
  analysisUi.hide();
  save('analysis', null);
}

/** Opens `analysis`: its SQL in the editor (the draft kept in the history), its explanation, its run. */
async function openAnalysis(analysis) {
  replaceEditorText(analysis.sql);
  showAnalysis(analysis);
  await run(analysis.sql);
}

/** Moves the dataset clock to `clock` and runs the editor's query again on it. */
async function moveClock(clock) {
  if (pending > 0) return;
  ui.clock.value = clock;
  await applyData();
  if (dataset.clock === clock) await run(editor.text());
}

// Share links --------------------------------------------------------------------------------

function closeShare() {
  if (ui.sharePanel.hidden) return false;
  ui.sharePanel.hidden = true;
  ui.share.setAttribute('aria-expanded', 'false');
  ui.share.focus();
  return true;
}

async function share() {
  const analysis = analysisUi.current()?.id;
  const link = await linkFor(location.href, { sql: editor.text(), ...dataset, generator, analysis });
  window.history.replaceState(null, '', link);
  let copied = false;
  try {
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    // No clipboard (permission, insecure page): the link is shown selected instead.
  }
  ui.shareSaid.textContent = copied
    ? 'Link copied. It opens this query on the same data and runs it:'
    : 'Copy this link (Ctrl+C). It opens this query on the same data and runs it:';
  ui.shareLink.value = link;
  ui.sharePanel.hidden = false;
  ui.share.setAttribute('aria-expanded', 'true');
  ui.shareLink.focus();
  ui.shareLink.select();
  setStatus(readyStatus(copied ? ' · link copied' : ''));
}

/**
 * Opens the share link in `hash`: its query in the editor, its data, and its answer. At start,
 * `described` is the engine's description on its way: the data is asked for before it comes.
 */
async function openLink(hash, described = Promise.resolve()) {
  // The link is used once; reloading afterwards shows the draft as it then is.
  window.history.replaceState(null, '', location.pathname + location.search);
  const draft = load('draft', '');
  let state;
  try {
    state = await readLink(hash);
  } catch (error) {
    if (!(error instanceof LinkError)) throw error;
    putAside(draft);
    editor.setText('');
    const kept = typeof draft === 'string' && draft.trim() ? ' Your earlier draft is in History.' : '';
    notice(`${error.message} Nothing from it was used, and the editor is empty.${kept}`);
    await Promise.all([openData(savedData()), described]);
    return;
  }
  const opened = openData({ seed: state.seed, scale: state.scale, clock: state.clock });
  await described;
  if (draft !== state.sql) putAside(draft);
  editor.setText(state.sql);
  const analysis = analyses.find((known) => known.id === state.analysis);
  const unknown = state.analysis !== null && !analysis;
  if (analysis) showAnalysis(analysis);
  else closeAnalysis();
  if (unknown) {
    const id = state.analysis.length > 60 ? `${state.analysis.slice(0, 59)}…` : state.analysis;
    notice(
      `This link opens an analysis this page does not have (“${id}”). Its query is in the editor and ` +
        'runs as any other query, without an explanation or chart.',
    );
  }
  if (state.generator !== generator) {
    notice(
      `This link was made with version ${state.generator} of the sample data; this page makes version ` +
        `${generator}, where the same seed gives different rows. So that you do not take them for the ` +
        'author’s numbers, the query has not been run: it is in the editor, on the same seed and scale. ' +
        'Run it to see this version’s answer.',
    );
    await opened;
    return;
  }
  if (!unknown) dismissNotice();
  if (await opened) await run(state.sql);
}

/** Opens the draft and the data of the last visit; `described` as for openLink. */
async function openDraft(described) {
  const draft = load('draft', null);
  editor.setText(typeof draft === 'string' ? draft : STARTER);
  const opened = openData(savedData());
  await described;
  // The analysis open at the last visit comes back beside its draft.
  const open = analyses.find((known) => known.id === load('analysis', null));
  if (open) analysisUi.show(open);
  await opened;
}

// Wiring -------------------------------------------------------------------------------------

const historyUi = queries.historyPanel(ui.history, ui.historyPanel, {
  onOpen: (entry) => {
    closeAnalysis();
    replaceEditorText(entry.sql);
    editor.focus();
  },
  onRun: async (entry) => {
    closeAnalysis();
    replaceEditorText(entry.sql);
    const same = entry.seed === dataset.seed && entry.scale === dataset.scale;
    if (!same && !(await openData({ seed: entry.seed, scale: entry.scale, clock: entry.clock }))) return;
    if (same && entry.clock && entry.clock !== dataset.clock) {
      ui.clock.value = entry.clock;
      await applyData();
    }
    await run(entry.sql);
  },
});

ui.run.addEventListener('click', () => run(editor.text()));
ui.cancel.addEventListener('click', cancel);
ui.reset.addEventListener('click', resetData);
ui.share.addEventListener('click', share);
$('share-close').addEventListener('click', closeShare);
$('notice-close').addEventListener('click', () => {
  dismissNotice();
  editor.focus();
});
ui.seed.addEventListener('change', applyData);
ui.scale.addEventListener('change', applyData);
ui.clock.addEventListener('change', applyData);
ui.clockDefault.addEventListener('click', () => {
  ui.clock.value = defaultClock;
  applyData();
});
ui.presets.addEventListener('change', () => {
  const option = ui.presets.selectedOptions[0];
  if (option?.dataset.sql) {
    closeAnalysis();
    replaceEditorText(option.dataset.sql);
  }
  ui.presets.value = '';
  editor.focus();
});
ui.analyses.addEventListener('change', () => {
  const analysis = analyses.find((known) => known.id === ui.analyses.value);
  ui.analyses.value = '';
  if (analysis) openAnalysis(analysis);
});
wireExport($('export-postgres'), {
  call: (method, params) => engine.call(method, params),
  data: () => dataset,
  busyWith,
  done: (text) => setStatus(readyStatus(text)),
  fail: showError,
});
ui.controls.addEventListener('submit', (event) => event.preventDefault());
// Keys that work anywhere on the page: the editor handles its own Mod-Enter first.
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented) return;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run(editor.text());
  } else if (event.key === 'Escape') {
    if (closeShare() || historyUi.close()) return;
    if (pending > 0) cancel();
  }
});
window.addEventListener('hashchange', () => {
  if (isShareHash(location.hash) && pending === 0 && generator !== null) openLink(location.hash);
});
// The editor's Mod-Enter is Cmd+Enter on Apple keyboards: say so on the button.
if (/Mac|iPhone|iPad/.test(navigator.platform)) ui.run.querySelector('kbd').textContent = '⌘';

function fillPresets(presets) {
  for (const preset of presets) {
    const option = new Option(preset.title, preset.id);
    option.dataset.sql = preset.sql;
    ui.presets.append(option);
  }
}

/** What the engine says about itself: the schema, the menus' entries, the data's version. */
function describe(meta) {
  performance.mark('sandbox:engine-ready');
  generator = meta.generator;
  editor.setSchema(meta.schema);
  showSchema(ui.schema, meta.schema, (name) => editor.insert(name));
  fillPresets(meta.presets);
  analyses = meta.analyses;
  fillMenu(ui.analyses, analyses);
}

startEngine();
// The engine generates the data while the page takes in its description: the worker answers
// requests in order, so the data is asked for at once, without waiting for the description.
const described = engine.call('meta').then(describe);
described.catch(() => {}); // reported where it is awaited
try {
  if (isShareHash(location.hash)) await openLink(location.hash, described);
  else await openDraft(described);
  keepOffline(notice);
} catch (error) {
  showError(error);
  setStatus('The sandbox could not start');
} finally {
  // The code editor once the first answer has been drawn (see editor.js).
  requestAnimationFrame(() => setTimeout(() => editor.upgrade()));
}
