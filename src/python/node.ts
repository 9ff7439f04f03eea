/** The Python runtime in Node: Pyodide from the `pyodide` package, offline (about 2 s to load). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { PythonRuntime } from './runtime';

/** The folder of the pinned `pyodide` package. */
export function pyodideDir(): string {
  const require = createRequire(join(process.cwd(), 'package.json'));
  return dirname(require.resolve('pyodide/package.json'));
}

export async function loadPythonRuntime(): Promise<PythonRuntime> {
  const py = await loadPyodide({ indexURL: pyodideDir() + '/' });
  // What the program prints is recorded by the runtime; nothing reaches the process's own.
  py.setStdout({ batched: () => {} });
  py.setStderr({ batched: () => {} });
  return new PythonRuntime(py);
}
