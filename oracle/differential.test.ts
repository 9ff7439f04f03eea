import { beforeAll, describe, expect, it } from 'vitest';
import { loadOracle, type Oracle } from './pyodide';
import { compareWithCPython } from './compare';
import { jobWindowScenario, producerConsumerScenario } from '../src/scenario/presets';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

describe('presets against CPython', () => {
  it('runs CPython 3.14', () => {
    expect(oracle.version).toMatch(/^3\.14\./);
  });
  it('job window, default', () => {
    compareWithCPython(
      oracle,
      jobWindowScenario({ jobs: 8, maxsize: 4, durations: { kind: 'formula' } }),
    );
  });
  it('producer consumer, default', () => {
    compareWithCPython(oracle, producerConsumerScenario({ maxsize: 1, period: 1, work: 0 }), {
      until: 10,
    });
  });
});
