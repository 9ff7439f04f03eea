/**
 * The scenario file format, version 1: a program for the simulator, written as data.
 * Each step is one line of an `async def`; see README.md for the JSON format.
 */

export type QueueSpec = { type: 'Queue'; maxsize: number };
export type LockSpec = { type: 'Lock' };
export type EventSpec = { type: 'Event' };
export type SemaphoreSpec = { type: 'Semaphore' | 'BoundedSemaphore'; value: number };
/**
 * Extension of version 1: a TCP connection to a simulated server, opened by one `connect` step
 * (`asyncio.open_connection`). The server accepts `latency` seconds after the connect starts;
 * from then (the connection is open) it sends each `data` text `after` seconds later, and
 * closes its end (EOF) `eof` seconds later (omitted: never). What the client writes, it reads
 * and ignores.
 */
export type ConnectionSpec = {
  type: 'Connection';
  latency: number;
  data: { after: number; text: string }[];
  eof?: number;
};
/**
 * Extension of version 1: a child process (`asyncio.create_subprocess_exec(...,
 * stdout=PIPE)`), started by one `exec` step: it prints each `output` text `after` seconds
 * after it started, then exits with `returncode` (0 by default) `exit` seconds after it started.
 */
export type ProcessSpec = {
  type: 'Process';
  output: { after: number; text: string }[];
  exit: number;
  returncode?: number;
};
export type PrimitiveSpec =
  QueueSpec | LockSpec | EventSpec | SemaphoreSpec | ConnectionSpec | ProcessSpec;
export type PrimitiveType = PrimitiveSpec['type'];

export type SleepStep = { op: 'sleep'; seconds: number };
/**
 * Extension of version 1: `time.sleep(seconds)` (or CPU work) inside the coroutine: a call that
 * blocks the whole loop. The clock moves on inside the step; no other task or timer runs.
 */
export type BlockStep = { op: 'block'; seconds: number };
export type PutStep = { op: 'put'; queue: string; value: string | null };
export type GetStep = { op: 'get'; queue: string };
export type LockStep = { op: 'acquire' | 'release'; lock: string };
export type EventStep = { op: 'set' | 'clear' | 'wait'; event: string };
export type LogStep = { op: 'log'; text: string };
/** `times` omitted: forever. */
export type RepeatStep = { op: 'repeat'; times?: number; steps: Step[] };
/** Extension of version 1: `tasks[name].cancel()`. */
export type CancelStep = { op: 'cancel'; task: string };
/** Extension of version 1: `Q.task_done()` / `await Q.join()`. */
export type QueueJoinStep = { op: 'task_done' | 'join'; queue: string };
/**
 * Extension of version 1: `tasks[name] = asyncio.create_task(...)` of a task marked
 * `"start": false`, and `await tasks[name]`.
 */
export type TaskStep = { op: 'spawn' | 'await'; task: string };
/**
 * Extension of version 1: `await asyncio.gather(...)` of tasks marked `"start": false`,
 * created by it in this order.
 */
export type GatherStep = { op: 'gather'; tasks: string[] };

/**
 * Extension of version 1, on a Connection: `reader, writer = await asyncio.open_connection(...)`
 * (connect); `await reader.readline()` and `await reader.read(n)`, whose text, without its
 * final newline, is the task's `{item}`; `writer.write(text)` then `await writer.drain()`;
 * `writer.close()` then `await writer.wait_closed()`.
 */
export type ConnectStep = { op: 'connect' | 'close'; conn: string };
/** On a Connection (`conn`) or a Process's stdout (`proc`). */
export type ReadLineStep = { op: 'readline'; conn?: string; proc?: string };
export type ReadStep = { op: 'read'; conn?: string; proc?: string; n: number };
/**
 * Extension of version 1, on a Process: `procs[name] = await asyncio.create_subprocess_exec(
 * ..., stdout=PIPE)` (exec); `await procs[name].wait()` (proc_wait).
 */
export type ProcessStep = { op: 'exec' | 'proc_wait'; proc: string };
export type WriteStep = { op: 'write'; conn: string; text: string };

export type Step =
  | ConnectStep
  | ReadLineStep
  | ReadStep
  | ProcessStep
  | WriteStep
  | SleepStep
  | BlockStep
  | PutStep
  | GetStep
  | LockStep
  | EventStep
  | LogStep
  | RepeatStep
  | CancelStep
  | QueueJoinStep
  | TaskStep
  | GatherStep;
export type StepOp = Step['op'];

export interface TaskSpec {
  name: string;
  /** false: not created when the loop starts, but by the one `spawn` step that names it. */
  start?: boolean;
  steps: Step[];
}

export interface Scenario {
  version: 1;
  title?: string;
  description?: string;
  primitives: Record<string, PrimitiveSpec>;
  tasks: TaskSpec[];
  /**
   * Extension of version 1: Ctrl-C at this virtual time, as the lecture's notebook stops its
   * endless loop (`loop.run_forever()` under `try: ... except KeyboardInterrupt`).
   * KeyboardInterrupt leaves the first `select()` that would wait past it (or the blocking
   * call running then): the run ends, its unfinished tasks stay as they are.
   */
  interrupt?: number;
}

/** Steps of a task in pre-order (a repeat comes before its body): the index is the step's id. */
export function flattenSteps(steps: readonly Step[], out: Step[] = []): Step[] {
  for (const step of steps) {
    out.push(step);
    if (step.op === 'repeat') flattenSteps(step.steps, out);
  }
  return out;
}

/** True when some repeat in the scenario has no `times`: the run never ends by itself. */
export function hasEndlessRepeat(scenario: Scenario): boolean {
  return scenario.tasks.some((task) =>
    flattenSteps(task.steps).some((step) => step.op === 'repeat' && step.times === undefined),
  );
}
