// The code editor (CodeMirror): highlighting, completion from the schema, Mod-Enter to run, error
// markers. Most of the page's script is this; editor.js loads it once the first answer is shown.
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars,
  drawSelection, dropCursor, rectangularSelection, crosshairCursor, highlightActiveLine,
} from '@codemirror/view';
import { Compartment, EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import { history, defaultKeymap, historyKeymap } from '@codemirror/commands';
import {
  HighlightStyle, syntaxHighlighting, defaultHighlightStyle, foldGutter, foldKeymap, indentOnInput,
  bracketMatching,
} from '@codemirror/language';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { sql, PostgreSQL } from '@codemirror/lang-sql';
import { tags } from '@lezer/highlight';

// CodeMirror's basicSetup without its lint keys (the engine's one error is marked below, not by
// the lint package).
const setup = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  foldGutter(),
  drawSelection(),
  dropCursor(),
  EditorState.allowMultipleSelections.of(true),
  indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  closeBrackets(),
  autocompletion(),
  rectangularSelection(),
  crosshairCursor(),
  highlightActiveLine(),
  highlightSelectionMatches(),
  keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap]),
];

/** The engine's error, underlined where it names (`{from, to, message}`), or none (null). */
const showError = StateEffect.define();
const errorMark = StateField.define({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(showError)) continue;
      const error = effect.value;
      next = error
        ? Decoration.set(Decoration.mark({ class: 'cm-error-mark', attributes: { title: error.message } }).range(error.from, error.to))
        : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// Colours come from CSS variables so the editor follows the page's light or dark scheme.
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--code-keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--code-number)' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: 'var(--code-type)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
]);

// CodeMirror's own theme is light only; these follow the page's colours.
const theme = EditorView.theme({
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-1px' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { background: 'var(--panel)', color: 'var(--muted)', borderRightColor: 'var(--line)' },
  '.cm-activeLine, .cm-activeLineGutter': { background: 'var(--active)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    background: 'color-mix(in srgb, var(--accent) 30%, transparent)',
  },
  '.cm-tooltip': { background: 'var(--panel)', color: 'var(--fg)', borderColor: 'var(--line)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { background: 'var(--accent)', color: 'var(--accent-fg)' },
});

/**
 * Creates the editor, holding `doc` with `selection` ({anchor, head}); its element is `view.dom`.
 * `onRun(text, base)` gets the selection if there is one, else the whole text, and the document
 * offset it starts at; `onChange(text)` follows every edit.
 */
export function createCodeEditor({ doc, selection, onRun, onChange }) {
  const language = new Compartment();
  const run = (view) => {
    const { from, to } = view.state.selection.main;
    if (from === to) onRun(view.state.doc.toString(), 0);
    else onRun(view.state.sliceDoc(from, to), from);
    return true;
  };
  const view = new EditorView({
    doc,
    selection,
    extensions: [
      // Highest: the default keys bind Mod-Enter to "insert blank line".
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run }])),
      setup,
      errorMark,
      syntaxHighlighting(highlight),
      theme,
      language.of(sql({ dialect: PostgreSQL })),
      EditorView.contentAttributes.of({ 'aria-label': 'SQL statement' }),
      EditorView.updateListener.of((update) => update.docChanged && onChange(update.state.doc.toString())),
    ],
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    focus: () => view.focus(),

    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },

    /** Puts `text` at the cursor (replacing the selection) and gives the editor focus. */
    insert(text) {
      view.dispatch(view.state.replaceSelection(text));
      view.focus();
    },

    /** Completion of tables and their columns; `tables` is what the engine's schema() returns. */
    setSchema(tables) {
      const completion = {};
      for (const table of tables) {
        completion[table.name] = table.columns.map((column) => ({
          label: column.name,
          type: 'property',
          detail: column.type,
          info: column.description,
        }));
      }
      view.dispatch({
        effects: language.reconfigure(sql({ dialect: PostgreSQL, schema: completion })),
      });
    },

    /**
     * A marker at the engine's 1-based `line`/`column`, counted from document offset `base` (where
     * the text that ran starts: a selection need not start the document). Clamped to the text.
     */
    markError(line, column, message, base = 0) {
      const doc = view.state.doc;
      const first = doc.lineAt(base);
      const at = doc.line(Math.min(Math.max(first.number + line - 1, 1), doc.lines));
      const start = line === 1 ? base : at.from;
      const from = Math.min(start + Math.max(column - 1, 0), at.to);
      // Underline the word at the position, a qualified name whole (s.start_at), or at least
      // one character.
      const word = view.state.wordAt(from);
      let to = word && word.from === from ? word.to : Math.min(from + 1, at.to);
      for (let next; to < at.to && doc.sliceString(to, to + 1) === '.' && (next = view.state.wordAt(to + 1))?.from === to + 1;) {
        to = next.to;
      }
      // A mark needs one character: at the end of the text, the one before.
      const [markFrom, markTo] = to > from ? [from, to] : from > 0 ? [from - 1, from] : [0, 0];
      view.dispatch({ effects: showError.of(markTo > markFrom ? { from: markFrom, to: markTo, message } : null) });
    },

    clearError() {
      view.dispatch({ effects: showError.of(null) });
    },
  };
}
