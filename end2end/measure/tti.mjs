// Time from navigation to the first interactive page (the sign-in form, ready for input) in
// headless Chromium, cold (new profile: nothing cached) and warm (reload: hashed files cached),
// and the bytes the browser actually downloaded. Prints one JSON line; used by `bench/`.

import { BASE_URL, launch } from '../tests/support.mjs';

const RUNS = Number(process.env.TTI_RUNS ?? 7);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeToForm(page, navigate) {
  const started = performance.now();
  await navigate();
  await page.locator('input[type=email]').waitFor({ state: 'visible' });
  await page.locator('button[type=submit]:not([disabled])').waitFor({ state: 'visible' });
  return performance.now() - started;
}

const browser = await launch();
const cold = [];
const warm = [];
let transferred = 0;
for (let i = 0; i < RUNS; i += 1) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  cold.push(await timeToForm(page, () => page.goto(`${BASE_URL}/login`, { waitUntil: 'commit' })));
  transferred = await page.evaluate(() =>
    performance
      .getEntriesByType('navigation')
      .concat(performance.getEntriesByType('resource'))
      .reduce((sum, entry) => sum + entry.transferSize, 0),
  );
  warm.push(await timeToForm(page, () => page.reload({ waitUntil: 'commit' })));
  await context.close();
}
await browser.close();
console.log(JSON.stringify({ cold_ms: median(cold), warm_ms: median(warm), transfer_bytes: transferred }));
