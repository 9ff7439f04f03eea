/**
 * Each event in plain words, for the event log and tooltips: "j0 puts None into window
 * (1/4)". Needs the state before the event only for counts; takes it as optional context.
 */
import { Ev, END_REASON_NAMES, formatTime, WaitKind, type Trace } from '../engine';

const STEP_REASONS = ['starts', 'runs again after sleep(0)', 'wakes up and runs'];

function item(trace: Trace, id: number): string {
  return id < 0 ? 'None' : JSON.stringify(trace.strings[id]);
}

export function narrate(trace: Trace, i: number): string {
  const kind = trace.kind[i];
  const a = trace.a[i];
  const b = trace.b[i];
  const task = trace.task[i] >= 0 ? trace.tasks[trace.task[i]].name : '';
  const prim = () => trace.primitives[a]?.name ?? '?';
  switch (kind) {
    case Ev.ITER_START: {
      const k = trace.iter[i];
      const timeout = k <= trace.iterationCount ? trace.iterTimeout[k] : 0;
      if (trace.iterSelect[k] === 0xffffffff || timeout === 0) return `Loop iteration ${k} begins`;
      if (timeout < 0) return `Loop iteration ${k} begins: nothing is ready and no timer is set`;
      return `Loop iteration ${k} begins: nothing is ready, so select(timeout=${formatTime(timeout)}) waits for the next timer, at ${formatTime(trace.iterTime[k])} s`;
    }
    case Ev.SELECT: {
      const timeout = trace.iterTimeout[trace.iter[i]];
      if (timeout === 0) return 'select(timeout=0): callbacks are ready, no waiting';
      return `select(timeout=${formatTime(timeout)}): nothing ready, the clock jumps to ${formatTime(trace.iterTime[trace.iter[i]])} s`;
    }
    case Ev.TIMER_DROP:
      return `A cancelled timer (${formatTime(trace.timerWhen[a])} s) leaves the heap`;
    case Ev.TIMER_FIRE:
      return `${task}'s timer is due: its callback joins the ready queue`;
    case Ev.TASK_CREATE:
      return `Task ${task} is created: its first step joins the ready queue`;
    case Ev.RUN_STEP:
      return `${task} ${STEP_REASONS[a] ?? 'runs'}`;
    case Ev.RUN_TIMER:
      return b === 1
        ? `${task}'s timer callback sets its sleep's future`
        : `${task}'s timer callback finds its future cancelled`;
    case Ev.SKIP_HANDLE:
      return `A cancelled timer callback is skipped`;
    case Ev.SUSPEND:
      switch (a) {
        case WaitKind.SLEEP:
          return `${task} sleeps until ${formatTime(trace.timerWhen[b])} s`;
        case WaitKind.QUEUE_PUT:
          return `${task} waits: ${trace.primitives[b].name} is full`;
        case WaitKind.QUEUE_GET:
          return `${task} waits: ${trace.primitives[b].name} is empty`;
        case WaitKind.ACQUIRE:
          return `${task} waits for ${trace.primitives[b].name}`;
        default:
          return `${task} waits for the event ${trace.primitives[b].name}`;
      }
    case Ev.YIELD:
      return `${task} yields (sleep(0)): it goes to the end of the ready queue`;
    case Ev.WAKE:
      return a === 1
        ? `${task} is woken by a cancellation`
        : `${task}'s future is done: its wake-up joins the ready queue`;
    case Ev.SLEPT:
      return `${task}'s sleep returns`;
    case Ev.TASK_DONE:
      return `${task} is done`;
    case Ev.TASK_FAIL:
      return `${task} fails: ${trace.strings[a]}`;
    case Ev.TASK_CANCELLED:
      return `${task} ends cancelled`;
    case Ev.CANCEL:
      return `${task} cancels ${trace.tasks[a].name}${b === 1 ? '' : ' (already done: no effect)'}`;
    case Ev.LOG:
      return `${task} prints "${trace.strings[a]}"`;
    case Ev.TIMER_SCHEDULE:
      return `A timer for ${task} is set at ${formatTime(trace.timerWhen[a])} s`;
    case Ev.TIMER_CANCEL:
      return `${task}'s timer is cancelled`;
    case Ev.Q_PUT:
      return `${task} puts ${item(trace, b)} into ${prim()}`;
    case Ev.Q_GET:
      return `${task} gets ${item(trace, b)} from ${prim()}`;
    case Ev.Q_BLOCK:
      return `${task} joins ${prim()}'s ${b === 0 ? 'putters' : 'getters'}`;
    case Ev.Q_NOTIFY:
      return `${prim()} wakes ${task}, first of its ${b === 0 ? 'putters' : 'getters'}`;
    case Ev.Q_UNBLOCK:
      return `${task} leaves ${prim()}'s ${b === 0 ? 'putters' : 'getters'} (cancelled)`;
    case Ev.ACQUIRE:
    case Ev.ACQUIRED:
      return `${task} acquires ${prim()}`;
    case Ev.ACQUIRE_BLOCK:
      return `${task} waits to acquire ${prim()}`;
    case Ev.ACQUIRE_NOTIFY:
      return `${prim()} wakes ${task}`;
    case Ev.ACQUIRE_ABANDON:
      return `${task} gives up waiting for ${prim()} (cancelled)`;
    case Ev.RELEASE:
      return `${task} releases ${prim()}`;
    case Ev.EV_SET:
      return `${task} sets ${prim()}`;
    case Ev.EV_CLEAR:
      return `${task} clears ${prim()}`;
    case Ev.EV_PASS:
      return `${task} waits for ${prim()}, which is already set`;
    case Ev.EV_BLOCK:
      return `${task} waits for ${prim()} to be set`;
    case Ev.EV_NOTIFY:
      return `${prim()} is set: ${task} will wake`;
    case Ev.EV_DONE:
      return `${task} stops waiting for ${prim()}`;
    case Ev.END:
      return `The run ends: ${END_REASON_NAMES[a]}`;
    default:
      return `event ${kind}`;
  }
}
