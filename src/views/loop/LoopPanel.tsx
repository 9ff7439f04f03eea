/**
 * The event loop itself: the current iteration and its select timeout, the task running now,
 * the ready queue in order, the timer heap by deadline, and every task's state.
 */
import { useState } from 'react';
import { Ev, formatTime, WaitKind, type Trace } from '../../engine';
import { timerLateness } from '../../trace/lateness';
import type { MessageKey } from '../../i18n/messages';
import { useT, type T } from '../../i18n/useT';
import { useApp } from '../../store/context';
import { selectCursor, selectLang, selectRun } from '../../store/selectors';
import { narrate } from '../../trace/narrate';
import type { FdState, LoopState, TaskState } from '../../trace/state';
import { useTaskColor } from '../colors';
import { useLoopState } from '../useLoopState';

export function TaskChip({
  task,
  name,
  note,
  late,
}: {
  task: number;
  name: string;
  note?: string;
  /** Red: a timer due before now (a blocking call held the loop up). */
  late?: boolean;
}) {
  const taskColor = useTaskColor();
  return (
    <span
      className={late ? 'chip late' : 'chip'}
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
  timerWhen: (id: number) => number,
  taskName: (task: number) => string,
  gathered: (gather: number) => string,
  t: T,
): string {
  switch (task.status) {
    case 'unstarted':
      return t('task.unstarted');
    case 'created':
      return t('task.created');
    case 'ready':
      return t(task.cancelled ? 'task.readyCancelled' : 'task.ready');
    case 'running':
      return t('task.running');
    case 'sleeping':
      return t('task.sleeping', { t: formatTime(timerWhen(task.target)) });
    case 'waiting': {
      if (task.wait === WaitKind.TASK) return t('task.await', { target: taskName(task.target) });
      if (task.wait === WaitKind.GATHER)
        return t('task.gather', { targets: gathered(task.target) });
      const primitive = primitiveNames[task.target];
      if (task.wait === WaitKind.JOIN) return t('task.join', { primitive });
      if (task.wait === WaitKind.QUEUE_PUT) return t('task.put', { primitive });
      if (task.wait === WaitKind.QUEUE_GET) return t('task.get', { primitive });
      if (task.wait === WaitKind.ACQUIRE) return t('task.acquire', { primitive });
      if (task.wait === WaitKind.IO) return t('task.io', { primitive });
      return t('task.event', { primitive });
    }
    case 'done':
      return t('task.done');
    case 'failed':
      return t('task.failed', { error: task.error ?? '' });
    case 'cancelled':
      return t('task.cancelled');
  }
}

const READY_NOTES: Record<'step' | 'wakeup' | 'timer' | 'callback' | 'handle', MessageKey> = {
  handle: 'ready.handle',
  step: 'ready.step',
  wakeup: 'ready.wakeup',
  timer: 'ready.timer',
  callback: 'ready.callback',
};

/** The current iteration's select timeout, known from the trace even while the loop waits in it. */
function selectTimeout(trace: Trace, state: LoopState): string {
  if (state.timeout !== null) return formatTime(state.timeout);
  const k = state.iteration;
  if (k === 0 || k > trace.iterationCount || !trace.iterationSelected(k)) return '…';
  const timeout = trace.iterationTimeout(k);
  return timeout < 0 ? 'None' : formatTime(timeout);
}

const SHOWN_READY = 24;
const SHOWN_TIMERS = 16;

export function LoopPanel() {
  const taskColor = useTaskColor();
  const t = useT();
  const lang = useApp(selectLang);
  const run = useApp(selectRun);
  const cursor = useApp(selectCursor);
  const state = useLoopState();
  const [tasksOpen, setTasksOpen] = useState(state.tasks.length <= 3);
  const trace = run.trace;
  const names = trace.tasks.map((task) => task.name);
  const primitiveNames = trace.primitives.map((p) => p.name);
  const last = cursor > 0 ? narrate(trace, cursor - 1, lang) : t('loop.before');
  // How late a timer is now: only a blocking call can make one late.
  const lateness = (when: number) =>
    trace.moveCount > 0 && state.time - when > 1e-6 ? state.time - when : 0;
  const lastKind = cursor > 0 ? trace.kind[cursor - 1] : -1;
  const blockedNow =
    lastKind === Ev.BLOCK || (lastKind === Ev.TIMER_FIRE && timerLateness(trace, cursor - 1) > 0);
  // The selector's fds (a scenario without a Connection or a Process shows none).
  const hasConnections = trace.primitives.some(
    (p) => p.type === 'Connection' || p.type === 'Process',
  );
  const readyFds = state.fds.filter((f) => f.ready).map((f) => f.fd);
  // The callback of an fd that select returned says which fd.
  const handleName = (name: string, fd: number | undefined) =>
    fd === undefined ? name : `${name} · fd ${fd}`;
  // A socket is its Connection's name; a process has its stdout pipe and its pidfd.
  const fdLabel = (f: FdState) =>
    state.primitives[f.owner].type === 'Process'
      ? `${primitiveNames[f.owner]} ${f.pidfd ? 'pidfd' : 'stdout'}`
      : primitiveNames[f.owner];
  const counts = new Map<TaskState['status'], number>();
  for (const task of state.tasks) counts.set(task.status, (counts.get(task.status) ?? 0) + 1);

  return (
    <section className="panel loop" aria-labelledby="loop-title">
      <h2 id="loop-title">{t('loop.title')}</h2>
      <p className="loop-head">
        <span>
          {t('loop.iteration')} <b data-testid="iteration">{state.iteration}</b>
        </span>
        <span>
          t = <b data-testid="time">{formatTime(state.time)}</b> s
        </span>
        <span>
          select(timeout=<b>{selectTimeout(trace, state)}</b>)
          {hasConnections && (
            <>
              {' → '}
              <b data-testid="select-result">[{readyFds.map((fd) => `fd ${fd}`).join(', ')}]</b>
            </>
          )}
        </span>
      </p>
      <p
        className={blockedNow ? 'event-line late' : 'event-line'}
        aria-live="polite"
        data-testid="event"
      >
        <span className="event-index">
          {/* An endless run has no total: only as many events as simulated so far. */}
          {trace.eventBase + cursor}
          {!run.endless && `/${trace.eventBase + trace.eventCount}`}
        </span>{' '}
        {last}
      </p>
      <div className="loop-rows">
        <h3>{t('loop.running')}</h3>
        <div className="chips">
          {state.running >= 0 ? (
            <TaskChip task={state.running} name={names[state.running]} />
          ) : (
            <span className="empty">—</span>
          )}
        </div>
        <h3>
          {t('loop.ready')} <span className="count">{state.ready.length}</span>
        </h3>
        <ol className="chips" data-testid="ready">
          {state.ready.length === 0 && <li className="empty">{t('loop.empty')}</li>}
          {state.ready.slice(0, SHOWN_READY).map((entry, i) => {
            // How long it has waited for its turn beyond what it was due: a blocking call.
            const late = lateness(
              entry.kind === 'timer' ? trace.timerWhen(entry.timer) : entry.since,
            );
            const note = t(entry.cancelled ? 'ready.cancelled' : READY_NOTES[entry.kind]);
            return (
              <li key={i}>
                <TaskChip
                  task={entry.task}
                  name={
                    entry.task < 0 && entry.text !== undefined && entry.text >= 0
                      ? handleName(trace.string(entry.text), entry.fd)
                      : names[entry.task]
                  }
                  note={
                    late > 0 ? `${note} · ${t('block.late', { late: formatTime(late) })}` : note
                  }
                  late={late > 0}
                />
              </li>
            );
          })}
          {state.ready.length > SHOWN_READY && (
            <li className="more">+{state.ready.length - SHOWN_READY}</li>
          )}
        </ol>
        <h3>
          {t('loop.timers')} <span className="count">{state.timers.length}</span>
        </h3>
        <ol className="chips" data-testid="timers">
          {state.timers.length === 0 && <li className="empty">{t('loop.none')}</li>}
          {state.timers.slice(0, SHOWN_TIMERS).map((timer) => {
            const late = timer.cancelled ? 0 : lateness(timer.when);
            return (
              <li key={timer.id} className={timer.cancelled ? 'cancelled' : undefined}>
                <TaskChip
                  task={timer.task}
                  name={names[timer.task]}
                  note={
                    late > 0
                      ? `${formatTime(timer.when)} s · ${t('block.late', { late: formatTime(late) })}`
                      : `${formatTime(timer.when)} s`
                  }
                  late={late > 0}
                />
              </li>
            );
          })}
          {state.timers.length > SHOWN_TIMERS && (
            <li className="more">+{state.timers.length - SHOWN_TIMERS}</li>
          )}
        </ol>
        {hasConnections && (
          <>
            <h3>
              {t('loop.fds')} <span className="count">{state.fds.length}</span>
            </h3>
            <ol className="chips" data-testid="fds">
              {state.fds.length === 0 && <li className="empty">{t('loop.fdsNone')}</li>}
              {state.fds.map((f) => (
                <li key={f.fd} className={f.ready ? 'fd ready' : 'fd'}>
                  <span className="chip" title={f.ready ? t('loop.fdReady') : undefined}>
                    <b>fd {f.fd}</b> {fdLabel(f)}{' '}
                    <span className="chip-note">
                      {t(f.events === 1 ? 'loop.fdRead' : 'loop.fdWrite')}
                      {f.ready ? ` · ${t('loop.fdReadyShort')}` : ''}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
      <details
        className="tasks"
        open={tasksOpen}
        onToggle={(e) => setTasksOpen(e.currentTarget.open)}
      >
        <summary>
          <h3>{t('loop.tasks')}</h3>{' '}
          <span className="summary-counts">
            {[...counts].map(([status, n]) => t(`count.${status}`, { n })).join(', ')}
          </span>
        </summary>
        {tasksOpen && (
          <ul data-testid="tasks">
            {state.tasks.map((task, i) => (
              <li key={i} className={`task-state ${task.status}`}>
                <span className="dot" style={{ background: taskColor(i) }} aria-hidden="true" />
                <b>{names[i]}</b>{' '}
                {describeTask(
                  task,
                  primitiveNames,
                  (id) => trace.timerWhen(id),
                  (other) => trace.tasks[other].name,
                  (g) => trace.gathers[g].map((x) => trace.tasks[x].name).join(', '),
                  t,
                )}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
