/**
 * The event loop itself: the current iteration and its select timeout, the task running now,
 * the ready queue in order, the timer heap by deadline, and every task's state.
 */
import { useState } from 'react';
import { formatTime, WaitKind, type Trace } from '../../engine';
import { useApp } from '../../store/context';
import { selectCursor, selectRun } from '../../store/selectors';
import { narrate } from '../../trace/narrate';
import type { LoopState, TaskState } from '../../trace/state';
import { taskColor } from '../colors';
import { useLoopState } from '../useLoopState';

export function TaskChip({ task, name, note }: { task: number; name: string; note?: string }) {
  return (
    <span
      className="chip"
      style={{ borderColor: taskColor(task) }}
      title={note ? `${name}: ${note}` : name}
    >
      <span className="dot" style={{ background: taskColor(task) }} aria-hidden="true" />
      {name}
      {note && <span className="chip-note">{note}</span>}
    </span>
  );
}

export function describeTask(
  task: TaskState,
  primitiveNames: string[],
  timerWhen: Float64Array,
): string {
  switch (task.status) {
    case 'created':
      return 'created, not yet run';
    case 'ready':
      return task.cancelled ? 'ready (cancelled)' : 'ready to run';
    case 'running':
      return 'running';
    case 'sleeping':
      return `sleeping until ${formatTime(timerWhen[task.target])} s`;
    case 'waiting': {
      const name = primitiveNames[task.target];
      if (task.wait === WaitKind.QUEUE_PUT) return `waiting to put into ${name} (full)`;
      if (task.wait === WaitKind.QUEUE_GET) return `waiting to get from ${name} (empty)`;
      if (task.wait === WaitKind.ACQUIRE) return `waiting to acquire ${name}`;
      return `waiting for ${name} to be set`;
    }
    case 'done':
      return 'done';
    case 'failed':
      return `failed: ${task.error}`;
    case 'cancelled':
      return 'cancelled';
  }
}

const READY_NOTES = { step: 'step', wakeup: 'wake-up', timer: 'timer' };

/** The current iteration's select timeout, known from the trace even while the loop waits in it. */
function selectTimeout(trace: Trace, state: LoopState): string {
  if (state.timeout !== null) return formatTime(state.timeout);
  const k = state.iteration;
  if (k === 0 || k > trace.iterationCount || trace.iterSelect[k] === 0xffffffff) return '…';
  const timeout = trace.iterTimeout[k];
  return timeout < 0 ? 'None' : formatTime(timeout);
}

export function LoopPanel() {
  const run = useApp(selectRun);
  const cursor = useApp(selectCursor);
  const state = useLoopState();
  const [tasksOpen, setTasksOpen] = useState(state.tasks.length <= 3);
  const trace = run.trace;
  const names = trace.tasks.map((t) => t.name);
  const primitiveNames = trace.primitives.map((p) => p.name);
  const last =
    cursor > 0 ? narrate(trace, cursor - 1) : 'Before the loop starts: the tasks are created';
  const counts = new Map<string, number>();
  for (const t of state.tasks) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);

  return (
    <section className="panel loop" aria-labelledby="loop-title">
      <h2 id="loop-title">Event loop</h2>
      <p className="loop-head">
        <span>
          iteration <b data-testid="iteration">{state.iteration}</b>
        </span>
        <span>
          t = <b data-testid="time">{formatTime(state.time)}</b> s
        </span>
        <span>
          select(timeout=<b>{selectTimeout(trace, state)}</b>)
        </span>
      </p>
      <p className="event-line" aria-live="polite" data-testid="event">
        <span className="event-index">
          {cursor}/{trace.eventCount}
        </span>{' '}
        {last}
      </p>
      <div className="loop-row">
        <h3>Running</h3>
        <div className="chips">
          {state.running >= 0 ? (
            <TaskChip task={state.running} name={names[state.running]} />
          ) : (
            <span className="empty">—</span>
          )}
        </div>
      </div>
      <div className="loop-row">
        <h3>
          Ready queue <span className="count">{state.ready.length}</span>
        </h3>
        <ol className="chips" data-testid="ready">
          {state.ready.length === 0 && <li className="empty">empty</li>}
          {state.ready.slice(0, 24).map((entry, i) => (
            <li key={i}>
              <TaskChip
                task={entry.task}
                name={names[entry.task]}
                note={entry.cancelled ? 'cancelled' : READY_NOTES[entry.kind]}
              />
            </li>
          ))}
          {state.ready.length > 24 && <li className="more">+{state.ready.length - 24}</li>}
        </ol>
      </div>
      <div className="loop-row">
        <h3>
          Timers <span className="count">{state.timers.length}</span>
        </h3>
        <ol className="chips" data-testid="timers">
          {state.timers.length === 0 && <li className="empty">none</li>}
          {state.timers.slice(0, 16).map((timer) => (
            <li key={timer.id} className={timer.cancelled ? 'cancelled' : undefined}>
              <TaskChip
                task={timer.task}
                name={names[timer.task]}
                note={`${formatTime(timer.when)} s`}
              />
            </li>
          ))}
          {state.timers.length > 16 && <li className="more">+{state.timers.length - 16}</li>}
        </ol>
      </div>
      <details
        className="tasks"
        open={tasksOpen}
        onToggle={(e) => setTasksOpen(e.currentTarget.open)}
      >
        <summary>
          <h3>Tasks</h3>{' '}
          <span className="summary-counts">
            {[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}
          </span>
        </summary>
        {tasksOpen && (
          <ul data-testid="tasks">
            {state.tasks.map((task, i) => (
              <li key={i} className={`task-state ${task.status}`}>
                <span className="dot" style={{ background: taskColor(i) }} aria-hidden="true" />
                <b>{names[i]}</b> {describeTask(task, primitiveNames, trace.timerWhen)}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
