/**
 * The page and its Python worker (worker.ts) talk in these messages; client.ts is the page's
 * side. One program at a time: a new `run` replaces the last one.
 */
import type { Chunk } from './chunk';
import type { PythonLimits } from './runtime';

export type ToWorker =
  /** Load Pyodide now (the page asks as soon as the Python mode opens). */
  | { type: 'load' }
  /** Run a program from its start: the reply is its first chunk. */
  | {
      type: 'run';
      id: number;
      source: string;
      until?: number;
      chunkEvents?: number;
      limits?: PythonLimits;
    }
  /** Run the last program further. */
  | { type: 'resume'; id: number; until?: number; chunkEvents?: number }
  /** End the last program where it stands (reason `until`). */
  | { type: 'stop'; id: number };

/** How far loading Pyodide has gone: bytes of its files fetched, then starting CPython. */
export type LoadProgress =
  | { phase: 'download'; loaded: number; total: number }
  | { phase: 'start' }
  /** `snapshot`: CPython started from the build's memory snapshot (else on its own). */
  | { phase: 'ready'; ms: number; version: string; snapshot: boolean }
  | { phase: 'failed'; message: string };

export type FromWorker =
  | { type: 'progress'; progress: LoadProgress }
  /** `ms`: wall-clock milliseconds the runtime took for this chunk. */
  | { type: 'chunk'; id: number; chunk: Chunk; ms: number }
  /** Something of ours failed (not the program: its errors are in the chunk). */
  | { type: 'error'; id: number; message: string };
