// The sections behind the navigation: countries, users (admins only), API tokens.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, expectPath, expectText, launch, openPage, screenshot, signIn } from './support.mjs';

describe('sections', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('the countries page lists pioneer countries and, on request, all countries', async () => {
    const page = await openPage(browser, 'en-US');
    await signIn(page, 'partner@pioneer.test');
    await expectPath(page, '/');
    await page.getByRole('link', { name: 'Countries', exact: true }).first().click();
    await expectPath(page, '/countries');

    const rows = page.getByTestId('countries-table').locator('tbody tr');
    await rows.first().waitFor();
    const pioneers = await rows.count();
    assert.ok(pioneers > 10 && pioneers < 100, `${pioneers} pioneer countries`);
    await screenshot(page, 'countries-en', { fullPage: false });

    await page.getByLabel('Pioneer countries only').uncheck();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=countries-table] tbody tr').length > n,
      pioneers,
    );
    assert.ok((await rows.count()) > 200);
    page.assertNoErrors();
    await page.context().close();
  });

  test('an admin manages users and sees field errors next to the fields', async () => {
    const page = await openPage(browser, 'en-US');
    await signIn(page, 'admin@pioneer.test');
    await expectPath(page, '/');
    await page.getByRole('link', { name: 'Users', exact: true }).first().click();
    await expectPath(page, '/users');
    await page.getByTestId('users-table').locator('tbody tr').first().waitFor();

    // Checked in the browser by the domain's own rules, before any request.
    await page.getByLabel('E-mail', { exact: true }).fill('not-an-address');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await expectText(page.locator('#new-user-email-error'), 'Enter a valid e-mail address.');
    await expectText(page.locator('#new-user-password-error'), 'The password needs at least 10 characters.');
    assert.equal(await page.getByLabel('E-mail', { exact: true }).getAttribute('aria-invalid'), 'true');

    // Refused by the server: the address is taken.
    await page.getByLabel('E-mail', { exact: true }).fill('partner@pioneer.test');
    await page.getByLabel('Name', { exact: true }).fill('Someone Else');
    await page.getByLabel('Role', { exact: true }).selectOption('partner');
    await page.getByLabel('Password', { exact: true }).fill('long-enough-password');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await expectText(page.locator('#new-user-email-error'), 'An account already uses this e-mail address.');
    await screenshot(page, 'users-errors-en');

    // Accepted.
    const email = `e2e.${Date.now()}@pioneer.test`;
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Name', { exact: true }).fill('Ana Test');
    await page.getByLabel('Role', { exact: true }).selectOption('country_contributor');
    await page.getByLabel('Country', { exact: true }).selectOption('COL');
    await page.getByLabel('Password', { exact: true }).fill('long-enough-password');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await expectText(page.getByRole('status'), 'Account created for Ana Test.');

    // Deactivated and activated again from the list.
    const row = page.getByTestId('users-table').locator('tbody tr', { hasText: email });
    await row.getByRole('button', { name: 'Deactivate — Ana Test' }).click();
    await expectText(row.locator('.badge'), 'Inactive');
    await row.getByRole('button', { name: 'Activate — Ana Test' }).click();
    await expectText(row.locator('.badge'), 'Active');
    page.assertNoErrors();
    await page.context().close();
  });

  test('a member creates an API token, sees its secret once and revokes it', async () => {
    const page = await openPage(browser, 'en-US');
    page.on('dialog', (dialog) => dialog.accept());
    await signIn(page, 'reviewer@pioneer.test');
    await expectPath(page, '/');
    await page.goto(`${BASE_URL}/api-tokens`);
    await expectPath(page, '/api-tokens');

    const name = `Dashboard ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Expires on (optional)').fill('2031-12-31');
    await page.getByRole('button', { name: 'Create the token' }).click();
    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    assert.ok(((await secret.textContent()) ?? '').length >= 20, 'the secret is shown');
    const row = page.getByTestId('tokens-table').locator('tbody tr', { hasText: name });
    await row.waitFor();
    assert.match(await row.textContent(), /31 December 2031/);
    await screenshot(page, 'api-tokens-en');

    await page.getByRole('button', { name: `Revoke the token “${name}”` }).click();
    await row.waitFor({ state: 'detached' });
    page.assertNoErrors();
    await page.context().close();
  });
});
