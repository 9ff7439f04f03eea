/**
 * Every piece of UI text, in English and French. Python code and identifiers stay as in
 * Python. `{name}` in a message is replaced by the named parameter; `{name|one|many}` by `one`
 * or `many` as the number `name` is singular or plural in the language (in French, 0 and 1 are
 * singular: "1 élément", "0 élément", "2 éléments").
 */
import { VALIDATION_EN, type ValidationCode } from '../scenario/errors';

export type Lang = 'en' | 'fr';
export const LANGS: Lang[] = ['en', 'fr'];

export const en = {
  'app.title': 'asyncio, step by step',
  'app.titleAccent': 'step by step',
  'app.description':
    "Watch Python's asyncio event loop run, step by step: tasks, timers, queues, locks. Every ordering is CPython 3.14's.",
  'lang.label': 'Language',
  'view.compare': 'Compare',
  'view.full': 'Full view ↗',
  'view.compareTitle': 'Two parameter sets side by side, on one clock (C)',
  'compare.a': 'Run A',
  'compare.b': 'Run B',
  'compare.aNote': 'Run A: the parameters at the top of the page',
  'compare.bNote': 'Run B: the parameters on the line above',
  'compare.bParams': 'Run B: scenario and parameters',
  'compare.timeline': 'Timeline of run {run}',
  'compare.total': 'total time {t} s',
  'compare.endless': 'runs forever',
  // As in the course: a task "runs" inside its sleep (a Lock's workers pause in a sleep too).
  'compare.peak': 'at most {n} sleeping at once',
  'chart.title': 'Total time and peak concurrency against maxsize',
  'chart.time': 'total time',
  'chart.peak': 'peak concurrency',
  'chart.onlyWindow':
    'The chart is drawn for the job windows (Queue or Semaphore), which have jobs and a maxsize.',
  'chart.aria':
    'Chart for {jobs} {jobs|job|jobs}: the total time falls as maxsize grows, the peak concurrency rises; at maxsize {maxsize}: {time} s, {peak} at once',
  'chart.mark': '{run}: maxsize {maxsize}',
  'chart.unboundedAs': '0 (unbounded: as {jobs})',
  'chart.aboveAs': '{maxsize} (as {jobs})',
  'files.open': 'Open…',
  'files.openTitle':
    'Open a scenario file (JSON) or a Python program (.py), or drop one on the page',
  'files.save': 'Save',
  'files.saveTitle': 'Save this scenario as a file (JSON)',
  'files.drop': 'Drop a scenario file (JSON) to open it',
  'files.error': '{name} could not be opened: {message}',
  'files.tooBig':
    'it has {tasks} {tasks|task|tasks} and {steps} {steps|step|steps}, more than the page can show ({maxTasks} tasks, {maxSteps} steps); the command line can run it',
  'files.notText': 'it is not a text (JSON) file',
  'files.python': '{message}',
  'preset.file': 'File: {name}',
  'files.linked': 'scenario from the link',
  'view.label': 'View',
  'view.present': 'Present',
  'view.presentTitle': 'Presenter mode: full screen, large type (P)',
  'view.dark': 'Dark',
  'view.darkTitle': 'Dark theme (D)',
  'view.bottom': 'Console',
  'view.bottomTitle': 'Show the console and the code',
  'export.markdownTitle': 'Copy the table as Markdown',
  'export.svgTitle':
    'Download the timeline as shown now, as SVG (press End first for the whole run)',
  'export.pngTitle':
    'Download the timeline as shown now, as PNG (press End first for the whole run)',
  'lang.en': 'English',
  'lang.fr': 'Français',

  'params.label': 'Scenario and parameters',
  'params.scenario': 'Scenario',
  'preset.job-window': 'Job window (Queue tokens)',
  'preset.producer-consumer': 'Producer / consumer',
  'preset.semaphore-window': 'Job window (Semaphore)',
  'preset.unbounded': 'Unbounded (maxsize=0)',
  'preset.shared-lock': 'Shared resource (Lock)',
  'preset.event-start': 'Start together (Event)',
  'about.job-window':
    'The course: an asyncio.Queue(maxsize) used as a set of tokens. A job takes a token with put() before it runs and gives it back with get(): at most maxsize jobs run at once; the others wait, first come, first served.',
  'about.semaphore-window':
    'The same window, the idiomatic way: async with asyncio.Semaphore(n). A waiter that is woken gets its slot reserved, while a queue lets a newcomer take it first.',
  'about.unbounded':
    'Queue(maxsize=0) has no limit (as in Python, maxsize <= 0 means unbounded): put() never waits, and every job runs at once.',
  'about.producer-consumer':
    'The course: a producer and a consumer share an asyncio.Queue(maxsize). The producer waits when the queue is full, the consumer when it is empty. Both run forever.',
  'about.shared-lock':
    'One printer, several workers: async with asyncio.Lock() lets one worker in at a time. A released lock goes to the first waiter; a newcomer cannot jump the queue.',
  'about.event-start':
    'Runners wait for the same asyncio.Event; the starter sets it after a countdown, and set() wakes every waiter, in the order they began to wait.',
  'about.file':
    'Your scenario ({name}: {tasks} {tasks|task|tasks}). Its Python code is in the Python code tab.',
  'about.fileTitled':
    '{title} ({name}: {tasks} {tasks|task|tasks}). Its Python code is in the Python code tab.',
  'params.semaphoreValue': 'Semaphore value',
  'params.workers': 'workers',
  'params.rounds': 'rounds',
  'params.use': 'use of the printer (s)',
  'params.think': 'pause between uses (s)',
  'params.thinkHint': '0: no sleep at all',
  'params.runners': 'runners',
  'params.countdown': 'countdown (s)',
  'params.jobs': 'jobs',
  'params.windowMaxsize': 'window maxsize',
  'params.queueMaxsize': 'queue maxsize',
  'params.unbounded': '0 = unbounded, as in Python',
  'params.period': 'producer period (s)',
  'params.work': 'consumer work (s)',
  'params.workHint': '0: no sleep, as in the course',
  'params.durations': 'durations',
  'durations.formula': '(i % 3) + 1, the course',
  'durations.constant': 'the same for all',
  'durations.list': 'a list (repeated)',
  'durations.random': 'random, seeded',
  'durations.seconds': 'in seconds',
  'durations.seed': 'seed:max',
  'durations.errorRandom': 'SEED or SEED:MAX, like 42:3',
  'durations.errorConstant': 'A number of seconds',
  'durations.errorList': 'Seconds separated by commas, like 1, 2, 3',
  'field.wholeRange': 'A whole number from {min} to {max}',
  'field.numberRange': 'A number from {min} to {max}',

  'playback.label': 'Playback',
  'playback.restart': 'Restart',
  'playback.restartTitle': 'Restart (Home)',
  'playback.prevInstant': 'Previous instant',
  'playback.prevInstantTitle': 'Previous instant (↑ or Shift+←)',
  'playback.stepBack': 'Step back',
  'playback.stepBackTitle': 'Step back one event (← or Page Up)',
  'playback.play': 'Play',
  'playback.pause': 'Pause',
  'playback.playTitle': 'Play / pause (Space)',
  'playback.stepForward': 'Step forward',
  'playback.stepForwardTitle': 'Step to the next event (→ or Page Down)',
  'playback.nextInstant': 'Next instant',
  'playback.nextInstantTitle': 'Next instant (↓ or Shift+→)',
  'playback.end': 'To the end',
  'playback.endTitle': 'End (End)',
  'playback.time': 'Virtual time',
  'playback.seconds': '{t} {t|second|seconds}',
  'playback.speed': 'speed',

  'timeline.title': 'Timeline',
  'timeline.running': 'running (sleep)',
  'timeline.waiting': 'waiting',
  'timeline.done': 'done',
  'timeline.table': 'Table',
  'timeline.zoom': 'Zoom the timeline',
  'timeline.zoomOut': 'Zoom out',
  'timeline.zoomFit': 'Default zoom (1:1)',
  'timeline.zoomIn': 'Zoom in',
  'timeline.aria':
    'Timeline of {tasks} {tasks|task|tasks} over {seconds} {seconds|second|seconds}; its text version follows',
  'timeline.ariaTable':
    'Timeline of {tasks} {tasks|task|tasks} over {seconds} {seconds|second|seconds}; the Table button gives it as text',
  'timeline.notYet': '{task}: not yet (the playhead is at {t} s)',
  'timeline.tableCaption':
    'Timeline as text: during each slot of {slot} s, which task runs (inside its sleep) and which waits (for a token, an item, a lock)',
  'timeline.slot': 'slot (s)',
  'timeline.runs': 'runs',
  'timeline.waits': 'waits',
  'timeline.listLabel': 'Timeline as text: when each task waits and runs',
  'timeline.listRuns': 'runs {from}–{to} s',
  'timeline.listWaits': 'waits {from}–{to} s',
  'timeline.listDone': '; done at {t} s',

  'status.unstarted': 'not started',
  'status.created': 'created',
  'status.ready': 'ready',
  'status.running': 'running',
  'status.sleeping': 'sleeping',
  'status.waiting': 'waiting',
  'status.done': 'done',
  'status.failed': 'failed',
  'status.cancelled': 'cancelled',
  // How many tasks are in a state (the loop panel's summary: "5 done, 2 waiting").
  'count.unstarted': '{n} not started',
  'count.created': '{n} created',
  'count.ready': '{n} ready',
  'count.running': '{n} running',
  'count.sleeping': '{n} sleeping',
  'count.waiting': '{n} waiting',
  'count.done': '{n} done',
  'count.failed': '{n} failed',
  'count.cancelled': '{n} cancelled',

  'segment.sleeping': '{task} runs: inside asyncio.sleep({seconds}), {span}',
  'segment.put': '{task} waits for a free slot in {primitive} (blocked on put), {span}',
  'segment.get': '{task} waits for an item from {primitive} (blocked on get), {span}',
  'segment.acquire': '{task} waits to acquire {primitive}, {span}',
  'segment.event': '{task} waits for {primitive} to be set, {span}',
  'segment.join': '{task} waits for every item of {primitive} to be done (join), {span}',
  'segment.await': '{task} waits for task {target} to finish, {span}',
  'segment.gather': '{task} waits for {targets} to finish (gather), {span}',
  'segment.wait': '{task} waits for {targets} (asyncio.wait), {span}',
  'segment.taskgroup': "{task} waits for its TaskGroup's tasks {targets} to finish, {span}",
  'segment.future': '{task} waits for a future, {span}',
  'segment.condition': '{task} waits for a notify() of {primitive}, {span}',
  'segment.fromTo': 'from {from} to {to} s',
  'segment.since': 'since {from} s',

  // A blocking call (time.sleep inside a coroutine) and the lateness it causes.
  'block.timeline': 'blocks the loop',
  'block.list': 'blocks the loop {from}–{to} s',
  'block.segment':
    '{task} blocks the whole loop: time.sleep({seconds}), {span}; no other task or timer runs',
  'block.lateSegment':
    '{text}; woken {late} s late: its timer was due at {due} s, but the loop was blocked',
  'block.late': '{late} s late',
  'block.timerLate': 'due at {due} s, fired at {at} s: {late} s late',
  'block.legendBlocking': 'blocking',
  'block.legendLate': 'late',
  'preset.io-streams': 'Streams and select()',
  'about.io-streams':
    'Each client opens a TCP connection (asyncio.open_connection) and reads lines from its server. Its socket is a file descriptor registered with the selector: select(timeout) sleeps until one is ready (the connect done, a line arrived), and one select can return several. Each ready fd puts its callback (_read_ready) in the ready queue, which feeds the StreamReader and wakes the task waiting in readline(). The servers are simulated; the generated code starts real ones in a thread.',
  'params.clients': 'clients',
  'params.lines': 'lines',
  'params.interval': 'between lines (s)',
  'params.latency': 'latency (s)',
  'preset.io-subprocess': 'Subprocesses and select()',
  'about.io-subprocess':
    'Each reader starts a child process (asyncio.create_subprocess_exec with stdout=PIPE) and reads its lines. A child has two fds in the selector: its stdout pipe, readable when it prints, and its pidfd, readable once it exited. A helper task connects the pipe first; each line goes from _read_ready to pipe_data_received, the next iteration, before the reader wakes; wait() returns once _do_wait has reaped the child. The programs are simulated; the generated code runs them for real with python -c.',
  'preset.pitfall-blocking': 'time.sleep() blocks',
  'about.pitfall-blocking':
    'A coroutine calls time.sleep(2) instead of await asyncio.sleep(2): the whole loop stops inside that step. No other task runs and no timer fires; when it returns, every timer due meanwhile fires late (in red). Compare shows the fix beside it.',
  'params.seconds': 'length of the slow call (s)',
  'params.ticks': 'ticks',
  'aboutFixed.pitfall-blocking':
    'Pitfall fixed: the coroutine awaits asyncio.sleep(2), so the loop runs the ticker meanwhile and every timer fires on time. Compare shows the mistake beside it.',

  // The classroom quiz: "What happens next?"
  'view.quiz': 'Quiz',
  'view.quizTitle': 'What happens next? The playback stops and asks (Q)',
  'quiz.title': 'What happens next?',
  'quiz.idle': 'Quiz on: play or step, the playback stops at a question.',
  'quiz.score': 'Score {right}/{asked}',
  'quiz.askTask': 'Which task does the loop run next?',
  'quiz.askPutter': '{primitive} has a free slot again: which waiting task gets it?',
  'quiz.askGetter': '{primitive} has an item again: which waiting task gets it?',
  'quiz.askWaiter': '{primitive} is free again: which waiting task gets it?',
  'quiz.askPrint': 'What does the console print next?',
  'quiz.keys': 'Press 1–{n} to choose, Enter to reveal.',
  'quiz.reveal': 'Reveal',
  'quiz.right': 'Right!',
  'quiz.wrong': 'Not this time: it is {answer}.',
  'quiz.answer': 'The answer: {answer}.',
  'quiz.ruleReady':
    'The ready queue is first in, first out: the loop runs its callbacks in the order they were queued ({order}). {task} was at its head: {why}.',
  'quiz.why.created': 'it was created first',
  'quiz.why.woken': 'its future was done first',
  'quiz.why.yielded': 'it went back to the queue first',
  'quiz.ruleWaiters':
    'asyncio.{type} wakes its waiters first come, first served, from the left of its deque ({order}): {task} has waited longest.',
  'quiz.rulePrint':
    'The loop runs one callback at a time: at t={t} s the next line comes from {task}, the task that runs next, before it awaits again.',
  'quiz.continue': 'Go on (Enter)',

  'loop.title': 'Event loop',
  'loop.iteration': 'iteration',
  'loop.before': 'Before the loop starts: the tasks are created',
  'loop.running': 'Running',
  'loop.ready': 'Ready queue',
  'loop.timers': 'Timers',
  'loop.tasks': 'Tasks',
  'loop.empty': 'empty',
  'loop.none': 'none',
  'ready.step': 'step',
  'ready.wakeup': 'wake-up',
  'ready.timer': 'timer',
  'ready.callback': 'gather callback',
  'ready.handle': 'callback',
  'ready.cancelled': 'cancelled',
  'task.unstarted': 'not created yet (a spawn or gather step starts it)',
  'task.created': 'created, not yet run',
  'task.ready': 'ready to run',
  'task.readyCancelled': 'ready (cancelled)',
  'task.running': 'running',
  'task.sleeping': 'sleeping until {t} s',
  'task.put': 'waiting to put into {primitive} (full)',
  'task.get': 'waiting to get from {primitive} (empty)',
  'task.acquire': 'waiting to acquire {primitive}',
  'task.io': 'waiting for I/O on {primitive}',
  'task.event': 'waiting for {primitive} to be set',
  'task.join': 'waiting for every item of {primitive} to be done (join)',
  'task.await': 'waiting for task {target} to finish',
  'task.gather': 'waiting for {targets} to finish (gather)',
  'task.done': 'done',
  'task.failed': 'failed: {error}',
  'task.cancelled': 'cancelled',

  'primitives.queue': 'The queue',
  'primitives.title': 'Primitives',
  'primitives.none': 'None: this scenario shares no Queue, Lock, Semaphore or Event.',
  'primitives.noneProgram':
    'None: this program makes no Queue, Lock, Semaphore, Event or Condition.',
  'queue.full': 'full',
  'queue.unbounded': '{count} {count|item|items} · unbounded (maxsize={size})',
  'queue.items': '{name}: {count} {count|item|items}',
  'queue.putBy': '{item}, put by {task}',
  'queue.putters': 'putters (waiting for a free slot)',
  'queue.getters': 'getters (waiting for an item)',
  'queue.unfinished': '{count} unfinished (task_done to come)',
  'queue.joiners': 'in join() (waiting for every item to be done)',
  'waiters.label': 'waiters',
  'waiters.woken': 'woken',
  'lock.heldBy': 'held by {task}',
  'lock.free': 'free',
  'event.set': 'set',
  'event.notSet': 'not set',
  'semaphore.value': 'value {value}',

  'console.tab': 'Console',
  'console.label': 'Console output',
  'console.empty': 'Nothing printed yet.',
  'code.tab': 'Python code',
  'code.label': 'Python code',
  'code.copy': 'Copy code',
  'code.copied': 'Copied ✓',

  'preset.python': 'Your Python program',
  'about.python':
    'Your own asyncio program, run by CPython 3.14 (Pyodide) in this page on a virtual clock: every view shows what the event loop does with it. Change it in the Program tab and press Run (Ctrl+Enter).',
  'python.run': 'Run',
  'python.runTitle': 'Run this program with CPython (Ctrl+Enter)',
  'python.open': 'Open .py…',
  'python.openTitle': 'Open a Python file (.py)',
  'python.save': 'Save .py',
  'python.saveTitle': 'Save this program as a Python file',
  'python.loading': 'Loading Python… {percent}%',
  'python.starting': 'Starting Python…',
  'python.running': 'Running…',
  'python.ran': 'Ran in {ms} ms',
  'python.edited': 'Changed since it ran: Run (Ctrl+Enter) to see it',
  'python.wallTime':
    'Stopped after {seconds} s of computing without giving control back to the loop; Python was restarted.',
  'python.failed': 'Python could not run: {message}',
  'python.syntax': 'Line {line}: {message}',
  'python.editor': 'Python program (Ctrl+Enter runs it; Escape then Tab leaves the editor)',
  'python.tab': 'Program',
  'python.fileError': '{name} could not be opened: {message}',
  'python.empty': 'Press Run (Ctrl+Enter) to run this program.',
  'code.edit': 'Edit this code',
  'code.editTitle': 'Open this code as a Python program, to change it and run it with CPython',
  'bottom.label': 'Console and code',
  'bottom.tabs': 'Output',

  'export.label': 'Export',
  'export.markdown': 'Markdown',
  'export.copied': 'Markdown copied',
  'export.tooLarge':
    'Not copied: {rows} rows of {columns} columns is too big a table (go back in time, or take fewer tasks)',
  'copy.failed': 'Not copied: this browser did not allow it',

  'messages.url': 'Some values in the link could not be used:',
  'messages.ok': 'OK',
  'end.deadlock': 'Deadlock.',
  'end.livelock': 'Livelock.',
  'end.stopped': 'Stopped.',
  'end.interrupted': 'KeyboardInterrupt.',
  'end.interruptedText':
    'At t={t}, Ctrl-C stopped the loop: KeyboardInterrupt left the loop, as the lecture stops its endless loop',
  'end.interruptedBlockedText':
    'At t={t}, Ctrl-C stopped the loop: KeyboardInterrupt left the loop; {n|this task never finished|these tasks never finished}: {list}',
  'end.deadlockText':
    'At t={t}, nothing can ever happen again, and {n|this task never finishes|these tasks never finish}: {list}',
  'end.livelockText':
    'At t={t}, the loop ran {count} iterations without the clock moving; {tasks} {n|keeps|keep} the ready queue busy (sleep(0) in an endless loop, or tasks waking each other?), so time can never advance',
  'end.noYieldText':
    '{task} ran {count} steps at t={t} without awaiting anything that blocks: in Python this loop never gives control back to the event loop, and the program hangs',
  'end.limitText': 'At t={t}, after {count} events: the size bound of a trace.',
  'end.iterationLimitText': 'At t={t}, after {count} loop iterations: the size bound of a trace.',
  'end.waitsOn': '{task} waits for {what}',
  'end.separator': '; ',
  'wait.first': 'its first step (it never ran)',
  'wait.next': 'its next step',
  'wait.sleep0': 'its next step (after sleep(0))',
  'wait.sleep': 'the end of its sleep at t={t}',
  'wait.put': "a free slot in queue '{queue}' (full, {size}/{maxsize})",
  'wait.get': "an item from queue '{queue}' (empty)",
  'wait.lock': "Lock '{lock}' (held)",
  'wait.semaphore': "{type} '{semaphore}' (value {value})",
  'wait.event': "Event '{event}' (not set)",
  'wait.join': "every item of queue '{queue}' to be processed ({unfinished} unfinished)",
  'wait.task': "task '{task}' to finish",
  'wait.gather': 'gather({tasks}) to finish',
  'wait.condition': "a notify() of Condition '{condition}'",
  'wait.wait': 'wait({tasks}) to return',
  'wait.taskgroup': "the TaskGroup's tasks ({tasks}) to finish",
  'wait.future': 'a future',
  'wait.io.connect': "the connection to '{conn}' to open",
  'wait.io.exec': "process '{conn}' to start",
  'wait.io.exit': "process '{conn}' to exit",
  'wait.io.read': "data from '{conn}'",
  'wait.io.close': "the connection to '{conn}' to close",
  'proc.notStarted': 'not started',
  'proc.running': 'running, pid {pid}',
  'proc.exited': 'exited, returncode {code}',
  'proc.stdout': 'stdout buffer:',
  'conn.notConnected': 'not connected',
  'conn.connecting': 'connecting: fd {fd} watched for writing',
  'conn.open': 'open: fd {fd} watched for reading',
  'conn.eof': 'open, the server sent EOF',
  'conn.closed': 'closed',
  'conn.buffer': 'buffer:',
  'conn.empty': 'empty',
  'conn.written': 'last written:',
  'loop.fds': 'Selector (fds)',
  'loop.fdsNone': 'no fd registered',
  'loop.fdRead': 'read',
  'loop.fdWrite': 'write',
  'loop.fdReadyShort': 'ready',
  'loop.fdReady': 'ready: select returned it',
  'wait.woken': '{what}, already woken',

  'url.integer': '{name} {value} is not a whole number from {min} to {max}; using {fallback}.',
  'url.event': 'e {value} is not a number of events; showing the end of the instant.',
  'url.seconds': '{name} {value} is not a number of seconds from 0 to {max}; using {fallback}.',
  'url.durations':
    '{name} {value} is not "formula", a number of seconds, a list like 1,2,3 or random:SEED:MAX; using the course\'s formula.',
  'url.preset': 'preset {value} is unknown (there are {list}); showing the job window.',
  'url.lang': 'lang {value} is unknown (there are en and fr).',
  'url.scenario': 'the scenario in the link cannot be used: {message}',
  'url.scenarioLink': 'the scenario in the link is damaged (it is not a scenario link).',
  'url.program':
    'the Python program in the link is damaged (it does not decode); showing the job window.',

  'list.or': 'or',
  'validate.at': '{path}: {message}',
  // The command line's English (scenario/errors.ts), but JSON syntax in the page's own words.
  ...prefixed(VALIDATION_EN),
  'validate.json': 'not valid JSON',
  'validate.jsonEmpty': 'it is empty',
  'validate.jsonEnd': 'not valid JSON: the text ends too soon (line {line}, column {column})',
  'validate.jsonChar': "not valid JSON: unexpected '{found}' at line {line}, column {column}",
  // Pitfalls (issue #9): each a mistake and its fixed twin.
  'preset.group.pitfalls': 'Pitfalls',
  'preset.pitfall-lock-twice': 'A Lock taken twice',
  'preset.pitfall-task-done': 'task_done() forgotten',
  'preset.pitfall-unbounded-queue': 'An unbounded Queue',
  'about.pitfall-lock-twice':
    'Pitfall: a task asks again for an asyncio.Lock it already holds. The lock is not reentrant: the task waits for itself, and every worker behind it waits too; nothing can ever wake them (a deadlock). Compare shows the fix beside it.',
  'about.pitfall-task-done':
    'Pitfall: the consumer takes every item but never calls queue.task_done(). The queue still counts them unfinished, so await queue.join() never returns: the producer waits for ever (a deadlock). Compare shows the fix beside it.',
  'about.pitfall-unbounded-queue':
    'Pitfall: asyncio.Queue() without maxsize never makes put() wait. The producer is faster than the consumer, so the queue grows without end (in a real program, its memory too). Compare shows the fix beside it.',
  'aboutFixed.pitfall-lock-twice':
    'Pitfall fixed: the task releases the lock before it takes it again. Then the first waiter gets it (a lock is fair), and every worker finishes. Compare shows the mistake beside it.',
  'aboutFixed.pitfall-task-done':
    'Pitfall fixed: the consumer calls queue.task_done() after each item; when the last one is done, await queue.join() returns. Compare shows the mistake beside it.',
  'aboutFixed.pitfall-unbounded-queue':
    'Pitfall fixed: asyncio.Queue(maxsize) bounds the queue: when it is full, put() waits for the consumer, and the producer goes at the consumer’s pace. Compare shows the mistake beside it.',
  'params.fixed': 'version',
  'params.fixed.0': 'the mistake',
  'params.fixed.1': 'fixed',
  'params.hold': 'holds the lock (s)',
  'params.items': 'items',
  'params.bound': 'maxsize, once fixed',
  'preset.program.forgotten-await': 'A forgotten await (Python)',
  'preset.program.task-not-kept': 'A task not kept (Python)',
  'about.program.forgotten-await':
    "Pitfall, run by CPython: save(1) without await only makes a coroutine object; nothing runs, and CPython warns on stderr: RuntimeWarning: coroutine 'save' was never awaited, naming the line. The version control above opens the fix.",
  'about.program.task-not-kept':
    'Pitfall, run by CPython: create_task() without keeping the task. It runs anyway (the loop has it scheduled), but nobody awaits it: when main() returns, asyncio.run cancels what is left ("long"). The version control above opens the fix.',
  'aboutFixed.program.forgotten-await':
    'Pitfall fixed: await save(1) runs the coroutine and waits for it: "saved 1", and no warning. The version control above opens the mistake.',
  'aboutFixed.program.task-not-kept':
    'Pitfall fixed: the tasks are kept in a list and awaited with gather() before main() returns: "long" finishes too. The version control above opens the mistake.',
};

export type MessageKey = keyof typeof en;

export type Messages = Record<MessageKey, string>;

/**
 * The languages loaded so far. English is built in; the others are chunks of their own, loaded
 * before they are shown (`loadLang`), so a visitor downloads only the language in use.
 */
const loaded: Partial<Record<Lang, Messages>> = { en };

/** Loads a language's messages (at once for English, or when loaded before). */
export async function loadLang(lang: Lang): Promise<void> {
  if (loaded[lang]) return;
  if (lang === 'fr') loaded.fr = (await import('./fr')).fr;
}

/** Whether `translate` has the language's own messages (else it falls back to English). */
export function isLoaded(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}

/** Whether `count` takes the singular: in French 0 and 1 (and 1.5) do, in English only 1. */
export function isSingular(lang: Lang, count: string | number): boolean {
  const n = Number(count);
  return lang === 'fr' ? Math.abs(n) < 2 : String(count) === '1';
}

export function translate(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = loaded[lang]?.[key] ?? en[key];
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (match, name: string, one?: string, many?: string) => {
      if (!(name in params)) return match;
      if (one === undefined) return String(params[name]);
      return isSingular(lang, params[name]) ? one : (many ?? '');
    },
  );
}

/** The validation messages' keys: `validate.seconds` for the code `seconds`. */
function prefixed(
  texts: Record<ValidationCode, string>,
): Record<`validate.${ValidationCode}`, string> {
  const out: Record<string, string> = {};
  for (const [code, text] of Object.entries(texts)) out[`validate.${code}`] = text;
  return out as Record<`validate.${ValidationCode}`, string>;
}

/** The browser's preferred language among ours, English otherwise. */
export function browserLang(languages: readonly string[]): Lang {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}
