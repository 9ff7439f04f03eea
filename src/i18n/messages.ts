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

export const fr: Record<MessageKey, string> = {
  'app.title': 'asyncio, pas à pas',
  'app.titleAccent': 'pas à pas',
  'app.description':
    "Regardez tourner la boucle d'événements d'asyncio, pas à pas : tâches, minuteries, queues, verrous. Chaque ordre est celui de CPython 3.14.",
  'lang.label': 'Langue',
  'view.compare': 'Comparer',
  'view.full': 'Vue complète ↗',
  'view.compareTitle': 'Deux jeux de paramètres côte à côte, sur la même horloge (C)',
  'compare.a': 'Exécution A',
  'compare.b': 'Exécution B',
  'compare.aNote': 'Exécution A : les paramètres en haut de la page',
  'compare.bNote': 'Exécution B : les paramètres sur la ligne du dessus',
  'compare.bParams': 'Exécution B : scénario et paramètres',
  'compare.timeline': "Chronologie de l'exécution {run}",
  'compare.total': 'durée totale {t} s',
  'compare.endless': 'tourne sans fin',
  'compare.peak': 'au plus {n} en sleep à la fois',
  'chart.title': 'Durée totale et concurrence maximale selon maxsize',
  'chart.time': 'durée totale',
  'chart.peak': 'concurrence maximale',
  'chart.onlyWindow':
    'Le graphique est tracé pour les fenêtres de jobs (Queue ou Semaphore), qui ont des jobs et un maxsize.',
  'chart.aria':
    'Graphique pour {jobs} {jobs|job|jobs} : la durée totale baisse quand maxsize grandit, la concurrence maximale monte ; à maxsize {maxsize} : {time} s, {peak} à la fois',
  'chart.mark': '{run} : maxsize {maxsize}',
  'chart.unboundedAs': '0 (sans limite : comme {jobs})',
  'chart.aboveAs': '{maxsize} (comme {jobs})',
  'files.open': 'Ouvrir…',
  'files.openTitle':
    'Ouvrir un fichier de scénario (JSON) ou un programme Python (.py), ou en déposer un sur la page',
  'files.save': 'Enregistrer',
  'files.saveTitle': 'Enregistrer ce scénario dans un fichier (JSON)',
  'files.drop': 'Déposez un fichier de scénario (JSON) pour l’ouvrir',
  'files.error': "{name} n'a pas pu être ouvert : {message}",
  'files.tooBig':
    "il a {tasks} {tasks|tâche|tâches} et {steps} {steps|étape|étapes}, plus que la page ne peut en montrer ({maxTasks} tâches, {maxSteps} étapes) ; la ligne de commande peut l'exécuter",
  'files.notText': "ce n'est pas un fichier texte (JSON)",
  'files.python': '{message}',
  'preset.file': 'Fichier : {name}',
  'files.linked': 'scénario du lien',
  'view.label': 'Affichage',
  'view.present': 'Présenter',
  'view.presentTitle': 'Mode présentation : plein écran, grands caractères (P)',
  'view.dark': 'Sombre',
  'view.darkTitle': 'Thème sombre (D)',
  'view.bottom': 'Console',
  'view.bottomTitle': 'Montrer la console et le code',
  'export.markdownTitle': 'Copier le tableau en Markdown',
  'export.svgTitle':
    "Télécharger la chronologie telle qu'elle est affichée, en SVG (Fin d'abord pour l'exécution entière)",
  'export.pngTitle':
    "Télécharger la chronologie telle qu'elle est affichée, en PNG (Fin d'abord pour l'exécution entière)",
  'lang.en': 'English',
  'lang.fr': 'Français',

  'params.label': 'Scénario et paramètres',
  'params.scenario': 'Scénario',
  'preset.job-window': 'Fenêtre de jobs (jetons)',
  'preset.producer-consumer': 'Producteur / consommateur',
  'preset.semaphore-window': 'Fenêtre de jobs (Semaphore)',
  'preset.unbounded': 'Sans limite (maxsize=0)',
  'preset.shared-lock': 'Ressource partagée (Lock)',
  'preset.event-start': 'Départ groupé (Event)',
  'about.job-window':
    'Le cours : une asyncio.Queue(maxsize) utilisée comme un ensemble de jetons. Un job prend un jeton avec put() avant de tourner et le rend avec get() : au plus maxsize jobs tournent à la fois ; les autres attendent, premier arrivé, premier servi.',
  'about.semaphore-window':
    "La même fenêtre, de façon idiomatique : async with asyncio.Semaphore(n). Une tâche réveillée a sa place réservée, alors qu'une queue laisse un nouveau venu la prendre avant elle.",
  'about.unbounded':
    "Queue(maxsize=0) n'a pas de limite (en Python, maxsize <= 0 veut dire sans limite) : put() n'attend jamais, et tous les jobs tournent à la fois.",
  'about.producer-consumer':
    'Le cours : un producteur et un consommateur partagent une asyncio.Queue(maxsize). Le producteur attend quand la queue est pleine, le consommateur quand elle est vide. Les deux tournent sans fin.',
  'about.shared-lock':
    "Une imprimante, plusieurs workers : async with asyncio.Lock() ne laisse entrer qu'un worker à la fois. Un verrou libéré va au premier qui attend ; un nouveau venu ne peut pas passer devant.",
  'about.event-start':
    "Des coureurs attendent le même asyncio.Event ; le starter le déclenche après un compte à rebours, et set() réveille tous ceux qui attendent, dans l'ordre où ils ont commencé à attendre.",
  'about.file':
    "Votre scénario ({name} : {tasks} {tasks|tâche|tâches}). Son code Python est dans l'onglet Code Python.",
  'about.fileTitled':
    "{title} ({name} : {tasks} {tasks|tâche|tâches}). Son code Python est dans l'onglet Code Python.",
  'params.semaphoreValue': 'valeur du Semaphore',
  'params.workers': 'workers',
  'params.rounds': 'tours',
  'params.use': "utilisation de l'imprimante (s)",
  'params.think': 'pause entre deux (s)',
  'params.thinkHint': '0 : aucun sleep',
  'params.runners': 'coureurs',
  'params.countdown': 'compte à rebours (s)',
  'params.jobs': 'jobs',
  'params.windowMaxsize': 'maxsize de window',
  'params.queueMaxsize': 'maxsize de la queue',
  'params.unbounded': '0 = sans limite, comme en Python',
  'params.period': 'période du producteur (s)',
  'params.work': 'travail du consommateur (s)',
  'params.workHint': '0 : pas de sleep, comme dans le cours',
  'params.durations': 'durées',
  'durations.formula': '(i % 3) + 1, le cours',
  'durations.constant': 'la même pour tous',
  'durations.list': 'une liste (répétée)',
  'durations.random': 'au hasard, avec une graine',
  'durations.seconds': 'en secondes',
  'durations.seed': 'graine:max',
  'durations.errorRandom': 'GRAINE ou GRAINE:MAX, comme 42:3',
  'durations.errorConstant': 'Un nombre de secondes',
  'durations.errorList': 'Des secondes séparées par des virgules, comme 1, 2, 3',
  'field.wholeRange': 'Un nombre entier de {min} à {max}',
  'field.numberRange': 'Un nombre de {min} à {max}',

  'playback.label': 'Lecture',
  'playback.restart': 'Recommencer',
  'playback.restartTitle': 'Recommencer (Début)',
  'playback.prevInstant': 'Instant précédent',
  'playback.prevInstantTitle': 'Instant précédent (↑ ou Maj+←)',
  'playback.stepBack': 'Un pas en arrière',
  'playback.stepBackTitle': "Revenir d'un événement (← ou Page préc.)",
  'playback.play': 'Lecture',
  'playback.pause': 'Pause',
  'playback.playTitle': 'Lecture / pause (Espace)',
  'playback.stepForward': 'Un pas en avant',
  'playback.stepForwardTitle': "Aller à l'événement suivant (→ ou Page suiv.)",
  'playback.nextInstant': 'Instant suivant',
  'playback.nextInstantTitle': 'Instant suivant (↓ ou Maj+→)',
  'playback.end': 'À la fin',
  'playback.endTitle': 'Fin (Fin)',
  'playback.time': 'Temps virtuel',
  'playback.seconds': '{t} {t|seconde|secondes}',
  'playback.speed': 'vitesse',

  'timeline.title': 'Chronologie',
  'timeline.running': 'tourne (sleep)',
  'timeline.waiting': 'attend',
  'timeline.done': 'finie',
  'timeline.table': 'Tableau',
  'timeline.zoom': 'Zoom de la chronologie',
  'timeline.zoomOut': 'Zoom arrière',
  'timeline.zoomFit': 'Zoom par défaut (1:1)',
  'timeline.zoomIn': 'Zoom avant',
  'timeline.aria':
    'Chronologie de {tasks} {tasks|tâche|tâches} sur {seconds} {seconds|seconde|secondes} ; sa version texte suit',
  'timeline.ariaTable':
    'Chronologie de {tasks} {tasks|tâche|tâches} sur {seconds} {seconds|seconde|secondes} ; le bouton Tableau la donne en texte',
  'timeline.notYet': '{task} : pas encore (la tête de lecture est à {t} s)',
  'timeline.tableCaption':
    'La chronologie en texte : pendant chaque tranche de {slot} s, quelle tâche tourne (dans son sleep) et laquelle attend (un jeton, un élément, un verrou)',
  'timeline.slot': 'tranche (s)',
  'timeline.runs': 'tourne',
  'timeline.waits': 'attend',
  'timeline.listLabel': 'La chronologie en texte : quand chaque tâche attend et tourne',
  'timeline.listRuns': 'tourne {from}–{to} s',
  'timeline.listWaits': 'attend {from}–{to} s',
  'timeline.listDone': ' ; terminée à {t} s',

  'status.unstarted': 'pas encore créée',
  'status.created': 'créée',
  'status.ready': 'prête',
  'status.running': 'active',
  'status.sleeping': 'dort',
  'status.waiting': 'attend',
  'status.done': 'finie',
  'status.failed': 'en échec',
  'status.cancelled': 'annulée',
  'count.unstarted': '{n} {n|pas encore créée|pas encore créées}',
  'count.created': '{n} {n|créée|créées}',
  'count.ready': '{n} {n|prête|prêtes}',
  'count.running': '{n} {n|active|actives}',
  'count.sleeping': '{n} {n|dort|dorment}',
  'count.waiting': '{n} {n|attend|attendent}',
  'count.done': '{n} {n|finie|finies}',
  'count.failed': '{n} en échec',
  'count.cancelled': '{n} {n|annulée|annulées}',

  'segment.sleeping': '{task} tourne : dans asyncio.sleep({seconds}), {span}',
  'segment.put': '{task} attend une place libre dans {primitive} (bloquée sur put), {span}',
  'segment.get': '{task} attend un élément de {primitive} (bloquée sur get), {span}',
  'segment.acquire': '{task} attend de prendre {primitive}, {span}',
  'segment.event': '{task} attend que {primitive} soit déclenché, {span}',
  'segment.join': '{task} attend que chaque élément de {primitive} soit traité (join), {span}',
  'segment.await': '{task} attend la fin de la tâche {target}, {span}',
  'segment.gather': '{task} attend la fin de {targets} (gather), {span}',
  'segment.wait': '{task} attend {targets} (asyncio.wait), {span}',
  'segment.taskgroup': '{task} attend la fin des tâches de son TaskGroup : {targets}, {span}',
  'segment.future': '{task} attend un futur, {span}',
  'segment.condition': '{task} attend un notify() de {primitive}, {span}',
  'segment.fromTo': 'de {from} à {to} s',
  'segment.since': 'depuis {from} s',

  'loop.title': "Boucle d'événements",
  'loop.iteration': 'itération',
  'loop.before': 'Avant que la boucle démarre : les tâches sont créées',
  'loop.running': 'En cours',
  'loop.ready': 'File des prêts',
  'loop.timers': 'Minuteries',
  'loop.tasks': 'Tâches',
  'loop.empty': 'vide',
  'loop.none': 'aucune',
  'ready.step': 'étape',
  'ready.wakeup': 'réveil',
  'ready.timer': 'minuterie',
  'ready.callback': 'rappel de gather',
  'ready.handle': 'rappel',
  'ready.cancelled': 'annulé',
  'task.unstarted': 'pas encore créée (une étape spawn ou gather la lance)',
  'task.created': 'créée, pas encore lancée',
  'task.ready': 'prête à tourner',
  'task.readyCancelled': 'prête (annulée)',
  'task.running': 'en cours',
  'task.sleeping': "en sleep jusqu'à {t} s",
  'task.put': 'attend de mettre dans {primitive} (pleine)',
  'task.get': 'attend de prendre dans {primitive} (vide)',
  'task.acquire': 'attend de prendre {primitive}',
  'task.event': 'attend que {primitive} soit déclenché',
  'task.join': 'attend que chaque élément de {primitive} soit traité (join)',
  'task.await': 'attend la fin de la tâche {target}',
  'task.gather': 'attend la fin de {targets} (gather)',
  'task.done': 'terminée',
  'task.failed': 'en échec : {error}',
  'task.cancelled': 'annulée',

  'primitives.queue': 'La queue',
  'primitives.title': 'Primitives',
  'primitives.none': 'Aucune : ce scénario ne partage ni Queue, ni Lock, ni Semaphore, ni Event.',
  'primitives.noneProgram':
    'Aucune : ce programme ne crée ni Queue, ni Lock, ni Semaphore, ni Event, ni Condition.',
  'queue.full': 'pleine',
  'queue.unbounded': '{count} {count|élément|éléments} · sans limite (maxsize={size})',
  'queue.items': '{name} : {count} {count|élément|éléments}',
  'queue.putBy': '{item}, mis par {task}',
  'queue.putters': 'putters (attendent une place libre)',
  'queue.getters': 'getters (attendent un élément)',
  'queue.unfinished': '{count} {count|non traité|non traités} (task_done à venir)',
  'queue.joiners': 'dans join() (attendent que tout soit traité)',
  'waiters.label': 'en attente',
  'waiters.woken': 'réveillée',
  'lock.heldBy': 'pris par {task}',
  'lock.free': 'libre',
  'event.set': 'déclenché',
  'event.notSet': 'non déclenché',
  'semaphore.value': 'valeur {value}',

  'console.tab': 'Console',
  'console.label': 'Sortie de la console',
  'console.empty': "Rien d'affiché pour l'instant.",
  'code.tab': 'Code Python',
  'code.label': 'Code Python',
  'code.copy': 'Copier le code',
  'code.copied': 'Copié ✓',

  'preset.python': 'Votre programme Python',
  'about.python':
    "Votre propre programme asyncio, exécuté par CPython 3.14 (Pyodide) dans cette page sur une horloge virtuelle : chaque vue montre ce qu'en fait la boucle d'événements. Modifiez-le dans l'onglet Programme et cliquez sur Exécuter (Ctrl+Entrée).",
  'python.run': 'Exécuter',
  'python.runTitle': 'Exécuter ce programme avec CPython (Ctrl+Entrée)',
  'python.open': 'Ouvrir .py…',
  'python.openTitle': 'Ouvrir un fichier Python (.py)',
  'python.save': 'Enregistrer .py',
  'python.saveTitle': 'Enregistrer ce programme dans un fichier Python',
  'python.loading': 'Chargement de Python… {percent} %',
  'python.starting': 'Démarrage de Python…',
  'python.running': 'Exécution…',
  'python.ran': 'Exécuté en {ms} ms',
  'python.edited': 'Modifié depuis son exécution : Exécuter (Ctrl+Entrée) pour le voir',
  'python.wallTime':
    'Arrêté après {seconds} s de calcul sans rendre la main à la boucle ; Python a été relancé.',
  'python.failed': "Python n'a pas pu s'exécuter : {message}",
  'python.syntax': 'Ligne {line} : {message}',
  'python.editor': "Programme Python (Ctrl+Entrée l'exécute ; Échap puis Tab quitte l'éditeur)",
  'python.tab': 'Programme',
  'python.fileError': "{name} n'a pas pu être ouvert : {message}",
  'python.empty': 'Cliquez sur Exécuter (Ctrl+Entrée) pour exécuter ce programme.',
  'code.edit': 'Modifier ce code',
  'code.editTitle':
    "Ouvrir ce code comme programme Python, pour le modifier et l'exécuter avec CPython",
  'bottom.label': 'Console et code',
  'bottom.tabs': 'Sortie',

  'export.label': 'Exporter',
  'export.markdown': 'Markdown',
  'export.copied': 'Markdown copié',
  'export.tooLarge':
    "Pas copié : {rows} lignes de {columns} colonnes, c'est un tableau trop grand (revenez en arrière, ou prenez moins de tâches)",
  'copy.failed': "Rien n'a été copié : le navigateur ne l'a pas permis",

  'messages.url': "Certaines valeurs du lien n'ont pas pu être utilisées :",
  'messages.ok': 'OK',
  'end.deadlock': 'Interblocage.',
  'end.livelock': 'Blocage actif.',
  'end.stopped': 'Arrêt.',
  'end.deadlockText':
    'À t={t}, plus rien ne peut arriver, et {n|cette tâche ne finira|ces tâches ne finiront} jamais : {list}',
  'end.livelockText':
    "À t={t}, la boucle a fait {count} itérations sans que l'horloge avance ; {tasks} {n|occupe|occupent} la file des prêts (sleep(0) dans une boucle sans fin, ou des tâches qui se réveillent l'une l'autre ?), le temps ne peut donc plus avancer",
  'end.noYieldText':
    "{task} a exécuté {count} étapes à t={t} sans rien attendre qui bloque : en Python, cette boucle ne rend jamais la main à la boucle d'événements, et le programme se fige",
  'end.limitText': "À t={t}, après {count} événements : la taille maximale d'une trace.",
  'end.iterationLimitText':
    "À t={t}, après {count} itérations de la boucle : la taille maximale d'une trace.",
  'end.waitsOn': '{task} attend {what}',
  'end.separator': ' ; ',
  'wait.first': "sa première étape (elle n'a jamais tourné)",
  'wait.next': 'sa prochaine étape',
  'wait.sleep0': 'sa prochaine étape (après sleep(0))',
  'wait.sleep': 'la fin de son sleep à t={t}',
  'wait.put': "une place libre dans la file '{queue}' (pleine, {size}/{maxsize})",
  'wait.get': "un élément de la file '{queue}' (vide)",
  'wait.lock': "le Lock '{lock}' (pris)",
  'wait.semaphore': "le {type} '{semaphore}' (valeur {value})",
  'wait.event': "l'Event '{event}' (pas encore déclenché)",
  'wait.join': "que chaque élément de la file '{queue}' soit traité ({unfinished} en cours)",
  'wait.task': "la fin de la tâche '{task}'",
  'wait.gather': 'la fin de gather({tasks})',
  'wait.condition': "un notify() de la Condition '{condition}'",
  'wait.wait': 'que wait({tasks}) rende la main',
  'wait.taskgroup': 'la fin des tâches du TaskGroup ({tasks})',
  'wait.future': 'un futur',
  'wait.woken': '{what}, déjà réveillée',

  'url.integer':
    "{name} {value} n'est pas un nombre entier de {min} à {max} ; on prend {fallback}.",
  'url.event': "e {value} n'est pas un nombre d'événements ; on montre la fin de l'instant.",
  'url.seconds':
    "{name} {value} n'est pas un nombre de secondes de 0 à {max} ; on prend {fallback}.",
  'url.durations':
    "{name} {value} n'est ni « formula », ni un nombre de secondes, ni une liste comme 1,2,3, ni random:GRAINE:MAX ; on prend la formule du cours.",
  'url.preset': "le scénario {value} n'existe pas (il y a {list}) ; on montre la fenêtre de jobs.",
  'url.lang': "la langue {value} n'existe pas (il y a en et fr).",
  'url.scenario': 'le scénario du lien ne peut pas être utilisé : {message}',
  'url.scenarioLink': "le scénario du lien est abîmé (ce n'est pas un lien de scénario).",
  'url.program':
    'le programme Python du lien est abîmé (il ne se décode pas) ; affichage de la fenêtre de jobs.',

  'list.or': 'ou',
  'validate.at': '{path} : {message}',
  'validate.notObject':
    'un scénario doit être un objet JSON avec "version", "primitives" et "tasks"',
  'validate.unknownKey': 'clé inconnue (clés possibles : {expected})',
  'validate.version': 'doit valoir 1',
  'validate.notString': 'doit être une chaîne de caractères',
  'validate.loneSurrogate': 'doit être un texte Unicode valide (il contient un surrogate isolé)',
  'validate.notInteger': 'doit être un nombre entier >= {min}',
  'validate.notBoolean': 'doit valoir true ou false',
  'validate.oneOf': "doit être l'une de ces valeurs : {list}",
  'validate.primitivesShape': 'doit être un objet qui associe des noms à des primitives',
  'validate.primitiveName': 'une primitive doit avoir un nom non vide',
  'validate.primitiveShape': 'doit être un objet comme {"type": "Queue", "maxsize": 1}',
  'validate.maxsize': 'doit être un nombre entier (0 ou moins : sans limite)',
  'validate.notPrimitiveName': "doit être le nom d'une primitive de type {what}",
  'validate.noPrimitive': `aucune primitive nommée '{name}' dans "primitives"`,
  'validate.noPrimitiveDeclared': `aucune primitive nommée '{name}' dans "primitives" ({count|déclarée|déclarées} : {declared})`,
  'validate.wrongPrimitive': "'{name}' est de type {type}, et non {what}",
  'validate.notTasks': 'doit être une liste de tâches',
  'validate.noTasks': 'doit contenir au moins une tâche',
  'validate.tooManyTasks': 'doit contenir au plus {max} tâches',
  'validate.tooManySteps': 'doit contenir au plus {max} étapes en tout',
  'validate.taskShape': 'doit être un objet comme {"name": "worker", "steps": [...]}',
  'validate.taskName': 'doit être une chaîne non vide',
  'validate.nameSpaces':
    'ne doit pas contenir d\'espace (les lignes affichées sont "<temps> <tâche> <texte>")',
  'validate.nameTaken': "'{name}' est déjà le nom d'une autre tâche",
  'validate.notSteps': "doit être une liste d'étapes",
  'validate.stepShape': 'doit être un objet comme {"op": "sleep", "seconds": 1}',
  'validate.seconds': 'doit être un nombre >= 0',
  'validate.secondsMax': 'doit valoir au plus {max} (environ 31 ans)',
  'validate.repeatDepth': "les repeat s'imbriquent sur {max} niveaux au plus",
  'validate.notTaskName': "doit être le nom d'une tâche",
  'validate.noTask': "aucune tâche nommée '{task}'",
  'validate.spawnInRepeat':
    "spawn ne peut pas être dans un repeat (une tâche n'est lancée qu'une fois)",
  'validate.gatherTasks': 'doit être une liste non vide de noms de tâches',
  'validate.gatherInRepeat':
    "gather ne peut pas être dans un repeat (il ne crée ses tâches qu'une fois)",
  'validate.gatheredTwice': "'{task}' est déjà dans ce gather",
  'validate.awaitSelf': "une tâche ne peut pas s'attendre elle-même",
  'validate.startsWithLoop':
    '\'{task}\' démarre avec la boucle ; donnez-lui "start": false pour la lancer avec {how}',
  'validate.startedTwice': "'{task}' est déjà lancée en {at} (une tâche n'est lancée qu'une fois)",
  'validate.neverStarted':
    "'{task}' n'est jamais lancée (aucune étape spawn ou gather ne la nomme)",
  'validate.cannotStart':
    "'{task}' ne peut jamais démarrer : les tâches qui la lanceraient ne démarrent jamais",
  'validate.awaitCycle':
    "'{other}' attend '{task}' (directement ou non) : elles s'attendraient l'une l'autre pour toujours",
  'validate.json': "ce n'est pas du JSON valide",
  'validate.jsonEmpty': 'il est vide',
  'validate.jsonEnd':
    "ce n'est pas du JSON valide : le texte s'arrête trop tôt (ligne {line}, colonne {column})",
  'validate.jsonChar':
    "ce n'est pas du JSON valide : « {found} » inattendu à la ligne {line}, colonne {column}",
  // Pitfalls (issue #9): each a mistake and its fixed twin.
  'preset.group.pitfalls': 'Pièges',
  'preset.pitfall-lock-twice': 'Un Lock pris deux fois',
  'preset.pitfall-task-done': 'task_done() oublié',
  'preset.pitfall-unbounded-queue': 'Une Queue sans limite',
  'about.pitfall-lock-twice':
    'Piège : une tâche redemande un asyncio.Lock qu’elle tient déjà. Le verrou n’est pas réentrant : la tâche s’attend elle-même, et chaque worker derrière elle attend aussi ; rien ne peut plus les réveiller (un interblocage). Comparer montre la correction à côté.',
  'about.pitfall-task-done':
    'Piège : le consommateur prend chaque élément mais n’appelle jamais queue.task_done(). La queue les compte encore non finis : await queue.join() ne revient jamais, le producteur attend pour toujours (un interblocage). Comparer montre la correction à côté.',
  'about.pitfall-unbounded-queue':
    'Piège : asyncio.Queue() sans maxsize ne fait jamais attendre put(). Le producteur est plus rapide que le consommateur : la queue grossit sans fin (dans un vrai programme, sa mémoire aussi). Comparer montre la correction à côté.',
  'aboutFixed.pitfall-lock-twice':
    'Piège corrigé : la tâche rend le verrou avant de le reprendre. Le premier en attente l’obtient alors (un verrou est équitable), et chaque worker finit. Comparer montre l’erreur à côté.',
  'aboutFixed.pitfall-task-done':
    'Piège corrigé : le consommateur appelle queue.task_done() après chaque élément ; quand le dernier est fini, await queue.join() revient. Comparer montre l’erreur à côté.',
  'aboutFixed.pitfall-unbounded-queue':
    'Piège corrigé : asyncio.Queue(maxsize) borne la queue : pleine, put() attend le consommateur, et le producteur va à son rythme. Comparer montre l’erreur à côté.',
  'params.fixed': 'version',
  'params.fixed.0': 'l’erreur',
  'params.fixed.1': 'corrigée',
  'params.hold': 'tient le verrou (s)',
  'params.items': 'éléments',
  'params.bound': 'maxsize, une fois corrigé',
  'preset.program.forgotten-await': 'Un await oublié (Python)',
  'preset.program.task-not-kept': 'Tâche non gardée (Python)',
  'about.program.forgotten-await':
    "Piège, exécuté par CPython : save(1) sans await ne fait qu’un objet coroutine ; rien ne s’exécute, et CPython avertit sur stderr : RuntimeWarning: coroutine 'save' was never awaited, en nommant la ligne. Le choix de version ci-dessus ouvre la correction.",
  'about.program.task-not-kept':
    'Piège, exécuté par CPython : create_task() sans garder la tâche. Elle s’exécute quand même (la boucle l’a programmée), mais personne ne l’attend : quand main() revient, asyncio.run annule ce qui reste (« long »). Le choix de version ci-dessus ouvre la correction.',
  'aboutFixed.program.forgotten-await':
    'Piège corrigé : await save(1) exécute la coroutine et l’attend : « saved 1 », et plus d’avertissement. Le choix de version ci-dessus ouvre l’erreur.',
  'aboutFixed.program.task-not-kept':
    'Piège corrigé : les tâches sont gardées dans une liste et attendues avec gather() avant que main() revienne : « long » finit aussi. Le choix de version ci-dessus ouvre l’erreur.',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, fr };

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
  const template = MESSAGES[lang][key] ?? en[key];
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
