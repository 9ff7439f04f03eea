/** The `show_timer` lines, appearing at their virtual time. */
import { useLayoutEffect, useRef } from 'react';
import { formatTime } from '../../engine';
import { useApp } from '../../store/context';
import { selectCursor, selectRun } from '../../store/selectors';
import { useTaskColor } from '../colors';
import { useT } from '../../i18n/useT';

/** Lines shown at most (the latest); older ones scroll out. */
const SHOWN = 400;

export function ConsolePanel() {
  const taskColor = useTaskColor();
  const t = useT();
  const run = useApp(selectRun);
  const cursor = useApp(selectCursor);
  const box = useRef<HTMLOListElement>(null);
  // Lines are in event order: the printed ones come before the cursor.
  let lo = 0;
  let hi = run.logs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (run.logs[mid].event < cursor) lo = mid + 1;
    else hi = mid;
  }
  const printed = lo;
  const first = Math.max(0, printed - SHOWN);
  const lines = run.logs.slice(first, printed);
  // Before paint, in the same layout as the new lines.
  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [printed]);
  return (
    <ol
      className="console"
      ref={box}
      aria-label={t('console.label')}
      tabIndex={0}
      data-testid="console"
      start={first + 1}
    >
      {printed === 0 && <li className="empty">{t('console.empty')}</li>}
      {lines.map((line) => (
        <li key={line.event}>
          <span className="log-time">{formatTime(line.time)}</span>{' '}
          <span className="log-task">
            <span className="dot" style={{ background: taskColor(line.task) }} aria-hidden="true" />{' '}
            {run.trace.tasks[line.task].name}
          </span>{' '}
          <span className="log-text">{line.text}</span>
        </li>
      ))}
    </ol>
  );
}
