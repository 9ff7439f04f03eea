/** A Ctrl-C stops the endless producer/consumer, as the lecture's notebook does. */
import { expect, test } from './app';

for (const [lang, words] of [
  ['en', { title: 'KeyboardInterrupt.', text: 'At t=3.500, Ctrl-C stopped the loop' }],
  ['fr', { title: 'KeyboardInterrupt.', text: 'À t=3.500, Ctrl-C a arrêté la boucle' }],
] as const) {
  test(`a link's interrupt ends the endless run with KeyboardInterrupt (${lang})`, async ({
    app,
    page,
  }) => {
    await app.open(`?preset=producer-consumer&interrupt=3.5&lang=${lang}`);
    await page.getByTestId('play').focus();
    await app.press('End');
    const end = page.getByTestId('run-end');
    await expect(end).toContainText(words.title);
    await expect(end).toContainText(words.text);
    await expect(end).toContainText('producer');
    await expect(app.clock).toContainText('3.500');
    await page.getByRole('tab', { name: lang === 'en' ? 'Console' : 'Console' }).click();
    await expect(page.getByTestId('console').locator('li')).toHaveCount(4);
    await expect(page).toHaveURL(/interrupt=3\.5/);
    expect(app.errors).toEqual([]);
  });
}
