/** The `show_timer` lines, appearing at their virtual time. */
import { formatTime } from '../../engine';
import { useApp } from '../../store/context';
import { selectRun } from '../../store/selectors';
import { usePlaybackCursor } from '../useLoopState';
import { useTaskColor } from '../colors';
import { useT } from '../../i18n/useT';

/** Lines shown at most (the latest); older ones scroll out. */
const SHOWN = 200;

export function ConsolePanel() {
  const taskColor = useTaskColor();
  const t = useT();
  const run = useApp(selectRun);
  const cursor = usePlaybackCursor();
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
  // The box lays its content out from the bottom (column-reverse): the newest line stays in
  // view with no script reading the layout.
  return (
    <div className="console-box" tabIndex={0} role="region" aria-label={t('console.label')}>
      <ol className="console" data-testid="console" start={first + 1}>
        {printed === 0 && <li className="empty">{t('console.empty')}</li>}
        {lines.map((line) => (
          <li
            key={line.event}
            className={line.stream === 1 || line.stream === 3 ? 'stderr' : undefined}
          >
            <span className="log-time">{formatTime(line.time)}</span>{' '}
            {line.task >= 0 && (
              <span className="log-task">
                <span
                  className="dot"
                  style={{ background: taskColor(line.task) }}
                  aria-hidden="true"
                />{' '}
                {/* A program's own lines say who printed them with the dot (and a title). */}
                {line.stream === undefined && run.trace.tasks[line.task].name}
              </span>
            )}{' '}
            <span
              className={line.stream === undefined ? 'log-text' : 'log-text printed'}
              title={line.stream === undefined ? undefined : run.trace.tasks[line.task]?.name}
            >
              {line.text}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
