// Runs before `npm test`, so that the README's test command works on a fresh machine:
// installs the npm packages when missing, and Debian's Chromium for the browser tests
// (Playwright cannot download its own browser without internet access): its headless shell,
// which the tests use (a page opens in half the time of the full browser's headless mode), and
// the full browser, which the benchmarks measure as users run it.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });

const lock = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('ensure-deps: installing npm packages (npm ci)');
  run('npm ci --no-audit --no-fund');
}

const browsers = ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'];
if (!process.env.CHROMIUM_PATH && !browsers.every((path) => existsSync(path))) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? '' : 'sudo ';
  if (existsSync('/usr/bin/apt-get')) {
    console.log(
      'ensure-deps: installing Chromium for the browser tests (apt-get install chromium chromium-headless-shell)',
    );
    run(
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell`,
    );
  } else {
    console.warn(
      "ensure-deps: no Chromium at /usr/bin/chromium; set CHROMIUM_PATH, or the browser tests use Playwright's own browser if installed",
    );
  }
}
