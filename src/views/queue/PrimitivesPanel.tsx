/**
 * The synchronisation primitives: a queue's `maxsize` slots with the items (or tokens) in them,
 * and its waiting putters and getters in FIFO order (and, when the scenario uses `task_done` or
 * `join` on it, its unfinished items and the tasks in `join()`); a lock's holder and waiters; a semaphore's
 * value; an event's flag.
 */
import { useMemo } from 'react';
import { flattenSteps } from '../../scenario/types';
import { useApp } from '../../store/context';
import { selectRun, selectRunVersion } from '../../store/selectors';
import { Ev } from '../../engine';
import { queueItems, queueLength, type PrimitiveState, type Waiter } from '../../trace/state';
import { inkOn, useTaskColor } from '../colors';
import { TaskChip } from '../loop/LoopPanel';
import { useLoopState } from '../useLoopState';
import { useT } from '../../i18n/useT';

function Waiters({
  label,
  tasks,
  names,
}: {
  label: string;
  tasks: (number | Waiter)[];
  names: string[];
}) {
  const t = useT();
  return (
    <div className="waiters">
      <h3>
        {label} <span className="count">{tasks.length}</span>
      </h3>
      <ol className="chips">
        {tasks.length === 0 && <li className="empty">{t('loop.none')}</li>}
        {tasks.slice(0, 20).map((w) => {
          const task = typeof w === 'number' ? w : w.task;
          const woken = typeof w === 'number' ? false : w.woken;
          return (
            <li key={task} className="enter">
              <TaskChip
                task={task}
                name={names[task]}
                note={woken ? t('waiters.woken') : undefined}
              />
            </li>
          );
        })}
        {tasks.length > 20 && <li className="more">+{tasks.length - 20}</li>}
      </ol>
    </div>
  );
}

function QueueView({
  name,
  type,
  size,
  state,
  names,
  joined,
}: {
  name: string;
  /** Queue, LifoQueue or PriorityQueue (they share a state: only their order differs). */
  type: string;
  size: number;
  state: Extract<PrimitiveState, { type: 'Queue' }>;
  names: string[];
  /** The scenario calls task_done or join on this queue. */
  joined: boolean;
}) {
  const taskColor = useTaskColor();
  const t = useT();
  const bounded = size > 0;
  const length = queueLength(state);
  const shownSlots = bounded ? Math.min(size, 24) : Math.min(Math.max(length, 1), 24);
  const { items, from: itemFrom, keys: itemKeys } = queueItems(state, shownSlots);
  const slots = Array.from({ length: shownSlots }, (_, i) => i);
  return (
    <div className="primitive queue" data-testid={`queue-${name}`}>
      <p className="primitive-title">
        <code>
          {name} = asyncio.{type}(maxsize={size})
        </code>
        <span className="fill" data-testid="queue-fill">
          {bounded
            ? `${length}/${size}${length >= size ? ` ${t('queue.full')}` : ''}`
            : t('queue.unbounded', { count: length, size })}
          {joined && ` · ${t('queue.unfinished', { count: state.unfinished })}`}
        </span>
      </p>
      <ol
        className={`slots${bounded ? '' : ' unbounded'}`}
        aria-label={t('queue.items', { name, count: length })}
      >
        {slots.map((i) => {
          const present = i < length;
          const from = itemFrom[i];
          return (
            <li
              key={present ? itemKeys[i] : `empty-${i}`}
              className={present ? 'slot full enter' : 'slot'}
            >
              {present && (
                <span
                  className="token"
                  style={{ background: taskColor(from), color: inkOn(taskColor(from)) }}
                  title={t('queue.putBy', { item: items[i] ?? 'None', task: names[from] })}
                >
                  {items[i] ?? 'None'}
                  <small>{names[from]}</small>
                </span>
              )}
            </li>
          );
        })}
        {length > shownSlots && <li className="more">+{length - shownSlots}</li>}
      </ol>
      <Waiters label={t('queue.putters')} tasks={state.putters} names={names} />
      <Waiters label={t('queue.getters')} tasks={state.getters} names={names} />
      {joined && <Waiters label={t('queue.joiners')} tasks={state.joiners} names={names} />}
    </div>
  );
}

export function PrimitivesPanel() {
  const t = useT();
  const run = useApp(selectRun);
  const version = useApp(selectRunVersion);
  const state = useLoopState();
  const names = run.trace.tasks.map((t) => t.name);
  const joinedQueues = useMemo(() => {
    const queues = new Set<string>();
    const origin = run.origin;
    if (origin.kind === 'scenario') {
      for (const task of origin.scenario.tasks)
        for (const step of flattenSteps(task.steps))
          if (step.op === 'task_done' || step.op === 'join') queues.add(step.queue);
    } else {
      // A program's queues that it joined or marked done, so far.
      const { kind, a } = run.trace;
      for (let i = 0; i < run.trace.eventCount; i += 1)
        if (kind[i] >= Ev.Q_TASK_DONE && kind[i] <= Ev.Q_JOIN_DONE)
          queues.add(run.trace.primitives[a[i]]?.name);
    }
    return queues;
  }, [run.origin, run.trace, version]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section
      className="panel primitives"
      aria-labelledby="primitives-title"
      data-testid="primitives"
    >
      <h2 id="primitives-title">
        {run.trace.primitives.length === 1 && run.trace.primitives[0].type === 'Queue'
          ? t('primitives.queue')
          : t('primitives.title')}
      </h2>
      {run.trace.primitives.length === 0 && (
        <p className="empty">
          {t(run.origin.kind === 'python' ? 'primitives.noneProgram' : 'primitives.none')}
        </p>
      )}
      {run.trace.primitives.map((meta, i) => {
        const p = state.primitives[i];
        if (p.type === 'Queue')
          return (
            <QueueView
              key={i}
              name={meta.name}
              type={meta.type}
              size={meta.size}
              state={p}
              names={names}
              joined={joinedQueues.has(meta.name)}
            />
          );
        if (p.type === 'Lock') {
          return (
            <div className="primitive" key={i}>
              <p className="primitive-title">
                <code>{meta.name} = asyncio.Lock()</code>
                <span className="fill">
                  {p.locked ? t('lock.heldBy', { task: names[p.holder] ?? '?' }) : t('lock.free')}
                </span>
              </p>
              <Waiters label={t('waiters.label')} tasks={p.waiters} names={names} />
            </div>
          );
        }
        if (p.type === 'Event') {
          return (
            <div className="primitive" key={i}>
              <p className="primitive-title">
                <code>{meta.name} = asyncio.Event()</code>
                <span className="fill">{p.flag ? t('event.set') : t('event.notSet')}</span>
              </p>
              <Waiters label={t('waiters.label')} tasks={p.waiters} names={names} />
            </div>
          );
        }
        if (p.type === 'Process') {
          const status =
            p.returncode !== null
              ? t('proc.exited', { code: p.returncode })
              : p.pid >= 0
                ? t('proc.running', { pid: p.pid })
                : t('proc.notStarted');
          return (
            <div className="primitive" key={i}>
              <p className="primitive-title">
                <code>procs[{JSON.stringify(meta.name)}]</code>
                <span className="fill">{status}</span>
              </p>
              <p className="conn-line">
                {t('proc.stdout')}{' '}
                {p.buffer ? <code>{JSON.stringify(p.buffer)}</code> : <em>{t('conn.empty')}</em>}
                {p.eof ? ` · EOF` : ''}
              </p>
            </div>
          );
        }
        if (p.type === 'Connection') {
          const status = p.closed
            ? t('conn.closed')
            : p.open && p.eof
              ? t('conn.eof')
              : p.open
                ? t('conn.open', { fd: p.fd })
                : p.fd >= 0
                  ? t('conn.connecting', { fd: p.fd })
                  : t('conn.notConnected');
          return (
            <div className="primitive" key={i}>
              <p className="primitive-title">
                <code>streams[{JSON.stringify(meta.name)}]</code>
                <span className="fill">{status}</span>
              </p>
              <p className="conn-line">
                {t('conn.buffer')}{' '}
                {p.buffer ? <code>{JSON.stringify(p.buffer)}</code> : <em>{t('conn.empty')}</em>}
                {p.written !== null ? (
                  <>
                    {' · '}
                    {t('conn.written')} <code>{JSON.stringify(p.written)}</code>
                  </>
                ) : null}
              </p>
            </div>
          );
        }
        if (p.type === 'Condition') {
          return (
            <div className="primitive" key={i}>
              <p className="primitive-title">
                <code>{meta.name} = asyncio.Condition()</code>
              </p>
              <Waiters label={t('waiters.label')} tasks={p.waiters} names={names} />
            </div>
          );
        }
        return (
          <div className="primitive" key={i}>
            <p className="primitive-title">
              <code>
                {meta.name} = asyncio.{p.type}({meta.size})
              </code>
              <span className="fill">{t('semaphore.value', { value: p.value })}</span>
            </p>
            <Waiters label={t('waiters.label')} tasks={p.waiters} names={names} />
          </div>
        );
      })}
    </section>
  );
}
