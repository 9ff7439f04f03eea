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
  type ProducerConsumerParams,
} from '../src/scenario/presets';

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
