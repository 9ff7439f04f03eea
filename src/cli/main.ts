/** Entry point of `npm run sim`: runs the CLI on the process's arguments. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runCli } from './sim';

function main(): void {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  let result;
  try {
    result = runCli(process.argv.slice(2), {
      readFile: (path) => readFileSync(path),
      now: () => performance.now(),
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

main();
