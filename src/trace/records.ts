import { Ev, type Trace } from '../engine';

/** A step that completed: [iteration, time, task, step, kind, extra], as oracle.py records it. */
export type StepRecord = [number, number, string, number, string, string | boolean | null];

const KIND_OF: Partial<Record<number, string>> = {
  [Ev.LOG]: 'log',
  [Ev.SLEPT]: 'sleep',
  [Ev.Q_PUT]: 'put',
  [Ev.Q_GET]: 'get',
  [Ev.ACQUIRE]: 'acquire',
  [Ev.ACQUIRED]: 'acquire',
  [Ev.RELEASE]: 'release',
  [Ev.EV_SET]: 'set',
  [Ev.EV_CLEAR]: 'clear',
  [Ev.EV_PASS]: 'wait',
  [Ev.CANCEL]: 'cancel',
  [Ev.Q_TASK_DONE]: 'task_done',
  [Ev.Q_JOIN_PASS]: 'join',
  [Ev.SPAWN]: 'spawn',
  [Ev.AWAIT_PASS]: 'await',
  [Ev.BLOCK]: 'block',
  [Ev.IO_OPEN]: 'connect',
  [Ev.IO_READ]: 'read',
  [Ev.IO_WRITE]: 'write',
  [Ev.IO_CLOSED]: 'close',
  [Ev.PROC_OPEN]: 'exec',
  [Ev.PROC_WAITED]: 'proc_wait',
};

/** Every step's completion, in order: the loop iteration and time at which it completed. */
export function stepRecords(trace: Trace): StepRecord[] {
  return stepRecordEvents(trace).map(({ record }) => record);
}

/** The same, each with the event it comes from. */
export function stepRecordEvents(trace: Trace): { record: StepRecord; event: number }[] {
  const out: { record: StepRecord; event: number }[] = [];
  const str = (id: number) => (id < 0 ? null : trace.string(id));
  for (let i = 0; i < trace.eventCount; i += 1) {
    const kind = trace.kind[i];
    let name = KIND_OF[kind];
    if (kind === Ev.EV_DONE && trace.b[i] === 0) name = 'wait';
    else if (kind === Ev.Q_JOIN_DONE && trace.b[i] === 0) name = 'join';
    else if (kind === Ev.AWAIT_DONE && trace.b[i] === 0) name = 'await';
    else if (kind === Ev.GATHER_DONE && trace.b[i] === 0) name = 'gather';
    if (name === undefined) continue;
    if (kind === Ev.BLOCK && trace.b[i] === 1) continue; // cut short by a Ctrl-C: not completed
    let extra: string | boolean | null = null;
    if (kind === Ev.LOG) extra = str(trace.a[i]);
    else if (kind === Ev.Q_PUT || kind === Ev.Q_GET || kind === Ev.IO_READ || kind === Ev.IO_WRITE)
      extra = str(trace.b[i]);
    else if (kind === Ev.CANCEL) extra = trace.b[i] === 1;
    else if (kind === Ev.PROC_WAITED) extra = String(trace.b[i]);
    out.push({
      record: [
        trace.iter[i],
        trace.timeAt(i),
        trace.tasks[trace.task[i]].name,
        trace.step[i],
        name,
        extra,
      ],
      event: i,
    });
  }
  return out;
}

export type TaskEnd =
  | { state: 'done' }
  | { state: 'cancelled' }
  | { state: 'failed'; error: string }
  | { state: 'pending'; step: number }
  | { state: 'unstarted' };

/**
 * How each task ended: done, failed (with the error), cancelled, still pending at a step, or
 * never created (`"start": false` and its spawn step never ran). For a whole trace.
 */
export function taskEnds(trace: Trace): Record<string, TaskEnd> {
  const ends: (TaskEnd | undefined)[] = new Array(trace.tasks.length);
  const created = new Uint8Array(trace.tasks.length);
  for (let i = 0; i < trace.eventCount; i += 1) {
    const kind = trace.kind[i];
    if (kind === Ev.TASK_CREATE) created[trace.task[i]] = 1;
    else if (kind === Ev.TASK_DONE) ends[trace.task[i]] = { state: 'done' };
    else if (kind === Ev.TASK_CANCELLED) ends[trace.task[i]] = { state: 'cancelled' };
    else if (kind === Ev.TASK_FAIL)
      ends[trace.task[i]] = { state: 'failed', error: trace.string(trace.a[i]) };
  }
  const blockedStep = new Map(trace.end?.blocked.map((b) => [b.task, b.step]) ?? []);
  const out: Record<string, TaskEnd> = {};
  trace.tasks.forEach((task, t) => {
    out[task.name] =
      ends[t] ??
      (created[t] ? { state: 'pending', step: blockedStep.get(t) ?? -1 } : { state: 'unstarted' });
  });
  return out;
}
