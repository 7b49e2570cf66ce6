// The directory of experts: Nepal's focal point writes an expert profile; Mexico's, on a phone,
// finds her through the search, and asks to be in touch. Her address is not shown until she
// accepts the request from her bell and her contact requests; then it is.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, expectPath, expectText, launch, openPage, screenshot, signIn } from './support.mjs';

const EXPERT = 'focal.npl@pioneer.test';
const ASKER = 'focal.mex@pioneer.test';
const EXPERT_PATH = /^\/experts\/[0-9a-f-]{36}$/;

async function unreadCount(page) {
  const bell = page.getByTestId('notifications-link');
  await page.locator('[data-testid="notifications-link"][data-unread]').waitFor();
  return Number(await bell.getAttribute('data-unread'));
}

describe('experts', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a member finds an expert, asks to be in touch, and sees the address once the expert accepts', async () => {
    // A word nobody else uses, so that the search finds her alone.
    const word = `himalaya${Date.now()}`;

    const expert = await openPage(browser, 'en-US');
    await signIn(expert, EXPERT);
    await expectPath(expert, '/');
    await expert.getByRole('link', { name: 'Experts', exact: true }).first().click();
    await expectPath(expert, '/experts');
    await expert.getByRole('link', { name: 'My expert profile' }).click();
    await expectPath(expert, '/experts/me');
    const form = expert.getByTestId('expert-profile-form');
    await form.getByLabel('Short bio').fill(`Community child protection committees in the ${word} districts.`);
    await form.getByLabel('Organisation').fill('Ministry of Women, Children and Senior Citizens');
    await form.getByLabel('English', { exact: true }).check();
    await form.getByLabel('Other languages').fill('english');
    await form.getByLabel('Add a country').selectOption('NPL');
    await form.getByLabel('Add a country').selectOption('IND');
    await form.getByLabel('Asia').check();
    await form.getByRole('button', { name: 'Save my profile' }).click();
    // A bad language code is named at its field, and nothing is lost.
    await form.locator('.field-error').first().waitFor();
    assert.equal(await form.getByLabel('Short bio').inputValue(), `Community child protection committees in the ${word} districts.`);
    assert.ok(await form.getByLabel('English', { exact: true }).isChecked(), 'the ticked language is kept');
    await form.getByLabel('Other languages').fill('hi');
    await form.getByRole('button', { name: 'Save my profile' }).click();
    await expectText(expert.getByTestId('profile-saved'), 'Your profile is saved: members find you in the directory.');
    // Now in the directory, she may leave it without reloading the page.
    await form.getByTestId('delete-expert-profile').waitFor();
    const before = await unreadCount(expert);
    expert.assertNoErrors();

    // The asker, on a phone, searches for the word and opens her profile.
    const asker = await openPage(browser, 'en-US');
    await asker.setViewportSize({ width: 390, height: 844 });
    await signIn(asker, ASKER);
    await expectPath(asker, '/');
    await asker.goto(`${BASE_URL}/experts`);
    await asker.getByTestId('expert-card').first().waitFor();
    await screenshot(asker, 'experts-phone');
    await asker.getByTestId('directory-search').fill(word);
    await asker.getByRole('button', { name: 'Search' }).click();
    await expectText(asker.getByTestId('directory-total'), 'One expert');
    await asker.getByTestId('expert-card').getByRole('link', { name: 'Sita Sharma' }).click();
    await asker.waitForURL((url) => EXPERT_PATH.test(url.pathname));
    const expertPath = new URL(asker.url()).pathname;
    await expectText(asker.locator('h1'), 'Sita Sharma');
    // Her languages by their own names, the typed code too.
    await asker.locator('.chip', { hasText: 'हिन्दी' }).waitFor();
    await asker.locator('.chip', { hasText: 'English' }).waitFor();
    assert.equal(await asker.getByTestId('expert-email').count(), 0, 'no address before she accepts');
    await asker.getByLabel('Your message to Sita Sharma').fill('Hola Sita, could you tell us how the committees started?');
    await asker.getByTestId('send-contact').click();
    await expectText(asker.getByTestId('contact-status'), 'Your request was sent: you will be told when they answer.');
    assert.equal(await asker.getByTestId('expert-email').count(), 0);
    asker.assertNoErrors();

    // The expert's bell counts the request; she accepts it among those received.
    await expert.reload();
    await expert.waitForFunction(
      (count) => Number(document.querySelector('[data-testid="notifications-link"]')?.dataset.unread) > count,
      before,
    );
    await expert.goto(`${BASE_URL}/contacts`);
    const request = expert.getByTestId('contact-request').filter({ hasText: 'Lucía Ramírez' });
    await expectText(request.getByTestId('contact-status'), 'Waiting for an answer');
    await request.getByTestId('accept-contact').click();
    await expectText(request.getByTestId('contact-status'), 'Accepted');
    await expectText(request.getByTestId('contact-email'), ASKER);
    await screenshot(expert, 'contacts-accepted');
    expert.assertNoErrors();

    // The asker now sees her address.
    await asker.goto(`${BASE_URL}${expertPath}`);
    await expectText(asker.getByTestId('contact-status'), 'You are in touch: the address is on the profile.');
    await expectText(asker.getByTestId('expert-email').locator('a'), EXPERT);
    await screenshot(asker, 'expert-accepted-phone');
    asker.assertNoErrors();
  });
});
