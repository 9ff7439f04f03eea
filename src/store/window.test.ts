/**
 * An endless run viewed for a long time keeps only a window of its events (run.ts). What the
 * app shows inside the window must be exactly what the whole run shows at the same events:
 * the state of the loop, the narration, the task timelines, the console. And going back
 * before the window simulates again and finds the same events.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomCase } from '../../oracle/arbitrary';
import { compileScenario, Simulation, type Trace } from '../engine';
import type { Scenario, Step } from '../scenario/types';
import { presetDefaults, type PresetParams } from '../scenario/presets';
import type { ProducerConsumerParams } from '../scenario/presets/producerConsumer';
import { logLines } from '../trace/log';
import { narrate } from '../trace/narrate';
import { taskTimelines } from '../trace/segments';
import { applyEvent, initialState, queueItems, replayState, type LoopState } from '../trace/state';
import { createRun, extendRun, type Run, type ScenarioFile, type WindowSize } from './run';
import { createAppStore } from './store';

const producerConsumer = (params: ProducerConsumerParams): PresetParams => ({
  preset: 'producer-consumer',
  params,
});

function scenarioOf(run: Run) {
  if (run.origin.kind !== 'scenario') throw new Error('not a scenario run');
  return run.origin;
}

const SMALL: WindowSize = { events: 60, seconds: 3, maxEvents: 400, logLines: 5 };

/** The whole run, never cut, as far as `until`. */
function wholeRun(run: Run, until: number): Trace {
  const simulation = new Simulation(compileScenario(scenarioOf(run).scenario));
  return simulation.runUntil(until);
}

/**
 * A state with its events counted from the run's first, and each queue's items written out
 * (states of two runs do not share their queues' logs).
 */
function global(state: LoopState, base: number) {
  return {
    ...state,
    applied: state.applied + base,
    primitives: state.primitives.map((p) => {
      if (p.type !== 'Queue') return p;
      const { log, head, tail, ...rest } = p;
      void [log, head, tail];
      return { ...rest, ...queueItems(p) };
    }),
  };
}

/** Checks every event of the window against the whole run. */
function checkWindow(run: Run, whole: Trace) {
  const trace = run.trace;
  const base = trace.eventBase;
  expect(base + trace.eventCount).toBeLessThanOrEqual(whole.eventCount);
  // The states, event by event: the window's from where it starts, the whole run's from the
  // very start.
  const wholeState = replayState(whole, base, initialState(whole));
  const state = run.index.stateAfter(0);
  const differences: string[] = [];
  const compare = (i: number) => {
    const mine = JSON.stringify(global(state, base));
    const theirs = JSON.stringify(global(wholeState, 0));
    if (mine !== theirs) differences.push(`after ${base + i} events: ${mine} != ${theirs}`);
  };
  compare(0);
  for (let i = 0; i < trace.eventCount && differences.length === 0; i += 1) {
    const g = base + i;
    const mine = [trace.kind[i], trace.task[i], trace.a[i], trace.b[i], trace.step[i]];
    const theirs = [whole.kind[g], whole.task[g], whole.a[g], whole.b[g], whole.step[g]];
    if (mine.join() !== theirs.join()) differences.push(`event ${g}: ${mine} != ${theirs}`);
    if (trace.iter[i] !== whole.iter[g] || trace.timeAt(i) !== whole.timeAt(g))
      differences.push(`event ${g}: iteration or time`);
    for (const lang of ['en', 'fr'] as const) {
      if (narrate(trace, i, lang) !== narrate(whole, g, lang))
        differences.push(`event ${g}: ${narrate(trace, i, lang)} != ${narrate(whole, g, lang)}`);
    }
    applyEvent(state, trace, i);
    applyEvent(wholeState, whole, g);
    compare(i + 1);
  }
  expect(differences).toEqual([]);
  // A state from the window's snapshots, too.
  const middle = trace.eventCount >> 1;
  expect(global(run.index.stateAfter(middle), base)).toEqual(
    global(replayState(whole, base + middle, initialState(whole)), 0),
  );
  // The console: the lines of the window, and the last ones before it.
  const wholeLines = logLines(whole, base + trace.eventCount).map((line) => ({
    ...line,
    event: line.event - base,
  }));
  const before = wholeLines.filter((line) => line.event < 0);
  const carried = run.logs.filter((line) => line.event < 0);
  expect(carried).toEqual(before.slice(-run.window.logLines).slice(-carried.length));
  expect(carried.length).toBe(Math.min(before.length, carried.length, run.window.logLines));
  expect(run.logs.filter((line) => line.event >= 0)).toEqual(
    wholeLines.filter((line) => line.event >= 0),
  );
  // Each task's stretches that reach into the window, with the same times.
  const wholeTimelines = taskTimelines(whole, base + trace.eventCount);
  const start = base > 0 ? trace.timeAt(0) : 0;
  run.timelines.forEach((timeline, task) => {
    const reaching = wholeTimelines[task].segments.filter(
      (segment) => segment.endEvent < 0 || segment.endEvent >= base,
    );
    expect(
      timeline.segments.map((s) => [s.kind, s.wait, s.target, s.start, s.end, s.step]),
    ).toEqual(reaching.map((s) => [s.kind, s.wait, s.target, s.start, s.end, s.step]));
    expect(timeline.endTime).toBe(wholeTimelines[task].endTime);
    expect(timeline.segments.every((s) => s.end >= start || s.endEvent < 0)).toBe(true);
  });
}

/** Plays an endless run to `until`, checking its window each time it moves. */
function playThrough(run: Run, until: number, step: number) {
  const whole = wholeRun(run, until + 40);
  let dropped = 0;
  for (let t = step; t <= until && !scenarioOf(run).simulation.ended; t += step) {
    const now = extendRun(run, t);
    if (now > 0) checkWindow(run, whole);
    dropped += now;
  }
  checkWindow(run, whole);
  return dropped;
}

describe('an endless run keeps a window of its events', () => {
  it('shows in the window exactly what the whole run shows (the presets)', () => {
    const choices: PresetParams[] = [
      presetDefaults('producer-consumer'),
      producerConsumer({ maxsize: 3, period: 0.5, work: 1.25 }),
      producerConsumer({ maxsize: 0, period: 0.2, work: 1 }),
    ];
    for (const choice of choices) {
      const run = createRun(choice, 0, null, SMALL);
      expect(run.endless).toBe(true);
      const dropped = playThrough(run, 200, 7);
      expect(dropped).toBeGreaterThan(0);
      expect(run.trace.eventBase).toBe(dropped);
    }
  });

  it('shows in the window exactly what the whole run shows (random endless programs)', () => {
    let windowed = 0;
    fc.assert(
      fc.property(randomCase(), fc.constantFrom(0.25, 0.5, 1), ({ scenario }, pause) => {
        // Each task's program, again and again, with a pause: most run for ever. Its spawn and
        // gather steps (at the top level) stay before the repeat: they start a task once.
        const once = (step: Step) => step.op === 'spawn' || step.op === 'gather';
        const endless: Scenario = {
          ...scenario,
          tasks: scenario.tasks.map((task) => ({
            ...task,
            steps: [
              ...task.steps.filter(once),
              {
                op: 'repeat',
                steps: [
                  ...task.steps.filter((step) => !once(step)),
                  { op: 'sleep', seconds: pause },
                ],
              },
            ],
          })),
        };
        const file: ScenarioFile = { name: 'random.json', scenario: endless };
        const run = createRun(presetDefaults('job-window'), 0, file, SMALL);
        if (playThrough(run, 40, 3) > 0) windowed += 1;
      }),
      { numRuns: 120, seed: 7 },
    );
    expect(windowed).toBeGreaterThan(40);
  });

  it('keeps memory bounded over an hour at 16x', () => {
    const run = createRun(presetDefaults('producer-consumer'), 0);
    const sizes: number[] = [];
    // An hour of playback at 16x, in steps of the lookahead.
    for (let t = 0; t <= 3600 * 16; t += 15) {
      extendRun(run, t);
      if (t % 3600 === 0) sizes.push(run.trace.byteSize());
    }
    const trace = run.trace;
    expect(trace.eventBase).toBeGreaterThan(1_000_000);
    expect(trace.eventCount).toBeLessThan(3 * run.window.events + 2000);
    expect(trace.timerCount - trace.timerBase).toBeLessThan(3 * run.window.events);
    expect(trace.strings.length - trace.strings.floor).toBeLessThan(3 * run.window.events);
    expect(run.logs.length).toBeLessThan(3 * run.window.events);
    // The columns stop growing after the first virtual hour.
    expect(Math.max(...sizes.slice(1))).toBe(sizes[1]);
  });

  it('goes back before the window by simulating again: the same events', () => {
    const store = createAppStore({
      choice: producerConsumer({ maxsize: 2, period: 1, work: 0.5 }),
      window: SMALL,
    });
    const { getState } = store;
    // Play forward, one instant at a time, remembering what each showed.
    const shown: string[] = [];
    const at = () => {
      const { run, cursor } = getState();
      const state = run.index.stateAfter(cursor);
      return JSON.stringify([
        run.trace.eventBase + cursor,
        getState().playhead,
        cursor > 0 ? narrate(run.trace, cursor - 1) : '',
        { ...global(state, run.trace.eventBase), applied: 0 },
      ]);
    };
    shown.push(at());
    for (let i = 0; i < 150; i += 1) {
      getState().stepInstant(1);
      shown.push(at());
    }
    expect(getState().run.trace.eventBase).toBeGreaterThan(0);
    for (let i = 149; i >= 0; i -= 1) {
      getState().stepInstant(-1);
      expect(at()).toBe(shown[i]);
    }
    // Event by event across a window's edge.
    getState().seekTime(60);
    const events: string[] = [at()];
    for (let i = 0; i < 400; i += 1) {
      getState().stepEvent(1);
      events.push(at());
    }
    for (let i = 399; i >= 0; i -= 1) {
      getState().stepEvent(-1);
      expect(at()).toBe(events[i]);
    }
    getState().toStart();
    expect(getState().run.trace.eventBase).toBe(0);
    expect([getState().cursor, getState().playhead]).toEqual([0, 0]);
  });
});

describe('a run that ends', () => {
  it('is whole and finite when an endless scenario livelocks at t=0: Home is the very start', () => {
    // period 0 and work 0: both tasks spin at t=0 until the livelock bound stops the run.
    const store = createAppStore({ choice: producerConsumer({ maxsize: 1, period: 0, work: 0 }) });
    const { getState } = store;
    const { run } = getState();
    expect(run.trace.end!.reason).toBe('livelock');
    expect([run.endless, run.trace.eventBase, run.horizon]).toEqual([false, 0, 0]);
    expect([getState().cursor, getState().playhead]).toEqual([0, 0]);
    // Playing reaches the end at once (every event is at t=0) instead of running to 30 s.
    getState().play();
    getState().advance(1);
    expect([getState().playing, getState().playhead]).toEqual([false, 0]);
    expect(getState().cursor).toBe(run.trace.eventCount);
    getState().toStart();
    expect(getState().cursor).toBe(0);
  });

  it('shows its end for a time past it, even when everything happens at t=0', () => {
    // Semaphore(0): every job waits for ever, a deadlock at t=0.
    const choice = presetDefaults('semaphore-window');
    if (choice.preset !== 'semaphore-window') throw new Error(choice.preset);
    const store = createAppStore({
      choice: { ...choice, params: { ...choice.params, maxsize: 0 } },
      t: 100,
    });
    const { run, cursor, playhead } = store.getState();
    expect(run.trace.end!.reason).toBe('deadlock');
    expect([cursor, playhead]).toEqual([run.trace.eventCount, 0]);
    store.getState().seekTime(0);
    expect(store.getState().cursor).toBe(0);
  });
});

describe('the warm-up after loading', () => {
  it('shows a new, identical run at the same event and time', () => {
    const store = createAppStore({
      choice: producerConsumer({ maxsize: 1, period: 1, work: 0 }),
      t: 2.5,
    });
    const { getState } = store;
    getState().stepEvent(-1);
    const before = getState();
    getState().warmUp();
    const after = getState();
    expect(after.run).not.toBe(before.run);
    expect([after.cursor, after.playhead]).toEqual([before.cursor, before.playhead]);
    expect(global(after.run.index.stateAfter(after.cursor), 0)).toEqual(
      global(before.run.index.stateAfter(before.cursor), 0),
    );
    getState().play();
    getState().warmUp();
    expect(getState().run).toBe(after.run);
  });
});
