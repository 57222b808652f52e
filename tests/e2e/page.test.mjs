// `cargo xtask test-e2e`: the page in headless Chromium, served by xtask's server, against the
// native CLI. xtask passes SANDBOX_URL (the running server), SANDBOX_BIN, SANDBOX_CHROMIUM and
// SANDBOX_SCREENSHOT (where to save the page's picture).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through \`cargo xtask test-e2e\``);
  return value;
}

const URL = need('SANDBOX_URL');
const BIN = need('SANDBOX_BIN');
const SCREENSHOT = need('SANDBOX_SCREENSHOT');
const READY_MS = 60_000;
const $ = (id) => `[data-testid="${id}"]`;

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: need('SANDBOX_CHROMIUM'),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
});
after(() => browser?.close());

/** A fresh page at the sandbox, loaded and ready; script errors on it fail the test. */
async function openPage(t, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  t.after(() => assert.deepEqual(errors, [], 'errors on the page'));
  await page.goto(URL);
  await waitReady(page);
  return page;
}

async function waitReady(page) {
  await page.waitForFunction(
    (status) => document.querySelector(status).textContent.startsWith('Ready'),
    $('status'),
    { timeout: READY_MS },
  );
}

/** Replaces the editor's text the way a user would: select all, then type (paste) new text. */
async function setSql(page, sql) {
  await page.click(`${$('editor')} .cm-content`);
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(sql);
}

/** Runs `sql` with the Run button and waits for results or an error. */
async function runSql(page, sql) {
  if (sql !== undefined) await setSql(page, sql);
  // Empty the results first so the wait below sees this run's answer, not the last one.
  await page.$eval($('results'), (results) => results.replaceChildren());
  await page.click($('run'));
  await page.waitForFunction(
    ([results, error]) =>
      document.querySelector(results).childElementCount > 0 || !document.querySelector(error).hidden,
    [$('results'), $('error')],
    { timeout: READY_MS },
  );
}

/** The first result table as [header, ...rows]; a NULL cell is null, other cells their text. */
function shownTable(page) {
  return page.$eval($('results'), (results) => {
    const table = results.querySelector('table');
    const header = [...table.tHead.rows[0].cells].map((th) => th.querySelector('.name').textContent);
    const rows = [...table.tBodies[0].rows].map((tr) =>
      [...tr.cells].map((td) => ('null' in td.dataset ? null : td.textContent)),
    );
    return [header, ...rows];
  });
}

/** RFC 4180 CSV as the CLI writes it; an empty unquoted field is NULL, `""` is empty text. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i < text.length) {
    let field;
    if (text[i] === '"') {
      field = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/[,\r\n]/);
      const raw = end < 0 ? text.slice(i) : text.slice(i, i + end);
      field = raw === '' ? null : raw;
      i += raw.length;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    i++;
    rows.push(row);
    row = [];
  }
  return rows;
}

test('the server answers with the right types and nothing outside the page', async () => {
  const types = {
    '': 'text/html',
    'main.js': 'text/javascript',
    'worker.js': 'text/javascript',
    'style.css': 'text/css',
  };
  for (const [path, type] of Object.entries(types)) {
    const response = await fetch(URL + path);
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get('content-type'), new RegExp(`^${type}`), path);
  }
  const wasm = await fetch(URL + 'livestream_sandbox_bg.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal((await fetch(URL + 'nothing-here.js')).status, 404);
  // fetch() would tidy `..` away: send the request line as it is.
  const { hostname, port } = new globalThis.URL(URL);
  const answer = await new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write('GET /../Cargo.toml HTTP/1.1\r\n\r\n'));
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  assert.match(answer, /^HTTP\/1\.1 400 /);
});

test('the page loads, and the seed payout preset shows the CLI rows', async (t) => {
  const page = await openPage(t);
  await page.selectOption($('presets'), 'seed-payout');
  assert.match(await page.textContent(`${$('editor')} .cm-content`), /SUM\(g\.amount_usd\) AS gross_gifts_usd/);
  await runSql(page);
  const csv = execFileSync(BIN, ['query', '--seed', '1', '--format', 'csv', '--preset', 'seed-payout'], {
    encoding: 'utf8',
  });
  const expected = parseCsv(csv);
  const shown = await shownTable(page);
  assert.ok(expected.length > 10, `only ${expected.length} CSV lines`);
  assert.deepEqual(shown[0], expected[0], 'column names');
  assert.equal(shown.length, expected.length, 'row count');
  for (let i = 1; i < expected.length; i++) assert.deepEqual(shown[i], expected[i], `row ${i}`);
  assert.match(await page.textContent($('results')), new RegExp(`${expected.length - 1} rows`));
  assert.ok(shown.flat().includes(null), 'the payout has NULL gross (streams without gifts)');
  await page.screenshot({ path: SCREENSHOT });
});

test('Ctrl+Enter runs; another seed regenerates the data the CLI has for it', async (t) => {
  const page = await openPage(t);
  const sql = 'SELECT COUNT(*) AS n, SUM(amount_usd) AS usd FROM gifts WHERE quantity > 1';
  await setSql(page, sql);
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(`${$('results')} table`);
  await page.fill($('seed'), '2');
  await page.press($('seed'), 'Enter');
  await page.waitForFunction((status) => document.querySelector(status).textContent.startsWith('Ready: seed 2'), $('status'), {
    timeout: READY_MS,
  });
  await runSql(page);
  const csv = execFileSync(BIN, ['query', '--seed', '2', '--format', 'csv', '--', sql], { encoding: 'utf8' });
  assert.deepEqual(await shownTable(page), parseCsv(csv));
});

test('reset brings back the fresh data after a DELETE', async (t) => {
  const page = await openPage(t);
  await runSql(page, 'DELETE FROM gifts; SELECT COUNT(*) AS n FROM gifts');
  assert.equal((await shownTable(page))[1][0], '0');
  await page.click('#reset');
  await waitReady(page);
  assert.match(await page.textContent($('status')), /fresh data/);
  await runSql(page, 'SELECT COUNT(*) AS n FROM gifts');
  assert.equal((await shownTable(page))[1][0], '1000');
});

test('a truncated result says the true total', async (t) => {
  const page = await openPage(t);
  await runSql(page, 'SELECT session_id FROM viewer_sessions');
  assert.match(await page.textContent($('results')), /Showing the first 10,000 of 50,000 rows/);
});

test('errors name the position (with a marker) and the unknown table', async (t) => {
  const page = await openPage(t);
  await runSql(page, 'SELEC 1');
  const message = await page.textContent($('error'));
  assert.match(message, /line 1, column 1/);
  await page.waitForSelector(`${$('editor')} .cm-lintRange-error`);
  assert.equal(await page.textContent(`${$('editor')} .cm-lintRange-error`), 'SELEC');

  await runSql(page, 'SELECT *\nFROM no_such_table');
  assert.match(await page.textContent($('error')), /no_such_table/);
});

test('markup in data is shown as text and never runs', async (t) => {
  const page = await openPage(t);
  const payload = '<img src=x onerror=window.__pwned=1>';
  await runSql(page, `SELECT '${payload}' AS x`);
  assert.deepEqual(await shownTable(page), [['x'], [payload]]);
  assert.equal(await page.$(`${$('results')} img`), null);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

/** The labels the completion popup offers after typing `typed` at the cursor. */
async function completions(page, typed) {
  await page.keyboard.type(typed);
  await page.waitForSelector('.cm-tooltip-autocomplete');
  return page.$$eval('.cm-tooltip-autocomplete .cm-completionLabel', (labels) => labels.map((l) => l.textContent));
}

test('completion offers tables, their columns, and columns by alias', async (t) => {
  const page = await openPage(t);
  await setSql(page, 'SELECT * FROM ');
  assert.ok((await completions(page, 'viewer_s')).includes('viewer_sessions'));

  await setSql(page, 'SELECT ');
  assert.ok((await completions(page, 'viewer_sessions.')).includes('join_time'));

  await setSql(page, 'SELECT vs\nFROM viewer_sessions vs');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  assert.ok((await completions(page, '.')).includes('join_time'));
});

test('clicking a table name in the browser inserts it', async (t) => {
  const page = await openPage(t);
  await setSql(page, 'SELECT COUNT(*) FROM ');
  await page.click(`${$('schema')} details[data-table="gifts"] summary button`);
  assert.equal(await page.textContent(`${$('editor')} .cm-content`), 'SELECT COUNT(*) FROM gifts');
  assert.match(await page.textContent(`${$('schema')} details[data-table="gifts"] .rows`), /1,000 rows/);
  await runSql(page);
  assert.equal((await shownTable(page))[1][0], '1000');
});

test('cancel stops a runaway query at once and keeps the editor text', async (t) => {
  const page = await openPage(t);
  // 2.5 billion pairs: runs for seconds before the engine's row budget would stop it.
  const runaway = 'SELECT COUNT(*) FROM viewer_sessions a JOIN viewer_sessions b ON a.viewer_id <> b.viewer_id';
  await setSql(page, runaway);
  await page.click($('run'));
  await page.waitForFunction((status) => document.querySelector(status).textContent.startsWith('Running'), $('status'));
  await page.waitForTimeout(300);
  const start = Date.now();
  await page.click($('cancel'));
  await page.waitForFunction((status) => document.querySelector(status).textContent.startsWith('Generating'), $('status'));
  const ms = Date.now() - start;
  assert.ok(ms < 200, `cancel took ${ms} ms`);
  await waitReady(page);
  assert.equal(await page.textContent(`${$('editor')} .cm-content`), runaway);
  await runSql(page, 'SELECT 41 + 1 AS answer');
  assert.deepEqual(await shownTable(page), [['answer'], ['42']]);
});

test('screenshots: narrow and dark (looked at by hand)', async (t) => {
  const page = await openPage(t, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  await page.selectOption($('presets'), 'correct-payout');
  await runSql(page);
  await page.screenshot({ path: join(dirname(SCREENSHOT), 'page-narrow-dark.png'), fullPage: true });
});
