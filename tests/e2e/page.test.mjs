// `cargo xtask test-e2e`: the page in headless Chromium, served by xtask's server, against the
// native CLI. xtask passes SANDBOX_URL (the running server), SANDBOX_BIN, SANDBOX_CHROMIUM,
// SANDBOX_SCREENSHOT (where to save the page's picture) and the wasm package's paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { linkFor } from '../../www/share.js';
import { advanceClock } from '../../www/clock.js';
import { loadPackage } from '../wasm/pkg.mjs';

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

/** A fresh browser context (no storage, no service worker), closed after the test. */
async function newContext(t, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  t.after(() => context.close());
  return context;
}

/** A new tab in `context`; script errors on it fail the test. */
async function newPage(t, context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  t.after(() => assert.deepEqual(errors, [], 'errors on the page'));
  return page;
}

/** A fresh page at the sandbox (plus `hash`), loaded and ready. */
async function openPage(t, options = {}, hash = '') {
  const page = await newPage(t, await newContext(t, options));
  await page.goto(URL + hash);
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

/**
 * The first result table as [header, ...rows] (the page of rows shown); a NULL cell is null, an
 * empty-text cell '', other cells their text.
 */
function shownTable(page) {
  return page.$eval($('results'), (results) => {
    const table = results.querySelector('table');
    const header = [...table.tHead.rows[0].cells].map((th) => th.querySelector('.name').textContent);
    const rows = [...table.tBodies[0].rows].map((tr) =>
      [...tr.cells].map((td) => ('null' in td.dataset ? null : 'empty' in td.dataset ? '' : td.textContent)),
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

test('before the code editor arrives, the plain editor runs a selection and keeps what was typed', async (t) => {
  const page = await newPage(t, await newContext(t));
  // Hold the code editor back until the plain one has been used.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/code-editor-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(URL);
  await waitReady(page);
  const plain = page.locator(`${$('editor')} textarea`);
  const sql = 'SELECT 1 AS one;\nSELECT 41 + 1 AS answer';
  await plain.fill(sql);
  // Ctrl+Enter on a selection runs only the selection.
  await plain.evaluate((area) => area.setSelectionRange(area.value.indexOf('SELECT 41'), area.value.length));
  await plain.press('Control+Enter');
  await page.waitForSelector(`${$('results')} table`);
  assert.deepEqual(await shownTable(page), [['answer'], ['42']]);
  // An error's marker asked for now is drawn once the code editor is in.
  await setPlain(plain, 'SELECT 1;\nSELEC 2');
  await plain.press('Control+Enter');
  await page.waitForSelector(`${$('error')}:not([hidden])`);
  release();
  assert.equal(await editorText(page), 'SELECT 1;\nSELEC 2');
  assert.equal(await page.locator(`${$('editor')} textarea`).count(), 0);
  assert.equal(await page.textContent(`${$('editor')} .cm-error-mark`), 'SELEC');
  // The cursor stayed where it was, in the editor, which kept the focus.
  await page.keyboard.type(' -- two');
  assert.equal(await editorText(page), 'SELECT 1;\nSELEC 2 -- two');
  await page.reload();
  await page.waitForSelector(`${$('editor')} .cm-content`);
  assert.equal(await editorText(page), 'SELECT 1;\nSELEC 2 -- two', 'the draft was kept');
});

/** Replaces the plain editor's text, cursor at the end, as typing would. */
async function setPlain(plain, text) {
  await plain.fill(text);
  await plain.evaluate((area) => area.setSelectionRange(area.value.length, area.value.length));
}

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
  await page.waitForSelector(`${$('editor')} .cm-error-mark`);
  assert.equal(await page.textContent(`${$('editor')} .cm-error-mark`), 'SELEC');

  await runSql(page, 'SELECT *\nFROM no_such_table');
  assert.match(await page.textContent($('error')), /no_such_table/);
  // A wrong name is marked where it is, like a syntax error.
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.textContent === 'no_such_table',
    `${$('editor')} .cm-error-mark`,
  );

  // A misspelt column typed by hand: the nearest real one is suggested on its own line, and the
  // whole qualified name is marked.
  const typed = 'SELECT s.stream_id, s.start_at FROM streams s';
  await page.click(`${$('editor')} .cm-content`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(typed);
  await page.keyboard.press('Escape');
  assert.equal(await editorText(page), typed);
  await runSql(page);
  // The CLI's message for the same text, which ends with its suggestion.
  const cli = spawnSync(BIN, ['query', '--', typed], { encoding: 'utf8' });
  const [, wrong, hint] = cli.stderr.trim().match(/^error: (.*)\. (Did you mean s\.started_at\?)$/) ?? [];
  assert.ok(hint, `the CLI suggests the real column: ${cli.stderr}`);
  assert.match(wrong, /s\.start_at .*line 1, column 21/);
  assert.equal(await page.textContent($('error')), `${wrong}\n${hint}`);
  assert.equal(await page.textContent($('error-hint')), hint);
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.textContent === 's.start_at',
    `${$('editor')} .cm-error-mark`,
  );
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
  const page = await openPage(t, { viewport: { width: 375, height: 812 }, colorScheme: 'dark' });
  await page.selectOption($('presets'), 'correct-payout');
  await runSql(page);
  await page.screenshot({ path: join(dirname(SCREENSHOT), 'page-narrow-dark.png'), fullPage: true });
  // Nothing may stick out sideways at phone width: only the result table scrolls.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `the page is ${wide} px wide`);
  await page.click($('share'));
  await page.click($('history'));
  await page.screenshot({ path: join(dirname(SCREENSHOT), 'page-narrow-panels.png') });
});

test('screenshot: wide and light, with a notice and paged results (looked at by hand)', async (t) => {
  const hash = await linkFor(URL, { sql: 'SELECT session_id, viewer_id, join_time, leave_time FROM viewer_sessions', seed: 1, scale: 'S', clock: '', generator: 2 });
  const page = await openPage(t, { colorScheme: 'light' }, hash.slice(URL.length));
  await runSql(page);
  await page.click($('page-next'));
  assert.match(await page.textContent($('notice')), /version 2/);
  await page.screenshot({ path: join(dirname(SCREENSHOT), 'page-wide-notice.png') });
});

// ---------------------------------------------------------------------------------------------
// Share links, drafts and history

/**
 * The editor's whole text (its DOM holds only the lines in view), from CodeMirror's view, once the
 * page has put CodeMirror in place of its first plain editor.
 */
async function editorText(page) {
  const content = await page.waitForSelector(`${$('editor')} .cm-content`);
  return content.evaluate((node) => node.cmTile.root.view.state.doc.toString());
}

/** Waits for the page's own first answer (a link runs its query) or error. */
async function waitAnswer(page) {
  await page.waitForFunction(
    ([results, error]) => document.querySelector(`${results} table`) || !document.querySelector(error).hidden,
    [$('results'), $('error')],
    { timeout: READY_MS },
  );
}

/** Clicks Share and returns the link it copied, checking the clipboard, the field and the URL agree. */
async function shareLink(page) {
  await page.click($('share'));
  await page.waitForSelector(`${$('share-panel')}:not([hidden])`);
  const link = await page.inputValue($('share-link'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'clipboard');
  assert.equal(page.url(), link, 'the address bar holds the link');
  assert.match(await page.textContent($('share-panel')), /Link copied/);
  return link;
}

const clipboard = { permissions: ['clipboard-read', 'clipboard-write'] };

test('a share link opens in a fresh browser with the same data, clock and rows', async (t) => {
  const page = await openPage(t, clipboard);
  await page.fill($('seed'), '3');
  await page.press($('seed'), 'Enter');
  await page.waitForFunction((s) => document.querySelector(s).textContent.startsWith('Ready: seed 3'), $('status'));
  await page.fill($('clock'), '2026-10-01 00:00:00');
  await page.press($('clock'), 'Enter');
  await page.waitForFunction((s) => /NOW\(\) is 2026-10-01/.test(document.querySelector(s).textContent), $('status'));
  const sql = "SELECT NOW() AS now, COUNT(*) AS n, SUM(amount_usd) AS usd\nFROM gifts WHERE sent_at > NOW() - INTERVAL '30 days'";
  await runSql(page, sql);
  const authors = await shownTable(page);
  const link = await shareLink(page);
  assert.match(link, /#v=1&q=[A-Za-z0-9_-]+$/);

  // Another browser: no storage, nothing shared with the author's.
  const reader = await newPage(t, await newContext(t));
  await reader.goto(link);
  await waitAnswer(reader);
  assert.deepEqual(await shownTable(reader), authors);
  assert.equal(await editorText(reader), sql);
  assert.equal(await reader.inputValue($('seed')), '3');
  assert.equal(await reader.inputValue($('clock')), '2026-10-01 00:00:00');
  const csv = execFileSync(BIN, ['query', '--seed', '3', '--as-of', '2026-10-01 00:00:00', '--format', 'csv', '--', sql], {
    encoding: 'utf8',
  });
  assert.deepEqual(authors, parseCsv(csv), 'the rows are the CLI rows for that seed and clock');
  assert.equal(reader.url(), URL, 'the link is used once, then the address is the page again');
});

test('without a clipboard, the link is shown selected to copy by hand', async (t) => {
  const context = await newContext(t);
  await context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  const page = await newPage(t, context);
  await page.goto(URL);
  await waitReady(page);
  await setSql(page, 'SELECT 3 AS three');
  await page.click($('share'));
  await page.waitForSelector(`${$('share-panel')}:not([hidden])`);
  assert.match(await page.textContent($('share-panel')), /Copy this link/);
  const selected = await page.$eval($('share-link'), (input) =>
    document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length);
  assert.ok(selected, 'the link is focused and selected');
  assert.equal(await page.inputValue($('share-link')), page.url());
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden($('share-panel')), true);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'share');
});

test('a link with 20 KB of SQL round-trips exactly', async (t) => {
  const page = await openPage(t, clipboard);
  // Numbers that do not repeat, so the text does not compress to nothing.
  const ids = Array.from({ length: 3600 }, (_, i) => (i * 7919) % 20000);
  const sql = `-- a long list\nSELECT COUNT(*) AS n FROM gifts\nWHERE gift_id IN (${ids.join(', ')})`;
  assert.ok(sql.length > 20_000, `${sql.length} characters`);
  await runSql(page, sql);
  const authors = await shownTable(page);
  const link = await shareLink(page);
  const reader = await newPage(t, await newContext(t));
  await reader.goto(link);
  await waitAnswer(reader);
  assert.equal(await editorText(reader), sql);
  assert.deepEqual(await shownTable(reader), authors);
  assert.ok(Number(authors[1][0]) > 0, 'the query found gifts');
});

test('a damaged link says so, leaves the editor empty, keeps the draft and the page works', async (t) => {
  const context = await newContext(t);
  const page = await newPage(t, context);
  await page.goto(URL);
  await waitReady(page);
  const draft = 'SELECT 7 AS my_draft';
  await setSql(page, draft);
  const good = await linkFor(URL, { sql: 'SELECT 1 AS one', seed: 1, scale: 'S', clock: '', generator: 1 });
  const cases = [
    ['#v=1&q=not*base64', /damaged/],
    ['#v=1&q=AAAAAAAA', /damaged: it could not be unpacked/],
    [good.slice(URL.length, -6), /damaged/],
    ['#v=1', /damaged/],
    ['#v=7&q=AAAA', /newer version of this page/],
    [(await linkFor(URL, { sql: 'SELECT 1', seed: -4, scale: 'S', clock: '', generator: 1 })).slice(URL.length), /seed/],
    [(await linkFor(URL, { sql: 'SELECT 1', seed: 1, scale: 'XL', clock: '', generator: 1 })).slice(URL.length), /scale/],
    // A few KB that unpack to 50 MB: stopped at the limit, not unpacked whole.
    [`#v=1&q=${deflateRawSync(JSON.stringify({ sql: ' '.repeat(50_000_000) }), { level: 9 }).toString('base64url')}`, /holds more than this page accepts/],
  ];
  for (const [hash, message] of cases) {
    await page.goto('about:blank');
    await page.goto(URL + hash);
    await waitReady(page);
    await page.waitForSelector(`${$('notice')}:not([hidden])`);
    assert.match(await page.textContent($('notice')), message, hash);
    assert.equal(await editorText(page), '', `editor for ${hash}`);
    assert.equal(await page.$(`${$('results')} table`), null);
  }
  assert.match(await page.textContent($('notice')), /Nothing from it was used/);
  await runSql(page, 'SELECT 40 + 2 AS answer');
  assert.deepEqual(await shownTable(page), [['answer'], ['42']]);
  // The draft from before the first bad link is in the history, marked as put aside.
  await page.click($('history'));
  const entries = await page.$$eval(`${$('history-panel')} li`, (items) => items.map((li) => li.textContent));
  assert.ok(entries.some((entry) => entry.includes(draft) && entry.includes('draft put aside')), entries.join('\n'));
});

test('a link from another data version says so and does not run until asked', async (t) => {
  const sql = 'SELECT COUNT(*) AS n FROM gifts';
  const page = await openPage(t, {}, (await linkFor(URL, { sql, seed: 5, scale: 'S', clock: '', generator: 99 })).slice(URL.length));
  const notice = await page.textContent($('notice'));
  assert.match(notice, /made with version 99 of the sample data; this page makes version 1/);
  assert.match(notice, /has not been run/);
  assert.equal(await editorText(page), sql);
  assert.equal(await page.inputValue($('seed')), '5');
  assert.equal(await page.textContent($('results')), '', 'nothing was run');
  await runSql(page);
  assert.deepEqual(await shownTable(page), [['n'], ['1000']]);
});

test('a hostile link is text: its SQL never runs as script, in the editor or the results', async (t) => {
  const payload = '<img src=x onerror="window.__pwned=1">';
  const sql = `SELECT '${payload}' AS x -- </script><script>window.__pwned=2</script>`;
  const page = await newPage(t, await newContext(t));
  await page.goto(URL + (await linkFor(URL, { sql, seed: 1, scale: 'S', clock: '', generator: 1 })).slice(URL.length));
  await waitAnswer(page);
  assert.equal(await editorText(page), sql);
  assert.deepEqual(await shownTable(page), [['x'], [payload]]);
  // Markup straight in the hash: not a readable link at all.
  await page.goto('about:blank');
  await page.goto(`${URL}#v=1&q=<script>window.__pwned=3</script><img src=x onerror=window.__pwned=4>`);
  await waitReady(page);
  assert.match(await page.textContent($('notice')), /damaged/);
  assert.equal(await editorText(page), '');
  assert.equal(await page.$('img'), null);
  assert.equal(await page.$('body script'), null);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('the draft survives a reload; a link keeps the draft it replaces in the history', async (t) => {
  const context = await newContext(t);
  const page = await newPage(t, context);
  await page.goto(URL);
  await waitReady(page);
  const draft = 'SELECT name\nFROM stream_categories -- half done';
  await setSql(page, draft);
  await page.reload();
  await waitReady(page);
  assert.equal(await editorText(page), draft);

  await page.goto(URL + (await linkFor(URL, { sql: 'SELECT 5 AS five', seed: 1, scale: 'S', clock: '', generator: 1 })).slice(URL.length));
  await waitAnswer(page);
  assert.equal(await editorText(page), 'SELECT 5 AS five');
  await page.click($('history'));
  await page.click(`${$('history-panel')} li.draft button.open`);
  assert.equal(await editorText(page), draft);
  await page.reload();
  await waitReady(page);
  assert.equal(await editorText(page), draft, 'the restored draft is the draft again');
});

test('history lists runs with rows and time, is keyboard driven, re-runs, and stays bounded', async (t) => {
  const page = await openPage(t);
  await runSql(page, 'SELECT COUNT(*) AS n FROM gifts');
  await runSql(page, 'SELECT name FROM stream_categories ORDER BY name');
  const categories = await shownTable(page);
  await runSql(page, 'SELECT 1 AS one');

  await page.focus($('history'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${$('history-panel')}:not([hidden])`);
  const shown = await page.$$eval(`${$('history-panel')} li`, (items) => items.map((li) => li.textContent));
  assert.equal(shown.length, 3);
  assert.match(shown[0], /SELECT 1 AS one.*1 row · \d+ ms · seed 1, S/);
  assert.match(shown[2], /SELECT COUNT\(\*\) AS n FROM gifts.*1 row/);
  const focused = () => page.evaluate(() => document.activeElement.textContent);
  assert.match(await focused(), /SELECT 1 AS one/);
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(), /stream_categories/);
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden($('history-panel')), true);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'history');

  // Run again: the second entry, from the keyboard.
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.$eval($('results'), (results) => results.replaceChildren());
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${$('results')} table`);
  assert.deepEqual(await shownTable(page), categories);
  assert.equal(await editorText(page), 'SELECT name FROM stream_categories ORDER BY name');

  // A long history keeps the newest 100.
  await page.evaluate(() => {
    const old = Array.from({ length: 150 }, (_, i) => ({ sql: `SELECT ${i}`, at: i, seed: 1, scale: 'S', clock: '', rows: 1, ms: 1 }));
    localStorage.setItem('livestream-sandbox.history', JSON.stringify(old));
  });
  await runSql(page, 'SELECT 2 AS two');
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('livestream-sandbox.history')));
  assert.equal(kept.length, 100);
  assert.equal(kept[0].sql, 'SELECT 2 AS two');
});

// ---------------------------------------------------------------------------------------------
// Results, data controls, keys, offline

test('CSV copy and download match the CLI byte for byte; NULL and empty text stay apart', async (t) => {
  const page = await openPage(t, { ...clipboard, acceptDownloads: true });
  const sql = `SELECT NULL AS a, '' AS b, 'x,y' AS c, 'say "hi"' AS d, ' pad ' AS e, 1.5 AS f, 2.5e20 AS g, CAST(1 AS FLOAT) / 3 AS h`;
  await runSql(page, sql);
  const cli = execFileSync(BIN, ['query', '--format', 'csv', '--', sql], { encoding: 'utf8' });
  assert.deepEqual(await shownTable(page), parseCsv(cli));
  const [, row] = await shownTable(page);
  assert.equal(row[0], null);
  assert.equal(row[1], '');
  assert.match(await page.textContent(`${$('results')} td[data-empty]`), /empty/);
  assert.match(await page.textContent(`${$('results')} td[data-null]`), /NULL/);
  await page.click($('copy-csv'));
  await page.waitForFunction((s) => /Copied 1 row as CSV/.test(document.querySelector(s).textContent), $('status'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cli);
  assert.match(await page.textContent($('results')), /NULL is an empty field and empty text is ""/);

  await page.selectOption($('presets'), 'seed-payout');
  await runSql(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click($('download-csv'))]);
  assert.equal(download.suggestedFilename(), 'query-result-1.csv');
  const saved = readFileSync(await download.path(), 'utf8');
  const expected = execFileSync(BIN, ['query', '--seed', '1', '--format', 'csv', '--preset', 'seed-payout'], { encoding: 'utf8' });
  assert.equal(saved, expected);
});

test('Take it to PostgreSQL saves the current seed as the CLI writes it in one SQL file, every table in it', async (t) => {
  const page = await openPage(t, { acceptDownloads: true });
  await page.fill($('seed'), '2');
  await page.press($('seed'), 'Enter');
  await page.waitForFunction((s) => /^Ready: seed 2, scale S/.test(document.querySelector(s).textContent), $('status'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click($('export-postgres'))]);
  assert.equal(download.suggestedFilename(), 'livestream-sandbox-seed2-S.sql');
  const saved = readFileSync(await download.path(), 'utf8');
  await page.waitForFunction((s) => /saved livestream-sandbox-seed2-S\.sql/.test(document.querySelector(s).textContent), $('status'));

  const dir = mkdtempSync(join(tmpdir(), 'sandbox-export-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'cli.sql');
  execFileSync(BIN, ['export', '--seed', '2', '--scale', 'S', '--format', 'postgres-file', '--out', file]);
  assert.ok(saved === readFileSync(file, 'utf8'), 'the download is the file the CLI writes, byte for byte');
  assert.match(saved, /^-- Livestream sandbox as a production PostgreSQL database: seed 2, scale S, generator v\d+\.\n/);

  // Every table's COPY block holds as many rows as the table has.
  const tables = JSON.parse(execFileSync(BIN, ['schema', '--format', 'json'], { encoding: 'utf8' })).map((table) => table.name);
  const counts = tables.map((name) => `SELECT '${name}' AS t, COUNT(*) AS n FROM ${name}`).join(' UNION ALL ');
  const expected = parseCsv(execFileSync(BIN, ['query', '--seed', '2', '--format', 'csv', counts], { encoding: 'utf8' })).slice(1);
  assert.equal(expected.length, tables.length);
  for (const [name, rows] of expected) {
    const start = saved.indexOf(`\nCOPY ${name} (`);
    assert.ok(start >= 0, `COPY block for ${name}`);
    const body = saved.indexOf('\n', start + 1) + 1;
    const end = saved.indexOf('\n\\.\n', body);
    const records = parseCsv(saved.slice(body, end + 1));
    assert.equal(records.length - 1, Number(rows), `${name} rows`);
    assert.match(saved, new RegExp(`\nCREATE TABLE ${name} \\(`));
  }
  assert.match(saved, /PARTITION BY RANGE \(sent_at\)/);
  assert.match(saved, /CREATE FUNCTION enforce_retention\(as_of timestamptz\)/);
});

test('big results show 200 rows a page with next and previous; headers carry types', async (t) => {
  const page = await openPage(t);
  await runSql(page, 'SELECT session_id, viewer_id FROM viewer_sessions ORDER BY session_id');
  assert.match(await page.textContent($('results')), /Showing the first 10,000 of 50,000 rows/);
  const types = await page.$$eval(`${$('results')} th .type`, (spans) => spans.map((span) => span.textContent));
  assert.deepEqual(types, ['INT', 'INT']);
  const firstPage = await shownTable(page);
  assert.equal(firstPage.length, 201);
  assert.match(await page.textContent(`${$('results')} .pager`), /Rows 1–200 of 10,000/);
  assert.equal(await page.isDisabled($('page-prev')), true);
  await page.click($('page-next'));
  const second = await shownTable(page);
  assert.equal(second.length, 201);
  assert.match(await page.textContent(`${$('results')} .pager`), /Rows 201–400 of 10,000/);
  assert.equal(Number(second[1][0]), Number(firstPage[200][0]) + 1, 'the next page starts after the last row shown');
  await page.click($('page-prev'));
  assert.deepEqual(await shownTable(page), firstPage);

  await runSql(page, 'SELECT session_id FROM viewer_sessions WHERE session_id <= 450');
  await page.click($('page-next'));
  await page.click($('page-next'));
  assert.match(await page.textContent(`${$('results')} .pager`), /Rows 401–450 of 450/);
  assert.equal((await shownTable(page)).length, 51);
  assert.equal(await page.isDisabled($('page-next')), true);
});

test('the dataset clock moves NOW() without new data, answers as the CLI does, and goes back', async (t) => {
  const page = await openPage(t);
  assert.equal(await page.inputValue($('clock')), '2026-11-01 00:00:00');
  const sql = "SELECT NOW() AS now, COUNT(*) AS n FROM streams WHERE started_at > NOW() - INTERVAL '7 days'";
  await page.fill($('clock'), '2026-10-01 00:00:00');
  await page.press($('clock'), 'Enter');
  await page.waitForFunction((s) => /NOW\(\) is 2026-10-01 00:00:00/.test(document.querySelector(s).textContent), $('status'));
  await runSql(page, sql);
  const cli = execFileSync(BIN, ['query', '--as-of', '2026-10-01 00:00:00', '--format', 'csv', '--', sql], { encoding: 'utf8' });
  assert.deepEqual(await shownTable(page), parseCsv(cli));
  assert.match(await page.textContent($('status')), /^Ready: seed 1, scale S, clock 2026-10-01 00:00:00/);

  await page.fill($('clock'), '2026-02-30 25:00:00');
  await page.press($('clock'), 'Enter');
  await page.waitForSelector(`${$('error')}:not([hidden])`);
  assert.match(await page.textContent($('error')), /2026-02-30 25:00:00/);
  assert.equal(await page.inputValue($('clock')), '2026-10-01 00:00:00', 'the clock in use is shown again');

  await page.click($('clock-default'));
  await page.waitForFunction((s) => /NOW\(\) is 2026-11-01 00:00:00/.test(document.querySelector(s).textContent), $('status'));
  await runSql(page, 'SELECT NOW() AS now');
  assert.deepEqual(await shownTable(page), [['now'], ['2026-11-01 00:00:00']]);
});

test('keys: Ctrl+Enter runs from anywhere, Escape cancels a runaway query, focus is visible', async (t) => {
  const page = await openPage(t);
  await setSql(page, 'SELECT 6 * 7 AS answer');
  await page.focus($('history'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(`${$('results')} table`);
  assert.deepEqual(await shownTable(page), [['answer'], ['42']]);
  const outline = await page.$eval($('history'), (button) => getComputedStyle(button).outlineStyle);
  assert.notEqual(outline, 'none', 'a focused button shows its focus');

  await setSql(page, 'SELECT COUNT(*) FROM viewer_sessions a JOIN viewer_sessions b ON a.viewer_id <> b.viewer_id');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((status) => document.querySelector(status).textContent.startsWith('Running'), $('status'));
  // Out of the editor: there, a first Escape closes an open completion list.
  await page.focus($('history'));
  const start = Date.now();
  await page.keyboard.press('Escape');
  await page.waitForFunction((status) => document.querySelector(status).textContent.startsWith('Generating'), $('status'));
  assert.ok(Date.now() - start < 200, `Escape took ${Date.now() - start} ms`);
  await waitReady(page);
  assert.match(await page.textContent($('status')), /query cancelled/);
});

test('once loaded, the page works offline from its service worker', async (t) => {
  const context = await newContext(t);
  const page = await newPage(t, context);
  await page.goto(URL);
  await waitReady(page);
  const version = (await (await fetch(`${URL}sw.js`)).text()).match(/const VERSION = '([0-9a-f]{16})'/)[1];
  // The worker registers once the page has answered, then takes the page over.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_MS });
  const caches = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, files: (await cache.keys()).map((request) => new URL(request.url).pathname) };
  });
  assert.deepEqual(caches.names, [`livestream-sandbox-${version}`]);
  assert.ok(caches.files.includes('/livestream_sandbox_bg.wasm'), caches.files.join(' '));
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  const served = await page.evaluate(() => performance.getEntriesByType('navigation')[0].workerStart);
  assert.ok(served > 0, 'the service worker answered the page');
  await runSql(page, 'SELECT COUNT(*) AS n FROM gifts');
  assert.deepEqual(await shownTable(page), [['n'], ['1000']]);
});

// ---------------------------------------------------------------------------------------------
// Guided analyses

// What the page should list comes from the module itself, not from the page.
const pkg = await loadPackage();
const ANALYSES = pkg.analyses();
const ANALYSIS_IDS = ['payout-fan-out', 'payout-audit', 'concurrency', 'retention', 'moderation-replay', 'events-table'];
const analysisById = (id) => ANALYSES.find((analysis) => analysis.id === id);

/** Every result table of the last run, each as shownTable gives the first. */
function shownTables(page) {
  return page.$$eval(`${$('results')} table`, (tables) =>
    tables.map((table) => [
      [...table.tHead.rows[0].cells].map((th) => th.querySelector('.name').textContent),
      ...[...table.tBodies[0].rows].map((tr) =>
        [...tr.cells].map((td) => ('null' in td.dataset ? null : 'empty' in td.dataset ? '' : td.textContent)),
      ),
    ]),
  );
}

/** Waits until `action` has brought a new answer (or an error) into the results. */
async function newAnswer(page, action) {
  await page.$eval($('results'), (results) => results.replaceChildren());
  await action();
  await page.waitForFunction(
    ([results, error]) => document.querySelector(results).childElementCount > 0 || !document.querySelector(error).hidden,
    [$('results'), $('error')],
    { timeout: READY_MS },
  );
}

/** Chooses analysis `id` from the menu and waits for its answer; fails on an error. */
async function openAnalysis(page, id) {
  await newAnswer(page, () => page.selectOption($('analyses'), id));
  const error = await page.$eval($('error'), (node) => (node.hidden ? null : node.textContent));
  assert.equal(error, null, `${id} ran without error`);
}

/** Every value shown in the results: cells, and the summaries (a DELETE says its count there). */
async function shownValues(page) {
  const cells = (await shownTables(page)).flatMap((table) => table.slice(1).flat());
  const summaries = await page.$$eval(`${$('results')} .summary`, (lines) => lines.map((line) => line.textContent));
  const counts = summaries.flatMap((line) => [...line.matchAll(/\b[A-Z]+ (\d+)\b/g)].map((match) => match[1]));
  return new Set([...cells, ...counts]);
}

/** One number from a one-cell query. */
async function scalar(page, sql) {
  await runSql(page, sql);
  const [, [value]] = await shownTable(page);
  return value;
}

test('the Analyses menu lists every analysis; each opens, runs, explains itself and leaves the data as it was', async (t) => {
  assert.deepEqual(ANALYSES.map((analysis) => analysis.id), ANALYSIS_IDS);
  const page = await openPage(t);
  const listed = await page.$$eval(`${$('analyses')} option`, (options) => options.filter((o) => o.value).map((o) => [o.value, o.textContent]));
  assert.deepEqual(listed, ANALYSES.map((analysis) => [analysis.id, analysis.title]));

  const counts = pkg.schema().map((table) => `SELECT '${table.name}' AS t, COUNT(*) AS n FROM ${table.name}`).join('\nUNION ALL\n');
  await runSql(page, counts);
  const before = await shownTable(page);
  const draft = 'SELECT 1 AS my_unsaved_draft';
  await setSql(page, draft);

  for (const analysis of ANALYSES) {
    await openAnalysis(page, analysis.id);
    assert.equal(await editorText(page), analysis.sql, `${analysis.id}: its SQL is in the editor`);
    assert.equal(await page.isVisible($('analysis')), true);
    assert.equal(await page.textContent('#analysis-title'), analysis.title);
    const paragraphs = await page.$$eval(`${$('explanation')} > *`, (nodes) => nodes.map((node) => [node.tagName, node.textContent, node.childElementCount]));
    assert.deepEqual(paragraphs, analysis.explanation.map((text) => ['P', text, 0]), `${analysis.id}: explanation as text`);
    const note = await page.$eval($('postgres-note'), (node) => (node.hidden ? null : node.textContent));
    assert.equal(note, analysis.postgres_note && `On PostgreSQL: ${analysis.postgres_note}`, `${analysis.id}: PostgreSQL note`);
    // The clock control where moving NOW() is the point of the analysis.
    assert.equal(await page.isVisible($('clock-advance')), analysis.id === 'retention', `${analysis.id}: clock control`);
    // Every statement's result, each saying its command, rows read and time.
    const summaries = await page.$$eval(`${$('results')} .summary`, (lines) => lines.map((line) => line.textContent));
    assert.ok(summaries.length >= 1 + (analysis.chart?.statement ?? 0), `${analysis.id}: ${summaries.length} results`);
    for (const line of summaries) assert.match(line, /[A-Z]+.* · [\d,]+ rows? read · [\d.]+ m?s$/, `${analysis.id}: ${line}`);
    if (summaries.length > 1) assert.match(await page.textContent($('results')), new RegExp(`${summaries.length} statements in`));
    if (analysis.chart) {
      assert.equal(await page.isVisible($('chart')), true, `${analysis.id}: chart shown`);
      const figure = await page.$eval($('chart'), (node) => ({ points: Number(node.dataset.points), unavailable: node.classList.contains('unavailable'), caption: node.querySelector('figcaption').textContent }));
      assert.ok(figure.points > 0 && !figure.unavailable, `${analysis.id}: ${figure.caption}`);
      if (analysis.chart.kind === 'bar') {
        // Bars follow the rows in the result's order, numbers (stream ids) too; heights a hundred
        // times apart, none zero, go on a log scale.
        const [names, ...rows] = (await shownTables(page))[await page.$$eval(`${$('results')} section.result`,
          (blocks, at) => blocks.slice(0, at).filter((block) => block.querySelector('table')).length, analysis.chart.statement)];
        const x = names.indexOf(analysis.chart.x);
        assert.equal(figure.points, rows.length, `${analysis.id}: a bar per row`);
        assert.ok(figure.caption.includes(`of ${analysis.chart.x}, from ${rows[0][x]} to ${rows.at(-1)[x]}.`), figure.caption);
        const heights = rows.flatMap((row) => analysis.chart.y.map((y) => row[names.indexOf(y)])).filter((v) => v !== null).map(Number);
        const log = heights.every((v) => v > 0) && Math.max(...heights) > 100 * Math.min(...heights);
        assert.equal(figure.caption.includes('log scale'), log, `${analysis.id}: ${figure.caption}`);
        // Several series: a key names each.
        const legend = await page.$$eval(`${$('chart')} .legend li`, (items) => items.map((li) => li.textContent));
        assert.deepEqual(legend, analysis.chart.y.length > 1 ? analysis.chart.y : [], `${analysis.id}: legend`);
      }
    } else {
      assert.equal(await page.isVisible($('chart')), false, `${analysis.id}: no chart`);
    }
  }
  // The draft the first analysis replaced is in the history.
  await page.click($('history'));
  const entries = await page.$$eval(`${$('history-panel')} li.draft`, (items) => items.map((li) => li.textContent));
  assert.ok(entries.some((entry) => entry.includes(draft)), entries.join('\n'));
  await page.keyboard.press('Escape');
  // Scripts that change data undo it: every table has the rows it had.
  await runSql(page, counts);
  assert.deepEqual(await shownTable(page), before);
  // Something else chosen: the explanation goes.
  await page.selectOption($('presets'), 'seed-payout');
  assert.equal(await page.isVisible($('analysis')), false);
});

test('the concurrency chart draws a curve with a caption; an edit that drops its columns says so', async (t) => {
  const analysis = analysisById('concurrency');
  assert.equal(analysis.chart?.kind, 'line', 'concurrency is drawn as a line');
  const page = await openPage(t, { colorScheme: 'light' });
  await openAnalysis(page, 'concurrency');
  const charted = (await page.$$eval(`${$('results')} section.result`, (blocks) => blocks.map((block) => block.querySelectorAll('tbody tr').length)))[analysis.chart.statement];
  const shown = await page.$eval($('chart'), (figure) => {
    const canvas = figure.querySelector('canvas');
    const { width, height } = canvas.getBoundingClientRect();
    // Pixels in the series' colour: the curve is there, not only the axes.
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let curve = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] > 200 && Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 40) curve++;
    }
    return {
      width, height, curve,
      points: Number(figure.dataset.points),
      caption: figure.querySelector('figcaption').textContent,
      label: canvas.getAttribute('aria-label'),
    };
  });
  assert.ok(shown.width > 200 && shown.height > 100, `canvas ${shown.width}×${shown.height}`);
  assert.ok(shown.curve > 50, `${shown.curve} pixels of the curve`);
  assert.ok(shown.points > 1, `${shown.points} points`);
  assert.ok(shown.points <= charted || charted === 200, `${shown.points} points from ${charted} rows shown`);
  assert.match(shown.caption, new RegExp(analysis.chart.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.match(shown.caption, new RegExp(`${shown.points.toLocaleString('en')} points of ${analysis.chart.x}`));
  for (const y of analysis.chart.y) assert.match(shown.caption, new RegExp(`${y} is highest at`));
  assert.match(shown.label, /points of/, 'the canvas has a text alternative');
  // The values of a point read out, by keyboard and by pointer, as the table shows them.
  const [names, first, second] = (await shownTables(page))[analysis.chart.statement];
  const readout = (row) => `${analysis.chart.x} ${row[names.indexOf(analysis.chart.x)]}: ` +
    analysis.chart.y.map((y) => `${y} ${Number(row[names.indexOf(y)]).toLocaleString('en')}`).join(', ');
  await page.focus(`${$('chart')} canvas`);
  await page.keyboard.press('Home');
  assert.equal(await page.textContent(`${$('chart')} .readout`), readout(first));
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.textContent(`${$('chart')} .readout`), readout(second));
  const box = await (await page.$(`${$('chart')} canvas`)).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  assert.match(await page.textContent(`${$('chart')} .readout`), new RegExp(`^${analysis.chart.x} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:00: ${analysis.chart.y[0]} [\\d,]+$`));

  // An edit whose drawn statement lacks the columns: the explanation stays, the chart says why
  // it cannot draw.
  const [y] = analysis.chart.y;
  const statements = Array.from({ length: analysis.chart.statement + 1 }, (_, i) => `SELECT ${i} AS not_${y}`);
  await runSql(page, statements.join(';\n'));
  assert.equal(await page.textContent('#analysis-title'), analysis.title);
  assert.match(await page.textContent($('chart')), new RegExp(`needs the columns? .*“${y}”, which this result no longer has`));
  assert.equal(await page.$(`${$('chart')} canvas`), null);
  // A script too short to have the drawn statement says that.
  if (analysis.chart.statement > 0) {
    await runSql(page, statements.slice(0, analysis.chart.statement).join(';\n'));
    assert.match(await page.textContent($('chart')), new RegExp(`draws statement ${analysis.chart.statement + 1} of the script`));
  }
});

test('advancing the clock puts more chat out of policy, as a separate count says; months follow the calendar', async (t) => {
  const page = await openPage(t);
  const chatPolicy = pkg.schema().find((table) => table.name === 'chat_messages').retention.keep_days;
  const outOfPolicy = `SELECT COUNT(*) AS n FROM chat_messages WHERE sent_at < NOW() - INTERVAL '${chatPolicy} days'`;
  await openAnalysis(page, 'retention');
  assert.equal(await page.isVisible($('clock-advance')), true);
  const atStart = await shownValues(page);
  const own = await page.inputValue($('clock'));
  const before = await scalar(page, outOfPolicy);
  assert.ok(atStart.has(before), `the analysis shows the ${before} chat messages out of policy`);

  const days = 10;
  await openAnalysis(page, 'retention');
  await page.fill($('clock-amount'), String(days));
  await page.selectOption($('clock-unit'), 'days');
  await newAnswer(page, () => page.click($('clock-forward')));
  const later = advanceClock(own, days, 'days');
  assert.equal(await page.inputValue($('clock')), later);
  assert.match(await page.textContent($('clock-advance')), new RegExp(`NOW\\(\\) is ${later}: ${days} days after`));
  const afterShown = await shownValues(page);
  assert.equal(await scalar(page, 'SELECT NOW() AS now'), later);
  const after = await scalar(page, outOfPolicy);
  assert.ok(Number(after) > Number(before), `${after} > ${before} out of policy ${days} days later`);
  assert.ok(afterShown.has(after), `the analysis shows the ${after} chat messages out of policy`);

  // Back to the dataset's own clock: the first count again.
  await openAnalysis(page, 'retention');
  await newAnswer(page, () => page.click($('clock-back')));
  assert.equal(await page.inputValue($('clock')), own);
  assert.ok((await shownValues(page)).has(before));

  // Months and years as PostgreSQL adds them (the engine's interval arithmetic is checked
  // against PostgreSQL in the compatibility suite).
  const cases = [['2024-01-31 10:00:00', 1, 'months'], ['2026-01-31 23:59:59', 13, 'months'], ['2024-02-29 00:00:00', 1, 'years'],
    ['2026-11-01 00:00:00', 3, 'months'], ['2026-03-29 12:00:00', 400, 'days']];
  const sql = cases.map(([at, n, unit], i) => `CAST('${at}' AS TIMESTAMP) + INTERVAL '${n} ${unit}' AS c${i}`).join(', ');
  await runSql(page, `SELECT ${sql}`);
  assert.deepEqual((await shownTable(page))[1], cases.map(([at, n, unit]) => advanceClock(at, n, unit)));
});

test('an analysis share link opens in a fresh browser with its edited SQL, clock, explanation, chart and rows', async (t) => {
  const analysis = analysisById('concurrency');
  const page = await openPage(t, clipboard);
  await openAnalysis(page, 'retention');
  await page.fill($('clock-amount'), '1');
  await page.selectOption($('clock-unit'), 'days');
  await newAnswer(page, () => page.click($('clock-forward')));
  const clock = await page.inputValue($('clock'));
  await openAnalysis(page, 'concurrency');
  const sql = `-- edited by the author\n${analysis.sql}`;
  await runSql(page, sql);
  const authors = await shownTables(page);
  const caption = await page.textContent(`${$('chart')} figcaption`);
  const link = await shareLink(page);

  const reader = await newPage(t, await newContext(t));
  await reader.goto(link);
  await waitAnswer(reader);
  assert.equal(await editorText(reader), sql);
  assert.equal(await reader.inputValue($('clock')), clock);
  assert.equal(await reader.textContent('#analysis-title'), analysis.title);
  assert.equal(await reader.textContent(`${$('explanation')} p`), analysis.explanation[0]);
  assert.deepEqual(await shownTables(reader), authors);
  assert.ok(authors.length >= 1 && authors.some((table) => table.length > 1), 'the author had rows');
  await reader.waitForSelector(`${$('chart')} canvas`);
  assert.equal(await reader.textContent(`${$('chart')} figcaption`), caption);
});

test('an analysis link naming no analysis of this page, or markup, says so as text and still works', async (t) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  const sql = `SELECT '${hostile}' AS x`;
  const page = await newPage(t, await newContext(t));
  await page.goto(URL + (await linkFor(URL, { sql, seed: 1, scale: 'S', clock: '', generator: pkg.generatorVersion(), analysis: hostile })).slice(URL.length));
  await waitAnswer(page);
  assert.match(await page.textContent($('notice')), /does not have \(“<img src=x onerror="window.__pwned=1">”\)/);
  assert.equal(await page.isVisible($('analysis')), false);
  assert.deepEqual(await shownTable(page), [['x'], [hostile]]);
  assert.equal(await page.$('img'), null);

  // A known analysis with hostile SQL: the analysis opens, the SQL is text.
  await page.goto('about:blank');
  const known = ANALYSES[0];
  await page.goto(URL + (await linkFor(URL, { sql, seed: 1, scale: 'S', clock: '', generator: pkg.generatorVersion(), analysis: known.id })).slice(URL.length));
  await waitAnswer(page);
  assert.equal(await page.textContent('#analysis-title'), known.title);
  assert.equal(await editorText(page), sql);
  assert.equal(await page.$('img'), null);
  // Not a name at all: a damaged link.
  await page.goto('about:blank');
  await page.goto(URL + (await linkFor(URL, { sql, seed: 1, scale: 'S', clock: '', generator: 1, analysis: { id: 'x' } })).slice(URL.length));
  await waitReady(page);
  assert.match(await page.textContent($('notice')), /damaged: the analysis it names is not a short name/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('screenshots: every analysis, wide and light, narrow and dark (looked at by hand)', async (t) => {
  for (const [suffix, options] of [
    ['wide-light', { colorScheme: 'light' }],
    ['narrow-dark', { viewport: { width: 375, height: 812 }, colorScheme: 'dark' }],
  ]) {
    const page = await openPage(t, options);
    const viewport = options.viewport?.width ?? 1280;
    for (const analysis of ANALYSES) {
      await openAnalysis(page, analysis.id);
      if (analysis.chart) await page.waitForSelector(`${$('chart')} canvas`);
      await page.screenshot({ path: join(dirname(SCREENSHOT), `analysis-${analysis.id}-${suffix}.png`), fullPage: true });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= viewport, `${analysis.id}: the page is ${wide} px wide at ${viewport}`);
    }
  }
});
