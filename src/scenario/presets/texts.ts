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
