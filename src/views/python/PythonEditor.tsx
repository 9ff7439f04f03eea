/**
 * The program's editor: CodeMirror 6 with Python syntax, line numbers, undo, Tab indents
 * (Escape then Tab leaves, as CodeMirror documents), Ctrl+Enter runs. Each task's current line
 * is marked in its colour (a gutter dot and a tinted line, stronger for the running task), and
 * the line where the last run stopped is underlined with its message under it. Loaded on demand
 * (React.lazy): CodeMirror stays out of the page's first download.
 */
import { useEffect, useRef } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import {
  Compartment,
  EditorState,
  Prec,
  RangeSet,
  StateEffect,
  StateField,
} from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  gutter,
  GutterMarker,
  highlightActiveLine,
  keymap,
  lineNumbers,
  WidgetType,
  type DecorationSet,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';

export interface EditorMarker {
  line: number;
  color: string;
  /** The task's name. */
  label: string;
  running?: boolean;
}

export interface EditorError {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

export interface PythonEditorProps {
  value: string;
  onChange(value: string): void;
  onRun?(): void;
  error?: EditorError | null;
  markers?: EditorMarker[];
  theme?: 'light' | 'dark';
  ariaLabel: string;
  readOnly?: boolean;
  fontSize?: number;
}

// ---- task markers: a gutter dot per task on its line, and the line tinted

class TaskDot extends GutterMarker {
  constructor(readonly markers: EditorMarker[]) {
    super();
  }
  override eq(other: TaskDot) {
    return (
      other.markers.length === this.markers.length &&
      other.markers.every(
        (m, i) => m.color === this.markers[i].color && m.running === this.markers[i].running,
      )
    );
  }
  override toDOM() {
    const box = document.createElement('span');
    box.className = 'cm-task-dots';
    box.title = this.markers.map((m) => m.label).join(', ');
    for (const m of this.markers.slice(0, 3)) {
      const dot = document.createElement('span');
      dot.className = m.running ? 'cm-task-dot running' : 'cm-task-dot';
      dot.style.background = m.color;
      box.append(dot);
    }
    if (this.markers.length > 3) box.append(`+${this.markers.length - 3}`);
    return box;
  }
}

const setMarkers = StateEffect.define<EditorMarker[]>();
const setError = StateEffect.define<EditorError | null>();

interface Marks {
  markers: EditorMarker[];
  lines: DecorationSet;
  dots: RangeSet<GutterMarker>;
}

function buildMarks(state: EditorState, markers: EditorMarker[]): Marks {
  const byLine = new Map<number, EditorMarker[]>();
  for (const m of markers) {
    if (m.line < 1 || m.line > state.doc.lines) continue;
    const list = byLine.get(m.line) ?? [];
    if (m.running) list.unshift(m);
    else list.push(m);
    byLine.set(m.line, list);
  }
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  const decorations = lines.map((n) => {
    const first = byLine.get(n)![0];
    return Decoration.line({
      class: first.running ? 'cm-task-line running' : 'cm-task-line',
      attributes: {
        style: `--task-color: ${first.color}`,
        'data-tasks': byLine
          .get(n)!
          .map((m) => m.label)
          .join(', '),
      },
    }).range(state.doc.line(n).from);
  });
  const dots = lines.map((n) => new TaskDot(byLine.get(n)!).range(state.doc.line(n).from));
  return { markers, lines: Decoration.set(decorations), dots: RangeSet.of(dots) };
}

const marksField = StateField.define<Marks>({
  create: (state) => buildMarks(state, []),
  update(value, tr) {
    for (const effect of tr.effects)
      if (effect.is(setMarkers)) return buildMarks(tr.state, effect.value);
    // Typing: the marks belong to the code that ran; they move with the text until it runs again.
    return tr.docChanged
      ? {
          markers: value.markers,
          lines: value.lines.map(tr.changes),
          dots: value.dots.map(tr.changes),
        }
      : value;
  },
  provide: (field) => EditorView.decorations.from(field, (marks) => marks.lines),
});

// ---- the error: a wavy underline, the line tinted, the message under it

class ErrorMessage extends WidgetType {
  constructor(readonly message: string) {
    super();
  }
  override eq(other: ErrorMessage) {
    return other.message === this.message;
  }
  override toDOM() {
    const box = document.createElement('div');
    box.className = 'cm-error-message';
    box.setAttribute('data-testid', 'editor-error-message');
    box.setAttribute('role', 'alert');
    box.textContent = this.message;
    return box;
  }
}

function buildError(state: EditorState, error: EditorError | null): DecorationSet {
  if (!error || error.line < 1 || error.line > state.doc.lines) return Decoration.none;
  const line = state.doc.line(error.line);
  const decorations = [
    Decoration.line({
      class: 'cm-error-line',
      attributes: { 'data-testid': 'editor-error-line' },
    }).range(line.from),
  ];
  // The range CPython gave (columns 1-based), else the line's text without its indent.
  let from = line.from + (error.column ? error.column - 1 : line.text.search(/\S|$/));
  let to =
    error.endLine === error.line && error.endColumn && error.endColumn > (error.column ?? 0)
      ? line.from + error.endColumn - 1
      : line.to;
  from = Math.min(Math.max(from, line.from), line.to);
  to = Math.min(Math.max(to, from), line.to);
  if (to === from && from < line.to) to = from + 1;
  if (to > from) decorations.push(Decoration.mark({ class: 'cm-error-range' }).range(from, to));
  decorations.push(
    Decoration.widget({ widget: new ErrorMessage(error.message), block: true, side: 1 }).range(
      line.to,
    ),
  );
  return Decoration.set(decorations, true);
}

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const effect of tr.effects)
      if (effect.is(setError)) return buildError(tr.state, effect.value);
    // Once the text changes, the error is about another program: gone.
    return tr.docChanged ? Decoration.none : value;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// ---- looks: large type, colours of AA contrast on both backgrounds

const LIGHT = {
  keyword: '#7a1fa2',
  string: '#0b6b2b',
  number: '#8a4b00',
  comment: '#5c6370',
  function: '#1f4fa8',
  constant: '#a3161c',
};
const DARK = {
  keyword: '#e3a6ff',
  string: '#8fe3a4',
  number: '#ffc07a',
  comment: '#aab2bf',
  function: '#8cc4ff',
  constant: '#ff9e9e',
};

function highlight(colors: typeof LIGHT) {
  return HighlightStyle.define([
    {
      tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
      color: colors.keyword,
      fontWeight: '600',
    },
    { tag: [tags.string, tags.special(tags.string)], color: colors.string },
    { tag: [tags.number, tags.bool, tags.null], color: colors.number },
    { tag: tags.comment, color: colors.comment, fontStyle: 'italic' },
    {
      tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))],
      color: colors.function,
    },
    {
      tag: [tags.definition(tags.className), tags.className],
      color: colors.function,
      fontWeight: '600',
    },
    { tag: tags.self, color: colors.constant },
  ]);
}

function themeOf(theme: 'light' | 'dark', fontSize: number) {
  const dark = theme === 'dark';
  return [
    EditorView.theme(
      {
        '&': {
          fontSize: `${fontSize}px`,
          height: '100%',
          color: dark ? '#f2f2f2' : '#1b1b1b',
          backgroundColor: dark ? '#16181c' : '#ffffff',
        },
        '.cm-scroller': {
          fontFamily: "ui-monospace, 'SF Mono', Menlo, Consolas, monospace",
          lineHeight: '1.45',
        },
        '.cm-content': { caretColor: dark ? '#ffffff' : '#000000' },
        '.cm-gutters': {
          backgroundColor: dark ? '#16181c' : '#ffffff',
          color: dark ? '#aab2bf' : '#5c6370',
          border: 'none',
        },
        '.cm-activeLine': { backgroundColor: dark ? '#ffffff0d' : '#0000000a' },
        '.cm-activeLineGutter': {
          backgroundColor: 'transparent',
          color: dark ? '#f2f2f2' : '#1b1b1b',
        },
        '&.cm-focused': { outline: `3px solid ${dark ? '#6aa8ff' : '#1f5fa8'}` },
        '&.cm-focused .cm-selectionBackground, ::selection, .cm-selectionBackground': {
          backgroundColor: dark ? '#2f4a73' : '#cfe0fb',
        },
        '.cm-task-line': {
          backgroundColor: 'color-mix(in srgb, var(--task-color) 12%, transparent)',
          boxShadow: 'inset 4px 0 0 var(--task-color)',
        },
        '.cm-task-line.running': {
          backgroundColor: 'color-mix(in srgb, var(--task-color) 26%, transparent)',
          boxShadow: 'inset 6px 0 0 var(--task-color)',
        },
        '.cm-task-gutter': { minWidth: '34px' },
        '.cm-task-dots': {
          display: 'inline-flex',
          gap: '2px',
          alignItems: 'center',
          padding: '0 4px',
          fontSize: '13px',
        },
        '.cm-task-dot': {
          width: '10px',
          height: '10px',
          borderRadius: '50%',
          display: 'inline-block',
        },
        '.cm-task-dot.running': {
          width: '14px',
          height: '14px',
          outline: `2px solid ${dark ? '#ffffff' : '#000000'}`,
        },
        '.cm-error-line': { backgroundColor: dark ? '#5a1d1d' : '#fde7e7' },
        '.cm-error-range': {
          textDecoration: `underline wavy ${dark ? '#ff8a80' : '#b3261e'}`,
          textDecorationThickness: '2px',
          textUnderlineOffset: '3px',
        },
        '.cm-error-message': {
          fontFamily: 'system-ui, sans-serif',
          fontSize: `${Math.max(16, fontSize - 2)}px`,
          padding: '2px 8px 4px 12px',
          margin: '0 0 2px',
          color: dark ? '#ffd7d3' : '#7a1712',
          backgroundColor: dark ? '#3a1515' : '#fbd5d2',
          borderLeft: `4px solid ${dark ? '#ff8a80' : '#b3261e'}`,
          whiteSpace: 'pre-wrap',
        },
      },
      { dark },
    ),
    syntaxHighlighting(highlight(dark ? DARK : LIGHT)),
  ];
}

export default function PythonEditor(props: PythonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by the editor's handlers (made once).
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const themeSlot = useRef(new Compartment());
  const readOnlySlot = useRef(new Compartment());
  const labelSlot = useRef(new Compartment());
  const fontSize = Math.max(16, props.fontSize ?? 18);

  useEffect(() => {
    const p = latest.current;
    const run = () => {
      latest.current.onRun?.();
      return true;
    };
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: p.value,
        extensions: [
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run }])),
          lineNumbers(),
          gutter({
            class: 'cm-task-gutter',
            markers: (v) => v.state.field(marksField).dots,
            initialSpacer: () => new TaskDot([]),
          }),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          // No sideways scrolling in front of a class: long lines wrap.
          EditorView.lineWrapping,
          python(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          marksField,
          errorField,
          themeSlot.current.of(themeOf(p.theme ?? 'light', fontSize)),
          readOnlySlot.current.of(EditorState.readOnly.of(p.readOnly ?? false)),
          labelSlot.current.of(
            EditorView.contentAttributes.of({
              'aria-label': p.ariaLabel,
              'aria-multiline': 'true',
            }),
          ),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Made once; the props below reach it through transactions.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // A value changed from outside (a file opened, a link): replace the text, keep the cursor.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const doc = editor.state.doc.toString();
    if (doc === props.value) return;
    const head = Math.min(editor.state.selection.main.head, props.value.length);
    editor.dispatch({
      changes: { from: 0, to: doc.length, insert: props.value },
      selection: { anchor: head },
    });
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: [
        themeSlot.current.reconfigure(themeOf(props.theme ?? 'light', fontSize)),
        readOnlySlot.current.reconfigure(EditorState.readOnly.of(props.readOnly ?? false)),
        labelSlot.current.reconfigure(
          EditorView.contentAttributes.of({
            'aria-label': props.ariaLabel,
            'aria-multiline': 'true',
          }),
        ),
      ],
    });
  }, [props.theme, props.readOnly, props.ariaLabel, fontSize]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const markers = props.markers ?? [];
    const effects: StateEffect<unknown>[] = [setMarkers.of(markers)];
    // Keep the running task's line (or the first marked one) in view, unless one is typing.
    const shown = markers.find((m) => m.running) ?? markers[0];
    if (shown && !editor.hasFocus && shown.line <= editor.state.doc.lines) {
      const line = editor.state.doc.line(shown.line);
      const box = editor.scrollDOM.getBoundingClientRect();
      const where = editor.lineBlockAt(line.from);
      const top = editor.documentTop + where.top - box.top;
      if (top < 0 || top + where.height > box.height)
        effects.push(EditorView.scrollIntoView(line.from, { y: 'center' }));
    }
    editor.dispatch({ effects });
  }, [props.markers]);

  // After the value's effect (same render): the error is about the text now shown.
  useEffect(() => {
    view.current?.dispatch({ effects: setError.of(props.error ?? null) });
  }, [props.error, props.value]);

  return <div className="python-editor" ref={host} data-testid="python-editor" />;
}
