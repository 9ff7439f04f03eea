// A memory snapshot of CPython (Pyodide) with the tracing runtime already imported, made in
// Node at build time (vite.config.ts). Starting CPython from it skips the interpreter's own
// start-up and the imports, most of a cold load: measured in Chromium on this project's
// machine, 6.7 s without, 2.3 s with (`npm run bench:python`). The snapshot is the wasm's
// memory (31 MB), sent gzipped (6.4 MB) under a name that no server takes for a .gz file of
// its own, and inflated by the worker.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Modules the runtime imports on first use: imported once here, so no run pays for them. */
const WARM_IMPORTS = ['asyncio', 'ast', 'traceback', 'linecache', 'tokenize', 'heapq'];

/**
 * The snapshot's file name says what it holds (the runtime's source and Pyodide's version):
 * a worker built with another runtime never loads it.
 */
export function snapshotName(pyodideDir, runtimePath) {
  const hash = createHash('sha256')
    .update(readFileSync(join(pyodideDir, 'package.json')))
    .update(readFileSync(runtimePath))
    .digest('hex')
    .slice(0, 12);
  return `snapshot-${hash}.gzbin`;
}

/** The gzipped snapshot, as the worker loads it. */
export async function makeSnapshot(pyodideDir, runtimePath) {
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, 'pyodide.mjs')).href);
  // The environment of the process making it stays out (the browser's Pyodide has none).
  const py = await loadPyodide({ indexURL: pyodideDir + '/', env: {}, _makeSnapshot: true });
  // As PythonRuntime does it: the module from a folder of its own, on sys.path.
  py.FS.mkdirTree('/asyncio_sim');
  py.FS.writeFile('/asyncio_sim/_asyncio_sim.py', readFileSync(runtimePath, 'utf8'));
  py.runPython(
    [
      'import sys, os',
      'if "/asyncio_sim" not in sys.path: sys.path.insert(0, "/asyncio_sim")',
      'os.environ.pop("_", None)',
      `import ${WARM_IMPORTS.join(', ')}`,
      'import _asyncio_sim',
    ].join('\n'),
  );
  return gzipSync(py.makeMemorySnapshot(), { level: 9 });
}
