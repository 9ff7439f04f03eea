import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine';
import { jobWindowScenario, producerConsumerScenario } from '../scenario/presets';
import type { Scenario } from '../scenario/types';
import { randomCase } from '../../oracle/arbitrary';
import { StateIndex, type LoopState } from './state';
import {
  acquire,
  cancel,
  get,
  log,
  put,
  release,
  scenario,
  sleep,
  task,
} from '../../oracle/scenarios';

/**
 * What the engine itself holds, in the shape of LoopState (read through its private fields:
 * this is the ground truth the trace must let a viewer rebuild).
 */
function engineState(sim: Simulation) {
  // A task's step in the ready queue is the task's number; a timer is an object.
  const inner = sim as unknown as {
    ready: {
      toArray(): (number | { id: number; owner: number; handleCancelled: boolean })[];
    };
    heap: {
      sorted(): { id: number; when: number; owner: number; handleCancelled: boolean }[];
    };
  };
  return {
    ready: inner.ready.toArray().map((h) =>
      typeof h === 'number'
        ? {
            kind: sim.tasks.readyReason[h] === 2 ? 'wakeup' : 'step',
            task: h,
            timer: -1,
            cancelled: false,
          }
        : { kind: 'timer', task: h.owner, timer: h.id, cancelled: h.handleCancelled },
    ),
    timers: inner.heap
      .sorted()
      .map((t) => ({ id: t.id, when: t.when, task: t.owner, cancelled: t.handleCancelled })),
    primitives: sim.primitives.map((p) => {
      if (p.kind === 'Queue') {
        return {
          items: p.items.toArray().map((id) => (id < 0 ? null : sim.trace.string(id))),
          putters: p.putters.toArray().map((f) => f.owner),
          getters: p.getters.toArray().map((f) => f.owner),
        };
      }
      const waiters = p.waiters
        .toArray()
        .map((f) => ({ task: f.owner, woken: f.done && !f.cancelled }));
      if (p.kind === 'Event') return { flag: p.flag, waiters };
      if (p.kind === 'Lock') return { locked: p.locked, waiters };
      return { value: p.value, waiters };
    }),
    done: Array.from(sim.tasks.state),
  };
}

function viewerState(s: LoopState) {
  return {
    ready: s.ready,
    timers: s.timers,
    primitives: s.primitives.map((p) => {
      if (p.type === 'Queue') return { items: p.items, putters: p.putters, getters: p.getters };
      if (p.type === 'Event') return { flag: p.flag, waiters: p.waiters };
      if (p.type === 'Lock') return { locked: p.locked, waiters: p.waiters };
      return { value: p.value, waiters: p.waiters };
    }),
    done: s.tasks.map(
      (t) =>
        ({
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

  it('matches the engine for random programs', () => {
    fc.assert(
      fc.property(randomCase(), ({ scenario }) => {
        checkSlices(scenario, 5, 0.1, { maxIterationsPerInstant: 50, maxOpsPerStep: 200 });
      }),
      { seed: 99, numRuns: 300 },
    );
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
