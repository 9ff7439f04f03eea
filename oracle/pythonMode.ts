/**
 * The engine and the Python runtime are two producers of one trace: this puts both traces of
 * one program (a scenario, and the Python code generated for it, run by CPython in Python mode)
 * in the same words, so that a test can expect them to be equal, event for event.
 *
 * Where the vocabularies meet, the events are the same. Where they do not:
 * - the Python program has a `main()` task that creates the others in its first step (the
 *   engine creates them before the loop starts) and gathers them: main's events and the
 *   callbacks of its gather are left out, and so are the creations of the tasks it starts. The
 *   iterations where only main or its gather's callbacks run are not counted: iterations are
 *   numbered among those where a compared event happens;
 * - `SPAWN` names every `create_task` in Python, the engine's spawn steps only: left out (the
 *   `TASK_CREATE` that comes with it is compared);
 * - a LOG step of the engine is a printed line in Python: both become the line as printed
 *   (without its line of code: the engine's is the show_timer(...) call, CPython's the print
 *   inside show_timer);
 * - `await` of a task already done does not suspend: CPython gives no sign of it (the engine's
 *   `AWAIT_PASS` is left out);
 * - steps are numbered in the engine and are lines in Python: the engine's become lines through
 *   the generated code's table (`PythonCode.lines`).
 */
import { Ev, WaitKind, formatTime, type Trace } from '../src/engine';
import { stepRecordEvents, type StepRecord } from '../src/trace/records';

export type Norm = (string | number | boolean | null)[];

/** The tasks a trace names, by number. */
const names = (trace: Trace) => trace.tasks.map((t) => t.name);

function normalize(
  trace: Trace,
  options: {
    /** The task that is left out (Python's main), or -1. */
    main: number;
    line: (task: number, step: number) => number | null;
  },
): Norm[] {
  const taskNames = names(trace);
  const { main, line } = options;
  const out: Norm[] = [];
  const name = (t: number) => (t < 0 ? null : taskNames[t]);
  const str = (id: number) => (id < 0 ? null : trace.string(id));
  const group = (g: number) => trace.gathers[g].map(name).join(',');
  // The tasks that main creates, and whose creation is left out.
  const createdByMain = new Set<number>();
  let creator = -1;
  let lastIteration = -1;
  let ordinal = 0;
  for (let i = 0; i < trace.eventCount; i += 1) {
    const kind = trace.kind[i];
    const t = trace.task[i];
    const a = trace.a[i];
    const b = trace.b[i];
    if (kind === Ev.RUN_STEP) creator = t;
    if (main >= 0 && kind === Ev.TASK_CREATE && creator === main) createdByMain.add(t);
    const time = formatTime(trace.timeAt(i));
    const at = (...fields: Norm) => {
      // The iteration, numbered among those with a compared event.
      if (trace.iter[i] !== lastIteration) {
        lastIteration = trace.iter[i];
        ordinal += 1;
      }
      out.push([ordinal, time, ...fields]);
    };
    const step = trace.step[i];
    const lineOf = (task: number) => (step >= 0 && task >= 0 ? line(task, step) : null);
    if (t === main && main >= 0) continue;
    switch (kind) {
      case Ev.TASK_CREATE:
        // Before the loop (the engine) or in main's first step (Python): the tasks that start.
        if (!createdByMain.has(t) && trace.iter[i] > 0) at('create', name(t));
        break;
      case Ev.RUN_STEP:
        at('run', name(t), a);
        break;
      case Ev.SUSPEND: {
        let target: string | number | null = b;
        if (a === WaitKind.TASK) target = name(b);
        else if (a === WaitKind.GATHER) target = group(b);
        at('suspend', name(t), a, target, lineOf(t));
        break;
      }
      case Ev.YIELD:
      case Ev.SLEPT:
        at(kind === Ev.YIELD ? 'yield' : 'slept', name(t), lineOf(t));
        break;
      case Ev.WAKE:
        at('wake', name(t), a);
        break;
      case Ev.TASK_DONE:
      case Ev.TASK_CANCELLED:
        at(kind === Ev.TASK_DONE ? 'done' : 'cancelled', name(t));
        break;
      case Ev.TASK_FAIL:
        at('fail', name(t), str(a));
        break;
      case Ev.CANCEL:
        at('cancel', name(t), name(a), b, lineOf(t));
        break;
      case Ev.TIMER_SCHEDULE:
        at('timer', name(t), a, lineOf(t));
        break;
      case Ev.TIMER_FIRE:
      case Ev.TIMER_CANCEL:
      case Ev.SKIP_HANDLE:
        at(`timer-${kind}`, name(t), a);
        break;
      case Ev.RUN_TIMER:
        at('run-timer', name(t), a, b);
        break;
      // A printed line, as show_timer prints it. (Its line differs: the engine's is the
      // show_timer(...) step, CPython's the print inside show_timer.)
      case Ev.LOG:
        at('print', name(t), `${time} ${name(t)} ${str(a)}`);
        break;
      case Ev.PRINT:
        at('print', name(t), str(a));
        break;
      case Ev.Q_PUT:
      case Ev.Q_GET:
        at(`q-${kind}`, name(t), a, str(b), lineOf(t));
        break;
      case Ev.Q_BLOCK:
      case Ev.Q_NOTIFY:
      case Ev.Q_UNBLOCK:
      case Ev.Q_TASK_DONE:
      case Ev.ACQUIRE_ABANDON:
        at(`q-${kind}`, name(t), a, b, lineOf(t));
        break;
      case Ev.Q_JOIN_PASS:
      case Ev.Q_JOIN_BLOCK:
      case Ev.Q_JOIN_NOTIFY:
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
        at(`p-${kind}`, name(t), a, lineOf(t));
        break;
      case Ev.Q_JOIN_DONE:
      case Ev.EV_DONE:
        at(`p-${kind}`, name(t), a, b, lineOf(t));
        break;
      case Ev.AWAIT_DONE:
        at('await-done', name(t), name(a), b, lineOf(t));
        break;
      case Ev.GATHER:
        at('gather', name(t), group(a), lineOf(t));
        break;
      case Ev.GATHER_DONE:
        at('gather-done', name(t), group(a), b, lineOf(t));
        break;
      case Ev.GATHER_CALLBACK:
        if (a !== main) at('gather-callback', name(t), name(a));
        break;
      case Ev.RUN_CALLBACK:
        if (a !== main) at('run-callback', name(t), name(a), b);
        break;
      // Left out: loop iterations (compared through the iteration of each event), SPAWN and
      // AWAIT_PASS (see above), the Python runtime's own callbacks, the end, and TIMER_DROP: a
      // cancelled timer leaves the heap at the start of the next iteration, which in Python may
      // be one where only main runs.
    }
  }
  return out;
}

/** The engine's trace of a scenario, in the shared words (`lines`: its generated code's). */
export function engineEvents(trace: Trace, lines: number[][]): Norm[] {
  return normalize(trace, {
    main: -1,
    line: (task, step) => lines[task]?.[step] ?? null,
  });
}

/** The Python runtime's trace of the generated code, in the shared words. */
export function pythonEvents(trace: Trace): Norm[] {
  return normalize(trace, {
    main: names(trace).indexOf('main()'),
    line: (_task, step) => step,
  });
}

/**
 * Step records (as `stepRecords`) of both traces, comparable: iterations numbered among those
 * with a record, steps as lines; main's, spawns, logs (compared as printed lines) and awaits
 * of a task already done (engine only) left out.
 */
export function comparableRecords(trace: Trace, lines: number[][] | null): StepRecord[] {
  const taskNames = names(trace);
  const main = lines === null ? taskNames.indexOf('main()') : -1;
  let last = -1;
  let ordinal = 0;
  return stepRecordEvents(trace)
    .filter(({ record, event }) => {
      const [, , task, , kind] = record;
      if (kind === 'spawn' || kind === 'log' || (main >= 0 && task === taskNames[main]))
        return false;
      return trace.kind[event] !== Ev.AWAIT_PASS;
    })
    .map(({ record: [iteration, time, task, step, kind, extra] }): StepRecord => [
      iteration === last ? ordinal : ((last = iteration), (ordinal += 1)),
      time,
      task,
      lines === null ? step : (lines[taskNames.indexOf(task)]?.[step] ?? -1),
      kind,
      extra,
    ]);
}
