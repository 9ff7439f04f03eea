/**
 * Each event in plain words, in English or French, for the event line and tooltips:
 * "j0 puts None into window". Python names (None, select, sleep) stay as in Python.
 */
import {
  Ev,
  END_REASON_NAMES,
  FD_PIDFD,
  formatTime,
  WaitKind,
  type EndReasonName,
  type Trace,
} from '../engine';
import { timerLateness } from './lateness';

export type NarrationLang = 'en' | 'fr';

interface Words {
  iteration(k: number): string;
  iterationWaits(k: number, timeout: string, at: string): string;
  iterationIdle(k: number): string;
  selectReady: string;
  selectJump(timeout: string, at: string): string;
  timerDrop(at: string): string;
  timerFire(task: string): string;
  timerFireLate(task: string, late: string): string;
  blocks(task: string, seconds: string, to: string): string;
  create(task: string): string;
  step: [string, string, string];
  runTimer(task: string, completes: boolean): string;
  skip: string;
  sleeps(task: string, at: string): string;
  waitsFull(task: string, q: string): string;
  waitsEmpty(task: string, q: string): string;
  waitsLock(task: string, l: string): string;
  waitsEvent(task: string, e: string): string;
  yields(task: string): string;
  wake(task: string, cancelled: boolean): string;
  slept(task: string): string;
  done(task: string): string;
  fails(task: string, error: string): string;
  cancelledEnd(task: string): string;
  cancels(task: string, target: string, accepted: boolean): string;
  prints(task: string, text: string): string;
  printsLine(task: string, text: string, stderr: boolean): string;
  /** Who acts when no task does (a Python program's callback, or its module's code). */
  noTask: string;
  waitsCondition(task: string, c: string): string;
  waitsWait(task: string, targets: string): string;
  waitsGroup(task: string, targets: string): string;
  waitsFuture(task: string): string;
  callSoon(name: string, task: string): string;
  iterationWaitsIo(k: number, timeout: string, at: string): string;
  selectIo(timeout: string, at: string): string;
  fdReady(fd: number, conn: string, read: boolean): string;
  fdAdd(fd: number, conn: string, read: boolean): string;
  fdRemove(fd: number, conn: string): string;
  skipFd: string;
  socket(task: string, conn: string, fd: number): string;
  recv(conn: string, text: string): string;
  eof(conn: string): string;
  lost(conn: string): string;
  opened(task: string, conn: string): string;
  reads(task: string, conn: string, text: string): string;
  writes(task: string, conn: string, text: string): string;
  closed(task: string, conn: string): string;
  waitsIo(task: string, conn: string): string;
  procExec(task: string, proc: string, pid: number): string;
  procOpen(task: string, proc: string): string;
  procExit(proc: string, code: number): string;
  procWaited(task: string, proc: string, code: number): string;
  procData(proc: string, text: string): string;
  procEof(proc: string): string;
  procRead(proc: string, text: string): string;
  runHandle(name: string): string;
  rank(q: string, before: number): string;
  timerSet(task: string, at: string): string;
  timerCancel(task: string): string;
  put(task: string, item: string, q: string): string;
  get(task: string, item: string, q: string): string;
  joins(task: string, q: string, putters: boolean): string;
  notifies(q: string, task: string, putters: boolean): string;
  leaves(task: string, q: string, putters: boolean): string;
  acquires(task: string, l: string): string;
  waitsToAcquire(task: string, l: string): string;
  wakes(l: string, task: string): string;
  givesUp(task: string, l: string): string;
  releases(task: string, l: string): string;
  sets(task: string, e: string): string;
  clears(task: string, e: string): string;
  passes(task: string, e: string): string;
  waitsSet(task: string, e: string): string;
  eventWakes(e: string, task: string): string;
  stopsWaiting(task: string, e: string): string;
  taskDone(task: string, q: string, left: number): string;
  joinPasses(task: string, q: string): string;
  joinBlocks(task: string, q: string): string;
  waitsJoin(task: string, q: string): string;
  joinWakes(q: string, task: string): string;
  joinDone(task: string, q: string, cancelled: boolean): string;
  spawns(task: string, target: string): string;
  waitsTask(task: string, target: string): string;
  awaitPasses(task: string, target: string): string;
  awaitDone(task: string, target: string, raised: boolean): string;
  gathers(task: string, targets: string, count: number): string;
  waitsGather(task: string, targets: string): string;
  gatherCallback(target: string): string;
  runCallback(target: string, completes: boolean): string;
  gatherDone(task: string, raised: boolean): string;
  /** The last event: why the run ends. */
  end: Record<EndReasonName, string>;
}

const EN: Words = {
  iteration: (k) => `Loop iteration ${k} begins`,
  iterationWaits: (k, timeout, at) =>
    `Loop iteration ${k} begins: nothing is ready, so select(timeout=${timeout}) waits for the next timer, at ${at} s`,
  iterationIdle: (k) => `Loop iteration ${k} begins: nothing is ready and no timer is set`,
  selectReady: 'select(timeout=0): callbacks are ready, no waiting',
  selectJump: (timeout, at) =>
    `select(timeout=${timeout}): nothing ready, the clock jumps to ${at} s`,
  timerDrop: (at) => `A cancelled timer (${at} s) leaves the heap`,
  timerFire: (task) => `${task}'s timer is due: its callback joins the ready queue`,
  timerFireLate: (task, late) =>
    `${task}'s timer fires ${late} s late (the loop was blocked): its callback joins the ready queue`,
  blocks: (task, seconds, to) =>
    `${task} blocks the whole loop for ${seconds} s (time.sleep): no other task or timer runs; the clock reads ${to} s`,
  create: (task) => `Task ${task} is created: its first step joins the ready queue`,
  step: ['starts', 'runs again after sleep(0)', 'wakes up and runs'],
  runTimer: (task, completes) =>
    completes
      ? `${task}'s timer callback sets its sleep's future`
      : `${task}'s timer callback finds its future cancelled`,
  skip: 'A cancelled timer callback is skipped',
  sleeps: (task, at) => `${task} sleeps until ${at} s`,
  waitsFull: (task, q) => `${task} waits: ${q} is full`,
  waitsEmpty: (task, q) => `${task} waits: ${q} is empty`,
  waitsLock: (task, l) => `${task} waits for ${l}`,
  waitsEvent: (task, e) => `${task} waits for the event ${e}`,
  yields: (task) => `${task} yields (sleep(0)): it goes to the end of the ready queue`,
  wake: (task, cancelled) =>
    cancelled
      ? `${task} is woken by a cancellation`
      : `${task}'s future is done: its wake-up joins the ready queue`,
  slept: (task) => `${task}'s sleep returns`,
  done: (task) => `${task} is done`,
  fails: (task, error) => `${task} fails: ${error}`,
  cancelledEnd: (task) => `${task} ends cancelled`,
  cancels: (task, target, accepted) =>
    `${task} cancels ${target}${accepted ? '' : ' (already done: no effect)'}`,
  prints: (task, text) => `${task} prints "${text}"`,
  timerSet: (task, at) => `A timer for ${task} is set at ${at} s`,
  timerCancel: (task) => `${task}'s timer is cancelled`,
  put: (task, item, q) => `${task} puts ${item} into ${q}`,
  get: (task, item, q) => `${task} gets ${item} from ${q}`,
  joins: (task, q, putters) => `${task} joins ${q}'s ${putters ? 'putters' : 'getters'}`,
  notifies: (q, task, putters) =>
    `${q} wakes ${task}, first of its ${putters ? 'putters' : 'getters'}`,
  leaves: (task, q, putters) =>
    `${task} leaves ${q}'s ${putters ? 'putters' : 'getters'} (cancelled)`,
  acquires: (task, l) => `${task} acquires ${l}`,
  waitsToAcquire: (task, l) => `${task} waits to acquire ${l}`,
  wakes: (l, task) => `${l} wakes ${task}`,
  givesUp: (task, l) => `${task} gives up waiting for ${l} (cancelled)`,
  releases: (task, l) => `${task} releases ${l}`,
  sets: (task, e) => `${task} sets ${e}`,
  clears: (task, e) => `${task} clears ${e}`,
  passes: (task, e) => `${task} waits for ${e}, which is already set`,
  waitsSet: (task, e) => `${task} waits for ${e} to be set`,
  eventWakes: (e, task) => `${e} is set: ${task} will wake`,
  stopsWaiting: (task, e) => `${task} stops waiting for ${e}`,
  taskDone: (task, q, left) =>
    `${task} marks an item of ${q} done (task_done): ${left} still unfinished`,
  joinPasses: (task, q) => `${task} calls ${q}.join(): every item is already done`,
  joinBlocks: (task, q) => `${task} joins the waiters of ${q}.join()`,
  waitsJoin: (task, q) => `${task} waits until every item of ${q} is done (join)`,
  joinWakes: (q, task) => `Every item of ${q} is done: ${task} will wake`,
  joinDone: (task, q, cancelled) =>
    cancelled
      ? `${task} stops waiting in ${q}.join() (cancelled)`
      : `${q}.join() returns to ${task}`,
  spawns: (task, target) => `${task} creates task ${target} (create_task)`,
  waitsTask: (task, target) => `${task} waits for task ${target} to finish`,
  awaitPasses: (task, target) => `${task} awaits ${target}, which is already done`,
  awaitDone: (task, target, raised) =>
    raised
      ? `await ${target} raises an exception in ${task}`
      : `await ${target} returns to ${task}`,
  gathers: (task, targets, count) =>
    count === 1
      ? `${task} gathers ${targets}: it starts next iteration`
      : `${task} gathers ${targets}: they start next iteration, in order`,
  waitsGather: (task, targets) => `${task} waits for ${targets} to finish (gather)`,
  gatherCallback: (target) => `${target} has ended: gather's callback for it joins the ready queue`,
  runCallback: (target, completes) =>
    completes
      ? `gather's callback for ${target} completes the gather`
      : `gather's callback for ${target} runs; the gather goes on`,
  gatherDone: (task, raised) =>
    raised ? `gather raises an exception in ${task}` : `gather returns its results to ${task}`,
  printsLine: (task, text, stderr) =>
    `${task || 'The program'} ${stderr ? 'writes to stderr' : 'prints'} "${text}"`,
  noTask: 'A callback',
  waitsCondition: (task, c) => `${task} waits for a notify() of ${c}`,
  waitsWait: (task, targets) => `${task} waits for ${targets} (asyncio.wait)`,
  waitsGroup: (task, targets) => `${task} waits for its TaskGroup's tasks ${targets} to finish`,
  waitsFuture: (task) => `${task} waits for a future`,
  callSoon: (name, task) =>
    task
      ? `${task} has ended: its callback ${name} joins the ready queue`
      : `The callback ${name} joins the ready queue`,
  runHandle: (name) => `The callback ${name} runs`,
  iterationWaitsIo: (k, timeout, at) =>
    `Loop iteration ${k} begins: nothing is ready, so select(timeout=${timeout}) waits for a timer or a watched fd; an fd is ready at ${at} s`,
  selectIo: (timeout, at) => `select(timeout=${timeout}) returns at ${at} s with fds ready`,
  fdReady: (fd, conn, read) =>
    `select returned fd ${fd} (${conn}) ${read ? 'readable' : 'writable'}: its callback ${read ? '_read_ready' : '_sock_connect_cb'} joins the ready queue`,
  fdAdd: (fd, conn, read) =>
    `fd ${fd} (${conn}) is registered with the selector, for ${read ? 'reading' : 'writing'}`,
  fdRemove: (fd, conn) => `fd ${fd} (${conn}) leaves the selector`,
  skipFd: 'A cancelled fd callback is skipped: its fd left the selector',
  socket: (task, conn, fd) =>
    `${task} calls asyncio.open_connection: a non-blocking socket, fd ${fd}, starts connecting to ${conn}`,
  recv: (conn, text) => `sock.recv() returns ${text}: it joins the StreamReader buffer of ${conn}`,
  eof: (conn) => `sock.recv() returns b'': the server of ${conn} closed its end (EOF)`,
  lost: (conn) => `connection_lost(): the socket of ${conn} is closed`,
  opened: (task, conn) =>
    `open_connection() returns: ${task} holds the reader and writer of ${conn}`,
  reads: (task, conn, text) => `${task} reads ${text} from ${conn}`,
  writes: (task, conn, text) =>
    `${task} writes ${text} to ${conn}; drain() has nothing to wait for`,
  closed: (task, conn) => `${task}: wait_closed() returns, ${conn} is closed`,
  waitsIo: (task, conn) => `${task} waits for ${conn}`,
  procExec: (task, proc, pid) =>
    `${task} calls asyncio.create_subprocess_exec: process ${proc} starts (pid ${pid}); its pidfd is watched, a task connects its stdout pipe`,
  procOpen: (task, proc) => `create_subprocess_exec() returns: ${task} holds process ${proc}`,
  procExit: (proc, code) =>
    `_do_wait: process ${proc} has exited (returncode ${code}); _process_exited is called soon`,
  procWaited: (task, proc, code) => `${task}: ${proc}.wait() returns ${code}`,
  procData: (proc, text) => `pipe_data_received: ${text} joins the stdout buffer of ${proc}`,
  procEof: (proc) => `pipe_connection_lost: the stdout of ${proc} is at EOF`,
  procRead: (proc, text) => `os.read() returns ${text} from the stdout pipe of ${proc}`,
  rank: (q, before) =>
    before === 0
      ? `In ${q}, it goes first (the smallest)`
      : `In ${q}, it goes after ${before} smaller ${before === 1 ? 'item' : 'items'}`,
  end: {
    complete: 'The run is complete: every task has ended',
    deadlock: 'The run ends in a deadlock: no task can ever go on',
    until: 'The run stops here: the time asked for is reached',
    livelock: 'The run stops in a livelock: the clock can never advance',
    'no-yield': 'The run stops: a task never gives control back to the loop',
    'event-limit': 'The run stops: the trace has reached its size bound',
    exception: 'The program ends: an exception escaped it',
    unsupported: 'The run stops: the program calls something that cannot run here',
    'wall-time': 'The run stops: the program computed too long without giving control back',
    interrupted: 'Ctrl-C: KeyboardInterrupt leaves the loop, and the run stops',
  },
};

const FR: Words = {
  iteration: (k) => `L'itération ${k} de la boucle commence`,
  iterationWaits: (k, timeout, at) =>
    `L'itération ${k} commence : rien n'est prêt, donc select(timeout=${timeout}) attend la prochaine minuterie, à ${at} s`,
  iterationIdle: (k) =>
    `L'itération ${k} commence : rien n'est prêt et aucune minuterie n'est posée`,
  selectReady: 'select(timeout=0) : des rappels sont prêts, pas d’attente',
  selectJump: (timeout, at) =>
    `select(timeout=${timeout}) : rien de prêt, l'horloge saute à ${at} s`,
  timerDrop: (at) => `Une minuterie annulée (${at} s) quitte le tas`,
  timerFire: (task) => `La minuterie de ${task} échoit : son rappel rejoint la file des prêts`,
  timerFireLate: (task, late) =>
    `La minuterie de ${task} échoit avec ${late} s de retard (la boucle était bloquée) : son rappel rejoint la file des prêts`,
  blocks: (task, seconds, to) =>
    `${task} bloque toute la boucle pendant ${seconds} s (time.sleep) : aucune autre tâche ni minuterie ne tourne ; l'horloge indique ${to} s`,
  create: (task) => `La tâche ${task} est créée : sa première étape rejoint la file des prêts`,
  step: ['démarre', 'reprend après sleep(0)', 'se réveille et reprend'],
  runTimer: (task, completes) =>
    completes
      ? `Le rappel de la minuterie de ${task} termine le futur de son sleep`
      : `Le rappel de la minuterie de ${task} trouve son futur annulé`,
  skip: 'Un rappel de minuterie annulé est sauté',
  sleeps: (task, at) => `${task} dort jusqu'à ${at} s`,
  waitsFull: (task, q) => `${task} attend : ${q} est pleine`,
  waitsEmpty: (task, q) => `${task} attend : ${q} est vide`,
  waitsLock: (task, l) => `${task} attend ${l}`,
  waitsEvent: (task, e) => `${task} attend l'événement ${e}`,
  yields: (task) => `${task} cède la main (sleep(0)) : elle passe en fin de file des prêts`,
  wake: (task, cancelled) =>
    cancelled
      ? `${task} est réveillée par une annulation`
      : `Le futur de ${task} est terminé : son réveil rejoint la file des prêts`,
  slept: (task) => `Le sleep de ${task} se termine`,
  done: (task) => `${task} est terminée`,
  fails: (task, error) => `${task} échoue : ${error}`,
  cancelledEnd: (task) => `${task} se termine annulée`,
  cancels: (task, target, accepted) =>
    `${task} annule ${target}${accepted ? '' : ' (déjà terminée : sans effet)'}`,
  prints: (task, text) => `${task} affiche « ${text} »`,
  timerSet: (task, at) => `Une minuterie est posée pour ${task} à ${at} s`,
  timerCancel: (task) => `La minuterie de ${task} est annulée`,
  put: (task, item, q) => `${task} met ${item} dans ${q}`,
  get: (task, item, q) => `${task} prend ${item} dans ${q}`,
  joins: (task, q, putters) => `${task} rejoint les ${putters ? 'putters' : 'getters'} de ${q}`,
  notifies: (q, task, putters) =>
    `${q} réveille ${task}, la première de ses ${putters ? 'putters' : 'getters'}`,
  leaves: (task, q, putters) =>
    `${task} quitte les ${putters ? 'putters' : 'getters'} de ${q} (annulée)`,
  acquires: (task, l) => `${task} prend ${l}`,
  waitsToAcquire: (task, l) => `${task} attend de prendre ${l}`,
  wakes: (l, task) => `${l} réveille ${task}`,
  givesUp: (task, l) => `${task} renonce à attendre ${l} (annulée)`,
  releases: (task, l) => `${task} libère ${l}`,
  sets: (task, e) => `${task} déclenche ${e} (set)`,
  clears: (task, e) => `${task} réinitialise ${e} (clear)`,
  passes: (task, e) => `${task} attend ${e}, déjà déclenché`,
  waitsSet: (task, e) => `${task} attend que ${e} soit déclenché`,
  eventWakes: (e, task) => `${e} est déclenché : ${task} va se réveiller`,
  stopsWaiting: (task, e) => `${task} n'attend plus ${e}`,
  taskDone: (task, q, left) =>
    `${task} marque un élément de ${q} comme traité (task_done) : encore ${left} en cours`,
  joinPasses: (task, q) => `${task} appelle ${q}.join() : tout est déjà traité`,
  joinBlocks: (task, q) => `${task} rejoint les tâches en attente dans ${q}.join()`,
  waitsJoin: (task, q) => `${task} attend que chaque élément de ${q} soit traité (join)`,
  joinWakes: (q, task) => `Tous les éléments de ${q} sont traités : ${task} va se réveiller`,
  joinDone: (task, q, cancelled) =>
    cancelled
      ? `${task} n'attend plus dans ${q}.join() (annulée)`
      : `${q}.join() rend la main à ${task}`,
  spawns: (task, target) => `${task} crée la tâche ${target} (create_task)`,
  waitsTask: (task, target) => `${task} attend la fin de la tâche ${target}`,
  awaitPasses: (task, target) => `${task} attend ${target}, déjà terminée`,
  awaitDone: (task, target, raised) =>
    raised
      ? `await ${target} lève une exception dans ${task}`
      : `await ${target} rend la main à ${task}`,
  gathers: (task, targets, count) =>
    count === 1
      ? `${task} rassemble ${targets} (gather) : elle démarre à l'itération suivante`
      : `${task} rassemble ${targets} (gather) : elles démarrent à l'itération suivante, dans l'ordre`,
  waitsGather: (task, targets) => `${task} attend la fin de ${targets} (gather)`,
  gatherCallback: (target) =>
    `${target} est terminée : le rappel de gather pour elle rejoint la file des prêts`,
  runCallback: (target, completes) =>
    completes
      ? `Le rappel de gather pour ${target} termine le gather`
      : `Le rappel de gather pour ${target} tourne ; le gather continue`,
  gatherDone: (task, raised) =>
    raised ? `gather lève une exception dans ${task}` : `gather rend ses résultats à ${task}`,
  printsLine: (task, text, stderr) =>
    `${task || 'Le programme'} ${stderr ? 'écrit sur stderr' : 'affiche'} « ${text} »`,
  noTask: 'Un rappel',
  waitsCondition: (task, c) => `${task} attend un notify() de ${c}`,
  waitsWait: (task, targets) => `${task} attend ${targets} (asyncio.wait)`,
  waitsGroup: (task, targets) => `${task} attend la fin des tâches de son TaskGroup : ${targets}`,
  waitsFuture: (task) => `${task} attend un futur`,
  callSoon: (name, task) =>
    task
      ? `${task} est terminée : son rappel ${name} rejoint la file des prêts`
      : `Le rappel ${name} rejoint la file des prêts`,
  runHandle: (name) => `Le rappel ${name} tourne`,
  iterationWaitsIo: (k, timeout, at) =>
    `L'itération ${k} commence : rien n'est prêt, donc select(timeout=${timeout}) attend une minuterie ou un fd surveillé ; un fd est prêt à ${at} s`,
  selectIo: (timeout, at) => `select(timeout=${timeout}) revient à ${at} s avec des fd prêts`,
  fdReady: (fd, conn, read) =>
    `select a rendu le fd ${fd} (${conn}) prêt en ${read ? 'lecture' : 'écriture'} : son rappel ${read ? '_read_ready' : '_sock_connect_cb'} rejoint la file des prêts`,
  fdAdd: (fd, conn, read) =>
    `Le fd ${fd} (${conn}) est enregistré dans le sélecteur, en ${read ? 'lecture' : 'écriture'}`,
  fdRemove: (fd, conn) => `Le fd ${fd} (${conn}) quitte le sélecteur`,
  skipFd: 'Un rappel de fd annulé est sauté : son fd a quitté le sélecteur',
  socket: (task, conn, fd) =>
    `${task} appelle asyncio.open_connection : une socket non bloquante, fd ${fd}, commence à se connecter à ${conn}`,
  recv: (conn, text) =>
    `sock.recv() renvoie ${text} : cela rejoint le tampon du StreamReader de ${conn}`,
  eof: (conn) => `sock.recv() renvoie b'' : le serveur de ${conn} a fermé son côté (EOF)`,
  lost: (conn) => `connection_lost() : la socket de ${conn} est fermée`,
  opened: (task, conn) =>
    `open_connection() revient : ${task} tient le reader et le writer de ${conn}`,
  reads: (task, conn, text) => `${task} lit ${text} de ${conn}`,
  writes: (task, conn, text) => `${task} écrit ${text} vers ${conn} ; drain() n'a rien à attendre`,
  closed: (task, conn) => `${task} : wait_closed() revient, ${conn} est fermée`,
  waitsIo: (task, conn) => `${task} attend ${conn}`,
  procExec: (task, proc, pid) =>
    `${task} appelle asyncio.create_subprocess_exec : le processus ${proc} démarre (pid ${pid}) ; son pidfd est surveillé, une tâche connecte le tube de sa sortie`,
  procOpen: (task, proc) => `create_subprocess_exec() revient : ${task} tient le processus ${proc}`,
  procExit: (proc, code) =>
    `_do_wait : le processus ${proc} est terminé (returncode ${code}) ; _process_exited sera appelé`,
  procWaited: (task, proc, code) => `${task} : ${proc}.wait() renvoie ${code}`,
  procData: (proc, text) =>
    `pipe_data_received : ${text} rejoint le tampon de la sortie de ${proc}`,
  procEof: (proc) => `pipe_connection_lost : la sortie de ${proc} est à EOF`,
  procRead: (proc, text) => `os.read() renvoie ${text} du tube de sortie de ${proc}`,
  rank: (q, before) =>
    before === 0
      ? `Dans ${q}, il passe en tête (le plus petit)`
      : `Dans ${q}, il passe après ${before} ${before === 1 ? 'élément plus petit' : 'éléments plus petits'}`,
  end: {
    complete: "L'exécution est terminée : toutes les tâches ont fini",
    deadlock: "L'exécution s'arrête sur un interblocage : aucune tâche ne peut plus avancer",
    until: "L'exécution s'arrête ici : le temps demandé est atteint",
    livelock: "L'exécution s'arrête sur un blocage actif : l'horloge ne peut plus avancer",
    'no-yield': "L'exécution s'arrête : une tâche ne rend jamais la main à la boucle",
    'event-limit': "L'exécution s'arrête : la trace a atteint sa taille maximale",
    exception: 'Le programme se termine : une exception en est sortie',
    unsupported: "L'exécution s'arrête : le programme appelle ce qui ne peut pas tourner ici",
    'wall-time': "L'exécution s'arrête : le programme a calculé trop longtemps sans rendre la main",
    interrupted: "Ctrl-C : KeyboardInterrupt sort de la boucle, et l'exécution s'arrête",
  },
};

const WORDS: Record<NarrationLang, Words> = { en: EN, fr: FR };

function item(trace: Trace, id: number): string {
  return id < 0 ? 'None' : JSON.stringify(trace.string(id));
}

/** Whether select returned an fd in the iteration of event i (its FD_READY come just after). */
function fdReadyAfter(trace: Trace, i: number): boolean {
  for (let j = i + 1; j < trace.eventCount && j <= i + 3; j += 1) {
    if (trace.kind[j] === Ev.FD_READY) return true;
    if (trace.kind[j] !== Ev.SELECT) return false;
  }
  return false;
}

/** What the fd of FD event i is: a Connection's socket, a Process's stdout pipe or pidfd. */
function fdName(trace: Trace, i: number): string {
  const p = trace.primitives[trace.a[i]];
  if (p?.type !== 'Process') return p?.name ?? '?';
  return `${p.name} ${trace.step[i] & FD_PIDFD ? 'pidfd' : 'stdout'}`;
}

export function narrate(trace: Trace, i: number, lang: NarrationLang = 'en'): string {
  const w = WORDS[lang];
  const kind = trace.kind[i];
  const a = trace.a[i];
  const b = trace.b[i];
  const task = trace.task[i] >= 0 ? trace.tasks[trace.task[i]].name : '';
  const actor = task || w.noTask;
  const prim = (index = a) => trace.primitives[index]?.name ?? '?';
  const time = (t: number) => formatTime(t);
  const gathered = (g: number) => trace.gathers[g].map((x) => trace.tasks[x].name).join(', ');
  switch (kind) {
    case Ev.ITER_START: {
      const k = trace.iter[i];
      if (!trace.iterationSelected(k) || trace.iterationTimeout(k) === 0) return w.iteration(k);
      if (fdReadyAfter(trace, i)) {
        const timeout = trace.iterationTimeout(k);
        return w.iterationWaitsIo(
          k,
          timeout < 0 ? 'None' : time(timeout),
          time(trace.iterationTime(k)),
        );
      }
      if (trace.iterationTimeout(k) < 0) return w.iterationIdle(k);
      return w.iterationWaits(k, time(trace.iterationTimeout(k)), time(trace.iterationTime(k)));
    }
    case Ev.SELECT: {
      const k = trace.iter[i];
      if (trace.iterationTimeout(k) !== 0 && fdReadyAfter(trace, i)) {
        const timeout = trace.iterationTimeout(k);
        return w.selectIo(timeout < 0 ? 'None' : time(timeout), time(trace.iterationTime(k)));
      }
      return trace.iterationTimeout(k) === 0
        ? w.selectReady
        : w.selectJump(time(trace.iterationTimeout(k)), time(trace.iterationTime(k)));
    }
    case Ev.TIMER_DROP:
      return w.timerDrop(time(trace.timerWhen(a)));
    case Ev.TIMER_FIRE: {
      const late = timerLateness(trace, i);
      return late > 0 ? w.timerFireLate(task, time(late)) : w.timerFire(task);
    }
    case Ev.BLOCK:
      return w.blocks(task, time(trace.moveTo(a) - trace.moveFrom(a)), time(trace.moveTo(a)));
    case Ev.TASK_CREATE:
      return w.create(task);
    case Ev.RUN_STEP:
      return `${task} ${w.step[a] ?? w.step[2]}`;
    case Ev.RUN_TIMER:
      return w.runTimer(task, b === 1);
    case Ev.SKIP_HANDLE:
      return a < 0 ? w.skipFd : w.skip;
    case Ev.SUSPEND:
      switch (a) {
        case WaitKind.SLEEP:
          return w.sleeps(task, time(trace.timerWhen(b)));
        case WaitKind.QUEUE_PUT:
          return w.waitsFull(task, prim(b));
        case WaitKind.QUEUE_GET:
          return w.waitsEmpty(task, prim(b));
        case WaitKind.ACQUIRE:
          return w.waitsLock(task, prim(b));
        case WaitKind.JOIN:
          return w.waitsJoin(task, prim(b));
        case WaitKind.TASK:
          return w.waitsTask(task, trace.tasks[b].name);
        case WaitKind.GATHER:
          return w.waitsGather(task, gathered(b));
        case WaitKind.CONDITION:
          return w.waitsCondition(task, prim(b));
        case WaitKind.WAIT:
          return w.waitsWait(task, b >= 0 ? gathered(b) : '?');
        case WaitKind.TASKGROUP:
          return w.waitsGroup(task, b >= 0 ? gathered(b) : '?');
        case WaitKind.IO:
          return w.waitsIo(task, prim(b));
        case WaitKind.FUTURE:
          return w.waitsFuture(task);
        default:
          return w.waitsEvent(task, prim(b));
      }
    case Ev.YIELD:
      return w.yields(task);
    case Ev.WAKE:
      return w.wake(task, a === 1);
    case Ev.SLEPT:
      return w.slept(task);
    case Ev.TASK_DONE:
      return w.done(task);
    case Ev.TASK_FAIL:
      return w.fails(task, trace.string(a));
    case Ev.TASK_CANCELLED:
      return w.cancelledEnd(task);
    case Ev.CANCEL:
      return w.cancels(actor, trace.tasks[a].name, b === 1);
    case Ev.LOG:
      return w.prints(task, trace.string(a));
    case Ev.PRINT:
      return w.printsLine(task, trace.string(a), b === 1);
    case Ev.CALL_SOON:
      return w.callSoon(trace.string(a), task);
    case Ev.RUN_HANDLE:
      return w.runHandle(trace.string(a));
    case Ev.Q_RANK:
      return w.rank(prim(), b);
    case Ev.TIMER_SCHEDULE:
      return w.timerSet(task, time(trace.timerWhen(a)));
    case Ev.TIMER_CANCEL:
      return w.timerCancel(task);
    case Ev.Q_PUT:
      return w.put(actor, item(trace, b), prim());
    case Ev.Q_GET:
      return w.get(actor, item(trace, b), prim());
    case Ev.Q_BLOCK:
      return w.joins(task, prim(), b === 0);
    case Ev.Q_NOTIFY:
      return w.notifies(prim(), task, b === 0);
    case Ev.Q_UNBLOCK:
      return w.leaves(task, prim(), b === 0);
    case Ev.ACQUIRE:
    case Ev.ACQUIRED:
      return w.acquires(task, prim());
    case Ev.ACQUIRE_BLOCK:
      return w.waitsToAcquire(task, prim());
    case Ev.ACQUIRE_NOTIFY:
      return w.wakes(prim(), task);
    case Ev.ACQUIRE_ABANDON:
      return w.givesUp(task, prim());
    case Ev.RELEASE:
      return w.releases(actor, prim());
    case Ev.EV_SET:
      return w.sets(actor, prim());
    case Ev.EV_CLEAR:
      return w.clears(actor, prim());
    case Ev.EV_PASS:
      return w.passes(task, prim());
    case Ev.EV_BLOCK:
      return w.waitsSet(task, prim());
    case Ev.EV_NOTIFY:
      return w.eventWakes(prim(), task);
    case Ev.EV_DONE:
      return w.stopsWaiting(task, prim());
    case Ev.Q_TASK_DONE:
      return w.taskDone(actor, prim(), b);
    case Ev.Q_JOIN_PASS:
      return w.joinPasses(task, prim());
    case Ev.Q_JOIN_BLOCK:
      return w.joinBlocks(task, prim());
    case Ev.Q_JOIN_NOTIFY:
      return w.joinWakes(prim(), task);
    case Ev.Q_JOIN_DONE:
      return w.joinDone(task, prim(), b === 1);
    case Ev.SPAWN:
      return w.spawns(task, trace.tasks[a].name);
    case Ev.AWAIT_PASS:
      return w.awaitPasses(task, trace.tasks[a].name);
    case Ev.AWAIT_DONE:
      return w.awaitDone(task, trace.tasks[a].name, b === 1);
    case Ev.GATHER:
      return w.gathers(task, gathered(a), trace.gathers[a].length);
    case Ev.GATHER_CALLBACK:
      return w.gatherCallback(task);
    case Ev.RUN_CALLBACK:
      return w.runCallback(task, b === 1);
    case Ev.GATHER_DONE:
      return w.gatherDone(task, b === 1);
    case Ev.FD_READY:
      return w.fdReady(b, fdName(trace, i), (trace.step[i] & 3) === 1);
    case Ev.FD_ADD:
      return w.fdAdd(b, fdName(trace, i), (trace.step[i] & 3) === 1);
    case Ev.FD_REMOVE:
      return w.fdRemove(b, fdName(trace, i));
    case Ev.PROC_EXEC:
      return w.procExec(task, prim(), b);
    case Ev.PROC_OPEN:
      return w.procOpen(task, prim());
    case Ev.PROC_EXIT:
      return w.procExit(prim(), b);
    case Ev.PROC_WAITED:
      return w.procWaited(task, prim(), b);
    case Ev.IO_DATA:
      return b < 0 ? w.procEof(prim()) : w.procData(prim(), JSON.stringify(trace.string(b)));
    case Ev.IO_SOCKET:
      return w.socket(task, prim(), b);
    case Ev.IO_RECV:
      if (trace.primitives[a]?.type === 'Process')
        return w.procRead(prim(), b < 0 ? "b''" : JSON.stringify(trace.string(b)));
      return b < 0 ? w.eof(prim()) : w.recv(prim(), JSON.stringify(trace.string(b)));
    case Ev.IO_LOST:
      return w.lost(prim());
    case Ev.IO_OPEN:
      return w.opened(task, prim());
    case Ev.IO_READ:
      return w.reads(task, prim(), JSON.stringify(trace.string(b)));
    case Ev.IO_WRITE:
      return w.writes(task, prim(), JSON.stringify(trace.string(b)));
    case Ev.IO_CLOSED:
      return w.closed(task, prim());
    case Ev.END:
      return w.end[END_REASON_NAMES[a]];
    default:
      return `event ${kind}`;
  }
}
