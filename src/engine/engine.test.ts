import { describe, expect, it } from 'vitest';
import { Deque } from './deque';
import { ByteWriter, TextTable } from './texts';
import { TimerHeap } from './timerHeap';
import { formatTime } from './describe';
import { simulate, Simulation } from './simulation';
import { Ev } from './events';
import { jobWindowScenario, producerConsumerScenario } from '../scenario/presets';
import { formatLog } from '../trace/log';
import { taskEnds } from '../trace/records';
import { validateScenario } from '../scenario/validate';
import type { Scenario, Step, TaskSpec } from '../scenario/types';
import { loadScenarioText } from './loadText';
import {
  awaitTask,
  cancel,
  gather,
  get,
  log,
  put,
  repeat,
  scenario,
  sleep,
  spawn,
  spawned,
  task,
} from '../../oracle/scenarios';

describe('Deque', () => {
  it('keeps FIFO order across growth and removes from the middle', () => {
    const d = new Deque(2);
    for (let i = 0; i < 10; i += 1) d.push(i);
    expect(d.shift()).toBe(0);
    expect(d.remove(5)).toBe(true);
    expect(d.remove(42)).toBe(false);
    d.push(10);
    expect(d.toArray()).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
  });
});

describe('TextTable', () => {
  it('reads ranges of its source lazily, strings as they are, and leaves its base as it is', () => {
    const source = new TextEncoder().encode('"job0","j1","<<< job12 - duration 3"');
    const base = new TextTable(source);
    expect(base.addRange(1, 5)).toBe(0);
    expect(base.add('né→')).toBe(1);
    expect(base.addRange(13, 35)).toBe(2);
    const run = base.extend();
    expect(run.add('got 😀')).toBe(3);
    expect(base.length).toBe(3);
    const expected = ['job0', 'né→', '<<< job12 - duration 3', 'got 😀'];
    // Written as bytes of the source, then again once decoded (as strings), into a writer
    // that has to grow.
    for (const pass of [1, 2]) {
      const out = new ByteWriter(4);
      for (let id = 0; id < run.length; id += 1) {
        out.reserve(run.maxUtf8Length(id) + 1);
        run.writeTo(id, out);
        out.byte(0x7c);
      }
      expect(new TextDecoder().decode(out.result())).toBe(expected.join('|') + '|');
      expect(run.longest).toBe(pass === 1 ? 22 : 66);
      expect(run.toArray()).toEqual(expected);
    }
    expect(base.equalsRange(0, 1, 5)).toBe(true); // decoded by now
    expect(base.equalsRange(0, 8, 10)).toBe(false);
  });
});

describe('TimerHeap', () => {
  it('pops by deadline, then by creation order', () => {
    // Keys 0 to 6, created in that order except 1 and 3, made the other way round.
    const when = [3, 1, 2, 1, 3, 0.5, 2];
    const seq = [0, 3, 2, 1, 4, 5, 6];
    const heap = new TimerHeap();
    for (let key = 0; key < 7; key += 1) heap.push(key, when[key], seq[key]);
    expect(heap.sorted()).toEqual([5, 3, 1, 2, 6, 0, 4]);
    heap.rebuild((key) => key !== 2);
    const order = [];
    while (heap.size > 0) order.push(heap.pop());
    expect(order).toEqual([5, 3, 1, 6, 0, 4]);
    expect(heap.pop()).toBe(-1);
    // Past its first room.
    for (let key = 0; key < 200; key += 1) heap.push(key, (key * 37) % 101, key);
    let last = -Infinity;
    while (heap.size > 0) {
      const key = heap.pop();
      expect((key * 37) % 101).toBeGreaterThanOrEqual(last);
      last = (key * 37) % 101;
    }
  });
});

describe('formatTime', () => {
  it("prints like Python's f'{t:.3f}', ties to even", () => {
    expect(formatTime(0)).toBe('0.000');
    expect(formatTime(0.30000000000000004)).toBe('0.300');
    expect(formatTime(0.0625)).toBe('0.062'); // Python: '0.062', toFixed: '0.063'
    expect(formatTime(0.1875)).toBe('0.188');
    expect(formatTime(1.0005)).toBe('1.000'); // 1.0005 is below the tie in binary
    expect(formatTime(2.5)).toBe('2.500');
  });
});

describe('the engine', () => {
  it('reproduces the course table of the job window', () => {
    const log = formatLog(
      simulate(jobWindowScenario({ jobs: 8, maxsize: 4, durations: { kind: 'formula' } })),
    );
    expect(
      log
        .split('\n')
        .filter((l) => l.includes('>>>'))
        .map((l) => l.split(' ').slice(0, 2).join(' ')),
    ).toEqual([
      '0.000 j0',
      '0.000 j1',
      '0.000 j2',
      '0.000 j3',
      '1.000 j4',
      '1.000 j5',
      '2.000 j6',
      '3.000 j7',
    ]);
  });

  it('is deterministic: the same scenario gives the same trace', () => {
    const scenario = jobWindowScenario({
      jobs: 20,
      maxsize: 3,
      durations: { kind: 'random', seed: 7, max: 4 },
    });
    const a = simulate(scenario);
    const b = simulate(scenario);
    expect(a.eventCount).toBe(b.eventCount);
    expect(Array.from(a.kind.subarray(0, a.eventCount))).toEqual(
      Array.from(b.kind.subarray(0, b.eventCount)),
    );
  });

  it('can run in slices: runUntil twice equals one run', () => {
    const scenario = producerConsumerScenario({ maxsize: 1, period: 1, work: 0.5 });
    const whole = new Simulation(scenario).runUntil(10);
    const sliced = new Simulation(scenario);
    sliced.runUntil(3.5);
    sliced.runUntil(10);
    expect(formatLog(sliced.trace)).toBe(formatLog(whole));
    expect(sliced.trace.eventCount).toBe(whole.eventCount);
  });

  it('records an END event and the reason', () => {
    const trace = simulate(
      jobWindowScenario({ jobs: 2, maxsize: 1, durations: { kind: 'formula' } }),
    );
    expect(trace.kind[trace.eventCount - 1]).toBe(Ev.END);
    expect(trace.end?.reason).toBe('complete');
  });

  it('stops at an event budget instead of using unbounded memory', () => {
    const trace = simulate(producerConsumerScenario({ maxsize: 1, period: 1, work: 0 }), {
      until: 1e6,
      maxEvents: 5000,
    });
    expect(trace.end?.reason).toBe('event-limit');
    expect(trace.eventCount).toBeLessThan(5100);
  });

  it('bounds the loop iterations too, when only the log is kept (no events to count)', () => {
    // Sleeps of 2 ns for ever: time moves, so no livelock; each iteration costs memory.
    const tiny = scenario({}, task('a', repeat(undefined, sleep(2e-9))));
    for (const record of ['log', 'all'] as const) {
      const trace = simulate(tiny, { until: 1, record, maxIterations: 20_000 });
      expect(trace.end?.reason).toBe('event-limit');
      expect(trace.iterationCount).toBe(20_000);
      expect(trace.end?.message).toMatch(/^stopped at t=0.000 after 20000 loop iterations/);
    }
  });

  it('names every task of a livelock, also two that take turns', () => {
    // P and Q pass an item back and forth through two queues, at t=0, for ever.
    const pingPong = scenario(
      { ping: { type: 'Queue', maxsize: 1 }, pong: { type: 'Queue', maxsize: 1 } },
      task('P', repeat(undefined, put('ping'), get('pong'))),
      task('Q', repeat(undefined, get('ping'), put('pong'))),
      task('woken', sleep(0), log('once')),
    );
    const trace = simulate(pingPong, { maxIterationsPerInstant: 5000 });
    expect(trace.end?.reason).toBe('livelock');
    expect(trace.end?.culprits).toEqual([0, 1]);
    expect(trace.end?.message).toContain('P, Q keep the ready queue busy');
  });
});

describe('long chains of tasks', () => {
  const N = 20_000;
  /** t0 ... t(N-1), each spawning and awaiting the next; gathering instead when `gathers`. */
  function chain(gathers: boolean): Scenario {
    const tasks: TaskSpec[] = [];
    for (let i = 0; i < N; i += 1) {
      const next = `t${i + 1}`;
      const steps: Step[] =
        i === N - 1 ? [sleep(5)] : gathers ? [gather(next)] : [spawn(next), awaitTask(next)];
      tasks.push(i === 0 ? task(`t${i}`, ...steps) : spawned(`t${i}`, ...steps));
    }
    tasks.push(task('c', sleep(1), cancel('t0')));
    return scenario({}, ...tasks);
  }

  it('validates and compiles a chain of 20,000 spawns (each link followed once)', () => {
    const text = JSON.stringify(chain(false));
    expect(validateScenario(JSON.parse(text)).ok).toBe(true);
    expect(loadScenarioText(text)).not.toBeNull();
  });

  it('cancels a chain of 20,000 awaits, or gathers, from its top without overflowing the stack', () => {
    for (const gathers of [false, true]) {
      const trace = simulate(chain(gathers));
      expect(trace.end!.reason).toBe('complete');
      const ends = Object.values(taskEnds(trace));
      expect(ends.filter((end) => end.state === 'cancelled').length).toBe(N);
    }
  });
});
