/** Generated Python for any scenario prints the simulator's log when CPython runs it. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOracle, type Oracle } from './pyodide';
import { randomCase } from './arbitrary';
import { simulate } from '../src/engine';
import { formatLog } from '../src/trace/log';
import { generatePython } from '../src/scenario/python';
import { flattenSteps } from '../src/scenario/types';
import type { Scenario } from '../src/scenario/types';
import { acquire, cancel, get, log, put, repeat, scenario, set, sleep, task } from './scenarios';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

const EXPECTED_CODE: Record<string, RegExp> = {
  sleep: /^await asyncio\.sleep\(/,
  put: /^await \w+\.put\(/,
  get: /^(item = )?await \w+\.get\(\)$/,
  acquire: /^await \w+\.acquire\(\)$/,
  release: /^\w+\.release\(\)$/,
  set: /^\w+\.set\(\)$/,
  clear: /^\w+\.clear\(\)$/,
  wait: /^await \w+\.wait\(\)$/,
  log: /^show_timer\(/,
  repeat: /^(for \w+ in range\(|while True:)/,
  cancel: /^tasks\[".*"\]\.cancel\(\)$/,
};

describe('generated Python', () => {
  it('handles awkward names, quotes, braces and placeholders', () => {
    const s = scenario(
      { 'my queue': { type: 'Queue', maxsize: 1 }, print: { type: 'Queue', maxsize: 0 } },
      task(
        'class',
        put('my queue', 'say "hi" {n} {{x}} \\ ü'),
        repeat(2, put('print', 'v{n}')),
        log('done {item}'),
      ),
      task(
        '2nd',
        get('my queue'),
        log('got {item} {n}'),
        repeat(2, get('print'), log('{n}:{item}')),
        sleep(0.1),
        cancel('class'),
      ),
    );
    expect(oracle.runGenerated(generatePython(s).code)).toBe(formatLog(simulate(s)));
  });

  it('keeps names Python reserves or refuses, odd titles and huge counts runnable', () => {
    const s: Scenario = {
      ...scenario(
        {
          __name__: { type: 'Queue', maxsize: 1e21 },
          __debug__: { type: 'Lock' },
          '\u2e2f': { type: 'Event' },
          '\u{10107}': { type: 'Semaphore', value: 2 ** 60 },
        },
        task(
          '__main__',
          put('__name__', 'v'),
          acquire('__debug__'),
          set('\u2e2f'),
          acquire('\u{10107}'),
        ),
        task('main', get('__name__'), log('got {item}'), repeat(1e21, log('n={n}'), sleep(1))),
      ),
      // Taking the backslash out of a""\"b brings three quotes together.
      title: 'nul \u0000 byte """ and a backslash \\, a""\\"b',
    };
    const code = generatePython(s).code;
    expect(oracle.runGenerated(code, 2.5)).toBe(formatLog(simulate(s, { until: 2.5 })));
  });

  it('prints the same lines as the simulator for random programs, each step on its line', () => {
    let compared = 0;
    fc.assert(
      fc.property(randomCase(), ({ scenario: s, until }) => {
        const trace = simulate(s, { until, maxIterationsPerInstant: 50, maxOpsPerStep: 200 });
        // Programs stopped by a bound would hang or spin in real Python.
        if (['livelock', 'no-yield'].includes(trace.end!.reason)) return;
        const { code, lines } = generatePython(s);
        expect(oracle.runGenerated(code, until)).toBe(formatLog(trace));
        const source = code.split('\n');
        s.tasks.forEach((t, i) =>
          flattenSteps(t.steps).forEach((step, j) =>
            expect(source[lines[i][j] - 1].trim()).toMatch(EXPECTED_CODE[step.op]),
          ),
        );
        compared += 1;
      }),
      { seed: 7, numRuns: 250 },
    );
    expect(compared).toBeGreaterThan(150);
  });
});
