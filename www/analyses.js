// Guided analyses: the menu that lists them, and the panel above the results with the open one's
// explanation, its note on PostgreSQL, its chart and, for retention, a control that moves the
// dataset clock. Every text from an analysis goes in with textContent.
import { drawChart } from './chart.js';
import { el, button } from './dom.js';
import { countText } from './values.js';
import { advanceClock, daysBetween, UNITS } from './clock.js';

/** Analyses whose answer depends on how far the clock has moved: they get the clock control. */
const CLOCK_ANALYSES = new Set(['retention']);
const MAX_STEPS = 1000;

/** Fills the menu `select` with `analyses`, after its placeholder option. */
export function fillMenu(select, analyses) {
  for (const analysis of analyses) select.append(new Option(analysis.title, analysis.id));
}

/**
 * The clock control: how far to move (a number and days, months or years), Advance, and back to
 * the dataset's own clock. `onClock(clock)` moves the clock and runs again.
 */
function clockControl({ onClock }) {
  const box = el('fieldset', 'clock-advance');
  box.dataset.testid = 'clock-advance';
  box.append(el('legend', '', 'Move the dataset clock, NOW(), and run again'));
  const amount = el('input');
  Object.assign(amount, { type: 'number', min: '1', max: String(MAX_STEPS), step: '1', value: '30', required: true });
  amount.dataset.testid = 'clock-amount';
  amount.setAttribute('aria-label', 'How far to move the clock');
  const unit = el('select');
  for (const name of UNITS) unit.append(new Option(name, name));
  unit.dataset.testid = 'clock-unit';
  unit.setAttribute('aria-label', 'Unit');
  const said = el('p', 'hint');
  said.setAttribute('aria-live', 'polite');
  let now = '';
  let own = '';
  const advance = button('Advance and run', 'Move the clock forward and run the query again', () => {
    const steps = Number(amount.value);
    if (!amount.checkValidity() || !Number.isSafeInteger(steps)) {
      said.textContent = `Move the clock by a whole number from 1 to ${MAX_STEPS}.`;
      return;
    }
    const to = advanceClock(now, steps, unit.value);
    if (to) onClock(to);
  });
  const back = button('Back to the dataset’s clock', 'NOW() as the data was made', () => onClock(own));
  advance.dataset.testid = 'clock-forward';
  back.dataset.testid = 'clock-back';
  const row = el('div', 'row');
  row.append(amount, unit, advance, back);
  box.append(row, said);
  return {
    box,
    /** Shows where the clock is: `clock` now, `ownClock` the dataset's own. */
    show(clock, ownClock) {
      now = clock;
      own = ownClock;
      back.disabled = clock === ownClock;
      const days = daysBetween(ownClock, clock);
      const away = days === 0 ? 'the dataset’s own clock' : `${countText(Math.abs(days))} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'after' : 'before'} the dataset’s own clock (${ownClock})`;
      said.textContent = `NOW() is ${clock}: ${away}.`;
    },
    setBusy(busy) {
      advance.disabled = busy;
      back.disabled = busy || now === own;
    },
  };
}

/**
 * The analysis panel in `section`. `onClose()` is called when the user closes it, `onClock(clock)`
 * when the clock control moves the clock.
 */
export function analysisPanel(section, { onClose, onClock }) {
  let open = null;
  let chart = null;
  const title = el('h2', '', '');
  title.id = 'analysis-title';
  section.setAttribute('aria-labelledby', title.id);
  const close = button('Close', 'Close this analysis (the query stays in the editor)', () => {
    hide();
    onClose();
  });
  const head = el('div', 'panel-head');
  head.append(title, close);
  const explanation = el('div', 'explanation');
  explanation.dataset.testid = 'explanation';
  const note = el('p', 'postgres-note');
  note.dataset.testid = 'postgres-note';
  const clock = clockControl({ onClock });
  const text = el('div', 'analysis-text');
  text.append(explanation, note, clock.box);
  const figure = el('figure', 'chart');
  figure.dataset.testid = 'chart';
  const body = el('div', 'analysis-body');
  body.append(text, figure);
  section.replaceChildren(head, body);

  const clearChart = () => {
    chart?.destroy();
    chart = null;
  };

  function hide() {
    clearChart();
    open = null;
    section.hidden = true;
  }

  return {
    /** The open analysis, or null. */
    current: () => open,

    /** Opens `analysis`: its title, explanation, note and clock control; the chart once it runs. */
    show(analysis) {
      clearChart();
      open = analysis;
      title.textContent = analysis.title;
      explanation.replaceChildren(...analysis.explanation.map((paragraph) => el('p', '', paragraph)));
      note.hidden = !analysis.postgres_note;
      note.replaceChildren();
      if (analysis.postgres_note) note.append(el('strong', '', 'On PostgreSQL: '), analysis.postgres_note);
      clock.box.hidden = !CLOCK_ANALYSES.has(analysis.id);
      figure.hidden = !analysis.chart;
      figure.replaceChildren(el('figcaption', '', analysis.chart ? `${analysis.chart.title}: run the query to draw it.` : ''));
      figure.dataset.points = '0';
      section.hidden = false;
    },

    hide,

    /** Draws the open analysis' chart from `results` (one per statement of the script run). */
    showResults(results) {
      const spec = open?.chart;
      if (!spec) return;
      clearChart();
      const result = results[spec.statement];
      if (result) {
        chart = drawChart(figure, spec, result);
      } else {
        const n = results.length;
        figure.replaceChildren(el('figcaption', '', `${spec.title}: the chart draws statement ${spec.statement + 1} of the script, ` +
          `and this run had ${n} statement${n === 1 ? '' : 's'}. Nothing is drawn.`));
        figure.dataset.points = '0';
      }
    },

    /** Where the dataset clock is, for the clock control. */
    showClock: (now, own) => clock.show(now, own),
    setBusy: (busy) => clock.setBusy(busy),
  };
}
