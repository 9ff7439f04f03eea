import { describe, expect, it } from 'vitest';
import { chartMaxsize, effectiveMaxsize, isJobWindow, maxsizeSweep, sweepValues } from './sweep';

describe('the maxsize sweep', () => {
  it('gives the course: 5 s with 4 tokens, everything at once with 8', () => {
    const points = maxsizeSweep({
      preset: 'job-window',
      params: { jobs: 8, maxsize: 4, durations: { kind: 'formula' } },
    });
    expect(points.map((p) => p.maxsize)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(points[3]).toEqual({ maxsize: 4, makespan: 5, peak: 4 });
    expect(points[0]).toEqual({ maxsize: 1, makespan: 15, peak: 1 }); // one at a time: 1+2+3+1+2+3+1+2
    expect(points[7].peak).toBe(8);
    expect(points[7].makespan).toBe(3);
  });

  it('spreads the values when there are many jobs', () => {
    const values = sweepValues(1000, 60);
    expect(values[0]).toBe(1);
    expect(values.at(-1)).toBe(1000);
    expect(values.length).toBe(60);
  });
});

describe('unbounded, on the chart', () => {
  const params = { jobs: 8, maxsize: 0, durations: { kind: 'formula' as const } };

  it('behaves as maxsize = jobs, and is marked there', () => {
    expect(chartMaxsize(0, 8)).toBe(8);
    expect(chartMaxsize(-3, 8)).toBe(8);
    expect(chartMaxsize(12, 8)).toBe(8);
    expect(chartMaxsize(3, 8)).toBe(3);
    // What the chart says at maxsize = jobs is what maxsize 0 does.
    const [unbounded] = maxsizeSweep({ preset: 'job-window', params }, [0]);
    const [all] = maxsizeSweep({ preset: 'job-window', params }, [8]);
    expect({ ...unbounded, maxsize: 8 }).toEqual(all);
  });

  it('the unbounded preset is a job window, swept as the Queue one', () => {
    const choice = { preset: 'unbounded' as const, params };
    expect(isJobWindow(choice)).toBe(true);
    expect(effectiveMaxsize({ ...choice, params: { ...params, maxsize: 3 } })).toBe(0);
    expect(maxsizeSweep(choice)).toEqual(maxsizeSweep({ preset: 'job-window', params }));
    expect(maxsizeSweep(choice)[0].makespan).toBe(15);
  });
});
