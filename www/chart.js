// Charts of a result: one column along x, one or more along y, drawn on a canvas in the page's
// colours, with a text summary for those who do not see it and a readout of the point under the
// pointer (or picked with the arrow keys).
import { el } from './dom.js';
import { drawPlot } from './plot.js';
import { countText as count, NUMERIC_TYPES } from './values.js';

const TIME_TYPES = new Set(['TIMESTAMP', 'TIMESTAMPTZ', 'DATE']);
const HEIGHT = 280;

/** Seconds since 1970 of a timestamp or date text as results carry it (UTC, `+00` on a
 * TIMESTAMPTZ), or NaN. */
function seconds(text) {
  const utc = text.replace(/\+00$/, '');
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(utc) ? `${utc}T00:00:00Z` : `${utc.replace(' ', 'T')}Z`;
  return Date.parse(iso) / 1000;
}

const number = (value) => (value === null ? null : Number(value));

/** A problem with drawing `spec` from `result`, said for the user. */
export class ChartProblem extends Error {}

/**
 * What `spec` ({kind, x, y: [names], title}) draws from `result`: the x values (numbers, with
 * `labels` when x is text), one series per y column, and how x reads. Throws ChartProblem when
 * the result cannot give the chart (a column gone, text where numbers belong, no rows).
 */
export function chartData(spec, result) {
  const index = (name) => result.columns.findIndex((column) => column.name === name);
  const missing = [spec.x, ...spec.y].filter((name) => index(name) < 0);
  if (missing.length > 0) {
    const names = missing.map((name) => `“${name}”`).join(' and ');
    throw new ChartProblem(`The chart needs the column${missing.length > 1 ? 's' : ''} ${names}, which this result no longer has.`);
  }
  if (result.rows.length === 0) throw new ChartProblem('This result has no rows to draw.');
  const xAt = index(spec.x);
  const xType = result.columns[xAt].type;
  // Bars of numbers are categories (ids, buckets) in the result's order: on a number line, keys
  // far apart leave gaps and hair-thin bars.
  const axis = TIME_TYPES.has(xType) ? 'time' : NUMERIC_TYPES.has(xType) && spec.kind !== 'bar' ? 'number' : 'label';
  let rows = result.rows.filter((row) => row[xAt] !== null);
  if (axis !== 'label') {
    const read = axis === 'time' ? seconds : Number;
    rows = rows.map((row) => [read(row[xAt]), row]).sort((a, b) => a[0] - b[0]);
  } else {
    rows = rows.map((row, i) => [i, row]);
  }
  const series = spec.y.map((name) => {
    const at = index(name);
    const values = rows.map(([, row]) => number(row[at]));
    if (values.some((value) => value !== null && !Number.isFinite(value))) {
      throw new ChartProblem(`The chart needs numbers in “${name}”, and this result has other values there.`);
    }
    return { name, values };
  });
  if (rows.some(([x]) => !Number.isFinite(x))) {
    throw new ChartProblem(`The chart cannot place every value of “${spec.x}” along its axis.`);
  }
  // Bars a hundred times apart (a fan-out beside the true figure) go on a log scale, where the
  // small ones still show; zero or less has no place on one.
  const values = series.flatMap((s) => s.values).filter((value) => value !== null);
  const log = spec.kind === 'bar' && values.every((value) => value > 0) && Math.max(...values) > 100 * Math.min(...values);
  return {
    axis,
    log,
    x: rows.map(([x]) => x),
    labels: axis === 'label' ? rows.map(([, row]) => String(row[xAt])) : null,
    xTexts: rows.map(([, row]) => String(row[xAt])),
    series,
    cut: result.truncated ? { shown: result.rows.length, total: result.total_rows } : null,
  };
}

const shortNumber = (n) => (Number.isInteger(n) ? count(n) : n.toLocaleString('en', { maximumFractionDigits: 2 }));

/** One sentence per series: its extent and where it peaks, for the caption and screen readers. */
export function describe(spec, data) {
  const points = data.x.length;
  const marks = spec.kind !== 'bar' ? 'points' : data.series.length > 1 ? 'groups of bars' : 'bars';
  const along = `${count(points)} ${marks} of ${spec.x}, from ${data.xTexts[0]} to ${data.xTexts[points - 1]}`;
  const perSeries = data.series.map(({ name, values }) => {
    let high = -1;
    let low = -1;
    values.forEach((value, i) => {
      if (value === null) return;
      if (high < 0 || value > values[high]) high = i;
      if (low < 0 || value < values[low]) low = i;
    });
    if (high < 0) return `${name} has no values.`;
    return `${name} is highest at ${data.xTexts[high]} (${shortNumber(values[high])}) and lowest at ${data.xTexts[low]} (${shortNumber(values[low])}).`;
  });
  const cut = data.cut ? ` Only the first ${count(data.cut.shown)} of ${count(data.cut.total)} rows are drawn.` : '';
  const log = data.log ? ' Heights are on a log scale, so the small bars show beside the tall ones.' : '';
  return `${along}. ${perSeries.join(' ')}${cut}${log}`;
}

// The series' colours, from the page's palette (light or dark).
const SERIES_COLOURS = ['--accent', '--code-string', '--code-number', '--code-type'];

/** The page's colours now (they follow light and dark). */
function colours() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  return { muted: read('--muted'), line: read('--line'), series: SERIES_COLOURS.map(read) };
}

/**
 * Draws `spec` from `result` into `figure` (a <figure> with a <figcaption>), replacing what was
 * there, and keeps it sized and coloured; or says in the caption why it cannot. Returns a handle
 * with `destroy()`.
 */
export function drawChart(figure, spec, result) {
  const caption = el('figcaption');
  const summary = el('span');
  caption.append(el('strong', '', spec.title), ' ', summary);
  const plot = el('div', 'plot');
  figure.replaceChildren(caption, plot);
  figure.classList.remove('unavailable');
  let data;
  try {
    data = chartData(spec, result);
  } catch (error) {
    if (!(error instanceof ChartProblem)) throw error;
    figure.classList.add('unavailable');
    figure.dataset.points = '0';
    summary.textContent = `${error.message} Nothing is drawn.`;
    plot.remove();
    return { destroy() {} };
  }
  const described = describe(spec, data);
  summary.textContent = described;
  figure.dataset.points = String(data.x.length);
  const canvas = el('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${spec.title}: ${described}`);
  canvas.tabIndex = 0;
  canvas.title = 'Point at the chart, or use the arrow keys, to read its values';
  const readout = el('p', 'readout');
  readout.setAttribute('aria-live', 'polite');
  plot.append(canvas);
  if (data.series.length > 1) plot.append(legend(data.series));
  plot.append(readout);

  const yLabel = `${spec.y.length === 1 ? spec.y[0] : ''}${data.log ? ' (log scale)' : ''}`;
  let hover = null;
  let at = () => null;
  const draw = () => {
    at = drawPlot(canvas, { data, kind: spec.kind, xLabel: spec.x, yLabel, colours: colours(), width: Math.max(plot.clientWidth, 200), height: HEIGHT, hover });
  };
  const point = (i) => {
    hover = i;
    readout.textContent = i === null ? '' : `${spec.x} ${data.xTexts[i]}: ${data.series.map(({ name, values }) => `${name} ${values[i] === null ? 'NULL' : shortNumber(values[i])}`).join(', ')}`;
    draw();
  };
  canvas.addEventListener('pointermove', (event) => {
    const i = at(event.offsetX);
    if (i !== hover) point(i);
  });
  canvas.addEventListener('pointerleave', () => point(null));
  canvas.addEventListener('blur', () => point(null));
  canvas.addEventListener('keydown', (event) => {
    const last = data.x.length - 1;
    const next = { ArrowRight: Math.min(last, (hover ?? -1) + 1), ArrowLeft: Math.max(0, (hover ?? last + 1) - 1), Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    point(next);
  });
  draw();
  let drawnWidth = plot.clientWidth;
  const resize = new ResizeObserver(() => {
    if (Math.abs(plot.clientWidth - drawnWidth) > 1) {
      drawnWidth = plot.clientWidth;
      draw();
    }
  });
  resize.observe(plot);
  // Light or dark changed: draw again in the new colours.
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', draw);
  return {
    destroy() {
      resize.disconnect();
      scheme.removeEventListener('change', draw);
    },
  };
}

/** A key to the colours of several series. */
function legend(series) {
  const list = el('ul', 'legend');
  series.forEach(({ name }, i) => {
    const swatch = el('span', 'swatch');
    swatch.style.background = `var(${SERIES_COLOURS[i % SERIES_COLOURS.length]})`;
    const item = el('li');
    item.append(swatch, name);
    list.append(item);
  });
  return list;
}
