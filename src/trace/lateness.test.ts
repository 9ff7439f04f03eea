/**
 * A blocking call in the trace: the clock moves inside a step, the grid's segments, lateness,
 * the Markdown table and the words, and a window that lets go of the first events.
 */
import { describe, expect, it } from 'vitest';
import { Ev, simulate, type Trace } from '../engine';
import { buildPreset, presetDefaults } from '../scenario/presets';
import { sleepLateness, timerLateness } from './lateness';
import { taskTimelines } from './segments';
import { markdownTable } from './markdown';
import { narrate } from './narrate';
import { logLines } from './log';

function blockingRun(fixed: number): Trace {
  const choice = presetDefaults('pitfall-blocking');
  if (choice.preset !== 'pitfall-blocking') throw new Error('preset');
  return simulate(buildPreset({ ...choice, params: { ...choice.params, fixed } }).scenario);
}

const indexOf = (trace: Trace, kind: number) =>
  [...Array(trace.eventCount).keys()].filter((i) => trace.kind[i] === kind);

describe('a blocking call', () => {
  it('moves the clock inside the step: the events after it read the later time', () => {
    const trace = blockingRun(0);
    const [block] = indexOf(trace, Ev.BLOCK);
    expect(trace.timeAt(block - 1)).toBe(1);
    expect(trace.timeAt(block)).toBe(3);
    expect([trace.moveFrom(trace.a[block]), trace.moveTo(trace.a[block])]).toEqual([1, 3]);
    expect(logLines(trace).map((l) => [l.time, trace.tasks[l.task].name])).toEqual([
      [0.5, 'ticker'],
      [1, 'worker'],
      [3, 'worker'],
      [3, 'ticker'],
      [3, 'job'],
      [3.5, 'ticker'],
      [4, 'ticker'],
      [4.5, 'ticker'],
      [5, 'ticker'],
    ]);
  });

  it('makes the timers due meanwhile late, and only those', () => {
    const trace = blockingRun(0);
    const late = indexOf(trace, Ev.TIMER_FIRE)
      .filter((i) => timerLateness(trace, i) > 0)
      .map((i) => [trace.tasks[trace.task[i]].name, timerLateness(trace, i)]);
    // The ticker's timer due at 1 fired before the call (same iteration): its task then waited
    // in the ready queue. The job's, due at 1.5, fired at 3.
    expect(late).toEqual([['job', 1.5]]);
    const timelines = taskTimelines(trace);
    const blocking = timelines[1].segments.filter((s) => s.kind === 'blocking');
    expect(blocking.map((s) => [s.start, s.end])).toEqual([[1, 3]]);
    const lateSleeps = timelines.map((t) =>
      t.segments.map((s) => sleepLateness(trace, s)).filter((x) => x > 0),
    );
    expect(lateSleeps).toEqual([[2], [], [1.5]]);
  });

  it('is told in both languages, with the lateness', () => {
    const trace = blockingRun(0);
    const [block] = indexOf(trace, Ev.BLOCK);
    expect(narrate(trace, block, 'en')).toContain('worker blocks the whole loop for 2.000 s');
    expect(narrate(trace, block, 'fr')).toContain('worker bloque toute la boucle pendant 2.000 s');
    const fire = indexOf(trace, Ev.TIMER_FIRE).find((i) => timerLateness(trace, i) > 0)!;
    expect(narrate(trace, fire, 'en')).toContain('fires 1.500 s late');
  });

  it('shows in the Markdown table as # where the task blocks the loop', () => {
    const table = markdownTable(blockingRun(0)).split('\n');
    // Half-second slots: the worker blocks from 1 to 3, in its column (the second).
    const blocked = table.filter((row) => row.split('|')[3]?.trim() === '`#`');
    expect(blocked.map((row) => row.split('|')[1].trim())).toEqual([
      '1-1.5',
      '1.5-2',
      '2-2.5',
      '2.5-3',
    ]);
    expect(markdownTable(blockingRun(1))).not.toContain('#');
  });

  it('has no lateness in its fixed twin', () => {
    const trace = blockingRun(1);
    expect(trace.moveCount).toBe(0);
    expect(indexOf(trace, Ev.TIMER_FIRE).some((i) => timerLateness(trace, i) > 0)).toBe(false);
  });

  it('keeps the times of the events held when a window lets go of the first ones', () => {
    const trace = blockingRun(0);
    const [block] = indexOf(trace, Ev.BLOCK);
    const times = [...Array(trace.eventCount).keys()].map((i) => trace.timeAt(i));
    for (const n of [block - 3, block, block + 1, block + 10]) {
      const copy = blockingRun(0);
      copy.dropBefore(n, 0, 0);
      const kept = [...Array(copy.eventCount).keys()].map((i) => copy.timeAt(i));
      expect(kept, `dropped ${n}`).toEqual(times.slice(n));
    }
  });
});
