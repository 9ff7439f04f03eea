/**
 * The Python runtime on its own: what it records of a program, how it names things, where it
 * stops and why, and that a run in chunks is the run in one go.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ev, EndReason, StepReason, WaitKind, type Trace } from '../engine';
import { applyEvent, initialState, padState, queueItems, StateIndex } from '../trace/state';
import { appendChunk, pythonTrace, type Chunk } from './chunk';
import { loadPythonRuntime } from './node';
import type { PythonRuntime, StartOptions } from './runtime';

const here = dirname(fileURLToPath(import.meta.url));
let runtime: PythonRuntime;
beforeAll(async () => {
  runtime = await loadPythonRuntime();
});

function run(source: string, options: StartOptions = {}): { trace: Trace; chunk: Chunk } {
  const trace = pythonTrace();
  const chunk = runtime.start(source, options);
  appendChunk(trace, chunk);
  return { trace, chunk };
}

function printed(trace: Trace, stream = 0): string[] {
  const lines: string[] = [];
  for (let i = 0; i < trace.eventCount; i += 1)
    if (trace.kind[i] === Ev.PRINT && trace.b[i] === stream) lines.push(trace.string(trace.a[i]));
  return lines;
}

const program = (body: string) => `import asyncio\n\n${body.trim()}\n`;

describe('the vocabulary', () => {
  it('has the numbers of src/engine/events.ts', () => {
    const python = readFileSync(join(here, '_asyncio_sim.py'), 'utf8');
    const constant = (name: string) => {
      const match = new RegExp(`^${name} = (\\d+)$`, 'm').exec(python);
      return match ? Number(match[1]) : undefined;
    };
    for (const [name, value] of Object.entries(Ev)) {
      if (['LOG', 'AWAIT_PASS'].includes(name)) continue; // the engine's only
      expect(constant(name), name).toBe(value);
    }
    for (const [name, value] of Object.entries(WaitKind))
      expect(constant(`W_${name}`), name).toBe(value);
    expect(python).toContain(
      `STEP_FIRST, STEP_YIELDED, STEP_WOKEN = ${StepReason.FIRST}, ${StepReason.YIELDED}, ${StepReason.WOKEN}`,
    );
    const reasons = /END_REASONS = \(([^)]*)\)/
      .exec(python)![1]
      .match(/"[^"]+"/g)!
      .map((r) => r.slice(1, -1));
    expect(reasons.map((r) => r)).toEqual(Object.keys(EndReason).map((_, i) => reasons[i]));
    expect(reasons.length).toBe(Object.keys(EndReason).length);
  });
});

describe('names', () => {
  it('names tasks by their name, or by the call of their coroutine', () => {
    const { trace } = run(
      program(`
async def job(i, label="x"):
    await asyncio.sleep(i)

async def main():
    print(asyncio.current_task().get_name())
    await asyncio.gather(job(1), job(2, "y"), asyncio.create_task(job(0), name="named"))

asyncio.run(main())`),
    );
    // The create_task call runs before gather wraps the coroutines of its other arguments.
    expect(trace.tasks.map((t) => t.name)).toEqual([
      'main()',
      'named',
      "job(1, 'x')",
      "job(2, 'y')",
    ]);
    // Numbered per program, as in a fresh CPython process.
    expect(printed(trace)).toEqual(['Task-1']);
  });

  it('names primitives after their variable: global, local, attribute, or by their type', () => {
    const { trace } = run(
      program(`
window = asyncio.Queue(maxsize=2)

class Shop:
    def __init__(self):
        self.counter = asyncio.Lock()

def make():
    return asyncio.Event()

async def main():
    tokens = asyncio.Semaphore(3)
    shop = Shop()
    make()
    cond = asyncio.Condition()
    await window.put(1)
    async with tokens, shop.counter:
        pass

asyncio.run(main())`),
    );
    expect(trace.primitives.map((p) => [p.name, p.type])).toEqual([
      ['window', 'Queue'],
      ['tokens', 'Semaphore'],
      ['shop.counter', 'Lock'],
      ['event', 'Event'],
      ["cond's lock", 'Lock'],
      ['cond', 'Condition'],
    ]);
    expect(trace.primitives[5].lock).toBe(4);
  });
});

describe('where it stops', () => {
  it('reports a syntax error with its place, and runs nothing', () => {
    const chunk = runtime.start('import asyncio\n\nasync def main(:\n    pass\n');
    expect(chunk.end?.reason).toBe('syntax');
    expect(chunk.end?.syntax).toMatchObject({ type: 'SyntaxError', line: 3 });
    expect(chunk.end?.syntax?.text).toContain('SyntaxError');
    expect(new Int32Array(chunk.events.buffer).length).toBe(0);
  });

  it('reports an exception as CPython does, with the lines of the program only', () => {
    const { trace } = run(
      program(`
async def inner():
    raise ValueError("boom")

async def main():
    await inner()

asyncio.run(main())`),
    );
    const end = trace.end!;
    expect(end.reason).toBe('exception');
    expect(end.error).toMatchObject({ type: 'ValueError', message: 'boom', line: 4 });
    const stderr = printed(trace, 1).join('\n');
    expect(stderr).toMatch(/^Traceback \(most recent call last\):/);
    expect(stderr).toContain('File "main.py", line 9, in <module>');
    expect(stderr).toContain('File "main.py", line 4, in inner');
    expect(stderr).not.toContain('_asyncio_sim');
    expect(stderr.split('\n').pop()).toBe('ValueError: boom');
  });

  it.each([
    ['input()', 'input()'],
    ['threading.Thread(target=print).start()', 'threading.Thread.start()'],
    ['await asyncio.to_thread(print)', 'loop.run_in_executor()'],
    ['await asyncio.open_connection("example.org", 80)', 'loop.create_connection()'],
    ['await asyncio.create_subprocess_exec("ls")', 'loop.subprocess_exec()'],
    ['socket.socket()', 'socket.socket()'],
  ])('stops at %s with a message naming the line', (call, what) => {
    const { trace } = run(
      `import asyncio, time, threading, socket\n\nasync def main():\n    print("before")\n    ${call}\n    print("after")\n\nasyncio.run(main())\n`,
    );
    expect(trace.end!.reason).toBe('unsupported');
    expect(trace.end!.line).toBe(5);
    expect(trace.end!.message).toContain(`line 5: ${what}`);
    expect(printed(trace)).toEqual(['before']);
  });

  it('lets time.sleep block the loop: the clock moves on inside the step, and timers fire late', () => {
    const { trace } = run(
      program(`
import time

async def tick():
    for i in range(3):
        await asyncio.sleep(0.5)
        print("tick", asyncio.get_running_loop().time())

async def block():
    await asyncio.sleep(0.25)
    time.sleep(2)
    print("unblocked", time.monotonic())

async def main():
    await asyncio.gather(tick(), block())

asyncio.run(main())
`),
    );
    expect(trace.end!.reason).toBe('complete');
    expect(printed(trace)).toEqual(['unblocked 2.25', 'tick 2.25', 'tick 2.75', 'tick 3.25']);
    const blocks = [...Array(trace.eventCount).keys()].filter((i) => trace.kind[i] === Ev.BLOCK);
    expect(blocks).toHaveLength(1);
    const [at] = blocks;
    expect(trace.step[at]).toBe(12);
    expect([trace.moveFrom(trace.a[at]), trace.moveTo(trace.a[at])]).toEqual([0.25, 2.25]);
    expect(trace.timeAt(at - 1)).toBe(0.25);
    expect(trace.timeAt(at)).toBe(2.25);
    const fires = [...Array(trace.eventCount).keys()].filter(
      (i) => trace.kind[i] === Ev.TIMER_FIRE && trace.timeAt(i) === 2.25,
    );
    // tick's first timer, due at 0.5, fired 1.75 s late.
    expect(fires.map((i) => trace.timerWhen(trace.a[i]))).toEqual([0.5]);
  });

  it.each([
    ['time.sleep(-1)', 'ValueError: sleep length must be non-negative'],
    ['time.sleep("1")', "TypeError: 'str' object cannot be interpreted as an integer"],
  ])('raises what CPython raises for %s', (call, error) => {
    const { trace } = run(
      `import asyncio, time\n\nasync def main():\n    ${call}\n\nasyncio.run(main())\n`,
    );
    expect(trace.end!.reason).toBe('exception');
    expect(printed(trace, 1).join('\n').split('\n').pop()).toBe(error);
  });

  it('stops a loop that never awaits, naming the task and the line, in about a second', () => {
    const started = performance.now();
    const { trace } = run(
      program(`
async def spin():
    x = 0
    while True:
        x += 1

async def main():
    await asyncio.gather(spin(), asyncio.sleep(1))

asyncio.run(main())`),
    );
    expect(trace.end!.reason).toBe('no-yield');
    expect(trace.end!.line).toBe(6);
    expect(trace.end!.culprits.map((t) => trace.taskNames.get(t))).toEqual(['spin()']);
    expect(performance.now() - started).toBeLessThan(20_000); // a hang would time the test out
  });

  it('stops a runaway loop at module level too', () => {
    const { trace } = run('while True:\n    pass\n');
    expect(trace.end!.reason).toBe('no-yield');
    expect(trace.end!.line).toBe(2); // the loop's body, as for a task (above)
  });

  it('stops a livelock, naming the tasks that spin', () => {
    const { trace } = run(
      program(`
async def spin():
    while True:
        await asyncio.sleep(0)

asyncio.run(spin())`),
      { limits: { maxIterationsPerInstant: 500 } },
    );
    expect(trace.end!.reason).toBe('livelock');
    expect(trace.end!.culprits.map((t) => trace.taskNames.get(t))).toEqual(['spin()']);
  });

  it('tells a deadlock, with what each task waits on', () => {
    const { trace } = run(
      program(`
async def main():
    go = asyncio.Event()
    q = asyncio.Queue()
    waiter = asyncio.create_task(go.wait())
    await q.get()

asyncio.run(main())`),
    );
    const end = trace.end!;
    expect(end.reason).toBe('deadlock');
    expect(end.blocked.map((b) => [trace.taskNames.get(b.task), b.waitsOn])).toEqual([
      ['main()', "get from queue 'q' (empty)"],
      ['Event.wait()', "wait for Event 'go' (not set)"],
    ]);
    expect(end.message).toMatch(/^deadlock at t=0.000: nothing can ever happen again, and 2 tasks/);
  });

  it('stops an asyncio.run called from a function at `until` (it cannot pause)', () => {
    const { trace } = run(
      program(`
async def tick():
    while True:
        await asyncio.sleep(1)
        print(asyncio.get_running_loop().time())

def go():
    asyncio.run(tick())

go()`),
      { until: 3.5 },
    );
    expect(trace.end!.reason).toBe('until');
    expect(printed(trace)).toEqual(['1.0', '2.0', '3.0']);
  });
});

describe('runs in chunks', () => {
  const endless = program(`
async def producer(queue):
    n = 0
    while True:
        n += 1
        await queue.put(f"tick{n}")
        await asyncio.sleep(1)

async def consumer(queue):
    while True:
        item = await queue.get()
        print(f"{asyncio.get_running_loop().time():.3f} got {item}")

async def main():
    queue = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(queue), consumer(queue))

try:
    asyncio.run(main())
finally:
    print("never reached while it runs")`);

  it('pauses an endless program at `until` and goes on from there', () => {
    const trace = pythonTrace();
    const first = runtime.start(endless, { until: 10 });
    expect(first.end).toBeNull();
    appendChunk(trace, first);
    expect(printed(trace).length).toBe(11);
    appendChunk(trace, runtime.resume(25));
    // In chunks of about 200 events, until one finds the clock at 40.
    for (let chunks = 0; chunks < 100; chunks += 1) {
      const chunk = runtime.resume(40, 200);
      appendChunk(trace, chunk);
      if (chunk.events.byteLength === 0) break;
    }
    const whole = run(endless, { until: 40 }).trace;
    appendChunk(whole, runtime.stop());
    expect(whole.end!.reason).toBe('until');
    // Paused three times or not at all: the same events.
    const events = (t: Trace) =>
      Array.from({ length: t.eventCount }, (_, i) => [
        t.kind[i],
        t.task[i],
        t.a[i],
        t.b[i],
        t.step[i],
        t.iter[i],
        t.timeAt(i),
      ]);
    expect(events(trace).slice(0, whole.eventCount - 1)).toEqual(events(whole).slice(0, -1));
  });

  it('pauses once a chunk holds enough events', () => {
    const chunk = runtime.start(endless, { until: 1000, chunkEvents: 100 });
    expect(chunk.end).toBeNull();
    const count = new Int32Array(chunk.events.buffer.slice(chunk.events.byteOffset)).length / 5;
    expect(count).toBeGreaterThanOrEqual(100);
    expect(count).toBeLessThan(140);
    expect(chunk.time).toBeLessThan(20);
  });
});

describe('conventions', () => {
  it('seeds random and runs time.time() on the virtual clock: two runs print the same', () => {
    const source = program(`
import random, time

async def main():
    t0 = time.time()
    await asyncio.sleep(2.5)
    print(random.random(), time.time() - t0, time.monotonic())

asyncio.run(main())`);
    const once = printed(run(source).trace);
    expect(printed(run(source).trace)).toEqual(once);
    expect(once[0]).toMatch(/^0\.8444218515250481 2\.5 2\.5$/);
  });

  it("cancels a TaskGroup's tasks in creation order", () => {
    const { trace } = run(
      program(`
async def sleeper(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def fail():
    await asyncio.sleep(1)
    raise ValueError

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            for name in "abcdefgh":
                group.create_task(sleeper(name))
            group.create_task(fail())
    except* ValueError:
        pass

asyncio.run(main())`),
    );
    expect(printed(trace).join('')).toBe(
      'a cancelledb cancelledc cancelledd cancellede cancelledf cancelledg cancelledh cancelled',
    );
  });
});

describe('the trace', () => {
  it('keeps a PriorityQueue and a LifoQueue in the order they give items out', () => {
    const { trace } = run(
      program(`
async def main():
    p = asyncio.PriorityQueue()
    l = asyncio.LifoQueue()
    for item in [5, 1, 3]:
        await p.put(item)
        await l.put(item)
    await asyncio.sleep(1)
    print(await p.get(), await l.get())
    await asyncio.sleep(1)

asyncio.run(main())`),
    );
    const index = new StateIndex(trace);
    const at = (t: number) => {
      let n = 0;
      while (n < trace.eventCount && trace.timeAt(n) <= t) n += 1;
      return index.stateAfter(n);
    };
    const items = (t: number, p: number) => {
      const q = at(t).primitives[p];
      return q.type === 'Queue' ? queueItems(q).items : null;
    };
    expect(items(0.5, 0)).toEqual(['1', '3', '5']);
    expect(items(0.5, 1)).toEqual(['3', '1', '5']);
    expect(items(1.5, 0)).toEqual(['3', '5']);
    expect(items(1.5, 1)).toEqual(['1', '5']);
  });

  const programs = join(here, '../../oracle/programs');
  it.each(readdirSync(programs).filter((f) => f.endsWith('.py')))(
    '%s: each callback the loop runs is the one at the head of the ready queue',
    (name) => {
      const { trace } = run(readFileSync(join(programs, name), 'utf8'));
      const state = padState(initialState(trace), trace);
      let checked = 0;
      for (let i = 0; i < trace.eventCount; i += 1) {
        const kind = trace.kind[i];
        const head = state.ready[0];
        if (kind === Ev.RUN_STEP) {
          expect(head, `${name} event ${i}`).toMatchObject({ task: trace.task[i] });
          expect(head.kind).toBe(trace.a[i] === StepReason.WOKEN ? 'wakeup' : 'step');
          checked += 1;
        } else if (kind === Ev.RUN_TIMER) {
          expect(head).toMatchObject({ kind: 'timer', timer: trace.a[i] });
        } else if (kind === Ev.RUN_HANDLE) {
          expect(head).toMatchObject({ kind: 'handle', text: trace.a[i] });
        } else if (kind === Ev.RUN_CALLBACK) {
          expect(head).toMatchObject({ kind: 'callback', task: trace.task[i] });
        } else if (kind === Ev.SELECT) {
          expect(state.ready.length).toBe(trace.a[i]);
        }
        applyEvent(state, trace, i);
      }
      expect(checked).toBeGreaterThan(0);
    },
  );
});
