/** Page object for the simulator's page, and a fixture that fails a test on console errors. */
import { test as base, expect, type Page } from '@playwright/test';

export class SimulatorPage {
  readonly errors: string[] = [];
  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('dialog', (d) => {
      this.errors.push(`unexpected dialog: ${d.message()}`);
      void d.dismiss();
    });
  }
  async open(query = '') {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByTestId('clock')).toBeVisible();
  }
  get maxsize() {
    return this.page.getByRole('spinbutton', { name: /maxsize/ });
  }
  get jobs() {
    return this.page.getByRole('spinbutton', { name: 'jobs' });
  }
  get clock() {
    return this.page.getByTestId('clock');
  }
  get event() {
    return this.page.getByTestId('event');
  }
  /** The text alternative of the timeline: the course's table, row by row. */
  async gridRows(): Promise<string[][]> {
    return this.page
      .locator('#timeline-text tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())),
      );
  }
  /** Everything the panels show, to compare two moments. */
  async snapshot(): Promise<string> {
    return this.page.evaluate(() =>
      ['.loop', '.primitives', '.timeline-head', '.console', '.playbar .clock']
        .map((selector) => document.querySelector(selector)?.textContent ?? '')
        .join('\n---\n'),
    );
  }
  /** Texts on screen below 16 px, as displayed (presenter zoom and SVG transforms included). */
  async smallTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const zoom = Number(
        getComputedStyle(document.documentElement).getPropertyValue('--present-zoom') || 1,
      );
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || !node.textContent?.trim()) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.bottom < 0 || box.top > innerHeight) continue;
        if (box.right < 0 || box.left > innerWidth) continue;
        let size = parseFloat(getComputedStyle(element).fontSize) * zoom;
        const ctm = element instanceof SVGGraphicsElement ? element.getScreenCTM() : null;
        if (ctm) size *= Math.hypot(ctm.a, ctm.b);
        if (size < 15.95) found.push(`${size.toFixed(1)} px: ${node.textContent.trim()}`);
      }
      return found;
    });
  }
  async press(key: string, times = 1) {
    for (let i = 0; i < times; i += 1) await this.page.keyboard.press(key);
  }
}

export const test = base.extend<{ app: SimulatorPage }>({
  app: async ({ page }, use) => {
    const app = new SimulatorPage(page);
    await use(app);
    expect(app.errors, 'no console errors').toEqual([]);
  },
});
export { expect };
