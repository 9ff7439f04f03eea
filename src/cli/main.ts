/**
 * Entry point of `npm run sim`: runs the CLI on the process's arguments. The same bundle, started
 * as a worker thread (by `--python`), is the thread that runs CPython (pythonWorker.ts).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread, workerData } from 'node:worker_threads';
import { WORKER_TAG, workerHost } from './pythonHost';
import { runCliAsync } from './sim';

async function main(): Promise<void> {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  let result;
  try {
    result = await runCliAsync(process.argv.slice(2), {
      readFile: (path) => readFileSync(path),
      now: () => performance.now(),
      // This bundle itself (CommonJS: its own file name), started again as a worker thread.
      python: () => workerHost(__filename),
    });
  } catch (error) {
    process.stderr.write(`sim: internal error: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
  if (result.stdout) process.stdout.write(result.stdout);
  if (process.env.REPORT_MAXRSS) {
    process.on('exit', () => process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\n`));
  }
}

if (!isMainThread && (workerData as { tag?: string } | null)?.tag === WORKER_TAG) {
  void import('./pythonWorker').then((worker) => worker.serve());
} else void main();
