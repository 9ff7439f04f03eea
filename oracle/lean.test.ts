import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOracle, type Oracle } from './pyodide';
import { randomCase } from './arbitrary';
import { jobWindowScenario, producerConsumerScenario } from '../src/scenario/presets';
import { simulate } from '../src/engine';
import { formatLog } from '../src/trace/log';
import type { Scenario } from '../src/scenario/types';
import type { OracleOptions } from './pyodide';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

/** The lean path (`oracle.py --format log`, used by the benchmark) prints what the instrumented one does. */
function expectSameLog(scenario: Scenario, options: OracleOptions = {}) {
  const log = oracle.runLog(scenario, options);
  expect(log).toBe(oracle.run(scenario, options).log);
  expect(log).toBe(formatLog(simulate(scenario, options)));
}

describe("the oracle's lean path", () => {
  it('prints the log of the presets', () => {
    expectSameLog(jobWindowScenario({ jobs: 40, maxsize: 4, durations: { kind: 'formula' } }));
    expectSameLog(producerConsumerScenario({ maxsize: 2, period: 0.5, work: 1 }), { until: 8 });
  });

  it('prints the log of random programs, bounds included', () => {
    fc.assert(
      fc.property(randomCase(), fc.constantFrom(200, 1_000_000), ({ scenario, until }, ops) => {
        expectSameLog(scenario, { maxIterationsPerInstant: 50, maxOpsPerStep: ops, until });
      }),
      { seed: 20261126, numRuns: 300, endOnFailure: true },
    );
  });
});
