// Shared helpers of the browser tests: launching Debian's Chromium through playwright-core,
// signing in, waiting for text, screenshots.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.PIONEER_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const PASSWORD = 'pioneer-demo-2026';
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page in a new context with the browser language `locale`; collects page errors. */
/** A page in a new context; `timezoneId`: the browser's time zone (the machine's otherwise). */
export async function openPage(browser, locale, { timezoneId } = {}) {
  const context = await browser.newContext({ locale, timezoneId, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // 4xx answers are part of the app's dialogue; ERR_INTERNET_DISCONNECTED comes from tests
    // that take the browser offline on purpose.
    if (message.type() === 'error' && !/status of 4\d\d|ERR_INTERNET_DISCONNECTED/.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.assertNoErrors = () => assert.deepEqual(errors, [], 'the page logged errors');
  return page;
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Waits until the trimmed text of `locator` is `expected`. */
export async function expectText(locator, expected, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen;
  while (Date.now() < deadline) {
    seen = await locator.textContent({ timeout: 1_000 }).then((t) => t?.trim(), () => undefined);
    if (seen === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`expected ${JSON.stringify(expected)}, saw ${JSON.stringify(seen)}`);
}

/** Waits until the page's path is `path`. */
export async function expectPath(page, path, timeout = 10_000) {
  await page.waitForURL((url) => url.pathname === path, { timeout });
}

export async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

/** Signs in through the login form, with its labels in the given language (`here`: on the
 * sign-in page the app has already sent the page to). */
export async function signIn(page, email, { password = PASSWORD, labels = ENGLISH, here = false } = {}) {
  if (!here) await page.goto(`${BASE_URL}/login`);
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

export const ENGLISH = { email: 'E-mail', password: 'Password', submit: 'Sign in' };
export const FRENCH = { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' };
