// The sign-in journey in both languages: welcome, role, country, reload, logout, errors.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BASE_URL,
  FRENCH,
  expectPath,
  expectText,
  htmlLang,
  launch,
  openPage,
  screenshot,
  signIn,
} from './support.mjs';

describe('signing in', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a focal point signs in in English, stays signed in after a reload and logs out', async () => {
    const page = await openPage(browser, 'en-US');

    // A link to a page of the app, followed signed out: sign in first, then that page.
    await page.goto(`${BASE_URL}/countries?pioneer=false`);
    await expectPath(page, '/login');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/countries?pioneer=false');
    assert.equal(await htmlLang(page), 'en');
    await screenshot(page, 'login-en');

    await signIn(page, 'focal.ken@pioneer.test', { here: true });
    await expectPath(page, '/countries');
    assert.equal(new URL(page.url()).search, '?pioneer=false');
    await page.getByRole('link', { name: 'Home', exact: true }).first().click();
    await expectPath(page, '/');
    await expectText(page.getByTestId('home-welcome'), 'Welcome, Amina Otieno');
    await expectText(page.getByTestId('home-role'), 'Country focal point');
    await expectText(page.getByTestId('home-country'), 'Kenya');
    assert.equal(await page.getByRole('link', { name: 'Users', exact: true }).count(), 0, 'no Users section');
    await screenshot(page, 'home-en');

    await page.reload();
    await expectText(page.getByTestId('home-welcome'), 'Welcome, Amina Otieno');
    await expectText(page.getByTestId('home-country'), 'Kenya');

    // Keyboard: the first Tab reaches the skip link, which moves the focus to the content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to main content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

    await page.getByRole('button', { name: 'Log out' }).click();
    await expectPath(page, '/login');
    assert.equal(await page.evaluate(() => localStorage.getItem('pioneer.session')), null);
    await page.goto(`${BASE_URL}/`);
    await expectPath(page, '/login');
    page.assertNoErrors();
    await page.context().close();
  });

  test('a focal point whose browser speaks French is welcomed in French', async () => {
    const page = await openPage(browser, 'fr-FR');

    await signIn(page, 'focal.ken@pioneer.test', { labels: FRENCH });
    await expectPath(page, '/');
    assert.equal(await htmlLang(page), 'fr');
    await expectText(page.getByTestId('home-welcome'), 'Bienvenue, Amina Otieno');
    await expectText(page.getByTestId('home-role'), 'Point focal national');
    await expectText(page.getByTestId('home-country'), 'Kenya');
    await screenshot(page, 'home-fr');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'home-fr-mobile');

    // On a phone the sections and the member's tools are folded behind the menu button, the
    // bell stays in sight; a navigation folds them again.
    const menu = page.getByRole('button', { name: 'Menu' });
    const logout = page.getByRole('button', { name: 'Se déconnecter' });
    const roadmaps = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Feuilles de route', exact: true });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await logout.isVisible(), false);
    assert.equal(await roadmaps.isVisible(), false);
    assert.equal(await page.getByTestId('notifications-link').isVisible(), true);
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await screenshot(page, 'menu-open-mobile', { fullPage: false });
    await roadmaps.click();
    await expectPath(page, '/roadmaps');
    await expectText(menu, 'Menu');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await logout.isVisible(), false);
    await menu.click();
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await menu.click();
    await logout.click();
    await expectPath(page, '/login');
    page.assertNoErrors();
    await page.context().close();
  });

  test('the language switcher changes every string and the choice is remembered', async () => {
    const page = await openPage(browser, 'en-US');

    await signIn(page, 'focal.col@pioneer.test');
    await expectText(page.getByTestId('home-welcome'), 'Welcome, Camilo Rojas');
    await expectText(page.getByTestId('home-country'), 'Colombia');

    await page.getByLabel('Language').selectOption('fr');
    await expectText(page.getByTestId('home-welcome'), 'Bienvenue, Camilo Rojas');
    await expectText(page.getByTestId('home-role'), 'Point focal national');
    await expectText(page.getByTestId('home-country'), 'Colombie');
    await expectText(page.getByRole('link', { name: 'Accueil', exact: true }), 'Accueil');
    assert.equal(await htmlLang(page), 'fr');
    await screenshot(page, 'home-switched-fr');

    await page.reload();
    await expectText(page.getByTestId('home-welcome'), 'Bienvenue, Camilo Rojas');

    await page.getByLabel('Langue').selectOption('en');
    await expectText(page.getByTestId('home-welcome'), 'Welcome, Camilo Rojas');
    await expectText(page.getByTestId('home-role'), 'Country focal point');
    assert.equal(await htmlLang(page), 'en');
    page.assertNoErrors();
    await page.context().close();
  });

  test('a wrong password shows an error in the current language', async () => {
    const page = await openPage(browser, 'en-US');

    await signIn(page, 'focal.ken@pioneer.test', { password: 'not-the-password' });
    const error = page.getByTestId('login-error');
    await expectText(error, 'E-mail or password is incorrect');
    await expectPath(page, '/login');
    await screenshot(page, 'login-error-en');

    await page.getByLabel('Language').selectOption('fr');
    await expectText(error, 'Adresse e-mail ou mot de passe incorrect');
    await screenshot(page, 'login-error-fr');
    await page.context().close();
  });

  test('repeated failures are slowed down and the wait is announced', async () => {
    const page = await openPage(browser, 'en-US');
    const email = `nobody.${Date.now()}@pioneer.test`;
    await signIn(page, email, { password: 'wrong-password-0' });
    const error = page.getByTestId('login-error');
    let text = '';
    for (let attempt = 1; attempt <= 30 && !text.startsWith('Too many'); attempt += 1) {
      await page.getByLabel('Password', { exact: true }).fill(`wrong-password-${attempt}`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      // Answered: the button is enabled again, or held back by the countdown.
      await page.waitForFunction(() => {
        const message = document.querySelector('[data-testid=login-error]')?.textContent ?? '';
        return !document.querySelector('button[type=submit]')?.disabled || message.startsWith('Too many');
      });
      text = ((await error.textContent()) ?? '').trim();
    }
    const wait = /^Too many attempts\. Try again in (\d+) seconds\.$/;
    assert.match(text, wait);
    assert.ok(await page.getByRole('button', { name: 'Sign in', exact: true }).isDisabled(), 'held back');

    // The wait counts down.
    const first = Number(text.match(wait)[1]);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=login-error]')?.textContent.match(/\d+/)?.[0]) < n,
      first,
    );
    await screenshot(page, 'login-rate-limited-en');
    await page.context().close();
  });

  test('a stale access token is renewed without sending the member back to the login page', async () => {
    const page = await openPage(browser, 'en-US');

    await signIn(page, 'contributor.ken@pioneer.test');
    await expectPath(page, '/');
    await expectText(page.getByTestId('home-role'), 'Country contributor');
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('pioneer.session')));
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('pioneer.session'));
      session.access_token = 'stale.access.token';
      localStorage.setItem('pioneer.session', JSON.stringify(session));
    });

    await page.reload();
    await page.waitForFunction(
      () => JSON.parse(localStorage.getItem('pioneer.session') ?? 'null')?.access_token !== 'stale.access.token',
    );
    await expectText(page.getByTestId('home-country'), 'Kenya');
    await expectPath(page, '/');
    const renewed = await page.evaluate(() => JSON.parse(localStorage.getItem('pioneer.session')));
    assert.notEqual(renewed.access_token, 'stale.access.token');
    assert.notEqual(renewed.refresh_token, before.refresh_token, 'the refresh token rotates');

    // A refresh token that no longer works ends the session.
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('pioneer.session'));
      session.access_token = 'stale.access.token';
      session.refresh_token = 'revoked';
      localStorage.setItem('pioneer.session', JSON.stringify(session));
    });
    await page.reload();
    await expectPath(page, '/login');
    await page.context().close();
  });
});
