/**
 * The Python mode's program: the editor (CodeMirror, loaded on demand) with each task's current
 * line marked in its colour, as the code panel marks a scenario's, and the line where the last
 * run stopped (a syntax error, an exception, an unsupported call, a loop that never yields).
 */
import { lazy, Suspense, useMemo } from 'react';
import { lineOfStep } from '../../scenario/python';
import { useApp } from '../../store/context';
import { useT } from '../../i18n/useT';
import { useTaskColor } from '../colors';
import { endMessage } from '../endMessage';
import { useLoopState } from '../useLoopState';

const PythonEditor = lazy(() => import('./PythonEditor'));

export function ProgramPanel() {
  const t = useT();
  const program = useApp((s) => s.program) ?? '';
  const setProgram = useApp((s) => s.setProgram);
  const runProgram = useApp((s) => s.runProgram);
  const problem = useApp((s) => s.programProblem);
  const theme = useApp((s) => s.theme);
  const run = useApp((s) => s.run);
  const taskColor = useTaskColor();
  const state = useLoopState();
  // The marks belong to the code that ran: none once it was changed.
  const current = run.origin.kind === 'python' && run.origin.source === program;
  const markers = useMemo(() => {
    if (!current) return [];
    const list: { line: number; color: string; label: string; running: boolean }[] = [];
    state.tasks.forEach((task, i) => {
      if (task.step < 0 || ['done', 'failed', 'cancelled'].includes(task.status)) return;
      const line = lineOfStep(run.python, i, task.step);
      if (line === undefined) return;
      list.push({
        line,
        color: taskColor(i),
        label: run.trace.tasks[i]?.name ?? '',
        running: i === state.running,
      });
    });
    return list;
  }, [current, state, run, taskColor]);
  const endText = run.trace.end ? endMessage(run.trace, t) : '';
  const ranThis = run.origin.kind === 'python' && run.origin.source === program;
  const error = useMemo(
    () =>
      problem && problem.source === program
        ? {
            ...problem,
            // The reader's words for why it stopped (a syntax error is CPython's own).
            message: (ranThis && endText) || problem.message,
          }
        : null,
    [problem, program, ranThis, endText],
  );
  return (
    <div className="program-panel">
      <Suspense
        fallback={
          <pre className="code" data-testid="editor-loading">
            {program}
          </pre>
        }
      >
        <PythonEditor
          value={program}
          onChange={setProgram}
          onRun={() => void runProgram()}
          error={error}
          markers={markers}
          theme={theme}
          ariaLabel={t('python.editor')}
        />
      </Suspense>
    </div>
  );
}
