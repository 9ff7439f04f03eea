import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { loadOracle, type Oracle } from './pyodide';
import { compareWithCPython } from './compare';
import { randomCase } from './arbitrary';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

// Small bounds keep runaway programs short; both sides apply the same ones.
const LIMITS = { maxIterationsPerInstant: 50, maxOpsPerStep: 200 };

describe('random programs against CPython', () => {
  it('match CPython step for step', () => {
    fc.assert(
      fc.property(randomCase(), ({ scenario, until }) => {
        compareWithCPython(oracle, scenario, { ...LIMITS, until });
      }),
      { seed: 20261125, numRuns: 1000, endOnFailure: true },
    );
  });
});
