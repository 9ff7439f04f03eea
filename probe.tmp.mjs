import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu', ...(process.env.FLAGS ? process.env.FLAGS.split(' ') : [])] });
for (const mode of ['full', 'snap', 'snap']) {
  const ctx = await b.newContext();
  const p = await ctx.newPage();
  p.on('console', (m) => console.log(mode, m.text()));
  await p.goto('http://127.0.0.1:4300/probe.html?mode=' + mode);
  await p.waitForFunction(() => /done|error/.test(document.getElementById('out').textContent) && (/import done|error/.test(document.getElementById('out').textContent)), null, { timeout: 60000 });
  await ctx.close();
}
await b.close();
