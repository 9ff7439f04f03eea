/** The presets, over many parameter values, against CPython: simulator and generated code. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOracle, type Oracle } from './pyodide';
import { compareWithCPython } from './compare';
import { simulate } from '../src/engine';
import { formatLog } from '../src/trace/log';
import {
  buildPreset,
  type Durations,
  type JobWindowParams,
  type PresetParams,
  type ProducerConsumerParams,
} from '../src/scenario/presets';
import { flattenSteps } from '../src/scenario/types';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

const DURATIONS: Durations[] = [
  { kind: 'formula' },
  { kind: 'constant', seconds: 1 },
  { kind: 'constant', seconds: 0 },
  { kind: 'constant', seconds: 0.5 },
  { kind: 'list', seconds: [0.1, 0.2, 0.3] },
  { kind: 'list', seconds: [3, 1] },
  { kind: 'random', seed: 42, max: 4 },
];

const jobWindows: JobWindowParams[] = [];
for (const jobs of [1, 2, 3, 5, 8, 13]) {
  for (const maxsize of [-1, 0, 1, 2, 3, 4, jobs, jobs + 1]) {
    for (const durations of DURATIONS) jobWindows.push({ jobs, maxsize, durations });
  }
}

const producerConsumers: ProducerConsumerParams[] = [];
for (const maxsize of [0, 1, 2, 3]) {
  for (const period of [0, 0.25, 1, 2]) {
    for (const work of [0, 0.5, 1, 3]) producerConsumers.push({ maxsize, period, work });
  }
}
const LIMITS = { maxIterationsPerInstant: 200 };

describe('job window presets', () => {
  it(`match CPython for ${jobWindows.length} parameter sets`, () => {
    for (const params of jobWindows) {
      compareWithCPython(oracle, buildPreset({ preset: 'job-window', params }).scenario);
    }
  });

  it("generated code prints the simulator's log when run in CPython", () => {
    for (const params of jobWindows.filter((_, i) => i % 3 === 0)) {
      const { scenario, python } = buildPreset({ preset: 'job-window', params });
      expect(oracle.runGenerated(python.code), JSON.stringify(params)).toBe(
        formatLog(simulate(scenario)),
      );
    }
  });

  it('maps each step to its line of code', () => {
    const { python } = buildPreset({
      preset: 'job-window',
      params: { jobs: 8, maxsize: 4, durations: { kind: 'formula' } },
    });
    const lines = python.code.split('\n');
    const at = (step: number) => lines[python.lines[3][step] - 1].trim();
    expect([0, 1, 2, 3, 4].map(at)).toEqual([
      'await window.put(None)',
      'show_timer(">>>", message)',
      'await asyncio.sleep(duration)',
      'show_timer("<<<", message)',
      'await window.get()',
    ]);
  });
});

describe('producer / consumer presets', () => {
  it(`match CPython for ${producerConsumers.length} parameter sets up to t=10`, () => {
    for (const params of producerConsumers) {
      compareWithCPython(oracle, buildPreset({ preset: 'producer-consumer', params }).scenario, {
        until: 10,
        ...LIMITS,
      });
    }
  });

  it("generated code prints the simulator's log when run in CPython", () => {
    for (const params of producerConsumers.filter((p) => p.period > 0)) {
      const { scenario, python } = buildPreset({ preset: 'producer-consumer', params });
      expect(oracle.runGenerated(python.code, 10), JSON.stringify(params)).toBe(
        formatLog(simulate(scenario, { until: 10 })),
      );
    }
  });

  it('maps each step to its line of code', () => {
    const { python } = buildPreset({
      preset: 'producer-consumer',
      params: { maxsize: 1, period: 1, work: 0.5 },
    });
    const lines = python.code.split('\n');
    const text = (t: number) => python.lines[t].map((line) => lines[line - 1].trim());
    expect(text(0)).toEqual([
      'while True:',
      "await queue.put(f'tick{count}')",
      'await asyncio.sleep(1)',
    ]);
    expect(text(1)).toEqual([
      'while True:',
      'received = await queue.get()',
      'show_timer(f"got {received}")',
      'await asyncio.sleep(0.5)',
    ]);
  });
});

describe('the lecture presets: Semaphore window, unbounded, shared Lock, Event start', () => {
  const choices: PresetParams[] = [];
  for (const jobs of [1, 4, 8, 13]) {
    for (const maxsize of [0, 1, 2, 4, jobs]) {
      choices.push({
        preset: 'semaphore-window',
        params: { jobs, maxsize, durations: { kind: 'formula' } },
      });
      choices.push({
        preset: 'semaphore-window',
        params: { jobs, maxsize, durations: { kind: 'random', seed: jobs, max: 3 } },
      });
    }
    choices.push({
      preset: 'unbounded',
      params: { jobs, maxsize: 0, durations: { kind: 'formula' } },
    });
  }
  for (const workers of [1, 2, 3, 5]) {
    for (const [use, think] of [
      [1, 0.5],
      [1, 0],
      [0.5, 1],
      [0, 0],
    ]) {
      choices.push({ preset: 'shared-lock', params: { workers, rounds: 3, use, think } });
    }
  }
  for (const runners of [1, 3, 6]) {
    for (const countdown of [0, 0.5, 2])
      choices.push({ preset: 'event-start', params: { runners, countdown } });
  }

  it(`match CPython for ${choices.length} parameter sets`, () => {
    for (const choice of choices) compareWithCPython(oracle, buildPreset(choice).scenario);
  });

  it("their code prints the simulator's log in CPython, each step on its line, in both languages", () => {
    for (const [choice, lang] of choices.flatMap((c) => [[c, 'en'] as const, [c, 'fr'] as const])) {
      const { scenario, python } = buildPreset(choice, lang);
      const log = formatLog(simulate(scenario));
      expect(oracle.runGenerated(python.code), `${JSON.stringify(choice)} ${lang}`).toBe(log);
      if (lang === 'fr' && choice.preset === 'shared-lock')
        expect(log).toContain("w0 >>> utilise l'imprimante, tour 1");
      if (lang === 'fr' && choice.preset === 'event-start') expect(log).toContain('r0 arrivé');
      const source = python.code.split('\n');
      scenario.tasks.forEach((task, t) =>
        flattenSteps(task.steps).forEach((step, s) => {
          const line = source[python.lines[t][s] - 1].trim();
          const expected = {
            acquire: /^async with/,
            release: /^async with/,
            log: /^show_timer/,
            sleep: /^await asyncio\.sleep/,
            wait: /^await go\.wait/,
            set: /^go\.set/,
            repeat: /^for /,
            put: /put/,
            get: /get/,
          }[step.op as string];
          expect(line, `${JSON.stringify(choice)} ${t}:${s}`).toMatch(expected ?? /./);
        }),
      );
    }
  });

  it('a Semaphore(0) window is a deadlock, told in plain words', () => {
    const { trace } = compareWithCPython(
      oracle,
      buildPreset({
        preset: 'semaphore-window',
        params: { jobs: 3, maxsize: 0, durations: { kind: 'formula' } },
      }).scenario,
    );
    expect(trace.end!.reason).toBe('deadlock');
    expect(trace.end!.message).toContain("j0 waits on acquire Semaphore 'window' (value 0)");
  });
});

describe('the pitfalls and their fixed twins', () => {
  const choices: PresetParams[] = [];
  for (const fixed of [0, 1]) {
    for (const workers of [1, 2, 3, 5])
      for (const hold of [0, 0.5, 1])
        choices.push({ preset: 'pitfall-lock-twice', params: { fixed, workers, hold } });
    for (const items of [1, 3, 6])
      for (const work of [0, 0.25, 1])
        choices.push({ preset: 'pitfall-task-done', params: { fixed, items, work } });
    for (const bound of [1, 2, 4])
      for (const [period, work] of [
        [0.5, 1],
        [0.25, 1],
        [1, 0.5],
      ])
        choices.push({
          preset: 'pitfall-unbounded-queue',
          params: { fixed, bound, period, work },
        });
  }
  const options = (choice: PresetParams) =>
    choice.preset === 'pitfall-unbounded-queue' ? { until: 10, ...LIMITS } : {};

  it(`match CPython for ${choices.length} parameter sets`, () => {
    for (const choice of choices) {
      const { trace } = compareWithCPython(oracle, buildPreset(choice).scenario, options(choice));
      const fixed = (choice.params as { fixed: number }).fixed === 1;
      // The mistake ends in a deadlock (or runs for ever); its fix completes (or stays bounded).
      if (choice.preset === 'pitfall-unbounded-queue') expect(trace.end!.reason).toBe('until');
      else expect(trace.end!.reason, JSON.stringify(choice)).toBe(fixed ? 'complete' : 'deadlock');
    }
  });

  it("their code prints the simulator's log in CPython, in both languages", () => {
    for (const [choice, lang] of choices.flatMap((c) => [[c, 'en'] as const, [c, 'fr'] as const])) {
      const { scenario, python } = buildPreset(choice, lang);
      const until = choice.preset === 'pitfall-unbounded-queue' ? 10 : undefined;
      const log = formatLog(simulate(scenario, { until }));
      expect(oracle.runGenerated(python.code, until), `${JSON.stringify(choice)} ${lang}`).toBe(
        log,
      );
      if (lang === 'fr') expect(log).toMatch(/étape 1|reçu|dépose/);
    }
  });

  it('name the deadlock: the task waiting for itself, the joiner', () => {
    const lock = simulate(
      buildPreset({ preset: 'pitfall-lock-twice', params: { fixed: 0, workers: 2, hold: 1 } })
        .scenario,
    );
    expect(lock.end!.message).toContain("w0 waits on acquire Lock 'lock' (held)");
    const join = simulate(
      buildPreset({ preset: 'pitfall-task-done', params: { fixed: 0, items: 3, work: 1 } })
        .scenario,
    );
    expect(join.end!.message).toContain("producer waits on join queue 'queue' (3 unfinished)");
  });

  it('an unbounded queue grows; its bound holds', () => {
    const held = (fixed: number) => {
      const trace = simulate(
        buildPreset({
          preset: 'pitfall-unbounded-queue',
          params: { fixed, bound: 2, period: 0.5, work: 1 },
        }).scenario,
        { until: 20 },
      );
      const log = formatLog(trace).split('\n');
      const puts = log.filter((line) => line.includes('put tick')).length;
      const gets = log.filter((line) => line.includes('got tick')).length;
      return puts - gets;
    };
    expect(held(0)).toBeGreaterThan(15);
    expect(held(1)).toBeLessThanOrEqual(3);
  });
});
