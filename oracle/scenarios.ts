/** Shorthands for writing scenarios in tests. */
import type { PrimitiveSpec, Scenario, Step, TaskSpec } from '../src/scenario/types';

export const sleep = (seconds: number): Step => ({ op: 'sleep', seconds });
/** `time.sleep(seconds)`: blocks the loop. */
export const block = (seconds: number): Step => ({ op: 'block', seconds });
export const put = (queue: string, value: string | null = null): Step => ({
  op: 'put',
  queue,
  value,
});
export const get = (queue: string): Step => ({ op: 'get', queue });
export const acquire = (lock: string): Step => ({ op: 'acquire', lock });
export const release = (lock: string): Step => ({ op: 'release', lock });
export const set = (event: string): Step => ({ op: 'set', event });
export const clear = (event: string): Step => ({ op: 'clear', event });
export const wait = (event: string): Step => ({ op: 'wait', event });
export const log = (text: string): Step => ({ op: 'log', text });
export const cancel = (task: string): Step => ({ op: 'cancel', task });
export const repeat = (times: number | undefined, ...steps: Step[]): Step =>
  times === undefined ? { op: 'repeat', steps } : { op: 'repeat', times, steps };

export const task = (name: string, ...steps: Step[]): TaskSpec => ({ name, steps });

export function scenario(
  primitives: Record<string, PrimitiveSpec>,
  ...tasks: TaskSpec[]
): Scenario {
  return { version: 1, primitives, tasks };
}
export const taskDone = (queue: string): Step => ({ op: 'task_done', queue });
export const join = (queue: string): Step => ({ op: 'join', queue });
export const spawn = (task: string): Step => ({ op: 'spawn', task });
export const awaitTask = (task: string): Step => ({ op: 'await', task });
export const gather = (...tasks: string[]): Step => ({ op: 'gather', tasks });
/** A task with `"start": false`: created by a spawn step. */
export const spawned = (name: string, ...steps: Step[]): TaskSpec => ({
  name,
  start: false,
  steps,
});
