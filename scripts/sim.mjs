// `npm run sim`: bundles the CLI with esbuild when its sources changed (about 50 ms), then runs
// it with plain Node, so that each run starts in tens of milliseconds. The bundle is CommonJS:
// Node loads it about 15 ms sooner than the same code as an ES module. `--python` is a second
// bundle, loaded only then (so a scenario's run does not parse it): the Python runtime's source
// (src/python/_asyncio_sim.py, as text) and the code that runs it; Pyodide stays outside both
// (it loads its wasm from its own package folder).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// One bundle per checkout: a git worktree whose node_modules is a link to another checkout's
// would otherwise run (or overwrite) the other one's bundle.
const checkout = createHash('sha256').update(root).digest('hex').slice(0, 8);
const cache = join(root, 'node_modules', '.cache', 'asyncio-sim');
const out = join(cache, `sim-${checkout}.cjs`);
const pythonOut = join(cache, `sim-python-${checkout}.cjs`);

/** The main bundle's `import('./python')` and `import('./pythonWorker')`: the second bundle. */
const pythonApart = {
  name: 'python-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/python(Worker)?$/ }, (args) =>
      args.importer.startsWith(join(root, 'src', 'cli'))
        ? { path: `./${basename(pythonOut)}`, external: true }
        : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  loader: { '.py': 'text' },
  external: ['pyodide'],
  logLevel: 'error',
  write: false,
};

/** Writes a bundle whole or not at all: two runs that build at once never read half a file. */
function writeAtomically(result) {
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export async function bundleCli() {
  const sources = ['engine', 'scenario', 'trace', 'cli', 'python'].map((d) =>
    newest(join(root, 'src', d)),
  );
  const stale = (file) => !existsSync(file) || statSync(file).mtimeMs < Math.max(...sources);
  if (stale(out) || stale(pythonOut)) {
    mkdirSync(cache, { recursive: true });
    const [main, python] = await Promise.all([
      build({
        ...common,
        entryPoints: [join(root, 'src', 'cli', 'main.ts')],
        outfile: out,
        plugins: [pythonApart],
      }),
      build({
        ...common,
        stdin: {
          contents:
            "export { runPython } from './python';\nexport { serve } from './pythonWorker';\n",
          resolveDir: join(root, 'src', 'cli'),
          loader: 'ts',
        },
        outfile: pythonOut,
      }),
    ]);
    // The Python bundle first: a main bundle in place may load it at once.
    writeAtomically(python);
    writeAtomically(main);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await import(pathToFileURL(await bundleCli()).href);
}
