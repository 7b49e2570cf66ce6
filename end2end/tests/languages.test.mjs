// Spanish and Portuguese: the browser's language picks them, every page visited speaks them,
// and no English text of the app is left on those pages.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, expectPath, htmlLang, launch, openPage, screenshot, signIn } from './support.mjs';

const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');

/** The messages of a translation file that have no placeholder and no variants: id → text. */
function plainMessages(code) {
  const messages = new Map();
  for (const line of readFileSync(join(LOCALES, `${code}.ftl`), 'utf8').split('\n')) {
    const match = /^([a-z][a-z0-9-]*) = (.*)$/.exec(line);
    if (match && !match[2].includes('{')) messages.set(match[1], match[2].trim());
  }
  return messages;
}

const ENGLISH = plainMessages('en');

/** The app's English texts found on the page: those that the language writes otherwise. */
async function englishLeft(page, code) {
  const translated = plainMessages(code);
  let text = await page.evaluate(() => document.body.innerText);
  // The language's own texts first (longest first): "Pioneer Hub" is the same in every language
  // and must not read as the English "Pioneer".
  for (const own of [...translated.values()].sort((a, b) => b.length - a.length)) {
    if (own.length >= 4) text = text.split(own).join(' ');
  }
  const found = [];
  for (const [id, english] of ENGLISH) {
    const own = translated.get(id);
    if (!own || own === english || english.length < 4) continue;
    const escaped = english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u').test(text)) found.push(english);
  }
  return found;
}

async function expectSpoken(page, code, what) {
  await page.waitForLoadState('networkidle');
  assert.equal(await htmlLang(page), code, `<html lang> on ${what}`);
  assert.deepEqual(await englishLeft(page, code), [], `English left on ${what} in ${code}`);
}

for (const [code, locale] of [['es', 'es-419'], ['pt', 'pt-BR']]) {
  const t = plainMessages(code);
  const labels = { email: t.get('email'), password: t.get('password'), submit: t.get('sign-in') };

  describe(`the app in ${code}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    test(`a country team works in ${code} from sign-in to a new roadmap`, async () => {
      const page = await openPage(browser, locale);
      await page.goto(`${BASE_URL}/login`);
      await page.getByRole('button', { name: labels.submit, exact: true }).waitFor();
      await expectSpoken(page, code, 'the sign-in page');
      await signIn(page, 'focal.col@pioneer.test', { labels, here: true });
      await expectPath(page, '/');
      await page.getByTestId('home-welcome').waitFor();
      await expectSpoken(page, code, 'the home page');
      await screenshot(page, `home-${code}`);

      await page.getByRole('link', { name: t.get('nav-roadmaps'), exact: true }).first().click();
      await expectPath(page, '/roadmaps');
      await expectSpoken(page, code, 'the roadmaps');

      await page.getByTestId('new-roadmap').click();
      await page.getByLabel(t.get('title'), { exact: true }).fill(`Hoja ${Date.now()}`);
      await page.getByLabel(t.get('period-start'), { exact: true }).fill('2025');
      await page.getByLabel(t.get('period-end'), { exact: true }).fill('2027');
      await page.getByRole('button', { name: t.get('create-roadmap'), exact: true }).click();
      await page.waitForURL(/\/roadmaps\/[0-9a-f-]{36}$/);
      await page.getByTestId('editor').waitFor();
      await expectSpoken(page, code, 'a roadmap being written');
      await screenshot(page, `roadmap-${code}`);

      // Colombia's report of this year's cycle, a draft in the demo content.
      await page.getByRole('link', { name: t.get('nav-reports'), exact: true }).first().click();
      await expectPath(page, '/reports');
      await page.getByTestId('reports-table').locator('tbody tr').first().waitFor();
      await expectSpoken(page, code, 'the reports');
      const draft = page.getByTestId('reports-table').locator('tbody tr').filter({
        has: page.locator('[data-status=draft]'),
      });
      await draft.getByRole('link').first().click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      await page.getByTestId('action-progress').first().waitFor();
      await expectSpoken(page, code, 'a report being written');
      await screenshot(page, `report-${code}`);

      await page.getByRole('link', { name: t.get('nav-countries'), exact: true }).first().click();
      await expectPath(page, '/countries');
      await page.getByTestId('countries-table').locator('tbody tr').first().waitFor();
      await expectSpoken(page, code, 'the countries');
      // Reference data is named in the language too.
      const countries = await page.getByTestId('countries-table').textContent();
      assert.match(countries, code === 'es' ? /Costa de Marfil/ : /Costa do Marfim/);

      await page.getByRole('link', { name: t.get('nav-api-tokens'), exact: true }).first().click();
      await expectPath(page, '/api-tokens');
      await expectSpoken(page, code, 'the API tokens');
      page.assertNoErrors();
      await page.context().close();
    });

    test(`the secretariat reviews and manages members in ${code}`, async () => {
      const page = await openPage(browser, locale);
      await signIn(page, 'secretariat@pioneer.test', { labels });
      await expectPath(page, '/');
      await page.goto(`${BASE_URL}/review-queue`);
      await expectSpoken(page, code, 'the review queue');
      await page.goto(`${BASE_URL}/reporting-cycles`);
      const cycle = page.getByTestId('cycle').first();
      await cycle.waitFor();
      await expectSpoken(page, code, 'the reporting cycles');
      await cycle.getByRole('link', { name: t.get('tracker'), exact: true }).click();
      await page.getByTestId('tracker-table').waitFor();
      await expectSpoken(page, code, 'the tracker');
      await page.getByRole('link', { name: t.get('synthesis'), exact: true }).click();
      await page.getByTestId('synthesis-reports').waitFor();
      await expectSpoken(page, code, 'the synthesis');
      await page.goto(`${BASE_URL}/users`);
      await page.getByTestId('users-table').locator('tbody tr').first().waitFor();
      await expectSpoken(page, code, 'the members');
      await screenshot(page, `users-${code}`);
      page.assertNoErrors();
      await page.context().close();
    });
  });
}
