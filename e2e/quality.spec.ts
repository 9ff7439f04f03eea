/** Accessibility (axe-core), offline use, a sub-path and an iframe. */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { expect, test } from './app';

const SERIOUS = ['serious', 'critical'];

/** The WCAG contrast ratio of two opaque computed colours, as `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => SERIOUS.includes(v.impact ?? ''))
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

test.describe('accessibility', () => {
  for (const [name, query] of [
    ['the job window', '?t=2.5'],
    ['the producer / consumer, dark', '?preset=producer-consumer&t=3&theme=dark'],
    ['presenter mode, French', '?t=2.5&present=1&lang=fr'],
    ['compare', '?t=2.5&compare=1&b.maxsize=1'],
    ['200 jobs', '?jobs=200&maxsize=7&t=20'],
  ]) {
    test(`no serious or critical axe violation: ${name}`, async ({ app, page }) => {
      await app.open(query);
      if (query.includes('compare')) await expect(page.getByTestId('sweep-chart')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  // Projected in a lecture hall: every text on screen at 16 px at least, as displayed.
  for (const query of [
    '?t=2.5',
    '?t=2.5&lang=fr',
    '?preset=producer-consumer&t=2.5&lang=fr',
    '?t=2.5&present=1',
  ]) {
    test(`every text on screen is 16 px or more at 1280x720: ${query}`, async ({ app }) => {
      await app.open(query);
      expect(await app.smallTexts()).toEqual([]);
    });
  }

  for (const theme of ['light', 'dark']) {
    test(`a pressed toggle stays readable under the mouse: ${theme}`, async ({ app, page }) => {
      const seen: string[] = [];
      for (const query of [`?t=2.5&present=1&compare=1`, `?t=2.5`]) {
        await app.open(`${query}&theme=${theme}`);
        if (!query.includes('compare')) await page.getByTestId('as-text').click();
        for (const button of await page.locator('button[aria-pressed=true]').all()) {
          await button.hover();
          const [name, ink, back] = await button.evaluate((b) => [
            b.textContent ?? '',
            getComputedStyle(b).color,
            getComputedStyle(b).backgroundColor,
          ]);
          seen.push(name);
          expect(contrast(ink, back), `${name}: ${ink} on ${back}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      for (const name of ['Compare', 'Present', 'EN', 'Table'])
        expect(seen, 'the toggles were pressed').toContain(name);
      if (theme === 'dark') expect(seen).toContain('Dark');
    });
  }

  test('every control has a label', async ({ app, page }) => {
    await app.open();
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('input:not([type=hidden]):not([hidden]), select, button')]
        .filter((e) => !(e as HTMLElement).hidden)
        .filter((e) => {
          const el = e as HTMLInputElement;
          const label = el.labels?.length ? el.labels[0].textContent : null;
          return !(
            label?.trim() ||
            el.getAttribute('aria-label') ||
            (el.tagName === 'BUTTON' && el.textContent?.trim())
          );
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unlabeled).toEqual([]);
  });
});

test.describe('offline and embedded', () => {
  test('works offline once loaded (service worker)', async ({ app, page, context }) => {
    await app.open('?t=1');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load is not controlled yet: reload once online so that the worker serves it.
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('event')).toBeVisible();
    await page.getByTestId('maxsize').fill('2');
    await expect(page.getByTestId('queue-window').getByTestId('queue-fill')).toContainText('/2');
    // The compare view's code, loaded on demand, is cached too.
    await page.getByTestId('compare-toggle').click();
    await expect(page.getByTestId('sweep-chart')).toBeVisible();
    await context.setOffline(false);
  });

  test('runs from a sub-path of a course site', async ({ app, page }) => {
    const dist = join(process.cwd(), 'dist');
    const types: Record<string, string> = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.svg': 'image/svg+xml',
      '.webmanifest': 'application/manifest+json',
    };
    await page.route('http://course.example/**', (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/python\/asyncio\//, '');
      const file = join(dist, path === '' ? 'index.html' : path);
      if (!existsSync(file)) return route.fulfill({ status: 404 });
      return route.fulfill({
        body: readFileSync(file),
        contentType: types[extname(file)] ?? 'application/octet-stream',
      });
    });
    await page.goto('http://course.example/python/asyncio/?jobs=3&maxsize=1&t=2');
    await expect(page.getByTestId('event')).toBeVisible();
    await expect(page.getByTestId('clock')).toHaveText('2.000 s');
    void app;
  });

  test('embed=1 gives a compact view in an iframe', async ({ app, page, baseURL }) => {
    await page.route(`${baseURL}/lesson.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Lesson</title><h1>Lesson 7: asyncio</h1><iframe title="simulator" src="${baseURL}/?embed=1&t=2" width="900" height="520"></iframe>`,
      }),
    );
    await page.goto(`${baseURL}/lesson.html`);
    const frame = page.frameLocator('iframe[title=simulator]');
    await expect(frame.getByTestId('event')).toBeVisible();
    await expect(frame.getByTestId('full-view')).toBeVisible();
    await expect(frame.locator('.top h1')).toBeHidden();
    await expect(frame.getByTestId('clock')).toHaveText('2.000 s');
    void app;
  });

  test('embedded in French, the page speaks French, and its full view link follows it', async ({
    app,
    page,
  }) => {
    await app.open('?embed=1&t=2&lang=fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      /^Regardez tourner la boucle/,
    );
    await app.maxsize.fill('2');
    await expect(page).toHaveURL(/maxsize=2/);
    const link = page.getByTestId('full-view');
    await link.focus();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/maxsize=2/);
    expect(href).not.toMatch(/embed=1/);
  });
});
