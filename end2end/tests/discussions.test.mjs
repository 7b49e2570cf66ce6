// Discussions and notifications: a member of the "Safe schools" group asks a question in the
// group, another member answers it, and the asker accepts the answer. Each hears of it through
// the bell: the asker of the reply, the answerer of the accepted answer. The answerer opens the
// notifications, follows one (which marks it read) and marks the rest read: the count goes down.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { FRENCH, expectPath, expectText, launch, openPage, screenshot, signIn } from './support.mjs';

const ASKER = 'focal.sen@pioneer.test';
const ANSWERER = 'focal.uga@pioneer.test';
const GROUP = 'Safe schools';
const THREAD_PATH = /^\/discussions\/[0-9a-f-]{36}$/;

/** The unread count the bell shows, once it is known. */
async function unreadCount(page) {
  const bell = page.getByTestId('notifications-link');
  await page.locator('[data-testid="notifications-link"][data-unread]').waitFor();
  return Number(await bell.getAttribute('data-unread'));
}

/** Waits until the bell shows `expected` unread notifications. */
async function expectUnread(page, expected, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen;
  while (Date.now() < deadline) {
    seen = await unreadCount(page);
    if (seen === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`expected ${expected} unread notifications, the bell shows ${seen}`);
}

async function openGroup(page) {
  await page.getByRole('link', { name: 'Groups', exact: true }).first().click();
  await expectPath(page, '/groups');
  await page.getByRole('link', { name: GROUP, exact: true }).click();
  await expectText(page.getByTestId('group-name'), GROUP);
}

describe('discussions and notifications', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a question in a group is answered and accepted, and the bell tells each of them', async () => {
    const title = `How many days of positive-discipline training? ${Date.now()}`;
    const answer = `Five days with two follow-up visits worked best for us (${Date.now()}).`;

    // The answerer is signed in first: their count before anything happens.
    const answerer = await openPage(browser, 'en-US');
    await signIn(answerer, ANSWERER);
    await expectPath(answerer, '/');
    const answererBefore = await unreadCount(answerer);

    // The asker starts the discussion from the group's page, and follows it.
    const asker = await openPage(browser, 'en-US');
    await signIn(asker, ASKER);
    await expectPath(asker, '/');
    const askerBefore = await unreadCount(asker);
    await openGroup(asker);
    const form = asker.getByTestId('new-discussion');
    await form.getByRole('button', { name: 'Start the discussion' }).click();
    await expectText(asker.locator('#discussion-title-error'), 'This field is required.');
    await form.getByLabel('Title').fill(title);
    await form
      .getByLabel('Your question or topic')
      .fill('We plan the national roll-out. **Three days**, or five with follow-up visits?');
    await form.getByRole('button', { name: 'Start the discussion' }).click();
    await asker.waitForURL((url) => THREAD_PATH.test(url.pathname));
    const threadPath = new URL(asker.url()).pathname;
    await expectText(asker.getByTestId('discussion-title'), title);
    await expectText(asker.getByTestId('opening-post').locator('strong', { hasText: 'Three days' }), 'Three days');
    await expectText(asker.getByTestId('follow-toggle'), 'Stop following');

    // The answerer finds it in the group and answers it.
    await openGroup(answerer);
    await answerer.getByTestId('group-discussions').getByRole('link', { name: title }).click();
    await expectPath(answerer, threadPath);
    await expectText(answerer.getByTestId('follow-toggle'), 'Follow this discussion');
    assert.equal(await answerer.getByTestId('accept-answer').count(), 0, 'only the asker accepts');
    const replyForm = answerer.getByTestId('reply-form');
    await replyForm.getByLabel('Your reply').fill(answer);
    await replyForm.getByRole('button', { name: 'Send the reply' }).click();
    await expectText(answerer.getByTestId('discussion-notice'), 'Your reply is posted.');
    const reply = answerer.getByTestId('post').filter({ hasText: answer });
    await reply.waitFor();
    // Replying follows the thread.
    await expectText(answerer.getByTestId('follow-toggle'), 'Stop following');
    answerer.assertNoErrors();

    // The asker hears of the reply at their next step, and accepts the answer.
    await asker.reload();
    await expectUnread(asker, askerBefore + 1);
    assert.match(
      await asker.getByTestId('notifications-link').getAttribute('aria-label'),
      new RegExp(`^Notifications, ${askerBefore + 1} unread$`),
    );
    const asked = asker.getByTestId('post').filter({ hasText: answer });
    // A reply to the answer, inline, one level in.
    await asked.getByTestId('reply-to-post').click();
    const inline = asked.getByTestId('reply-inline');
    await inline.getByLabel('Your reply').fill('Thank you, that settles it.');
    await inline.getByRole('button', { name: 'Send the reply' }).click();
    await expectText(asker.getByTestId('discussion-notice'), 'Your reply is posted.');
    await asker.locator('.post-replies').getByText('Thank you, that settles it.').waitFor();
    assert.equal(await asker.locator('.post-replies').getByTestId('accept-answer').count(), 0, 'not one’s own reply');
    // Editing one's own post in place.
    const opening = asker.getByTestId('opening-post');
    await opening.getByTestId('edit-post').click();
    await opening.getByLabel('Your post').fill('We plan the national roll-out. **Three days**, or five with follow-up visits? (Edited)');
    await opening.getByRole('button', { name: 'Save' }).click();
    await opening.getByText('(Edited)').waitFor();
    await opening.locator('.post-head').getByText(/^\(edited on .+\)$/).waitFor();

    await asked.getByTestId('accept-answer').click();
    await expectText(asker.getByTestId('discussion-notice'), 'This answer is now the accepted one.');
    const accepted = asker.locator('[data-testid="post"][data-accepted="true"]');
    await expectText(accepted.getByTestId('accepted-badge'), '✓ Accepted answer');
    assert.match(await accepted.textContent(), new RegExp(answer.replace(/[()]/g, '\\$&')));
    await asker.getByTestId('go-to-answer').waitFor();
    await screenshot(asker, 'discussion-thread');
    await asker.setViewportSize({ width: 390, height: 844 });
    await screenshot(asker, 'discussion-thread-mobile');
    asker.assertNoErrors();

    // The answerer's bell: the accepted answer and the asker's reply to it.
    await answerer.getByRole('link', { name: 'Discussions', exact: true }).first().click();
    await expectPath(answerer, '/discussions');
    await expectUnread(answerer, answererBefore + 2);

    await answerer.getByTestId('notifications-link').click();
    await expectPath(answerer, '/notifications');
    const newest = answerer.getByTestId('notification').first();
    assert.equal(await newest.getAttribute('data-kind'), 'accepted_answer');
    assert.equal(await newest.getAttribute('data-read'), 'false');
    await answerer.getByTestId('unread-only').check();
    await answerer.getByTestId('notification').first().waitFor();
    for (const item of await answerer.getByTestId('notification').all()) {
      assert.equal(await item.getAttribute('data-read'), 'false');
    }
    await screenshot(answerer, 'notifications');
    await answerer.setViewportSize({ width: 390, height: 844 });
    await screenshot(answerer, 'notifications-mobile');
    await answerer.setViewportSize({ width: 1280, height: 800 });

    // Following a notification marks it read and opens the post it is about.
    await answerer.getByTestId('notification').first().getByRole('link').click();
    await expectPath(answerer, threadPath);
    await expectUnread(answerer, answererBefore + 1);
    await answerer.locator('[data-testid="post"][data-accepted="true"]').waitFor();

    await answerer.getByTestId('notifications-link').click();
    await expectPath(answerer, '/notifications');
    await answerer.getByTestId('mark-all-read').click();
    await expectUnread(answerer, 0);
    assert.equal(await answerer.getByTestId('unread-count').count(), 0);
    assert.equal(await answerer.getByTestId('notifications-link').getAttribute('aria-label'), 'Notifications');
    await answerer.getByTestId('unread-only').check();
    await expectText(answerer.getByTestId('notifications-empty'), 'Nothing unread.');
    answerer.assertNoErrors();

    await asker.context().close();
    await answerer.context().close();
  });

  test('the general forum lists its threads and starts one', async () => {
    const title = `Provisional amounts in a roadmap ${Date.now()}`;
    const page = await openPage(browser, 'fr-FR');
    await signIn(page, 'focal.ken@pioneer.test', { labels: FRENCH });
    await expectPath(page, '/');
    await page.getByRole('link', { name: 'Discussions', exact: true }).first().click();
    await expectPath(page, '/discussions');
    await expectText(page.locator('h1'), 'Discussions');
    await page.getByTestId('discussions').waitFor();
    const form = page.getByTestId('new-discussion');
    await form.getByLabel('Titre').fill(title);
    await form.getByLabel('Votre question ou votre sujet').fill('Avez-vous indiqué des fourchettes ?');
    await form.getByRole('button', { name: 'Lancer la discussion' }).click();
    await page.waitForURL((url) => THREAD_PATH.test(url.pathname));
    await expectText(page.getByTestId('discussion-title'), title);
    await page.getByRole('link', { name: 'Toutes les discussions' }).click();
    await expectPath(page, '/discussions');
    await page.getByTestId('discussions').getByRole('link', { name: title }).waitFor();
    page.assertNoErrors();
    await page.context().close();
  });
});
