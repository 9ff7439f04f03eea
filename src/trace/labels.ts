import { singleSleep, type CompiledScenario } from '../engine';
import { pyNumber } from '../scenario/pyformat';

/**
 * Column headers of the course's table, one per task: `j0 (1)` for a task with exactly one
 * sleep outside any repeat (its duration, as Python prints it), else the task's name.
 */
export function taskLabels(compiled: CompiledScenario): string[] {
  return compiled.taskNames.toArray().map((name, t) => {
    const seconds = singleSleep(compiled.program, t);
    return seconds === null ? name : `${name} (${pyNumber(seconds)})`;
  });
}
