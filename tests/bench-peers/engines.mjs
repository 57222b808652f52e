// The three engines behind one async interface, for node and the browser alike:
//   start()             instantiate (the platform's loader: import, compile, instantiate, connect)
//   load(scale, data)   data in: ours generates in place; the peers load our exported CSV text
//                       (data = { schema: the PostgreSQL DDL of `sandbox export`, csv: {table: text} })
//   run(statements)     runs them in order; the last one's answer as { kinds, rows }
//   save(), restore()   untimed, so each run of statements that write starts from the loaded data
//                       (ours and sql.js: all of it; DuckDB: the chat table, as only the purge
//                       writes in the plans it is given)
//   idle()              optional, untimed, after each run: what the host does between answers
//                       (ours: the page's worker frees dropped tables' memory then)
// Only the loaders differ per platform: `node-engine.mjs` and `page.mjs` pass them in.

import { cellValue } from './normalize.mjs';

// ---------------------------------------------------------------------------------------------
// Schema and CSV

/** Tables of the PostgreSQL DDL in order: [{ name, columns: [{ name, type }] }]. */
export function parseSchema(ddl) {
  const tables = [];
  for (const m of ddl.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g)) {
    const columns = [];
    for (const line of m[2].split('\n')) {
      const col = /^\s+(\w+) (\w+)/.exec(line);
      if (col && !['PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK'].includes(col[1])) {
        columns.push({ name: col[1], type: col[2].toUpperCase() });
      }
    }
    tables.push({ name: m[1], columns });
  }
  return tables;
}

/** The statements of a DDL script (`;` at the end of a line ends one). */
export function splitStatements(sql) {
  return sql.split(/;\s*$/m).map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter(Boolean);
}

/**
 * The DDL as SQLite is best told it: INTEGER keys become rowid aliases, money is REAL (SQLite has
 * no exact decimal), timestamps are TEXT in the one format we export, booleans 0/1.
 */
export function sqliteSchema(ddl) {
  return ddl
    .replace(/\bBIGINT\b/g, 'INTEGER')
    .replace(/\bNUMERIC\(\d+,\s*\d+\)/g, 'REAL')
    .replace(/\bTIMESTAMP\b/g, 'TEXT')
    .replace(/\bBOOLEAN\b/g, 'INTEGER');
}

/**
 * RFC 4180 CSV as our export writes it: a header line, `"` quoting with `""` escapes, and an
 * empty unquoted field for NULL. Calls `row(fields)` per record (header skipped).
 */
export function parseCsv(text, row) {
  const n = text.length;
  let i = text.indexOf('\n') + 1;
  let fields = [];
  while (i < n) {
    let value;
    if (text.charCodeAt(i) === 34) {
      // Quoted: up to a `"` not followed by another.
      let out = '';
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted CSV field');
        if (text.charCodeAt(q + 1) === 34) {
          out += text.slice(from, q + 1);
          i = from = q + 2;
        } else {
          out += text.slice(from, q);
          i = q + 1;
          break;
        }
      }
      value = out;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      value = j === i ? null : text.slice(i, j);
      i = j;
    }
    fields.push(value);
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
    } else {
      if (c === 13) i++;
      i++;
      row(fields);
      fields = [];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Ours

const OUR_KINDS = { INT: 'int', DECIMAL: 'decimal', FLOAT: 'float', BOOLEAN: 'bool' };

/** `loader()` resolves to the module's exports after instantiating it ({ Sandbox, ... }). */
export function ours(loader) {
  let pkg = null;
  let sandbox = null;
  return {
    id: 'ours',
    version: '',
    async start() {
      pkg = await loader();
      this.version = `generator v${pkg.generatorVersion()}`;
    },
    async load(scale) {
      sandbox?.free();
      sandbox = null;
      sandbox = new pkg.Sandbox(1, scale, '');
      // Whole answers: the page's 10,000-row cap would cut average concurrency at M.
      sandbox.setRowCap(1e9);
    },
    async run(statements) {
      let last = null;
      for (const sql of statements) {
        const results = sandbox.run(sql);
        for (const r of results) if (r.columns.length) last = r;
      }
      if (!last) return { kinds: [], rows: [] };
      const kinds = last.columns.map((c) => OUR_KINDS[c.type] ?? 'text');
      const rows = last.rows.map((row) =>
        row.map((v, i) => (kinds[i] === 'decimal' && v !== null ? Number(v) : cellValue(v))));
      return { kinds, rows };
    },
    async save() {},
    async restore() {
      sandbox.reset();
      // As the page's worker does once idle: the tables it defers are loaded again.
      sandbox.loadLate();
    },
    // As the page's worker does once an answer is out: frees what dropped tables held.
    async idle() {
      sandbox.release();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// sql.js

/** `loader()` resolves to the initialised sql.js module (what `initSqlJs()` gives). */
export function sqljs(loader) {
  let SQL = null;
  let db = null;
  let saved = null; // the database file after load
  const exec = (sql) => db.exec(sql);
  return {
    id: 'sqljs',
    version: '',
    async start() {
      SQL = await loader();
      db = new SQL.Database();
      this.version = `SQLite ${db.exec('SELECT sqlite_version()')[0].values[0][0]}`;
    },
    async load(_scale, data) {
      db?.close();
      db = new SQL.Database();
      exec(sqliteSchema(data.schema));
      exec('BEGIN');
      for (const table of parseSchema(data.schema)) {
        const convert = table.columns.map(({ type }) => {
          if (type === 'BIGINT' || type === 'NUMERIC') return (v) => (v === null ? null : Number(v));
          if (type === 'BOOLEAN') return (v) => (v === null ? null : v === 'true' ? 1 : 0);
          return (v) => v;
        });
        const marks = table.columns.map(() => '?').join(', ');
        const stmt = db.prepare(`INSERT INTO ${table.name} VALUES (${marks})`);
        parseCsv(data.csv[table.name], (fields) => {
          for (let i = 0; i < fields.length; i++) fields[i] = convert[i](fields[i]);
          stmt.run(fields);
        });
        stmt.free();
      }
      exec('COMMIT');
    },
    async run(statements) {
      let last = [];
      for (const sql of statements) last = exec(sql);
      const result = last[last.length - 1];
      if (!result) return { kinds: [], rows: [] };
      return { kinds: result.columns.map(() => ''), rows: result.values.map((r) => r.map(cellValue)) };
    },
    async save() {
      saved = db.export();
    },
    async restore() {
      db.close();
      db = new SQL.Database(saved);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// DuckDB-wasm

/**
 * `loader()` resolves to { query(sql) → Arrow table (or a promise of one), registerFileText(name,
 * text), version }: the node blocking build and the browser's AsyncDuckDB both fit.
 */
export function duckdb(loader) {
  let db = null;
  let loaded = [];
  const query = async (sql) => db.query(sql);
  return {
    id: 'duckdb',
    version: '',
    async start() {
      db = await loader();
      this.version = `DuckDB ${db.version}`;
    },
    async load(_scale, data) {
      for (const name of loaded.reverse()) await query(`DROP TABLE IF EXISTS ${name}`);
      loaded = [];
      for (const statement of splitStatements(data.schema)) await query(statement);
      for (const table of parseSchema(data.schema)) {
        const file = `${table.name}.csv`;
        await db.registerFileText(file, data.csv[table.name]);
        await query(`COPY ${table.name} FROM '${file}' (HEADER true)`);
        loaded.push(table.name);
      }
    },
    async run(statements) {
      let table = null;
      for (const sql of statements) table = await query(sql);
      return arrowAnswer(table);
    },
    async save() {
      await query('CREATE OR REPLACE TABLE chat_saved AS SELECT * FROM chat_messages');
    },
    async restore() {
      await query('DELETE FROM chat_messages');
      await query('INSERT INTO chat_messages SELECT * FROM chat_saved');
    },
  };
}

const pad2 = (n) => String(n).padStart(2, '0');

function timestampText(ms, withTime) {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  if (!withTime) return date;
  return `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** An Arrow decimal (four little-endian 32-bit words, two's complement) as a Number. */
function decimalNumber(words, scale) {
  let big = 0n;
  for (let w = 3; w >= 0; w--) big = (big << 32n) | BigInt(words[w] >>> 0);
  if (big >= 1n << 127n) big -= 1n << 128n;
  if (!scale) return Number(big);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return Number(negative ? `-${text}` : text);
}

// Arrow type ids (apache-arrow's Type enum).
const ARROW = { Null: 1, Int: 2, Float: 3, Utf8: 5, Bool: 6, Decimal: 7, Date: 8, Timestamp: 10, Interval: 11 };

export function arrowAnswer(table) {
  if (!table) return { kinds: [], rows: [] };
  const fields = table.schema.fields;
  const kinds = [];
  const convert = fields.map((field) => {
    const type = field.type;
    switch (field.typeId) {
      case ARROW.Decimal:
        kinds.push(type.scale > 0 ? 'decimal' : 'int');
        return (v) => decimalNumber(v, type.scale);
      case ARROW.Int:
        kinds.push('int');
        return (v) => Number(v);
      case ARROW.Float:
        kinds.push('float');
        return (v) => v;
      case ARROW.Bool:
        kinds.push('bool');
        return (v) => (v ? 1 : 0);
      case ARROW.Timestamp:
        kinds.push('text');
        return (v) => timestampText(v, true);
      case ARROW.Date:
        kinds.push('text');
        return (v) => timestampText(v, false);
      case ARROW.Utf8:
        kinds.push('text');
        return (v) => v;
      case ARROW.Null:
        kinds.push('');
        return () => null;
      default:
        throw new Error(`cannot read Arrow type ${type} (column ${field.name})`);
    }
  });
  const columns = fields.map((_, i) => table.getChildAt(i));
  const rows = [];
  for (let r = 0; r < table.numRows; r++) {
    rows.push(columns.map((col, i) => {
      const v = col.get(r);
      return v === null || v === undefined ? null : convert[i](v);
    }));
  }
  return { kinds, rows };
}
