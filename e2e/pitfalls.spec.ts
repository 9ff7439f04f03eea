/**
 * The pitfalls: each mistake told at its end (the deadlock named) or seen growing (the queue),
 * its fixed twin opened beside it by Compare; the two pitfalls only a real program shows, run
 * by CPython in the Python mode, with CPython's own warning on the console.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './app';

const PYTHON = { timeout: 30_000 };

/** The console at the end of the run (the editor keeps its keys: focus the timeline first). */
async function consoleAtEnd(page: Page) {
  await page.getByRole('heading', { name: /Timeline|Chronologie/ }).click();
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: 'Console' }).click();
  return page.getByTestId('console');
}

test.describe('pitfalls', () => {
  test('a Lock taken twice: the deadlock is named, Compare opens the fix beside it', async ({
    app,
    page,
  }, info) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open('?preset=pitfall-lock-twice&lang=en');
    await expect(page.getByTestId('about')).toContainText('not reentrant');
    await expect(page.getByTestId('preset')).toHaveValue('pitfall-lock-twice');
    await expect(page.getByTestId('fixed')).toHaveValue('0');
    await app.press('End');
    await expect(page.getByTestId('run-end')).toContainText(
      "w0 waits for Lock 'lock' (held); w1 waits for Lock 'lock' (held)",
    );
    await page.getByTestId('compare-toggle').click();
    await expect(page.getByTestId('compare')).toBeVisible();
    await expect(page.getByTestId('b-fixed')).toHaveValue('1');
    await expect(page.locator('.pane .now-rule')).toHaveCount(2);
    await expect(page).toHaveURL(/b\.fixed=1/);
    await page.screenshot({ path: 'test-results/pitfall-lock-twice.png' });
    await page.screenshot({ path: info.outputPath('pitfall-lock-twice.png') });
    expect(app.errors).toEqual([]);
  });

  test('task_done() forgotten, in French: join() never returns, the joiner is named', async ({
    app,
    page,
  }) => {
    await app.open('?preset=pitfall-task-done&lang=fr');
    await expect(page.getByTestId('about')).toContainText('task_done()');
    await app.press('End');
    await expect(page.getByTestId('run-end')).toContainText('Interblocage');
    await expect(page.getByTestId('run-end')).toContainText(
      "producer attend que chaque élément de la file 'queue' soit traité (3 en cours)",
    );
    await expect(page.getByTestId('console')).toContainText('consumer reçu job3');
    // The fixed twin from the picker's version: join() returns, no deadlock.
    await page.getByTestId('fixed').selectOption('1');
    await app.press('End');
    await expect(page.getByTestId('console')).toContainText('producer tous les jobs finis');
    await expect(page.getByTestId('run-end')).toHaveCount(0);
    // And Compare opens the mistake beside the fix.
    await page.getByTestId('compare-toggle').click();
    await expect(page.getByTestId('b-fixed')).toHaveValue('0');
    expect(app.errors).toEqual([]);
  });

  for (const lang of ['en', 'fr'] as const) {
    test(`an unbounded Queue grows; its fix stays bounded (${lang})`, async ({ app, page }) => {
      await app.open(`?preset=pitfall-unbounded-queue&t=10&lang=${lang}`);
      const fill = page.getByTestId('queue-fill');
      await expect(fill).toContainText(lang === 'fr' ? 'sans limite' : 'unbounded');
      const count = Number(/(\d+)/.exec((await fill.textContent()) ?? '')![1]);
      expect(count).toBeGreaterThanOrEqual(9);
      await page.getByTestId('compare-toggle').click();
      await expect(page.getByTestId('b-fixed')).toHaveValue('1');
      // The fix, shown alone: the producer waits on a full queue of 2.
      await page.getByTestId('compare-toggle').click();
      await page.getByTestId('fixed').selectOption('1');
      await expect(fill).toContainText('2/2');
      expect(app.errors).toEqual([]);
    });
  }

  test('a forgotten await, run by CPython: its RuntimeWarning at its line, then the fix', async ({
    app,
    page,
  }) => {
    await app.open('?lang=en');
    await page.getByTestId('preset').selectOption('program:forgotten-await');
    await expect(page.getByTestId('python-status')).toContainText('Ran in', PYTHON);
    let console = await consoleAtEnd(page);
    await expect(console).toContainText(
      "main.py:13: RuntimeWarning: coroutine 'save' was never awaited",
    );
    await expect(console).toContainText('main done, and nothing was saved');
    await expect(page.getByTestId('about')).toContainText('never awaited');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: 'test-results/pitfall-forgotten-await.png' });
    await page.getByTestId('program-fixed').selectOption('1');
    await expect(page.getByTestId('python-status')).toContainText(/Ran in|Exécuté en/, PYTHON);
    console = await consoleAtEnd(page);
    await expect(console).toContainText('saved 1', PYTHON);
    await expect(console).not.toContainText('RuntimeWarning');
    expect(app.errors).toEqual([]);
  });

  test('a task never kept, in French: it runs, then asyncio.run cancels it; the fix', async ({
    app,
    page,
  }) => {
    await app.open('?lang=fr');
    await page.getByTestId('preset').selectOption('program:task-not-kept');
    await expect(page.getByTestId('python-status')).toContainText('Exécuté en', PYTHON);
    let console = await consoleAtEnd(page);
    await expect(console).toContainText('long cancelled: main returned first');
    await expect(page.getByTestId('about')).toContainText('asyncio.run annule');
    await page.getByTestId('program-fixed').selectOption('1');
    await expect(page.getByTestId('python-status')).toContainText(/Ran in|Exécuté en/, PYTHON);
    console = await consoleAtEnd(page);
    await expect(console).toContainText('long done', PYTHON);
    await expect(console).not.toContainText('cancelled');
    expect(app.errors).toEqual([]);
  });
});
