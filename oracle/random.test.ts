import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOracle, type Oracle } from './pyodide';
import { compareWithCPython } from './compare';
import { randomCase } from './arbitrary';
import { generatePython } from '../src/scenario/python';
import { formatLog } from '../src/trace/log';

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

  it('match CPython when a Ctrl-C stops them, and their code prints the same', () => {
    let interrupted = 0;
    fc.assert(
      fc.property(
        randomCase(),
        fc.constantFrom(0, 0.25, 0.5, 1, 1.7, 2, 3.3, 6),
        ({ scenario, until }, interrupt) => {
          const s = { ...scenario, interrupt };
          const { trace, python } = compareWithCPython(oracle, s, { ...LIMITS, until });
          expect(trace.end!.time).toBe((python.end as unknown as { time: number }).time);
          if (trace.end!.reason === 'interrupted') interrupted += 1;
          // The generated code's Ctrl-C is a timer: it cannot cut a blocking call short.
          const blocks = s.tasks.some((t) => JSON.stringify(t.steps).includes('"block"'));
          if (blocks || ['livelock', 'no-yield'].includes(trace.end!.reason)) return;
          expect(oracle.runGenerated(generatePython(s).code, until)).toBe(formatLog(trace));
        },
      ),
      { seed: 20261206, numRuns: 300, endOnFailure: true },
    );
    expect(interrupted).toBeGreaterThan(50);
  });
});
