import { Ev, FD_PIDFD, WaitKind, END_REASON_NAMES, type Trace } from '../engine';

export const EVENT_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(Ev).map(([name, kind]) => [kind, name]),
);
export const WAIT_NAMES: Record<number, string> = {
  [WaitKind.SLEEP]: 'sleep',
  [WaitKind.QUEUE_PUT]: 'put',
  [WaitKind.QUEUE_GET]: 'get',
  [WaitKind.ACQUIRE]: 'acquire',
  [WaitKind.EVENT]: 'wait',
  [WaitKind.JOIN]: 'join',
  [WaitKind.TASK]: 'await',
  [WaitKind.GATHER]: 'gather',
  [WaitKind.CONDITION]: 'condition',
  [WaitKind.FUTURE]: 'future',
  [WaitKind.WAIT]: 'asyncio.wait',
  [WaitKind.TASKGROUP]: 'taskgroup',
  [WaitKind.IO]: 'io',
};
const STEP_REASONS = ['first', 'yielded', 'woken'];

export type EventFields = Record<string, string | number | boolean | null>;

/** One event as named fields: `{kind: "Q_PUT", task: "j0", queue: "window", item: null, ...}`. */
export function eventFields(trace: Trace, i: number): EventFields {
  const kind = trace.kind[i];
  const a = trace.a[i];
  const b = trace.b[i];
  const task = trace.task[i];
  const fields: EventFields = {
    i,
    iteration: trace.iter[i],
    time: trace.timeAt(i),
    kind: EVENT_NAMES[kind],
  };
  if (task >= 0) fields.task = trace.tasks[task].name;
  if (trace.step[i] >= 0) fields.step = trace.step[i];
  const primitive = () => trace.primitives[a].name;
  const gathered = (g: number) => trace.gathers[g].map((x) => trace.tasks[x].name).join(', ');
  const text = (id: number) => (id < 0 ? null : trace.string(id));
  const timer = (id: number) => {
    fields.timer = id;
    fields.when = trace.timerWhen(id);
  };
  switch (kind) {
    case Ev.SELECT:
      fields.timeout = trace.iterationTimeout(trace.iter[i]);
      fields.readyBefore = a;
      break;
    case Ev.TIMER_DROP:
    case Ev.TIMER_FIRE:
    case Ev.SKIP_HANDLE:
    case Ev.TIMER_SCHEDULE:
    case Ev.TIMER_CANCEL:
      if (a >= 0) timer(a); // a skipped fd handle has none
      break;
    case Ev.RUN_TIMER:
      timer(a);
      fields.completes = b === 1;
      break;
    case Ev.BLOCK:
      fields.from = trace.moveFrom(a);
      fields.to = trace.moveTo(a);
      break;
    case Ev.RUN_STEP:
      fields.reason = STEP_REASONS[a];
      break;
    case Ev.SUSPEND:
      fields.on = WAIT_NAMES[a];
      if (a === WaitKind.SLEEP) timer(b);
      else if (a === WaitKind.TASK) fields.target = trace.tasks[b].name;
      else if (a === WaitKind.GATHER || a === WaitKind.WAIT || a === WaitKind.TASKGROUP)
        fields.targets = b >= 0 ? gathered(b) : null;
      else if (a !== WaitKind.FUTURE) fields.primitive = trace.primitives[b]?.name ?? null;
      break;
    case Ev.WAKE:
      fields.cancelled = a === 1;
      break;
    case Ev.TASK_FAIL:
      fields.error = text(a);
      break;
    case Ev.CANCEL:
      fields.target = trace.tasks[a].name;
      fields.accepted = b === 1;
      break;
    case Ev.SPAWN:
    case Ev.AWAIT_PASS:
      fields.target = trace.tasks[a].name;
      break;
    case Ev.AWAIT_DONE:
      fields.target = trace.tasks[a].name;
      fields.raised = b === 1;
      break;
    case Ev.GATHER:
      fields.targets = gathered(a);
      break;
    case Ev.GATHER_DONE:
      fields.raised = b === 1;
      break;
    case Ev.GATHER_CALLBACK:
      fields.caller = trace.tasks[a].name;
      break;
    case Ev.RUN_CALLBACK:
      fields.caller = trace.tasks[a].name;
      fields.completes = b === 1;
      break;
    case Ev.Q_TASK_DONE:
      fields.queue = primitive();
      fields.unfinished = b;
      break;
    case Ev.Q_JOIN_PASS:
    case Ev.Q_JOIN_BLOCK:
    case Ev.Q_JOIN_NOTIFY:
      fields.queue = primitive();
      break;
    case Ev.Q_JOIN_DONE:
      fields.queue = primitive();
      fields.cancelled = b === 1;
      break;
    case Ev.LOG:
      fields.text = text(a);
      break;
    case Ev.PRINT:
      fields.text = text(a);
      fields.stream = b === 1 || b === 3 ? 'stderr' : 'stdout';
      if (b === 2) fields.newline = false;
      break;
    case Ev.CALL_SOON:
    case Ev.RUN_HANDLE:
      fields.callback = text(a);
      break;
    case Ev.Q_RANK:
      fields.queue = primitive();
      fields.after = b;
      break;
    case Ev.Q_PUT:
    case Ev.Q_GET:
      fields.queue = primitive();
      fields.item = text(b);
      break;
    case Ev.FD_ADD:
    case Ev.FD_REMOVE:
    case Ev.FD_READY:
      fields.primitive = primitive();
      fields.fd = b;
      fields.events = (trace.step[i] & 3) === 1 ? 'read' : 'write';
      if (trace.step[i] & FD_PIDFD) fields.pidfd = true;
      delete fields.step;
      break;
    case Ev.IO_SOCKET:
      fields.primitive = primitive();
      fields.fd = b;
      break;
    case Ev.IO_RECV:
    case Ev.IO_READ:
    case Ev.IO_WRITE:
    case Ev.IO_DATA:
      fields.primitive = primitive();
      fields.text = text(b); // null: EOF
      break;
    case Ev.IO_LOST:
    case Ev.IO_OPEN:
    case Ev.IO_CLOSED:
    case Ev.PROC_OPEN:
      fields.primitive = primitive();
      break;
    case Ev.PROC_EXEC:
      fields.primitive = primitive();
      fields.pid = b;
      break;
    case Ev.PROC_EXIT:
    case Ev.PROC_WAITED:
      fields.primitive = primitive();
      fields.returncode = b;
      break;
    case Ev.Q_BLOCK:
    case Ev.Q_NOTIFY:
    case Ev.Q_UNBLOCK:
      fields.queue = primitive();
      fields.side = b === 0 ? 'putters' : 'getters';
      break;
    case Ev.ACQUIRE_ABANDON:
      fields.primitive = primitive();
      fields.slotReturned = b === 1;
      break;
    case Ev.EV_DONE:
      fields.primitive = primitive();
      fields.cancelled = b === 1;
      break;
    case Ev.ACQUIRE:
    case Ev.ACQUIRE_BLOCK:
    case Ev.ACQUIRE_NOTIFY:
    case Ev.ACQUIRED:
    case Ev.RELEASE:
    case Ev.EV_SET:
    case Ev.EV_CLEAR:
    case Ev.EV_PASS:
    case Ev.EV_BLOCK:
    case Ev.EV_NOTIFY:
      fields.primitive = primitive();
      break;
    case Ev.END:
      fields.reason = END_REASON_NAMES[a];
      break;
  }
  return fields;
}

/** The whole trace as JSON-ready data (`--format json`). */
export function traceToJson(trace: Trace) {
  const iterations = [];
  for (let k = 1; k <= trace.iterationCount; k += 1) {
    const timeout = trace.iterationTimeout(k);
    iterations.push({
      iteration: k,
      time: trace.iterationTime(k),
      timeout: timeout < 0 ? null : timeout,
      firstEvent: trace.iterationFirstEvent(k),
    });
  }
  const events = [];
  for (let i = 0; i < trace.eventCount; i += 1) events.push(eventFields(trace, i));
  return {
    format: 'asyncio-trace',
    version: 1,
    tasks: trace.tasks.map((t) => t.name),
    primitives: trace.primitives,
    end: trace.end && {
      ...trace.end,
      blocked: trace.end.blocked.map((b) => ({ ...b, task: trace.tasks[b.task].name })),
    },
    iterations,
    events,
  };
}
