import { Ev, type Trace } from '../engine';
import type { Segment } from './segments';

/**
 * Lateness below this is the clock's own resolution (from 2**24 s on, select leaves the clock
 * one float past a deadline), not a loop held up.
 */
const ON_TIME = 1e-6;

/**
 * How late the timer of TIMER_FIRE event `i` fired: the clock then minus its deadline; 0 when
 * on time. In virtual time only a blocking call (`time.sleep`, CPU work) can make a timer late:
 * select would have returned at its deadline, but the loop was not there to call it.
 */
export function timerLateness(trace: Trace, i: number): number {
  if (trace.kind[i] !== Ev.TIMER_FIRE) return 0;
  const late = trace.timeAt(i) - trace.timerWhen(trace.a[i]);
  return late > ON_TIME ? late : 0;
}

/** Whether the run has a blocking call: only then can anything be late. */
export function hasBlockingCall(trace: Trace): boolean {
  return trace.moveCount > 0;
}

/**
 * How long after its timer's deadline a sleeping segment ended (the task ran again late): 0
 * when on time, or when the run has no blocking call (then nothing can be late).
 */
export function sleepLateness(trace: Trace, segment: Segment): number {
  if (segment.kind !== 'sleeping' || segment.endEvent < 0 || trace.moveCount === 0) return 0;
  if (segment.target < trace.timerBase) return 0; // a long run's window let go of the timer
  const late = segment.end - trace.timerWhen(segment.target);
  return late > ON_TIME ? late : 0;
}
