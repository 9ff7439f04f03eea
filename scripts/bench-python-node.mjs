// `npm run bench:python-node`: the Python runtime in Node (Pyodide, CPython 3.14), without a
// browser: how long CPython takes to run a program with our instrumentation (and to append its
// records to a trace) against the same program on a plain virtual clock (oracle.py's
// run_program), so the instrumentation's cost is a measured figure. Figures, not a test.
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'asyncio-sim', 'bench-python-node.mjs');
mkdirSync(dirname(out), { recursive: true });

const entry = `
import { loadPythonRuntime } from './src/python/node';
import { appendChunk, pythonTrace } from './src/python/chunk';
import { loadOracle } from './oracle/pyodide';
export { loadPythonRuntime, appendChunk, pythonTrace, loadOracle };
`;
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  loader: { '.py': 'text' },
  external: ['pyodide'],
  banner: {
    js: "import { createRequire as benchRequire } from 'node:module'; const require = benchRequire(import.meta.url);",
  },
  logLevel: 'error',
});
const { loadPythonRuntime, appendChunk, pythonTrace, loadOracle } = await import(
  pathToFileURL(out).href
);

function jobs(n, window, kind) {
  const make =
    kind === 'queue' ? `asyncio.Queue(maxsize=${window})` : `asyncio.Semaphore(${window})`;
  const take = kind === 'queue' ? 'await tokens.put(None)' : 'await tokens.acquire()';
  const give = kind === 'queue' ? 'await tokens.get()' : 'tokens.release()';
  return `import asyncio

tokens = ${make}

async def job(i):
    ${take}
    print(f"{asyncio.get_running_loop().time():.3f} >>> job{i}")
    await asyncio.sleep((i % 3) + 1)
    print(f"{asyncio.get_running_loop().time():.3f} <<< job{i}")
    ${give}

async def main():
    await asyncio.gather(*(asyncio.create_task(job(i)) for i in range(${n})))

asyncio.run(main())
`;
}

const PROGRAMS = [
  ['job window (8 jobs, Queue(maxsize=4))', jobs(8, 4, 'queue')],
  ['200 tasks (Semaphore(10))', jobs(200, 10, 'semaphore')],
  ['2,000 tasks (Queue(maxsize=100))', jobs(2000, 100, 'queue')],
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

let started = performance.now();
const runtime = await loadPythonRuntime();
const loadMs = performance.now() - started;
started = performance.now();
const oracle = await loadOracle(readFileSync(join(root, 'oracle', 'oracle.py'), 'utf8'));
const oracleLoadMs = performance.now() - started;
console.log(
  `CPython ${runtime.version.split(' ')[0]} (Pyodide) in Node: loaded in ${loadMs.toFixed(0)} ms (the oracle's: ${oracleLoadMs.toFixed(0)} ms)`,
);
console.log('');
console.log(
  '| program | events | instrumented run + trace (median) | plain virtual clock (median) | overhead |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, source] of PROGRAMS) {
  const runs = name.startsWith('2,000') ? 5 : 11;
  const ours = [];
  const plain = [];
  let events = 0;
  let same = true;
  for (let i = 0; i < runs; i += 1) {
    let t0 = performance.now();
    const trace = pythonTrace();
    appendChunk(trace, runtime.start(source));
    ours.push(performance.now() - t0);
    events = trace.eventCount;
    t0 = performance.now();
    const result = oracle.runProgram(source);
    plain.push(performance.now() - t0);
    if (i === 0) {
      const printed = [];
      for (let e = 0; e < trace.eventCount; e += 1)
        if (trace.kind[e] === 70 && trace.b[e] === 0) printed.push(trace.string(trace.a[e]));
      same = printed.join('\n') + '\n' === result.stdout;
    }
  }
  const a = median(ours);
  const b = median(plain);
  console.log(
    `| ${name} | ${events.toLocaleString('en')} | ${a.toFixed(1)} ms | ${b.toFixed(1)} ms | ${(a / b).toFixed(2)}x${same ? '' : ' (OUTPUT DIFFERS)'} |`,
  );
}
