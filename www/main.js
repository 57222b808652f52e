// Wiring: the controls, the editor, the schema browser and the results, talking to the engine in
// a worker.
import { connect } from './rpc.js';
import { createEditor } from './editor.js';
import { showResults, formatMs } from './results.js';
import { showSchema, showCounts } from './schema.js';

const $ = (id) => document.getElementById(id);
const ui = {
  seed: $('seed'),
  scale: $('scale'),
  presets: $('presets'),
  reset: $('reset'),
  run: $('run'),
  cancel: $('cancel'),
  status: $('status'),
  error: $('error'),
  results: $('results'),
  schema: $('schema'),
};

const STARTER = 'SELECT name, is_gaming\nFROM stream_categories\nORDER BY name;\n';
const CANCELLED = { kind: 'cancelled', message: 'Cancelled.' };

const editor = createEditor($('editor'), {
  doc: STARTER,
  onRun: (text, base) => run(text, base),
});

let engine = null;
/** What the current data was made from, so a restart (cancel) brings back the same data. */
let dataset = null;
/** How many requests are under way: a cancel starts regenerating before the run it stopped settles. */
let pending = 0;

function setStatus(text) {
  ui.status.textContent = text;
}

function setBusy(change) {
  pending += change;
  const value = pending > 0;
  ui.run.disabled = value;
  ui.reset.disabled = value;
  ui.seed.disabled = value;
  ui.scale.disabled = value;
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
  ui.error.textContent = error.message;
  ui.error.hidden = false;
  if (error.kind === 'syntax' && error.line) editor.markError(error.line, error.column, error.message, base);
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
  editor.clearError();
}

/** A fresh worker with the engine in it; the old one, if any, is stopped first. */
function startEngine() {
  engine?.terminate(CANCELLED);
  engine = connect(new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }));
}

/** Generates the data for the chosen seed and scale. */
async function openData() {
  const seed = Number(ui.seed.value);
  dataset = { seed, scale: ui.scale.value, clock: '' };
  showCounts(ui.schema, null);
  clearError();
  try {
    const { counts, ms } = await busyWith(`Generating seed ${seed}, scale ${dataset.scale}`, () =>
      engine.call('open', dataset),
    );
    showCounts(ui.schema, counts);
    setStatus(`Ready: seed ${seed}, scale ${dataset.scale} (generated in ${formatMs(ms)})`);
  } catch (error) {
    if (error === CANCELLED) return;
    showError(error);
    setStatus('Not ready');
  }
}

async function run(sql, base = 0) {
  if (pending > 0 || !sql.trim()) return;
  clearError();
  try {
    const { results, ms } = await busyWith('Running', () => engine.call('run', { sql }));
    showResults(ui.results, results, ms);
    setStatus(`Ready: seed ${dataset.seed}, scale ${dataset.scale}`);
  } catch (error) {
    if (error === CANCELLED) return;
    showError(error, base);
    setStatus(`Ready: seed ${dataset.seed}, scale ${dataset.scale}`);
    // After an internal failure the engine may be unusable: start over with the same data.
    if (error.kind === 'internal') await restart();
  }
}

/** Stops whatever runs by replacing the worker, then regenerates the same data. */
async function restart() {
  startEngine();
  ui.seed.value = String(dataset.seed);
  ui.scale.value = dataset.scale;
  await openData();
}

async function resetData() {
  clearError();
  try {
    const { counts } = await busyWith('Resetting the data', () => engine.call('reset'));
    showCounts(ui.schema, counts);
    setStatus(`Ready: seed ${dataset.seed}, scale ${dataset.scale} (fresh data)`);
  } catch (error) {
    if (error !== CANCELLED) showError(error);
  }
}

function fillPresets(presets) {
  for (const preset of presets) {
    const option = new Option(preset.title, preset.id);
    option.dataset.sql = preset.sql;
    ui.presets.append(option);
  }
}

ui.run.addEventListener('click', () => run(editor.text()));
ui.cancel.addEventListener('click', () => {
  if (pending === 0) return;
  restart().then(() => setStatus(`${ui.status.textContent} · query cancelled`));
});
ui.reset.addEventListener('click', resetData);
ui.seed.addEventListener('change', () => ui.seed.checkValidity() && openData());
ui.scale.addEventListener('change', openData);
ui.presets.addEventListener('change', () => {
  const option = ui.presets.selectedOptions[0];
  if (option?.dataset.sql) editor.setText(option.dataset.sql);
  ui.presets.value = '';
  editor.view.focus();
});
$('controls').addEventListener('submit', (event) => event.preventDefault());
// The editor's Mod-Enter is Cmd+Enter on Apple keyboards: say so on the button.
if (/Mac|iPhone|iPad/.test(navigator.platform)) ui.run.querySelector('kbd').textContent = '⌘';

startEngine();
try {
  const { schema, presets } = await engine.call('meta');
  editor.setSchema(schema);
  showSchema(ui.schema, schema, (name) => editor.insert(name));
  fillPresets(presets);
  await openData();
} catch (error) {
  showError(error);
  setStatus('The sandbox could not start');
}
