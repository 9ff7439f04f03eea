/**
 * The CLI's bundle started as a worker thread (pythonHost.ts's `workerHost`): loads Pyodide from
 * the `pyodide` package next to the bundle (whatever the working folder), runs the one program
 * it was given and posts its chunks, then `done`. The main thread holds the wall-clock budget:
 * it interrupts Python through the interrupt buffer, or ends this thread.
 */
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import { PythonRuntime } from '../python/runtime';
import { drive, type FromWorker, type WorkerData } from './pythonHost';

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

export async function serve(): Promise<void> {
  const data = workerData as WorkerData;
  let runtime: PythonRuntime;
  const started = performance.now();
  try {
    // (Resolved from the bundle's own place: node_modules/.cache/asyncio-sim/.)
    const indexURL = dirname(require.resolve('pyodide/package.json')) + '/';
    const py = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
    // What the program prints is recorded by the runtime; nothing reaches the process's own.
    py.setStdout({ batched: () => {} });
    py.setStderr({ batched: () => {} });
    py.setInterruptBuffer(new Int32Array(data.interrupt));
    runtime = new PythonRuntime(py);
  } catch (error) {
    post({
      type: 'error',
      message: `Python (Pyodide) could not load: ${(error as Error).message}`,
    });
    return;
  }
  post({ type: 'ready', ms: performance.now() - started });
  const running = performance.now();
  try {
    drive(runtime, { ...data.run, budgetMs: 0 }, (chunk) => post({ type: 'chunk', chunk }));
  } catch (error) {
    post({ type: 'error', message: (error as Error).message });
    return;
  }
  post({ type: 'done', ms: performance.now() - running });
}
