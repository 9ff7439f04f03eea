/**
 * The two producers of one trace agree: for every preset and hundreds of random scenarios, the
 * Python code generated for the scenario, run by CPython in Python mode (src/python), gives the
 * engine's trace event for event (oracle/pythonMode.ts says where the vocabularies differ), the
 * same step records and the same printed lines.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate, type RunOptions } from '../src/engine';
import { buildPreset, PITFALL_IDS, PRESET_IDS, presetDefaults } from '../src/scenario/presets';
import { withField } from '../src/scenario/presets/fields';
import { generatePython, type PythonCode } from '../src/scenario/python';
import { hasEndlessRepeat, type Scenario } from '../src/scenario/types';
import { formatLog } from '../src/trace/log';
import { appendChunk, pythonTrace } from '../src/python/chunk';
import { loadPythonRuntime } from '../src/python/node';
import type { PythonRuntime } from '../src/python/runtime';
import { comparableRecords, engineEvents, pythonEvents } from './pythonMode';
import { randomCase } from './arbitrary';

let runtime: PythonRuntime;
beforeAll(async () => {
  runtime = await loadPythonRuntime();
});

function runPython(code: string, until?: number) {
  const trace = pythonTrace();
  appendChunk(trace, runtime.start(code, { until }));
  if (trace.end === null) appendChunk(trace, runtime.stop());
  return trace;
}

function printed(trace: ReturnType<typeof runPython>): string {
  const lines: string[] = [];
  for (let i = 0; i < trace.eventCount; i += 1)
    if (trace.kind[i] === 70 && trace.b[i] === 0) lines.push(trace.string(trace.a[i]));
  return lines.map((line) => line + '\n').join('');
}

function agree(scenario: Scenario, python: PythonCode, options: RunOptions = {}) {
  const engine = simulate(scenario, options);
  const trace = runPython(python.code, options.until);
  const expected = engineEvents(engine, python.lines);
  expect(expected.length).toBeGreaterThan(0);
  expect(pythonEvents(trace)).toEqual(expected);
  expect(comparableRecords(trace, null)).toEqual(comparableRecords(engine, python.lines));
  expect(printed(trace)).toBe(formatLog(engine));
  const reason = engine.end!.reason;
  // A blocking call can move the clock past `until` inside an iteration. After it, the
  // program's main() still has callbacks of its own to run (its gather of the tasks), which
  // stop it at `until`; the scenario has no main, so the engine may end then as it would.
  const passedUntil = options.until !== undefined && engine.end!.time > options.until;
  if (!(passedUntil && trace.end!.reason === 'until')) expect(trace.end!.reason).toBe(reason);
  return { engine, trace };
}

describe('Python mode against the engine', () => {
  it('agrees on every preset, in both languages', () => {
    for (const preset of PRESET_IDS) {
      // The Python mode has no sockets or subprocesses yet (its test server is a thread): the
      // I/O presets are judged by oracle/io.test.ts against CPython's own streams.
      if (preset === 'io-streams' || preset === 'io-subprocess') continue;
      for (const lang of ['en', 'fr'] as const) {
        const { scenario, python } = buildPreset(presetDefaults(preset), lang);
        agree(scenario, python, hasEndlessRepeat(scenario) ? { until: 12 } : {});
      }
    }
  });

  it('agrees on the pitfalls and their fixed twins, in both languages', () => {
    for (const preset of PITFALL_IDS) {
      for (const fixed of [0, 1]) {
        for (const lang of ['en', 'fr'] as const) {
          const choice = withField(presetDefaults(preset), 'fixed', fixed);
          const { scenario, python } = buildPreset(choice, lang);
          const { trace } = agree(
            scenario,
            python,
            hasEndlessRepeat(scenario) ? { until: 12 } : {},
          );
          // The deadlocks are named; time.sleep only makes the others late.
          if (preset === 'pitfall-lock-twice' || preset === 'pitfall-task-done')
            expect(trace.end!.reason).toBe(fixed ? 'complete' : 'deadlock');
          if (preset === 'pitfall-blocking') expect(trace.end!.reason).toBe('complete');
        }
      }
    }
    for (const workers of [1, 3])
      for (const fixed of [0, 1]) {
        const { scenario, python } = buildPreset({
          preset: 'pitfall-lock-twice',
          params: { fixed, workers, hold: 0.5 },
        });
        agree(scenario, python);
      }
    for (const items of [1, 5])
      for (const fixed of [0, 1]) {
        const { scenario, python } = buildPreset({
          preset: 'pitfall-task-done',
          params: { fixed, items, work: 0 },
        });
        agree(scenario, python);
      }
    for (const bound of [1, 3]) {
      const { scenario, python } = buildPreset({
        preset: 'pitfall-unbounded-queue',
        params: { fixed: 1, bound, period: 0.25, work: 1 },
      });
      agree(scenario, python, { until: 15 });
    }
  });

  it('agrees on the job window over its parameters', () => {
    for (const jobs of [1, 3, 8, 13]) {
      for (const maxsize of [0, 1, 2, 4, jobs + 1]) {
        for (const durations of [
          { kind: 'formula' } as const,
          { kind: 'constant', seconds: 0 } as const,
          { kind: 'random', seed: jobs, max: 3 } as const,
        ]) {
          for (const preset of ['job-window', 'semaphore-window'] as const) {
            const { scenario, python } = buildPreset({
              preset,
              params: { jobs, maxsize, durations },
            });
            agree(scenario, python);
          }
        }
      }
    }
  });

  it('agrees on the producer/consumer over its parameters, to t=20', () => {
    for (const maxsize of [0, 1, 3]) {
      for (const period of [0.25, 1, 2]) {
        for (const work of [0, 0.5, 3]) {
          const { scenario, python } = buildPreset({
            preset: 'producer-consumer',
            params: { maxsize, period, work },
          });
          agree(scenario, python, { until: 20 });
        }
      }
    }
  });

  it('agrees on random programs: queues, locks, events, cancels, spawns, awaits, gathers', () => {
    let compared = 0;
    fc.assert(
      fc.property(randomCase(), ({ scenario, until }) => {
        const options = { until, maxIterationsPerInstant: 50, maxOpsPerStep: 200 };
        // Programs stopped by a bound would spin or hang in real Python.
        if (['livelock', 'no-yield'].includes(simulate(scenario, options).end!.reason)) return;
        agree(scenario, generatePython(scenario), { until });
        compared += 1;
      }),
      { seed: 11, numRuns: 400 },
    );
    expect(compared).toBeGreaterThan(250);
  });
});
