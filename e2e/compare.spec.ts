/** Compare: two runs on one clock and one time scale, each with its text; the chart. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './app';

/** Per pane: where "now" and the time 0 are, and the timeline's box and scroll. */
async function panes(page: Page) {
  // The compare view is loaded on demand: wait for both panes to be drawn.
  await expect(page.locator('.pane .now-rule')).toHaveCount(2);
  return page.locator('.pane').evaluateAll((all) =>
    all.map((pane) => {
      const box = pane.querySelector('.timeline')!;
      const canvas = pane.querySelector('.timeline-canvas')!.getBoundingClientRect();
      const rows = [...pane.querySelectorAll('.timeline-axis text')].map((e) => ({
        text: e.textContent ?? '',
        box: e.getBoundingClientRect(),
      }));
      return {
        now: pane.querySelector('.now-rule')!.getBoundingClientRect().y,
        zero: canvas.y,
        rows,
        box: box.getBoundingClientRect(),
        scrolls: box.scrollHeight > box.clientHeight + 1,
        rotated: [...pane.querySelectorAll('.timeline-head text')].some((e) =>
          e.hasAttribute('transform'),
        ),
      };
    }),
  );
}

test.describe('compare', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ]) {
    test(`one time scale: the same moment at the same height (${width}x${height})`, async ({
      app,
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await app.open('?t=2.5&compare=1&b.maxsize=1');
      const [a, b] = await panes(page);
      expect(a.zero).toBeCloseTo(b.zero, 0);
      expect(a.now).toBeCloseTo(b.now, 0);
      expect(a.now - a.zero).toBeGreaterThan(10);
      // Zoomed, still one scale.
      await page.getByTestId('zoom-in').first().click();
      const [a2, b2] = await panes(page);
      expect(a2.now - a2.zero).toBeCloseTo(b2.now - b2.zero, 0);
      expect(a2.now - a2.zero).toBeGreaterThan(a.now - a.zero);
    });
  }

  for (const query of [
    '?t=2.5&compare=1&b.maxsize=1',
    '?t=2.5&compare=1&b.maxsize=2',
    '?t=2.5&compare=1&b.maxsize=1&present=1',
    '?t=2.5&compare=1&b.maxsize=1&present=1&lang=fr',
  ]) {
    test(`both runs whole and readable at 1280x720: ${query}`, async ({ app, page }, info) => {
      await app.open(query);
      const size = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.scrollHeight,
      ]);
      expect(size).toEqual([1280, 720]);
      const end = query.includes('b.maxsize=1') ? 15 : 8;
      for (const [pane, last] of (await panes(page)).map((p, i) => [p, i ? end : 5] as const)) {
        expect(pane.scrolls).toBe(false);
        expect(pane.rotated).toBe(false);
        // The run's last row, labelled, in view.
        const row = pane.rows.at(-1)!;
        expect(row.text).toMatch(new RegExp(`-${last}$`));
        expect(row.box.bottom).toBeLessThanOrEqual(pane.box.bottom);
        expect(pane.rows.length).toBeGreaterThanOrEqual(2);
      }
      expect(await app.smallTexts()).toEqual([]);
      await page.screenshot({ path: info.outputPath('compare.png') });
    });
  }

  test('each run has its text, and the Table button shows it', async ({ app, page }) => {
    await app.open('?t=2.5&compare=1&b.maxsize=1');
    for (const name of ['a', 'b']) {
      const svg = page
        .locator('.pane')
        .nth(name === 'a' ? 0 : 1)
        .locator('.timeline-reveal svg');
      await expect(svg).toHaveAttribute('aria-label', /its text version follows/);
      // It does follow: right after the picture, for screen readers.
      await expect(page.locator(`#${name}-timeline-text`)).toHaveCount(1);
    }
    await page.getByTestId('b-as-text').click();
    await expect(page.getByTestId('b-as-text')).toHaveAttribute('aria-pressed', 'true');
    const rows = page.locator('#b-timeline-text tbody tr');
    await expect(rows).toHaveCount(15);
    // One token: j0 runs first, every other job waits for it.
    await expect(rows.first().locator('td')).toHaveText([
      'runs',
      'waits',
      'waits',
      'waits',
      'waits',
      'waits',
      'waits',
      'waits',
    ]);
    await expect(page.locator('#b-timeline-text')).toBeVisible();
    // A's timeline is still drawn.
    await expect(page.locator('.pane').first().locator('.timeline')).toBeVisible();
  });

  test('the two forms are named apart (axe landmark-unique)', async ({ app, page }) => {
    await app.open('?t=2.5&compare=1&b.maxsize=1');
    await expect(page.getByTestId('sweep-chart')).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withRules(['landmark-unique', 'landmark-no-duplicate-contentinfo'])
      .analyze();
    expect(results.violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(' '))])).toEqual(
      [],
    );
    await expect(page.getByRole('form', { name: 'Run B: scenario and parameters' })).toHaveCount(1);
  });
});

test.describe('the chart', () => {
  test('marks unbounded (maxsize 0) at maxsize = jobs, and says so', async ({ app, page }) => {
    await app.open('?compare=1&maxsize=0');
    const chart = page.getByTestId('sweep-chart');
    await expect(chart).toBeVisible();
    const label = (await chart.getAttribute('aria-label'))!;
    expect(label).not.toContain('?');
    expect(label).toContain('at maxsize 0 (unbounded: as 8): 3.000 s, 8 at once');
    const mark = chart.getByTestId('chart-mark').first();
    await expect(mark).toHaveAttribute('data-maxsize', '8');
    await expect(mark).toContainText('A: maxsize 0 (unbounded: as 8)');
    // The same in French.
    await app.open('?compare=1&maxsize=0&lang=fr');
    await expect(page.getByTestId('chart-mark').first()).toContainText(
      'A : maxsize 0 (sans limite : comme 8)',
    );
  });

  test('the unbounded preset has its chart: the Queue job window', async ({ app, page }) => {
    await app.open('?preset=unbounded&compare=1');
    const chart = page.getByTestId('sweep-chart');
    await expect(chart).toBeVisible();
    await expect(chart.getByTestId('chart-mark')).toHaveAttribute('data-maxsize', '8');
    await expect(chart).toHaveAttribute('aria-label', /total time falls.*: 3\.000 s, 8 at once/);
    // maxsize 1 of the same window: 15 s, as the course says.
    await expect(page.locator('.sweep .visually-hidden tbody tr').first()).toContainText(
      '15.000 s',
    );
  });

  for (const theme of ['light', 'dark']) {
    test(`every text of the chart at 16 px, contrast 4.5:1 at least (${theme})`, async ({
      app,
      page,
    }) => {
      await app.open(`?compare=1&b.maxsize=1&theme=${theme}`);
      await expect(page.getByTestId('sweep-chart')).toBeVisible();
      const poor = await page.evaluate(() => {
        const rgb = (color: string) => {
          const c = document.createElement('canvas').getContext('2d')!;
          c.fillStyle = color;
          c.fillRect(0, 0, 1, 1);
          return [...c.getImageData(0, 0, 1, 1).data.slice(0, 3)];
        };
        const luminance = (color: string) => {
          const [r, g, b] = rgb(color).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const back = luminance(
          getComputedStyle(document.querySelector('.chart-panel')!).backgroundColor,
        );
        return [...document.querySelectorAll('[data-testid=sweep-chart] text, .sweep h2, .legend')]
          .filter((e) => e.textContent?.trim())
          .flatMap((e) => {
            const style = getComputedStyle(e);
            const ink = luminance(e.getAttribute('fill') ?? style.color);
            const contrast = (Math.max(ink, back) + 0.05) / (Math.min(ink, back) + 0.05);
            const size = parseFloat(style.fontSize);
            return contrast < 4.5 || size < 16
              ? [`${e.textContent}: ${size} px, ${contrast.toFixed(2)}:1`]
              : [];
          });
      });
      expect(poor).toEqual([]);
    });
  }
});
