// The browser benchmarks' shared start: the built site served by `vite preview`, and headless
// Chromium (Debian's when present, as the e2e tests use it).
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the app (unless BENCH_NO_BUILD=1: `npm run bench` builds it once) and serves it. */
export async function serveBuilt(port) {
  if (process.env.BENCH_NO_BUILD !== '1')
    execSync('npx vite build --logLevel error', { cwd: root, stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}/`;
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { base, server };
}

export function launchChromium() {
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
