/** The timeline: zoom, what covers what, the time axis, the head, scrolling, its text. */
import type { Page } from '@playwright/test';
import { compileScenario, simulate } from '../src/engine';
import { jobWindowScenario } from '../src/scenario/presets';
import { taskTimelines } from '../src/trace/segments';
import { expect, test } from './app';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The first cell's size, and the canvas's. */
function sizes(page: Page) {
  return page.evaluate(() => {
    const cell = document.querySelector('.timeline .cell')!.getBoundingClientRect();
    const canvas = document.querySelector('.timeline-canvas')!.getBoundingClientRect();
    return { cell: [cell.width, cell.height], canvas: [canvas.width, canvas.height] };
  });
}

/** Boxes of the "now" label and of the slot labels, in the page. */
function axisBoxes(page: Page) {
  return page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? '' };
    };
    return {
      now: box(document.querySelector('.now-label')!),
      rows: [...document.querySelectorAll('.timeline-axis text')].map(box),
      axis: box(document.querySelector('.timeline-axis')!),
      timeline: box(document.querySelector('.timeline')!),
    };
  });
}

test.describe('zoom', () => {
  test('200 jobs: + makes cells and names bigger, − shows more, 1:1 goes back', async ({
    app,
    page,
  }) => {
    await app.open('?jobs=200&maxsize=7&t=20');
    const fit = await sizes(page);
    await page.getByTestId('zoom-in').click();
    const twice = await sizes(page);
    expect(twice.cell[0]).toBeCloseTo(fit.cell[0] * 2, 0);
    expect(twice.cell[1]).toBeCloseTo(fit.cell[1] * 2, 0);
    // Zoomed in, every column is named, with its duration, at 16 px.
    const name = page.locator('.timeline-head text', { hasText: 'j72 (1)' });
    await expect(name).toBeInViewport();
    expect(await name.evaluate((e) => getComputedStyle(e).fontSize)).toBe('16px');
    await page.getByTestId('zoom-in').click();
    expect((await sizes(page)).cell[0]).toBeGreaterThan(twice.cell[0]);
    await page.getByTestId('zoom-reset').click();
    expect(await sizes(page)).toEqual(fit);
    await page.getByTestId('zoom-out').click();
    const out = await sizes(page);
    expect(out.cell[0]).toBeLessThan(fit.cell[0]);
    expect(out.canvas[0]).toBeLessThan(fit.canvas[0]);
    // Zoomed out until everything fits: then − has nothing more to show.
    const zoomOut = page.getByTestId('zoom-out');
    while (await zoomOut.isEnabled()) await zoomOut.click();
    const all = await page.evaluate(() => {
      const box = document.querySelector('.timeline')!;
      return [box.scrollWidth <= box.clientWidth, box.scrollHeight <= box.clientHeight];
    });
    expect(all).toEqual([true, true]);
  });

  test('8 jobs: − never makes columns wider; + makes them bigger', async ({ app, page }) => {
    for (const query of ['?t=5', '?t=5&maxsize=1']) {
      await app.open(query);
      const fit = await sizes(page);
      const zoomOut = page.getByTestId('zoom-out');
      if (await zoomOut.isEnabled()) {
        await zoomOut.click();
        const out = await sizes(page);
        expect(out.cell[0]).toBeLessThanOrEqual(fit.cell[0]);
        expect(out.canvas[1]).toBeLessThan(fit.canvas[1]);
      }
      const reset = page.getByTestId('zoom-reset');
      if (await reset.isEnabled()) await reset.click();
      await expect(page.getByTestId('zoom-reset')).toBeDisabled();
      await page.getByTestId('zoom-in').click();
      const bigger = await sizes(page);
      expect(bigger.cell[0]).toBeGreaterThan(fit.cell[0]);
      expect(bigger.cell[1]).toBeGreaterThan(fit.cell[1]);
    }
  });

  for (const lang of ['en', 'fr']) {
    test(`the zoom buttons cover no cell and no name, and the page fits (${lang})`, async ({
      app,
      page,
    }) => {
      await app.open(`?t=5&lang=${lang}`);
      const size = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.scrollHeight,
      ]);
      expect(size).toEqual([1280, 720]);
      const zoom = (await page.locator('.zoom').boundingBox())!;
      const timeline = (await page.locator('.timeline').boundingBox())!;
      expect(overlap(zoom, timeline)).toBe(false);
      for (const name of await page.locator('.timeline-head text').all())
        expect(overlap(zoom, (await name.boundingBox())!)).toBe(false);
      // Every cell is what the pointer finds at its centre: j7's 4-5 cell too.
      const hidden = await page.evaluate(() =>
        [...document.querySelectorAll('.timeline .cell')].flatMap((cell) => {
          const r = cell.getBoundingClientRect();
          const found = document.elementFromPoint(r.x + r.width / 2, r.bottom - 4);
          return found === cell ? [] : [`${cell.getAttribute('data-task')}: ${found?.tagName}`];
        }),
      );
      expect(hidden).toEqual([]);
      expect(await page.locator('.cell[data-task="7"]').count()).toBe(2);
    });
  }
});

test.describe('the time axis', () => {
  test('is as wide as its labels on long runs', async ({ app, page }) => {
    await app.open('?preset=producer-consumer&t=3600');
    const { now, rows, axis } = await axisBoxes(page);
    expect(now.text).toBe('3600.000');
    expect(rows.length).toBeGreaterThan(2);
    for (const row of [...rows, now]) {
      expect(row.x).toBeGreaterThanOrEqual(axis.x);
      expect(row.x + row.width).toBeLessThanOrEqual(axis.x + axis.width + 0.5);
    }
    // The label's text is not cut inside its pill either.
    const cut = await page.locator('.now-label').evaluate((e) => e.scrollWidth > e.clientWidth);
    expect(cut).toBe(false);
    await expect(page.locator('.timeline-axis text', { hasText: /^3599-3600$/ })).toBeVisible();
  });

  test('"now" never covers the label of its row, in the app and in the SVG', async ({
    app,
    page,
  }) => {
    for (const t of ['0', '0.5', '2.5', '4.999', '5']) {
      await app.open(`?t=${t}`);
      const { now, rows } = await axisBoxes(page);
      expect(rows.length).toBe(5);
      for (const row of rows) expect(overlap(now, row), `t=${t}: ${row.text}`).toBe(false);
    }
    // The export, drawn in the page, keeps them apart too.
    await app.open('?t=2.5');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-svg').click(),
    ]);
    const svg = Buffer.concat(await (await download.createReadStream()).toArray()).toString();
    const found = await page.evaluate((markup) => {
      const holder = document.createElement('div');
      holder.style.cssText = 'position: fixed; left: 0; top: 0; z-index: 99';
      holder.innerHTML = markup.replace(/^<\?xml[^>]*>/, '');
      document.body.append(holder);
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? '' };
      };
      const texts = [...holder.querySelectorAll('text')];
      const now = texts.find((e) => e.getAttribute('font-weight') === '700')!;
      const pill = now.previousElementSibling!;
      const rows = texts.filter((e) => /^\d+-\d+$/.test(e.textContent ?? ''));
      const result = { now: box(now), pill: box(pill), rows: rows.map(box) };
      holder.remove();
      return result;
    }, svg);
    expect(found.now.text).toBe('2.500');
    expect(found.rows.map((r) => r.text)).toEqual(['0-1', '1-2', '2-3', '3-4', '4-5']);
    for (const row of found.rows) expect(overlap(found.pill, row), row.text).toBe(false);
  });

  test('maxsize 1: every row is labelled, in its row; zoomed out, rows of 2 s', async ({
    app,
    page,
  }) => {
    await app.open('?maxsize=1&t=3');
    const rowsOf = () =>
      page.evaluate(() => {
        const box = document.querySelector('.timeline')!.getBoundingClientRect();
        const lines = [...document.querySelectorAll('.timeline-canvas > svg line')].map(
          (l) => l.getBoundingClientRect().y,
        );
        return [...document.querySelectorAll('.timeline-axis text')]
          .map((e) => ({ r: e.getBoundingClientRect(), text: e.textContent! }))
          .filter(({ r }) => r.y >= box.y && r.bottom <= box.bottom)
          .map(({ r, text }) => {
            // The row's band: the grid lines above and below the label's middle.
            const middle = r.y + r.height / 2;
            const top = Math.max(...lines.filter((y) => y <= middle));
            const below = lines.filter((y) => y > middle);
            return {
              text,
              inside: r.y >= top - 1 && (below.length === 0 || r.bottom <= Math.min(...below) + 1),
            };
          });
      });
    const rows = await rowsOf();
    expect(rows.length).toBeGreaterThan(4);
    const starts = rows.map((r) => Number(r.text.split('-')[0]));
    // Consecutive seconds: no row left without its label.
    starts.forEach((s, i) => expect(s).toBe(starts[0] + i));
    expect(
      rows.every(
        (r) => r.text === `${Number(r.text.split('-')[0])}-${Number(r.text.split('-')[0]) + 1}`,
      ),
    ).toBe(true);
    expect(rows.every((r) => r.inside)).toBe(true);
    await page.getByTestId('zoom-out').click();
    const out = await rowsOf();
    expect(out.map((r) => r.text)).toEqual([
      '0-2',
      '2-4',
      '4-6',
      '6-8',
      '8-10',
      '10-12',
      '12-14',
      '14-15',
    ]);
    expect(out.every((r) => r.inside)).toBe(true);
  });
});

test.describe('the head', () => {
  test('200 jobs: names only, none misleading, no glyph without a legend, all 16 px', async ({
    app,
    page,
  }) => {
    await app.open('?jobs=200&maxsize=7&t=20');
    const texts = await page
      .locator('.timeline-head text')
      .evaluateAll((all) =>
        all.map((e) => ({ text: e.textContent ?? '', size: getComputedStyle(e).fontSize })),
      );
    const shown = texts.filter((e) => e.text);
    expect(shown.length).toBeGreaterThan(5);
    expect(await app.smallTexts()).toEqual([]);
    // Every other column named by name alone: no duration that would hold for those only.
    for (const { text, size } of shown) {
      expect(text).toMatch(/^j\d*[02468]$/);
      expect(size).toBe('16px');
    }
  });

  test('30 jobs: every name with its duration, slanted, inside the head', async ({ app, page }) => {
    await app.open('?jobs=30&maxsize=5&t=6');
    const head = (await page.locator('.timeline-head').boundingBox())!;
    const name = page.locator('.timeline-head text', { hasText: 'j10 (2)' });
    const box = (await name.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(head.y);
    expect(box.y + box.height).toBeLessThanOrEqual(head.y + head.height);
    expect(await name.getAttribute('transform')).toContain('rotate');
    // The last one reaches past its column, still inside the head.
    const last = (await page.locator('.timeline-head text', { hasText: 'j29 (3)' }).boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(head.x + head.width);
  });
});

test.describe('scrolling', () => {
  test('the same moment, the same scroll: forward and back (producer / consumer)', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await app.open('?preset=producer-consumer');
    const scroll = () =>
      page.evaluate(() => {
        const box = document.querySelector('.timeline')!;
        return `${document.querySelector('[data-testid=clock]')!.textContent} ${box.scrollTop} ${box.scrollLeft}`;
      });
    const forward = [await scroll()];
    for (let i = 0; i < 200; i += 1) {
      await app.press('ArrowRight');
      forward.push(await scroll());
    }
    // It did scroll on the way.
    expect(new Set(forward.map((s) => s.split(' ')[2])).size).toBeGreaterThan(1);
    for (let i = 199; i >= 0; i -= 1) {
      await app.press('ArrowLeft');
      expect(await scroll()).toBe(forward[i]);
    }
  });
});

/** In each slot, what each task does, from the engine's segments (as expectedRows). */
function activity(jobs: number, maxsize: number, runs: string, waits: string): string[][] {
  const trace = simulate(
    compileScenario(jobWindowScenario({ jobs, maxsize, durations: { kind: 'formula' } })),
  );
  const timelines = taskTimelines(trace);
  const end = Math.ceil(Math.max(...timelines.map((t) => t.endTime ?? 0)));
  return Array.from({ length: end }, (_, i) => [
    `${i}-${i + 1}`,
    ...timelines.map((timeline) =>
      timeline.segments
        .filter((s) => s.start < i + 1 && s.end > i && s.end > s.start)
        .map((s) => (s.kind === 'sleeping' ? runs : waits))
        .filter((word, k, all) => k === 0 || all[k - 1] !== word)
        .join(', '),
    ),
  ]);
}

test.describe('the timeline as text', () => {
  test('says who runs and who waits for a token, in French too', async ({ app, page }) => {
    await app.open('?lang=fr');
    expect(await app.gridRows()).toEqual(activity(8, 4, 'tourne', 'attend'));
    await expect(page.locator('#timeline-text caption')).toContainText('laquelle attend');
    // j4 waits for a token during 0-1, then runs.
    expect((await app.gridRows())[0][5]).toBe('attend');
    expect((await app.gridRows())[1][5]).toBe('tourne');
    // The picture says where its text is.
    await expect(page.locator('.timeline-reveal svg')).toHaveAttribute(
      'aria-label',
      /sa version texte suit/,
    );
    await app.open('?jobs=60&maxsize=5');
    await expect(page.locator('.timeline-reveal svg')).toHaveAttribute(
      'aria-label',
      /Table button gives it as text/,
    );
  });
});
