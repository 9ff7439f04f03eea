import { describe, expect, it } from 'vitest';
import { compileScenario, simulate } from '../engine';
import { jobWindowScenario, producerConsumerScenario } from '../scenario/presets';
import { gridShape, jobGrid, TableTooLarge } from './markdown';

describe('the grid as text', () => {
  it('says who waits for a token (the hatched cells), and who runs', () => {
    const trace = simulate(
      compileScenario(jobWindowScenario({ jobs: 8, maxsize: 4, durations: { kind: 'formula' } })),
    );
    const grid = jobGrid(trace);
    const cells = grid.activity;
    // j4 waits for a token during 0-1, runs 1-3; j7 waits 0-3, runs 3-5; j0 runs 0-1 and is done.
    expect(cells.map((row) => row[4])).toEqual([['blocked'], ['sleeping'], ['sleeping'], [], []]);
    expect(cells.map((row) => row[7])).toEqual([
      ['blocked'],
      ['blocked'],
      ['blocked'],
      ['sleeping'],
      ['sleeping'],
    ]);
    expect(cells.map((row) => row[0])).toEqual([['sleeping'], [], [], [], []]);
    // "runs" exactly where the course's table has its `*`.
    cells.forEach((row, i) =>
      row.forEach((kinds, t) => expect(kinds.includes('sleeping')).toBe(grid.sleeping[i][t])),
    );
  });

  it('tells the order within a slot: the producer runs, then waits for a free slot', () => {
    const trace = simulate(
      compileScenario(producerConsumerScenario({ maxsize: 1, period: 1, work: 2 })),
      { until: 6 },
    );
    // Producer: sleeps 2-3, waits 3-4 (the queue is full until the consumer's get at 4).
    const grid = jobGrid(trace, { horizon: 6, slot: 2 });
    const cells = grid.activity;
    expect(cells.map((row) => row[0])).toEqual([
      ['sleeping'],
      ['sleeping', 'blocked'],
      ['sleeping', 'blocked'],
    ]);
  });

  it('carries a stretch still going on when the run stops to the end of the table', () => {
    // At 2.5 j2, j4, j5 and j6 are inside their sleep, j7 waits for a token: slot 2-3 says so.
    const trace = simulate(
      compileScenario(jobWindowScenario({ jobs: 8, maxsize: 4, durations: { kind: 'formula' } })),
      { until: 2.5 },
    );
    const grid = jobGrid(trace, { horizon: 2.5 });
    expect(grid.slots).toBe(3);
    expect(grid.activity[2].map((kinds) => kinds.join())).toEqual([
      '',
      '',
      'sleeping',
      '',
      'sleeping',
      'sleeping',
      'sleeping',
      'blocked',
    ]);
  });

  it('tells the size of a table before making one too big to read', () => {
    const trace = simulate(
      compileScenario(producerConsumerScenario({ maxsize: 1, period: 1, work: 0 })),
      { until: 150_000 },
    );
    expect(gridShape(trace, { horizon: 150_000 }).slots).toBe(150_000);
    expect(() => jobGrid(trace, { horizon: 150_000 })).toThrow(TableTooLarge);
  });
});
