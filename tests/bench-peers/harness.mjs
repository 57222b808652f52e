// One engine through the plan: the same loop under node and in the browser page.
// Timings: `runs` runs each; the first is kept apart (it pays for warm-up) and the median is of all.
// A plan with `settle` ({ totalMs, maxRuns }) runs a query again until its runs add up to
// totalMs (at most maxRuns runs); not an item that writes, whose restore after each run costs far
// more than the item.
// A query slower than SLOW_MS on its first run runs once. Each query's answer is taken from its
// first run and must not change in later runs. An item that writes (`writes`) has the loaded
// data restored, untimed, after each run.

import { checksum } from './normalize.mjs';

const now = () => performance.now();

/** A query whose first run takes longer is not repeated: the table shows its one run. */
export const SLOW_MS = 5000;

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { first: times[0], median: sorted[Math.floor(sorted.length / 2)], times };
}

function message(error) {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

/**
 * Runs `engine` (see engines.mjs) through `plan`; `memory()` reports what the platform can see
 * ({ linear, rss, ... } in bytes). `log` gets one line per step.
 */
export async function runEngine(engine, plan, { scale, runs, data, memory, log = () => {} }) {
  const steps = {};
  let t = now();
  await engine.start();
  steps.start = summary([now() - t]);
  log(`${engine.id} start ${steps.start.first.toFixed(1)} ms (${engine.version})`);

  const loads = [];
  for (let i = 0; i < runs; i++) {
    t = now();
    await engine.load(scale, data);
    loads.push(now() - t);
  }
  steps.load = summary(loads);
  log(`${engine.id} data in ${steps.load.median.toFixed(1)} ms`);
  const afterLoad = memory();

  if (plan.items.some((item) => item.writes)) await engine.save();
  for (const item of plan.items) {
    const statements = item.texts[engine.id];
    const times = [];
    let answer = null;
    try {
      const settled = () => item.writes || !plan.settle || times.length >= plan.settle.maxRuns
        || times.reduce((sum, ms) => sum + ms, 0) >= plan.settle.totalMs;
      for (let i = 0; i < runs || !settled(); i++) {
        t = now();
        let got;
        try {
          got = await engine.run(statements);
        } finally {
          times.push(now() - t);
          await engine.idle?.();
          if (item.writes) await engine.restore();
        }
        const sum = checksum(got.rows, got.kinds.map((k) => (k === 'decimal' ? 'money' : 'plain')));
        if (!answer) answer = { ...got, checksum: sum };
        else if (sum !== answer.checksum) {
          throw new Error(`run ${i + 1} answered ${sum}, the first run ${answer.checksum}`);
        }
        if (times[0] > SLOW_MS) break;
      }
      steps[item.id] = { ...summary(times), answer };
      log(`${engine.id} ${item.id}: ${steps[item.id].median.toFixed(1)} ms, ${answer.checksum}`);
    } catch (error) {
      steps[item.id] = { error: message(error) };
      log(`${engine.id} ${item.id}: error: ${message(error)}`);
    }
  }
  return { engine: engine.id, version: engine.version, scale, runs, steps, memory: { afterLoad, end: memory() } };
}

/** Starts only (for the median of start over fresh processes or page loads). */
export async function startOnly(engine) {
  const t = now();
  await engine.start();
  return now() - t;
}
