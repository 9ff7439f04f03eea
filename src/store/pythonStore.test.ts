/**
 * The store with a Python program: CPython (in Node here, in a worker in the page) runs it, and
 * the views get a run like a scenario's. The job window's own code gives the engine's timeline;
 * an endless program is run further as playback needs, with the same console as in one go.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPythonRuntime } from '../python/node';
import type { PythonRuntime } from '../python/runtime';
import { buildPreset, presetDefaults, type PresetParams } from '../scenario/presets';
import { createRun, type WindowSize } from './run';
import { createAppStore, type PythonRunner } from './store';

let runtime: PythonRuntime;
beforeAll(async () => {
  runtime = await loadPythonRuntime();
});

/** The page's worker, played by CPython in this process. */
function nodeRunner(): PythonRunner {
  return {
    progress: { phase: 'ready', ms: 0, version: runtime.version, snapshot: false },
    subscribe: () => () => {},
    budgetMs: 5000,
    run: async (source, options) => ({
      kind: 'chunk',
      chunk: runtime.start(source, options),
      ms: 1,
    }),
    resume: async (until, chunkEvents) => ({
      kind: 'chunk',
      chunk: runtime.resume(until, chunkEvents),
      ms: 1,
    }),
  };
}

function pythonStore(window?: WindowSize) {
  const runner = nodeRunner();
  return createAppStore({
    choice: presetDefaults('job-window'),
    python: () => Promise.resolve(runner),
    window,
  });
}

/** Each task's stretches, as the grid draws them: kind, start, end. */
function lanes(timelines: { segments: { kind: string; start: number; end: number }[] }[]) {
  return timelines.map((t) => t.segments.map((s) => [s.kind, s.start, s.end]));
}

describe('a Python program in the store', () => {
  it.each([2, 4])(
    "runs the job window's code edited to maxsize %i: the engine's timeline",
    async (maxsize) => {
      const store = pythonStore();
      const defaults = presetDefaults('job-window');
      const choice = { ...defaults, params: { ...defaults.params, maxsize } } as PresetParams;
      const code = buildPreset(presetDefaults('job-window'), 'en').python.code;
      const edited = code.replace(
        'window = asyncio.Queue(maxsize=4)',
        `window = asyncio.Queue(maxsize=${maxsize})`,
      );
      if (maxsize !== 4) expect(edited).not.toBe(code);
      store.getState().openProgram(edited);
      expect(store.getState().run.origin.kind).toBe('python');
      await store.getState().runProgram();
      const { run, pythonStatus } = store.getState();
      expect(pythonStatus.kind).toBe('ran');
      const engine = createRun(choice);
      expect(run.trace.end?.reason).toBe('complete');
      expect(run.endless).toBe(false);
      // main() is a task of its own in Python: the jobs follow it.
      expect(run.labels.slice(1)).toEqual(engine.trace.tasks.map((t) => t.name));
      expect(lanes(run.timelines.slice(1))).toEqual(lanes(engine.timelines));
      expect(run.logs.map((l) => l.text)).toEqual(
        engine.logs.map((l) => `${l.time.toFixed(3)} ${engine.trace.tasks[l.task].name} ${l.text}`),
      );
    },
  );

  it('marks a syntax error and keeps the last run on show', async () => {
    const store = pythonStore();
    store
      .getState()
      .openProgram(
        'import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print("ok")\nasyncio.run(main())\n',
      );
    await store.getState().runProgram();
    const before = store.getState().run;
    expect(before.logs.map((l) => l.text)).toEqual(['ok']);
    store.getState().setProgram('import asyncio\nasync def main(:\n    pass\n');
    await store.getState().runProgram();
    expect(store.getState().run).toBe(before);
    expect(store.getState().programProblem).toMatchObject({ line: 2 });
    expect(store.getState().programProblem?.message).toMatch(/^SyntaxError/);
  });

  it('marks the line of an exception, and shows the traceback in the console', async () => {
    const store = pythonStore();
    store
      .getState()
      .openProgram(
        'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    1 / 0\n\nasyncio.run(main())\n',
      );
    await store.getState().runProgram();
    const { run, programProblem } = store.getState();
    expect(programProblem).toMatchObject({ line: 5 });
    const stderr = run.logs.filter((l) => l.stream === 1).map((l) => l.text);
    expect(stderr.at(-1)).toBe('ZeroDivisionError: division by zero');
    expect(stderr).toContain('  File "main.py", line 5, in main');
  });

  it('runs an endless program further as playback goes, the console as in one go', async () => {
    const source = `import asyncio

async def producer(queue):
    n = 0
    while True:
        n += 1
        await queue.put(n)
        await asyncio.sleep(0.5)

async def consumer(queue):
    while True:
        item = await queue.get()
        print(f"{asyncio.get_running_loop().time():.1f} got {item}")

async def main():
    queue = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(queue), consumer(queue))

asyncio.run(main())
`;
    const store = pythonStore({ events: 200, seconds: 5, maxEvents: 2000, logLines: 20 });
    store.getState().openProgram(source);
    await store.getState().runProgram();
    expect(store.getState().run.endless).toBe(true);
    const seen: string[] = [];
    for (let t = 1; t <= 200; t += 1) {
      store.getState().seekTime(t);
      // Let the worker's answers (promises) arrive.
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const { run, cursor, playhead } = store.getState();
      expect(playhead).toBe(t);
      const shown = run.logs.filter((l) => l.event < cursor).map((l) => l.text);
      seen.push(shown.at(-1)!);
    }
    expect(store.getState().run.trace.eventBase).toBeGreaterThan(0);
    expect(seen).toEqual(
      Array.from({ length: 200 }, (_, i) => `${(i + 1).toFixed(1)} got ${2 * (i + 1) + 1}`),
    );
  });

  it('goes back to the scenarios when a preset is chosen', async () => {
    const store = pythonStore();
    store.getState().openProgram('print("hi")\n');
    await store.getState().runProgram();
    expect(store.getState().run.logs.map((l) => l.text)).toEqual(['hi']);
    store.getState().setPreset('job-window');
    expect(store.getState().program).toBeNull();
    expect(store.getState().run.origin.kind).toBe('scenario');
  });
});
