/** The blocking-call pitfall: time.sleep inside a coroutine holds the whole loop up. */
import lzString from 'lz-string';
import { expect, test } from './app';
import { blockingPython, BLOCKING_DEFAULTS } from '../src/scenario/presets';

test.describe('the blocking-call pitfall', () => {
  for (const lang of ['en', 'fr'] as const) {
    const words =
      lang === 'en'
        ? { blocks: 'blocks the whole loop for 2.000 s', late: 's late' }
        : { blocks: 'bloque toute la boucle pendant 2.000 s', late: 's de retard' };

    test(`time.sleep holds every timer up, shown late in red (${lang})`, async ({
      app,
      page,
    }, info) => {
      await app.open(`?preset=pitfall-blocking&lang=${lang}&t=0.5`);
      await expect(page.getByTestId('preset')).toHaveValue('pitfall-blocking');
      // Step to the blocking call: the event line says so, in red, and the clock jumps to 3.
      for (let i = 0; i < 60; i += 1) {
        if ((await app.event.textContent())?.includes(words.blocks)) break;
        await app.press('ArrowRight');
      }
      await expect(app.event).toContainText(words.blocks);
      await expect(app.event).toHaveClass(/late/);
      await expect(page.getByTestId('time')).toHaveText('3.000');
      // The ticker's timer, due at 1, fired before the call: its callback waits in the ready
      // queue, 2 s late. The job's, due at 1.5, is still in the heap, 1.5 s late.
      const ready = page.getByTestId('ready').locator('.chip.late');
      await expect(ready).toHaveCount(1);
      await expect(ready).toContainText(`2.000 ${words.late}`);
      const timers = page.getByTestId('timers').locator('.chip.late');
      await expect(timers).toHaveCount(1);
      await expect(timers).toContainText(`1.500 ${words.late}`);
      // The grid: the worker's red bar for the call, the others' sleeps late in red.
      await app.press('End');
      await expect(page.locator('.timeline-wrap rect[data-kind="blocking"]')).toHaveCount(1);
      await expect(page.locator('.timeline-wrap rect.late')).toHaveCount(2);
      const size = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.scrollHeight,
      ]);
      expect(size).toEqual([1280, 720]);
      await app.open(`?preset=pitfall-blocking&lang=${lang}&t=3`);
      await page.screenshot({ path: info.outputPath(`blocking-${lang}.png`) });
      expect(app.errors).toEqual([]);
    });
  }

  test('the fixed twin awaits asyncio.sleep: nothing is late', async ({ app, page }) => {
    await app.open('?preset=pitfall-blocking&fixed=1');
    await app.press('End');
    await expect(page.locator('.timeline-wrap rect[data-kind="blocking"]')).toHaveCount(0);
    await expect(page.locator('.timeline-wrap rect.late')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect(page.locator('.console')).toContainText('1.000 ticker tick 2');
    await page.getByRole('tab', { name: 'Python code' }).click();
    await expect(page.getByTestId('code')).toContainText('await asyncio.sleep(2)');
    await expect(page.getByTestId('code')).not.toContainText('time.sleep');
  });

  test("a Python program's time.sleep, run by CPython, is drawn the same way", async ({
    app,
    page,
  }) => {
    const source = blockingPython(BLOCKING_DEFAULTS).code;
    await app.open(`?py=${lzString.compressToEncodedURIComponent(source)}`);
    await expect(page.getByTestId('python-status')).toContainText('Ran in', { timeout: 30_000 });
    await page.getByRole('heading', { name: 'Timeline' }).click();
    await app.press('End');
    await expect(page.locator('.timeline-wrap rect[data-kind="blocking"]')).toHaveCount(1);
    await expect(page.locator('.timeline-wrap rect.late')).toHaveCount(2);
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect(page.locator('.console')).toContainText('3.000 ticker tick 2');
    expect(app.errors).toEqual([]);
  });
});
