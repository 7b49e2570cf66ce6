import { chromium } from 'playwright-core';
const BASE = process.env.PIONEER_URL;
const [email, pages, tz] = [process.argv[2], process.argv[3].split(','), process.argv[4] ?? 'Africa/Nairobi'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
for (const [w, h, suffix] of [[1280, 900, ''], [390, 844, '-mobile']]) {
  const ctx = await browser.newContext({ locale: process.env.LOCALE ?? 'en-US', timezoneId: tz, viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', String(e)));
  await page.goto(`${BASE}/login`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('pioneer-demo-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/');
  for (const p of pages) {
    await page.goto(`${BASE}${p}`);
    await page.waitForTimeout(1500);
    const name = p.replace(/[^a-z0-9]+/gi, '_');
    await page.screenshot({ path: `/tmp/shots/${name}${suffix}.png`, fullPage: true });
  }
  await ctx.close();
}
await browser.close();
