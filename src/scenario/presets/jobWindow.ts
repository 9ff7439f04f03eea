/**
 * The course's job window: `asyncio.Queue(maxsize)` used as a set of tokens, so that at most
 * `maxsize` jobs run at once (0: unbounded, every job at once).
 */
import type { Scenario, TaskSpec } from '../types';
import { CodeWriter, pyNumber, showTimer } from '../pyformat';
import { comment, type CodeLang } from '../comments';
import type { PythonCode } from '../python';
import { PRESET_TEXTS } from './texts';

export type Durations =
  | { kind: 'formula' } // (i % 3) + 1, as in the course
  | { kind: 'constant'; seconds: number }
  | { kind: 'list'; seconds: number[] } // cycled when shorter than the number of jobs
  | { kind: 'random'; seed: number; max: number }; // integers 1..max, seeded

export interface JobWindowParams {
  jobs: number;
  maxsize: number;
  durations: Durations;
}

export const JOB_WINDOW_DEFAULTS: JobWindowParams = {
  jobs: 8,
  maxsize: 4,
  durations: { kind: 'formula' },
};

/** mulberry32: a small seeded generator, so "random" durations are the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function jobDurations(params: JobWindowParams): number[] {
  const d = params.durations;
  switch (d.kind) {
    case 'formula':
      return Array.from({ length: params.jobs }, (_, i) => (i % 3) + 1);
    case 'constant':
      return Array.from({ length: params.jobs }, () => d.seconds);
    case 'list':
      return Array.from({ length: params.jobs }, (_, i) => d.seconds[i % d.seconds.length]);
    case 'random': {
      const next = seededRandom(d.seed);
      return Array.from({ length: params.jobs }, () => 1 + Math.floor(next() * d.max));
    }
  }
}

export function jobWindowScenario(params: JobWindowParams, lang: CodeLang = 'en'): Scenario {
  const durations = jobDurations(params);
  const tasks: TaskSpec[] = durations.map((duration, i) => {
    const message = `job${i} - duration ${pyNumber(duration)}`;
    return {
      name: `j${i}`,
      steps: [
        { op: 'put', queue: 'window', value: null },
        { op: 'log', text: `>>> ${message}` },
        { op: 'sleep', seconds: duration },
        { op: 'log', text: `<<< ${message}` },
        { op: 'get', queue: 'window' },
      ],
    };
  });
  return {
    version: 1,
    title: PRESET_TEXTS.jobWindowTitle(lang, params.jobs, params.maxsize),
    primitives: { window: { type: 'Queue', maxsize: params.maxsize } },
    tasks,
  };
}

function durationCode(
  params: JobWindowParams,
  lang: CodeLang,
): { before: string[]; expression: string } {
  const d = params.durations;
  switch (d.kind) {
    case 'formula':
      return { before: [], expression: '(i % 3) + 1' };
    case 'constant':
      return { before: [], expression: pyNumber(d.seconds) };
    case 'list':
    case 'random': {
      const values = d.kind === 'list' ? d.seconds : jobDurations(params);
      const note = `# ${d.kind === 'random' ? comment(lang, 'random', { seed: d.seed, max: d.max }) : comment(lang, 'durations')}`;
      const rows: string[] = [];
      for (let i = 0; i < values.length; i += 20)
        rows.push(
          '    ' +
            values
              .slice(i, i + 20)
              .map(pyNumber)
              .join(', ') +
            ',',
        );
      const index =
        d.kind === 'list' && d.seconds.length < params.jobs ? 'i % len(durations)' : 'i';
      return {
        before: [note, 'durations = [', ...rows, ']', '', ''],
        expression: `durations[${index}]`,
      };
    }
  }
}

/** The course's code, as it would be written today (asyncio.run, named tasks). */
export function jobWindowPython(params: JobWindowParams, lang: CodeLang = 'en'): PythonCode {
  const w = new CodeWriter();
  const { before, expression } = durationCode(params, lang);
  w.line('import asyncio');
  w.blank();
  showTimer(lang).forEach((line) => w.line(line));
  w.blank(2);
  w.line(
    `window = asyncio.Queue(maxsize=${params.maxsize})${params.maxsize <= 0 ? `  # ${comment(lang, 'unbounded')}` : ''}`,
  );
  w.blank(2);
  before.forEach((line) => w.line(line));
  w.line('async def job(i):');
  w.line(`    # ${comment(lang, 'takeToken')}`);
  const put = w.line('    await window.put(None)');
  w.line(`    # ${comment(lang, 'notSameDuration')}`);
  w.line(`    duration = ${expression}`);
  w.line('    message = f"job{i} - duration {duration}"');
  const start = w.line('    show_timer(">>>", message)');
  const sleep = w.line('    await asyncio.sleep(duration)');
  const end = w.line('    show_timer("<<<", message)');
  w.line(`    # ${comment(lang, 'giveBack')}`);
  const get = w.line('    await window.get()');
  w.blank(2);
  w.line('async def main():');
  w.line('    global start');
  w.line('    start = asyncio.get_running_loop().time()');
  w.line(`    jobs = [asyncio.create_task(job(i), name=f"j{i}") for i in range(${params.jobs})]`);
  w.line('    await asyncio.gather(*jobs)');
  w.blank(2);
  w.line('if __name__ == "__main__":');
  w.line('    asyncio.run(main())');
  const taskLines = [put, start, sleep, end, get];
  return { code: w.toString(), lines: Array.from({ length: params.jobs }, () => taskLines) };
}
