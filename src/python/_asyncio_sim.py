"""Runs any asyncio program on a virtual clock and records what CPython's event loop does, in
the simulator's trace vocabulary (src/engine/events.ts), so that every view of the app animates
the program as it animates a scenario.

The scheduling is CPython's own: the C ``Task`` and ``Future``, ``gather``, ``wait``,
``TaskGroup``, ``timeout``... run unchanged. Only these are ours:

* the loop, a ``BaseEventLoop`` whose clock is virtual (``select(timeout)`` moves it to the
  head timer's deadline instead of sleeping), whose ``_run_once`` is CPython 3.14's with one
  record per fact, and whose equal deadlines fire in creation order (a ``TimerHandle`` subclass
  compares ``(when, seq)``: the simulator's documented convention);
* ``Task`` is a subclass (named ``Task``, so its repr is the same) that records ``cancel()``;
  futures made by the loop are a subclass that knows what they are for (a sleep, a queue's
  putter...), from the code that made them;
* the methods of ``Queue``, ``Lock``, ``Event``, ``Condition``, ``Semaphore`` and
  ``BoundedSemaphore`` are CPython 3.14's code (Lib/asyncio/queues.py, locks.py) line for line,
  with a record where each fact happens (an item put, a waiter woken...): they are installed on
  the real classes while a program runs, and put back after;
* ``asyncio.run`` is replaced by the same steps as ``asyncio.Runner`` (create the main task, run
  until it is done, cancel the tasks left, close), written so that the run can pause between two
  loop iterations and go on later: the module's top-level statements that call it are run as
  coroutines (``await``-ing our ``run``), so that an endless program (a producer and a consumer)
  is run ahead only as far as a viewer needs.

What is not possible in a browser (threads, sockets, subprocesses, ``input()``) stops the run
with a message naming the line. ``time.sleep(s)`` blocks the loop as it would for real: the
virtual clock moves on by ``s`` inside the running step (a BLOCK event), and every timer due
meanwhile fires late. Runaway code is
stopped by a budget of backward jumps (loops) per step, a bound on loop iterations at one
instant (a livelock) and on the events of one iteration. The host (a Web Worker, or Node) adds
a wall-time budget: it terminates the interpreter.

Two conventions make runs reproducible (a link, going back in time, must show the same run):
``random`` is seeded with 0, and ``time.time()``, ``time.monotonic()`` and
``time.perf_counter()`` read the virtual clock. Tasks that CPython would visit in the order of a
set (a TaskGroup cancelling its tasks, ``asyncio.run`` cancelling the tasks left) are visited in
creation order.

Records go into flat lists, flushed as a chunk (``Session.start`` / ``Session.resume``); see
src/python/chunk.ts for how the app turns a chunk into a ``Trace``.
"""

import ast
import asyncio
import bisect
import builtins
import collections
import heapq
import io
import gc
import linecache
import logging
import math
import random
import reprlib
import sys
import threading
import time
import traceback
import types
import weakref
from array import array
from asyncio import events, exceptions, futures, locks, queues, taskgroups, tasks as _tasks

# ---------------------------------------------------------------- the trace's vocabulary
# The numbers of src/engine/events.ts (src/python/vocabulary.test.ts checks that they agree).

ITER_START = 0
TIMER_DROP = 1
SELECT = 2
TIMER_FIRE = 3
TASK_CREATE = 10
RUN_STEP = 11
RUN_TIMER = 12
SKIP_HANDLE = 13
SUSPEND = 14
YIELD = 15
WAKE = 16
TASK_DONE = 17
TASK_FAIL = 18
TASK_CANCELLED = 19
CANCEL = 20
SLEPT = 22
SPAWN = 23
AWAIT_DONE = 25
GATHER = 26
GATHER_CALLBACK = 27
RUN_CALLBACK = 28
GATHER_DONE = 29
TIMER_SCHEDULE = 30
TIMER_CANCEL = 31
CALL_SOON = 32
RUN_HANDLE = 33
Q_RANK = 38
Q_PUT = 40
Q_GET = 41
Q_BLOCK = 42
Q_NOTIFY = 43
Q_UNBLOCK = 44
Q_TASK_DONE = 45
Q_JOIN_PASS = 46
Q_JOIN_BLOCK = 47
Q_JOIN_NOTIFY = 48
Q_JOIN_DONE = 49
ACQUIRE = 50
ACQUIRE_BLOCK = 51
ACQUIRE_NOTIFY = 52
ACQUIRED = 53
ACQUIRE_ABANDON = 54
RELEASE = 55
EV_SET = 60
EV_CLEAR = 61
EV_PASS = 62
EV_BLOCK = 63
EV_NOTIFY = 64
EV_DONE = 65
PRINT = 70
BLOCK = 71
# A Connection's and a Process's events (simulated I/O): only the engine writes them so far.
PROC_EXEC = 72
PROC_OPEN = 73
PROC_EXIT = 74
PROC_WAITED = 75
IO_DATA = 76
IO_SOCKET = 80
FD_ADD = 81
FD_REMOVE = 82
FD_READY = 83
IO_RECV = 84
IO_LOST = 85
IO_OPEN = 86
IO_READ = 87
IO_WRITE = 88
IO_CLOSED = 89
END = 90
# Not an event: select(None), the iteration that ends the run (the chunk's reader marks it).
SELECT_NONE = 255

STEP_FIRST, STEP_YIELDED, STEP_WOKEN = 0, 1, 2

W_SLEEP = 0
W_QUEUE_PUT = 1
W_QUEUE_GET = 2
W_ACQUIRE = 3
W_EVENT = 4
W_JOIN = 5
W_TASK = 6
W_GATHER = 7
W_CONDITION = 8
W_FUTURE = 9
W_WAIT = 10
W_TASKGROUP = 11
W_IO = 12
# Ours only: the bare yield of sleep(0), told apart from another bare yield.
_W_SLEEP0 = -2

END_REASONS = ("complete", "deadlock", "until", "livelock", "no-yield", "event-limit",
               "exception", "unsupported", "wall-time", "interrupted")

MAXIMUM_SELECT_TIMEOUT = 24 * 3600
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5

DEFAULT_LIMITS = {
    # Loop iterations at one instant: the same livelock bound as the simulator's.
    "max_iterations_per_instant": 100_000,
    # Backward jumps (loop rounds) of the user's code in one step without awaiting: about
    # 0.7 s of a tight loop.
    "max_jumps_per_step": 3_000_000,
    # Events of one loop iteration (a step creating tasks by the million).
    "max_events_per_iteration": 2_000_000,
    # Events of a whole run, as the simulator's bound.
    "max_events": 50_000_000,
}

_session = None  # the session running now, if any


class Stop(SystemExit):
    """Ends the run from anywhere: a SystemExit, so that Task.__step and Handle._run let it
    through (as a user's sys.exit would go)."""

    def __init__(self, reason, message="", line=-1):
        super().__init__(message or reason)
        self.reason = reason
        self.message = message
        self.line = line
        # The task whose step raised it (a step's end forgets the running task on the way out).
        self.task = _session.current if _session is not None else None


class _Idle(Stop):
    """select(None): nothing can ever happen again."""

    def __init__(self):
        super().__init__("idle")


def _short_repr():
    r = reprlib.Repr()
    r.maxstring = 40
    r.maxother = 40
    r.maxlevel = 3
    return r


_repr = _short_repr().repr


def _item_text(item):
    """How an item is shown in a queue: a str as itself (the simulator's scenarios put str),
    anything else by its (short) repr."""
    if isinstance(item, str):
        return item if len(item) <= 60 else item[:57] + "..."
    return _repr(item)


def _error_text(exc):
    message = str(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


# ---------------------------------------------------------------- futures, timers, tasks

class SimFuture(asyncio.Future):
    """A future made by the loop (``loop.create_future()``), labelled with what it is for."""

    __slots__ = ("_sim_kind", "_sim_target", "_sim_owner_id")


class SimHandle(events.Handle):
    """A callback in the ready queue, with what the trace calls it."""

    __slots__ = ("_sim_kind", "_sim_task", "_sim_text")


# SimHandle._sim_kind
H_STEP, H_WAKEUP, H_GATHER, H_OTHER = 0, 1, 2, 3


class VirtualTimer(events.TimerHandle):
    """Timers due at the same instant fire in creation order (`seq`), as on a real clock."""

    __slots__ = ("_seq", "_sim_owner", "_sim_ran")

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)

    def __le__(self, other):
        return (self._when, self._seq) <= (other._when, other._seq)

    def __gt__(self, other):
        return (self._when, self._seq) > (other._when, other._seq)

    def __ge__(self, other):
        return (self._when, self._seq) >= (other._when, other._seq)

    def cancel(self):
        # Only a timer that has not run yet changes anything (the simulator's cancelTimer).
        if not self._cancelled and not self._sim_ran and _session is not None:
            _session.emit(TIMER_CANCEL, self._sim_owner, self._seq, -1, -1)
        super().cancel()

    def _run(self):
        self._sim_ran = True
        super()._run()


class Task(asyncio.Task):
    """CPython's C Task, with what the trace needs to know of it. Named Task: same repr."""

    __slots__ = ("_sim_id", "_sim_wait", "_sim_target", "_sim_fut", "_sim_line", "_sim_settled")

    def cancel(self, msg=None):
        s = _session
        # Only the program's own cancel() is a record (as a scenario's cancel step); those that
        # asyncio makes (a gather, a TaskGroup, a timeout cancelling) show in their effects.
        if s is None or sys._getframe(1).f_code.co_filename != s.filename:
            return super().cancel(msg)
        at = s.emit(CANCEL, s.running_id(), self._sim_id, 0, s.user_line())
        accepted = super().cancel(msg)
        s.patch_b(at, 1 if accepted else 0)
        return accepted


Task.__module__ = "asyncio"
Task.__qualname__ = "Task"



def _gather_done_callback_code():
    for const in _tasks.gather.__code__.co_consts:
        if isinstance(const, types.CodeType) and const.co_name == "_done_callback":
            return const
    return None


_GATHER_CB_CODE = _gather_done_callback_code()
_SLEEP0_CODE = getattr(_tasks, "__sleep0").__code__


def _closure(function, name):
    code = function.__code__
    if function.__closure__ is None or name not in code.co_freevars:
        return None
    return function.__closure__[code.co_freevars.index(name)].cell_contents


# ---------------------------------------------------------------- the loop

class VirtualSelector:
    def __init__(self, loop):
        self.loop = loop

    def select(self, timeout):
        loop = self.loop
        if timeout is None:
            raise _Idle()
        if timeout > 0:
            head = loop._scheduled[0]._when
            if head - loop._now > MAXIMUM_SELECT_TIMEOUT:
                loop._now = loop._now + MAXIMUM_SELECT_TIMEOUT
            elif head + loop._clock_resolution > head:
                loop._now = head
            else:
                # From 2**24 s on, now + 1e-9 == now: one float past the deadline, as a real
                # clock always is (the simulator does the same).
                loop._now = math.nextafter(head, math.inf)
        s = loop._sim
        s.clock = loop._now
        if loop._now == s.last_select:
            s.stuck += 1
        else:
            s.stuck = 0
            s.instant_since = s.iterations
        s.last_select = loop._now
        return []

    def close(self):
        pass


_NOT_HERE = {
    "run_in_executor": "loop.run_in_executor() needs a thread",
    "subprocess_exec": "subprocesses cannot run in the browser (the scenario 'Subprocesses and select()' simulates them)",
    "subprocess_shell": "subprocesses cannot run in the browser (the scenario 'Subprocesses and select()' simulates them)",
    "create_connection": "network connections cannot be opened here (the scenario 'Streams and select()' simulates them)",
    "create_server": "servers cannot be started here",
    "create_datagram_endpoint": "network connections cannot be opened here (the scenario 'Streams and select()' simulates them)",
    "create_unix_connection": "network connections cannot be opened here (the scenario 'Streams and select()' simulates them)",
    "create_unix_server": "servers cannot be started here",
    "connect_read_pipe": "pipes cannot be used here",
    "connect_write_pipe": "pipes cannot be used here",
    "getaddrinfo": "the network cannot be used here",
    "getnameinfo": "the network cannot be used here",
    "sock_connect": "sockets cannot be used here (the scenario 'Streams and select()' simulates them)",
    "sock_accept": "sockets cannot be used here (the scenario 'Streams and select()' simulates them)",
    "sock_recv": "sockets cannot be used here (the scenario 'Streams and select()' simulates them)",
    "sock_sendall": "sockets cannot be used here (the scenario 'Streams and select()' simulates them)",
    "add_reader": "file descriptors cannot be watched here",
    "add_writer": "file descriptors cannot be watched here",
    "add_signal_handler": "signals cannot be sent here",
    "sendfile": "files cannot be sent here",
}


def _not_here(name, why):
    def method(self, *args, **kwargs):
        raise _session.unsupported(f"loop.{name}()", why)

    method.__name__ = name
    return method


class VirtualLoop(asyncio.BaseEventLoop):
    """CPython's BaseEventLoop on a virtual clock, recording each of its facts."""

    def __init__(self, session):
        super().__init__()
        self._sim = session
        self._selector = VirtualSelector(self)
        self._clock_resolution = 1e-9
        self._now = session.clock
        self.set_exception_handler(None)

    def time(self):
        return self._now

    def default_exception_handler(self, context):
        """BaseEventLoop's (3.14), with the traceback as the runtime shows every traceback: its
        own frames (the instrumented copies of asyncio's primitives) left out."""
        message = context.get("message") or "Unhandled exception in event loop"
        exception = context.get("exception")
        log_lines = [message]
        for key in sorted(context):
            if key in {"message", "exception"}:
                continue
            value = context[key]
            if key in ("source_traceback", "handle_traceback"):
                what = "Object" if key == "source_traceback" else "Handle"
                value = f"{what} created at (most recent call last):\n" + \
                    "".join(traceback.format_list(value)).rstrip()
            else:
                value = repr(value)
            log_lines.append(f"{key}: {value}")
        text = "\n".join(log_lines)
        if exception is not None:
            text += "\n" + _format_exception(exception, self._sim.filename).rstrip("\n")
        logging.getLogger("asyncio").error(text)

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    def _make_self_pipe(self):
        pass

    def _close_self_pipe(self):
        pass

    # ---- what the loop makes: futures, tasks, timers, callbacks

    def create_future(self):
        fut = SimFuture(loop=self)
        fut._sim_kind = W_FUTURE
        fut._sim_target = -1
        frame = sys._getframe(1)
        label = _FUTURE_LABELS.get(frame.f_code)
        if label is not None:
            label(fut, frame)
        return fut

    def create_task(self, coro, **kwargs):
        self._check_closed()
        s = self._sim
        if self._task_factory is not None:
            raise s.unsupported("loop.set_task_factory()", "only the default tasks can be traced")
        if kwargs.get("name") is None:
            # Numbered per program, as in a fresh CPython process (its counter is the
            # interpreter's: a second program would start at Task-9).
            s.task_counter += 1
            kwargs["name"] = f"Task-{s.task_counter}"
        task = Task(coro, loop=self, **kwargs)
        if task._source_traceback:
            del task._source_traceback[-1]
        if s.current is not None:
            s.emit(SPAWN, s.current._sim_id, task._sim_id, -1, s.user_line())
        return task

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        s = self._sim
        timer = VirtualTimer(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        timer._seq = s.timer_count
        s.timer_count += 1
        timer._sim_ran = False
        timer._sim_owner = s.running_id()
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        if callback is futures._set_result_unless_cancelled and isinstance(args[0], SimFuture):
            args[0]._sim_target = timer._seq  # a sleep: its future waits on this timer
        s.flush_running()
        s.timers.append(when)
        s.emit(TIMER_SCHEDULE, timer._sim_owner, timer._seq, -1, s.user_line())
        return timer

    def _call_soon(self, callback, args, context):
        s = self._sim
        handle = SimHandle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        s.flush_running()
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, Task):
            if type(callback).__name__ == "TaskStepMethWrapper":
                handle._sim_kind = H_STEP
                handle._sim_task = owner
                if not hasattr(owner, "_sim_id"):
                    s.register_task(owner)
                    handle._sim_text = STEP_FIRST
                    s.emit(TASK_CREATE, owner._sim_id, -1, -1, -1)
                else:
                    handle._sim_text = STEP_YIELDED
                    line = s.task_line(owner)
                    owner._sim_line = line
                    owner._sim_wait = _W_SLEEP0 if s.in_sleep0(owner) else -1
                    s.emit(YIELD, owner._sim_id, -1, -1, line)
                return handle
            if getattr(callback, "__name__", "") == "task_wakeup":
                handle._sim_kind = H_WAKEUP
                handle._sim_task = owner
                handle._sim_text = STEP_WOKEN
                fut = args[0] if args else None
                # Woken to raise CancelledError: the future was cancelled, or holds one (a
                # gather cancelled). `_exception`, not exception(): that would mark it retrieved.
                cancelled = fut is not None and (fut.cancelled() or isinstance(
                    getattr(fut, "_exception", None), exceptions.CancelledError))
                s.emit(WAKE, owner._sim_id, 1 if cancelled else 0, -1, -1)
                return handle
        code = getattr(callback, "__code__", None)
        if code is not None and code is _GATHER_CB_CODE:
            outer = _closure(callback, "outer")
            child = args[0] if args else None
            handle._sim_kind = H_GATHER
            handle._sim_task = child
            handle._sim_text = outer
            s.emit(GATHER_CALLBACK, s.id_of(child), getattr(outer, "_sim_owner", -1), -1, -1)
            return handle
        handle._sim_kind = H_OTHER
        related = args[0] if args and isinstance(args[0], Task) else None
        handle._sim_task = related
        text = s.string(_callback_name(callback))
        handle._sim_text = text
        s.emit(CALL_SOON, s.id_of(related), text, -1, -1)
        return handle

    # ---- one iteration: BaseEventLoop._run_once (3.14), recording each fact

    def _run_once(self):
        s = self._sim
        s.iterations += 1
        s.iteration_events = 0
        s.emit(ITER_START, -1, -1, -1, -1)
        sched_count = len(self._scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                    s.emit(TIMER_DROP, handle._sim_owner, handle._seq, -1, -1)
                else:
                    new_scheduled.append(handle)
            heapq.heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(self._scheduled)
                handle._scheduled = False
                s.emit(TIMER_DROP, handle._sim_owner, handle._seq, -1, -1)

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            timeout = self._scheduled[0]._when - self.time()
            if timeout > MAXIMUM_SELECT_TIMEOUT:
                timeout = MAXIMUM_SELECT_TIMEOUT
            elif timeout < 0:
                timeout = 0

        try:
            event_list = self._selector.select(timeout)
        except _Idle:
            s.iters.append(self._now)
            s.iters.append(-1.0)
            s.emit(SELECT_NONE, -1, -1, -1, -1)
            raise
        self._process_events(event_list)
        event_list = None
        s.iters.append(self._now)
        s.iters.append(float(timeout))
        s.emit(SELECT, -1, len(self._ready), -1, -1)
        if s.stuck >= s.limits["max_iterations_per_instant"]:
            raise Stop("livelock")

        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)
            s.emit(TIMER_FIRE, handle._sim_owner, handle._seq, -1, -1)

        ntodo = len(self._ready)
        for i in range(ntodo):
            handle = self._ready.popleft()
            if handle._cancelled:
                if isinstance(handle, VirtualTimer):
                    s.emit(SKIP_HANDLE, handle._sim_owner, handle._seq, -1, -1)
                else:
                    s.emit(SKIP_HANDLE, s.id_of(getattr(handle, "_sim_task", None)), -1, -1, -1)
                continue
            if isinstance(handle, VirtualTimer):
                completes = 0
                if handle._callback is futures._set_result_unless_cancelled:
                    completes = 0 if handle._args[0].cancelled() else 1
                s.emit(RUN_TIMER, handle._sim_owner, handle._seq, completes, -1)
                handle._run()
                continue
            kind = handle._sim_kind
            if kind == H_STEP or kind == H_WAKEUP:
                s.begin_step(handle._sim_task, handle._sim_text, handle)
                try:
                    handle._run()
                finally:
                    s.end_step()
            elif kind == H_GATHER:
                outer = handle._sim_text
                before = outer is not None and outer.done()
                at = s.emit(RUN_CALLBACK, s.id_of(handle._sim_task), getattr(outer, "_sim_owner", -1),
                            0, -1)
                handle._run()
                if outer is not None and not before and outer.done():
                    s.patch_b(at, 1)
            else:
                s.emit(RUN_HANDLE, s.id_of(handle._sim_task), handle._sim_text, -1, -1)
                handle._run()
        handle = None

    def _next_iteration_time(self):
        """The clock the next iteration will read after its select; None when it ends the run."""
        if self._ready or self._stopping:
            return self._now
        live = [t for t in self._scheduled if not t._cancelled]
        if not live:
            return None
        head = min(live)
        timeout = head._when - self._now
        if timeout > MAXIMUM_SELECT_TIMEOUT:
            return self._now + MAXIMUM_SELECT_TIMEOUT
        return head._when if timeout > 0 else self._now

    # ---- running: the same steps as run_forever and run_until_complete, able to pause

    def _forever(self):
        """run_forever as a generator: yields between two iterations when the run pauses."""
        s = self._sim
        self._run_forever_setup()
        try:
            while True:
                if s.should_pause(self):
                    if s.pausable <= 0:
                        raise Stop("until")
                    self._pause_running()
                    yield _PAUSE
                    self._resume_running()
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._run_forever_cleanup()

    def _pause_running(self):
        self._thread_id = None
        events._set_running_loop(None)

    def _resume_running(self):
        self._thread_id = threading.get_ident()
        events._set_running_loop(self)

    def _until_complete(self, future):
        """run_until_complete (3.14) as a generator."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = _tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            yield from self._forever()
        except:  # noqa: E722 (as CPython)
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def run_forever(self):
        _exhaust(self._forever())

    def run_until_complete(self, future):
        return _exhaust(self._until_complete(future))


for _name, _why in _NOT_HERE.items():
    setattr(VirtualLoop, _name, _not_here(_name, _why))
del _name, _why


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    futures._get_loop(fut).stop()


_PAUSE = object()


def _exhaust(generator):
    """Runs a pausable generator without pausing (called from plain code, not awaited)."""
    s = _session
    s.pausable -= 1
    try:
        while True:
            try:
                next(generator)
            except StopIteration as done:
                return done.value
    finally:
        s.pausable += 1


@types.coroutine
def _pausable(generator):
    """Runs a pausable generator from an awaiting statement: its pauses reach the session."""
    return (yield from generator)


def _callback_name(callback):
    function = getattr(callback, "func", callback)  # functools.partial
    name = getattr(function, "__qualname__", None) or getattr(function, "__name__", None)
    return name or type(callback).__name__


def _label_sleep(fut, frame):
    fut._sim_kind = W_SLEEP


def _label_wait(fut, frame):
    fut._sim_kind = W_WAIT
    fut._sim_target = _session.group(frame.f_locals.get("fs", ()))


def _label_taskgroup(fut, frame):
    fut._sim_kind = W_TASKGROUP
    group = frame.f_locals.get("self")
    fut._sim_target = _session.group(getattr(group, "_tasks", ()))


_FUTURE_LABELS = {
    _tasks.sleep.__code__: _label_sleep,
    _tasks._wait.__code__: _label_wait,
    taskgroups.TaskGroup._aexit.__code__: _label_taskgroup,
}


# ---------------------------------------------------------------- the primitives
# CPython 3.14's methods (Lib/asyncio/queues.py and locks.py), with a record where each fact
# happens. `s` is the session; `_sim_id` the primitive's number (-1: not shown, as a Queue's
# own `_finished` Event, which its join records stand for).

def _label(fut, kind, target):
    fut._sim_kind = kind
    fut._sim_target = target
    return fut


def _owner(fut):
    """The task waiting on a waiter's future (the one that made it)."""
    return getattr(fut, "_sim_owner_id", -1)


class _Primitives:
    """The primitives' instrumented methods, installed on asyncio's classes while a program
    runs (see `install`)."""

    # ---- Queue

    def queue_init(self, maxsize=0):
        _ORIGINAL[(queues.Queue, "__init__")](self, maxsize)
        self._finished._sim_queue = self
        _session.register_primitive(self, _queue_type(self), maxsize)
        self._sim_items = []  # [item, text id] in the order they will come out

    async def put(self, item):
        s = _session
        while self.full():
            if self._is_shutdown:
                raise queues.QueueShutDown
            putter = _label(self._get_loop().create_future(), W_QUEUE_PUT, self._sim_id)
            s.waiter_of(putter)
            self._putters.append(putter)
            s.emit(Q_BLOCK, s.running_id(), self._sim_id, 0, s.user_line())
            try:
                await putter
            except:  # noqa: E722 (as CPython)
                putter.cancel()  # Just in case putter is not done yet.
                try:
                    self._putters.remove(putter)
                    s.emit(Q_UNBLOCK, s.running_id(), self._sim_id, 0, s.user_line())
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
            if self._is_shutdown:
                raise queues.QueueShutDown
        return self.put_nowait(item)

    def put_nowait(self, item):
        s = _session
        if self._is_shutdown:
            raise queues.QueueShutDown
        if self.full():
            raise queues.QueueFull
        self._put(item)
        text = -1 if item is None else s.string(_item_text(item))
        s.emit(Q_PUT, s.running_id(), self._sim_id, text, s.user_line())
        s.track_put(self, item, text)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        s = _session
        while self.empty():
            if self._is_shutdown and self.empty():
                raise queues.QueueShutDown
            getter = _label(self._get_loop().create_future(), W_QUEUE_GET, self._sim_id)
            s.waiter_of(getter)
            self._getters.append(getter)
            s.emit(Q_BLOCK, s.running_id(), self._sim_id, 1, s.user_line())
            try:
                await getter
            except:  # noqa: E722 (as CPython)
                getter.cancel()  # Just in case getter is not done yet.
                try:
                    self._getters.remove(getter)
                    s.emit(Q_UNBLOCK, s.running_id(), self._sim_id, 1, s.user_line())
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        s = _session
        if self.empty():
            if self._is_shutdown:
                raise queues.QueueShutDown
            raise queues.QueueEmpty
        item = self._get()
        s.emit(Q_GET, s.running_id(), self._sim_id, s.track_get(self, item), s.user_line())
        self._wakeup_next(self._putters)
        return item

    def _wakeup_next(self, waiters):
        s = _session
        which = 0 if waiters is self._putters else 1
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                s.emit(Q_NOTIFY, _owner(waiter), self._sim_id, which, -1)
                waiter.set_result(None)
                break
            s.emit(Q_UNBLOCK, _owner(waiter), self._sim_id, which, -1)

    def task_done(self):
        s = _session
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        s.emit(Q_TASK_DONE, s.running_id(), self._sim_id, self._unfinished_tasks, s.user_line())
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        s = _session
        if self._unfinished_tasks > 0:
            await self._finished.wait()
        else:
            s.emit(Q_JOIN_PASS, s.running_id(), self._sim_id, -1, s.user_line())

    def shutdown(self, immediate=False):
        s = _session
        self._is_shutdown = True
        if immediate:
            while not self.empty():
                item = self._get()
                s.emit(Q_GET, s.running_id(), self._sim_id, s.track_get(self, item), s.user_line())
                if self._unfinished_tasks > 0:
                    self._unfinished_tasks -= 1
            if self._unfinished_tasks == 0:
                self._finished.set()
        while self._getters:
            getter = self._getters.popleft()
            if not getter.done():
                s.emit(Q_NOTIFY, _owner(getter), self._sim_id, 1, -1)
                getter.set_result(None)
            else:
                s.emit(Q_UNBLOCK, _owner(getter), self._sim_id, 1, -1)
        while self._putters:
            putter = self._putters.popleft()
            if not putter.done():
                s.emit(Q_NOTIFY, _owner(putter), self._sim_id, 0, -1)
                putter.set_result(None)
            else:
                s.emit(Q_UNBLOCK, _owner(putter), self._sim_id, 0, -1)

    # ---- Lock

    def lock_init(self):
        _ORIGINAL[(locks.Lock, "__init__")](self)
        _session.register_primitive(self, "Lock", 0)

    async def lock_acquire(self):
        s = _session
        if (not self._locked and (self._waiters is None or
                all(w.cancelled() for w in self._waiters))):
            self._locked = True
            s.emit(ACQUIRE, s.running_id(), self._sim_id, -1, s.user_line())
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = _label(self._get_loop().create_future(), W_ACQUIRE, self._sim_id)
        s.waiter_of(fut)
        self._waiters.append(fut)
        s.emit(ACQUIRE_BLOCK, s.running_id(), self._sim_id, -1, s.user_line())
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except exceptions.CancelledError:
            s.emit(ACQUIRE_ABANDON, s.running_id(), self._sim_id, 0, s.user_line())
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        s.emit(ACQUIRED, s.running_id(), self._sim_id, -1, s.user_line())
        return True

    def lock_release(self):
        s = _session
        if self._locked:
            self._locked = False
            s.emit(RELEASE, s.running_id(), self._sim_id, -1, s.user_line())
            self._wake_up_first()
        else:
            raise RuntimeError("Lock is not acquired.")

    def lock_wake_up_first(self):
        if not self._waiters:
            return
        try:
            fut = next(iter(self._waiters))
        except StopIteration:
            return
        if not fut.done():
            _session.emit(ACQUIRE_NOTIFY, _owner(fut), self._sim_id, -1, -1)
            fut.set_result(True)

    # ---- Event

    def event_init(self):
        _ORIGINAL[(locks.Event, "__init__")](self)
        caller = sys._getframe(1).f_code
        # A Queue's own `_finished` event is not shown: the queue's join records stand for it.
        if caller is _ORIGINAL[(queues.Queue, "__init__")].__code__:
            self._sim_id = -1
        else:
            _session.register_primitive(self, "Event", 0)

    def event_set(self):
        s = _session
        queue = getattr(self, "_sim_queue", None)
        if self._sim_id >= 0:
            s.emit(EV_SET, s.running_id(), self._sim_id, -1, s.user_line())
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    if queue is None:
                        s.emit(EV_NOTIFY, _owner(fut), self._sim_id, -1, -1)
                    else:
                        s.emit(Q_JOIN_NOTIFY, _owner(fut), queue._sim_id, -1, -1)
                    fut.set_result(True)

    def event_clear(self):
        if self._sim_id >= 0:
            s = _session
            s.emit(EV_CLEAR, s.running_id(), self._sim_id, -1, s.user_line())
        self._value = False

    async def event_wait(self):
        s = _session
        queue = getattr(self, "_sim_queue", None)
        if self._value:
            if queue is None:
                s.emit(EV_PASS, s.running_id(), self._sim_id, -1, s.user_line())
            else:
                s.emit(Q_JOIN_PASS, s.running_id(), queue._sim_id, -1, s.user_line())
            return True
        if queue is None:
            fut = _label(self._get_loop().create_future(), W_EVENT, self._sim_id)
        else:
            fut = _label(self._get_loop().create_future(), W_JOIN, queue._sim_id)
        s.waiter_of(fut)
        self._waiters.append(fut)
        if queue is None:
            s.emit(EV_BLOCK, s.running_id(), self._sim_id, -1, s.user_line())
        else:
            s.emit(Q_JOIN_BLOCK, s.running_id(), queue._sim_id, -1, s.user_line())
        # CPython: try: await fut; return True / finally: self._waiters.remove(fut). The same,
        # with the record of how it ended.
        kind, target = (EV_DONE, self._sim_id) if queue is None else (Q_JOIN_DONE, queue._sim_id)
        try:
            await fut
        except BaseException:
            self._waiters.remove(fut)
            s.emit(kind, s.running_id(), target, 1, s.user_line())
            raise
        self._waiters.remove(fut)
        s.emit(kind, s.running_id(), target, 0, s.user_line())
        return True

    # ---- Condition

    def condition_init(self, lock=None):
        _ORIGINAL[(locks.Condition, "__init__")](self, lock)
        s = _session
        s.register_primitive(self, "Condition", 0, lock=getattr(self._lock, "_sim_id", -1))
        if lock is None:
            self._lock._sim_part_of = self

    async def condition_wait(self):
        s = _session
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        fut = _label(self._get_loop().create_future(), W_CONDITION, self._sim_id)
        s.waiter_of(fut)
        self.release()
        try:
            try:
                self._waiters.append(fut)
                s.emit(EV_BLOCK, s.running_id(), self._sim_id, -1, s.user_line())
                # CPython: try: await fut; return True / finally: self._waiters.remove(fut)
                try:
                    await fut
                except BaseException:
                    self._waiters.remove(fut)
                    s.emit(EV_DONE, s.running_id(), self._sim_id, 1, s.user_line())
                    raise
                self._waiters.remove(fut)
                s.emit(EV_DONE, s.running_id(), self._sim_id, 0, s.user_line())
                return True
            finally:
                err = None
                while True:
                    try:
                        await self.acquire()
                        break
                    except exceptions.CancelledError as e:
                        err = e
                if err is not None:
                    try:
                        raise err
                    finally:
                        err = None
        except BaseException:
            self._notify(1)
            raise

    def condition_notify_inner(self, n):
        s = _session
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                s.emit(EV_NOTIFY, _owner(fut), self._sim_id, -1, -1)
                fut.set_result(False)

    # ---- Semaphore and BoundedSemaphore

    def semaphore_init(self, value=1):
        _ORIGINAL[(locks.Semaphore, "__init__")](self, value)
        _session.register_primitive(self, "Semaphore", value)

    def bounded_init(self, value=1):
        self._bound_value = value
        _ORIGINAL[(locks.Semaphore, "__init__")](self, value)
        _session.register_primitive(self, "BoundedSemaphore", value)

    async def semaphore_acquire(self):
        s = _session
        if not self.locked():
            self._value -= 1
            s.emit(ACQUIRE, s.running_id(), self._sim_id, -1, s.user_line())
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = _label(self._get_loop().create_future(), W_ACQUIRE, self._sim_id)
        s.waiter_of(fut)
        self._waiters.append(fut)
        s.emit(ACQUIRE_BLOCK, s.running_id(), self._sim_id, -1, s.user_line())
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except exceptions.CancelledError:
            given = fut.done() and not fut.cancelled()
            if given:
                self._value += 1
            s.emit(ACQUIRE_ABANDON, s.running_id(), self._sim_id, 1 if given else 0, s.user_line())
            raise
        else:
            s.emit(ACQUIRED, s.running_id(), self._sim_id, -1, s.user_line())
        finally:
            while self._value > 0:
                if not self._wake_up_next():
                    break
        return True

    def semaphore_release(self):
        s = _session
        self._value += 1
        s.emit(RELEASE, s.running_id(), self._sim_id, -1, s.user_line())
        self._wake_up_next()

    def bounded_release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        _Primitives.semaphore_release(self)

    def semaphore_wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                _session.emit(ACQUIRE_NOTIFY, _owner(fut), self._sim_id, -1, -1)
                fut.set_result(True)
                return True
        return False

    # ---- TaskGroup: its tasks are cancelled in creation order (CPython iterates a set)

    def taskgroup_abort(self):
        self._aborting = True
        for t in sorted(self._tasks, key=_creation_order):
            if not t.done():
                t.cancel()

    # ---- gather: its number and its caller

    def gathering_init(self, children, *, loop):
        _ORIGINAL[(_tasks._GatheringFuture, "__init__")](self, children, loop=loop)
        s = _session
        self._sim_owner = s.running_id()
        self._sim_group = s.group(children, ordered=True)
        if s.current is not None:
            s.emit(GATHER, self._sim_owner, self._sim_group, -1, s.user_line())


def _queue_type(queue):
    if isinstance(queue, queues.PriorityQueue):
        return "PriorityQueue"
    if isinstance(queue, queues.LifoQueue):
        return "LifoQueue"
    return "Queue"


def _creation_order(task):
    return getattr(task, "_sim_id", 1 << 62)


_PATCHES = [
    (queues.Queue, "__init__", _Primitives.queue_init),
    (queues.Queue, "put", _Primitives.put),
    (queues.Queue, "put_nowait", _Primitives.put_nowait),
    (queues.Queue, "get", _Primitives.get),
    (queues.Queue, "get_nowait", _Primitives.get_nowait),
    (queues.Queue, "_wakeup_next", _Primitives._wakeup_next),
    (queues.Queue, "task_done", _Primitives.task_done),
    (queues.Queue, "join", _Primitives.join),
    (queues.Queue, "shutdown", _Primitives.shutdown),
    (locks.Lock, "__init__", _Primitives.lock_init),
    (locks.Lock, "acquire", _Primitives.lock_acquire),
    (locks.Lock, "release", _Primitives.lock_release),
    (locks.Lock, "_wake_up_first", _Primitives.lock_wake_up_first),
    (locks.Event, "__init__", _Primitives.event_init),
    (locks.Event, "set", _Primitives.event_set),
    (locks.Event, "clear", _Primitives.event_clear),
    (locks.Event, "wait", _Primitives.event_wait),
    (locks.Condition, "__init__", _Primitives.condition_init),
    (locks.Condition, "wait", _Primitives.condition_wait),
    (locks.Condition, "_notify", _Primitives.condition_notify_inner),
    (locks.Semaphore, "__init__", _Primitives.semaphore_init),
    (locks.Semaphore, "acquire", _Primitives.semaphore_acquire),
    (locks.Semaphore, "release", _Primitives.semaphore_release),
    (locks.Semaphore, "_wake_up_next", _Primitives.semaphore_wake_up_next),
    (locks.BoundedSemaphore, "__init__", _Primitives.bounded_init),
    (locks.BoundedSemaphore, "release", _Primitives.bounded_release),
    (taskgroups.TaskGroup, "_abort", _Primitives.taskgroup_abort),
    (_tasks._GatheringFuture, "__init__", _Primitives.gathering_init),
]
_ORIGINAL = {(cls, name): cls.__dict__[name] for cls, name, _ in _PATCHES}
for _cls, _name, _function in _PATCHES:
    # A task of an instrumented coroutine is named as the original's would be: Event.wait().
    _function.__qualname__ = f"{_cls.__name__}.{_name}"


# ---------------------------------------------------------------- what cannot run here

def _unsupported_function(what, why):
    def function(*args, **kwargs):
        raise _session.unsupported(what, why)

    return function


def _virtual_time():
    return _session.clock


def _virtual_epoch():
    return _session.epoch + _session.clock


def _time_sleep(seconds):
    """``time.sleep``: the thread, and so the running loop, sleeps; the virtual clock moves on
    inside the running step, as a real clock does while nothing else can run."""
    if not isinstance(seconds, (int, float)):
        kind = type(seconds)
        if not (hasattr(kind, "__float__") or hasattr(kind, "__index__")):
            raise TypeError(f"'{kind.__name__}' object cannot be interpreted as an integer")
        seconds = float(seconds)
    if math.isnan(seconds):
        raise ValueError("Invalid value NaN (not a number)")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    s = _session
    loop = events._get_running_loop()
    start = loop._now if isinstance(loop, VirtualLoop) else s.clock
    end = start + seconds
    if isinstance(loop, VirtualLoop):
        loop._now = end
    s.clock = end
    # The move's two clocks go with the iterations' (the chunk's reader takes them in order).
    s.iters.append(float(start))
    s.iters.append(float(end))
    s.emit(BLOCK, s.running_id(), -1, -1, s.user_line())


def _thread_start(self, *args, **kwargs):
    raise _session.unsupported("threading.Thread.start()", "threads cannot run here")


def _popen_init(self, *args, **kwargs):
    raise _session.unsupported("subprocess.Popen()", "subprocesses cannot run in the browser (the scenario 'Subprocesses and select()' simulates them)")


def _socket_init(self, *args, **kwargs):
    raise _session.unsupported("socket.socket()", "sockets cannot be used here (the scenario 'Streams and select()' simulates them)")


def _get_event_loop():
    loop = events._get_running_loop()
    if loop is not None:
        return loop
    s = _session
    if s.set_loop is None:
        raise RuntimeError("There is no current event loop in thread %r."
                           % threading.current_thread().name)
    return s.set_loop


def _set_event_loop(loop):
    _session.set_loop = loop


def _new_event_loop():
    return VirtualLoop(_session)


def _asyncio_run(main, *, debug=None, loop_factory=None):
    """asyncio.run called from plain code (not a top-level statement): runs without pausing."""
    return _exhaust(_session.run_main(main, debug=debug, loop_factory=loop_factory))


def _environment_patches():
    import socket
    import subprocess
    import os

    return [
        (asyncio, "run", _asyncio_run),
        (asyncio, "new_event_loop", _new_event_loop),
        (events, "new_event_loop", _new_event_loop),
        (asyncio, "get_event_loop", _get_event_loop),
        (events, "get_event_loop", _get_event_loop),
        (asyncio, "set_event_loop", _set_event_loop),
        (events, "set_event_loop", _set_event_loop),
        (time, "sleep", _time_sleep),
        (time, "time", _virtual_epoch),
        (time, "monotonic", _virtual_time),
        (time, "perf_counter", _virtual_time),
        (builtins, "input", _unsupported_function("input()", "there is no keyboard input here")),
        (threading.Thread, "start", _thread_start),
        (subprocess.Popen, "__init__", _popen_init),
        (os, "system", _unsupported_function("os.system()", "commands cannot run here")),
        (socket.socket, "__init__", _socket_init),
        (sys, "stdout", None),  # set per session
        (sys, "stderr", None),
    ]


# ---------------------------------------------------------------- printing

class _Output(io.TextIOBase):
    """sys.stdout or sys.stderr: each line printed is a record."""

    def __init__(self, session, stream):
        self.session = session
        self.stream = stream
        self.pending = []

    def writable(self):
        return True

    @property
    def encoding(self):
        return "utf-8"

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if "\n" not in text:
            self.pending.append(text)
            return len(text)
        lines = text.split("\n")
        lines[0] = "".join(self.pending) + lines[0]
        for line in lines[:-1]:
            self.session.print_line(line, self.stream)
        self.pending = [lines[-1]] if lines[-1] else []
        return len(text)

    def flush(self):
        pass

    def finish(self):
        """The last line, without its newline."""
        if self.pending:
            self.session.print_line("".join(self.pending), 2 if self.stream == 0 else 3)
            self.pending = []


# ---------------------------------------------------------------- top-level statements

class _RunCalls(ast.NodeTransformer):
    """In one top-level statement, ``asyncio.run(...)`` (and ``loop.run_until_complete(...)``,
    ``loop.run_forever()``) become awaits of the session's pausable versions. Nested functions,
    lambdas and classes are left alone: a call made from them runs without pausing."""

    def __init__(self, asyncio_names, run_names):
        self.asyncio_names = asyncio_names
        self.run_names = run_names
        self.found = False

    def visit_FunctionDef(self, node):
        return node

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        target = None
        if isinstance(func, ast.Attribute):
            if func.attr == "run" and isinstance(func.value, ast.Name) and \
                    func.value.id in self.asyncio_names:
                target = ast.Name("__sim_run__", ast.Load())
                args = node.args
            elif func.attr in ("run_until_complete", "run_forever"):
                target = ast.Name("__sim_loop_call__", ast.Load())
                args = [func.value, ast.Constant(func.attr)] + node.args
        elif isinstance(func, ast.Name) and func.id in self.run_names:
            target = ast.Name("__sim_run__", ast.Load())
            args = node.args
        if target is None:
            return node
        self.found = True
        call = ast.Call(target, args, node.keywords)
        return ast.copy_location(ast.Await(ast.copy_location(call, node)), node)


def _bound_names(stmt):
    """The names a top-level statement binds (outside the functions and classes it defines)."""
    names = set()

    def visit(node, top):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            return
        if isinstance(node, ast.Lambda):
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
        for child in ast.iter_child_nodes(node):
            visit(child, False)

    visit(stmt, True)
    return names


class _AnnotationsToAssign(ast.NodeTransformer):
    """``x: T = v`` of a name declared global cannot stay annotated: ``x = v``."""

    def visit_FunctionDef(self, node):
        return node

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    def visit_AnnAssign(self, node):
        if isinstance(node.target, ast.Name):
            if node.value is None:
                return ast.copy_location(ast.Pass(), node)
            return ast.copy_location(ast.Assign([node.target], node.value), node)
        return node


# ---------------------------------------------------------------- the session

class Session:
    """One program: compiled, then run in chunks (``start``, then ``resume``)."""

    def __init__(self, source, filename="main.py", limits=None):
        self.source = source
        self.filename = filename
        self.limits = dict(DEFAULT_LIMITS, **(limits or {}))
        self.clock = 0.0
        self.epoch = 1_700_000_000.0
        # Records since the last flush.
        self.events = []
        self.iters = []
        self.timers = []
        self.new_strings = []
        self.string_count = 0
        self.task_names = []
        self.task_count = 0
        self.task_counter = 0
        self.primitives = []  # every one: [object (until named), creating frame, type, size, lock]
        self.primitives_flushed = 0
        self.groups = []
        self.groups_flushed = 0
        self.event_total = 0
        self.iteration_events = 0
        self.muted = False
        self.stopping = False
        # Loop state.
        self.iterations = 0
        self.timer_count = 0
        self.last_select = None
        self.stuck = 0
        self.instant_since = 0
        self.last_ran = {}
        self.current = None  # the task whose step runs
        self.set_loop = None
        self.loops = []
        self.jumps = 0
        self.pausable = 0
        self.until = None
        self.chunk_limit = None
        self.chunk_start = 0
        self.all_tasks = []
        self.ended = None
        self.globals = None
        self.driver = None
        self.saved = []
        self.out = _Output(self, 0)
        self.err = _Output(self, 1)
        self.syntax_error = None

    # ---- records

    def emit(self, kind, task, a, b, step):
        if self.muted or (self.stopping and kind != END):
            return -1
        at = len(self.events)
        self.events += (kind, task, a, b, step)
        self.event_total += 1
        self.iteration_events += 1
        if (self.iteration_events > self.limits["max_events_per_iteration"] or
                self.event_total > self.limits["max_events"]) and kind != END:
            self.stopping = True
            raise Stop("event-limit", "", self.user_line())
        return at

    def patch_b(self, at, b):
        if at >= 0:
            self.events[at + 3] = b

    def string(self, text):
        self.new_strings.append(text)
        self.string_count += 1
        return self.string_count - 1

    def group(self, futures_, ordered=False):
        members = [self.id_of(f) for f in futures_]
        if not ordered:
            members.sort()
        self.groups.append(members)
        return len(self.groups) - 1

    def register_task(self, task):
        task._sim_id = self.task_count
        task._sim_wait = -1
        task._sim_target = -1
        task._sim_fut = None
        task._sim_line = -1
        task._sim_settled = True
        self.task_count += 1
        self.task_names.append(self.task_label(task))
        # Weakly: a task nothing holds is freed as in CPython (and may say so: "Task exception
        # was never retrieved").
        self.all_tasks.append(weakref.ref(task))

    def task_label(self, task):
        """The task's name, or for a default name (Task-N) its coroutine's call: `job(3)`."""
        name = task.get_name()
        if not (name.startswith("Task-") and name[5:].isdigit()):
            return name
        coro = task.get_coro()
        qualname = getattr(coro, "__qualname__", None) or name
        frame = getattr(coro, "cr_frame", None)
        args = ""
        if frame is not None:
            code = frame.f_code
            values = frame.f_locals
            try:
                args = ", ".join(_repr(values[n]) for n in code.co_varnames[:code.co_argcount]
                                 if n in values and n not in ("self", "cls"))
            except Exception:
                args = "?"
        label = f"{qualname}({args})"
        if len(label) > 24:
            label = f"{qualname}(…)"
        return label

    def id_of(self, task):
        return getattr(task, "_sim_id", -1) if task is not None else -1

    def running_id(self):
        return self.current._sim_id if self.current is not None else -1

    def waiter_of(self, fut):
        fut._sim_owner_id = self.running_id()

    def register_primitive(self, obj, kind, size, lock=-1):
        obj._sim_id = len(self.primitives)
        # The frame that made it and its callers (`self.queue = Queue()` in an __init__ is
        # named after the caller's variable holding that self: `shop.queue`).
        frame = sys._getframe(2)
        frames = [frame, frame.f_back, frame.f_back.f_back if frame.f_back else None]
        self.primitives.append([obj, [f for f in frames if f is not None], kind, size, lock])

    def print_line(self, text, stream):
        self.emit(PRINT, self.running_id(), self.string(text), stream, self.user_line())

    def user_line(self):
        """The line of the user's code running now (the innermost frame in their file)."""
        frame = sys._getframe(1)
        filename = self.filename
        while frame is not None:
            if frame.f_code.co_filename == filename:
                return frame.f_lineno
            frame = frame.f_back
        return -1

    def task_line(self, task):
        """The line a suspended task stands at: the innermost frame in the user's file along
        the chain of what it awaits."""
        line = -1
        coro = task.get_coro()
        filename = self.filename
        depth = 0
        while coro is not None and depth < 200:
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
            if frame is not None and frame.f_code.co_filename == filename:
                line = frame.f_lineno
            coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
            depth += 1
        return line

    def in_sleep0(self, task):
        coro = task.get_coro()
        inner = None
        while coro is not None:
            inner = coro
            coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
        return getattr(inner, "gi_code", None) is _SLEEP0_CODE

    def track_put(self, queue, item, text):
        """Where an item stands in the order the queue gives them out (for PriorityQueue, a
        record of its rank)."""
        entries = queue._sim_items
        if isinstance(queue, queues.PriorityQueue):
            keys = [entry[0] for entry in entries]
            rank = bisect.bisect_right(keys, item)
            entries.insert(rank, [item, text])
            self.emit(Q_RANK, -1, queue._sim_id, rank, -1)
        elif isinstance(queue, queues.LifoQueue):
            entries.insert(0, [item, text])
        else:
            entries.append([item, text])

    def track_get(self, queue, item):
        entries = queue._sim_items
        for i, entry in enumerate(entries):
            if entry[0] is item:
                del entries[i]
                return entry[1]
        return -1 if item is None else self.string(_item_text(item))

    def unsupported(self, what, why):
        line = self.user_line()
        where = f"line {line}: " if line > 0 else ""
        self.stopping = True
        return Stop("unsupported", f"{where}{what}: {why}", line)

    # ---- steps

    def begin_step(self, task, reason, handle):
        self.current = task
        task._sim_settled = False
        self.last_ran[task._sim_id] = self.iterations
        self.jumps = 0
        tid = task._sim_id
        self.emit(RUN_STEP, tid, reason, -1, -1)
        wait = task._sim_wait
        if wait == -1:
            return
        fut = task._sim_fut
        cancel = task._must_cancel
        line = task._sim_line
        task._sim_wait = -1
        task._sim_fut = None
        if wait == W_SLEEP:
            if fut is not None and fut.done() and not fut.cancelled() and not cancel:
                self.emit(SLEPT, tid, -1, -1, line)
        elif wait == _W_SLEEP0:
            if not cancel:
                self.emit(SLEPT, tid, -1, -1, line)
        elif wait == W_TASK:
            failed = cancel or fut is None or fut.cancelled() or fut.exception() is not None
            self.emit(AWAIT_DONE, tid, task._sim_target, 1 if failed else 0, line)
        elif wait == W_GATHER:
            failed = cancel or fut is None or fut.cancelled() or fut.exception() is not None
            self.emit(GATHER_DONE, tid, task._sim_target, 1 if failed else 0, line)

    def end_step(self):
        self.flush_running()
        self.current = None

    def flush_running(self):
        """Records how the running task's step ended (it returned, raised, or suspended on a
        future) before anything that followed it within the same callback."""
        task = self.current
        if task is None or task._sim_settled:
            return
        if task.done():
            task._sim_settled = True
            if self.stopping:
                return
            tid = task._sim_id
            if task.cancelled():
                self.emit(TASK_CANCELLED, tid, -1, -1, -1)
            else:
                exc = task.exception()
                if exc is None:
                    self.emit(TASK_DONE, tid, -1, -1, -1)
                else:
                    self.emit(TASK_FAIL, tid, self.string(_error_text(exc)), -1, -1)
            return
        waiter = task._fut_waiter
        if waiter is None:
            return
        task._sim_settled = True
        if isinstance(waiter, Task):
            kind, target = W_TASK, waiter._sim_id
        elif isinstance(waiter, SimFuture):
            kind, target = waiter._sim_kind, waiter._sim_target
        elif hasattr(waiter, "_sim_group"):
            kind, target = W_GATHER, waiter._sim_group
        else:
            kind, target = W_FUTURE, -1
        line = self.task_line(task)
        task._sim_wait = kind
        task._sim_target = target
        task._sim_fut = waiter
        task._sim_line = line
        self.emit(SUSPEND, task._sim_id, kind, target, line)

    def on_jump(self, code, offset, destination):
        if code.co_filename != self.filename:
            return sys.monitoring.DISABLE
        if destination >= offset:
            return None
        self.jumps += 1
        if self.jumps > self.limits["max_jumps_per_step"] and not self.stopping:
            self.stopping = True
            line = sys._getframe(1).f_lineno
            raise Stop("no-yield", "", line)
        return None

    # ---- pausing

    def should_pause(self, loop):
        """Whether to stop before the next iteration: its clock would pass `until`, or (only
        when the run can pause) the chunk holds enough events. A run that cannot pause (an
        asyncio.run called from a function) ends at `until` instead."""
        if (self.pausable > 0 and self.chunk_limit is not None and
                self.event_total - self.chunk_start >= self.chunk_limit):
            self.next_time = loop._next_iteration_time()
            return True
        if self.until is not None:
            upcoming = loop._next_iteration_time()
            self.next_time = upcoming
            return upcoming is not None and upcoming > self.until
        return False

    # ---- asyncio.run

    def run_main(self, main, debug=None, loop_factory=None):
        """asyncio.run (3.14: Runner.run and Runner.close) as a pausable generator."""
        if events._get_running_loop() is not None:
            raise RuntimeError("asyncio.run() cannot be called from a running event loop")
        if loop_factory is not None:
            loop = loop_factory()
            if not isinstance(loop, VirtualLoop):
                raise self.unsupported("asyncio.run(loop_factory=...)", "only the simulator's loop can run here")
        else:
            loop = VirtualLoop(self)
            self.set_loop = loop
        if debug is not None:
            loop.set_debug(debug)
        self.loops.append(loop)
        try:
            if not asyncio.iscoroutine(main):
                if hasattr(main, "__await__"):
                    async def _wrap_awaitable(awaitable):
                        return await awaitable
                    main = _wrap_awaitable(main)
                else:
                    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
            task = loop.create_task(main)
            result = yield from loop._until_complete(task)
        except (Stop, GeneratorExit):
            raise  # a stopped run is closed quietly (close_quietly), as it stands
        except BaseException:
            yield from self.close_loop(loop)
            raise
        yield from self.close_loop(loop)
        return result

    def close_loop(self, loop):
        """Runner.close: cancel the tasks left, then close the loop. (Its shutdown of async
        generators and of the default executor is left out when there are none.)"""
        try:
            yield from self.cancel_all_tasks(loop)
            if len(loop._asyncgens):
                yield from loop._until_complete(loop.shutdown_asyncgens())
        finally:
            if self.set_loop is loop:
                self.set_loop = None
            loop.close()

    def cancel_all_tasks(self, loop):
        """asyncio.runners._cancel_all_tasks, in creation order."""
        to_cancel = sorted(_tasks.all_tasks(loop), key=_creation_order)
        if not to_cancel:
            return
        for task in to_cancel:
            task.cancel()
        yield from loop._until_complete(_tasks.gather(*to_cancel, return_exceptions=True))
        for task in to_cancel:
            if task.cancelled():
                continue
            if task.exception() is not None:
                loop.call_exception_handler({
                    "message": "unhandled exception during asyncio.run() shutdown",
                    "exception": task.exception(),
                    "task": task,
                })

    def loop_call(self, loop, method, *args):
        """``loop.run_until_complete(...)`` / ``loop.run_forever()`` in a top-level statement."""
        if isinstance(loop, VirtualLoop):
            if method == "run_forever":
                return (yield from loop._forever())
            return (yield from loop._until_complete(*args))
        return getattr(loop, method)(*args)

    # ---- the program

    def compile(self):
        """Parses the program; a syntax error is kept, and reported by `start`."""
        try:
            compile(self.source, self.filename, "exec", dont_inherit=True)
            self.tree = ast.parse(self.source, self.filename)
        except SyntaxError as error:
            self.syntax_error = error
            return False
        lines = self.source.splitlines(True)
        linecache.cache[self.filename] = (len(self.source), None, lines, self.filename)
        return True

    async def _module(self):
        g = self.globals = self.module.__dict__
        g["__builtins__"] = builtins
        g["__sim_run__"] = lambda main, **kw: _pausable(self.run_main(main, **kw))
        g["__sim_loop_call__"] = lambda loop, method, *a: _pausable(self.loop_call(loop, method, *a))
        flags = 0
        for stmt in self.tree.body:
            if isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__":
                import __future__
                for alias in stmt.names:
                    feature = getattr(__future__, alias.name, None)
                    if feature is not None:
                        flags |= feature.compiler_flag
            self.jumps = 0
            asyncio_names = {k for k, v in g.items() if v is asyncio}
            run_names = {k for k, v in g.items() if v is _asyncio_run and k != "__sim_run__"}
            calls = _RunCalls(asyncio_names, run_names)
            # (Copied only when it may call asyncio.run: a copy of a big def costs milliseconds.)
            transformed = calls.visit(_copy(stmt)) if _may_run(stmt, run_names) else None
            if not calls.found:
                code = compile(ast.Module([stmt], []), self.filename, "exec", flags=flags,
                               dont_inherit=True)
                exec(code, g)
                continue
            transformed = _AnnotationsToAssign().visit(transformed)
            body = [transformed]
            names = sorted(_bound_names(stmt))
            if names:
                body.insert(0, ast.copy_location(ast.Global(names), stmt))
            function = ast.AsyncFunctionDef(
                name="<module>", args=ast.arguments([], [], None, [], [], None, []),
                body=body, decorator_list=[], returns=None, type_params=[])
            ast.copy_location(function, stmt)
            tree = ast.fix_missing_locations(ast.Module([function], []))
            code = compile(tree, self.filename, "exec", flags=flags, dont_inherit=True)
            function_code = next(c for c in code.co_consts if isinstance(c, types.CodeType))
            await types.FunctionType(function_code, g)()

    def start(self, until=None, chunk_events=None):
        """Runs the program from its start, until it ends or pauses (a pause happens only between
        two loop iterations of an `asyncio.run` in a top-level statement: before the first
        iteration whose clock would pass `until`, or once `chunk_events` events are recorded).
        Returns the chunk of records."""
        if not self.compile():
            return self.syntax_chunk()
        self.module = types.ModuleType("__main__")
        self.module.__file__ = self.filename
        self.driver = self._module()
        return self.resume(until, chunk_events)

    def resume(self, until=None, chunk_events=None):
        if self.ended is not None:
            return self.flush()
        self.until = until
        self.chunk_limit = chunk_events
        self.chunk_start = self.event_total
        self.pausable = 1
        self.enter()
        try:
            result = self.driver.send(None)
        except StopIteration:
            self.finish("complete")
        except Stop as stop:
            self.finish_stopped(stop)
        except SystemExit as exit_:
            self.finish("complete", message=f"sys.exit({_repr(exit_.code)})")
        except BaseException as error:  # an exception escaped the program: as CPython reports it
            self.finish_exception(error)
        else:
            if result is not _PAUSE:
                self.finish_exception(RuntimeError(f"unexpected yield {result!r} at module level"))
        finally:
            self.leave()
        return self.flush()

    def stop(self, reason="until"):
        """Ends a paused run where it stands (the host's `--until`, or a viewer that goes no
        further)."""
        if self.ended is not None:
            return self.flush()
        self.enter()
        try:
            self.finish(reason)
            self.muted = True
            try:
                self.driver.close()
            except BaseException:
                pass
        finally:
            self.leave()
        return self.flush()

    # ---- entering and leaving the program's world

    def enter(self):
        global _session
        self.previous_session = _session
        _session = self
        self.saved = []
        for cls, name, function in _PATCHES:
            self.saved.append((cls, name, cls.__dict__[name]))
            setattr(cls, name, function)
        for target, name, value in _environment_patches():
            self.saved.append((target, name, getattr(target, name)))
            if name == "stdout":
                value = self.out
            elif name == "stderr":
                value = self.err
            setattr(target, name, value)
        self.saved_main = sys.modules.get("__main__")
        if getattr(self, "module", None) is not None:
            sys.modules["__main__"] = self.module
        self.saved_random = random.getstate()
        random.setstate(getattr(self, "random_state", None) or _SEEDED)
        self.saved_loop = events._get_running_loop()
        events._set_running_loop(None)
        self.monitoring = False
        try:
            mon = sys.monitoring
            mon.use_tool_id(mon.OPTIMIZER_ID - 1, "asyncio-sim")
            mon.register_callback(mon.OPTIMIZER_ID - 1, mon.events.JUMP, self.on_jump)
            mon.set_events(mon.OPTIMIZER_ID - 1, mon.events.JUMP)
            self.monitoring = True
        except (ValueError, AttributeError):
            pass

    def leave(self):
        global _session
        if self.ended is not None and getattr(self, "module", None) is not None:
            # The program is over: let go of its objects now, while its output is still ours
            # (and muted), not in another program's run; name its primitives first, after
            # the module's variables that are about to go.
            self.name_primitives()
            self.module.__dict__.clear()
            self.driver = None
            gc.collect()
        if self.monitoring:
            mon = sys.monitoring
            mon.set_events(mon.OPTIMIZER_ID - 1, 0)
            mon.register_callback(mon.OPTIMIZER_ID - 1, mon.events.JUMP, None)
            mon.free_tool_id(mon.OPTIMIZER_ID - 1)
        events._set_running_loop(self.saved_loop)
        self.random_state = random.getstate()
        random.setstate(self.saved_random)
        if getattr(self, "module", None) is not None and self.saved_main is not None:
            sys.modules["__main__"] = self.saved_main
        for target, name, value in reversed(self.saved):
            setattr(target, name, value)
        self.saved = []
        _session = self.previous_session

    # ---- the end

    def finish(self, reason, message="", line=-1, culprit=-1, error=None):
        if reason in ("complete", "exception"):
            self.exit_messages()
        self.out.finish()
        self.err.finish()
        self.stopping = True
        blocked = []
        for task in self.live_tasks():
            if not task.done() or task._sim_id == culprit:
                blocked.append([task._sim_id, self.task_line(task) if task._sim_id != culprit else line])
        limit = 0
        if reason == "livelock":
            limit = self.limits["max_iterations_per_instant"]
        elif reason == "no-yield":
            limit = self.limits["max_jumps_per_step"]
        elif reason == "event-limit":
            limit = self.limits["max_events"]
        culprits = [culprit] if culprit >= 0 else []
        if reason == "livelock":
            since = max(self.instant_since + 1, self.iterations - 1000)
            culprits = sorted(t for t, k in self.last_ran.items() if k >= since)
        self.emit(END, culprit, END_REASONS.index(reason), -1, line)
        self.ended = {
            "reason": reason,
            "time": self.clock,
            "iterations": self.iterations,
            "message": message,
            "line": line,
            "blocked": blocked,
            "culprits": culprits,
            "limit": limit,
            "error": error,
        }
        self.close_quietly()

    def live_tasks(self):
        return [task for task in (ref() for ref in self.all_tasks) if task is not None]

    def finish_stopped(self, stop):
        if self.current is None and stop.task is not None:
            self.current = stop.task
        culprit = self.current._sim_id if self.current is not None else -1
        if isinstance(stop, _Idle):
            self.current = None
            self.finish("deadlock")
            return
        line = stop.line
        if stop.reason in ("no-yield", "unsupported") and line < 0 and self.current is not None:
            line = self.task_line(self.current)
        if stop.reason == "livelock":
            culprit = -1
        self.current = None
        self.finish(stop.reason, message=stop.message, line=line, culprit=culprit)

    def finish_exception(self, error):
        text = _format_exception(error, self.filename)
        for line in text.rstrip("\n").split("\n"):
            self.print_line(line, 1)
        where = _error_line(error, self.filename)
        self.current = None
        self.finish("exception", message=_error_text(error), line=where,
                    error={"type": type(error).__name__, "message": str(error), "line": where,
                           "traceback": text})

    def exit_messages(self):
        """What CPython says when a program that ended frees its tasks: a task whose exception
        nobody retrieved is logged ("Task exception was never retrieved")."""
        for task in self.live_tasks():
            if task.done() and not task.cancelled() and task._log_traceback:
                task._log_traceback = False
                loop = task.get_loop()
                loop.call_exception_handler({
                    "message": "Task exception was never retrieved",
                    "exception": task._exception,
                    "future": task,
                })

    def close_quietly(self):
        """Closes what is left of the program without a word, so that nothing of it speaks later
        (in another program's run, when the garbage collector frees it): the coroutines of
        unfinished tasks (while their loop is open), the loops, the module's names."""
        self.muted = True
        for task in self.live_tasks():
            task._log_destroy_pending = False
            if task.done():
                if not task.cancelled():
                    task._log_traceback = False
                continue
            try:
                task.get_coro().close()
            except BaseException:
                pass
        for loop in self.loops:
            if not loop.is_closed() and not loop.is_running():
                loop._ready.clear()
                loop._scheduled.clear()
                try:
                    loop.close()
                except BaseException:
                    pass
        self.silence = True

    def syntax_chunk(self):
        error = self.syntax_error
        self.ended = {
            "reason": "syntax",
            "time": 0.0,
            "iterations": 0,
            "message": f"{type(error).__name__}: {error.msg}",
            "line": error.lineno or -1,
            "blocked": [],
            "culprits": [],
            "limit": 0,
            "error": None,
            "syntax": {
                "type": type(error).__name__,
                "message": error.msg,
                "line": error.lineno or 1,
                "column": error.offset or 1,
                "endLine": error.end_lineno or error.lineno or 1,
                "endColumn": error.end_offset or (error.offset or 1),
                "text": "".join(traceback.format_exception_only(type(error), error)),
            },
        }
        return self.flush()

    # ---- the chunk

    def flush(self):
        """The records since the last flush, for the host (see src/python/chunk.ts)."""
        self.name_primitives()
        new_primitives = [[entry[5], entry[2], entry[3], entry[4]]
                          for entry in self.primitives[self.primitives_flushed:]]
        self.primitives_flushed = len(self.primitives)
        chunk = {
            "events": array("i", self.events).tobytes(),
            "iters": array("d", self.iters).tobytes(),
            "timers": array("d", self.timers).tobytes(),
            "strings": self.new_strings,
            "tasks": self.task_names,
            "primitives": new_primitives,
            "groups": self.groups[self.groups_flushed:],
            "time": self.clock,
            # Paused: the clock of the next iteration (everything before it is recorded).
            "next": None if self.ended is not None else getattr(self, "next_time", None),
            "end": self.ended,
        }
        self.events = []
        self.iters = []
        self.timers = []
        self.new_strings = []
        self.task_names = []
        self.groups_flushed = len(self.groups)
        return chunk

    def name_primitives(self):
        """Names the primitives not yet sent (late: a module's `window = Queue()` is assigned
        after the Queue is made), and lets go of the frames that made them."""
        for entry in self.primitives[self.primitives_flushed:]:
            if len(entry) == 5:
                obj, frame, kind = entry[0], entry[1], entry[2]
                entry.append(self.primitive_name(obj, frame, kind))
                entry[1] = None

    def primitive_name(self, obj, frame, kind):
        """The primitive's Python variable where one can be found: in the frame that made it
        (or an attribute of one of its variables, `self.queue`), or in the module's globals."""
        part_of = getattr(obj, "_sim_part_of", None)
        if part_of is not None:
            entry = self.primitives[part_of._sim_id]
            owner = entry[5] if len(entry) > 5 else self.primitive_name(part_of, entry[1], entry[2])
            return f"{owner}'s lock"
        frames = frame or []
        places = [f.f_locals for f in frames[:1]] + [f.f_globals for f in frames[:1]]
        if self.globals is not None:
            places.append(self.globals)
        for place in places:
            name = _variable_of(place, obj)
            if name is not None:
                return name
        for i, f in enumerate(frames):
            for name, value in list(f.f_locals.items()):
                attributes = getattr(value, "__dict__", None)
                if isinstance(attributes, dict):
                    for attr, inner in list(attributes.items()):
                        if inner is obj:
                            if name == "self":
                                # Whoever holds that self, in the callers: shop.counter.
                                for caller in frames[i + 1:] + ([] if self.globals is None else [None]):
                                    place = caller.f_locals if caller is not None else self.globals
                                    holder = _variable_of(place, value)
                                    if holder is not None:
                                        return f"{holder}.{attr}"
                            return f"{name}.{attr}"
        same = sum(1 for p in self.primitives[:obj._sim_id] if p[2] == kind)
        base = kind.lower()
        return base if same == 0 else f"{base}{same + 1}"


def _variable_of(place, obj):
    for name, value in list(place.items()):
        if value is obj and not name.startswith("__") and name not in ("self", "cls"):
            return name
    return None


_RUN_METHODS = {"run", "run_until_complete", "run_forever"}


def _may_run(stmt, run_names):
    """Whether a statement has a call that `_RunCalls` may rewrite (it has the last word)."""
    for node in ast.walk(stmt):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in _RUN_METHODS:
                return True
            if isinstance(func, ast.Name) and func.id in run_names:
                return True
    return False


def _copy(node):
    import copy
    return copy.deepcopy(node)


_SEEDED = random.Random(0).getstate()

_THIS_FILE = __file__ if "__file__" in globals() else "_asyncio_sim.py"


def _ours(filename):
    return filename == _THIS_FILE or filename.endswith("_asyncio_sim.py")


def _filter(te):
    """Our own frames out of a TracebackException, recursively (causes, contexts, groups)."""
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if not _ours(f.filename)])
    for inner in (te.__cause__, te.__context__):
        if inner is not None:
            _filter(inner)
    for inner in getattr(te, "exceptions", None) or ():
        _filter(inner)


def _format_exception(error, filename):
    te = traceback.TracebackException(type(error), error, error.__traceback__, compact=True)
    _filter(te)
    return "".join(te.format())


def _error_line(error, filename):
    line = -1
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
