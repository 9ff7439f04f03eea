/**
 * The Python mode in Chromium: the job window's own code edited and run by CPython gives the
 * engine's grid; bad code gets its line marked; runaway code is stopped and the page stays
 * responsive; a link brings a program back, offline too once Python was used.
 */
import type { Page } from '@playwright/test';
import lzString from 'lz-string';
import { expect, test, type SimulatorPage } from './app';

/** Python's first load (about 2 s here, more on a slow machine), then a run. */
const PYTHON = { timeout: 30_000 };

async function ran(page: Page) {
  await expect(page.getByTestId('python-status')).toContainText(/Ran in|Exécuté en/, PYTHON);
}

/** Replaces the editor's text (as a paste: no auto-indent). */
async function typeProgram(page: Page, source: string) {
  const content = page.getByTestId('python-editor').locator('.cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(source);
}

async function toEnd(app: SimulatorPage) {
  await app.page.getByRole('heading', { name: 'Timeline' }).click();
  await app.press('End');
}

test.describe('Python mode', () => {
  test("the job window's code, edited to maxsize 2 and run by CPython: the engine's grid", async ({
    app,
    page,
  }) => {
    await app.open('?preset=job-window&maxsize=2&t=100');
    const engine = await app.gridRows();
    expect(engine.length).toBeGreaterThan(3);

    await app.open('?preset=job-window');
    await page.getByRole('tab', { name: 'Python code' }).click();
    await page.getByTestId('edit-code').click();
    await expect(page.getByTestId('preset')).toHaveValue('python');
    await expect(page.getByRole('tab', { name: 'Program' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await ran(page);
    // In the editor: the queue's line, maxsize 4 -> 2, then Ctrl+Enter.
    const line = page.locator('.cm-line', { hasText: 'window = asyncio.Queue(maxsize=4)' });
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('2)');
    await expect(page.getByTestId('python-status')).toContainText('Changed since it ran');
    await page.keyboard.press('ControlOrMeta+Enter');
    await ran(page);
    await expect(page.getByTestId('queue-window')).toContainText('maxsize=2');
    await toEnd(app);
    await page.getByTestId('as-text').click();
    const python = await app.gridRows();
    // CPython's run has main() as a task of its own, the first column after the slot.
    expect(python.map((row) => row.filter((_, i) => i !== 1))).toEqual(engine);
    // What it printed, as Python prints it.
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect(page.getByTestId('console')).toContainText('0.000 j0 >>> job0 - duration 1');
  });

  test('a syntax error marks its line; an exception shows its traceback', async ({ app, page }) => {
    await app.open('?preset=job-window');
    await page.getByTestId('preset').selectOption('python');
    await ran(page);
    await typeProgram(page, 'import asyncio\n\nasync def main(:\n    pass\n');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.getByTestId('editor-error-message')).toContainText('SyntaxError', PYTHON);
    await expect(page.getByTestId('editor-error-line')).toContainText('async def main(:');

    await typeProgram(
      page,
      'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("before")\n    1 / 0\n\nasyncio.run(main())\n',
    );
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.getByTestId('editor-error-line')).toContainText('1 / 0', PYTHON);
    await toEnd(app);
    await page.getByRole('tab', { name: 'Console' }).click();
    const console = page.getByTestId('console');
    await expect(console).toContainText('before');
    await expect(console).toContainText('File "main.py", line 6, in main');
    await expect(console).toContainText('ZeroDivisionError: division by zero');
  });

  test('a loop that never yields is stopped, and the page stays responsive', async ({
    app,
    page,
  }) => {
    await app.open('?preset=job-window');
    await page.getByTestId('preset').selectOption('python');
    await ran(page);
    // A Python loop without await: CPython's own budget of jumps stops it, naming the line.
    await typeProgram(
      page,
      'import asyncio\n\nasync def spin():\n    while True:\n        pass\n\nasyncio.run(spin())\n',
    );
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.getByTestId('editor-error-line')).toContainText('pass', PYTHON);
    await expect(page.getByTestId('editor-error-message')).toContainText('never');
    // One long computation in C: the wall-time budget ends the worker, and starts another.
    await typeProgram(page, 'print(sum(range(10**12)))\n');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.getByTestId('python-status')).toContainText('Running');
    const started = Date.now();
    // Meanwhile the page answers: the theme toggles at once.
    await page.getByRole('button', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(page.getByTestId('python-status')).toContainText('Stopped after', PYTHON);
    // The text is still there, and the next run works.
    await expect(page.locator('.cm-content')).toContainText('print(sum(range(10**12)))');
    await typeProgram(page, 'print("back")\n');
    await page.keyboard.press('ControlOrMeta+Enter');
    await ran(page);
    await toEnd(app);
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect(page.getByTestId('console')).toContainText('back');
  });

  test('a link brings the program back, at its time', async ({ app, page }) => {
    await app.open('?preset=job-window');
    await page.getByTestId('preset').selectOption('python');
    await ran(page);
    const source =
      'import asyncio\n\nasync def tick(name, n):\n    for i in range(n):\n        await asyncio.sleep(1)\n        print(name, i)\n\nasync def main():\n    await asyncio.gather(tick("a", 3), tick("b", 2))\n\nasyncio.run(main())\n';
    await typeProgram(page, source);
    await page.keyboard.press('ControlOrMeta+Enter');
    await ran(page);
    await page.getByRole('heading', { name: 'Timeline' }).click();
    // Instant by instant to t=2.
    for (let i = 0; i < 8 && !/^2\.000/.test((await app.clock.textContent()) ?? ''); i += 1)
      await app.press('ArrowDown');
    await expect(app.clock).toHaveText(/2\.000/);
    await expect.poll(() => new URL(page.url()).searchParams.get('py')).not.toBeNull();
    await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe('2');
    const link = page.url();

    const other = await page.context().newPage();
    await other.goto(link);
    await expect(other.getByTestId('preset')).toHaveValue('python');
    await expect(other.locator('.cm-content')).toContainText('await asyncio.gather(tick("a", 3)');
    await expect(other.getByTestId('python-status')).toContainText('Ran in', PYTHON);
    await expect(other.getByTestId('clock')).toHaveText(/2\.000/);
    await other.getByRole('tab', { name: 'Console' }).click();
    await expect(other.getByTestId('console')).toContainText('b 1');
    await expect(other.getByTestId('console')).not.toContainText('a 2');
    await other.close();
  });

  test('Python loads from the app itself, telling how far it is, and runs offline next time', async ({
    app,
    page,
    context,
  }) => {
    // Every text the status shows, however briefly.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=python-status]')?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const external: string[] = [];
    // Nothing from another site (a CDN): only the app's own server, and the worker's blobs.
    page.on('request', (r) => {
      if (!/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(r.url())) external.push(r.url());
    });
    const source =
      'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("offline", 42)\n\nasyncio.run(main())\n';
    const link = `?py=${lzString.compressToEncodedURIComponent(source)}`;
    await app.open(link);
    await ran(page);
    const seen = await page.evaluate(
      () => (window as unknown as { statusSeen: string[] }).statusSeen,
    );
    expect(seen.some((t) => /Loading Python… \d+%/.test(t))).toBe(true);
    expect(seen.some((t) => t.includes('Starting Python'))).toBe(true);
    // From the build's memory snapshot (scripts/python-snapshot.mjs), not CPython's own start.
    const ready = await page.evaluate(async () => {
      const client = await (
        window as unknown as { asyncioSim: { python(): Promise<{ progress: unknown }> } }
      ).asyncioSim.python();
      return client.progress;
    });
    expect(ready).toMatchObject({ phase: 'ready', snapshot: true });
    expect(external).toEqual([]);

    // The first visit is not controlled by the service worker: once it is, Python is cached
    // the first time it loads.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(`/${link}`);
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
    await ran(page);
    await context.setOffline(true);
    await page.reload();
    await ran(page);
    await toEnd(app);
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect(page.getByTestId('console')).toContainText('offline 42');
    await context.setOffline(false);
  });
});
