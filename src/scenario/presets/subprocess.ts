/**
 * The loop and the OS: child processes (`asyncio.create_subprocess_exec(..., stdout=PIPE)`).
 * Each has two fds in the selector: the read end of its stdout pipe, and its pidfd, readable
 * once it exited. The programs are simulated: each prints a line every `interval` seconds,
 * then exits; the generated code runs them for real with `python -c`.
 */
import type { PrimitiveSpec, Scenario, TaskSpec } from '../types';
import type { CodeLang } from '../comments';
import { generatePython, type PythonCode } from '../python';
import { PRESET_TEXTS } from './texts';

export interface SubprocessParams {
  /** Child processes, each read by its own task. */
  workers: number;
  /** Lines each prints. */
  lines: number;
  /** Seconds between its lines (the first one interval after it started); it exits one more later. */
  interval: number;
}

export const SUBPROCESS_DEFAULTS: SubprocessParams = { workers: 2, lines: 2, interval: 1 };

export function subprocessScenario(params: SubprocessParams, lang: CodeLang = 'en'): Scenario {
  const text = PRESET_TEXTS.subprocess;
  const primitives: Record<string, PrimitiveSpec> = {};
  const tasks: TaskSpec[] = [];
  for (let i = 1; i <= params.workers; i += 1) {
    const proc = `worker${i}`;
    primitives[proc] = {
      type: 'Process',
      // Staggered a little, so that their lines and exits do not all come at once.
      output: Array.from({ length: params.lines }, (_, k) => ({
        after: (k + 1) * params.interval + (i - 1) * 0.25,
        text: `${text.progress(lang, k + 1, params.lines)}\n`,
      })),
      exit: (params.lines + 1) * params.interval + (i - 1) * 0.25,
      returncode: 0,
    };
    tasks.push({
      name: `reader${i}`,
      steps: [
        { op: 'exec', proc },
        { op: 'log', text: text.started[lang] },
        {
          op: 'repeat',
          times: params.lines,
          steps: [
            { op: 'readline', proc },
            { op: 'log', text: text.got[lang] },
          ],
        },
        { op: 'proc_wait', proc },
        { op: 'log', text: text.exited[lang] },
      ],
    });
  }
  return {
    version: 1,
    title: PRESET_TEXTS.subprocessTitle(lang, params.workers),
    primitives,
    tasks,
  };
}

export function subprocessPython(params: SubprocessParams, lang: CodeLang = 'en'): PythonCode {
  return generatePython(subprocessScenario(params, lang), lang);
}
