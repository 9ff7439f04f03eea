/**
 * What `maxsize` changes, measured: the job window simulated for each maxsize from 1 to the
 * number of jobs, its total time (makespan) and peak concurrency. Unbounded (`maxsize` 0 or
 * less) and any maxsize above the number of jobs behave as maxsize = jobs: every job at once.
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

/** The values drawn: those of `sweepValues`, and the marked ones (A's, B's) among them. */
export function chartValues(jobs: number, ...marked: (number | null)[]): number[] {
  const values = new Set(sweepValues(jobs));
  for (const value of marked) if (value !== null) values.add(value);
  return [...values].sort((a, b) => a - b);
}

export type WindowChoice = PresetParams & { params: JobWindowParams };

/** The job windows: a maxsize (or a semaphore's value) and jobs. */
export function isJobWindow(choice: PresetParams | null): choice is WindowChoice {
  return (
    choice !== null &&
    (choice.preset === 'job-window' ||
      choice.preset === 'semaphore-window' ||
      choice.preset === 'unbounded')
  );
}

/** The maxsize a job window runs with (the unbounded preset's is 0, whatever its params). */
export function effectiveMaxsize(choice: WindowChoice): number {
  return choice.preset === 'unbounded' ? 0 : choice.params.maxsize;
}

/** Where a maxsize sits on the chart (1 to jobs): unbounded and above behave as jobs. */
export function chartMaxsize(maxsize: number, jobs: number): number {
  return maxsize <= 0 || maxsize > jobs ? Math.max(1, jobs) : maxsize;
}

/** The choice swept: the unbounded preset is the Queue job window with its maxsize varied. */
export function sweptChoice(choice: WindowChoice): WindowChoice {
  return choice.preset === 'unbounded' ? { preset: 'job-window', params: choice.params } : choice;
}

export function maxsizeSweep(
  choice: WindowChoice,
  values = sweepValues(choice.params.jobs),
): SweepPoint[] {
  const swept = sweptChoice(choice);
  return values.map((maxsize) => {
    const trace = simulate(
      buildPreset({ ...swept, params: { ...swept.params, maxsize } } as PresetParams).scenario,
    );
    const timelines = taskTimelines(trace);
    return { maxsize, makespan: makespan(trace, timelines), peak: peakConcurrency(timelines) };
  });
}
