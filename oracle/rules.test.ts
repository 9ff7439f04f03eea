/**
 * One case per rule of ../shared/asyncio-semantics.md: each runs in the simulator and in
 * CPython 3.14 (same records, log, task ends, iterations), then checks the rule itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOracle, type Oracle } from './pyodide';
import { compareWithCPython } from './compare';
import { Ev, type Trace } from '../src/engine';
import { logLines } from '../src/trace/log';
import { timerLateness } from '../src/trace/lateness';
import { jobWindowScenario } from '../src/scenario/presets';
import {
  acquire,
  awaitTask,
  block,
  cancel,
  clear,
  gather,
  get,
  join,
  log,
  put,
  release,
  repeat,
  scenario,
  set,
  sleep,
  spawn,
  spawned,
  task,
  taskDone,
  wait,
} from './scenarios';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

const Q1 = { q: { type: 'Queue' as const, maxsize: 1 } };
const Q0 = { q: { type: 'Queue' as const, maxsize: 0 } };
const LOCK = { l: { type: 'Lock' as const } };

function logged(trace: Trace): string[] {
  return logLines(trace).map((line) => `${trace.tasks[line.task].name}:${line.text}`);
}
function count(trace: Trace, kind: number, where: (i: number) => boolean = () => true): number {
  let n = 0;
  for (let i = 0; i < trace.eventCount; i += 1) if (trace.kind[i] === kind && where(i)) n += 1;
  return n;
}

describe('the timer heap', () => {
  it('fires equal deadlines in creation order', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('a', sleep(2), log('a')),
        task('b', sleep(1), sleep(1), log('b')),
        task('c', sleep(2), log('c')),
      ),
    );
    expect(logged(trace)).toEqual(['a:a', 'c:c', 'b:b']);
  });

  it('ends job2, job4, job6 in that order at t=3 in the job window, as a real clock would', () => {
    const { trace } = compareWithCPython(
      oracle,
      jobWindowScenario({ jobs: 8, maxsize: 4, durations: { kind: 'formula' } }),
    );
    const atThree = logLines(trace).filter((l) => l.time === 3 && l.text.startsWith('<<<'));
    expect(atThree.map((l) => trace.tasks[l.task].name)).toEqual(['j2', 'j4', 'j6']);
  });

  it('adds floats as Python does, and fires timers within the clock resolution together', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario({}, task('a', repeat(3, sleep(0.1)), log('a')), task('b', sleep(0.3), log('b'))),
    );
    const lines = logLines(trace);
    expect(lines.map((l) => l.time)).toEqual([0.3, 0.3]);
    expect(trace.iter[lines[0].event]).toBe(trace.iter[lines[1].event]);
    const alone = compareWithCPython(
      oracle,
      scenario({}, task('a', repeat(3, sleep(0.1)), log('a'))),
    ).trace;
    expect(logLines(alone)[0].time).toBe(0.30000000000000004);
  });

  it('never lets a cancelled timer wake the loop', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario({}, task('a', sleep(5), log('never')), task('b', sleep(1), cancel('a'))),
    );
    expect(trace.end!.time).toBe(1);
    expect(count(trace, Ev.TIMER_CANCEL)).toBe(1);
    expect(count(trace, Ev.TIMER_DROP)).toBe(1);
  });

  it('rebuilds the heap when more than half of over 100 timers are cancelled', () => {
    const sleepers = Array.from({ length: 150 }, (_, i) => task(`s${i}`, sleep(10), log('woke')));
    const killer = task('killer', sleep(1), ...sleepers.slice(0, 120).map((s) => cancel(s.name)));
    const { trace } = compareWithCPython(oracle, scenario({}, ...sleepers, killer));
    const drops = [];
    for (let i = 0; i < trace.eventCount; i += 1)
      if (trace.kind[i] === Ev.TIMER_DROP) drops.push(trace.iter[i]);
    expect(drops).toHaveLength(120);
    expect(new Set(drops).size).toBe(1); // all at once: a rebuild, not one by one from the head
    expect(logLines(trace)).toHaveLength(30);
  });

  it('fires a timer due after 2**24 s, where adding the 1e-9 resolution changes nothing', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario({}, task('a', sleep(20_000_000), log('late'), sleep(1), log('later'))),
    );
    expect(trace.end!.reason).toBe('complete');
    expect(logLines(trace).map((l) => Math.round(l.time))).toEqual([20_000_000, 20_000_001]);
  });

  it('waits at most 86400 s per select', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario({}, task('a', sleep(100_000), log('late'))),
    );
    expect(logLines(trace)[0].time).toBe(100_000);
    expect(trace.iterationTimeout(2)).toBe(86_400);
  });
});

describe('tasks and sleep(0)', () => {
  it('runs a task created before the loop in the first iteration, FIFO', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario({}, task('a', log('1')), task('b', log('2'))),
    );
    expect(logged(trace)).toEqual(['a:1', 'b:2']);
    expect(trace.end!.iterations).toBe(2);
  });

  it('makes sleep(0) a bare yield: one iteration, to the end of the ready queue', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario({}, task('a', sleep(0), log('a')), task('b', log('b'))),
    );
    expect(logged(trace)).toEqual(['b:b', 'a:a']);
    const [b, a] = logLines(trace);
    expect(trace.iter[a.event]).toBe(trace.iter[b.event] + 1);
  });

  it('interleaves tasks that yield with sleep(0)', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('a', repeat(3, sleep(0), log('a{n}'))),
        task('b', repeat(3, sleep(0), log('b{n}'))),
      ),
    );
    expect(logged(trace)).toEqual(['a:a1', 'b:b1', 'a:a2', 'b:b2', 'a:a3', 'b:b3']);
  });

  it('resumes a task one iteration after its future completes', () => {
    const { trace } = compareWithCPython(oracle, scenario({}, task('a', sleep(1), log('a'))));
    const fire = [...Array(trace.eventCount).keys()].find((i) => trace.kind[i] === Ev.RUN_TIMER)!;
    expect(trace.iter[logLines(trace)[0].event]).toBe(trace.iter[fire] + 1);
  });

  it('lets the other tasks go on when one raises', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(LOCK, task('bad', release('l'), log('never')), task('good', sleep(1), log('fine'))),
    );
    expect(logged(trace)).toEqual(['good:fine']);
    expect(trace.strings.toArray()).toContain('RuntimeError: Lock is not acquired.');
  });

  it('expands {n} to the innermost repeat and {item} to the last item got', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q0,
        task(
          'a',
          log('{n} {item}'),
          put('q', 'x{n}'),
          get('q'),
          repeat(2, repeat(2, log('{n}')), log('outer {n} {item}')),
          repeat(0, log('never')),
        ),
      ),
    );
    expect(logged(trace)).toEqual([
      'a:1 None',
      'a:1',
      'a:2',
      'a:outer 1 x1',
      'a:1',
      'a:2',
      'a:outer 2 x1',
    ]);
  });
});

describe('Queue', () => {
  it('treats maxsize <= 0 as unbounded', () => {
    for (const maxsize of [0, -1]) {
      const { trace } = compareWithCPython(
        oracle,
        scenario(
          { q: { type: 'Queue', maxsize } },
          task('p', repeat(50, put('q', 'x'))),
          task('c', repeat(50, get('q'))),
        ),
      );
      expect(count(trace, Ev.Q_BLOCK, (i) => trace.b[i] === 0)).toBe(0);
    }
  });

  it('wakes one waiter per item, first come first served', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q0,
        task('g1', get('q'), log('{item}')),
        task('g2', get('q'), log('{item}')),
        task('g3', get('q'), log('{item}')),
        task('p', sleep(1), put('q', 'a'), put('q', 'b'), put('q', 'c')),
      ),
    );
    expect(logged(trace)).toEqual(['g1:a', 'g2:b', 'g3:c']);
  });

  it('lets a put barge in before the woken putter, which queues again at the end', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q1,
        task('p1', put('q', 'x1'), put('q', 'x2'), log('put x2')),
        task(
          'c',
          sleep(1),
          get('q'),
          log('got {item}'),
          sleep(1),
          get('q'),
          log('got {item}'),
          get('q'),
          log('got {item}'),
        ),
        task('p3', sleep(1), put('q', 'y'), log('put y')),
      ),
    );
    expect(logged(trace)).toEqual(['c:got x1', 'p3:put y', 'c:got y', 'p1:put x2', 'c:got x2']);
    const p1 = 0;
    expect(count(trace, Ev.Q_BLOCK, (i) => trace.task[i] === p1)).toBe(2);
  });

  it('passes the wake-up on when a woken getter is cancelled', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q0,
        task('g1', get('q'), log('g1 got {item}')),
        task('g2', get('q'), log('g2 got {item}')),
        task('p', sleep(1), put('q', 'a'), cancel('g1')),
      ),
    );
    expect(logged(trace)).toEqual(['g2:g2 got a']);
  });

  it('drops a cancelled waiter from the deque', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q0,
        task('g1', get('q'), log('never')),
        task('k', sleep(1), cancel('g1')),
        task('g2', get('q'), log('g2 got {item}')),
        task('p', sleep(2), put('q', 'a')),
      ),
    );
    expect(logged(trace)).toEqual(['g2:g2 got a']);
    expect(count(trace, Ev.Q_UNBLOCK)).toBe(1);
  });
});

describe('Queue.task_done and join', () => {
  /** The iteration of task `name`'s log line `text`. */
  const iterationOf = (trace: Trace, name: string, text: string) =>
    trace.iter[
      logLines(trace).find((l) => trace.tasks[l.task].name === name && l.text === text)!.event
    ];

  it('wakes every joiner, in join order, one iteration after the last task_done', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q0,
        task('producer', repeat(3, put('q', 'v{n}')), join('q'), log('all done')),
        task('early', join('q'), log('joined')),
        task('worker', repeat(3, get('q'), sleep(0.5), log('{item}'), taskDone('q'))),
        task('late', sleep(1), join('q'), log('joined')),
      ),
    );
    expect(logged(trace)).toEqual([
      'worker:v1',
      'worker:v2',
      'worker:v3',
      'producer:all done',
      'early:joined',
      'late:joined',
    ]);
    const last = iterationOf(trace, 'worker', 'v3');
    expect(iterationOf(trace, 'producer', 'all done')).toBe(last + 1);
    expect(count(trace, Ev.Q_JOIN_NOTIFY)).toBe(3);
  });

  it('returns from join at once when every item put is done, without suspending', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q0,
        task(
          'a',
          join('q'),
          log('empty'),
          put('q', 'x'),
          get('q'),
          taskDone('q'),
          join('q'),
          log('done'),
        ),
      ),
    );
    expect(logged(trace)).toEqual(['a:empty', 'a:done']);
    expect(count(trace, Ev.Q_JOIN_PASS)).toBe(2);
    expect(count(trace, Ev.SUSPEND)).toBe(0);
  });

  it('counts a put as unfinished even before it is got: join waits for task_done, not get', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q0,
        task('a', put('q', 'x'), get('q'), join('q'), log('never')),
        task('b', sleep(1), taskDone('q'), log('b')),
      ),
    );
    expect(logged(trace)).toEqual(['b:b', 'a:never']);
  });

  it('raises ValueError when task_done is called more often than put; the task ends with it', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q0,
        task('a', put('q'), taskDone('q'), taskDone('q'), log('never')),
        task('b', log('b')),
      ),
    );
    expect(trace.end!.reason).toBe('complete');
    expect(logged(trace)).toEqual(['b:b']);
  });

  it('drops a cancelled joiner; the others are still woken', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q0,
        task('first', put('q'), join('q'), log('first')),
        task('second', join('q'), log('second')),
        task('boss', sleep(1), cancel('first'), sleep(1), get('q'), taskDone('q')),
      ),
    );
    expect(logged(trace)).toEqual(['second:second']);
    expect(count(trace, Ev.Q_JOIN_DONE, (i) => trace.b[i] === 1)).toBe(1);
  });

  it('reports a join that never ends as a deadlock', () => {
    const { trace } = compareWithCPython(oracle, scenario(Q0, task('a', put('q'), join('q'))));
    expect(trace.end!.reason).toBe('deadlock');
    expect(trace.end!.message).toContain("join queue 'q' (1 unfinished)");
  });
});

describe('spawned and awaited tasks', () => {
  it('starts a spawned task with call_soon: after what is already in the ready queue', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('a', spawn('child'), log('a')),
        task('b', log('b')),
        spawned('child', log('child')),
      ),
    );
    expect(logged(trace)).toEqual(['a:a', 'b:b', 'child:child']);
    const lines = logLines(trace);
    expect(trace.iter[lines[2].event]).toBe(trace.iter[lines[0].event] + 1);
  });

  it('resumes the awaiting tasks one iteration after the task ends, in the order they awaited', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('main', spawn('job'), sleep(0), awaitTask('job'), log('main')),
        task('watcher', sleep(0.5), awaitTask('job'), log('watcher')),
        spawned('job', sleep(1), log('job')),
        task('late', sleep(2), awaitTask('job'), log('late')),
      ),
    );
    expect(logged(trace)).toEqual(['job:job', 'main:main', 'watcher:watcher', 'late:late']);
    const [job, main, watcher, late] = logLines(trace);
    expect(trace.iter[main.event]).toBe(trace.iter[job.event] + 1);
    expect(trace.iter[watcher.event]).toBe(trace.iter[main.event]);
    expect(count(trace, Ev.AWAIT_PASS)).toBe(1); // late: already done, no suspension
    expect(late.time).toBe(2);
  });

  it("raises the awaited task's error in the awaiting task, which ends with it", () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        LOCK,
        task('a', awaitTask('bad'), log('never')),
        task('bad', sleep(1), release('l')),
        task('b', sleep(2), awaitTask('bad'), log('never')),
      ),
    );
    expect(logged(trace)).toEqual([]);
    const fails = [];
    for (let i = 0; i < trace.eventCount; i += 1)
      if (trace.kind[i] === Ev.TASK_FAIL) fails.push(trace.string(trace.a[i]));
    expect(fails).toEqual(Array(3).fill('RuntimeError: Lock is not acquired.'));
  });

  it('cancels the awaited task when the awaiting one is cancelled, one level per iteration', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('top', awaitTask('middle'), log('never')),
        task('middle', awaitTask('bottom'), log('never')),
        task('bottom', sleep(5), log('never')),
        task('boss', sleep(1), cancel('top'), log('cancelled')),
        task('other', sleep(2), awaitTask('bottom'), log('never')),
      ),
    );
    expect(logged(trace)).toEqual(['boss:cancelled']);
    const ends: number[] = [];
    for (let i = 0; i < trace.eventCount; i += 1)
      if (trace.kind[i] === Ev.TASK_CANCELLED) ends.push(trace.iter[i]);
    expect(ends).toHaveLength(4);
    expect(ends[1]).toBe(ends[0] + 1);
    expect(ends[2]).toBe(ends[1] + 1);
  });

  it('cancels the awaiting task itself when the awaited one is already done but it has not resumed', () => {
    // At t=1, b ends (a's wake-up is queued), then c cancels a: b.cancel() is False, so a is
    // marked to be cancelled at its next step, its wake-up.
    const { trace, python } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('a', awaitTask('b'), log('never')),
        task('b', sleep(1)),
        task('c', sleep(1), cancel('a'), log('c')),
      ),
    );
    expect(logged(trace)).toEqual(['c:c']);
    expect(python.end.tasks.a).toEqual({ state: 'cancelled' });
    expect(python.end.tasks.b).toEqual({ state: 'done' });
    expect(count(trace, Ev.CANCEL, (i) => trace.b[i] === 1)).toBe(1);
  });

  it('leaves a task whose spawn never runs unstarted; naming it before is a KeyError', () => {
    const { trace, python } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('parent', sleep(1), spawn('child')),
        spawned('child', log('child')),
        task('eager', awaitTask('child')),
        task('boss', cancel('parent'), cancel('child')),
      ),
    );
    expect(python.end.tasks.child).toEqual({ state: 'unstarted' });
    expect(python.end.tasks.eager).toEqual({ state: 'failed', error: "KeyError: 'child'" });
    expect(trace.end!.reason).toBe('complete');
  });
});

describe('gather', () => {
  it('starts the tasks the next iteration in argument order; the caller resumes two iterations after the last ends', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('main', gather('slow', 'fast'), log('main')),
        task('other', log('other')),
        spawned('slow', sleep(2), log('slow')),
        spawned('fast', log('fast'), sleep(1), log('fast done')),
      ),
    );
    expect(logged(trace)).toEqual([
      'other:other',
      'fast:fast',
      'fast:fast done',
      'slow:slow',
      'main:main',
    ]);
    const lines = logLines(trace);
    const iterationOf = (text: string) => trace.iter[lines.find((l) => l.text === text)!.event];
    expect(iterationOf('fast')).toBe(iterationOf('other') + 1);
    expect(iterationOf('main')).toBe(iterationOf('slow') + 2);
    expect(count(trace, Ev.RUN_CALLBACK)).toBe(2);
  });

  it('raises the first error in the caller without waiting for the others, which go on', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        LOCK,
        task('main', gather('bad', 'good'), log('never')),
        spawned('bad', sleep(1), release('l')),
        spawned('good', sleep(2), log('good')),
      ),
    );
    expect(logged(trace)).toEqual(['good:good']);
    expect(trace.end!.reason).toBe('complete');
  });

  it('cancels every task when the caller is cancelled, and the caller ends cancelled', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('main', gather('a', 'b'), log('never')),
        spawned('a', sleep(5), log('never')),
        spawned('b', sleep(0.5), log('b')),
        task('boss', sleep(1), cancel('main'), log('boss')),
      ),
    );
    expect(logged(trace)).toEqual(['b:b', 'boss:boss']);
    expect(count(trace, Ev.TASK_CANCELLED)).toBe(2);
  });

  it('ends the caller cancelled as soon as one task is cancelled; the others go on', () => {
    const { trace, python } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('main', gather('a', 'b'), log('never')),
        spawned('a', sleep(5), log('a')),
        spawned('b', sleep(5), log('b')),
        task(
          'boss',
          sleep(1),
          cancel('b'),
          sleep(0),
          sleep(0),
          sleep(0),
          cancel('main'),
          log('boss'),
        ),
      ),
    );
    expect(logged(trace)).toEqual(['boss:boss', 'a:a']);
    expect(python.end.tasks.main).toEqual({ state: 'cancelled' });
    // main was already done when boss cancelled it.
    expect(count(trace, Ev.CANCEL, (i) => trace.b[i] === 0)).toBe(1);
  });
});

describe('Lock', () => {
  it('does not let a newcomer barge past a woken waiter', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        LOCK,
        task('holder', acquire('l'), sleep(1), release('l')),
        task('w1', sleep(0.5), acquire('l'), log('w1 has it'), release('l')),
        task('late', sleep(1), acquire('l'), log('late has it'), release('l')),
      ),
    );
    expect(logged(trace)).toEqual(['w1:w1 has it', 'late:late has it']);
  });

  it('wakes the next waiter when a woken waiter is cancelled', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        LOCK,
        task('holder', acquire('l'), sleep(1), release('l'), cancel('w1')),
        task('w1', acquire('l'), log('never')),
        task('w2', acquire('l'), log('w2 has it')),
      ),
    );
    expect(logged(trace)).toEqual(['w2:w2 has it']);
  });

  it('raises RuntimeError when releasing an unlocked lock', () => {
    const { python } = compareWithCPython(
      oracle,
      scenario(LOCK, task('a', acquire('l'), release('l'), release('l'))),
    );
    expect(python.end.tasks.a).toEqual({
      state: 'failed',
      error: 'RuntimeError: Lock is not acquired.',
    });
  });
});

describe('Semaphore', () => {
  it('reserves the slot for the waiter it wakes (3.14)', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        { s: { type: 'Semaphore', value: 0 } },
        task('w1', acquire('s'), log('w1')),
        task('w2', acquire('s'), log('w2')),
        task('w3', acquire('s'), log('w3')),
        task('r', sleep(1), release('s'), release('s')),
        task('barger', sleep(1), acquire('s'), log('barger')),
      ),
    );
    expect(logged(trace)).toEqual(['w1:w1', 'w2:w2']);
  });

  it('gives the slot back and wakes the next when a woken waiter is cancelled', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        { s: { type: 'Semaphore', value: 0 } },
        task('w1', acquire('s'), log('never')),
        task('w2', acquire('s'), log('w2')),
        task('r', sleep(1), release('s'), cancel('w1')),
      ),
    );
    expect(logged(trace)).toEqual(['w2:w2']);
    expect(count(trace, Ev.ACQUIRE_ABANDON, (i) => trace.b[i] === 1)).toBe(1);
  });

  it('limits concurrency to its value', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        { s: { type: 'Semaphore', value: 2 } },
        ...[1, 2, 3, 4, 5].map((i) =>
          task(`j${i}`, acquire('s'), log('in'), sleep((i % 2) + 1), log('out'), release('s')),
        ),
      ),
    );
    expect(logLines(trace).filter((l) => l.time === 0)).toHaveLength(2);
  });

  it('raises ValueError when a BoundedSemaphore is released too many times', () => {
    const { python } = compareWithCPython(
      oracle,
      scenario(
        { s: { type: 'BoundedSemaphore', value: 1 } },
        task('a', acquire('s'), release('s'), release('s'), log('never')),
        task('b', sleep(1), log('b goes on')),
      ),
    );
    expect(python.end.tasks.a).toEqual({
      state: 'failed',
      error: 'ValueError: BoundedSemaphore released too many times',
    });
    expect(python.end.tasks.b).toEqual({ state: 'done' });
  });
});

describe('Event', () => {
  it('wakes every waiter in order; clear does not undo wake-ups; wait on a set event does not suspend', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        { e: { type: 'Event' } },
        task('w1', wait('e'), log('w1')),
        task('w2', wait('e'), log('w2')),
        task('s', sleep(1), set('e'), wait('e'), log('passed'), clear('e')),
        task('w3', sleep(2), wait('e'), log('never')),
      ),
    );
    expect(logged(trace)).toEqual(['s:passed', 'w1:w1', 'w2:w2']);
    expect(trace.end!.reason).toBe('deadlock');
    expect(count(trace, Ev.EV_PASS)).toBe(1);
  });
});

describe('cancellation', () => {
  it('never runs the body of a task cancelled before its first step', () => {
    const { python } = compareWithCPython(
      oracle,
      scenario({}, task('a', cancel('b')), task('b', log('never'))),
    );
    expect(python.end.tasks.b).toEqual({ state: 'cancelled' });
  });

  it('returns False for a task already done', () => {
    const { python } = compareWithCPython(
      oracle,
      scenario({}, task('a', log('quick')), task('b', sleep(1), cancel('a'))),
    );
    expect(python.records.find((r) => r[4] === 'cancel')?.[5]).toBe(false);
  });

  it('cancels a task that cancels itself at its next await, or when it returns', () => {
    const { trace, python } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('a', cancel('a'), log('still running'), sleep(1), log('never')),
        task('b', cancel('b'), log('returns')),
      ),
    );
    expect(logged(trace)).toEqual(['a:still running', 'b:returns']);
    expect(python.end.tasks).toEqual({ a: { state: 'cancelled' }, b: { state: 'cancelled' } });
  });
});

describe('a blocking call (time.sleep)', () => {
  it('holds up every other task and timer: they run late, in deadline order', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        {},
        task('tick', repeat(3, sleep(0.5), log('tick {n}'))),
        task('slow', sleep(0.25), block(2), log('unblocked')),
        task('other', sleep(1), log('other')),
      ),
    );
    expect(logLines(trace).map((l) => [l.time, trace.tasks[l.task].name, l.text])).toEqual([
      [2.25, 'slow', 'unblocked'],
      [2.25, 'tick', 'tick 1'],
      [2.25, 'other', 'other'],
      [2.75, 'tick', 'tick 2'],
      [3.25, 'tick', 'tick 3'],
    ]);
    const late: [string, number][] = [];
    for (let i = 0; i < trace.eventCount; i += 1)
      if (timerLateness(trace, i) > 0)
        late.push([trace.tasks[trace.task[i]].name, timerLateness(trace, i)]);
    expect(late).toEqual([
      ['tick', 1.75],
      ['other', 1.25],
    ]);
  });

  it('keeps the ready queue as it was: the others run after it, in order', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        LOCK,
        task('a', acquire('l'), block(1), log('a'), release('l')),
        task('b', acquire('l'), log('b'), release('l')),
        task('c', log('c'), block(0.5), log('c again')),
      ),
    );
    // b's first step comes after a's: the lock is free again by then.
    expect(logged(trace)).toEqual(['a:a', 'b:b', 'c:c', 'c:c again']);
    expect(logLines(trace).map((l) => l.time)).toEqual([1, 1, 1, 1.5]);
  });

  it('of zero seconds changes nothing but is still a step', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario({}, task('a', block(0), log('a')), task('b', log('b'))),
    );
    expect(logged(trace)).toEqual(['a:a', 'b:b']);
    expect(count(trace, Ev.BLOCK)).toBe(1);
  });
});

describe("a Ctrl-C (the scenario's interrupt)", () => {
  const endless = (interrupt: number) => ({
    ...scenario(
      Q1,
      task('producer', repeat(undefined, put('q', 'tick{n}'), sleep(1))),
      task('consumer', repeat(undefined, get('q'), log('got {item}'))),
    ),
    interrupt,
  });
  const timeOf = (python: { end: unknown }) => (python.end as { time: number }).time;

  it('stops the endless loop in select(), as the notebook stops its run_forever()', () => {
    const { trace, python } = compareWithCPython(oracle, endless(3.5));
    expect(trace.end!.reason).toBe('interrupted');
    expect([trace.end!.time, timeOf(python)]).toEqual([3.5, 3.5]);
    expect(logged(trace)).toEqual([
      'consumer:got tick1',
      'consumer:got tick2',
      'consumer:got tick3',
      'consumer:got tick4',
    ]);
    expect(trace.end!.message).toMatch(
      /^KeyboardInterrupt at t=3\.500: Ctrl-C stopped the loop; 2 tasks/,
    );
  });

  it('comes after what is due at its very time', () => {
    const { trace } = compareWithCPython(oracle, endless(3));
    expect(trace.end!.reason).toBe('interrupted');
    expect(logged(trace).at(-1)).toBe('consumer:got tick4');
  });

  it('interrupts a blocking call: KeyboardInterrupt ends that task', () => {
    const { trace, python } = compareWithCPython(oracle, {
      ...scenario(
        {},
        task('slow', sleep(1), block(5), log('never')),
        task('other', sleep(2), log('late')),
      ),
      interrupt: 2.5,
    });
    expect(trace.end!.reason).toBe('interrupted');
    expect([trace.end!.time, timeOf(python)]).toEqual([2.5, 2.5]);
    expect(python.end.tasks.slow).toEqual({ state: 'failed', error: 'KeyboardInterrupt' });
    expect(logged(trace)).toEqual([]);
  });

  it('stops a deadlocked loop too (it would wait for ever), but not a finished one', () => {
    const deadlock = compareWithCPython(oracle, {
      ...scenario(Q1, task('waits', get('q'))),
      interrupt: 7,
    });
    expect(deadlock.trace.end!.reason).toBe('interrupted');
    expect(deadlock.trace.end!.time).toBe(7);
    const done = compareWithCPython(oracle, {
      ...scenario({}, task('quick', sleep(1), log('done'))),
      interrupt: 7,
    });
    expect(done.trace.end!.reason).toBe('complete');
  });

  it('comes after `until` when later, before it when earlier', () => {
    expect(compareWithCPython(oracle, endless(5), { until: 4 }).trace.end!.reason).toBe('until');
    expect(compareWithCPython(oracle, endless(3.5), { until: 4 }).trace.end!.reason).toBe(
      'interrupted',
    );
  });
});

describe('the end of a run', () => {
  it('reports a deadlock, naming each blocked task and what it waits on', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario(
        Q1,
        task('c', get('q'), log('never')),
        task('p', put('q', 'a'), put('q', 'b'), put('q', 'c')),
      ),
    );
    expect(trace.end!.reason).toBe('deadlock');
    expect(trace.end!.message).toContain("p waits on put to queue 'q' (full, 1/1)");
  });

  it('stops an endless sleep(0) loop as a livelock', () => {
    const { trace } = compareWithCPython(
      oracle,
      scenario({}, task('spin', repeat(undefined, sleep(0))), task('late', sleep(1), log('never'))),
      { maxIterationsPerInstant: 1000 },
    );
    expect(trace.end!.reason).toBe('livelock');
    expect(trace.end!.message).toContain('spin');
  });

  it('stops a loop without awaits (Python would hang) with the task named', () => {
    const trace = compareWithCPython(
      oracle,
      scenario({}, task('busy', repeat(undefined, log('x')))),
      { maxOpsPerStep: 100 },
    ).trace;
    expect(trace.end!.reason).toBe('no-yield');
    expect(trace.end!.message).toContain('busy');
  });

  it('stops at --until, events at that instant included', () => {
    const { trace } = compareWithCPython(
      oracle,
      jobWindowScenario({ jobs: 8, maxsize: 4, durations: { kind: 'formula' } }),
      { until: 2 },
    );
    expect(trace.end!.reason).toBe('until');
    expect(logLines(trace).at(-1)!.time).toBe(2);
  });
});
