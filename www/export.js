// "Take it to PostgreSQL": the current seed and scale as one SQL file (partitioned tables, the
// data inline, keys, indexes and the retention function), built by the engine's worker.
import { saveText } from './download.js';

const megabytes = (text) => `${(text.length / 1e6).toFixed(1)} MB`;

/**
 * Wires `button`. `page` gives what the page owns: `call(method, params)` to the worker,
 * `data()` (the current {seed, scale}), `busyWith(status, work)`, `done(text)` and `fail(error)`.
 */
export function wireExport(button, page) {
  button.addEventListener('click', async () => {
    const { seed, scale } = page.data();
    button.disabled = true;
    try {
      const script = await page.busyWith(`Building the PostgreSQL script for seed ${seed}, scale ${scale}`, () =>
        page.call('exportPostgres', { seed, scale }),
      );
      saveText(script.name, script.sql, 'application/sql;charset=utf-8');
      page.done(` · saved ${script.name} (${megabytes(script.sql)}): createdb livestream && psql -d livestream -f ${script.name}`);
    } catch (error) {
      // Cancel ends the worker: nothing to report.
      if (error?.kind !== 'cancelled') page.fail(error);
    } finally {
      button.disabled = false;
    }
  });
}
