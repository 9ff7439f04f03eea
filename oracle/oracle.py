"""CPython's asyncio as the judge.

Runs a scenario file (the simulator's JSON format, version 1) in *real* asyncio: real Task,
Queue, Lock, Semaphore and Event objects, on a real ``BaseEventLoop`` whose clock is virtual.
Only the clock and the selector are replaced:

* ``time()`` reads a counter; ``select(timeout)`` never sleeps but moves the counter to the
  head timer's deadline (as a real clock whose steps cost nothing would);
* timers due at the same instant fire in creation order (a ``TimerHandle`` subclass compares
  ``(when, seq)``), the simulator's documented convention;
* the clock resolution is 1e-9 whatever the platform says;
* a Connection's socket is a ``VirtualSocket``, whose server is a schedule of data on the
  virtual clock: the loop is a real ``BaseSelectorEventLoop`` (its ``sock_connect``,
  ``_SelectorSocketTransport`` and ``StreamReader``), and the selector reports the socket
  writable once the server accepted, readable once its data or EOF arrived.

The scenario is interpreted by plain ``async def`` code (``_Interpreter``) that awaits the real
primitives (``Queue.task_done``/``join`` included), creates tasks with the real ``create_task``
(before the loop, or for a spawn or gather step), awaits them and ``asyncio.gather`` itself, and
records the completion of every step: loop iteration, virtual time, task, step index. The simulator's trace must give the same records, event for event.

The log alone (``--format log``, ``run_log``) comes from a lean interpreter instead: the same
primitives on the same loop, without the per-step instrumentation, as a hand-written program
would run them; it is what ``npm run bench`` measures. It is used only when no task can reach
the no-yield bound, so its run is the instrumented one (oracle/lean.test.ts checks the logs).

Used by the differential tests under Pyodide (CPython 3.14 in Node) and by ``npm run bench``
with a native ``python3``. Works with CPython >= 3.11.

    python3 oracle/oracle.py SCENARIO.json [--until T] [--format log|records]
"""

import asyncio
import asyncio.base_events
import asyncio.selector_events
import asyncio.unix_events
import ast
import contextlib
import errno
import heapq
import io
import json
import math
import re
import selectors
import socket
import stat
import sys
import types

MAXIMUM_SELECT_TIMEOUT = 24 * 3600
DEFAULT_MAX_ITERATIONS_PER_INSTANT = 100_000
DEFAULT_MAX_OPS_PER_STEP = 1_000_000


class Stop(SystemExit):
    """Ends the run from inside the loop. A SystemExit, so that Task.__step lets it through."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class VirtualTimer(asyncio.TimerHandle):
    __slots__ = ("_seq",)

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)

    def __le__(self, other):
        return (self._when, self._seq) <= (other._when, other._seq)

    def __gt__(self, other):
        return (self._when, self._seq) > (other._when, other._seq)

    def __ge__(self, other):
        return (self._when, self._seq) >= (other._when, other._seq)


FIRST_FD = 6  # as in a fresh CPython process: 3 is epoll, 4 and 5 the self-pipe
FIRST_PORT = 8001


class VirtualServer:
    """What a Connection's server does, on the virtual clock: it accepts ``latency`` seconds
    after the connect starts, then sends each text ``after`` seconds later, then EOF."""

    def __init__(self, latency, data, eof=None):
        self.latency = latency
        self.data = [(after, text.encode()) for after, text in data]
        self.eof = math.inf if eof is None else eof


def child_code(output, exit_after, returncode):
    """The ``python -c`` program of a Process: prints each text at its time, then exits."""
    return (
        "import sys, time\n"
        f"output, exit_after, returncode = {(list(output), exit_after, returncode)!r}\n"
        "start = time.monotonic()\n"
        "for after, text in output:\n"
        "    time.sleep(max(0, start + after - time.monotonic()))\n"
        "    sys.stdout.write(text)\n"
        "    sys.stdout.flush()\n"
        "time.sleep(max(0, start + exit_after - time.monotonic()))\n"
        "sys.exit(returncode)\n"
    )


def arrived(schedule, next, start, eof, now):
    """A non-blocking read of a schedule of (after, bytes) from entry ``next``: everything that
    has arrived by ``now``, else b'' at EOF, else BlockingIOError; and the next entry."""
    chunks = []
    while next < len(schedule) and start + schedule[next][0] <= now:
        chunks.append(schedule[next][1])
        next += 1
    if chunks:
        return b"".join(chunks), next
    if start + eof <= now:
        return b"", next
    raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")


class VirtualPipe:
    """The read end of a child's stdout: its output arrives on the virtual clock, then EOF when
    it exits."""

    def __init__(self, loop, child):
        self.loop = loop
        self.child = child
        self.fd = loop.new_fd(self)
        self.next = 0

    def fileno(self):
        return self.fd

    def ready_at(self, events):
        output = self.child.output
        if self.next < len(output):
            return self.child.started + output[self.next][0]
        return self.child.started + self.child.exit_after

    def read(self, size):
        data, self.next = arrived(self.child.output, self.next, self.child.started,
                                  self.child.exit_after, self.loop.time())
        return data

    def close(self):
        pass


class VirtualPidfd:
    """A child's pidfd: readable once it exited."""

    def __init__(self, loop, child):
        self.child = child
        self.fd = loop.new_fd(self)

    def ready_at(self, events):
        return self.child.started + self.child.exit_after


class VirtualPopen:
    """``subprocess.Popen`` of a Process's ``python -c`` program (see child_code), run on the
    virtual clock: only its stdout pipe and its exit are simulated."""

    def __init__(self, args, stdin=None, stdout=None, stderr=None, **kwargs):
        loop = asyncio.events.get_running_loop()
        assigned = args[2].splitlines()[1].split(" = ", 1)[1]
        output, self.exit_after, self.exit_code = ast.literal_eval(assigned)
        self.output = [(after, text.encode()) for after, text in output]
        self.started = loop.time()
        self.pid = loop.first_pid + len(loop.children)
        loop.children[self.pid] = self
        self.stdin = self.stderr = None
        self.stdout = VirtualPipe(loop, self)
        self.returncode = None

    def poll(self):
        return self.returncode

    def kill(self):
        pass


class VirtualOs(types.ModuleType):
    """``os`` for asyncio's unix_events: the virtual fds (pipes, pidfds) answer here, everything
    else is the real module."""

    def __init__(self, real):
        super().__init__("os")
        self.__dict__.update(real.__dict__)
        self._real = real
        # A module's own attributes come before its class's methods: set these over them.
        for name in ("fstat", "set_blocking", "read", "close", "pidfd_open", "waitpid",
                     "waitstatus_to_exitcode"):
            setattr(self, name, getattr(type(self), name).__get__(self))

    def _virtual(self, fd):
        loop = asyncio.events._get_running_loop()
        return loop.fds.get(fd) if isinstance(loop, VirtualLoop) else None

    def fstat(self, fd):
        if self._virtual(fd) is not None:
            return types.SimpleNamespace(st_mode=stat.S_IFIFO)
        return self._real.fstat(fd)

    def set_blocking(self, fd, blocking):
        if self._virtual(fd) is None:
            self._real.set_blocking(fd, blocking)

    def read(self, fd, size):
        pipe = self._virtual(fd)
        return pipe.read(size) if pipe is not None else self._real.read(fd, size)

    def close(self, fd):
        if self._virtual(fd) is None:
            self._real.close(fd)

    def pidfd_open(self, pid, flags=0):
        loop = asyncio.events.get_running_loop()
        return VirtualPidfd(loop, loop.children[pid]).fd

    def waitpid(self, pid, options):
        loop = asyncio.events.get_running_loop()
        child = loop.children[pid]
        child.returncode = child.exit_code
        return pid, child.exit_code << 8

    def waitstatus_to_exitcode(self, status):
        return status >> 8


class VirtualSocket:
    """A non-blocking TCP socket whose peer is a VirtualServer."""

    family = socket.AF_INET
    type = socket.SOCK_STREAM
    proto = socket.IPPROTO_TCP

    def __init__(self, loop):
        self.loop = loop
        self.fd = loop.new_fd(self)
        self.server = None
        self.opened_at = math.inf
        self.next = 0
        self.closed = False

    def fileno(self):
        return -1 if self.closed else self.fd

    def setblocking(self, flag):
        pass

    def gettimeout(self):
        return 0.0

    def setsockopt(self, *args):
        pass

    def getsockopt(self, level, option):
        return 0  # SO_ERROR: the connect succeeded

    def getsockname(self):
        return ("127.0.0.1", 40000 + self.fd)

    def getpeername(self):
        return ("127.0.0.1", self.port)

    def connect(self, address):
        self.port = address[1]
        self.server = self.loop.servers[self.port]
        self.opened_at = self.loop.time() + self.server.latency
        raise BlockingIOError(errno.EINPROGRESS, "Operation now in progress")

    def ready_at(self, events):
        """When the selector reports it ready for ``events``."""
        if events & selectors.EVENT_WRITE:
            return self.opened_at
        if self.next < len(self.server.data):
            return self.opened_at + self.server.data[self.next][0]
        return self.opened_at + self.server.eof

    def recv(self, size):
        data, self.next = arrived(self.server.data, self.next, self.opened_at, self.server.eof,
                                  self.loop.time())
        return data

    def send(self, data):
        return len(data)  # the server reads everything at once

    def shutdown(self, how):
        pass

    def close(self):
        self.closed = True


class VirtualSelector(selectors._BaseSelectorImpl):
    def __init__(self, loop):
        super().__init__()
        self.loop = loop

    def ready_at(self):
        """When a registered fd next becomes ready (inf: never)."""
        fds = self.loop.fds
        return min((fds[fd].ready_at(key.events) for fd, key in self._fd_to_key.items()),
                   default=math.inf)

    def select(self, timeout):
        loop = self.loop
        interrupt = loop.interrupt
        io = self.ready_at()
        if timeout is None and io == math.inf:
            # run_forever() waits here for ever, unless a Ctrl-C comes while a task is left.
            if interrupt is not None and any(not t.done() for t in asyncio.all_tasks(loop)):
                loop._now = max(loop._now, interrupt)
                raise KeyboardInterrupt
            raise Stop("idle")
        if timeout != 0 and io > loop._now:
            # Wait for the head timer, or for an fd to become ready if that comes first.
            wake = min(loop.select_time() if timeout is not None else math.inf, io)
            if interrupt is not None and interrupt < wake:
                # The signal's handler raises KeyboardInterrupt out of the waiting select().
                loop._now = max(loop._now, interrupt)
                raise KeyboardInterrupt
            loop._now = wake
        if loop._now == loop._last_select:
            loop._stuck += 1
        else:
            loop._stuck = 0
        loop._last_select = loop._now
        if loop._stuck >= loop.max_iterations_per_instant:
            raise Stop("livelock")
        fds = loop.fds
        return [(key, key.events) for fd, key in sorted(self._fd_to_key.items())
                if fds[fd].ready_at(key.events) <= loop._now]


class VirtualLoop(asyncio.unix_events._UnixSelectorEventLoop):
    def __init__(self, until=None, max_iterations_per_instant=DEFAULT_MAX_ITERATIONS_PER_INSTANT,
                 interrupt=None, servers=None):
        self.interrupt = interrupt  # Ctrl-C at this virtual time
        self.fds = {}  # fd -> VirtualSocket, VirtualPipe or VirtualPidfd
        self.servers = servers or {}  # port -> VirtualServer
        self.children = {}  # pid -> VirtualPopen
        self.first_pid = 4242
        super().__init__(VirtualSelector(self))
        # As on Linux >= 5.3: a child's exit is seen on its pidfd, by the selector (3.14's
        # loop owns its watcher; a Process needs it, the other scenarios run on 3.11 too).
        watcher = getattr(asyncio.unix_events, "_PidfdChildWatcher", None)
        if watcher is not None:
            self._watcher = watcher()
        self._clock_resolution = 1e-9
        self._now = 0.0
        self._seq = 0
        self._last_select = None
        self._stuck = 0
        self.iteration = 0
        self.until = until
        self.max_iterations_per_instant = max_iterations_per_instant
        self.set_exception_handler(lambda loop, context: None)

    def time(self):
        return self._now

    def block(self, seconds):
        """``time.sleep(seconds)`` in a callback: the thread sleeps, the clock moves on (a
        Ctrl-C meanwhile ends the sleep with KeyboardInterrupt)."""
        end = self._now + seconds
        if self.interrupt is not None and end > self.interrupt:
            self._now = max(self._now, self.interrupt)
            raise KeyboardInterrupt
        self._now = end

    def select_time(self):
        """Where select(timeout > 0) leaves the clock: at the head timer's deadline; or, from
        2**24 s on, where now + 1e-9 == now, one float past it, as a real clock always is, so
        that _run_once finds the timer due."""
        head = self._scheduled[0]._when
        if head - self._now > MAXIMUM_SELECT_TIMEOUT:
            return self._now + MAXIMUM_SELECT_TIMEOUT
        if head + self._clock_resolution > head:
            return head
        return math.nextafter(head, math.inf)

    def call_at(self, when, callback, *args, context=None):
        timer = VirtualTimer(when, callback, args, self, context)
        timer._seq = self._seq
        self._seq += 1
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def new_fd(self, obj):
        """The next fd (none is reused here), for a virtual socket, pipe or pidfd."""
        fd = FIRST_FD + len(self.fds)
        self.fds[fd] = obj
        return fd

    def _make_self_pipe(self):
        pass  # no socketpair here, and nothing writes to it: no thread, no signal

    def _close_self_pipe(self):
        pass

    def _write_to_self(self):
        pass

    def _next_iteration_time(self):
        """The clock the next iteration will read after select; None when it ends the run."""
        if self._ready:
            return self._now
        io = self._selector.ready_at()
        if io <= self._now:
            return self._now
        live = [t for t in self._scheduled if not t._cancelled]
        if not live and io == math.inf:
            if self.interrupt is not None and any(not t.done() for t in asyncio.all_tasks(self)):
                return max(self._now, self.interrupt)
            return None
        if live:
            head = min(live)
            timeout = head._when - self._now
            if timeout > MAXIMUM_SELECT_TIMEOUT:
                upcoming = self._now + MAXIMUM_SELECT_TIMEOUT
            else:
                upcoming = head._when if timeout > 0 else self._now
            upcoming = min(upcoming, io)
        else:
            upcoming = io
        if self.interrupt is not None and self.interrupt < upcoming:
            return max(self._now, self.interrupt)
        return upcoming

    def _run_once(self):
        if self.until is not None:
            upcoming = self._next_iteration_time()
            if upcoming is not None and upcoming > self.until:
                raise Stop("until")
        self.iteration += 1
        super()._run_once()

    def run_and_stop(self):
        """run_forever until a Stop; returns its reason. Pyodide's own loop is set aside."""
        previous = asyncio.events._get_running_loop()
        asyncio.events._set_running_loop(None)
        try:
            self.run_forever()
        except Stop as stop:
            return stop.reason
        except KeyboardInterrupt:
            return "interrupted"
        finally:
            asyncio.events._set_running_loop(previous)
        return "stopped"


def servers_of(scenario):
    """The scenario's Connections: {name: port} and {port: VirtualServer}, ports in order."""
    ports, servers = {}, {}
    for name, spec in scenario["primitives"].items():
        if spec["type"] == "Connection":
            port = ports[name] = FIRST_PORT + len(ports)
            servers[port] = VirtualServer(spec["latency"], [(d["after"], d["text"]) for d in spec["data"]],
                                          spec.get("eof"))
    return ports, servers


@contextlib.contextmanager
def virtual_sockets():
    """``socket.socket()`` in asyncio's base_events (``create_connection``'s) makes a
    VirtualSocket while a VirtualLoop runs; everything else is the real module."""
    real = asyncio.base_events.socket
    proxy = types.ModuleType("socket")
    proxy.__dict__.update(real.__dict__)

    def make(family=-1, type=-1, proto=-1, fileno=None):
        loop = asyncio.events._get_running_loop()
        if isinstance(loop, VirtualLoop):
            return VirtualSocket(loop)
        return real.socket(family, type, proto, fileno)

    proxy.socket = make
    asyncio.base_events.socket = proxy
    unix = asyncio.unix_events
    real_os, real_subprocess = unix.os, unix.subprocess
    unix.os = VirtualOs(real_os)
    unix.subprocess = types.ModuleType("subprocess")
    unix.subprocess.__dict__.update(real_subprocess.__dict__)
    unix.subprocess.Popen = VirtualPopen
    try:
        yield
    finally:
        asyncio.base_events.socket = real
        unix.os, unix.subprocess = real_os, real_subprocess


def render(text, n, item):
    """{n} and {item}, scanned left to right, as the simulator does."""
    return re.sub(r"\{n\}|\{item\}", lambda m: str(n) if m.group(0) == "{n}" else str(item), text)


def make_primitive(spec):
    kind = spec["type"]
    if kind == "Queue":
        return asyncio.Queue(maxsize=spec.get("maxsize", 0))
    if kind == "Lock":
        return asyncio.Lock()
    if kind == "Event":
        return asyncio.Event()
    if kind == "Semaphore":
        return asyncio.Semaphore(spec.get("value", 1))
    if kind == "BoundedSemaphore":
        return asyncio.BoundedSemaphore(spec.get("value", 1))
    if kind in ("Connection", "Process"):
        return None  # a server (see servers_of) or a child process
    raise ValueError(f"unknown primitive type {kind!r}")


class _Interpreter:
    """Runs the steps of the scenario's tasks with real asyncio, recording each step's completion."""

    def __init__(self, scenario, loop, records, log, max_ops_per_step):
        self.loop = loop
        self.records = records
        self.log = log
        self.max_ops = max_ops_per_step
        self.primitives = {name: make_primitive(spec) for name, spec in scenario["primitives"].items()}
        self.specs = {spec["name"]: spec for spec in scenario["tasks"]}
        self.tasks = {}
        # task name -> index of the step being run, -1 before the first
        self.position = {spec["name"]: -1 for spec in scenario["tasks"]}
        self.ops = {}
        self.culprit = None  # the task stopped for never yielding
        self.ports, _ = servers_of(scenario)
        self.streams = {}  # connection -> (reader, writer), once open_connection returned
        self.programs = {name: (spec["output"], spec["exit"], spec.get("returncode", 0))
                         for name, spec in scenario["primitives"].items() if spec["type"] == "Process"}
        self.procs = {}  # process -> asyncio.subprocess.Process, once started

    def start(self, name):
        """``tasks[name] = asyncio.create_task(...)``."""
        task = self.tasks[name] = self.loop.create_task(self.run_task(self.specs[name]), name=name)
        return task

    def index_steps(self, steps, out):
        for step in steps:
            out[id(step)] = len(out)
            if step["op"] == "repeat":
                self.index_steps(step["steps"], out)
        return out

    def count(self, name):
        self.ops[name] += 1
        if self.ops[name] > self.max_ops:
            self.culprit = name
            raise Stop("no-yield")

    def done(self, name, step_index, kind, extra=None):
        if self.records is not None:
            self.records.append([self.loop.iteration, self.loop.time(), name, step_index, kind, extra])

    async def blocking(self, name, awaitable):
        before = self.loop.iteration
        result = await awaitable
        if self.loop.iteration != before:
            self.ops[name] = 0  # the task gave control back to the loop
        return result

    async def run_task(self, spec):
        name = spec["name"]
        index = self.index_steps(spec["steps"], {})
        state = {"item": None}
        self.ops[name] = 0
        await self.run_steps(name, spec["steps"], 1, index, state)

    async def run_steps(self, name, steps, n, index, state):
        p = self.primitives
        for step in steps:
            i = index[id(step)]
            self.position[name] = i
            self.count(name)
            op = step["op"]
            if op == "sleep":
                await self.blocking(name, asyncio.sleep(step["seconds"]))
                self.done(name, i, "sleep")
            elif op == "block":
                self.loop.block(step["seconds"])
                self.done(name, i, "block")
            elif op == "put":
                value = step.get("value")
                value = None if value is None else render(value, n, state["item"])
                await self.blocking(name, p[step["queue"]].put(value))
                self.done(name, i, "put", value)
            elif op == "get":
                state["item"] = await self.blocking(name, p[step["queue"]].get())
                self.done(name, i, "get", state["item"])
            elif op == "acquire":
                await self.blocking(name, p[step["lock"]].acquire())
                self.done(name, i, "acquire")
            elif op == "release":
                p[step["lock"]].release()
                self.done(name, i, "release")
            elif op == "set":
                p[step["event"]].set()
                self.done(name, i, "set")
            elif op == "clear":
                p[step["event"]].clear()
                self.done(name, i, "clear")
            elif op == "wait":
                await self.blocking(name, p[step["event"]].wait())
                self.done(name, i, "wait")
            elif op == "log":
                text = render(step["text"], n, state["item"])
                self.log.append((self.loop.time(), name, text))
                self.done(name, i, "log", text)
            elif op == "cancel":
                accepted = self.tasks[step["task"]].cancel()
                self.done(name, i, "cancel", accepted)
            elif op == "task_done":
                p[step["queue"]].task_done()
                self.done(name, i, "task_done")
            elif op == "join":
                await self.blocking(name, p[step["queue"]].join())
                self.done(name, i, "join")
            elif op == "spawn":
                self.start(step["task"])
                self.done(name, i, "spawn")
            elif op == "await":
                await self.blocking(name, self.tasks[step["task"]])
                self.done(name, i, "await")
            elif op == "gather":
                children = [self.start(child) for child in step["tasks"]]
                await self.blocking(name, asyncio.gather(*children))
                self.done(name, i, "gather")
            elif op == "connect":
                conn = step["conn"]
                self.streams[conn] = await self.blocking(
                    name, asyncio.open_connection("127.0.0.1", self.ports[conn]))
                self.done(name, i, "connect")
            elif op == "exec":
                output, exit_after, returncode = self.programs[step["proc"]]
                code = child_code([(d["after"], d["text"]) for d in output], exit_after, returncode)
                self.procs[step["proc"]] = await self.blocking(name, asyncio.create_subprocess_exec(
                    sys.executable, "-c", code, stdout=asyncio.subprocess.PIPE))
                self.done(name, i, "exec")
            elif op == "proc_wait":
                returncode = await self.blocking(name, self.procs[step["proc"]].wait())
                self.done(name, i, "proc_wait", str(returncode))
            elif op in ("readline", "read"):
                if "proc" in step:
                    reader = self.procs[step["proc"]].stdout
                else:
                    reader, _ = self.streams[step["conn"]]
                data = await self.blocking(
                    name, reader.readline() if op == "readline" else reader.read(step["n"]))
                text = data.decode()
                state["item"] = text[:-1] if text.endswith("\n") else text
                self.done(name, i, "read", text)
            elif op == "write":
                _, writer = self.streams[step["conn"]]
                text = render(step["text"], n, state["item"])
                writer.write(text.encode())
                await self.blocking(name, writer.drain())
                self.done(name, i, "write", text)
            elif op == "close":
                _, writer = self.streams[step["conn"]]
                writer.close()
                await self.blocking(name, writer.wait_closed())
                self.done(name, i, "close")
            elif op == "repeat":
                times = step.get("times")
                if times is None or times > 0:
                    k = 1
                    while True:
                        await self.run_steps(name, step["steps"], k, index, state)
                        if times is not None and k >= times:
                            break
                        self.count(name)
                        k += 1
            else:
                raise ValueError(f"unknown op {op!r}")


def max_ops(steps):
    """The most steps (as ``_Interpreter.count`` counts them) a task can run, or None if endless.

    When every task's bound is within the no-yield bound, that bound can never be reached and
    the lean path below gives exactly the same run."""
    total = 0
    for step in steps:
        total += 1
        if step["op"] == "repeat":
            times = step.get("times")
            body = max_ops(step["steps"])
            if times is None or body is None:
                return None
            if times > 0:
                total += times * body + times - 1
    return total


def run_log(scenario, until=None,
            max_iterations_per_instant=DEFAULT_MAX_ITERATIONS_PER_INSTANT,
            max_ops_per_step=DEFAULT_MAX_OPS_PER_STEP):
    """The log alone (a list of (time, task, text)): the lean path when the no-yield bound
    cannot be reached, else ``run`` without records."""
    bounds = (max_ops(spec["steps"]) for spec in scenario["tasks"])
    connections = any(spec["type"] in ("Connection", "Process")
                      for spec in scenario["primitives"].values())
    if connections or any(bound is None or bound > max_ops_per_step for bound in bounds):
        return run(scenario, until=until, records=False,
                   max_iterations_per_instant=max_iterations_per_instant,
                   max_ops_per_step=max_ops_per_step)["log"]
    loop = VirtualLoop(until=until, max_iterations_per_instant=max_iterations_per_instant,
                       interrupt=scenario.get("interrupt"))
    primitives = {name: make_primitive(spec) for name, spec in scenario["primitives"].items()}
    specs = {spec["name"]: spec for spec in scenario["tasks"]}
    tasks = {}
    log = []
    time = loop.time

    def start(name):
        task = tasks[name] = loop.create_task(run_steps(name, specs[name]["steps"], 1, None), name=name)
        return task

    async def run_steps(name, steps, n, item):
        """A task's steps (or a repeat's body) in plain asyncio, with no instrumentation, as a
        hand-written interpreter would run them. Returns the last item got from a queue."""
        for step in steps:
            op = step["op"]
            if op == "log":
                text = step["text"]
                if "{" in text:
                    text = render(text, n, item)
                log.append((time(), name, text))
            elif op == "sleep":
                await asyncio.sleep(step["seconds"])
            elif op == "block":
                loop.block(step["seconds"])
            elif op == "put":
                value = step.get("value")
                if value is not None and "{" in value:
                    value = render(value, n, item)
                await primitives[step["queue"]].put(value)
            elif op == "get":
                item = await primitives[step["queue"]].get()
            elif op == "repeat":
                times = step.get("times")
                body = step["steps"]
                k = 1
                while times is None or k <= times:
                    item = await run_steps(name, body, k, item)
                    k += 1
            elif op == "acquire":
                await primitives[step["lock"]].acquire()
            elif op == "release":
                primitives[step["lock"]].release()
            elif op == "set":
                primitives[step["event"]].set()
            elif op == "clear":
                primitives[step["event"]].clear()
            elif op == "wait":
                await primitives[step["event"]].wait()
            elif op == "cancel":
                tasks[step["task"]].cancel()
            elif op == "task_done":
                primitives[step["queue"]].task_done()
            elif op == "join":
                await primitives[step["queue"]].join()
            elif op == "spawn":
                start(step["task"])
            elif op == "await":
                await tasks[step["task"]]
            elif op == "gather":
                await asyncio.gather(*[start(child) for child in step["tasks"]])
            else:
                raise ValueError(f"unknown op {op!r}")
        return item

    for spec in scenario["tasks"]:  # asyncio.ensure_future, in order, before the loop starts
        if spec.get("start", True):
            start(spec["name"])
    loop.run_and_stop()
    close_quietly(loop, tasks.values())
    return log


def run(scenario, until=None, records=True,
        max_iterations_per_instant=DEFAULT_MAX_ITERATIONS_PER_INSTANT,
        max_ops_per_step=DEFAULT_MAX_OPS_PER_STEP):
    """Runs a scenario with every step instrumented; returns {records, log, end}."""
    loop = VirtualLoop(until=until, max_iterations_per_instant=max_iterations_per_instant,
                       interrupt=scenario.get("interrupt"), servers=servers_of(scenario)[1])
    record_list = [] if records else None
    log = []
    interp = _Interpreter(scenario, loop, record_list, log, max_ops_per_step)
    for spec in scenario["tasks"]:  # asyncio.ensure_future, in order, before the loop starts
        if spec.get("start", True):
            interp.start(spec["name"])
    with virtual_sockets():
        reason = loop.run_and_stop()
    tasks = {}
    for spec in scenario["tasks"]:
        name = spec["name"]
        task = interp.tasks.get(name)
        if task is None:  # "start": false, and its spawn step never ran
            tasks[name] = {"state": "unstarted"}
        elif not task.done() or name == interp.culprit:
            tasks[name] = {"state": "pending", "step": interp.position[name]}
        elif task.cancelled():
            tasks[name] = {"state": "cancelled"}
        elif task.exception() is not None:
            exc = task.exception()
            message = str(exc)
            tasks[name] = {"state": "failed",
                           "error": f"{type(exc).__name__}: {message}" if message else type(exc).__name__}
        else:
            tasks[name] = {"state": "done"}
    if reason == "idle":
        reason = "complete" if all(t["state"] != "pending" for t in tasks.values()) else "deadlock"
    close_quietly(loop, interp.tasks.values())
    return {"records": record_list, "log": log, "end": {"reason": reason, "iterations": loop.iteration,
                                                         "time": loop.time(), "tasks": tasks}}


def close_quietly(loop, tasks):
    """Closes the coroutines of unfinished tasks while their loop is still open, then the loop.

    Their cleanup (a Queue's `except:` cancelling its waiter) needs an open loop; left to the
    garbage collector, it would run after the loop closed and print errors."""
    for task in tasks:
        if not task.done():
            task.get_coro().close()
    loop.close()


def format_log(log):
    return "".join(f"{t:.3f} {name} {text}\n" for t, name, text in log)


def run_json(scenario_json, until=None, max_iterations_per_instant=DEFAULT_MAX_ITERATIONS_PER_INSTANT,
             max_ops_per_step=DEFAULT_MAX_OPS_PER_STEP):
    """Entry point for the differential tests: JSON in, JSON out."""
    result = run(json.loads(scenario_json), until=until,
                 max_iterations_per_instant=max_iterations_per_instant,
                 max_ops_per_step=max_ops_per_step)
    result["log"] = format_log(result["log"])
    return json.dumps(result)


def run_log_json(scenario_json, until=None,
                 max_iterations_per_instant=DEFAULT_MAX_ITERATIONS_PER_INSTANT,
                 max_ops_per_step=DEFAULT_MAX_OPS_PER_STEP):
    """The log of ``run_log`` as text, for the tests of the lean path."""
    return format_log(run_log(json.loads(scenario_json), until=until,
                              max_iterations_per_instant=max_iterations_per_instant,
                              max_ops_per_step=max_ops_per_step))


@contextlib.contextmanager
def blocking_sleep():
    """``time.sleep`` blocks the running virtual loop: its clock moves on, nothing else runs."""
    import time

    real = time.sleep

    def sleep(seconds):
        loop = asyncio.events._get_running_loop()
        if isinstance(loop, VirtualLoop):
            if seconds < 0:
                raise ValueError("sleep length must be non-negative")
            loop.block(seconds)
        else:
            real(seconds)

    time.sleep = sleep
    try:
        yield
    finally:
        time.sleep = real


def run_generated(code, until=None):
    """Runs generated Python code's ``main()`` on the virtual loop; returns what it printed."""
    namespace = {"__name__": "generated"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out), blocking_sleep():
        exec(compile(code, "<generated>", "exec"), namespace)
        # Run as a script, the code calls main() under `if __name__ == "__main__"`: it must not
        # have rebound the module's name (a primitive named __name__ once did).
        if namespace["__name__"] != "generated":
            raise RuntimeError("the generated code rebinds __name__")
        loop = VirtualLoop(until=until)
        if "start_test_server" in namespace:
            # The code's test server is a thread; here it is the same schedule as a
            # VirtualServer (the client side, asyncio's, is what runs as written).
            def start_test_server(latency, data, eof):
                port = FIRST_PORT + len(loop.servers)
                loop.servers[port] = VirtualServer(latency, data, eof)
                return port

            namespace["start_test_server"] = start_test_server
        loop.create_task(namespace["main"]())
        with virtual_sockets():
            loop.run_and_stop()
        close_quietly(loop, asyncio.all_tasks(loop))
    return out.getvalue()


def run_program(source, filename="main.py"):
    """Runs a whole program in plain CPython asyncio on the virtual clock: every event loop it
    makes (asyncio.run, asyncio.Runner, new_event_loop) is a VirtualLoop, and nothing else is
    changed. Returns (stdout, stderr). The Python mode's tests expect its own run of the program
    to print the same (oracle/programs.test.ts)."""
    out, err = io.StringIO(), io.StringIO()
    saved = (asyncio.events.new_event_loop, asyncio.new_event_loop)
    previous = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    factory = lambda: VirtualLoop()  # noqa: E731
    asyncio.events.new_event_loop = asyncio.new_event_loop = factory
    namespace = {"__name__": "__main__", "__file__": filename}
    # As when CPython runs the file: warnings and tracebacks quote its lines.
    import linecache

    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), blocking_sleep():
            try:
                exec(compile(source, filename, "exec"), namespace)
            except Stop as stop:
                print(f"(stopped: {stop.reason})", file=sys.stderr)
            except BaseException:
                import traceback
                traceback.print_exc()
    finally:
        asyncio.events.new_event_loop, asyncio.new_event_loop = saved
        asyncio.events._set_running_loop(previous)
    return out.getvalue(), err.getvalue()


def main(argv):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--until", type=float)
    parser.add_argument("--format", choices=["log", "records"], default="log")
    args = parser.parse_args(argv)
    with open(args.scenario, encoding="utf-8") as f:
        scenario = json.load(f)
    if args.format == "log":
        sys.stdout.write(format_log(run_log(scenario, until=args.until)))
    else:
        result = run(scenario, until=args.until)
        json.dump({"records": result["records"], "end": result["end"]}, sys.stdout)
    if "--report-maxrss" in sys.argv or __import__("os").environ.get("REPORT_MAXRSS"):
        import resource

        print(f"maxrss_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
