/**
 * The presets' own words, in English or French: their titles (what Save writes) and, for the
 * Lock and Event presets, which are not the course's own code, the lines they print. The
 * course's programs (the job window, the producer/consumer) print what the course prints, in
 * every language. English is the command line's; the app in French shows French, and its
 * generated Python prints the same French lines.
 */
import type { CodeLang } from '../comments';

const plural = (lang: CodeLang, n: number, one: string, many: string) =>
  (lang === 'fr' ? n < 2 : n === 1) ? one : many;

export const PRESET_TEXTS = {
  jobWindowTitle: (lang: CodeLang, jobs: number, maxsize: number) =>
    lang === 'fr'
      ? `Fenêtre de jobs : ${jobs} ${plural(lang, jobs, 'job', 'jobs')}, Queue(maxsize=${maxsize})`
      : `Job window: ${jobs} ${plural(lang, jobs, 'job', 'jobs')}, Queue(maxsize=${maxsize})`,
  semaphoreWindowTitle: (lang: CodeLang, jobs: number, value: number) =>
    lang === 'fr'
      ? `Fenêtre de jobs : ${jobs} ${plural(lang, jobs, 'job', 'jobs')}, Semaphore(${value})`
      : `Job window: ${jobs} ${plural(lang, jobs, 'job', 'jobs')}, Semaphore(${value})`,
  producerConsumerTitle: (lang: CodeLang, maxsize: number) =>
    lang === 'fr'
      ? `Producteur / consommateur : Queue(maxsize=${maxsize})`
      : `Producer / consumer: Queue(maxsize=${maxsize})`,
  sharedLockTitle: (lang: CodeLang, workers: number) =>
    lang === 'fr'
      ? `Une ressource partagée : ${workers} ${plural(lang, workers, 'worker', 'workers')}, un asyncio.Lock`
      : `A shared resource: ${workers} ${plural(lang, workers, 'worker', 'workers')}, one asyncio.Lock`,
  eventStartTitle: (lang: CodeLang, runners: number) =>
    lang === 'fr'
      ? runners < 2
        ? `${runners} coureur lancé par un asyncio.Event`
        : `${runners} coureurs lancés ensemble par un asyncio.Event`
      : runners === 1
        ? '1 runner started by an asyncio.Event'
        : `${runners} runners started together by an asyncio.Event`,
  blockingTitle: (lang: CodeLang, fixed: boolean) =>
    lang === 'fr'
      ? fixed
        ? 'Piège corrigé : await asyncio.sleep() laisse tourner les autres'
        : 'Piège : un appel bloquant (time.sleep) dans une coroutine'
      : fixed
        ? 'Pitfall fixed: await asyncio.sleep() lets the others run'
        : 'Pitfall: a blocking call (time.sleep) inside a coroutine',
  streamsTitle: (lang: CodeLang, clients: number) =>
    lang === 'fr'
      ? `Flux et select() : ${clients} ${plural(lang, clients, 'client', 'clients')} TCP`
      : `Streams and select(): ${clients} TCP ${plural(lang, clients, 'client', 'clients')}`,
  /** The streams preset's lines; `{item}`: the line read. */
  streams: {
    connected: { en: 'connected', fr: 'connecté' },
    got: { en: 'got {item}', fr: 'reçu {item}' },
    closed: { en: 'closed', fr: 'fermé' },
    /** What a server sends (ASCII: bytes on a socket). */
    line: (lang: CodeLang, k: number, server: string) =>
      lang === 'fr' ? `ligne ${k} de ${server}` : `line ${k} of ${server}`,
  },
  subprocessTitle: (lang: CodeLang, workers: number) =>
    lang === 'fr'
      ? `Sous-processus et select() : ${workers} ${plural(lang, workers, 'processus', 'processus')}`
      : `Subprocesses and select(): ${workers} ${plural(lang, workers, 'process', 'processes')}`,
  subprocess: {
    started: { en: 'started', fr: 'démarré' },
    got: { en: 'read {item}', fr: 'lu {item}' },
    exited: { en: 'exited', fr: 'terminé' },
    progress: (lang: CodeLang, k: number, of: number) =>
      lang === 'fr' ? `etape ${k}/${of}` : `step ${k}/${of}`,
  },
  /** The blocking-call pitfall's lines; `{n}`: the tick's number. */
  blocking: {
    tick: { en: 'tick {n} (one every 0.5 s)', fr: 'tic {n} (un toutes les 0,5 s)' },
    starts: { en: '>>> slow call', fr: '>>> appel lent' },
    done: { en: '<<< slow call done', fr: '<<< appel lent fini' },
    job: { en: 'job due at 1.5 s', fr: 'job prévu à 1,5 s' },
  },
  /** `{n}`: the round, as in the scenario's log steps and the code's f-strings. */
  usesPrinter: { en: '>>> uses the printer, round {n}', fr: ">>> utilise l'imprimante, tour {n}" },
  roundDone: { en: '<<< round {n} done', fr: '<<< tour {n} fini' },
  ready: { en: 'ready', fr: 'prêt' },
  go: { en: 'go!', fr: 'parti !' },
  arrived: { en: 'arrived', fr: 'arrivé' },
  setGo: { en: 'set!', fr: 'partez !' },
} as const;

/** The pitfalls' titles, printed lines and code comments (`{n}`, `{item}`: as in log steps). */
export const PITFALL_TEXTS = {
  lockTwiceTitle: (lang: CodeLang, fixed: boolean) =>
    lang === 'fr'
      ? fixed
        ? 'Piège corrigé : le verrou rendu avant de le reprendre'
        : 'Piège : un asyncio.Lock pris deux fois par la même tâche'
      : fixed
        ? 'Pitfall fixed: the lock released before it is taken again'
        : 'Pitfall: one task takes the same asyncio.Lock twice',
  taskDoneTitle: (lang: CodeLang, fixed: boolean) =>
    lang === 'fr'
      ? fixed
        ? 'Piège corrigé : task_done() après chaque élément, join() revient'
        : 'Piège : task_done() oublié, join() ne revient jamais'
      : fixed
        ? 'Pitfall fixed: task_done() after each item, join() returns'
        : 'Pitfall: task_done() forgotten, join() never returns',
  unboundedQueueTitle: (lang: CodeLang, maxsize: number) =>
    lang === 'fr'
      ? maxsize > 0
        ? `Piège corrigé : Queue(maxsize=${maxsize}), le producteur attend`
        : 'Piège : une Queue() sans limite grossit sans fin'
      : maxsize > 0
        ? `Pitfall fixed: Queue(maxsize=${maxsize}), the producer waits`
        : 'Pitfall: an unbounded Queue() grows without end',
  step1: { en: 'step 1, holding the lock', fr: 'étape 1, avec le verrou' },
  step2: { en: 'step 2, holding the lock', fr: 'étape 2, avec le verrou' },
  lockPitfallComment: {
    en: [
      'PITFALL: this task asks again for the lock it holds. asyncio.Lock is not',
      'reentrant: the task waits for itself, for ever (and every other worker with it).',
    ],
    fr: [
      'PIÈGE : cette tâche redemande le verrou qu’elle tient. asyncio.Lock n’est pas',
      'réentrant : la tâche s’attend elle-même, pour toujours (et les autres workers avec).',
    ],
  },
  lockFixedComment: {
    en: ['FIXED: the lock is released here, before it is taken again.'],
    fr: ['CORRIGÉ : le verrou est rendu ici, avant d’être repris.'],
  },
  putJob: { en: 'put job{n}', fr: 'dépose job{n}' },
  got: { en: 'got {item}', fr: 'reçu {item}' },
  allDone: { en: 'all jobs done', fr: 'tous les jobs finis' },
  joinComment: {
    en: ['join() returns once task_done() has been called for every item put'],
    fr: ['join() revient quand task_done() a été appelé pour chaque élément déposé'],
  },
  taskDonePitfallComment: {
    en: [
      'PITFALL: queue.task_done() is never called: the queue still counts',
      'every item as unfinished, and join() waits for ever.',
    ],
    fr: [
      'PIÈGE : queue.task_done() n’est jamais appelé : la queue compte encore',
      'chaque élément comme non fini, et join() attend pour toujours.',
    ],
  },
  taskDoneFixedComment: {
    en: ['FIXED: each item is marked done, so join() can return'],
    fr: ['CORRIGÉ : chaque élément est marqué fini, join() peut revenir'],
  },
  putTick: { en: 'put tick{n}', fr: 'dépose tick{n}' },
  unboundedComment: {
    en: [
      'PITFALL: no maxsize: put() never waits. The producer is faster than the',
      'consumer, so the queue grows without end (memory too, in a real program).',
    ],
    fr: [
      'PIÈGE : pas de maxsize : put() n’attend jamais. Le producteur est plus rapide',
      'que le consommateur : la queue grossit sans fin (la mémoire aussi, en vrai).',
    ],
  },
  boundedComment: {
    en: (n: number) => [`FIXED: at most ${n} items; put() waits while the queue is full`],
    fr: (n: number) => [
      `CORRIGÉ : au plus ${n} éléments ; put() attend tant que la queue est pleine`,
    ],
  },
} as const;
