import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine';
import type { ConnectionPrimitive, ProcessPrimitive } from '../engine/model';
import { jobWindowScenario, producerConsumerScenario } from '../scenario/presets';
import type { Scenario } from '../scenario/types';
import { randomCase, randomIoCase, randomProcCase } from '../../oracle/arbitrary';
import { queueItems, StateIndex, type LoopState } from './state';
import {
  acquire,
  awaitTask,
  cancel,
  gather,
  get,
  join,
  log,
  put,
  release,
  scenario,
  sleep,
  spawn,
  spawned,
  task,
  taskDone,
} from '../../oracle/scenarios';

/**
 * What the engine itself holds, in the shape of LoopState (read through its private fields:
 * this is the ground truth the trace must let a viewer rebuild).
 */
type Fd = {
  fd: number;
  owner: ConnectionPrimitive | ProcessPrimitive;
  role: string;
  queued: boolean;
  cancelled: boolean;
};
const fdsOf = (sim: Simulation) => (sim as unknown as { fds: Fd[] }).fds;

/** Handle `16 * owner + callback` of an fd (a socket's 0 or 5, a process's 6 or 11): cancelled? */
function fdHandleCancelled(sim: Simulation, handle: number): boolean {
  const owner = sim.primitives[handle >> 4];
  const callback = handle & 15;
  const role =
    owner.kind === 'Connection'
      ? [0, 5].includes(callback) && 'socket'
      : callback === 6
        ? 'stdout'
        : callback === 11 && 'pidfd';
  const entry = fdsOf(sim).find((e) => e.owner === owner && e.role === role);
  return entry !== undefined && entry.cancelled;
}

/** The fds the engine's selector watches, in fd order. */
function engineFds(sim: Simulation) {
  return fdsOf(sim).flatMap((e) => {
    const o = e.owner;
    const events =
      o.kind === 'Connection'
        ? o.registered
        : (e.role === 'pidfd' ? o.pidRegistered : o.outRegistered)
          ? 1
          : 0;
    return events ? [{ fd: e.fd, owner: o.id, events }] : [];
  });
}

function engineState(sim: Simulation) {
  // In the ready queue, a task's step is the task's number, a timer -1 - its future's number;
  // the heap holds the timers' futures; futures are rows of sim.futures.
  const inner = sim as unknown as {
    ready: { toArray(): number[] };
    heap: { sorted(): number[] };
  };
  const f = sim.futures;
  return {
    ready: inner.ready.toArray().map((h) =>
      h >= 2 ** 30
        ? {
            // A Connection's or Process's callback: an fd's handle is cancelled once its fd
            // left the selector.
            kind: 'handle',
            task: -1,
            timer: -1,
            cancelled: fdHandleCancelled(sim, h - 2 ** 30),
          }
        : h >= sim.tasks.count
          ? {
              kind: 'callback',
              task: (sim as unknown as { callbackChild: number[] }).callbackChild[
                h - sim.tasks.count
              ],
              timer: -1,
              cancelled: false,
            }
          : h >= 0
            ? {
                kind: sim.tasks.readyReason[h] === 2 ? 'wakeup' : 'step',
                task: h,
                timer: -1,
                cancelled: false,
              }
            : {
                kind: 'timer',
                task: f.owner[-1 - h],
                timer: f.timer[-1 - h],
                cancelled: f.handleCancelled[-1 - h] === 1,
              },
    ),
    timers: inner.heap.sorted().map((k) => ({
      id: f.timer[k],
      when: f.when[k],
      task: f.owner[k],
      cancelled: f.handleCancelled[k] === 1,
    })),
    primitives: sim.primitives.map((p) => {
      if (p.kind === 'Queue') {
        return {
          items: p.items.toArray().map((id) => (id < 0 ? null : sim.trace.string(id))),
          putters: p.putters.toArray().map((k) => f.owner[k]),
          getters: p.getters.toArray().map((k) => f.owner[k]),
          unfinished: p.unfinished,
          joiners: p.joiners
            .toArray()
            .map((k) => ({ task: f.owner[k], woken: f.done(k) && !f.cancelled(k) })),
        };
      }
      if (p.kind === 'Connection') {
        const { fd, buffer, eof, open, lost: closed } = p;
        return { fd, buffer, eof, open, closed };
      }
      if (p.kind === 'Process') {
        const { pid, open, returncode, buffer, eof } = p;
        return { pid, open, returncode, buffer, eof };
      }
      const waiters = p.waiters
        .toArray()
        .map((k) => ({ task: f.owner[k], woken: f.done(k) && !f.cancelled(k) }));
      if (p.kind === 'Event') return { flag: p.flag, waiters };
      if (p.kind === 'Lock') return { locked: p.locked, waiters };
      return { value: p.value, waiters };
    }),
    fds: engineFds(sim),
    done: Array.from(sim.tasks.state),
  };
}

function viewerState(s: LoopState) {
  return {
    // When each entry joined the queue is the views' (for lateness), not the engine's.
    ready: s.ready.map(({ since: _since, text: _text, conn: _conn, fd: _fd, ...entry }) => entry),
    timers: s.timers,
    primitives: s.primitives.map((p) => {
      if (p.type === 'Queue') {
        const { putters, getters, unfinished, joiners } = p;
        return { items: queueItems(p).items, putters, getters, unfinished, joiners };
      }
      if (p.type === 'Event') return { flag: p.flag, waiters: p.waiters };
      if (p.type === 'Lock') return { locked: p.locked, waiters: p.waiters };
      if (p.type === 'Condition') return { waiters: p.waiters };
      if (p.type === 'Connection') {
        const { fd, buffer, eof, open, closed } = p;
        return { fd, buffer, eof, open, closed };
      }
      if (p.type === 'Process') {
        const { pid, open, returncode, buffer, eof } = p;
        return { pid, open, returncode, buffer, eof };
      }
      return { value: p.value, waiters: p.waiters };
    }),
    fds: s.fds.map(({ fd, owner, events }) => ({ fd, owner, events })),
    done: s.tasks.map(
      (t) =>
        ({
          unstarted: 0,
          created: 0,
          ready: 0,
          running: 0,
          sleeping: 0,
          waiting: 0,
          done: 1,
          failed: 2,
          cancelled: 3,
        })[t.status],
    ),
  };
}

/** Runs in slices and checks, at each pause, that the trace rebuilds the engine's state. */
function checkSlices(scenario: Scenario, until: number, step: number, options = {}) {
  const sim = new Simulation(scenario, options);
  let index: StateIndex | null = null;
  for (let t = 0; t <= until && !sim.ended; t += step) {
    sim.runUntil(t);
    index ??= new StateIndex(sim.trace, 16);
    expect(viewerState(index.stateAfter(sim.trace.eventCount))).toEqual(engineState(sim));
  }
}

describe('the state at any event, from the trace alone', () => {
  it('matches the engine for the presets, at every pause', () => {
    checkSlices(jobWindowScenario({ jobs: 8, maxsize: 4, durations: { kind: 'formula' } }), 6, 0.5);
    checkSlices(
      jobWindowScenario({ jobs: 30, maxsize: 3, durations: { kind: 'random', seed: 1, max: 4 } }),
      40,
      0.5,
    );
    checkSlices(producerConsumerScenario({ maxsize: 1, period: 1, work: 1.5 }), 20, 0.25);
  });

  it('matches the engine on the rare paths: cancelled waiters, barging, a rebuilt heap', () => {
    const sem = { s: { type: 'Semaphore' as const, value: 0 } };
    const lock = { l: { type: 'Lock' as const } };
    const q1 = { q: { type: 'Queue' as const, maxsize: 1 } };
    checkSlices(
      scenario(
        sem,
        task('w1', acquire('s'), log('never')),
        task('w2', acquire('s'), log('w2')),
        task('r', sleep(1), release('s'), cancel('w1')),
      ),
      3,
      0.5,
    );
    checkSlices(
      scenario(
        lock,
        task('h', acquire('l'), sleep(1), release('l'), cancel('w1')),
        task('w1', acquire('l')),
        task('w2', acquire('l')),
      ),
      3,
      0.5,
    );
    checkSlices(
      scenario(
        q1,
        task('p1', put('q', 'x1'), put('q', 'x2')),
        task('c', sleep(1), get('q'), sleep(1), get('q'), get('q')),
        task('p3', sleep(1), put('q', 'y')),
      ),
      3,
      0.5,
    );
    checkSlices(
      scenario(
        q1,
        task('g1', get('q')),
        task('g2', get('q')),
        task('p', sleep(1), put('q', 'a'), cancel('g1')),
      ),
      3,
      0.5,
    );
    const sleepers = Array.from({ length: 150 }, (_, i) => task(`s${i}`, sleep(10), log('woke')));
    checkSlices(
      scenario(
        {},
        ...sleepers,
        task('k', sleep(1), ...sleepers.slice(0, 120).map((x) => cancel(x.name))),
      ),
      11,
      0.5,
    );
    checkSlices(scenario({}, task('a', sleep(5)), task('b', sleep(1), cancel('a'))), 6, 0.5);
  });

  it('matches the engine with joiners, spawned tasks and awaited ones', () => {
    const q0 = { q: { type: 'Queue' as const, maxsize: 0 } };
    checkSlices(
      scenario(
        q0,
        task('p', put('q', 'a'), put('q', 'b'), spawn('worker'), join('q'), log('joined')),
        task('j', sleep(0.5), join('q')),
        spawned('worker', get('q'), sleep(1), taskDone('q'), get('q'), sleep(1), taskDone('q')),
        task('w', awaitTask('worker'), cancel('j')),
      ),
      4,
      0.25,
    );
    checkSlices(
      scenario(
        {},
        task('main', gather('a', 'b'), log('main')),
        spawned('a', sleep(1)),
        spawned('b', sleep(0.5)),
        task('boss', gather('c'), cancel('main')),
        spawned('c', sleep(2)),
      ),
      3,
      0.25,
    );
  });

  it('matches the engine for random programs', () => {
    fc.assert(
      fc.property(randomCase(), ({ scenario }) => {
        checkSlices(scenario, 5, 0.1, { maxIterationsPerInstant: 50, maxOpsPerStep: 200 });
      }),
      { seed: 99, numRuns: 300 },
    );
  });

  it('matches the engine for random programs on connections (fds, buffers, skipped handles)', () => {
    fc.assert(
      fc.property(randomIoCase(), ({ scenario }) => {
        checkSlices(scenario, 3, 0.05, { maxOpsPerStep: 200 });
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('matches the engine for random programs on processes (pipes, pidfds, exit)', () => {
    fc.assert(
      fc.property(randomProcCase(), ({ scenario }) => {
        checkSlices(scenario, 2, 0.05, { maxOpsPerStep: 200 });
      }),
      { seed: 6, numRuns: 200 },
    );
  });

  it('keeps the items of a queue once, however many snapshots hold it', () => {
    // An unbounded queue filled 100 times faster than it is emptied: ~9,900 items at t=100.
    const sim = new Simulation(producerConsumerScenario({ maxsize: 0, period: 0.01, work: 1 }));
    sim.runUntil(100);
    const index = new StateIndex(sim.trace, 16);
    const end = index.stateAfter(sim.trace.eventCount);
    const middle = index.stateAfter(sim.trace.eventCount >> 1);
    const [q, m] = [end.primitives[0], middle.primitives[0]];
    if (q.type !== 'Queue' || m.type !== 'Queue') throw new Error('a queue');
    expect(queueItems(q).items.length).toBe(
      sim.primitives[0].kind === 'Queue' ? sim.primitives[0].items.length : -1,
    );
    expect(queueItems(q).items.length).toBeGreaterThan(9000);
    // One log for every state of the index: a snapshot holds two numbers per queue.
    expect(m.log).toBe(q.log);
    expect(q.log.items.length).toBe(q.tail);
  });

  it('gives the same state going back as going forward', () => {
    const sim = new Simulation(
      jobWindowScenario({ jobs: 12, maxsize: 3, durations: { kind: 'formula' } }),
    );
    sim.run();
    const index = new StateIndex(sim.trace, 32);
    const forward = Array.from({ length: sim.trace.eventCount + 1 }, (_, i) => index.stateAfter(i));
    for (let i = sim.trace.eventCount; i >= 0; i -= 1)
      expect(index.stateAfter(i)).toEqual(forward[i]);
  });
});
