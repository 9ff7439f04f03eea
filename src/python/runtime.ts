/**
 * CPython (Pyodide) running programs with the tracing runtime (_asyncio_sim.py): one session
 * at a time, run in chunks. The same code serves the page's Web Worker and Node (the command
 * line, the tests); only how Pyodide is loaded differs (worker.ts, node.ts).
 */
import type { PyodideInterface } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import runtimeSource from './_asyncio_sim.py';
import type { Chunk } from './chunk';

/** Bounds of the runtime, in the names of `DEFAULT_LIMITS` (_asyncio_sim.py). */
export interface PythonLimits {
  maxIterationsPerInstant?: number;
  maxJumpsPerStep?: number;
  maxEventsPerIteration?: number;
  maxEvents?: number;
}

export interface StartOptions {
  /** Pause (or, for an `asyncio.run` called from a function, stop) before the clock passes it. */
  until?: number;
  /** Pause once a chunk holds this many events (between two loop iterations). */
  chunkEvents?: number;
  /** The program's file name, as tracebacks show it. */
  filename?: string;
  limits?: PythonLimits;
}

/** The name under which the program runs (its frames are the user's code). */
export const PROGRAM_FILE = 'main.py';

export class PythonRuntime {
  private session: PyProxy | null = null;
  private readonly module: PyProxy;

  constructor(private readonly py: PyodideInterface) {
    py.FS.mkdirTree('/asyncio_sim');
    py.FS.writeFile('/asyncio_sim/_asyncio_sim.py', runtimeSource);
    py.runPython(
      'import sys\nif "/asyncio_sim" not in sys.path: sys.path.insert(0, "/asyncio_sim")',
    );
    this.module = py.pyimport('_asyncio_sim') as PyProxy;
  }

  /** CPython's version, as `sys.version` says it. */
  get version(): string {
    return this.py.runPython('import sys; sys.version') as string;
  }

  /** Runs a program from its start until it ends or pauses: the first chunk of its records. */
  start(source: string, options: StartOptions = {}): Chunk {
    this.close();
    const limits = options.limits ?? {};
    const pyLimits = this.py.toPy({
      ...(limits.maxIterationsPerInstant !== undefined && {
        max_iterations_per_instant: limits.maxIterationsPerInstant,
      }),
      ...(limits.maxJumpsPerStep !== undefined && { max_jumps_per_step: limits.maxJumpsPerStep }),
      ...(limits.maxEventsPerIteration !== undefined && {
        max_events_per_iteration: limits.maxEventsPerIteration,
      }),
      ...(limits.maxEvents !== undefined && { max_events: limits.maxEvents }),
    });
    const Session = this.module.Session as PyProxy & {
      callKwargs(...args: unknown[]): PyProxy;
    };
    this.session = Session.callKwargs(source, {
      filename: options.filename ?? PROGRAM_FILE,
      limits: pyLimits,
    });
    pyLimits.destroy?.();
    return this.call('start', options.until, options.chunkEvents);
  }

  /** Runs the paused program further: the next chunk. */
  resume(until?: number, chunkEvents?: number): Chunk {
    return this.call('resume', until, chunkEvents);
  }

  /** Ends the paused program where it stands (reason `until`): the last chunk. */
  stop(): Chunk {
    if (this.session === null) throw new Error('no program is running');
    return convert(this.session.stop() as PyProxy);
  }

  /** Lets go of the program (its objects, its loops). */
  close(): void {
    this.session?.destroy();
    this.session = null;
  }

  private call(method: 'start' | 'resume', until?: number, chunkEvents?: number): Chunk {
    const session = this.session;
    if (session === null) throw new Error('no program is running');
    const run = session[method] as PyProxy & { callKwargs(...args: unknown[]): PyProxy };
    const chunk = run.callKwargs({ until, chunk_events: chunkEvents });
    run.destroy();
    return convert(chunk);
  }
}

function convert(chunk: PyProxy): Chunk {
  const result = chunk.toJs({
    dict_converter: Object.fromEntries,
    create_pyproxies: false,
  }) as Chunk;
  chunk.destroy();
  result.end ??= null; // Python's None comes out undefined
  return result;
}
