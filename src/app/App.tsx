import { useMemo } from 'react';
import { compileScenario, simulate } from '../engine';
import { jobWindowScenario, JOB_WINDOW_DEFAULTS } from '../scenario/presets';
import { taskLabels } from '../trace/labels';
import { jobGrid } from '../trace/markdown';

/** App shell: the course's job window, simulated in the page. */
export function App() {
  const grid = useMemo(() => {
    const compiled = compileScenario(jobWindowScenario(JOB_WINDOW_DEFAULTS));
    return jobGrid(simulate(compiled), { labels: taskLabels(compiled) });
  }, []);
  return (
    <main>
      <h1>asyncio, step by step</h1>
      <p>The job window of the course: Queue(maxsize=4), 8 jobs.</p>
      <table aria-label="Job timeline">
        <thead>
          <tr>
            <th scope="col">slot</th>
            {grid.labels.map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.sleeping.map((row, i) => (
            <tr key={i}>
              <th scope="row">{`${i}-${i + 1}`}</th>
              {row.map((on, t) => (
                <td key={t}>{on ? '*' : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
