/**
 * The timeline as text: the course's table (a row per time slot, a column per task, a star
 * where the task runs inside its sleep). Read by screen readers in place of the drawing.
 */
import { useMemo } from 'react';
import { useApp } from '../../store/context';
import { selectRun, selectRunVersion } from '../../store/selectors';
import { jobGrid } from '../../trace/markdown';

export function GridTable({ id }: { id: string }) {
  const run = useApp(selectRun);
  const version = useApp(selectRunVersion);
  const grid = useMemo(
    () =>
      jobGrid(run.trace, { labels: run.labels, horizon: run.endless ? run.horizon : undefined }),
    [run, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const rows = grid.sleeping.slice(0, 500);
  return (
    <div className="visually-hidden">
      <table id={id}>
        <caption>
          Timeline as text: which task runs (inside its sleep) during each slot of {grid.slot} s
        </caption>
        <thead>
          <tr>
            <th scope="col">slot (s)</th>
            {grid.labels.map((label, i) => (
              <th scope="col" key={i}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{`${+(i * grid.slot).toFixed(6)}-${+((i + 1) * grid.slot).toFixed(6)}`}</th>
              {row.map((on, t) => (
                <td key={t}>{on ? 'runs' : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
