/**
 * What an unfinished task waits on, read from the loop's state at the end of a trace (whoever
 * made it): the facts the views and the end-of-run message put in words.
 */
import { WaitKind, type Trace, type Wait } from '../engine';
import { queueLength, type LoopState } from './state';

export function waitOfState(trace: Trace, state: LoopState, t: number): Wait {
  const task = state.tasks[t];
  if (task === undefined) return { kind: 'first' };
  const names = (tasks: readonly number[] | undefined) =>
    (tasks ?? []).map((k) => (k >= 0 ? trace.taskNames.get(k) : '?'));
  const woken = task.status === 'ready';
  if (task.wait < 0) {
    if (task.status === 'ready' && task.step < 0) return { kind: 'first' };
    return { kind: 'next' };
  }
  const primitive = state.primitives[task.target];
  const meta = trace.primitives[task.target];
  switch (task.wait) {
    case WaitKind.SLEEP:
      return { kind: 'sleep', until: trace.timerWhen(task.target), woken };
    case WaitKind.QUEUE_PUT:
      return {
        kind: 'put',
        queue: meta.name,
        size: primitive.type === 'Queue' ? queueLength(primitive) : 0,
        maxsize: meta.size,
        woken,
      };
    case WaitKind.QUEUE_GET:
      return { kind: 'get', queue: meta.name, woken };
    case WaitKind.ACQUIRE:
      if (primitive.type === 'Semaphore' || primitive.type === 'BoundedSemaphore')
        return {
          kind: 'semaphore',
          type: primitive.type,
          semaphore: meta.name,
          value: primitive.value,
          woken,
        };
      return { kind: 'lock', lock: meta.name, woken };
    case WaitKind.EVENT:
      return { kind: 'event', event: meta.name, woken };
    case WaitKind.JOIN:
      return {
        kind: 'join',
        queue: meta.name,
        unfinished: primitive.type === 'Queue' ? primitive.unfinished : 0,
        woken,
      };
    case WaitKind.TASK:
      return { kind: 'task', task: trace.taskNames.get(task.target), woken };
    case WaitKind.GATHER:
      return { kind: 'gather', tasks: names(trace.gathers[task.target]), woken };
    case WaitKind.CONDITION:
      return { kind: 'condition', condition: meta.name, woken };
    case WaitKind.WAIT:
      return { kind: 'wait', tasks: names(trace.gathers[task.target]), woken };
    case WaitKind.TASKGROUP:
      return { kind: 'taskgroup', tasks: names(trace.gathers[task.target]), woken };
    default:
      return { kind: 'future', woken };
  }
}
