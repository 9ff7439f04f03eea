/** The classroom quiz: the playback stops at questions from the trace, keys answer them. */
import { expect, test } from './app';

const WORDS = {
  en: {
    token: 'window has a free slot again: which waiting task gets it?',
    right: 'Right!',
    wrong: 'Not this time',
    rule: 'first come, first served',
    score: (r: number, n: number) => `Score ${r}/${n}`,
    play: 'Play',
  },
  fr: {
    token: 'window a de nouveau une place libre : quelle tâche en attente l’obtient ?',
    right: 'Bonne réponse !',
    wrong: 'Pas cette fois',
    rule: 'dans l’ordre d’arrivée',
    score: (r: number, n: number) => `Score ${r}/${n}`,
    play: 'Lecture',
  },
};

for (const lang of ['en', 'fr'] as const) {
  const w = WORDS[lang];
  test.describe(`the quiz (${lang})`, () => {
    test('asks who gets the token, keys answer, the rule is told, the score counts', async ({
      app,
      page,
    }, info) => {
      await app.open(`?preset=job-window&lang=${lang}&t=0.9`);
      await page.keyboard.press('q');
      await expect(page.getByTestId('quiz-toggle')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('quiz-idle')).toBeVisible();
      // Step forward: at t=1, j0 gives its token back and the playback stops to ask.
      const card = page.getByTestId('quiz');
      for (let i = 0; i < 40 && !(await card.isVisible()); i += 1) await app.press('ArrowRight');
      await expect(card).toContainText(w.token);
      const cursor = await app.event.textContent();
      // Not past the question before it is answered.
      await app.press('ArrowRight');
      await app.press(' ');
      await expect(app.event).toHaveText(cursor!);
      await expect(page.getByTestId('clock')).toContainText('1.000');
      const choices = await card.locator('.quiz-choices button').allTextContents();
      const right = choices.findIndex((c) => c.includes('j4'));
      expect(right).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: info.outputPath(`quiz-${lang}.png`) });
      await app.press(String(right + 1));
      await expect(page.getByTestId(`quiz-choice-${right + 1}`)).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await app.press('Enter');
      const reveal = page.getByTestId('quiz-reveal');
      await expect(reveal).toContainText(w.right);
      await expect(reveal).toContainText(w.rule);
      await expect(reveal).toContainText('j4, j5, j6, j7');
      await expect(card).toContainText(w.score(1, 1));
      await page.screenshot({ path: info.outputPath(`quiz-reveal-${lang}.png`) });
      // Enter goes on: the event the question was about happens.
      await app.press('Enter');
      await expect(card).toHaveCount(0);
      await expect(app.event).not.toHaveText(cursor!);
      expect(app.errors).toEqual([]);
    });

    test('stops a playing run at a question, counts a wrong answer, then plays on', async ({
      app,
      page,
    }) => {
      await app.open(`?preset=job-window&lang=${lang}&t=0&quiz=1`);
      await app.press(' ');
      const card = page.getByTestId('quiz');
      await expect(card).toBeVisible();
      // Stopped: the play button offers to play again, and the clock stays put.
      const clock = await page.getByTestId('clock').textContent();
      await page.waitForTimeout(300);
      await expect(page.getByTestId('clock')).toHaveText(clock!);
      await expect(page.getByTestId('play')).toHaveAttribute('aria-label', w.play);
      const count = await card.locator('.quiz-choices button').count();
      expect(count).toBeGreaterThanOrEqual(2);
      // A wrong choice: any but the right one (the reveal tells which was right).
      await app.press('1');
      await app.press('Enter');
      const reveal = page.getByTestId('quiz-reveal');
      await expect(reveal).toBeVisible();
      const won = (await reveal.textContent())!.includes(w.right);
      await expect(card).toContainText(w.score(won ? 1 : 0, 1));
      if (!won) await expect(reveal).toContainText(w.wrong);
      // Going on plays again, up to the next question.
      await app.press('Enter');
      await expect(card).toBeVisible();
      await expect(card.getByTestId('quiz-reveal')).toHaveCount(0);
      await expect(card).toContainText(w.score(won ? 1 : 0, 1));
      // The link keeps the quiz on.
      await expect.poll(() => page.url()).toContain('quiz=1');
      expect(app.errors).toEqual([]);
    });
  });
}

test('in presenter mode the question fits on screen, readable from the back of the room', async ({
  app,
  page,
}, info) => {
  await app.open('?preset=job-window&t=0.9&present=1&quiz=1');
  const card = page.getByTestId('quiz');
  for (let i = 0; i < 40 && !(await card.isVisible()); i += 1) await app.press('ArrowRight');
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(720);
  expect(await app.smallTexts()).toEqual([]);
  await page.screenshot({ path: info.outputPath('quiz-present.png') });
});
