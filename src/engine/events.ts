/**
 * The trace's vocabulary: every scheduling fact the engine records. Each event has a kind and
 * four integer fields (task, a, b, step), whose meaning per kind is given below; -1 when unused.
 * Strings (log lines, queue items, errors) are indices into `Trace.strings`.
 *
 * Two producers write it: the engine (a scenario; `step` is the index of a task's step) and
 * the Python runtime (src/python: CPython running any program; `step` is the line of the
 * program that the task stands at, from 1, or -1). A few kinds come only from the Python
 * runtime (callbacks other than a task's or a timer's, a PriorityQueue's order, printed lines);
 * the views read them all the same.
 *
 * The events carry their effects explicitly (which waiter was woken, which item left), so the
 * state at any event can be rebuilt by applying them in order without re-deciding anything:
 * see src/trace/state.ts.
 */
export const Ev = {
  /** A loop iteration (`_run_once`) begins. */
  ITER_START: 0,
  /** A cancelled timer left the head of the heap (or the heap was rebuilt). a: timer. */
  TIMER_DROP: 1,
  /** `select(timeout)` returned; the clock now reads the iteration's time. a: callbacks already in the ready queue (due timers join them next). */
  SELECT: 2,
  /** A due timer moved from the heap to the end of the ready queue. a: timer. */
  TIMER_FIRE: 3,

  /** A task was created (at the start, or by a spawn step): its first step is appended to the ready queue. task. */
  TASK_CREATE: 10,
  /** A task's step was taken from the ready queue and runs. task; a: StepReason. */
  RUN_STEP: 11,
  /** A timer callback was taken from the ready queue and runs. a: timer; task: owner; b: 1 if it completed a future. */
  RUN_TIMER: 12,
  /** A cancelled handle was taken from the ready queue and skipped. a: timer (-1: an fd's handle, cancelled by `_remove_reader` or `_remove_writer`). */
  SKIP_HANDLE: 13,
  /** The running task suspended on a pending future. task; a: WaitKind; b: target (timer, primitive, or task for WaitKind.TASK); step. */
  SUSPEND: 14,
  /** The running task yielded (sleep(0)): its next step goes to the end of the ready queue. task; step. */
  YIELD: 15,
  /** A future a task waits on completed: the task's wake-up goes to the end of the ready queue. task; a: 1 if the future was cancelled. */
  WAKE: 16,
  /** The task returned. task. */
  TASK_DONE: 17,
  /** An exception ended the task. task; a: error (string). */
  TASK_FAIL: 18,
  /** The task ended cancelled. task. */
  TASK_CANCELLED: 19,
  /** `tasks[x].cancel()`. task: caller; a: target task; b: 1 if it returned True; step. */
  CANCEL: 20,
  /** `show_timer(text)`. task; a: text (string); step. */
  LOG: 21,
  /** A sleep returned (its timer fired, or after sleep(0) the task ran again). task; step. */
  SLEPT: 22,
  /** `tasks[x] = asyncio.create_task(...)`: the TASK_CREATE of x comes just before. task: caller; a: x; step. */
  SPAWN: 23,
  /** `await tasks[x]` on a task already done with a result: returns at once. task; a: x; step. */
  AWAIT_PASS: 24,
  /** `await tasks[x]` ended after waiting: returned (b=0), or raised (b=1: x failed or was cancelled, or this task was cancelled). task; a: x; step. */
  AWAIT_DONE: 25,
  /** `await asyncio.gather(...)`: the TASK_CREATE of its tasks come just before, in order. task: caller; a: gather (`Trace.gathers`); step. */
  GATHER: 26,
  /** A gathered task ended: gather's `_done_callback` for it joins the ready queue. task: that task; a: the gather's caller. */
  GATHER_CALLBACK: 27,
  /** gather's `_done_callback` was taken from the ready queue and runs. task: the gathered task; a: the gather's caller; b: 1 if it completed the gather. */
  RUN_CALLBACK: 28,
  /** `await asyncio.gather(...)` ended: returned (b=0) or raised (b=1: a task failed or was cancelled, or the caller was cancelled). task; a: gather; step. */
  GATHER_DONE: 29,

  /** A timer was scheduled (`call_at`). task: owner; a: timer; step. */
  TIMER_SCHEDULE: 30,
  /** A timer still pending (in the heap or the ready queue) was cancelled. a: timer; task: owner. */
  TIMER_CANCEL: 31,
  /** A callback that is neither a task's step nor a timer's joined the ready queue (`call_soon`: a TaskGroup's `_on_task_done`, the stop of `run_until_complete`, a Connection's transport callbacks...). task: the task whose end scheduled it (-1: none); a: its name (string); b: for the handle of an fd that select returned, its Connection or Process (step: the fd), else -1. */
  CALL_SOON: 32,
  /** Such a callback was taken from the ready queue and runs. task, a: as its CALL_SOON. */
  RUN_HANDLE: 33,

  /** A PriorityQueue: the item just put (the Q_PUT before) comes out after b others. a: queue. Python runtime only. */
  Q_RANK: 38,

  /** An item entered a queue. task; a: queue; b: item (string, -1 for None); step. */
  Q_PUT: 40,
  /** An item left a queue. task; a: queue; b: item (for a LifoQueue or PriorityQueue, the same string as its Q_PUT's); step. */
  Q_GET: 41,
  /** A putter (b=0) or getter (b=1) joined the end of the queue's waiters. task; a: queue; step. */
  Q_BLOCK: 42,
  /** A waiter was popped from the left of the putters (b=0) or getters (b=1) and its future set. task: waiter; a: queue. */
  Q_NOTIFY: 43,
  /** A cancelled waiter left the putters (b=0) or getters (b=1). task: waiter; a: queue. */
  Q_UNBLOCK: 44,
  /** `task_done()`: one fewer unfinished item. task; a: queue; b: unfinished items left; step. */
  Q_TASK_DONE: 45,
  /** `join()` with no unfinished item: returns at once. task; a: queue; step. */
  Q_JOIN_PASS: 46,
  /** A task joined the waiters of the queue's `_finished` event (`join()`). task; a: queue; step. */
  Q_JOIN_BLOCK: 47,
  /** The last `task_done()` set `_finished`: a joiner's future was set; it stays in the deque until it runs. task: joiner; a: queue. */
  Q_JOIN_NOTIFY: 48,
  /** A joiner left `_finished`'s waiters (woken, or cancelled when b=1). task; a: queue; step. */
  Q_JOIN_DONE: 49,

  /** Lock or semaphore taken without waiting (Semaphore: value - 1). task; a: primitive; step. */
  ACQUIRE: 50,
  /** A task joined the waiters of a lock or semaphore. task; a: primitive; step. */
  ACQUIRE_BLOCK: 51,
  /** A waiter's future was set; it stays in the deque until it runs (Semaphore: value - 1). task: waiter; a: primitive. */
  ACQUIRE_NOTIFY: 52,
  /** A woken waiter left the deque and holds the lock. task; a: primitive; step. */
  ACQUIRED: 53,
  /** A waiter left the deque by cancellation; b: 1 if the semaphore slot it was given went back (value + 1). task; a: primitive. */
  ACQUIRE_ABANDON: 54,
  /** Lock released or semaphore value + 1. task; a: primitive; step. */
  RELEASE: 55,

  /** The event's flag was set. task; a: event; step. */
  EV_SET: 60,
  /** The event's flag was cleared. task; a: event; step. */
  EV_CLEAR: 61,
  /** `wait()` on a set event: returns at once. task; a: event; step. */
  EV_PASS: 62,
  /** A task joined the event's (or a Condition's) waiters. task; a: event; step. */
  EV_BLOCK: 63,
  /** `set()` (or a Condition's `notify()`) set a waiter's future; it stays in the deque until it runs. task: waiter; a: event. */
  EV_NOTIFY: 64,
  /** A waiter left the event's (or Condition's) deque (woken, or cancelled when b=1). task; a: event; step. */
  EV_DONE: 65,

  /** A line the program printed. task: the running task (-1: outside any); a: text (string); b: 0 stdout, 1 stderr, 2 stdout without a final newline, 3 stderr without one; step. Python runtime only. */
  PRINT: 70,
  /**
   * The running task blocked the whole loop (`time.sleep(seconds)`, CPU work) inside its step:
   * the clock moved on without any other callback running. task; a: the clock move
   * (`Trace.moveFrom(a)`, `Trace.moveTo(a)`); b: 1 when a Ctrl-C cut it short (KeyboardInterrupt
   * in the task), else -1; step.
   */
  BLOCK: 71,

  // A Connection (simulated I/O): its socket, the selector, its transport and StreamReader.
  /** `connect` made the socket (`socket.socket()`). task; a: connection; b: its fd; step. */
  IO_SOCKET: 80,
  /** The fd was registered with the selector (`_add_writer` / `_add_reader`). task: -1; a: its Connection or Process; b: the fd; step: IO_READ (1) or IO_WRITE (2), plus FD_PIDFD (4) for a process's pidfd (its other fd is its stdout pipe). */
  FD_ADD: 81,
  /** The fd left the selector (`_remove_writer` / `_remove_reader`). task: -1; a: its Connection or Process; b: the fd; step: as its FD_ADD's. */
  FD_REMOVE: 82,
  /** `select()` returned the fd ready: its callback joins the ready queue (the CALL_SOON after). task: -1; a: its Connection or Process; b: the fd; step: as its FD_ADD's. */
  FD_READY: 83,
  /** `_read_ready`: `sock.recv()` (a process's stdout: `os.read`) returned data (b: text), or b'' (b = -1: EOF). A Connection's data joins its StreamReader's buffer at once; a Process's, in `pipe_data_received` (its IO_DATA). task: -1; a: its Connection or Process. */
  IO_RECV: 84,
  /** `connection_lost()` ran: the socket is closed, the reader at EOF. task: -1; a: connection. */
  IO_LOST: 85,
  /** `open_connection(...)` returned. task; a: connection; step. */
  IO_OPEN: 86,
  /** `readline()` / `read(n)` returned this text (b: string), taken from the buffer. task; a: connection; step. */
  IO_READ: 87,
  /** `writer.write(text)` and `drain()` returned. task; a: connection; b: text (string); step. */
  IO_WRITE: 88,
  /** `writer.close()` and `wait_closed()` returned. task; a: connection; step. */
  IO_CLOSED: 89,

  /** `create_subprocess_exec(...)` started the process. task; a: process; b: its pid; step. */
  PROC_EXEC: 72,
  /** `create_subprocess_exec(...)` returned. task; a: process; step. */
  PROC_OPEN: 73,
  /** `_do_wait`: the process was reaped (its pidfd was readable). task: -1; a: process; b: returncode. */
  PROC_EXIT: 74,
  /** `await proc.wait()` returned. task; a: process; b: returncode; step. */
  PROC_WAITED: 75,
  /** `pipe_data_received`: a Process's stdout text (b) joins its StreamReader's buffer; b = -1: `pipe_connection_lost` fed it EOF. task: -1; a: process. */
  IO_DATA: 76,

  /** The run stopped. a: EndReason. */
  END: 90,
} as const;
export type EvKind = (typeof Ev)[keyof typeof Ev];

/** Why a task's step ran: its first step, after a bare yield, or a wake-up from a future. */
export const StepReason = { FIRST: 0, YIELDED: 1, WOKEN: 2 } as const;

/** What a suspended task waits on (the SUSPEND event's `a`). */
export const WaitKind = {
  SLEEP: 0,
  QUEUE_PUT: 1,
  QUEUE_GET: 2,
  ACQUIRE: 3,
  EVENT: 4,
  /** `queue.join()`; the SUSPEND's b is the queue. */
  JOIN: 5,
  /** `await tasks[x]`; the SUSPEND's b is the task x. */
  TASK: 6,
  /** `await asyncio.gather(...)`; the SUSPEND's b is the gather (`Trace.gathers`). */
  GATHER: 7,
  /** `await cond.wait()` (a Condition); the SUSPEND's b is the condition. */
  CONDITION: 8,
  /** Any other future (made by `loop.create_future()`, `asyncio.shield`...); b is -1. */
  FUTURE: 9,
  /** `await asyncio.wait(...)`; the SUSPEND's b is its tasks (`Trace.gathers`). */
  WAIT: 10,
  /** The end of `async with asyncio.TaskGroup()`; the SUSPEND's b is its tasks (`Trace.gathers`). */
  TASKGROUP: 11,
  /** A Connection's future (connect, its transport, incoming data, its close); b is the connection. */
  IO: 12,
} as const;
export type WaitKindValue = (typeof WaitKind)[keyof typeof WaitKind];

/** In the step of FD_ADD, FD_REMOVE and FD_READY: the fd is a process's pidfd. */
export const FD_PIDFD = 4;

export const EndReason = {
  /** Every task finished. */
  COMPLETE: 0,
  /** Nothing can ever happen again but some tasks are blocked. */
  DEADLOCK: 1,
  /** The clock would pass the `until` bound. */
  UNTIL: 2,
  /** Time stood still for too many iterations (a task spins on sleep(0)). */
  LIVELOCK: 3,
  /** A task ran too many steps without ever giving control back to the loop. */
  NO_YIELD: 4,
  /** The trace reached its size bound. */
  EVENT_LIMIT: 5,
  /** An exception escaped the program (the Python runtime: its traceback was printed). */
  EXCEPTION: 6,
  /** The program called something that cannot run here (a thread, a socket, time.sleep...). */
  UNSUPPORTED: 7,
  /** The program computed for too long without an event (the Python runtime was stopped). */
  WALL_TIME: 8,
  /** Ctrl-C: KeyboardInterrupt left the loop (the scenario's `interrupt`). */
  INTERRUPTED: 9,
} as const;
export type EndReasonValue = (typeof EndReason)[keyof typeof EndReason];
export const END_REASON_NAMES = [
  'complete',
  'deadlock',
  'until',
  'livelock',
  'no-yield',
  'event-limit',
  'exception',
  'unsupported',
  'wall-time',
  'interrupted',
] as const;
export type EndReasonName = (typeof END_REASON_NAMES)[number];
