/** The keyboard: a presenter's remote, the scrub bar, focused controls, presenter mode. */
import { expect, test } from './app';

/** The number of events applied, as the loop panel shows it. */
async function eventNumber(page: import('@playwright/test').Page): Promise<number> {
  const text = (await page.locator('.event-index').textContent()) ?? '';
  return Number(text.split('/')[0]);
}

test.describe('keys', () => {
  test("Page Down and Page Up step events wherever the focus is (a presenter's remote)", async ({
    app,
    page,
  }) => {
    await app.open('?t=0');
    // Clicked, its list closed (a choice made, or Escape): the select keeps the focus.
    await page.getByTestId('preset').click();
    await app.press('Escape');
    await expect(page.getByTestId('preset')).toBeFocused();
    await app.press('PageDown', 2);
    await expect(page.getByTestId('preset')).toHaveValue('job-window');
    await expect(app.event).toContainText('2/');
    await app.maxsize.focus();
    await app.press('PageDown');
    await expect(app.event).toContainText('3/');
    await expect(app.maxsize).toHaveValue('4');
    await page.getByTestId('scrub').focus();
    await app.press('PageDown');
    await expect(app.event).toContainText('4/');
    await app.press('PageUp', 2);
    await expect(app.event).toContainText('2/');
  });

  test('the scrub bar, once clicked, steps events with its arrows and tells the time', async ({
    app,
    page,
  }) => {
    await app.open('?t=0');
    const scrub = page.getByTestId('scrub');
    await scrub.click();
    const before = await eventNumber(page);
    await expect(scrub).toBeFocused();
    await app.press('ArrowRight');
    await expect.poll(() => eventNumber(page)).toBe(before + 1);
    await app.press('ArrowRight', 2);
    await expect.poll(() => eventNumber(page)).toBe(before + 3);
    await app.press('ArrowLeft');
    await expect.poll(() => eventNumber(page)).toBe(before + 2);
    // Still a slider, whose value and text follow the time shown.
    await expect(page.getByRole('slider', { name: 'Virtual time' })).toBeFocused();
    const clock = (await app.clock.textContent())!.replace(' s', '');
    await expect(scrub).toHaveAttribute('aria-valuetext', `${clock} seconds`);
    expect(Number(await scrub.inputValue())).toBeCloseTo(Number(clock), 3);
    await app.press('End');
    await expect(app.clock).toHaveText('5.000 s');
    await expect(scrub).toHaveValue('5');
  });

  test('Space toggles a focused summary; arrows switch the focused tab; Space elsewhere plays', async ({
    app,
    page,
  }) => {
    await app.open('?t=2.5');
    const tasks = page.locator('details.tasks');
    await tasks.locator('summary').focus();
    await app.press('Space');
    await expect(tasks).toHaveAttribute('open', '');
    await app.press('Space');
    await expect(tasks).not.toHaveAttribute('open');
    await page.getByTestId('about').locator('summary').focus();
    await app.press('Space');
    await expect(page.getByTestId('about')).toHaveAttribute('open', '');
    await expect(app.clock).toHaveText('2.500 s');

    await page.getByRole('tab', { name: 'Console' }).focus();
    await app.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Python code' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Python code' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByTestId('code')).toBeVisible();
    await app.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'Console' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(app.clock).toHaveText('2.500 s');

    // On a button, Space plays and pauses (and does not press the button).
    await page.getByTestId('as-text').focus();
    await app.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await app.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(page.getByTestId('as-text')).toHaveAttribute('aria-pressed', 'false');
  });

  test('P does what Present does: presenter mode and full screen, in and out', async ({
    app,
    page,
  }) => {
    await app.open('?t=2.5');
    const fullScreen = () => page.evaluate(() => document.fullscreenElement !== null);
    await app.press('p');
    await expect(page.locator('html')).toHaveAttribute('data-mode', 'present');
    await expect.poll(fullScreen).toBe(true);
    await app.press('p');
    await expect(page.locator('html')).not.toHaveAttribute('data-mode');
    await expect.poll(fullScreen).toBe(false);
    await page.getByTestId('present').click();
    await expect.poll(fullScreen).toBe(true);
    await app.press('P');
    await expect.poll(fullScreen).toBe(false);
  });

  test("presenter mode's Console toggle is kept in the link", async ({ app, page }) => {
    await app.open('?t=2.5&present=1');
    await expect(page.getByTestId('console')).toBeHidden();
    await page.getByTestId('show-bottom').click();
    await expect(page.getByTestId('console')).toBeVisible();
    await expect(page).toHaveURL(/console=1/);
    await page.reload();
    await expect(page.getByTestId('console')).toBeVisible();
    await expect(page.getByTestId('show-bottom')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('show-bottom').click();
    await expect(page).not.toHaveURL(/console=1/);
  });
});
