/** The code panel, copying (with and without the Clipboard API), the fields' labels. */
import { expect, test } from './app';

test.describe('the code panel', () => {
  test('shows the code with the grid, the current line in view, the copy button off the code', async ({
    app,
    page,
  }) => {
    await app.open('?t=0');
    await page.getByRole('tab', { name: 'Python code' }).click();
    const code = page.getByTestId('code');
    const box = (await code.boundingBox())!;
    const line = (await code.locator('.code-line').first().boundingBox())!;
    expect(box.height / line.height).toBeGreaterThanOrEqual(8);
    const copy = (await page.getByTestId('copy-code').boundingBox())!;
    expect(copy.y + copy.height).toBeLessThanOrEqual(box.y);
    const size = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.scrollHeight,
    ]);
    expect(size).toEqual([1280, 720]);
    // Event by event, the running task's line stays in view (Page Down: the focused tab keeps
    // its arrows).
    let seen = 0;
    for (let i = 0; i < 60; i += 1) {
      await app.press('PageDown');
      const running = code.locator('.code-line.running');
      if ((await running.count()) === 0) continue;
      seen += 1;
      const shown = await running.evaluate((row) => {
        const pre = row.closest('pre')!.getBoundingClientRect();
        const r = row.getBoundingClientRect();
        return r.top >= pre.top - 1 && r.bottom <= pre.bottom + 1;
      });
      expect(shown, `event ${i + 1}`).toBe(true);
    }
    expect(seen).toBeGreaterThan(10);
  });
});

test.describe('copying', () => {
  test('tells that the Markdown was copied, under its button, without moving anything', async ({
    app,
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.open('?t=2.5&lang=fr');
    const grid = await page.locator('.grid-panel').boundingBox();
    const png = await page.getByTestId('download-png').boundingBox();
    await page.getByTestId('copy-markdown').click();
    const status = page.getByTestId('export-status');
    await expect(status).toHaveText('Markdown copié');
    await expect(status).toBeInViewport({ ratio: 1 });
    expect(await status.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(await page.locator('.grid-panel').boundingBox()).toEqual(grid);
    expect(await page.getByTestId('download-png').boundingBox()).toEqual(png);
  });

  test('copies without the Clipboard API (a plain-http site), or says it could not', async ({
    app,
    page,
  }) => {
    await page.addInitScript(() => {
      // As on http://: no navigator.clipboard outside secure contexts.
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      document.addEventListener('copy', () => {
        const field = document.activeElement as HTMLTextAreaElement;
        (window as unknown as { copied: string }).copied = field.value.slice(
          field.selectionStart,
          field.selectionEnd,
        );
      });
    });
    await app.open('?jobs=3&maxsize=1');
    const copied = () => page.evaluate(() => (window as unknown as { copied?: string }).copied);
    await page.getByTestId('copy-markdown').click();
    await expect(page.getByTestId('export-status')).toHaveText('Markdown copied');
    expect(await copied()).toContain('| 0-1 |');
    await page.getByRole('tab', { name: 'Python code' }).click();
    await page.getByTestId('copy-code').click();
    await expect(page.getByTestId('copy-code-status')).toHaveText('Copied ✓');
    expect(await copied()).toContain('asyncio.Queue(maxsize=1)');
    // A browser that refuses the copy command as well.
    await page.evaluate(() => {
      document.execCommand = () => false;
    });
    await page.getByTestId('copy-code').click();
    await expect(page.getByTestId('copy-code-status')).toHaveText(
      'Not copied: this browser did not allow it',
    );
  });
});

test.describe('fields', () => {
  for (const durations of ['3,1', '2', 'random:42:3'])
    test(`every field of the parameters has a visible label: durations=${durations}`, async ({
      app,
      page,
    }) => {
      await app.open(`?durations=${durations}&lang=fr`);
      const fields = page.locator('.params input, .params select, .speed select');
      expect(await fields.count()).toBeGreaterThanOrEqual(5);
      for (const field of await fields.all()) {
        const label = await field.evaluate((e) => {
          const own = (e as HTMLInputElement).labels?.[0];
          const wrapping = e.closest('label');
          const shown = own ?? wrapping;
          if (!shown) return '';
          const box = shown.getBoundingClientRect();
          return box.width > 1 && box.height > 1 ? (shown.textContent ?? '').trim() : '';
        });
        expect(label, await field.evaluate((e) => e.outerHTML.slice(0, 80))).not.toBe('');
      }
    });
});
