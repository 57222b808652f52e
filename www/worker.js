// The engine's home: the page never runs SQL on its own thread, so it never freezes.
import init, { Sandbox, schema, presets, analyses, generatorVersion, exportPostgres } from 'sandbox-wasm';
import { serve } from './rpc.js';

// WASM_FILE is set at build time; the .wasm sits next to this bundle.
const ready = init({ module_or_path: new URL(WASM_FILE, import.meta.url) });
let sandbox = null;

// The engine loads the tables the seed payout does not read (the chat, most of the rows, among
// them) before the first statement that reads them, so the first answer does not wait for them;
// once the engine has been idle for a moment it loads them anyway, so that statement does not
// wait either. A failed load is reported by that statement.
const IDLE_MS = 250;
let idle = 0;
function loadLateWhenIdle() {
  clearTimeout(idle);
  idle = setTimeout(() => {
    try {
      sandbox?.loadLate();
    } catch {}
  }, IDLE_MS);
}

/**
 * Frees what dropped and rolled-back tables held once the answer is on its way: freeing a big
 * table takes longer than many queries, and the answer need not wait for it.
 */
function releaseAfterAnswer() {
  setTimeout(() => {
    try {
      sandbox?.release();
    } catch {}
  }, 0);
}

/** The open sandbox; after a failed `open` there is none, and the user is told what to do. */
function loaded() {
  if (!sandbox) throw { kind: 'usage', message: 'No data is loaded: choose a seed and scale.' };
  return sandbox;
}

serve({
  async meta() {
    await ready;
    return { schema: schema(), presets: presets(), analyses: analyses(), generator: generatorVersion() };
  },

  /**
   * Generates and loads the data for a seed and scale, with the dataset clock at `clock` ('' for
   * the dataset's own). Answers the clock in use and the dataset's own, so the page can go back;
   * a clock the engine refuses leaves the dataset's own, with the refusal in `clockError`.
   */
  async open({ seed, scale, clock }) {
    await ready;
    sandbox?.free();
    sandbox = null;
    performance.mark('sandbox:open');
    const start = performance.now();
    sandbox = new Sandbox(seed, scale, '');
    const defaultClock = sandbox.clock();
    let clockError = null;
    try {
      if (clock) sandbox.setClock(clock);
    } catch (error) {
      clockError = error;
    }
    const ms = performance.now() - start;
    performance.mark('sandbox:opened');
    loadLateWhenIdle();
    return { counts: sandbox.tableCounts(), ms, clock: sandbox.clock(), defaultClock, clockError };
  },

  /** Moves `NOW()`; the data stays as it is. */
  async setClock({ clock }) {
    loaded().setClock(clock);
    return { clock: sandbox.clock() };
  },

  async run({ sql }) {
    performance.mark('sandbox:run');
    const start = performance.now();
    const results = loaded().run(sql);
    performance.mark('sandbox:ran');
    releaseAfterAnswer();
    loadLateWhenIdle();
    return { results, ms: performance.now() - start };
  },

  /** The freshly generated data for a seed and scale as one PostgreSQL script: {name, sql}. */
  async exportPostgres({ seed, scale }) {
    await ready;
    return exportPostgres(seed, scale);
  },

  async reset() {
    loaded().reset();
    loadLateWhenIdle();
    return { counts: sandbox.tableCounts() };
  },
});
