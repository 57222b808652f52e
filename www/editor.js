// The SQL editor. The page starts with a plain text area and swaps in the code editor (CodeMirror,
// most of the page's script) once `upgrade()` is called, after the first answer: parsing it
// while the engine starts would delay that answer on a machine with few cores. What the text
// area holds (text, selection, focus) moves into the code editor, with the schema's completion
// and any error marker asked for meanwhile.

/**
 * Creates the editor in `parent`. `onRun(text, base)` gets the selection if there is one, else the
 * whole text, and the document offset it starts at; `onChange(text)` follows every edit.
 */
export function createEditor(parent, { doc, onRun, onChange = () => {} }) {
  const area = document.createElement('textarea');
  area.className = 'plain-editor';
  area.value = doc;
  area.spellcheck = false;
  area.setAttribute('autocapitalize', 'off');
  area.setAttribute('autocomplete', 'off');
  area.setAttribute('aria-label', 'SQL statement');
  area.addEventListener('input', () => onChange(area.value));
  area.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    const { selectionStart: from, selectionEnd: to } = area;
    if (from === to) onRun(area.value, 0);
    else onRun(area.value.slice(from, to), from);
  });
  parent.append(area);

  /** The code editor once it is in; until then the text area answers. */
  let code = null;
  let loading = null;
  let schema = null;
  let marker = null;

  return {
    text: () => (code ? code.text() : area.value),

    setText(text) {
      if (code) return code.setText(text);
      area.value = text;
      onChange(text); // as the code editor's change listener does
    },

    /** Puts `text` at the cursor (replacing the selection) and gives the editor focus. */
    insert(text) {
      if (code) return code.insert(text);
      area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
      area.focus();
      onChange(area.value);
    },

    focus: () => (code ? code.focus() : area.focus()),

    /** Completion of tables and their columns; `tables` is what the engine's schema() returns. */
    setSchema(tables) {
      schema = tables;
      code?.setSchema(tables);
    },

    /** A marker at the engine's 1-based `line`/`column` (see code-editor.js), shown once it is in. */
    markError(line, column, message, base = 0) {
      marker = [line, column, message, base];
      code?.markError(...marker);
    },

    clearError() {
      marker = null;
      code?.clearError();
    },

    /** Loads the code editor and puts it in the text area's place; resolves when it is there. */
    upgrade() {
      loading ??= import('./code-editor.js').then(
        ({ createCodeEditor }) => {
          const { selectionStart, selectionEnd, selectionDirection } = area;
          const backward = selectionDirection === 'backward';
          const focused = document.activeElement === area;
          code = createCodeEditor({
            doc: area.value,
            selection: { anchor: backward ? selectionEnd : selectionStart, head: backward ? selectionStart : selectionEnd },
            onRun,
            onChange,
          });
          if (schema) code.setSchema(schema);
          if (marker) code.markError(...marker);
          area.replaceWith(code.view.dom);
          if (focused) code.focus();
        },
        () => {
          // Without it (offline before the page was ever kept) the text area goes on working.
        },
      );
      return loading;
    },
  };
}
