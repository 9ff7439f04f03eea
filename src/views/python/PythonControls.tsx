/**
 * The Python mode's controls, where a scenario's parameters are: Run (Ctrl+Enter) and what
 * CPython is doing (loading, running, how long it took, why it stopped). Open and Save are the
 * page's file buttons (they take .py files too).
 */
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/context';
import type { PythonStatus } from '../../store/store';

function statusText(status: PythonStatus, t: ReturnType<typeof useT>): string {
  switch (status.kind) {
    case 'idle':
      return t('python.empty');
    case 'loading': {
      const p = status.progress;
      if (p?.phase === 'download' && p.total > 0)
        return t('python.loading', { percent: Math.floor((100 * p.loaded) / p.total) });
      if (p?.phase === 'start' || p?.phase === 'ready') return t('python.starting');
      return t('python.loading', { percent: 0 });
    }
    case 'running':
      return t('python.running');
    case 'ran':
      return t('python.ran', { ms: Math.max(1, Math.round(status.ms)) });
    case 'wall-time':
      return t('python.wallTime', { seconds: status.seconds });
    case 'failed':
      return t('python.failed', { message: status.message });
  }
}

export function PythonControls() {
  const t = useT();
  const status = useApp((s) => s.pythonStatus);
  const edited = useApp(
    (s) =>
      s.run.origin.kind === 'python' &&
      s.pythonStatus.kind === 'ran' &&
      s.run.origin.source !== s.program,
  );
  const runProgram = useApp((s) => s.runProgram);
  const syntax = useApp((s) =>
    s.programProblem?.source === s.program &&
    s.run.origin.kind === 'python' &&
    s.run.origin.source !== s.program
      ? s.programProblem
      : null,
  );
  const busy = status.kind === 'loading' || status.kind === 'running';
  const problem = status.kind === 'wall-time' || status.kind === 'failed' || syntax !== null;
  return (
    <div className="python-controls">
      <button
        type="button"
        className="primary run"
        onClick={() => void runProgram()}
        title={t('python.runTitle')}
        aria-keyshortcuts="Control+Enter"
        data-testid="python-run"
      >
        <span aria-hidden="true">▶ </span>
        {t('python.run')}
      </button>
      <span
        className={problem ? 'python-status problem' : 'python-status'}
        role="status"
        aria-busy={busy}
        data-testid="python-status"
      >
        {syntax
          ? t('python.syntax', { line: syntax.line, message: syntax.message })
          : edited
            ? t('python.edited')
            : statusText(status, t)}
      </span>
    </div>
  );
}
