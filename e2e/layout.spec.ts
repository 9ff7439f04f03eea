/** The page's layout: what fits where, in both languages, normal and presenter mode. */
import { expect, test } from './app';

test.describe('layout at 1280x720', () => {
  for (const query of [
    '?t=2.5',
    '?t=2.5&lang=fr',
    '?preset=producer-consumer&t=2.5',
    '?preset=producer-consumer&t=2.5&lang=fr',
    '?t=2.5&present=1',
    '?t=2.5&present=1&lang=fr',
    '?preset=producer-consumer&t=2.5&present=1&lang=fr',
  ]) {
    test(`the scrub bar is usable, nothing scrolls, every panel fits: ${query}`, async ({
      app,
      page,
    }) => {
      await app.open(query);
      const scrub = (await page.getByTestId('scrub').boundingBox())!;
      expect(scrub.width).toBeGreaterThanOrEqual(200);
      const layout = await page.evaluate(() => {
        const bottom = (selector: string) =>
          document.querySelector(selector)!.getBoundingClientRect().bottom;
        const side = document.querySelector('.side')!;
        return {
          page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
          bottoms: ['.grid-panel', '.loop', '.primitives'].map(bottom),
          // The side column's content, whole: the getters' row included.
          sideOverflow: side.scrollHeight - side.clientHeight,
        };
      });
      expect(layout.page).toEqual([1280, 720]);
      for (const b of layout.bottoms) expect(b).toBeLessThanOrEqual(720);
      expect(layout.sideOverflow).toBeLessThanOrEqual(0);
    });
  }
});

test.describe('the loop panel', () => {
  for (const lang of ['en', 'fr']) {
    test(`its labels and their counts stay in their column: ${lang}`, async ({ app, page }) => {
      await app.open(`?t=2.5&lang=${lang}`);
      const overlaps = await page.locator('.loop-rows h3').evaluateAll((labels) =>
        labels.flatMap((label) => {
          const count = label.querySelector('.count') ?? label;
          const value = label.nextElementSibling!.firstElementChild!;
          const gap = value.getBoundingClientRect().left - count.getBoundingClientRect().right;
          return gap < 4 ? [`${label.textContent}: ${gap.toFixed(1)} px`] : [];
        }),
      );
      expect(overlaps).toEqual([]);
      await expect(page.locator('.loop-rows h3')).toHaveCount(3);
    });
  }

  test('counts the tasks in French grammar: 0 and 1 singular, 2 and more plural', async ({
    app,
    page,
  }) => {
    await app.open('?t=2.5&lang=fr');
    await expect(page.locator('.summary-counts')).toHaveText('3 finies, 4 dorment, 1 attend');
    await app.open('?t=0&lang=fr');
    await expect(page.locator('.summary-counts')).toHaveText('8 créées');
    await app.open('?t=2.5');
    await expect(page.locator('.summary-counts')).toHaveText('3 done, 4 sleeping, 1 waiting');
  });

  test('counts events against a total only when the run ends', async ({ app, page }) => {
    await app.open('?t=2.5');
    await expect(page.locator('.event-index')).toHaveText('100/162');
    // The producer/consumer runs forever: it has no total (only how far it was simulated).
    await app.open('?preset=producer-consumer&t=2.5');
    await expect(page.locator('.event-index')).toHaveText(/^\d+$/);
  });
});

test.describe('the queue panel', () => {
  test('tells an unbounded queue in words', async ({ app, page }) => {
    const fill = page.getByTestId('queue-window').getByTestId('queue-fill');
    await app.open('?maxsize=0&t=0');
    await expect(fill).toHaveText('0 items · unbounded (maxsize=0)');
    await app.open('?maxsize=0&t=0&lang=fr');
    await expect(fill).toHaveText('0 élément · sans limite (maxsize=0)');
    await app.open('?maxsize=0&t=0.5&lang=fr');
    await expect(fill).toHaveText('8 éléments · sans limite (maxsize=0)');
  });
});

test.describe('presenter mode', () => {
  for (const [width, height] of [
    [1024, 768],
    [1280, 720],
    [1366, 768],
    [1920, 1080],
  ]) {
    test(`fits at ${width}x${height} in both languages and themes`, async ({ app, page }) => {
      await page.setViewportSize({ width, height });
      for (const preset of ['job-window', 'producer-consumer'])
        for (const lang of ['en', 'fr'])
          for (const theme of ['light', 'dark']) {
            const query = `?preset=${preset}&t=2.5&present=1&lang=${lang}&theme=${theme}`;
            await app.open(query);
            // Every control of the bar in view, the last one included, and nothing cut.
            await expect(page.getByTestId('lang-fr'), query).toBeInViewport({ ratio: 1 });
            await expect(page.getByTestId('show-bottom'), query).toBeInViewport({ ratio: 1 });
            const fit = await page.evaluate(() => {
              const side = document.querySelector('.side')!;
              const head = document.querySelector('.grid-panel .panel-head')!;
              return {
                page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
                side: side.scrollHeight - side.clientHeight,
                head: head.scrollWidth - head.clientWidth,
              };
            });
            expect(fit, query).toEqual({ page: [width, height], side: 0, head: 0 });
            const scrub = (await page.getByTestId('scrub').boundingBox())!;
            expect(scrub.width, query).toBeGreaterThanOrEqual(200);
          }
    });
  }

  test('gives the loop and the queue larger type than normal mode at 1280x720', async ({
    app,
    page,
  }) => {
    const sizes = () =>
      page.evaluate(() => {
        const zoom = Number(
          getComputedStyle(document.documentElement).getPropertyValue('--present-zoom') || 1,
        );
        return ['.loop h3', '.event-line', '.chip', '.primitives h3', '.token'].map(
          (selector) =>
            parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize) * zoom,
        );
      });
    await app.open('?t=2.5');
    const normal = await sizes();
    await app.open('?t=2.5&present=1');
    const presenting = await sizes();
    presenting.forEach((size, i) => expect(size).toBeGreaterThanOrEqual(normal[i] * 1.1));
  });
});

test.describe('embedded in a course page (embed=1)', () => {
  for (const [width, height] of [
    [600, 400],
    [800, 450],
  ]) {
    for (const lang of ['en', 'fr'])
      test(`compact and usable in a ${width}x${height} iframe: ${lang}`, async ({
        app,
        page,
        baseURL,
      }) => {
        await page.route(`${baseURL}/lesson.html`, (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><title>Lesson</title><body style="margin:0"><iframe title="simulator" src="${baseURL}/?embed=1&t=2&lang=${lang}" width="${width}" height="${height}" style="border:0;display:block"></iframe>`,
          }),
        );
        await page.goto(`${baseURL}/lesson.html`);
        const frame = page.frameLocator('iframe[title=simulator]');
        await expect(frame.getByTestId('clock')).toHaveText('2.000 s');
        // Every control whole, inside the frame: nothing clipped at its right edge.
        for (const id of [
          'play',
          'scrub',
          'speed',
          'copy-markdown',
          'download-svg',
          'download-png',
          'full-view',
          'maxsize',
        ]) {
          const box = (await frame.getByTestId(id).boundingBox())!;
          expect(box.x + box.width, id).toBeLessThanOrEqual(width);
          expect(box.y + box.height, id).toBeLessThanOrEqual(height);
        }
        expect((await frame.getByTestId('scrub').boundingBox())!.width).toBeGreaterThanOrEqual(200);
        const inFrame = await frame.locator('html').evaluate(() => {
          const top = (selector: string) =>
            document.querySelector(selector)!.getBoundingClientRect().top;
          const timeline = document.querySelector('.timeline')!.getBoundingClientRect();
          return {
            width: document.documentElement.scrollWidth,
            playbar: document.querySelector('.playbar')!.scrollWidth,
            playbarBox: document.querySelector('.playbar')!.clientWidth,
            controls: top('.grid-panel'),
            timelineShown: Math.min(timeline.bottom, innerHeight) - timeline.top,
          };
        });
        expect(inFrame.width).toBe(width);
        expect(inFrame.playbar).toBeLessThanOrEqual(inFrame.playbarBox);
        // The controls take a third of the frame at most; the timeline shows several rows.
        expect(inFrame.controls).toBeLessThanOrEqual(height * 0.45);
        expect(inFrame.timelineShown).toBeGreaterThanOrEqual(width > 700 ? 150 : 80);
        void app;
      });
  }
});
