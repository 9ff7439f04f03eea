/**
 * The Python code of the preset and its parameters, as the course writes it, with each task's
 * current line marked in its colour and kept in view; a copy button (in the tabs' row, off the
 * code).
 */
import { useEffect, useRef } from 'react';
import { useApp, useAppStore } from '../../store/context';
import { selectLang, selectRun } from '../../store/selectors';
import { pythonIn } from '../../store/run';
import { lineOfStep } from '../../scenario/python';
import { useTaskColor } from '../colors';
import { useLoopState } from '../useLoopState';
import { useT } from '../../i18n/useT';
import { copyText, useFlash } from '../clipboard';

/** Copies the code shown; says whether it worked, under the button (the layout does not move). */
export function CopyCodeButton() {
  const t = useT();
  const lang = useApp(selectLang);
  const run = useApp(selectRun);
  const program = useApp((s) => s.program);
  const store = useAppStore();
  const [status, flash] = useFlash();
  const code = () => program ?? pythonIn(run, lang).code;
  const copy = async () => flash((await copyText(code())) ? t('code.copied') : t('copy.failed'));
  // A scenario's code, opened as a program of one's own: change it, run it with CPython.
  const edit = () => {
    store.getState().openProgram(code());
    void store.getState().runProgram();
  };
  return (
    <span className="copy-group">
      {program === null && (
        <button
          type="button"
          className="copy"
          onClick={edit}
          title={t('code.editTitle')}
          data-testid="edit-code"
        >
          {t('code.edit')}
        </button>
      )}
      <button type="button" className="copy" onClick={copy} data-testid="copy-code">
        {t('code.copy')}
      </button>
      <span className="flash" role="status" data-testid="copy-code-status">
        {status}
      </span>
    </span>
  );
}

export function CodePanel() {
  const taskColor = useTaskColor();
  const t = useT();
  const lang = useApp(selectLang);
  const run = useApp(selectRun);
  const python = pythonIn(run, lang);
  const state = useLoopState();
  const pre = useRef<HTMLPreElement>(null);
  const lines = python.code.replace(/\n$/, '').split('\n');
  // Line (1-based) -> tasks on it; the running one first.
  const at = new Map<number, number[]>();
  state.tasks.forEach((task, t) => {
    if (
      task.step < 0 ||
      task.status === 'done' ||
      task.status === 'failed' ||
      task.status === 'cancelled'
    )
      return;
    const line = lineOfStep(python, t, task.step);
    if (line === undefined) return;
    const list = at.get(line) ?? [];
    if (t === state.running) list.unshift(t);
    else list.push(t);
    at.set(line, list);
  });
  // Keep the running task's line (or the first marked one) in view.
  const focusLine =
    state.running >= 0
      ? lineOfStep(python, state.running, state.tasks[state.running].step)
      : Math.min(...at.keys());
  useEffect(() => {
    const box = pre.current;
    const line = box?.querySelector<HTMLElement>(`[data-line="${focusLine}"]`);
    if (!box || !line) return;
    if (
      line.offsetTop < box.scrollTop ||
      line.offsetTop + line.offsetHeight > box.scrollTop + box.clientHeight
    ) {
      box.scrollTop = Math.max(0, line.offsetTop - box.clientHeight / 2);
    }
  }, [focusLine]);
  return (
    <div className="code-panel">
      <pre className="code" data-testid="code" aria-label={t('code.label')} tabIndex={0} ref={pre}>
        {lines.map((text, i) => {
          const tasks = at.get(i + 1) ?? [];
          const running = tasks.length > 0 && tasks[0] === state.running;
          return (
            <div
              key={i}
              className={`code-line${running ? ' running' : ''}`}
              data-line={i + 1}
              style={running ? { borderLeftColor: taskColor(state.running) } : undefined}
            >
              <span className="line-no" aria-hidden="true">
                {i + 1}
              </span>
              <span className="markers" aria-hidden={tasks.length === 0}>
                {tasks.slice(0, 4).map((t) => (
                  <span
                    key={t}
                    className="dot"
                    style={{ background: taskColor(t) }}
                    title={run.trace.tasks[t].name}
                  />
                ))}
                {tasks.length > 4 && <span className="more">+{tasks.length - 4}</span>}
              </span>
              <code>{text || ' '}</code>
            </div>
          );
        })}
      </pre>
    </div>
  );
}
