/**
 * The page's Python worker: loads Pyodide from the app's own files (the folder
 * `pyodide-<version>/` next to this chunk, see vite.config.ts), then runs programs with one
 * PythonRuntime. Messages (protocol.ts) are handled one at a time, in the order they come.
 */
import { loadPyodide } from 'pyodide';
import type { Chunk } from './chunk';
import type { FromWorker, LoadProgress, ToWorker } from './protocol';
import { PythonRuntime } from './runtime';

/**
 * Given by vite.config.ts: the runtime's folder, the byte size of each of its files, and the
 * name of CPython's memory snapshot among them (a build has one, dev none).
 */
declare const __PYODIDE_ASSETS__: {
  folder: string;
  sizes: Record<string, number>;
  snapshot: string | null;
};

/**
 * Relative to this worker's own URL, so that the app works from any sub-path. (Through a
 * variable: Vite would read `new URL('literal', import.meta.url)` as an asset of its own.)
 */
const folder = `${__PYODIDE_ASSETS__.folder}/`;
const indexURL = new URL(folder, import.meta.url).href;
const SIZES = __PYODIDE_ASSETS__.sizes;
const SNAPSHOT = __PYODIDE_ASSETS__.snapshot;

/** The snapshot's bytes, gunzipped as they come. */
async function inflated(response: Promise<Response>): Promise<ArrayBuffer> {
  const r = await response;
  if (!r.ok || !r.body) throw new Error(`no snapshot (HTTP ${r.status})`);
  return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}
/** At most one download progress message per this many milliseconds. */
const PROGRESS_EVERY_MS = 50;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

function progress(p: LoadProgress): void {
  post({ type: 'progress', progress: p });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Bytes of Pyodide's files received so far, told to the page now and then. */
class Download {
  readonly total = Object.values(SIZES).reduce((a, b) => a + b, 0);
  private loaded = 0;
  private last = 0;
  private readonly done = new Set<string>();
  private started = false;
  private failure: (e: Error) => void = () => {};
  /** Rejects when one of the files cannot be fetched (Pyodide itself would only log it). */
  readonly failed = new Promise<never>((_, reject) => (this.failure = reject));

  constructor() {
    this.failed.catch(() => {});
    progress({ phase: 'download', loaded: 0, total: this.total });
  }

  fail(e: unknown): void {
    this.failure(e instanceof Error ? e : new Error(String(e)));
  }

  private add(bytes: number): void {
    this.loaded += bytes;
    const now = performance.now();
    if (now - this.last < PROGRESS_EVERY_MS && this.loaded < this.total) return;
    this.last = now;
    progress({ phase: 'download', loaded: this.loaded, total: Math.max(this.total, this.loaded) });
  }

  /** A file that will not come (the snapshot, when it could not be used). */
  forget(name: string): void {
    this.finished(name);
  }

  /** Every file is here: CPython starts (the wasm, compiled as it came, is ready or nearly). */
  start(): void {
    if (this.started) return;
    this.started = true;
    progress({ phase: 'start' });
  }

  private finished(name: string): void {
    this.done.add(name);
    if (Object.keys(SIZES).every((file) => this.done.has(file))) this.start();
  }

  /** The response, its body counted as it streams (Pyodide compiles the wasm as it comes). */
  counted(response: Response, url: string): Response {
    if (!response.ok) {
      this.fail(new Error(`could not fetch ${url}: HTTP ${response.status}`));
      return response;
    }
    if (!response.body) return response;
    const name = url.slice(indexURL.length).replace(/[?#].*/, '');
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (bytes, controller) => {
          this.add(bytes.byteLength);
          controller.enqueue(bytes);
        },
        flush: () => this.finished(name),
      }),
    );
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
}

/**
 * Pyodide fetches the wasm, the standard library and the lock file itself, and gives no
 * progress: while it loads, this worker's fetch counts the bytes of the runtime's files (the
 * wasm still compiles as it streams in). Pyodide would import pyodide.asm.mjs with import(),
 * which cannot be counted: that one is fetched here and imported from a blob.
 */
async function loadRuntime(): Promise<PythonRuntime> {
  const started = performance.now();
  const download = new Download();
  const realFetch = self.fetch;
  const countingFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(indexURL)) return realFetch(input, init);
    try {
      return download.counted(await realFetch(input, init), url);
    } catch (e) {
      download.fail(e);
      throw e;
    }
  };
  self.fetch = countingFetch;
  try {
    const asm = countingFetch(indexURL + 'pyodide.asm.mjs')
      .then((response) => response.blob())
      .then(async (blob) => {
        const url = URL.createObjectURL(new Blob([blob], { type: 'text/javascript' }));
        try {
          return await import(/* @vite-ignore */ url);
        } finally {
          URL.revokeObjectURL(url);
        }
      });
    asm.catch((e: unknown) => download.fail(e));
    const load = (snapshot?: Promise<ArrayBuffer>) =>
      // A file that fails makes Pyodide log and wait forever: the failure ends the wait.
      Promise.race([
        loadPyodide({
          indexURL,
          createPyodideModule: async (settings) => (await asm).default(settings),
          // What the program prints is recorded by the runtime; nothing reaches the console.
          stdout: () => {},
          stderr: () => {},
          ...(snapshot && { _loadSnapshot: snapshot }),
        }),
        download.failed,
      ]);
    // The snapshot is counted as it comes, but is not needed: a failure only means no snapshot.
    const snapshot =
      SNAPSHOT === null
        ? null
        : inflated(
            realFetch(indexURL + SNAPSHOT).then((r) =>
              r.ok ? download.counted(r, indexURL + SNAPSHOT) : r,
            ),
          );
    // From the snapshot when it comes and loads; else CPython starts on its own.
    let fromSnapshot = snapshot !== null;
    const py = snapshot
      ? await load(snapshot).catch(() => {
          fromSnapshot = false;
          download.forget(SNAPSHOT!);
          return load();
        })
      : await load();
    download.start();
    py.setStdout({ batched: () => {} });
    py.setStderr({ batched: () => {} });
    const python = new PythonRuntime(py);
    const ms = Math.round(performance.now() - started);
    progress({ phase: 'ready', ms, version: python.version, snapshot: fromSnapshot });
    return python;
  } finally {
    self.fetch = realFetch;
  }
}

let runtime: Promise<PythonRuntime> | null = null;

async function ensureRuntime(): Promise<PythonRuntime> {
  runtime ??= loadRuntime().catch((e: unknown) => {
    runtime = null; // the next request tries again
    progress({ phase: 'failed', message: errorText(e) });
    throw e;
  });
  return runtime;
}

/** A chunk's own buffers, given to the page rather than copied. */
function buffersOf(chunk: Chunk): Transferable[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of [chunk.events, chunk.iters, chunk.timers])
    if (column.buffer instanceof ArrayBuffer) buffers.add(column.buffer);
  return [...buffers];
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'load') {
    await ensureRuntime().catch(() => {});
    return;
  }
  const { id } = message;
  let python: PythonRuntime;
  try {
    python = await ensureRuntime();
  } catch (e) {
    post({ type: 'error', id, message: `Python could not load: ${errorText(e)}` });
    return;
  }
  const started = performance.now();
  try {
    const chunk =
      message.type === 'run'
        ? python.start(message.source, {
            until: message.until,
            chunkEvents: message.chunkEvents,
            limits: message.limits,
          })
        : message.type === 'resume'
          ? python.resume(message.until, message.chunkEvents)
          : python.stop();
    post({ type: 'chunk', id, chunk, ms: performance.now() - started }, buffersOf(chunk));
  } catch (e) {
    post({ type: 'error', id, message: errorText(e) });
    // After a fatal error Pyodide cannot be used again: load a fresh one for the next request.
    if ((e as { pyodide_fatal_error?: boolean } | null)?.pyodide_fatal_error) runtime = null;
  }
}

let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  queue = queue.then(() => handle(message));
});
