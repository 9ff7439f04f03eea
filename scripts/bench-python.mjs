// `npm run bench:python` (its browser half): the Python mode in headless Chromium, from the
// built site. Figures, not a test. Measures:
// - the first Python run after opening the page, cold (a fresh profile: nothing cached), from
//   navigation to the program's records on screen, with the worker's own load time;
// - the same on a second visit (the runtime precached by the service worker);
// - a re-run of the job window (median of 15), and a 200-task program's run;
// - the download size of the Python runtime (its files, and gzipped as a server would send them).
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, root, serveBuilt } from './bench-browser.mjs';
import lzString from 'lz-string';

const { compressToEncodedURIComponent } = lzString;
const COLD_RUNS = 3;
const { base: BASE, server } = await serveBuilt(4181);
const browser = await launchChromium();

function jobs(n, window) {
  return `import asyncio

tokens = asyncio.Semaphore(${window})

async def job(i):
    await tokens.acquire()
    print(f"{asyncio.get_running_loop().time():.3f} >>> job{i}")
    await asyncio.sleep((i % 3) + 1)
    print(f"{asyncio.get_running_loop().time():.3f} <<< job{i}")
    tokens.release()

async def main():
    await asyncio.gather(*(asyncio.create_task(job(i)) for i in range(${n})))

asyncio.run(main())
`;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

/** The job window's own code, as the app generates it (the CLI's `--format python`). */
const jobWindow = execSync('node scripts/sim.mjs --preset job-window --format python', {
  cwd: root,
  encoding: 'utf8',
});

/** Opens the program's link and waits until its run is on screen: ms since navigation. */
async function firstRun(page, source) {
  await page.goto(`${BASE}?py=${compressToEncodedURIComponent(source)}`);
  await page.waitForFunction(
    () => window.asyncioSim?.store.getState().pythonStatus.kind === 'ran',
    null,
    { timeout: 120_000, polling: 20 },
  );
  return page.evaluate(async () => {
    const client = await window.asyncioSim.python();
    return {
      total: performance.now(),
      worker: client.progress?.phase === 'ready' ? client.progress.ms : NaN,
      snapshot: client.progress?.phase === 'ready' && client.progress.snapshot,
      events: window.asyncioSim.store.getState().run.trace.eventCount,
    };
  });
}

/** Runs the program now in the editor `times` times: each run's wall time in the page. */
function reruns(page, times) {
  return page.evaluate(async (times) => {
    const store = window.asyncioSim.store;
    const out = [];
    for (let i = 0; i < times; i += 1) {
      const started = performance.now();
      await store.getState().runProgram();
      out.push(performance.now() - started);
    }
    return out;
  }, times);
}

try {
  const cold = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    cold.push(await firstRun(page, jobWindow));
    if (i === COLD_RUNS - 1) {
      // The service worker has precached the runtime: a second visit, then re-runs.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForTimeout(3000);
      const warm = await firstRun(page, jobWindow);
      console.log(
        `second visit (runtime from the service worker's cache): first run ${ms(warm.total)} after navigation (worker ready in ${ms(warm.worker)})`,
      );
      const again = await reruns(page, 15);
      console.log(
        `re-run of the job window (${warm.events} events): median ${ms(median(again))}, max ${ms(Math.max(...again))} (15 runs)`,
      );
      await page.evaluate(
        (source) => {
          window.asyncioSim.store.getState().setProgram(source);
        },
        jobs(200, 10),
      );
      const big = await reruns(page, 5);
      const events = await page.evaluate(
        () => window.asyncioSim.store.getState().run.trace.eventCount,
      );
      console.log(
        `200 tasks (Semaphore(10), ${events} events): median ${ms(median(big))}, max ${ms(Math.max(...big))} (5 runs)`,
      );
    }
    await context.close();
  }
  console.log(
    `first Python run, cold (fresh profile, from the built site): median ${ms(median(cold.map((c) => c.total)))} after navigation` +
      ` (runs: ${cold.map((c) => ms(c.total)).join(', ')}; the worker's load: ${cold.map((c) => ms(c.worker)).join(', ')};` +
      ` ${cold.every((c) => c.snapshot) ? 'from the memory snapshot' : 'CPython started on its own: NO SNAPSHOT'})`,
  );

  const folder = readdirSync(join(root, 'dist', 'assets')).find((f) => f.startsWith('pyodide-'));
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(join(root, 'dist', 'assets', folder))) {
    const path = join(root, 'dist', 'assets', folder, file);
    raw += statSync(path).size;
    gzip += gzipSync(readFileSync(path)).length;
  }
  const worker = readdirSync(join(root, 'dist', 'assets')).find(
    (f) => f.startsWith('worker-') && f.endsWith('.js'),
  );
  const workerGzip = gzipSync(readFileSync(join(root, 'dist', 'assets', worker))).length;
  const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;
  console.log(
    `Python runtime download: ${mb(raw)} (${mb(gzip)} as sent by a server that gzips) in ${folder}/, plus the worker's chunk ${(workerGzip / 1e3).toFixed(1)} kB gzipped`,
  );
} finally {
  await browser.close();
  server.kill();
}
