/**
 * The timeline as text: the course's table (a row per time slot, a column per task, "runs"
 * where the task is inside its sleep, "waits" where it waits: the hatched cells) when it is
 * small enough to read, else each task's stretches of running and waiting as a list. Kept in the page for screen readers when small;
 * shown on request (the "Table" button) for everyone.
 */
import { useMemo } from 'react';
import { formatTime } from '../../engine';
import { useApp } from '../../store/context';
import { selectRun, selectRunVersion } from '../../store/selectors';
import { gridShape, jobGrid } from '../../trace/markdown';
import { useT } from '../../i18n/useT';

export const TABLE_MAX_COLUMNS = 40;
export const TABLE_MAX_ROWS = 120;

export function GridTable({ id, visible }: { id: string; visible: boolean }) {
  const t = useT();
  const run = useApp(selectRun);
  const version = useApp(selectRunVersion);
  const small = run.trace.tasks.length <= TABLE_MAX_COLUMNS;
  const content = useMemo(() => {
    if (!visible && !small) return null;
    const options = {
      labels: run.labels,
      horizon: run.endless ? run.horizon : undefined,
      timelines: run.timelines,
    };
    // The table's size first: a long run (150,000 s of the producer/consumer) gets the list.
    if (small && gridShape(run.trace, options).slots <= TABLE_MAX_ROWS) {
      const grid = jobGrid(run.trace, options);
      const activity = grid.activity;
      const words = {
        sleeping: t('timeline.runs'),
        blocked: t('timeline.waits'),
        blocking: t('block.timeline'),
      };
      return (
        <table id={id} className="grid-table">
          <caption>{t('timeline.tableCaption', { slot: grid.slot })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.slot')}</th>
              {grid.labels.map((label, i) => (
                <th scope="col" key={i}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {activity.map((row, i) => (
              <tr key={i}>
                <th scope="row">{`${+(i * grid.slot).toFixed(6)}-${+((i + 1) * grid.slot).toFixed(6)}`}</th>
                {row.map((kinds, task) => (
                  <td key={task}>{kinds.map((kind) => words[kind]).join(', ')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    return (
      <ul id={id} className="grid-list" aria-label={t('timeline.listLabel')}>
        {run.timelines.map((timeline, task) => (
          <li key={task}>
            <b>{run.labels[task]}</b>:{' '}
            {timeline.segments
              .filter((s) => s.end > s.start)
              .map((s) =>
                t(
                  s.kind === 'sleeping'
                    ? 'timeline.listRuns'
                    : s.kind === 'blocking'
                      ? 'block.list'
                      : 'timeline.listWaits',
                  {
                    from: formatTime(s.start),
                    to: formatTime(s.end),
                  },
                ),
              )
              .join(', ')}
            {timeline.endTime !== null
              ? t('timeline.listDone', { t: formatTime(timeline.endTime) })
              : ''}
          </li>
        ))}
      </ul>
    );
  }, [run, version, id, visible, small, t]); // eslint-disable-line react-hooks/exhaustive-deps
  if (content === null) return null;
  return (
    <div className={visible ? 'grid-text' : 'visually-hidden'} tabIndex={visible ? 0 : undefined}>
      {content}
    </div>
  );
}
