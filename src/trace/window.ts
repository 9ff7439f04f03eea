/**
 * What a long run's window still needs when it lets go of its oldest events: the timers and
 * texts that the events kept, and the state they start from, refer to. See `Trace.dropBefore`
 * and src/store/run.ts.
 */
import { Ev, WaitKind, type Trace } from '../engine';
import type { LoopState } from './state';

/** The lowest timer and text numbers referred to by events `from` on and by `state`. */
export function referencedFloors(
  trace: Trace,
  from: number,
  state: LoopState,
): { timer: number; string: number } {
  let timer = trace.timerCount;
  let string = trace.strings.length;
  const { kind, a, b } = trace;
  for (let i = from; i < trace.eventCount; i += 1) {
    switch (kind[i]) {
      case Ev.TIMER_DROP:
      case Ev.TIMER_FIRE:
      case Ev.RUN_TIMER:
      case Ev.SKIP_HANDLE:
      case Ev.TIMER_SCHEDULE:
      case Ev.TIMER_CANCEL:
        if (a[i] >= 0) timer = Math.min(timer, a[i]);
        break;
      case Ev.SUSPEND:
        if (a[i] === WaitKind.SLEEP) timer = Math.min(timer, b[i]);
        break;
      case Ev.LOG:
      case Ev.TASK_FAIL:
      case Ev.PRINT:
      case Ev.CALL_SOON:
      case Ev.RUN_HANDLE:
        if (a[i] >= 0) string = Math.min(string, a[i]);
        break;
      case Ev.Q_PUT:
      case Ev.Q_GET:
      case Ev.IO_RECV:
      case Ev.IO_READ:
      case Ev.IO_WRITE:
      case Ev.IO_DATA:
        if (b[i] >= 0) string = Math.min(string, b[i]);
        break;
    }
  }
  for (const entry of state.timers) timer = Math.min(timer, entry.id);
  for (const entry of state.ready) {
    if (entry.kind === 'timer') timer = Math.min(timer, entry.timer);
    else if (entry.kind === 'handle' && entry.text !== undefined && entry.text >= 0)
      string = Math.min(string, entry.text);
  }
  for (const task of state.tasks)
    if (task.status === 'sleeping' && task.target >= 0) timer = Math.min(timer, task.target);
  return { timer, string };
}
