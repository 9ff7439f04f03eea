import { Ev, WaitKind, type Trace } from '../engine';

/**
 * A stretch of virtual time in a task's life, as the timeline grid draws it: inside a sleep,
 * blocked on a primitive (waiting for a token, an item, a lock, an event), or blocking the whole
 * loop (`time.sleep`, CPU work: nothing else runs meanwhile).
 */
export interface Segment {
  kind: 'sleeping' | 'blocked' | 'blocking';
  /** WaitKind of the suspension; -1 when blocking. */
  wait: number;
  /** The primitive waited on (blocked), the timer (sleeping), or the clock move (blocking). */
  target: number;
  start: number;
  /** Virtual time when it ended; the run's end time for one still open. */
  end: number;
  startEvent: number;
  /** Index of the event that ended it (-1 when still open at the end of the trace). */
  endEvent: number;
  /** The step the task was on. */
  step: number;
}

export interface TaskTimeline {
  segments: Segment[];
  /** When the task ended, if it did; and how. */
  endTime: number | null;
  endState: 'done' | 'failed' | 'cancelled' | null;
  endEvent: number;
}

/**
 * Every task's sleeps and blocks, in time order, from the trace. `carried`: where each task
 * stood before the trace's first event (`carryTimelines`), for a long run's later window.
 */
export function taskTimelines(
  trace: Trace,
  upTo = trace.eventCount,
  carried: TaskTimeline[] | null = null,
): TaskTimeline[] {
  const timelines: TaskTimeline[] = trace.tasks.map((_, t) => ({
    segments: carried ? carried[t].segments.map((segment) => ({ ...segment })) : [],
    endTime: carried ? carried[t].endTime : null,
    endState: carried ? carried[t].endState : null,
    endEvent: carried ? carried[t].endEvent : -1,
  }));
  return extendTimelines(timelines, trace, 0, upTo);
}

/**
 * The same timelines, continued with events `from` to `upTo` (the trace grew): the work is
 * proportional to the new events.
 */
export function extendTimelines(
  timelines: TaskTimeline[],
  trace: Trace,
  from: number,
  upTo = trace.eventCount,
): TaskTimeline[] {
  // The stretches still open: each task's last, unless it ended.
  const open: (Segment | null)[] = timelines.map((timeline) => {
    const last = timeline.segments[timeline.segments.length - 1];
    return last && last.endEvent < 0 && timeline.endTime === null ? last : null;
  });
  const kind = trace.kind;
  const closeAt = (t: number, time: number, event: number) => {
    const segment = open[t];
    if (segment) {
      segment.end = time;
      segment.endEvent = event;
      open[t] = null;
    }
  };
  for (let i = from; i < upTo; i += 1) {
    const k = kind[i];
    if (k === Ev.SUSPEND) {
      const t = trace.task[i];
      const wait = trace.a[i];
      const segment: Segment = {
        kind: wait === WaitKind.SLEEP ? 'sleeping' : 'blocked',
        wait,
        target: trace.b[i],
        start: trace.timeAt(i),
        end: NaN,
        startEvent: i,
        endEvent: -1,
        step: trace.step[i],
      };
      open[t] = segment;
      timelines[t].segments.push(segment);
    } else if (k === Ev.BLOCK) {
      const move = trace.a[i];
      timelines[trace.task[i]].segments.push({
        kind: 'blocking',
        wait: -1,
        target: move,
        start: trace.moveFrom(move),
        end: trace.moveTo(move),
        startEvent: i,
        endEvent: i,
        step: trace.step[i],
      });
    } else if (k === Ev.RUN_STEP) {
      closeAt(trace.task[i], trace.timeAt(i), i);
    } else if (k === Ev.TASK_DONE || k === Ev.TASK_FAIL || k === Ev.TASK_CANCELLED) {
      const t = trace.task[i];
      closeAt(t, trace.timeAt(i), i);
      timelines[t].endTime = trace.timeAt(i);
      timelines[t].endEvent = i;
      timelines[t].endState =
        k === Ev.TASK_DONE ? 'done' : k === Ev.TASK_FAIL ? 'failed' : 'cancelled';
    }
  }
  const last = upTo > 0 ? trace.timeAt(upTo - 1) : 0;
  open.forEach((segment) => {
    if (segment) segment.end = Math.max(last, segment.start);
  });
  return timelines;
}

/**
 * Where each task stands before event `n`, for a trace about to drop its first `n` events: the
 * segment still open then (its events renumbered: the start's is negative), and its end if it
 * ended before.
 */
export function carryTimelines(timelines: TaskTimeline[], n: number): TaskTimeline[] {
  return timelines.map((timeline) => {
    const ended = timeline.endTime !== null && timeline.endEvent < n;
    const open = timeline.segments.find(
      (segment) => segment.startEvent < n && (segment.endEvent < 0 || segment.endEvent >= n),
    );
    return {
      segments:
        open && !ended
          ? [{ ...open, startEvent: open.startEvent - n, end: NaN, endEvent: -1 }]
          : [],
      endTime: ended ? timeline.endTime : null,
      endState: ended ? timeline.endState : null,
      endEvent: ended ? timeline.endEvent - n : -1,
    };
  });
}

/** Time of the last task's end, or of the last event when some never end. */
export function makespan(trace: Trace, timelines = taskTimelines(trace)): number {
  if (timelines.every((t) => t.endTime !== null)) {
    // A loop, not Math.max(...): 150,000 arguments overflow the call stack.
    let last = 0;
    for (const timeline of timelines) last = Math.max(last, timeline.endTime!);
    return last;
  }
  return trace.eventCount > 0 ? trace.timeAt(trace.eventCount - 1) : 0;
}

/** The largest number of tasks inside their sleep at the same time ("running", in the course). */
export function peakConcurrency(timelines: TaskTimeline[]): number {
  const edges: [number, number][] = [];
  for (const timeline of timelines) {
    for (const s of timeline.segments) {
      if (s.kind === 'sleeping' && s.end > s.start) edges.push([s.start, 1], [s.end, -1]);
    }
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // ends before starts at the same instant
  let current = 0;
  let peak = 0;
  for (const [, delta] of edges) {
    current += delta;
    peak = Math.max(peak, current);
  }
  return peak;
}
