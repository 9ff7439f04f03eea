/**
 * What `maxsize` changes, measured: the job window simulated for each maxsize from 1 to the
 * number of jobs, its total time (makespan) and peak concurrency.
 */
import { simulate } from '../engine';
import { buildPreset, type JobWindowParams, type PresetParams } from '../scenario/presets';
import { makespan, peakConcurrency, taskTimelines } from './segments';

export interface SweepPoint {
  maxsize: number;
  makespan: number;
  peak: number;
}

/** The maxsize values to try: all of 1..jobs, or evenly spread when there are many. */
export function sweepValues(jobs: number, most = 60): number[] {
  if (jobs <= most) return Array.from({ length: jobs }, (_, i) => i + 1);
  const values = new Set<number>();
  for (let i = 0; i < most; i += 1) values.add(1 + Math.round((i * (jobs - 1)) / (most - 1)));
  return [...values];
}

export function maxsizeSweep(
  choice: PresetParams & { params: JobWindowParams },
  values = sweepValues(choice.params.jobs),
): SweepPoint[] {
  return values.map((maxsize) => {
    const trace = simulate(
      buildPreset({ ...choice, params: { ...choice.params, maxsize } } as PresetParams).scenario,
    );
    const timelines = taskTimelines(trace);
    return { maxsize, makespan: makespan(trace, timelines), peak: peakConcurrency(timelines) };
  });
}
