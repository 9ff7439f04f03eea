// `npm run bench`: the job window with 100,000 jobs and maxsize 100, from one scenario file, in
// the simulator and in CPython (python3 when present, else Pyodide), each as a whole process.
// Checks that both print the same log; prints times, their ratio and peak memory (the kernel's
// maxrss of each process, reported by the process itself at exit).
//
// CPython runs oracle.py's lean path (`--format log`): the steps interpreted with real asyncio
// primitives on the virtual-clock loop, without the tests' per-step instrumentation. The
// idiomatic code of the course, generated, is printed for context.
import { spawnSync, execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleCli } from './sim.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const cli = await bundleCli();

function measure(command, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, REPORT_MAXRSS: '1' },
    ...options,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const rss = /maxrss_kb=(\d+)/.exec(result.stderr);
  return { seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: result.stdout };
}

/** The median run, with the fastest and slowest times of all. */
function median(samples) {
  const sorted = [...samples].sort((a, b) => a.seconds - b.seconds);
  const middle = sorted[sorted.length >> 1];
  return { ...middle, min: sorted[0].seconds, max: sorted.at(-1).seconds };
}

const hasPython = spawnSync('python3', ['--version']).status === 0;
const scenarioFile = join(out, `job-window-${JOBS}.json`);
const codeFile = join(out, `job-window-${JOBS}.py`);
const presetArgs = ['--preset', 'job-window', '--jobs', String(JOBS), '--maxsize', '100'];
execSync(
  `node ${JSON.stringify(cli)} ${presetArgs.join(' ')} --format scenario > ${JSON.stringify(scenarioFile)}`,
);
execSync(
  `node ${JSON.stringify(cli)} ${presetArgs.join(' ')} --format python > ${JSON.stringify(codeFile)}`,
);

console.log(
  `job window, ${JOBS.toLocaleString('en')} jobs, Queue(maxsize=100); scenario file ${(readFileSync(scenarioFile).length / 1e6).toFixed(1)} MB`,
);
console.log(
  `median of ${RUNS} runs (fastest-slowest in brackets); CPython: ${hasPython ? execSync('python3 --version').toString().trim() + ' (native)' : 'Pyodide (no python3 here)'}\n`,
);

// The simulator and CPython take turns, so that both see the same conditions on a shared
// machine (another process's load comes and goes).
const simRuns = [];
const pythonRuns = [];
for (let i = 0; i < RUNS; i += 1) {
  simRuns.push(measure(process.execPath, [cli, '--program', scenarioFile, '--format', 'log']));
  if (hasPython && i < 3) {
    const oracle = join(root, 'oracle', 'oracle.py');
    pythonRuns.push(measure('python3', [oracle, scenarioFile, '--format', 'log']));
  }
}
const sim = median(simRuns);
let python;
if (hasPython) {
  python = median(pythonRuns);
} else {
  const runner = join(out, 'pyodide-runner.mjs');
  await build({
    stdin: {
      contents: `import { loadOracle } from ${JSON.stringify(join(root, 'oracle', 'pyodide.ts'))};
import { readFileSync } from 'node:fs';
const oracle = await loadOracle();
process.stdout.write(oracle.runLog(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
process.on('exit', () => process.stderr.write('maxrss_kb=' + process.resourceUsage().maxRSS + '\\n'));`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile: runner,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['pyodide'],
    logLevel: 'error',
  });
  python = measure(process.execPath, [runner, scenarioFile]);
}
if (sim.stdout !== python.stdout)
  throw new Error('the simulator and CPython printed different logs');
const lines = sim.stdout.split('\n').length - 1;

const rows = [
  ['simulator (scenario file)', sim],
  ['CPython, oracle.py lean (scenario file)', python],
];
// For reference, the idiomatic code of the course (no file to read) in CPython, and the
// simulator running the preset directly.
const simPreset = median(
  Array.from({ length: RUNS }, () =>
    measure(process.execPath, [cli, ...presetArgs, '--format', 'log']),
  ),
);
if (simPreset.stdout !== sim.stdout)
  throw new Error('the preset and its scenario file printed different logs');
rows.push(['simulator (--preset, no file)', simPreset]);
if (hasPython) {
  const runGenerated = `import sys; sys.path.insert(0, ${JSON.stringify(join(root, 'oracle'))}); import oracle, resource, os
sys.stdout.write(oracle.run_generated(open(${JSON.stringify(codeFile)}).read()))
print(f"maxrss_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)`;
  const idiomatic = measure('python3', ['-c', runGenerated]);
  if (idiomatic.stdout !== sim.stdout)
    throw new Error('the generated Python code printed a different log');
  rows.push(["CPython, the course's code (generated)", idiomatic]);
}
for (const [name, r] of rows) {
  const spread = r.min === undefined ? '' : `  (${r.min.toFixed(3)}-${r.max.toFixed(3)})`;
  console.log(
    `${name.padEnd(40)} ${r.seconds.toFixed(3).padStart(8)} s   ${r.maxRssMb.toFixed(0).padStart(5)} MB peak${spread}`,
  );
}
console.log(`\nsame log: ${lines.toLocaleString('en')} lines, byte for byte`);
const ratio = python.seconds / sim.seconds;
console.log(
  `speed: the simulator is ${ratio.toFixed(1)}x faster than CPython on the scenario file (target >= 10x): ${ratio >= 10 ? 'MET' : 'NOT MET'}`,
);
console.log(
  `memory: ${sim.maxRssMb.toFixed(0)} MB against ${python.maxRssMb.toFixed(0)} MB (target: less): ${sim.maxRssMb < python.maxRssMb ? 'MET' : 'NOT MET'}`,
);

const micro = join(out, 'micro.mjs');
await build({
  entryPoints: [join(root, 'bench', 'micro.ts')],
  outfile: micro,
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'error',
});
const m = JSON.parse(execSync(`node ${JSON.stringify(micro)}`).toString());
console.log(
  `\ndefault job window (8 jobs), in process: first run ${m.coldMs.toFixed(3)} ms, then median ${(m.medianMs * 1000).toFixed(1)} µs, p95 ${(m.p95Ms * 1000).toFixed(1)} µs (target: well under 1 ms): ${m.p95Ms < 1 ? 'MET' : 'NOT MET'}`,
);
void pathToFileURL;
