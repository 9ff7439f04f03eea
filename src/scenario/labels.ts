import { flattenSteps, type TaskSpec } from './types';
import { pyNumber } from './pyformat';

/**
 * A task's column header in the course's table: `j0 (1)` when the task has exactly one sleep,
 * outside any repeat (its duration); otherwise its name.
 */
export function taskLabel(task: TaskSpec): string {
  const sleeps = flattenSteps(task.steps).filter((s) => s.op === 'sleep');
  const topLevel = task.steps.filter((s) => s.op === 'sleep');
  if (sleeps.length === 1 && topLevel.length === 1 && topLevel[0].op === 'sleep') {
    return `${task.name} (${pyNumber(topLevel[0].seconds)})`;
  }
  return task.name;
}
