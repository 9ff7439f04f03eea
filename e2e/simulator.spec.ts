import { simulate, compileScenario } from '../src/engine';
import {
  buildPreset,
  jobWindowScenario,
  presetDefaults,
  PRESET_IDS,
} from '../src/scenario/presets';
import { jobGrid } from '../src/trace/markdown';
import { taskLabels } from '../src/trace/labels';
import { taskTimelines } from '../src/trace/segments';
import { runCli } from '../src/cli/sim';
import { expect, test } from './app';

/**
 * The course's table as the engine computes it, in the shape of the page's text table: in
 * each slot, what each task does, in order: "runs" (inside its sleep), "waits" (blocked).
 */
function expectedRows(jobs: number, maxsize: number, words = { runs: 'runs', waits: 'waits' }) {
  const compiled = compileScenario(
    jobWindowScenario({ jobs, maxsize, durations: { kind: 'formula' } }),
  );
  const trace = simulate(compiled);
  const grid = jobGrid(trace, { labels: taskLabels(compiled) });
  // From the segments themselves, not from grid.activity, which the page's table shows.
  const timelines = taskTimelines(trace);
  return grid.sleeping.map((row, i) => [
    `${i}-${i + 1}`,
    ...row.map((on, task) => {
      const during = timelines[task].segments
        .filter((s) => s.start < (i + 1) * grid.slot && s.end > i * grid.slot && s.end > s.start)
        .map((s) => (s.kind === 'sleeping' ? words.runs : words.waits))
        .filter((word, k, all) => k === 0 || all[k - 1] !== word);
      // The course's mark and the text's agree.
      expect(during.includes(words.runs)).toBe(on);
      return during.join(', ');
    }),
  ]);
}

test.describe('every preset', () => {
  for (const preset of PRESET_IDS) {
    for (const lang of ['en', 'fr']) {
      test(`${preset} (${lang}): its scenario, code and explanation, whole at 1280x720`, async ({
        app,
        page,
      }, info) => {
        await app.open(`?preset=${preset}&t=1.5&lang=${lang}`);
        await expect(page.getByTestId('preset')).toHaveValue(preset);
        await expect(page.getByTestId('url-messages')).toHaveCount(0);
        // Its own explanation, its tasks in the timeline, its primitive in the side panel.
        await expect(page.locator('.about summary')).not.toBeEmpty();
        await expect(page.locator('.timeline-head text').first()).toBeVisible();
        const primitives = Object.keys(buildPreset(presetDefaults(preset)).scenario.primitives);
        if (primitives.length > 0) await expect(page.locator('.primitive').first()).toBeVisible();
        const size = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.scrollHeight,
        ]);
        expect(size).toEqual([1280, 720]);
        await page.screenshot({ path: info.outputPath(`${preset}-${lang}.png`) });
      });
    }
  }
});

test.describe('the job window', () => {
  test('loads like the course: 8 jobs, maxsize 4', async ({ app, page }, info) => {
    await app.open();
    await expect(app.maxsize).toHaveValue('4');
    await expect(app.jobs).toHaveValue('8');
    expect(await app.gridRows()).toEqual(expectedRows(8, 4));
    // The course's hand-drawn table: 0-1: j0 j1 j2 j3; 1-2: j1 j2 j4 j5; 2-3: j2 j4 j5 j6; 3-4: j5 j7; 4-5: j7.
    const running = (await app.gridRows()).map((row) =>
      row
        .slice(1)
        .flatMap((cell, i) => (cell.includes('runs') ? [`j${i}`] : []))
        .join(' '),
    );
    expect(running).toEqual(['j0 j1 j2 j3', 'j1 j2 j4 j5', 'j2 j4 j5 j6', 'j5 j7', 'j7']);
    await app.press('End');
    await page.screenshot({ path: info.outputPath('job-window.png') });
  });

  for (const maxsize of [2, 1, 0]) {
    test(`re-simulates when maxsize becomes ${maxsize}`, async ({ app, page }) => {
      await app.open();
      await app.maxsize.fill(String(maxsize));
      await expect.poll(() => app.gridRows()).toEqual(expectedRows(8, maxsize));
      // The queue view follows: maxsize slots, or "unbounded".
      await app.press('End');
      const fill = page.getByTestId('queue-window').getByTestId('queue-fill');
      await expect(fill).toContainText(maxsize === 0 ? 'unbounded' : `/${maxsize}`);
      await expect(page).toHaveURL(new RegExp(`maxsize=${maxsize}`));
    });
  }

  test('keeps 200 jobs readable: the busy ones in view, the page does not scroll', async ({
    app,
    page,
  }, info) => {
    await app.open('?jobs=200&maxsize=7&t=20');
    const size = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.scrollHeight,
    ]);
    expect(size).toEqual([1280, 720]);
    // Every other column named (18 px columns), by name only.
    await expect(page.locator('.timeline-head text', { hasText: /^j72$/ })).toBeInViewport();
    // The lanes scrolled sideways to the busy jobs; the time axis and "now" stay at the left.
    expect(await page.locator('.timeline').evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
    await expect(page.locator('.timeline-axis text', { hasText: /^18-19$/ })).toBeInViewport();
    const axis = await page.locator('.timeline-axis').boundingBox();
    const timeline = await page.locator('.timeline').boundingBox();
    expect(axis!.x).toBeCloseTo(timeline!.x, 0);
    await expect(page.locator('.timeline-axis .now-label')).toHaveText('20.000');
    await page.screenshot({ path: info.outputPath('job-window-200.png') });
    // As text: a line per job.
    await page.getByTestId('as-text').click();
    await expect(page.locator('#timeline-text li')).toHaveCount(200);
    await expect(page.locator('#timeline-text li').first()).toContainText(
      'j0 (1): runs 0.000–1.000 s; done at 1.000 s',
    );
    // Names written at a slant fit in the head (30 jobs: 16 px names in narrow columns).
    await app.open('?jobs=30&maxsize=5&t=6');
    const head = (await page.locator('.timeline-head').boundingBox())!;
    const name = (await page.locator('.timeline-head text', { hasText: 'j10 (2)' }).boundingBox())!;
    expect(name.y).toBeGreaterThanOrEqual(head.y);
    expect(name.y + name.height).toBeLessThanOrEqual(head.y + head.height);
  });
});

test.describe('playback', () => {
  test('plays and pauses with Space, steps with the arrows, jumps with Home and End', async ({
    app,
    page,
  }) => {
    await app.open();
    await expect(app.clock).toHaveText('0.000 s');
    await app.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect
      .poll(async () => parseFloat((await app.clock.textContent()) ?? '0'))
      .toBeGreaterThan(0.3);
    await app.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await app.press('Home');
    await expect(app.event).toContainText('0/');
    await app.press('ArrowRight');
    await expect(app.event).toContainText('1/');
    await expect(app.event).toContainText('Task j0 is created');
    await app.press('ArrowRight', 3);
    await expect(app.event).toContainText('4/');
    await app.press('ArrowLeft');
    await expect(app.event).toContainText('3/');
    await app.press('ArrowDown');
    await expect(app.clock).toHaveText('0.000 s');
    await app.press('ArrowDown');
    await expect(app.clock).toHaveText('1.000 s');
    await app.press('ArrowUp');
    await expect(app.clock).toHaveText('0.000 s');
    await app.press('End');
    await expect(app.clock).toHaveText('5.000 s');
    await expect(page.getByTestId('console').locator('li')).toHaveCount(16);
    await app.press('+');
    await expect(page.getByTestId('speed')).toHaveValue('2');
    await app.press('-', 2);
    await expect(page.getByTestId('speed')).toHaveValue('0.5');
  });

  test('going back shows exactly what going forward showed', async ({ app }) => {
    await app.open('?jobs=6&maxsize=2');
    const forward: string[] = [await app.snapshot()];
    for (let i = 0; i < 60; i += 1) {
      await app.press('ArrowRight');
      forward.push(await app.snapshot());
    }
    for (let i = 59; i >= 0; i -= 1) {
      await app.press('ArrowLeft');
      expect(await app.snapshot()).toBe(forward[i]);
    }
  });

  test('the scrub bar moves through virtual time', async ({ app, page }) => {
    await app.open();
    await page.getByTestId('scrub').fill('3.5');
    await expect(app.clock).toHaveText('3.500 s');
    await expect(page.getByTestId('console').locator('li')).toHaveCount(14);
  });
});

test.describe('the producer / consumer', () => {
  test('runs forever: simulated ahead as playback goes', async ({ app, page }, info) => {
    await app.open('?preset=producer-consumer&t=40');
    await expect(app.clock).toHaveText('40.000 s');
    await expect(page.getByTestId('console').locator('li').last()).toHaveText(
      '40.000 consumer got tick41',
    );
    await page.getByTestId('speed').selectOption('16');
    await app.press('Space');
    await expect
      .poll(async () => parseFloat((await app.clock.textContent()) ?? '0'), { timeout: 10_000 })
      .toBeGreaterThan(80);
    await app.press('Space');
    await page.screenshot({ path: info.outputPath('producer-consumer.png') });
  });

  test('an hour in: only a window of the run is kept, and going back finds the same', async ({
    app,
    page,
  }) => {
    await app.open('?preset=producer-consumer&t=3000');
    await expect(page.getByTestId('console').locator('li').last()).toHaveText(
      '3000.000 consumer got tick3001',
    );
    // Events are numbered from the run's start, though the first ones were let go of (and an
    // endless run has no total).
    const counter = await page.locator('.event-index').textContent();
    expect(Number(counter?.match(/^(\d+)$/)?.[1])).toBeGreaterThan(60_000);
    await app.press('ArrowUp');
    await expect(app.clock).toHaveText('2999.000 s');
    await expect(page.getByTestId('console').locator('li').last()).toHaveText(
      '2999.000 consumer got tick3000',
    );
    await app.press('Home');
    await expect(app.clock).toHaveText('0.000 s');
    await app.press('ArrowDown', 3);
    await expect(page.getByTestId('console').locator('li').last()).toHaveText(
      '2.000 consumer got tick3',
    );
  });

  test('explains a livelock in plain words', async ({ app, page }) => {
    await app.open('?preset=producer-consumer&period=0&work=0');
    await app.press('End');
    await expect(page.getByTestId('run-end')).toContainText('time can never advance');
  });

  test("explains a deadlock in the reader's language: which task waits on what", async ({
    app,
    page,
  }) => {
    await app.open('?preset=semaphore-window&jobs=2&value=0&lang=en');
    await app.press('End');
    await expect(page.getByTestId('run-end')).toContainText(
      "j0 waits for Semaphore 'window' (value 0); j1 waits for Semaphore 'window' (value 0)",
    );
    await app.open('?preset=semaphore-window&jobs=2&value=0&lang=fr');
    await app.press('End');
    await expect(page.getByTestId('run-end')).toContainText(
      "j0 attend le Semaphore 'window' (valeur 0) ; j1 attend le Semaphore 'window' (valeur 0)",
    );
  });
});

test.describe('the URL', () => {
  test('restores preset, parameters and time', async ({ app, page }) => {
    await app.open('?preset=job-window&jobs=5&maxsize=2&durations=2&t=2.5');
    await expect(app.jobs).toHaveValue('5');
    await expect(app.maxsize).toHaveValue('2');
    await expect(app.clock).toHaveText('2.500 s');
    await expect(page.getByTestId('url-messages')).toHaveCount(0);
  });

  test('restores a moment inside an instant, event for event (e=)', async ({ app, page }) => {
    await app.open('?t=1');
    // Three events back into the instant t=1, then a reload shows exactly the same.
    await app.press('ArrowLeft', 3);
    await expect(page).toHaveURL(/[?&]e=\d+/);
    const before = await app.snapshot();
    const link = page.url();
    await page.goto(link);
    await expect(app.clock).toBeVisible();
    expect(await app.snapshot()).toBe(before);
    // At the end of an instant, t alone.
    await app.press('ArrowRight', 3);
    await expect(page).not.toHaveURL(/[?&]e=/);
    // A bad e: a message, and the end of the instant.
    await app.open('?t=1&e=x');
    await expect(page.getByTestId('url-messages')).toContainText('e "x" is not a number of events');
  });

  test('a link far into an endless run shows it, its text as a list (no table of 100,000 rows)', async ({
    app,
    page,
  }) => {
    await app.open('?preset=producer-consumer&t=100001');
    await expect(app.clock).toHaveText('100001.000 s');
    await page.getByTestId('as-text').click();
    await expect(page.locator('#timeline-text li').first()).toContainText('producer');
    // Copying the table says it is too big instead of failing silently.
    await page.getByTestId('copy-markdown').click();
    await expect(page.getByTestId('export-status')).toContainText('too big a table');
  });

  test('a time past the end shows the end: a deadlock at t=0 is told', async ({ app, page }) => {
    await app.open('?preset=semaphore-window&jobs=2&value=0&t=100&lang=en');
    await expect(page.getByTestId('run-end')).toContainText("j0 waits for Semaphore 'window'");
  });

  test('turns bad or hostile values into a message and defaults', async ({ app, page }) => {
    await app.open(
      '?preset=job-window&jobs=abc&maxsize=-5&durations=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&t=NaN',
    );
    const messages = page.getByTestId('url-messages');
    await expect(messages).toContainText('jobs "abc" is not a whole number');
    await expect(messages).toContainText('maxsize "-5"');
    await expect(messages).toContainText('durations "<img src=x onerror=alert(1)>"');
    await expect(app.jobs).toHaveValue('8');
    await expect(app.maxsize).toHaveValue('4');
    await expect(page.locator('img')).toHaveCount(0);
    await app.open('?preset=%3Cscript%3Ealert(1)%3C/script%3E');
    await expect(page.getByTestId('url-messages')).toContainText(
      'is unknown (there are job-window, semaphore-window, unbounded, producer-consumer',
    );
    expect(await app.gridRows()).toEqual(expectedRows(8, 4));
  });
});

test.describe('export', () => {
  test('copies the course table as Markdown, identical to the CLI', async ({
    app,
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.open('?jobs=8&maxsize=3');
    await page.getByTestId('copy-markdown').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const cli = runCli(['--preset', 'job-window', '--maxsize', '3', '--format', 'markdown'], {
      readFile: () => new Uint8Array(),
      now: () => 0,
    });
    expect(copied).toBe(cli.stdout);
  });

  test('downloads the timeline as SVG and PNG', async ({ app, page }) => {
    await app.open('?t=5');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-svg').click(),
    ]);
    expect(svg.suggestedFilename()).toBe('job-window-8-maxsize-4.svg');
    const text = await (await svg.createReadStream()).toArray();
    expect(Buffer.concat(text).toString()).toContain('<svg');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-png').click(),
    ]);
    expect(png.suggestedFilename()).toBe('job-window-8-maxsize-4.png');
  });
});

test.describe('parameters and cells', () => {
  test('durations: a list typed by the user, then seeded random', async ({ app, page }) => {
    await app.open();
    await page.getByRole('combobox', { name: 'durations', exact: true }).selectOption('list');
    await page.getByRole('textbox', { name: 'durations in seconds' }).fill('3, 1');
    await expect(page.locator('.timeline-head text', { hasText: 'j0 (3)' })).toBeVisible();
    await expect(page.locator('.timeline-head text', { hasText: 'j1 (1)' })).toBeVisible();
    await expect(page).toHaveURL(/durations=3%2C1/);
    await page.getByRole('textbox', { name: 'durations in seconds' }).fill('3, x');
    await expect(page.getByText('Seconds separated by commas')).toBeVisible();
    await page.getByRole('combobox', { name: 'durations', exact: true }).selectOption('random');
    await expect(page).toHaveURL(/durations=random%3A42%3A3/);
  });

  test('hovering or focusing a cell tells what the task does', async ({ app, page }) => {
    await app.open('?t=1.5');
    const cell = page.locator('.cell[data-task="4"]').first();
    await cell.hover();
    await expect(page.locator('.tip')).toContainText(
      'j4 waits for a free slot in window (blocked on put), from 0.000 to 1.000 s',
    );
    await page.locator('.cell[data-task="1"]').first().focus();
    await expect(page.locator('.tip')).toContainText(
      'j1 runs: inside asyncio.sleep(2), since 0.000 s',
    );
  });
});

test.describe('French and English', () => {
  test('follows the browser, switches, and keeps the choice in the URL', async ({ browser }) => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 720 },
    });
    const page = await context.newPage();
    await page.goto('/?t=1.5');
    await expect(page.getByRole('heading', { name: "Boucle d'événements" })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const description = page.locator('meta[name="description"]');
    await expect(description).toHaveAttribute('content', /^Regardez tourner la boucle/);
    await expect(page.getByRole('spinbutton', { name: /maxsize/ })).toHaveValue('4');
    await expect(page.getByTestId('event')).toContainText("L'itération 5 commence");
    await page.getByTestId('lang-en').click();
    await expect(page.getByRole('heading', { name: 'Event loop' })).toBeVisible();
    await expect(description).toHaveAttribute('content', /^Watch Python's asyncio event loop/);
    await expect(page).toHaveURL(/lang=en/);
    await page.goto('/?lang=fr&preset=producer-consumer&t=3');
    await expect(page.getByRole('heading', { name: 'La queue' })).toBeVisible();
    await expect(page.getByText('getters (attendent un élément)')).toBeVisible();
    await context.close();
  });

  test('the Lock preset prints French in French, in the console as in the code', async ({
    app,
    page,
  }) => {
    await app.open('?preset=shared-lock&lang=fr&t=1');
    const console_ = page.getByTestId('console');
    await expect(console_.locator('li').first()).toHaveText(
      "0.000 w0 >>> utilise l'imprimante, tour 1",
    );
    await page.getByRole('tab', { name: 'Code Python' }).click();
    await expect(page.getByTestId('code')).toContainText(
      `show_timer(f">>> utilise l'imprimante, tour {n}")`,
    );
    await page.getByTestId('lang-en').click();
    await expect(app.clock).toHaveText('1.000 s');
    await expect(page.getByTestId('code')).toContainText(
      'show_timer(f">>> uses the printer, round {n}")',
    );
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect(console_.locator('li').first()).toHaveText(
      '0.000 w0 >>> uses the printer, round 1',
    );
  });

  test('tells a bad URL in French', async ({ app, page }) => {
    await app.open('?lang=fr&jobs=abc');
    await expect(page.getByTestId('url-messages')).toContainText(
      'jobs "abc" n\'est pas un nombre entier',
    );
  });

  test('tells a bad scenario in the link in French, and names a good one in French', async ({
    app,
    page,
  }) => {
    const bad = { version: 1, tasks: [{ name: 'a', steps: [{ op: 'sleep', seconds: -1 }] }] };
    await app.open(`?lang=fr&scenario=${Buffer.from(JSON.stringify(bad)).toString('base64url')}`);
    await expect(page.getByTestId('url-messages')).toContainText(
      'le scénario du lien ne peut pas être utilisé : tasks[0].steps[0].seconds : doit être un nombre >= 0',
    );
    const good = { version: 1, title: 'Mon imprimante', tasks: [{ name: 'a', steps: [] }] };
    await app.open(`?lang=fr&scenario=${Buffer.from(JSON.stringify(good)).toString('base64url')}`);
    await expect(page.getByTestId('about')).toContainText(
      'Mon imprimante (scénario du lien : 1 tâche).',
    );
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('about')).toContainText(
      'Mon imprimante (scenario from the link: 1 task).',
    );
  });
});

test.describe('presenter mode and themes', () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ]) {
    for (const theme of ['light', 'dark']) {
      test(`presenter mode at ${width}x${height}, ${theme}: fits, readable`, async ({
        app,
        page,
      }, info) => {
        await page.setViewportSize({ width, height });
        // In French, the longer of the two languages.
        await app.open(`?t=2.5&lang=fr${theme === 'dark' ? '&theme=dark' : ''}`);
        await app.press('p');
        await expect(page.locator('html')).toHaveAttribute('data-mode', 'present');
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        // Every control of the top bar in view, the last one included.
        await expect(page.getByTestId('lang-fr')).toBeInViewport({ ratio: 1 });
        const size = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.scrollHeight,
        ]);
        expect(size).toEqual([width, height]);
        // The smallest text of the timeline and the loop, as displayed (zoom included).
        const smallest = await page.evaluate(() => {
          const zoom = Number(
            getComputedStyle(document.documentElement).getPropertyValue('--present-zoom') || 1,
          );
          const sizes = [
            ...document.querySelectorAll(
              '.timeline-head text, .timeline text, .now-label, .loop b, .loop h3, .event-line',
            ),
          ].map((e) => parseFloat(getComputedStyle(e).fontSize) * zoom);
          return Math.min(...sizes);
        });
        expect(smallest).toBeGreaterThanOrEqual(15);
        await page.screenshot({
          path: info.outputPath(`presenter-${width}x${height}-${theme}.png`),
        });
      });
    }
  }

  test('a presenter remote steps with Page Down and Page Up; D toggles the theme', async ({
    app,
    page,
  }) => {
    await app.open('?present=1');
    await app.press('PageDown', 3);
    await expect(app.event).toContainText('3/');
    await app.press('PageUp');
    await expect(app.event).toContainText('2/');
    await app.press('d');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page).toHaveURL(/theme=dark/);
    await page.getByTestId('show-bottom').click();
    await expect(page.getByTestId('console')).toBeVisible();
  });
});

test.describe('scenario files', () => {
  const good = {
    version: 1,
    primitives: { q: { type: 'Queue', maxsize: 1 } },
    tasks: [
      {
        name: 'producer',
        steps: [
          {
            op: 'repeat',
            times: 3,
            steps: [
              { op: 'put', queue: 'q', value: 'item{n}' },
              { op: 'sleep', seconds: 0.5 },
            ],
          },
        ],
      },
      {
        name: 'consumer',
        steps: [
          {
            op: 'repeat',
            times: 3,
            steps: [
              { op: 'get', queue: 'q' },
              { op: 'log', text: 'got {item}' },
            ],
          },
        ],
      },
    ],
  };

  test('opens a file, shows its code, and carries it in the link', async ({ app, page }) => {
    await app.open();
    await page.getByTestId('file-input').setInputFiles({
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await expect(page.getByTestId('preset')).toHaveValue('file');
    await expect(page.locator('.timeline-head text', { hasText: 'consumer' })).toBeVisible();
    await expect(page.getByTestId('about')).toContainText('Your scenario (mine.json: 2 tasks)');
    await app.press('End');
    await expect(page.getByTestId('console').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('console').locator('li').last()).toHaveText(
      '1.000 consumer got item3',
    );
    await page.getByRole('tab', { name: 'Python code' }).click();
    await expect(page.getByTestId('code')).toContainText('async def producer():');
    await expect(page).toHaveURL(/scenario=/);
    await page.reload();
    await expect(page.getByTestId('preset')).toHaveValue('file');
    await expect(page.locator('.timeline-head text', { hasText: 'producer' })).toBeVisible();
  });

  test('shows the tasks in join() and those awaiting a task', async ({ app, page }) => {
    const workers = {
      version: 1,
      primitives: { jobs: { type: 'Queue', maxsize: 2 } },
      tasks: [
        {
          name: 'boss',
          steps: [
            { op: 'spawn', task: 'w1' },
            { op: 'repeat', times: 2, steps: [{ op: 'put', queue: 'jobs', value: 'job{n}' }] },
            { op: 'join', queue: 'jobs' },
            { op: 'log', text: 'all done' },
          ],
        },
        {
          name: 'w1',
          start: false,
          steps: [
            {
              op: 'repeat',
              times: 2,
              steps: [
                { op: 'get', queue: 'jobs' },
                { op: 'sleep', seconds: 1 },
                { op: 'task_done', queue: 'jobs' },
              ],
            },
          ],
        },
        {
          name: 'watcher',
          steps: [
            { op: 'sleep', seconds: 0.5 },
            { op: 'await', task: 'w1' },
          ],
        },
      ],
    };
    const link = Buffer.from(JSON.stringify(workers)).toString('base64url');
    await app.open(`?scenario=${link}&t=1.5`);
    const queue = page.locator('.primitives');
    await expect(queue).toContainText('1 unfinished (task_done to come)');
    await expect(queue).toContainText('in join() (waiting for every item to be done)');
    await expect(queue.locator('.waiters').last()).toContainText('boss');
    // Three tasks: the loop panel lists their states without being asked.
    await expect(page.locator('.loop')).toContainText(
      'waiting for every item of jobs to be done (join)',
    );
    await expect(page.locator('.loop')).toContainText('waiting for task w1 to finish');
    await app.press('End');
    await expect(page.getByTestId('console').locator('li').last()).toHaveText(
      '2.000 boss all done',
    );
  });

  test("shows gather's callback in the ready queue, and the caller waiting on the gather", async ({
    app,
    page,
  }) => {
    const gathering = {
      version: 1,
      tasks: [
        { name: 'main', steps: [{ op: 'gather', tasks: ['slow', 'fast'] }] },
        { name: 'slow', start: false, steps: [{ op: 'sleep', seconds: 2 }] },
        { name: 'fast', start: false, steps: [{ op: 'sleep', seconds: 1 }] },
      ],
    };
    const link = Buffer.from(JSON.stringify(gathering)).toString('base64url');
    await app.open(`?scenario=${link}&t=1.5`);
    const loop = page.locator('.loop');
    await expect(loop).toContainText('main waiting for slow, fast to finish (gather)');
    // Back from the end, event by event, to the callback for slow waiting to run.
    await app.press('End');
    for (let i = 0; i < 10 && !(await loop.textContent())?.includes('gather callback'); i += 1)
      await app.press('ArrowLeft');
    await expect(loop).toContainText('slowgather callback');
  });

  test('a bad file dropped on the page gets a message naming the problem, and the view stays', async ({
    app,
    page,
  }) => {
    await app.open('?t=2');
    const before = await app.gridRows();
    const bad = { ...good, tasks: [{ name: 'x', steps: [{ op: 'sleep', seconds: -1 }] }] };
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'bad.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    }, JSON.stringify(bad));
    await expect(page.getByTestId('file-error')).toContainText(
      'bad.json could not be opened: tasks[0].steps[0].seconds: must be a number >= 0',
    );
    expect(await app.gridRows()).toEqual(before);
    await expect(page.getByTestId('preset')).toHaveValue('job-window');
  });

  test("tells what is wrong with a file in the page's language, and an image as not text", async ({
    app,
    page,
  }) => {
    const drop = (name: string, bytes: number[]) =>
      page.evaluate(
        ([name, bytes]) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], name));
          for (const type of ['dragenter', 'dragover', 'drop'])
            window.dispatchEvent(
              new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
            );
        },
        [name, bytes] as const,
      );
    const utf8 = (text: string) => [...Buffer.from(text)];
    await app.open('?t=2&lang=fr');
    const error = page.getByTestId('file-error');
    const nested = {
      version: 1,
      tasks: [
        { name: 'x', steps: [{ op: 'repeat', times: 2, steps: [{ op: 'sleep', seconds: -1 }] }] },
      ],
    };
    await drop('bad.json', utf8(JSON.stringify(nested)));
    await expect(error).toHaveText(
      "bad.json n'a pas pu être ouvert : tasks[0].steps[0].steps[0].seconds : doit être un nombre >= 0OK",
    );
    await drop('broken.json', utf8('{\n  "version": 1,\n  "tasks": [}\n}'));
    await expect(error).toContainText(
      "broken.json n'a pas pu être ouvert : ce n'est pas du JSON valide : « } » inattendu à la ligne 3, colonne 13",
    );
    // The first bytes of a PNG image.
    await drop('image.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expect(error).toContainText(
      "image.png n'a pas pu être ouvert : ce n'est pas un fichier texte (JSON)",
    );
    // The message follows the language.
    await page.getByTestId('lang-en').click();
    await expect(error).toContainText(
      'image.png could not be opened: it is not a text (JSON) file',
    );
  });

  test('saves the current scenario as a file the CLI reads', async ({ app, page }) => {
    await app.open('?jobs=3&maxsize=2');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('save-file').click(),
    ]);
    expect(download.suggestedFilename()).toBe('job-window.json');
    const saved = JSON.parse(
      Buffer.concat(await (await download.createReadStream()).toArray()).toString(),
    );
    expect(saved.tasks).toHaveLength(3);
    expect(saved.primitives.window).toEqual({ type: 'Queue', maxsize: 2 });
  });
});

test.describe('compare', () => {
  test('two parameter sets side by side on one clock, and the chart against maxsize', async ({
    app,
    page,
  }, info) => {
    await app.open('?t=2.5');
    await app.press('c');
    const compare = page.getByTestId('compare');
    await expect(compare).toBeVisible();
    await expect(page.getByTestId('b-maxsize')).toHaveValue('1');
    await expect(page.getByTestId('summary').first()).toContainText('total time 5.000 s');
    await expect(page.getByTestId('summary').last()).toContainText(
      'total time 15.000 s · at most 1 sleeping at once',
    );
    await expect(page.getByTestId('sweep-chart')).toBeVisible();
    await expect(page).toHaveURL(/compare=1.*b\.maxsize=1/);
    // One clock: stepping moves both runs.
    await app.press('End');
    // B (one token) at t=5: j0 is done at 1, j1 at 3; j2 runs until 6.
    await expect(
      page.locator('.pane').nth(1).locator('.timeline-head [data-status="done"]'),
    ).toHaveCount(2);
    await page.getByTestId('b-maxsize').fill('2');
    await expect(page.getByTestId('summary').last()).toContainText('total time 8.000 s');
    await expect(page).toHaveURL(/b\.maxsize=2/);
    await page.screenshot({ path: info.outputPath('compare.png') });
    await page.getByTestId('compare-toggle').click();
    await expect(compare).toHaveCount(0);
    // A link with compare=1 alone opens the same natural second run as the button.
    await app.open('?maxsize=1&compare=1');
    await expect(page.getByTestId('b-maxsize')).toHaveValue('4');
    await expect(page.getByTestId('b-maxsize')).toBeInViewport();
  });
});
