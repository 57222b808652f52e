// Drawing a chart's data on a canvas: scales, ticks, axes, lines and bars. What to draw comes
// from chart.js; this file only knows pixels.

const FONT = '12px system-ui, sans-serif';
const TICK_TEXT = 16;
const TOP = 10;
const RIGHT = 14;

/** 1, 2 or 5 times a power of ten, the smallest at least `rough`. */
function niceStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough);
}

// Steps of a time axis, in seconds: from seconds to years.
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 2592000, 7776000, 31536000];

const numberText = (n) => n.toLocaleString('en', { maximumFractionDigits: 6 });

/** Ticks (value and text) between `lo` and `hi`, about one per `room` of them. */
function linearTicks(lo, hi, room) {
  const step = niceStep((hi - lo) / Math.max(room, 1));
  const ticks = [];
  for (let at = Math.ceil(lo / step) * step; at <= hi + step * 1e-9; at += step) ticks.push({ at, text: numberText(Number(at.toPrecision(12))) });
  return ticks;
}

function timeTicks(lo, hi, room) {
  const step = TIME_STEPS.find((s) => (hi - lo) / s <= room) ?? niceStep((hi - lo) / room / 31536000) * 31536000;
  // Results are UTC, and so is the axis, whatever the reader's time zone.
  const [from, to] = step < 60 ? [11, 19] : step < 86400 ? [11, 16] : [0, 10];
  const ticks = [];
  for (let at = Math.ceil(lo / step) * step; at <= hi; at += step) ticks.push({ at, text: new Date(at * 1000).toISOString().slice(from, to) });
  return ticks;
}

/** The y scale: a value's height in the plot, and its ticks. Bars stand on zero (or on the log
 * scale's floor); a line spans its own values. */
function yScale(data, kind, top, bottom) {
  const values = data.series.flatMap((s) => s.values).filter((v) => v !== null);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const room = Math.max(2, Math.floor((bottom - top) / 40));
  if (data.log) {
    const low = Math.floor(Math.log10(lo));
    const high = Math.max(Math.ceil(Math.log10(hi)), low + 1);
    const every = Math.ceil((high - low) / room);
    const ticks = [];
    for (let p = low; p <= high; p += every) ticks.push({ at: 10 ** p, text: numberText(10 ** p) });
    const y = (v) => bottom - ((Math.log10(v) - low) / (high - low)) * (bottom - top);
    return { y, ticks, base: bottom };
  }
  if (kind === 'bar') {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const step = niceStep((hi - lo) / room);
  [lo, hi] = [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
  const y = (v) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  return { y, ticks: linearTicks(lo, hi, room), base: y(Math.max(lo, Math.min(0, hi))) };
}

/** Where each point sits along x: bars in equal slots in the result's order, lines on a number or
 * time line. `at(px)` is the index of the point nearest a pixel. */
function xScale(data, kind, left, right) {
  const n = data.x.length;
  if (kind === 'bar' || data.axis === 'label') {
    const slot = (right - left) / n;
    return { slot, x: (i) => left + (i + 0.5) * slot, at: (px) => Math.min(n - 1, Math.max(0, Math.floor((px - left) / slot))) };
  }
  let lo = data.x[0];
  let hi = data.x[n - 1];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const x = (i) => left + ((data.x[i] - lo) / (hi - lo)) * (right - left);
  const at = (px) => {
    const value = lo + ((px - left) / (right - left)) * (hi - lo);
    let best = 0;
    data.x.forEach((v, i) => {
      if (Math.abs(v - value) < Math.abs(data.x[best] - value)) best = i;
    });
    return best;
  };
  const ticks = (data.axis === 'time' ? timeTicks : linearTicks)(lo, hi, Math.max(2, Math.floor((right - left) / 90)));
  return { x, at, ticks: ticks.map((t) => ({ ...t, px: left + ((t.at - lo) / (hi - lo)) * (right - left) })) };
}

/** `text` cut to `room` pixels, with an ellipsis when cut. */
function shortened(ctx, text, room) {
  if (ctx.measureText(text).width <= room) return text;
  let keep = text.length;
  while (keep > 1 && ctx.measureText(`${text.slice(0, keep)}…`).width > room) keep--;
  return `${text.slice(0, keep)}…`;
}

/**
 * Draws `data` (from chartData) as `kind` ('line' or 'bar') on `canvas`, `width` by `height` CSS
 * pixels at the screen's density, in `colours`, with the point `hover` (an index or null) marked.
 * Returns `at(px)`: the index of the point nearest a horizontal position on the canvas.
 */
export function drawPlot(canvas, { data, kind, xLabel, yLabel, colours, width, height, hover }) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = FONT;

  const bottom = height - 2 * TICK_TEXT - 8;
  const ys = yScale(data, kind, TOP, bottom);
  // Room on the left for the y label and the widest tick.
  const left = 28 + Math.max(...ys.ticks.map((t) => ctx.measureText(t.text).width));
  const right = width - RIGHT;
  const xs = xScale(data, kind, left, right);

  // Grid and y ticks.
  ctx.strokeStyle = colours.line;
  ctx.lineWidth = 1;
  ctx.fillStyle = colours.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of ys.ticks) {
    const py = Math.round(ys.y(tick.at)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(left, py);
    ctx.lineTo(right, py);
    ctx.stroke();
    ctx.fillText(tick.text, left - 6, py);
  }
  // X ticks: every label that fits in the slots, or the time/number ticks.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  if (xs.slot) {
    // Every label while they fit; a few long ones shortened to their slot; many, one in so many.
    let labels = data.labels ?? data.xTexts;
    const widest = Math.max(...labels.map((text) => ctx.measureText(text).width));
    if (widest + 10 > xs.slot && labels.length <= 12) labels = labels.map((text) => shortened(ctx, text, xs.slot - 10));
    const every = labels.length <= 12 ? 1 : Math.max(1, Math.ceil((widest + 10) / xs.slot));
    for (let i = 0; i < labels.length; i += every) ctx.fillText(labels[i], xs.x(i), bottom + 5);
  } else {
    for (const tick of xs.ticks) {
      ctx.beginPath();
      ctx.moveTo(Math.round(tick.px) + 0.5, bottom);
      ctx.lineTo(Math.round(tick.px) + 0.5, bottom + 4);
      ctx.stroke();
      ctx.fillText(tick.text, tick.px, bottom + 5);
    }
  }
  ctx.fillText(xLabel, (left + right) / 2, bottom + TICK_TEXT + 6);
  ctx.save();
  ctx.translate(4, (TOP + bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(yLabel, 0, 0);
  ctx.restore();

  if (hover !== null) {
    ctx.fillStyle = colours.line;
    if (xs.slot) ctx.fillRect(xs.x(hover) - xs.slot / 2, TOP, xs.slot, bottom - TOP);
    else ctx.fillRect(Math.round(xs.x(hover)), TOP, 1, bottom - TOP);
  }

  const m = data.series.length;
  data.series.forEach(({ values }, s) => {
    const colour = colours.series[s % colours.series.length];
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    if (kind === 'bar') {
      // Two series stand side by side in each slot; more share it evenly.
      const bar = Math.min(60, xs.slot * (m === 1 ? 0.7 : 0.8 / m));
      values.forEach((v, i) => {
        if (v === null) return;
        const x0 = xs.x(i) - (bar * m) / 2 + s * bar;
        const top = ys.y(v);
        ctx.fillRect(x0, Math.min(top, ys.base), Math.max(bar - (m > 1 ? 1 : 0), 1), Math.max(Math.abs(ys.base - top), 1));
      });
      return;
    }
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    let drawing = false;
    values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) ctx.lineTo(xs.x(i), ys.y(v));
      else ctx.moveTo(xs.x(i), ys.y(v));
      drawing = true;
    });
    ctx.stroke();
    values.forEach((v, i) => {
      if (v === null || (values.length > 60 && i !== hover)) return;
      ctx.beginPath();
      ctx.arc(xs.x(i), ys.y(v), i === hover ? 4 : 2.5, 0, 2 * Math.PI);
      ctx.fill();
    });
  });
  return xs.at;
}
