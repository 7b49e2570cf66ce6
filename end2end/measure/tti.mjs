// Time from navigation to the first interactive page (the sign-in form, ready for input) in
// headless Chromium, cold (new profile: nothing cached) and warm (reload: hashed files cached),
// and the bytes the browser actually downloaded. Then the same on an emulated slow mobile link
// (1.6 Mbps down, 750 kbps up, 150 ms), with a signed-in member's roadmap page too, and every
// file that page fetched, raw and as sent. Prints one JSON line; used by `bench/`.

import { BASE_URL, PASSWORD, launch } from '../tests/support.mjs';

const RUNS = Number(process.env.TTI_RUNS ?? 7);
const SLOW_RUNS = Number(process.env.TTI_SLOW_RUNS ?? 3);
const SLOW_LINK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1000 * 1000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Waits until every selector matches a visible element, checked at each animation frame.
 * (Playwright's own waiting backs off to a check every 500 ms, which would add up to half a
 * second to the time measured.)
 */
async function shown(page, ...selectors) {
  await page.waitForFunction(
    (all) => all.every((selector) => {
      const element = document.querySelector(selector);
      return element !== null && element.getClientRects().length > 0;
    }),
    selectors,
    { polling: 'raf', timeout: 30_000 },
  );
}

async function timeToForm(page, navigate) {
  const started = performance.now();
  await navigate();
  await shown(page, 'input[type=email]', 'button[type=submit]:not([disabled])');
  return performance.now() - started;
}

async function timeToRoadmap(page, navigate) {
  const started = performance.now();
  await navigate();
  await shown(page, '[data-testid=roadmap-title]');
  return performance.now() - started;
}

async function api(path, { method = 'GET', token, body, etag } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (etag) headers['if-match'] = etag;
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return { json: await response.json().catch(() => null), etag: response.headers.get('etag') };
}

/** A focal point's session and a roadmap of theirs with some content. */
async function memberWithRoadmap() {
  const { json: session } = await api('/auth/login', {
    method: 'POST',
    body: { email: 'focal.ken@pioneer.test', password: PASSWORD },
  });
  const token = session.access_token;
  let { json: roadmap, etag } = await api('/roadmaps', {
    method: 'POST',
    token,
    body: { title: 'Kenya national roadmap 2025–2027', period_start: 2025, period_end: 2027 },
  });
  for (const title of ['Safe schools', 'Positive parenting', 'Response services']) {
    const priority = await api(`/roadmaps/${roadmap.id}/priorities`, {
      method: 'POST', token, etag, body: { title, strategies: ['education'] },
    });
    etag = priority.etag;
    for (const action of ['Train teachers', 'Community dialogues']) {
      ({ etag } = await api(`/roadmaps/${roadmap.id}/actions`, {
        method: 'POST', token, etag,
        body: { priority_id: priority.json.id, title: `${action} (${title})`, budget: { amount: '150000.00', currency: 'USD' } },
      }));
    }
  }
  return { session, id: roadmap.id };
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

async function slowPage(init) {
  const context = await browser.newContext({ locale: 'en-US' });
  if (init) await context.addInitScript(init.script, init.arg);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  return { context, page };
}

const { session, id } = await memberWithRoadmap();
const stored = {
  script: (value) => localStorage.setItem('pioneer.session', value),
  arg: JSON.stringify(session),
};
const slow = { signin_cold: [], signin_warm: [], roadmap_cold: [], roadmap_warm: [] };
let files = [];
for (let i = 0; i < SLOW_RUNS; i += 1) {
  let { context, page } = await slowPage();
  slow.signin_cold.push(await timeToForm(page, () => page.goto(`${BASE_URL}/login`, { waitUntil: 'commit' })));
  slow.signin_warm.push(await timeToForm(page, () => page.reload({ waitUntil: 'commit' })));
  await context.close();

  ({ context, page } = await slowPage(stored));
  const responses = [];
  page.on('response', (response) => responses.push(response));
  slow.roadmap_cold.push(await timeToRoadmap(page, () => page.goto(`${BASE_URL}/roadmaps/${id}`, { waitUntil: 'commit' })));
  await page.waitForLoadState('networkidle');
  files = [];
  for (const response of responses) {
    const sizes = await response.request().sizes().catch(() => null);
    const body = await response.body().catch(() => null);
    if (!sizes || !body) continue;
    files.push({ path: new URL(response.url()).pathname, raw: body.length, sent: sizes.responseBodySize });
  }
  slow.roadmap_warm.push(await timeToRoadmap(page, () => page.reload({ waitUntil: 'commit' })));
  await context.close();
}
await browser.close();
console.log(JSON.stringify({
  cold_ms: median(cold),
  warm_ms: median(warm),
  transfer_bytes: transferred,
  slow: {
    signin_cold_ms: median(slow.signin_cold),
    signin_warm_ms: median(slow.signin_warm),
    roadmap_cold_ms: median(slow.roadmap_cold),
    roadmap_warm_ms: median(slow.roadmap_warm),
    files,
  },
}));
