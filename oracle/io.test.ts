import { beforeAll, describe, expect, it } from 'vitest';
import { loadOracle, type Oracle } from './pyodide';
import { compareWithCPython } from './compare';
import type { Scenario } from '../src/scenario/types';
import { taskEnds } from '../src/trace/records';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

const server = (data: [number, string][], eof?: number, latency = 0.1) => ({
  type: 'Connection' as const,
  latency,
  data: data.map(([after, text]) => ({ after, text })),
  ...(eof === undefined ? {} : { eof }),
});

describe('streams against CPython (open_connection, readline, read, write, close)', () => {
  it('a client reading lines while a ticker sleeps', () => {
    const scenario: Scenario = {
      version: 1,
      primitives: {
        server: server(
          [
            [0.5, 'hello\n'],
            [1, 'wor'],
            [1.5, 'ld\nbye\n'],
          ],
          2,
        ),
      },
      tasks: [
        {
          name: 'client',
          steps: [
            { op: 'connect', conn: 'server' },
            { op: 'write', conn: 'server', text: 'GET\n' },
            {
              op: 'repeat',
              times: 4,
              steps: [
                { op: 'readline', conn: 'server' },
                { op: 'log', text: 'got {item}' },
              ],
            },
            { op: 'close', conn: 'server' },
          ],
        },
        {
          name: 'ticker',
          steps: [
            {
              op: 'repeat',
              times: 4,
              steps: [
                { op: 'sleep', seconds: 0.5 },
                { op: 'log', text: 'tick {n}' },
              ],
            },
          ],
        },
      ],
    };
    compareWithCPython(oracle, scenario);
  });
});

describe('random programs on connections', () => {
  it('match CPython event for event, and their generated code prints the same', async () => {
    const { randomIoCase } = await import('./arbitrary');
    const { default: fc } = await import('fast-check');
    const { formatLog } = await import('../src/trace/log');
    const { generatePython } = await import('../src/scenario/python');
    const reasons = new Map<string, number>();
    const errors = new Map<string, number>();
    fc.assert(
      fc.property(randomIoCase(), ({ scenario }) => {
        const { trace } = compareWithCPython(oracle, scenario, { maxOpsPerStep: 200 });
        const reason = trace.end!.reason;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        for (const end of Object.values(taskEnds(trace)))
          if (end.state === 'failed') errors.set(end.error, (errors.get(end.error) ?? 0) + 1);
        if (reason !== 'no-yield') {
          expect(oracle.runGenerated(generatePython(scenario).code)).toBe(formatLog(trace));
        }
      }),
      { seed: 11, numRuns: 300 },
    );
    expect(reasons.get('complete')).toBeGreaterThan(50);
    expect(reasons.get('deadlock')).toBeGreaterThan(20);
    // The mistakes CPython raises for come up too.
    expect([...errors.keys()].sort()).toEqual([
      'ConnectionResetError: Connection lost',
      "KeyError: 'c0'",
      "KeyError: 'c1'",
      'RuntimeError: readuntil() called while another coroutine is already waiting for incoming data',
    ]);
  });
});

describe('the streams preset', () => {
  it('matches CPython and its code prints the same, for a few parameter sets, in both languages', async () => {
    const { buildPreset } = await import('../src/scenario/presets');
    const { formatLog } = await import('../src/trace/log');
    for (const lang of ['en', 'fr'] as const) {
      for (const params of [
        { clients: 2, lines: 3, interval: 1, latency: 0.5 },
        { clients: 3, lines: 2, interval: 0.5, latency: 0 },
        { clients: 1, lines: 4, interval: 0.25, latency: 1 },
      ]) {
        const { scenario, python } = buildPreset({ preset: 'io-streams', params }, lang);
        const { trace } = compareWithCPython(oracle, scenario);
        expect(trace.end!.reason).toBe('complete');
        expect(oracle.runGenerated(python.code)).toBe(formatLog(trace));
      }
    }
  });
});
