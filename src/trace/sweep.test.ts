import { describe, expect, it } from 'vitest';
import { maxsizeSweep, sweepValues } from './sweep';

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
