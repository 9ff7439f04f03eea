/**
 * The page's side of the Python worker (worker.ts): loads it on demand, tells how loading goes,
 * and runs one program at a time under a wall-clock budget.
 *
 * Requests wait here and go to the worker one at a time, once Pyodide is ready: so the budget
 * counts from when the worker starts a request (never Pyodide's load), and a request that a
 * newer `run` supersedes before it was sent is never run at all. A request the worker is
 * already running when a newer `run` comes is answered `superseded` at once; the worker
 * finishes it (most runs take milliseconds, well under a Pyodide restart's second or two) and
 * its answer is dropped. If it takes longer than the budget, the worker is ended and restarted
 * as for any other run, and the newer run goes to the fresh worker.
 */
import type { Chunk } from './chunk';
import type { FromWorker, LoadProgress, ToWorker } from './protocol';
import type { PythonLimits } from './runtime';

export type RunReply =
  | { kind: 'chunk'; chunk: Chunk; ms: number }
  /** The request ran past the budget: the worker was ended (a fresh one is loading). */
  | { kind: 'wall-time'; ms: number }
  /** A newer `run` replaced this request. */
  | { kind: 'superseded' }
  | { kind: 'error'; message: string };

export interface RunOptions {
  until?: number;
  chunkEvents?: number;
  limits?: PythonLimits;
}

export interface PythonClient {
  /** Starts the worker and loads Pyodide (if not yet); resolves once it is ready. */
  load(): Promise<void>;
  /** How loading goes (again after a restart), or null before anything was asked. */
  readonly progress: LoadProgress | null;
  /** Called on every change of `progress`; returns the unsubscribe. */
  subscribe(listener: (p: LoadProgress) => void): () => void;
  run(source: string, options?: RunOptions): Promise<RunReply>;
  resume(until?: number, chunkEvents?: number): Promise<RunReply>;
  stop(): Promise<RunReply>;
  /** Wall-clock milliseconds a request may take in the worker before it is ended. */
  budgetMs: number;
  dispose(): void;
}

export interface PythonClientOptions {
  budgetMs?: number;
  createWorker?: () => Worker;
}

export const DEFAULT_BUDGET_MS = 5000;

type Request = Extract<ToWorker, { id: number }>;

interface Pending {
  message: Request;
  resolve: (reply: RunReply) => void;
}

/** The worker's own chunk: Vite bundles it on its own (an ES module) and loads it on demand. */
function defaultWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' });
}

const LOST = 'the program was ended (it ran past the time budget): run it again';
const NOTHING = 'no program is paused (it ended, or none was run)';

export function createPythonClient(options: PythonClientOptions = {}): PythonClient {
  const createWorker = options.createWorker ?? defaultWorker;
  const listeners = new Set<(p: LoadProgress) => void>();
  let progress: LoadProgress | null = null;
  let worker: Worker | null = null;
  let ready = false;
  let loaded: { promise: Promise<void>; resolve(): void; reject(e: Error): void } | null = null;
  let nextId = 1;
  /** Requests not sent yet, in order. */
  let waiting: Pending[] = [];
  /** The request the worker runs, and its budget's timer. */
  let current: (Pending & { sent: number; timer: ReturnType<typeof setTimeout> }) | null = null;
  /** Whether the last program may go on, and whether its worker was ended. */
  let resumable = false;
  let lost = false;
  let disposed = false;

  function setProgress(p: LoadProgress): void {
    progress = p;
    for (const listener of [...listeners]) listener(p);
  }

  function deferred() {
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => {}); // nobody may be waiting for it
    return { promise, resolve, reject };
  }

  function start(): void {
    if (worker) return;
    ready = false;
    loaded = deferred();
    const w = createWorker();
    worker = w;
    w.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      if (worker === w) receive(event.data);
    });
    w.addEventListener('error', (event: Event) => {
      if (worker !== w) return;
      event.preventDefault?.();
      const text = (event as ErrorEvent).message || 'the Python worker failed';
      if (ready) restart(() => ({ kind: 'error', message: text }));
      else fail(text);
    });
    w.postMessage({ type: 'load' } satisfies ToWorker);
  }

  function fail(message: string): void {
    setProgress({ phase: 'failed', message });
    loaded?.reject(new Error(message));
    worker?.terminate();
    worker = null;
    ready = false;
    const lost = waiting;
    waiting = [];
    for (const p of lost)
      p.resolve({ kind: 'error', message: `Python could not load: ${message}` });
  }

  /** Ends the worker, answers the request it ran, and loads a fresh one in the background. */
  function restart(answer: (sent: number) => RunReply): void {
    const ended = current;
    current = null;
    worker?.terminate();
    worker = null;
    resumable = false;
    lost = true;
    if (ended) {
      clearTimeout(ended.timer);
      ended.resolve(answer(ended.sent));
    }
    // What waited for the old program cannot go on; runs can.
    const kept: Pending[] = [];
    for (const p of waiting)
      if (p.message.type === 'run') kept.push(p);
      else p.resolve({ kind: 'error', message: LOST });
    waiting = kept;
    if (!disposed) start();
  }

  function receive(message: FromWorker): void {
    if (message.type === 'progress') {
      const p = message.progress;
      setProgress(p);
      // Loading again (after a fatal error in Pyodide): later requests wait for it.
      if (p.phase !== 'ready') ready = false;
      if (p.phase === 'ready') {
        ready = true;
        loaded?.resolve();
        send();
      } else if (p.phase === 'failed') fail(p.message);
      return;
    }
    if (!current || current.message.id !== message.id) return; // a superseded request's answer
    const done = current;
    current = null;
    clearTimeout(done.timer);
    if (message.type === 'chunk') {
      resumable = message.chunk.end === null;
      done.resolve({ kind: 'chunk', chunk: message.chunk, ms: message.ms });
    } else {
      if (done.message.type === 'run') resumable = false;
      done.resolve({ kind: 'error', message: message.message });
    }
    send();
  }

  /** Sends the next request, when the worker is ready and free. */
  function send(): void {
    if (!worker || !ready || current || waiting.length === 0) return;
    const next = waiting.shift()!;
    if (next.message.type === 'run') lost = false;
    else if (!resumable) {
      next.resolve({ kind: 'error', message: lost ? LOST : NOTHING });
      send();
      return;
    }
    const sent = performance.now();
    const budget = client.budgetMs;
    const timer = setTimeout(
      () => restart((at) => ({ kind: 'wall-time', ms: Math.round(performance.now() - at) })),
      budget,
    );
    current = { ...next, sent, timer };
    worker.postMessage(next.message);
  }

  function request(message: Request): Promise<RunReply> {
    if (disposed) return Promise.resolve({ kind: 'error', message: 'the Python client is closed' });
    if (message.type === 'run') {
      // A newer run replaces everything before it.
      for (const p of waiting) p.resolve({ kind: 'superseded' });
      waiting = [];
      if (current) current.resolve({ kind: 'superseded' });
    }
    return new Promise<RunReply>((resolve) => {
      waiting.push({ message, resolve });
      start();
      send();
    });
  }

  const client: PythonClient = {
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
    get progress() {
      return progress;
    },
    load() {
      if (disposed) return Promise.reject(new Error('the Python client is closed'));
      start();
      return loaded!.promise;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run(source, { until, chunkEvents, limits } = {}) {
      return request({ type: 'run', id: nextId++, source, until, chunkEvents, limits });
    },
    resume(until, chunkEvents) {
      return request({ type: 'resume', id: nextId++, until, chunkEvents });
    },
    stop() {
      return request({ type: 'stop', id: nextId++ });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      const closed: RunReply = { kind: 'error', message: 'the Python client is closed' };
      if (current) {
        clearTimeout(current.timer);
        current.resolve(closed);
        current = null;
      }
      for (const p of waiting) p.resolve(closed);
      waiting = [];
      worker?.terminate();
      worker = null;
      loaded?.reject(new Error('the Python client is closed'));
      listeners.clear();
    },
  };
  return client;
}

let shared: PythonClient | null = null;

/** The page's one client (its worker holds the one CPython of the page). */
export function sharedClient(): PythonClient {
  if (shared) return shared;
  const client = createPythonClient();
  const dispose = client.dispose.bind(client);
  client.dispose = () => {
    if (shared === client) shared = null;
    dispose();
  };
  shared = client;
  return client;
}
