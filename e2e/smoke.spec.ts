import { expect, test } from '@playwright/test';

test('the app shell loads and shows the course table', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('asyncio');
  const table = page.getByRole('table', { name: 'Job timeline' });
  await expect(table.getByRole('row')).toHaveCount(6);
  expect(errors).toEqual([]);
});
